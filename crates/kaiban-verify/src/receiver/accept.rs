//! `POST /submissions`: bounded intake, then (for a body not seen under this key) the full
//! verification and the rules, then one atomic decision on key and payload, then the store.

use super::index::Decision;
use super::intake::{self, Intake};
use super::limits::{BODY_TOTAL, KEY_BYTES};
use super::refusal::Refusal;
use super::store::{self, Meta};
use super::{ids, Receiver};
use crate::clock;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use kaiban_core::bundle::Service;
use serde_json::json;
use std::sync::Arc;
use tokio::time::Instant;

/// The receipt; the status token only for a body identical to the stored one. A replay of the
/// same payload with other signatures (anyone who has the payload can sign it with keys of their
/// own) learns the receipt number, never the token.
fn receipt(meta: &Meta, status: StatusCode, duplicate: bool, body_hash: &str) -> Response {
    let mut body = json!({
        "receipt_id": meta.receipt_id,
        "status_url": format!("/submissions/{}", meta.receipt_id),
        "received_at": meta.received_at,
        "duplicate": duplicate,
        "review": if meta.manual_review { "manual" } else { "standard" },
        "services": meta.services,
    });
    if meta.body_hash == body_hash {
        body["status_token"] = json!(meta.status_token);
    }
    (status, Json(body)).into_response()
}

fn answer(decision: Decision, body_hash: &str) -> Response {
    match decision {
        Decision::Retry(meta) => receipt(&meta, StatusCode::OK, false, body_hash),
        Decision::Replay(meta) => receipt(&meta, StatusCode::OK, true, body_hash),
        Decision::Conflict => Refusal::new(
            StatusCode::CONFLICT,
            "idempotency_key_reused",
            json!("this Idempotency-Key was used for a different submission"),
        )
        .into_response(),
        Decision::InFlight => Refusal::busy(
            "submission_in_flight",
            "the same submission is being stored right now; retry shortly",
        )
        .into_response(),
        Decision::Fresh => unreachable!("a fresh reservation is stored, not answered"),
    }
}

pub async fn accept(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(key) = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty() && k.len() <= KEY_BYTES)
        .map(String::from)
    else {
        return Refusal::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_required",
            json!(format!(
                "send an Idempotency-Key header of 1 to {KEY_BYTES} characters"
            )),
        )
        .into_response();
    };
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return Refusal::new(
            StatusCode::BAD_REQUEST,
            "not_multipart",
            json!("send multipart/form-data with a boundary"),
        )
        .into_response();
    };
    let Ok(_permit) = receiver.submissions.clone().try_acquire_owned() else {
        return Refusal::busy("busy", "too many submissions at once; retry shortly")
            .into_response();
    };
    let deadline = Instant::now() + BODY_TOTAL;
    let now = clock::unix_now() as i64;
    let intake = match intake::read(&receiver.data, body, boundary, deadline, now).await {
        Ok(intake) => intake,
        Err(refusal) => return refusal.into_response(),
    };
    let body_hash = intake.body_hash();
    if let Some(decision) = receiver.index.by_key(&key, &body_hash) {
        intake.folder.discard().await;
        return answer(decision, &body_hash);
    }
    match check(&receiver, intake).await {
        Ok(checked) => {
            let token = headers
                .get("x-kaiban-corrects-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            store_case(&receiver, key, body_hash, checked, token).await
        }
        Err(refusal) => refusal.into_response(),
    }
}

struct Checked {
    package: Vec<u8>,
    manual_review: bool,
    /// The services filed with the registration (its bundle), each first `requested`.
    services: Vec<Service>,
    /// The returned case this one says it corrects.
    corrects: Option<String>,
    payload_hash: String,
    folder: intake::Incoming,
}

