//! The draft being edited and its record in IndexedDB: revisions, autosave, the emergency
//! copy written as the page hides, and the channel that tells other tabs about a save.

mod emergency;
mod shown_status;
mod tabs;

use super::journey::Journey;
use crate::drafts::{self, Draft, StorageError};
use crate::local_storage;
use crate::steps::{LaterPages, Step};
use crate::submit::Submission;
use kaiban_core::model::Application;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

const CURRENT_DRAFT_KEY: &str = "kaiban.current_draft";
/// Unsaved changes written synchronously as the page hides: an unloading page cannot finish
/// the two IndexedDB round trips of a revision-checked save.
const EMERGENCY_PREFIX: &str = "kaiban.unsaved.";
const CHANNEL: &str = "kaiban-drafts";
/// Autosave waits this long after the last change (and saves at once when the tab hides).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(250);
/// Typing that never pauses is written at least this often (ms after the last write began).
const LONGEST_UNSAVED_MS: f64 = 2_000.0;
/// A write that takes longer than this is shown as under way; a quicker one is not shown at
/// all (see `shown_status.rs`).
const SLOW_WRITE: Duration = Duration::from_millis(1_000);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing typed yet in this draft.
    Idle,
    Pending,
    Saving,
    Saved(f64),
    Failed(StorageError),
}

/// Something the applicant should know that is not tied to a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A stored draft could not be read; it was set aside, not deleted.
    DraftSetAside(String),
    /// The application changed after people had signed: their signatures no longer apply.
    SignaturesVoided(usize),
    /// The browser cleared the site's stored data while the page was open; this draft was
    /// written again from the page, other drafts may be gone.
    StorageCleared,
}

/// What a draft record holds besides its bookkeeping: owned by the wizard, the journey and
/// the filing, saved together by the session.
#[derive(Clone, Copy)]
pub struct DraftContent {
    pub application: RwSignal<Application>,
    pub signing: RwSignal<Option<crate::signing::SigningSession>>,
    pub submission: RwSignal<Option<Submission>>,
}

#[derive(Clone, Copy)]
pub struct DraftSession {
    pub draft_id: RwSignal<String>,
    pub title: RwSignal<String>,
    created_at: RwSignal<f64>,
    revision: RwSignal<u64>,
    /// Incremented on every change; a save knows which edits it carried.
    edits: RwSignal<u64>,
    saved_edits: RwSignal<u64>,
    in_flight: RwSignal<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the oldest change made since the last write began was made (`Date.now()`).
    unsaved_since: StoredValue<Option<f64>>,
    pub save_status: RwSignal<SaveStatus>,
    /// The write under way has taken longer than `SLOW_WRITE`.
    slow_write: RwSignal<bool>,
    /// What the status line shows. Changes are written within moments of typing, so a write
    /// under way keeps the last outcome on the line ("已保存在本设备 12:34"): the line, a live
    /// region, changes only when there is something to hear (a new minute, a failure, a write
    /// that is slow), not at every pause in typing. Kept here, not in the line, because each
    /// step draws its own line and a new one would not know the last outcome.
    pub shown_status: RwSignal<SaveStatus>,
    /// Another tab saved a newer revision of this draft.
    pub stale: RwSignal<bool>,
    pub read_only: RwSignal<bool>,
    pub notices: RwSignal<Vec<Notice>>,
    persistence_asked: RwSignal<bool>,
    tab_id: StoredValue<String>,
    content: DraftContent,
    journey: Journey,
    /// Where stored drafts are read (`drafts::load`).
    later: LaterPages,
    /// Set once the stored draft has been read: changes before that are not edits.
    ready: RwSignal<bool>,
}

/// The draft this browser last worked on, if any (a returning applicant).
pub fn current_draft_id() -> Option<String> {
    local_storage().and_then(|s| s.get_item(CURRENT_DRAFT_KEY).ok().flatten())
}

fn remember_current(id: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(CURRENT_DRAFT_KEY, id);
    }
}

impl DraftSession {
    pub fn new(
        content: DraftContent,
        journey: Journey,
        later: LaterPages,
        ready: RwSignal<bool>,
    ) -> DraftSession {
        DraftSession {
            draft_id: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            created_at: RwSignal::new(drafts::now()),
            revision: RwSignal::new(0),
            edits: RwSignal::new(0),
            saved_edits: RwSignal::new(0),
            in_flight: RwSignal::new(false),
            timer: StoredValue::new(None),
            unsaved_since: StoredValue::new(None),
            save_status: RwSignal::new(SaveStatus::Idle),
            slow_write: RwSignal::new(false),
            shown_status: RwSignal::new(SaveStatus::Idle),
            stale: RwSignal::new(false),
            read_only: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            persistence_asked: RwSignal::new(false),
            tab_id: StoredValue::new(drafts::new_id()),
            content,
            journey,
            later,
            ready,
        }
    }

