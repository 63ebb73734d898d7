//! The page going away: unsaved changes are written synchronously to localStorage as the
//! page hides or crashes (an unloading page cannot finish an IndexedDB save) and taken back
//! on the next load if they continue the stored revision.

use super::{DraftSession, EMERGENCY_PREFIX};
use crate::drafts::Draft;
use crate::local_storage;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

impl DraftSession {
    pub(super) fn emergency_key(&self) -> String {
        format!("{EMERGENCY_PREFIX}{}", self.draft_id.get_untracked())
    }

    pub(super) fn write_emergency_copy(&self) {
        if !self.has_unsaved_edits() {
            return;
        }
        if let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(&self.capture()))
        {
            let _ = storage.set_item(&self.emergency_key(), &json);
        }
    }

    pub(super) fn clear_emergency_copy(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.emergency_key());
        }
    }

    /// The copy written as the page last hid, if it continues the stored revision. Read in the
    /// later pages' module, as stored drafts are (`drafts::load`): if it cannot be fetched, the
    /// copy stays for the next load.
    pub(super) async fn take_emergency_copy(id: &str, stored_revision: u64) -> Option<Draft> {
        let storage = local_storage()?;
        let key = format!("{EMERGENCY_PREFIX}{id}");
        let json = storage.get_item(&key).ok()??;
        let draft = read_copy(json).await.ok()?;
        let _ = storage.remove_item(&key);
        draft.filter(|d| d.revision == stored_revision)
    }

    pub(super) fn flush_when_hidden(&self) {
        let session = *self;
        crate::crash::on_crash(move || session.write_emergency_copy());
        let on_hide = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                session.write_emergency_copy();
                session.flush();
            }
        });
        let _ = document()
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
        let on_pagehide = Closure::<dyn Fn()>::new(move || {
            session.write_emergency_copy();
            session.flush();
        });
        let _ = window()
            .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        on_pagehide.forget();
    }
}

crate::steps::in_later_module! {
    fn read_copy(json: String) -> Option<Draft> {
        serde_json::from_str(&json).ok()
    }
}
