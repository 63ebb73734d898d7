//! Other tabs of the same browser: each save is announced on a BroadcastChannel, and a tab
//! that hears of a newer revision of its own draft marks itself stale.

use super::{DraftSession, CHANNEL};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn broadcast(message: &JsValue) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(message);
        channel.close();
    }
}

impl DraftSession {
    /// Tells other tabs that `revision` of draft `id` is stored.
    pub(super) fn announce(&self, id: &str, revision: u64) {
        let message = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &k.into(), &v);
        let _ = set("draft_id", id.into());
        let _ = set("revision", (revision as f64).into());
        let _ = set("tab", self.tab_id.get_value().into());
        broadcast(&message);
    }

    pub(super) fn listen_to_other_tabs(&self) {
        let session = *self;
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                let same_draft = get("draft_id").and_then(|v| v.as_string())
                    == Some(session.draft_id.get_untracked());
                let other_tab =
                    get("tab").and_then(|v| v.as_string()) != Some(session.tab_id.get_value());
                let newer = get("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u64
                    > session.revision.get_untracked();
                if same_draft && other_tab && newer {
                    session.stale.set(true);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        std::mem::forget(channel);
    }
}