    /// Opens the draft the applicant last worked on (or starts one), then saves every change.
    pub async fn open_current(&self) {
        let saved_id = current_draft_id();
        // Opened even for a new applicant: a browser that refuses storage is reported now,
        // not after half an hour of typing.
        match (saved_id, drafts::db().await) {
            (_, Err(e)) => {
                self.start_new_draft();
                self.set_save_status(SaveStatus::Failed(e));
            }
            (Some(id), Ok(_)) => self.load(&id, false).await,
            (None, Ok(_)) => self.start_new_draft(),
        }
    }

    /// Starts the autosave, the other-tab listener and the save as the page hides.
    pub fn keep_saved(&self) {
        self.watch_changes();
        self.listen_to_other_tabs();
        self.flush_when_hidden();
    }

    pub fn start_new_draft(&self) {
        let id = drafts::new_id();
        remember_current(&id);
        self.load_into_signals(Draft::new(id));
    }

    /// The draft record as it stands now.
    fn capture(&self) -> Draft {
        Draft {
            id: self.draft_id.get_untracked(),
            application: self.content.application.get_untracked(),
            step: self.journey.last_step.get_untracked().key().to_string(),
            title: self.title.get_untracked(),
            created_at: self.created_at.get_untracked(),
            updated_at: drafts::now(),
            revision: self.revision.get_untracked(),
            signing: self.content.signing.get_untracked(),
            submission: self.content.submission.get_untracked(),
        }
    }

    fn has_unsaved_edits(&self) -> bool {
        !self.read_only.get_untracked()
            && self.edits.get_untracked() > self.saved_edits.get_untracked()
    }

    fn load_into_signals(&self, draft: Draft) {
        self.draft_id.set(draft.id);
        self.title.set(draft.title);
        self.created_at.set(draft.created_at);
        self.revision.set(draft.revision);
        self.stale.set(false);
        self.read_only.set(false);
        self.set_save_status(if draft.revision > 0 {
            SaveStatus::Saved(draft.updated_at)
        } else {
            SaveStatus::Idle
        });
        self.content.application.set(draft.application);
        // Loading is not an edit: nothing to save until the applicant changes something.
        self.saved_edits.set(self.edits.get_untracked() + 1);
    }

    /// Opens the stored draft `id` as the current one, from the list of drafts: shows the
    /// step it was left on.
    pub async fn open(&self, id: &str) {
        self.load(id, true).await;
    }

    /// Makes the stored draft `id` the current one; `go_to_its_step` from the list of drafts
    /// (on a reload of that list, the applicant stays on it).
    async fn load(&self, id: &str, go_to_its_step: bool) {
        // Drafts are read in the later pages' module: until it is here (after a failed fetch, until
        // the applicant's Try again succeeds) the draft is not opened, and nothing is saved.
        self.later.loaded().await;
        let loaded = drafts::load(id).await;
        // Reading a draft is a long task on a phone already; what follows (drawing it) is one of
        // its own (see FirstDraw).
        crate::browser::next_task().await;
        let stored_revision = match &loaded {
            Ok(Ok(Some(d))) => d.revision,
            _ => 0,
        };
        if let Some(unsaved) = Self::take_emergency_copy(id, stored_revision).await {
            remember_current(&unsaved.id);
            let step = Step::from_key(&unsaved.step).filter(|s| !s.outside_drafts());
            self.journey.last_step.set(step.unwrap_or(Step::EntityType));
            self.load_into_signals(unsaved);
            // Not yet in IndexedDB: save it properly now.
            self.saved_edits.update(|n| *n -= 1);
            self.flush_soon();
            return;
        }
        match loaded {
            Ok(Ok(Some(draft))) => {
                remember_current(&draft.id);
                let step = Step::from_key(&draft.step)
                    .filter(|s| !matches!(s, Step::Start | Step::Drafts));
                self.journey.last_step.set(step.unwrap_or(Step::EntityType));
                self.load_into_signals(draft);
                if let (Some(step), true) =
                    (step, go_to_its_step && self.journey.is_on(Step::Drafts))
                {
                    self.journey.go(step);
                }
            }
            Ok(Ok(None)) => self.start_new_draft(),
            Ok(Err(reason)) => {
                self.notices
                    .update(|n| n.push(Notice::DraftSetAside(reason)));
                self.start_new_draft();
            }
            Err(e) => {
                self.start_new_draft();
                self.set_save_status(SaveStatus::Failed(e));
            }
        }
    }

