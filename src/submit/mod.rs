//! Delivering a signed package to the configured endpoint, exactly once: an outbox record in
//! IndexedDB survives reloads; each attempt is a multipart POST with an Idempotency-Key
//! derived from the package; network errors, 5xx and 429 are retried with backoff (honouring
//! Retry-After); 409 and 422 are final and shown to the applicant.

mod xhr;
pub use xhr::{get_bytes, get_json, get_text, http_json, set_upload_timeout};

use crate::drafts::{self, kv};
use js_sys::Reflect;
use kaiban_core::package::Package;
use kaiban_core::text::Bi;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub receipt_id: String,
    pub received_at: String,
    pub status_url: String,
    /// The submitter's secret for reading the case's status (receivers that need none omit it).
    #[serde(default)]
    pub status_token: Option<String>,
    #[serde(default)]
    pub duplicate: bool,
    /// `manual` when a registrar reads the case by hand (the applicant's own articles);
    /// receivers that do not say omit it.
    #[serde(default)]
    pub review: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Submission {
    /// Waiting for the network (offline, or between retries).
    Queued {
        attempts: u32,
        last_error: Option<String>,
    },
    Sending {
        attempts: u32,
    },
    Delivered {
        receipt: Receipt,
        endpoint: String,
    },
    /// The receiver refused the package; the reason is shown, the draft is kept.
    Refused {
        #[serde(deserialize_with = "Bi::deserialize_or_plain")]
        reason: Bi,
    },
    /// The registrar returned the case: the applicant corrects the application (the reasons
    /// shown at their fields) and submits it again as the answer to that case.
    Correcting {
        returned: Receipt,
        endpoint: String,
        reasons: Vec<kaiban_core::case::Reason>,
    },
}

impl Submission {
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Submission::Delivered { .. } | Submission::Refused { .. }
        )
    }
}

/// What the outbox keeps for one draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub draft_id: String,
    pub endpoint: String,
    pub idempotency_key: String,
    pub package_json: String,
    /// (attachment id in the attachments store, file name)
    pub attachments: Vec<(String, String)>,
    /// The returned case's status token, when this package corrects it: the receiver links the
    /// two only for the case's own submitter.
    #[serde(default)]
    pub corrects_token: Option<String>,
}

/// The outbox record of `item` (keyed by its draft), without a final answer yet.
fn outbox_record(item: &OutboxItem) -> js_sys::Object {
    let record = js_sys::Object::new();
    let _ = Reflect::set(&record, &"id".into(), &item.draft_id.as_str().into());
    let _ = Reflect::set(
        &record,
        &"item".into(),
        &serde_json::to_string(item).expect("serialises").into(),
    );
    record
}

pub async fn enqueue(item: &OutboxItem) -> Result<(), drafts::StorageError> {
    kv::put(kv::OUTBOX, &outbox_record(item).into()).await
}

/// Records the receiver's final answer in the outbox item, before anything shows it: a
/// reload at any moment then finds the truth there.
pub async fn record_final(
    item: &OutboxItem,
    state: &Submission,
) -> Result<(), drafts::StorageError> {
    let record = outbox_record(item);
    let _ = Reflect::set(
        &record,
        &"final".into(),
        &serde_json::to_string(state).expect("serialises").into(),
    );
    kv::put(kv::OUTBOX, &record.into()).await
}

/// Forgets a finished submission so the draft can be corrected and submitted again.
pub async fn discard(draft_id: &str) {
    let _ = kv::delete(kv::OUTBOX, draft_id).await;
}

/// The outbox item of a draft and, when the receiver has answered for good, that answer.
pub async fn outbox_entry(draft_id: &str) -> Option<(OutboxItem, Option<Submission>)> {
    let record = kv::get(kv::OUTBOX, draft_id).await.ok()??;
    let item =
        serde_json::from_str(&Reflect::get(&record, &"item".into()).ok()?.as_string()?).ok()?;
    let final_state = Reflect::get(&record, &"final".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|j| serde_json::from_str(&j).ok());
    Some((item, final_state))
}

pub fn build(
    package: &Package,
    draft_id: &str,
    endpoint: &str,
    attachments: Vec<(String, String)>,
    corrects_token: Option<String>,
) -> OutboxItem {
    OutboxItem {
        draft_id: draft_id.into(),
        endpoint: endpoint.into(),
        idempotency_key: package.idempotency_key(),
        package_json: package.to_json(),
        attachments,
        corrects_token,
    }
}

pub enum Attempt {
    Delivered(Receipt),
    Retry { after_ms: u32, reason: String },
    Refused(Bi),
}

fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Tries until delivered, refused, or the browser goes offline (then the item stays queued
/// and the caller resumes on the next `online` event or page load). `report` sees every
/// intermediate state; the final answer is returned (None: still queued).
pub async fn deliver(
    item: OutboxItem,
    report: impl Fn(Submission),
    progress: impl Fn(f64) + Clone + 'static,
) -> Option<Submission> {
    let mut attempts = 0u32;
    loop {
        if !online() {
            report(Submission::Queued {
                attempts,
                last_error: None,
            });
            return None;
        }
        attempts += 1;
        report(Submission::Sending { attempts });
        match xhr::post(&item, progress.clone()).await {
            Attempt::Delivered(receipt) => {
                return Some(Submission::Delivered {
                    receipt,
                    endpoint: item.endpoint.clone(),
                })
            }
            Attempt::Refused(reason) => return Some(Submission::Refused { reason }),
            Attempt::Retry { after_ms, reason } => {
                report(Submission::Queued {
                    attempts,
                    last_error: Some(reason),
                });
                let backoff = 500u32.saturating_mul(1 << attempts.min(6)).min(30_000);
                gloo_timers::future::TimeoutFuture::new(after_ms.max(backoff)).await;
            }
        }
    }
}

/// The status of a delivered case, from `GET {endpoint}/{receipt}` with the case's token.
pub async fn status(
    endpoint: &str,
    receipt_id: &str,
    token: Option<&str>,
) -> Result<serde_json::Value, String> {
    let url = format!("{}/{receipt_id}", endpoint.trim_end_matches('/'));
    xhr::get_json(&url, token).await
}

pub(crate) fn js_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_default()
}