/// Signatures, signers, attachments and the rules: CPU-bound, off the async workers and at
/// most `CONCURRENT_CHECKS` at once.
async fn check(receiver: &Receiver, intake: Intake) -> Result<Checked, Refusal> {
    let _slot = receiver
        .checks
        .acquire()
        .await
        .map_err(|_| Refusal::internal())?;
    let Intake {
        package,
        candidate,
        received,
        folder,
    } = intake;
    let payload_hash = candidate.payload_hash();
    let deployment = receiver.deployment.clone();
    let verdict = match tokio::task::spawn_blocking(move || {
        let report = candidate.finish(&received);
        if !report.is_valid() {
            return Err(Refusal::invalid(&report));
        }
        let payload = report.payload.expect("valid packages have a payload");
        let findings = kaiban_core::check(
            &payload.application,
            &deployment.context(clock::today_utc()),
        );
        if kaiban_core::rules::has_errors(&findings) {
            let errors: Vec<_> = findings.into_iter().filter(|f| f.is_error()).collect();
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "application_invalid",
                json!({ "findings": errors }),
            ));
        }
        let services: Vec<Service> = payload.application.bundle.taken().collect();
        Ok((
            payload.application.needs_manual_review(),
            services,
            payload.corrects.clone(),
        ))
    })
    .await
    {
        Ok(verdict) => verdict,
        Err(_) => Err(Refusal::internal()),
    };
    match verdict {
        Ok((manual_review, services, corrects)) => Ok(Checked {
            package,
            manual_review,
            services,
            corrects,
            payload_hash,
            folder,
        }),
        Err(refusal) => {
            folder.discard().await;
            Err(refusal)
        }
    }
}

async fn store_case(
    receiver: &Arc<Receiver>,
    key: String,
    body_hash: String,
    checked: Checked,
    corrects_token: String,
) -> Response {
    let Checked {
        package,
        manual_review,
        services,
        corrects,
        payload_hash,
        folder,
    } = checked;
    // A correction names a returned case; only its submitter (who has its status token) may
    // answer it, and only once.
    if let Some(old) = &corrects {
        let data = receiver.data.clone();
        let case = old.clone();
        let answerable = receiver.index.may_read(old, &corrects_token)
            && tokio::task::spawn_blocking(move || {
                super::cases::read(&data, &case).is_some_and(|r| {
                    r.case.stage() == kaiban_core::case::Stage::Returned && r.corrected_by.is_none()
                })
            })
            .await
            .unwrap_or(false);
        if !answerable {
            folder.discard().await;
            return Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "corrects_invalid",
                json!({ "problems": [{ "code": "corrects.invalid", "message": "the case this one corrects is not a returned case of this submitter awaiting its correction" }], "entries": [] }),
            )
            .into_response();
        }
    }
    match receiver.index.reserve(&key, &body_hash, &payload_hash) {
        Decision::Fresh => {}
        other => {
            folder.discard().await;
            return answer(other, &body_hash);
        }
    }
    let meta = Meta {
        receipt_id: ids::new_receipt_id(),
        status_token: ids::new_status_token(),
        idempotency_key: key.clone(),
        body_hash: body_hash.clone(),
        payload_hash: payload_hash.clone(),
        received_at: clock::now_rfc3339(),
        manual_review,
        services,
        corrects: corrects.clone(),
    };
    let data = receiver.data.clone();
    let stored_meta = meta.clone();
    let incoming = folder.path().to_path_buf();
    let written =
        tokio::task::spawn_blocking(move || store::store(&data, &incoming, &stored_meta, &package))
            .await;
    match written {
        Ok(Ok(_)) => {
            folder.keep();
            receiver.index.stored(&meta);
            if let Some(old) = corrects {
                let (data, by) = (receiver.data.clone(), meta.receipt_id.clone());
                let _ = tokio::task::spawn_blocking(move || {
                    super::cases::link_correction(&data, &old, &by)
                })
                .await;
            }
            receipt(&meta, StatusCode::CREATED, false, &body_hash)
        }
        failed => {
            eprintln!("kaiban-verify serve: storing a case failed: {failed:?}");
            receiver.index.release(&key, &payload_hash);
            Refusal::storage().into_response()
        }
    }
}