    /// The current draft was deleted: a new one takes its place, nothing of it is saved again,
    /// and the applicant stays where they are (the list of drafts).
    pub fn replace_deleted_draft(&self) {
        self.clear_emergency_copy();
        self.saved_edits.set(self.edits.get_untracked());
        self.start_new_draft();
    }

    fn watch_changes(&self) {
        let session = *self;
        let content = self.content;
        Effect::new(move |first: Option<()>| {
            content.application.track();
            session.title.track();
            session.journey.last_step.track();
            content.signing.track();
            content.submission.track();
            if first.is_none() || !session.ready.get_untracked() {
                return;
            }
            session.edits.update(|n| *n += 1);
            if !session.has_unsaved_edits() {
                return;
            }
            session.set_save_status(SaveStatus::Pending);
            session.clear_timer();
            let now = js_sys::Date::now();
            let since = *session.unsaved_since.get_value().get_or_insert(now);
            session.unsaved_since.set_value(Some(since));
            let delay = if now - since >= LONGEST_UNSAVED_MS {
                Duration::ZERO
            } else {
                AUTOSAVE_DELAY
            };
            let handle = set_timeout_with_handle(move || session.flush(), delay).ok();
            session.timer.set_value(handle);
        });
    }

    fn clear_timer(&self) {
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
    }

    fn flush_soon(&self) {
        let session = *self;
        spawn_local(async move {
            let _ = session.save_after_changes().await;
        });
    }

    /// Like `save_pending`, after letting a change made just now reach the autosave effect
    /// (effects run after the current task).
    pub async fn save_after_changes(&self) -> Result<(), StorageError> {
        crate::browser::next_task().await;
        self.save_pending().await
    }

    /// Saves now if there is anything unsaved.
    pub fn flush(&self) {
        let session = *self;
        spawn_local(async move {
            let _ = session.save_pending().await;
        });
    }

    /// Saves whatever is unsaved and returns once it is stored (or refused).
    /// Starts writing at once (it must, when called as the page is hidden or unloaded).
    pub async fn save_pending(&self) -> Result<(), StorageError> {
        for _ in 0..100 {
            if !self.in_flight.get_untracked() {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
        if self.in_flight.get_untracked() || !self.has_unsaved_edits() {
            return Ok(());
        }
        self.clear_timer();
        let carried = self.edits.get_untracked();
        // A new window for the changes typed from now on: measured from a failed write too,
        // or a failing write would be retried at every keystroke.
        self.unsaved_since.set_value(None);
        let draft = self.capture();
        self.in_flight.set(true);
        self.set_save_status(SaveStatus::Saving);
        let session = *self;
        let slow = set_timeout_with_handle(move || session.write_is_slow(), SLOW_WRITE).ok();
        let result = drafts::save(&draft).await;
        if let Some(slow) = slow {
            slow.clear();
        }
        self.slow_write.set(false);
        self.in_flight.set(false);
        match result {
            Ok(drafts::Saved {
                revision,
                recreated,
            }) => {
                if recreated {
                    self.notices.update(|n| n.push(Notice::StorageCleared));
                }
                self.revision.set(revision);
                self.saved_edits.set(carried);
                if !self.has_unsaved_edits() {
                    self.clear_emergency_copy();
                }
                self.set_save_status(SaveStatus::Saved(draft.updated_at));
                self.announce(&draft.id, revision);
                if !self.persistence_asked.get_untracked() {
                    self.persistence_asked.set(true);
                    drafts::request_persistence().await;
                }
                if self.edits.get_untracked() > carried {
                    self.flush();
                }
                Ok(())
            }
            Err(e) => {
                if matches!(e, StorageError::Conflict { .. }) {
                    self.stale.set(true);
                }
                self.set_save_status(SaveStatus::Failed(e.clone()));
                Err(e)
            }
        }
    }

    /// Replaces this tab's copy with the newest stored one (after another tab saved).
    pub fn reload_latest(&self) {
        let session = *self;
        let id = session.draft_id.get_untracked();
        spawn_local(async move { session.load(&id, false).await });
    }

    /// Keeps this tab's copy on screen without saving it.
    pub fn continue_read_only(&self) {
        self.read_only.set(true);
        self.stale.set(false);
    }
}
