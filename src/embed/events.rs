//! What the host page hears: `kaiban:ready`, `kaiban:step`, `kaiban:draft-saved`,
//! `kaiban:submitted`, `kaiban:error` (and, iframe mode only, `resize`). Details carry ids
//! and states, never the applicant's personal data.

use super::{host, Host};
use crate::app::{use_wizard, Nav, SaveStatus};
use crate::i18n::use_i18n;
use crate::submit::Submission;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", content = "detail", rename_all = "kebab-case")]
pub enum HostEvent {
    Ready {
        locale: &'static str,
    },
    #[serde(rename_all = "camelCase")]
    Step {
        /// 0-based position among the wizard's steps; null on the start and drafts pages.
        index: Option<usize>,
        count: usize,
        name: &'static str,
    },
    #[serde(rename_all = "camelCase")]
    DraftSaved {
        draft_id: String,
        saved_at: f64,
    },
    #[serde(rename_all = "camelCase")]
    Submitted {
        receipt_id: String,
        duplicate: bool,
    },
    #[serde(rename_all = "camelCase")]
    Error {
        code: &'static str,
        message_zh: String,
        message_en: String,
    },
    Resize {
        height: u32,
    },
}

impl HostEvent {
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Ready { .. } => "ready",
            HostEvent::Step { .. } => "step",
            HostEvent::DraftSaved { .. } => "draft-saved",
            HostEvent::Submitted { .. } => "submitted",
            HostEvent::Error { .. } => "error",
            HostEvent::Resize { .. } => "resize",
        }
    }
}

/// Sends `event` to the host: a postMessage to the parent's exact origin (iframe mode) or a
/// composed CustomEvent on the host element (in-page mode).
pub fn emit(event: HostEvent) {
    let Ok(json) = serde_json::to_string(&event) else {
        return;
    };
    let Ok(message) = js_sys::JSON::parse(&json) else {
        return;
    };
    match host() {
        Host::Standalone => {}
        Host::Framed { parent_origin } => {
            let _ = js_sys::Reflect::set(&message, &"kaiban".into(), &JsValue::from(1));
            if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
                let _ = parent.post_message(&message, &parent_origin);
            }
        }
        Host::InPage { element, .. } => {
            let detail = js_sys::Reflect::get(&message, &"detail".into()).unwrap_or(JsValue::NULL);
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(custom) = web_sys::CustomEvent::new_with_event_init_dict(
                &format!("kaiban:{}", event.name()),
                &init,
            ) {
                let _ = element.dispatch_event(&custom);
            }
        }
    }
}

/// Turns the wizard's state changes into host events. Renders nothing.
#[component]
pub fn EmbedBridge() -> impl IntoView {
    let wizard = use_wizard();
    let nav = expect_context::<Nav>();
    let i18n = use_i18n();

    Effect::new(move |announced: Option<bool>| {
        let ready = wizard.ready.get();
        if ready && announced != Some(true) {
            emit(HostEvent::Ready {
                locale: i18n.locale.get_untracked().tag(),
            });
        }
        ready || announced == Some(true)
    });

    Effect::new(move |_| {
        let step = nav.step.get();
        if !wizard.ready.get() {
            return;
        }
        let steps = wizard.journey.steps();
        emit(HostEvent::Step {
            index: steps.iter().position(|s| *s == step),
            count: steps.len(),
            name: step.key(),
        });
    });

    Effect::new(move |previous: Option<SaveStatus>| {
        let status = wizard.session.save_status.get();
        if Some(&status) != previous.as_ref() {
            match &status {
                SaveStatus::Saved(at) => emit(HostEvent::DraftSaved {
                    draft_id: wizard.session.draft_id.get_untracked(),
                    saved_at: *at,
                }),
                SaveStatus::Failed(error) => emit(HostEvent::Error {
                    code: "storage",
                    message_zh: error.message(true),
                    message_en: error.message(false),
                }),
                _ => {}
            }
        }
        status
    });

    Effect::new(move |previous: Option<Option<Submission>>| {
        let submission = wizard.filing.submission.get();
        if previous.as_ref() != Some(&submission) {
            match &submission {
                Some(Submission::Delivered { receipt, .. }) => emit(HostEvent::Submitted {
                    receipt_id: receipt.receipt_id.clone(),
                    duplicate: receipt.duplicate,
                }),
                // The reason itself can name people or files; events carry no personal data.
                Some(Submission::Refused { .. }) => emit(HostEvent::Error {
                    code: "submission-refused",
                    message_zh: "受理方拒收本申请，原因显示在申请页面上".into(),
                    message_en:
                        "The receiver refused the application; the reasons are shown in the wizard"
                            .into(),
                }),
                Some(Submission::Queued {
                    last_error: Some(error),
                    ..
                }) => emit(HostEvent::Error {
                    code: "submission-delayed",
                    message_zh: format!("暂未送达，将自动重试：{error}"),
                    message_en: format!("Not delivered yet, retrying automatically: {error}"),
                }),
                _ => {}
            }
        }
        submission
    });
}
