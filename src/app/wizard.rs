//! The application being filled in, its draft record, autosave, and moving between steps.

use super::nav::Nav;
use crate::drafts::{self, Draft, StorageError};
use crate::local_storage;
use crate::steps::{steps_for, Step};
use kaiban_core::model::{Application, Person};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CURRENT_DRAFT_KEY: &str = "kaiban.current_draft";
/// Unsaved changes written synchronously as the page hides: an unloading page cannot finish
/// the two IndexedDB round trips of a revision-checked save.
const EMERGENCY_PREFIX: &str = "kaiban.unsaved.";
const CHANNEL: &str = "kaiban-drafts";
/// Autosave waits this long after the last change (and saves at once when the tab hides).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

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

#[derive(Clone, Copy)]
pub struct Wizard {
    pub application: RwSignal<Application>,
    /// The people, unchanged by edits elsewhere: what shows a person reads this, so typing an
    /// amount does not wake every name on the page.
    pub persons: Memo<Vec<Person>>,
    pub ready: RwSignal<bool>,
    pub draft_id: RwSignal<String>,
    pub title: RwSignal<String>,
    created_at: RwSignal<f64>,
    revision: RwSignal<u64>,
    /// Incremented on every change; a save knows which edits it carried.
    edits: RwSignal<u64>,
    saved_edits: RwSignal<u64>,
    in_flight: RwSignal<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Another tab saved a newer revision of this draft.
    pub stale: RwSignal<bool>,
    pub read_only: RwSignal<bool>,
    pub notices: RwSignal<Vec<Notice>>,
    pub signing: RwSignal<Option<crate::signing::SigningSession>>,
    pub submission: RwSignal<Option<crate::submit::Submission>>,
    pub upload_progress: RwSignal<Option<f64>>,
    persistence_asked: RwSignal<bool>,
    /// Set by a "Change" link on the review page: Continue goes back there.
    pub return_to: RwSignal<Option<Step>>,
    /// The last journey step shown (the start and drafts pages are not part of a draft).
    last_step: RwSignal<Step>,
    nav: Nav,
    tab_id: StoredValue<String>,
}

fn broadcast(message: &JsValue) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(message);
        channel.close();
    }
}

impl Wizard {
    /// Loads the current draft (or starts one) and saves every change back.
    pub fn start(nav: Nav) -> Wizard {
        let application = RwSignal::new(Application::default());
        let wizard = Wizard {
            application,
            persons: Memo::new(move |_| application.with(|a| a.persons.clone())),
            ready: RwSignal::new(false),
            draft_id: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            created_at: RwSignal::new(drafts::now()),
            revision: RwSignal::new(0),
            edits: RwSignal::new(0),
            saved_edits: RwSignal::new(0),
            in_flight: RwSignal::new(false),
            timer: StoredValue::new(None),
            save_status: RwSignal::new(SaveStatus::Idle),
            stale: RwSignal::new(false),
            read_only: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            signing: RwSignal::new(None),
            submission: RwSignal::new(None),
            upload_progress: RwSignal::new(None),
            persistence_asked: RwSignal::new(false),
            return_to: RwSignal::new(None),
            last_step: RwSignal::new(Step::EntityType),
            nav,
            tab_id: StoredValue::new(drafts::new_id()),
        };
        spawn_local(async move {
            // After the first drawing (header, "Loading…"), in a task of its own.
            gloo_timers::future::TimeoutFuture::new(0).await;
            let saved_id =
                local_storage().and_then(|s| s.get_item(CURRENT_DRAFT_KEY).ok().flatten());
            // Opened even for a new applicant: a browser that refuses storage is reported now,
            // not after half an hour of typing.
            let storage = drafts::db().await;
            match (saved_id, storage) {
                (_, Err(e)) => {
                    wizard.start_new_draft();
                    wizard.save_status.set(SaveStatus::Failed(e));
                }
                (Some(id), Ok(_)) => wizard.load(&id, false).await,
                (None, Ok(_)) => wizard.start_new_draft(),
            }
            wizard.correct_impossible_step();
            wizard.ready.set(true);
            wizard.resume_delivery();
        });
        let resume = Closure::<dyn Fn()>::new(move || wizard.resume_delivery());
        let _ =
            window().add_event_listener_with_callback("online", resume.as_ref().unchecked_ref());
        resume.forget();
        wizard.watch_changes();
        wizard.listen_to_other_tabs();
        wizard.flush_when_hidden();
        wizard
    }

    fn start_new_draft(&self) {
        let id = drafts::new_id();
        if let Some(s) = local_storage() {
            let _ = s.set_item(CURRENT_DRAFT_KEY, &id);
        }
        self.load_into_signals(Draft::new(id));
    }

    fn current_draft(&self) -> Draft {
        Draft {
            id: self.draft_id.get_untracked(),
            application: self.application.get_untracked(),
            step: self.last_step.get_untracked().key().to_string(),
            title: self.title.get_untracked(),
            created_at: self.created_at.get_untracked(),
            updated_at: drafts::now(),
            revision: self.revision.get_untracked(),
            signing: self.signing.get_untracked(),
            submission: self.submission.get_untracked(),
        }
    }

    fn has_unsaved_edits(&self) -> bool {
        !self.read_only.get_untracked()
            && self.edits.get_untracked() > self.saved_edits.get_untracked()
    }

    fn write_emergency_copy(&self) {
        if !self.has_unsaved_edits() {
            return;
        }
        if let (Some(storage), Ok(json)) = (
            local_storage(),
            serde_json::to_string(&self.current_draft()),
        ) {
            let _ = storage.set_item(
                &format!("{EMERGENCY_PREFIX}{}", self.draft_id.get_untracked()),
                &json,
            );
        }
    }

    fn clear_emergency_copy(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&format!(
                "{EMERGENCY_PREFIX}{}",
                self.draft_id.get_untracked()
            ));
        }
    }

    /// The copy written as the page last hid, if it continues the stored revision.
    fn take_emergency_copy(id: &str, stored_revision: u64) -> Option<Draft> {
        let storage = local_storage()?;
        let key = format!("{EMERGENCY_PREFIX}{id}");
        let json = storage.get_item(&key).ok()??;
        let _ = storage.remove_item(&key);
        let draft: Draft = serde_json::from_str(&json).ok()?;
        (draft.revision == stored_revision).then_some(draft)
    }

    fn load_into_signals(&self, draft: Draft) {
        self.draft_id.set(draft.id);
        self.title.set(draft.title);
        self.created_at.set(draft.created_at);
        self.revision.set(draft.revision);
        self.stale.set(false);
        self.read_only.set(false);
        self.save_status.set(if draft.revision > 0 {
            SaveStatus::Saved(draft.updated_at)
        } else {
            SaveStatus::Idle
        });
        self.application.set(draft.application);
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
        let loaded = drafts::load(id).await;
        // Reading a draft is a long task on a phone already; what follows (drawing it) is one of
        // its own (see FirstDraw).
        gloo_timers::future::TimeoutFuture::new(0).await;
        let stored_revision = match &loaded {
            Ok(Ok(Some(d))) => d.revision,
            _ => 0,
        };
        if let Some(unsaved) = Self::take_emergency_copy(id, stored_revision) {
            if let Some(s) = local_storage() {
                let _ = s.set_item(CURRENT_DRAFT_KEY, &unsaved.id);
            }
            let step = Step::from_key(&unsaved.step).filter(|s| !s.outside_drafts());
            self.last_step.set(step.unwrap_or(Step::EntityType));
            self.load_into_signals(unsaved);
            // Not yet in IndexedDB: save it properly now.
            self.saved_edits.update(|n| *n -= 1);
            self.flush_soon();
            return;
        }
        match loaded {
            Ok(Ok(Some(draft))) => {
                if let Some(s) = local_storage() {
                    let _ = s.set_item(CURRENT_DRAFT_KEY, &draft.id);
                }
                let step = Step::from_key(&draft.step)
                    .filter(|s| !matches!(s, Step::Start | Step::Drafts));
                self.last_step.set(step.unwrap_or(Step::EntityType));
                self.load_into_signals(draft);
                if let (Some(step), true) = (
                    step,
                    go_to_its_step && self.nav.step.get_untracked() == Step::Drafts,
                ) {
                    self.nav.go(step);
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
                self.save_status.set(SaveStatus::Failed(e));
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

    /// Starts a fresh application (the current draft stays saved).
    pub fn new_application(&self) {
        self.flush();
        self.start_new_draft();
        self.nav.go(Step::EntityType);
    }

    fn watch_changes(&self) {
        let wizard = *self;
        Effect::new(move |_| {
            let step = wizard.nav.step.get();
            if !matches!(step, Step::Start | Step::Drafts)
                && wizard.last_step.get_untracked() != step
            {
                wizard.last_step.set(step);
            }
        });
        Effect::new(move |_| {
            let changed = wizard.application.with(|app| {
                let session = wizard.signing.get_untracked()?;
                let again = kaiban_core::package::Payload::new(
                    app,
                    session.application_id.clone(),
                    session.created_at.clone(),
                );
                (again.encoded() != session.payload).then_some(session.entries.len())
            });
            if let Some(voided) = changed {
                wizard.signing.set(None);
                if voided > 0 {
                    wizard
                        .notices
                        .update(|n| n.push(Notice::SignaturesVoided(voided)));
                }
            }
        });
        Effect::new(move |first: Option<()>| {
            wizard.application.track();
            wizard.title.track();
            wizard.last_step.track();
            wizard.signing.track();
            wizard.submission.track();
            if first.is_none() || !wizard.ready.get_untracked() {
                return;
            }
            wizard.edits.update(|n| *n += 1);
            if wizard.edits.get_untracked() <= wizard.saved_edits.get_untracked() {
                return;
            }
            if wizard.read_only.get_untracked() {
                return;
            }
            wizard.save_status.set(SaveStatus::Pending);
            wizard.timer.update_value(|t| {
                if let Some(t) = t.take() {
                    t.clear();
                }
            });
            let handle = set_timeout_with_handle(move || wizard.flush(), AUTOSAVE_DELAY).ok();
            wizard.timer.set_value(handle);
        });
    }

    fn flush_soon(&self) {
        let wizard = *self;
        spawn_local(async move {
            let _ = wizard.save_after_changes().await;
        });
    }

    /// Like `save_pending`, after letting a change made just now reach the autosave effect
    /// (effects run after the current task).
    pub async fn save_after_changes(&self) -> Result<(), StorageError> {
        gloo_timers::future::TimeoutFuture::new(0).await;
        self.save_pending().await
    }

    /// Saves now if there is anything unsaved.
    pub fn flush(&self) {
        let wizard = *self;
        spawn_local(async move {
            let _ = wizard.save_pending().await;
        });
    }

    /// Saves whatever is unsaved and returns once it is stored (or refused).
    /// Starts writing at once (it must, when called as the page is hidden or unloaded).
    pub async fn save_pending(&self) -> Result<(), StorageError> {
        let wizard = *self;
        for _ in 0..100 {
            if !wizard.in_flight.get_untracked() {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
        if wizard.read_only.get_untracked()
            || wizard.in_flight.get_untracked()
            || wizard.edits.get_untracked() <= wizard.saved_edits.get_untracked()
        {
            return Ok(());
        }
        wizard.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
        let carried = wizard.edits.get_untracked();
        let draft = Draft {
            id: wizard.draft_id.get_untracked(),
            application: wizard.application.get_untracked(),
            step: wizard.last_step.get_untracked().key().to_string(),
            title: wizard.title.get_untracked(),
            created_at: wizard.created_at.get_untracked(),
            updated_at: drafts::now(),
            revision: wizard.revision.get_untracked(),
            signing: wizard.signing.get_untracked(),
            submission: wizard.submission.get_untracked(),
        };
        wizard.in_flight.set(true);
        wizard.save_status.set(SaveStatus::Saving);
        let result = drafts::save(&draft).await;
        wizard.in_flight.set(false);
        match result {
            Ok(drafts::Saved {
                revision,
                recreated,
            }) => {
                if recreated {
                    wizard.notices.update(|n| n.push(Notice::StorageCleared));
                }
                wizard.revision.set(revision);
                wizard.saved_edits.set(carried);
                if !wizard.has_unsaved_edits() {
                    wizard.clear_emergency_copy();
                }
                wizard.save_status.set(SaveStatus::Saved(draft.updated_at));
                let message = js_sys::Object::new();
                let _ =
                    js_sys::Reflect::set(&message, &"draft_id".into(), &draft.id.as_str().into());
                let _ =
                    js_sys::Reflect::set(&message, &"revision".into(), &(revision as f64).into());
                let _ = js_sys::Reflect::set(
                    &message,
                    &"tab".into(),
                    &wizard.tab_id.get_value().into(),
                );
                broadcast(&message);
                if !wizard.persistence_asked.get_untracked() {
                    wizard.persistence_asked.set(true);
                    drafts::request_persistence().await;
                }
                if wizard.edits.get_untracked() > carried {
                    wizard.flush();
                }
                Ok(())
            }
            Err(e) => {
                if matches!(e, StorageError::Conflict { .. }) {
                    wizard.stale.set(true);
                }
                wizard.save_status.set(SaveStatus::Failed(e.clone()));
                Err(e)
            }
        }
    }

    fn listen_to_other_tabs(&self) {
        let wizard = *self;
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                let same_draft = get("draft_id").and_then(|v| v.as_string())
                    == Some(wizard.draft_id.get_untracked());
                let other_tab =
                    get("tab").and_then(|v| v.as_string()) != Some(wizard.tab_id.get_value());
                let newer = get("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u64
                    > wizard.revision.get_untracked();
                if same_draft && other_tab && newer {
                    wizard.stale.set(true);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        std::mem::forget(channel);
    }

    fn flush_when_hidden(&self) {
        let wizard = *self;
        crate::crash::on_crash(move || wizard.write_emergency_copy());
        let on_hide = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                wizard.write_emergency_copy();
                wizard.flush();
            }
        });
        let _ = document()
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
        let on_pagehide = Closure::<dyn Fn()>::new(move || {
            wizard.write_emergency_copy();
            wizard.flush();
        });
        let _ = window()
            .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        on_pagehide.forget();
    }

    /// Replaces this tab's copy with the newest stored one (after another tab saved).
    pub fn reload_latest(&self) {
        let wizard = *self;
        let id = wizard.draft_id.get_untracked();
        spawn_local(async move { wizard.load(&id, false).await });
    }

    /// Keeps this tab's copy on screen without saving it.
    pub fn continue_read_only(&self) {
        self.read_only.set(true);
        self.stale.set(false);
    }

    /// A step that needs an entity type cannot be shown before one is chosen.
    fn correct_impossible_step(&self) {
        let step = self.nav.step.get_untracked();
        if step.outside_drafts() || step == Step::Receipt {
            return;
        }
        let chosen = self.application.with_untracked(|a| a.entity_type);
        let allowed = steps_for(chosen);
        if chosen.is_none() && step != Step::EntityType || !allowed.contains(&step) {
            self.nav.replace(if chosen.is_none() {
                Step::EntityType
            } else {
                allowed[0]
            });
        }
    }

    pub fn steps(&self) -> Vec<Step> {
        steps_for(self.application.with(|a| a.entity_type))
    }

    pub fn go_next(&self) {
        if let Some(back) = self.return_to.get_untracked() {
            self.return_to.set(None);
            self.nav.go(back);
            return;
        }
        let steps = self.steps();
        let here = self.nav.step.get_untracked();
        let next = steps
            .iter()
            .position(|s| *s == here)
            .and_then(|i| steps.get(i + 1))
            .copied()
            .unwrap_or(here);
        self.nav.go(next);
    }

    /// Opens `step` to change an answer, coming back to the review afterwards.
    pub fn change(&self, step: Step) {
        self.return_to.set(Some(Step::Review));
        self.nav.go(step);
    }

    pub fn go(&self, step: Step) {
        self.nav.go(step);
    }

    pub fn go_back(&self) {
        let steps = self.steps();
        let here = self.nav.step.get_untracked();
        let previous = match steps.iter().position(|s| *s == here) {
            Some(0) | None => Step::Start,
            Some(i) => steps[i - 1],
        };
        self.nav.go(previous);
    }
}

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}
impl Wizard {
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.application.with(|a| a.person_index(id))
    }

    pub fn update_person(&self, id: &str, change: impl FnOnce(&mut kaiban_core::model::Person)) {
        self.application.update(|a| {
            if let Some(p) = a.persons.iter_mut().find(|p| p.id == id) {
                change(p);
            }
        });
    }

    /// Adds an empty person record and returns its id.
    pub fn add_person(&self, organisation: bool) -> String {
        let id = crate::drafts::new_id();
        self.application.update(|a| {
            a.persons.push(kaiban_core::model::Person {
                id: id.clone(),
                id_type: if organisation {
                    kaiban_core::ids::IdType::CreditCode
                } else {
                    kaiban_core::ids::IdType::ResidentId
                },
                nationality: if organisation {
                    String::new()
                } else {
                    "CHN".into()
                },
                ..Default::default()
            })
        });
        id
    }

    /// Removes people whom no role refers to any more (after a role was removed).
    pub fn drop_unreferenced_people(&self) {
        self.application.update(|a| {
            let used = referenced_people(a);
            a.persons.retain(|p| used.contains(&p.id));
        });
    }
}

/// Every person id a role of the application points at.
pub fn referenced_people(a: &Application) -> std::collections::HashSet<String> {
    a.roles()
        .into_iter()
        .map(|r| r.person_id.to_string())
        .collect()
}

impl Wizard {
    /// Hands the signed package to the outbox and delivers it (now, or when back online).
    pub fn submit(&self, item: crate::submit::OutboxItem) {
        let wizard = *self;
        spawn_local(async move {
            if let Err(e) = crate::submit::enqueue(&item).await {
                wizard.save_status.set(SaveStatus::Failed(e));
                return;
            }
            wizard
                .submission
                .set(Some(crate::submit::Submission::Queued {
                    attempts: 0,
                    last_error: None,
                }));
            let _ = wizard.save_pending().await;
            wizard.deliver(item).await;
        });
    }

    async fn deliver(&self, item: crate::submit::OutboxItem) {
        let wizard = *self;
        let draft_id = item.draft_id.clone();
        let current = move || wizard.draft_id.get_untracked() == draft_id;
        let outcome = crate::submit::deliver(
            item.clone(),
            move |state| {
                if current() {
                    wizard.submission.set(Some(state));
                }
            },
            move |fraction| wizard.upload_progress.set(Some(fraction)),
        )
        .await;
        if let Some(state) = outcome {
            // Durable first, shown second.
            let _ = crate::submit::record_final(&item, &state).await;
            if wizard.draft_id.get_untracked() == item.draft_id {
                wizard.submission.set(Some(state));
            }
        }
        let _ = wizard.save_pending().await;
    }

    /// Resumes a submission that was queued (offline, or interrupted by a reload). The outbox
    /// is the durable record: written before anything says "queued", and given the
    /// receiver's final answer before anything says "submitted".
    pub fn resume_delivery(&self) {
        let wizard = *self;
        spawn_local(async move {
            let Some((item, final_state)) =
                crate::submit::outbox_entry(&wizard.draft_id.get_untracked()).await
            else {
                return;
            };
            match final_state {
                Some(state) => {
                    if wizard.submission.get_untracked().as_ref() != Some(&state) {
                        wizard.submission.set(Some(state));
                    }
                }
                None => {
                    if wizard.submission.get_untracked().is_none() {
                        wizard
                            .submission
                            .set(Some(crate::submit::Submission::Queued {
                                attempts: 0,
                                last_error: None,
                            }));
                    }
                    wizard.deliver(item).await;
                }
            }
        });
    }

    /// After the registrar returned the case: the application becomes editable again (the old
    /// signatures no longer apply) and the applicant is taken to `step`.
    pub fn reopen_for_correction(&self, step: Step) {
        let wizard = *self;
        spawn_local(async move {
            crate::submit::discard(&wizard.draft_id.get_untracked()).await;
            wizard.submission.set(None);
            wizard.signing.set(None);
            wizard.nav.go(step);
        });
    }

    pub fn is_submitted(&self) -> bool {
        self.submission.with(|s| {
            matches!(
                s,
                Some(crate::submit::Submission::Delivered { .. })
                    | Some(crate::submit::Submission::Queued { .. })
                    | Some(crate::submit::Submission::Sending { .. })
            )
        })
    }
}
