//! The application being filled in, and the three parts that look after it: the draft
//! session (its record and autosave), the journey (which step, Continue and Back) and the
//! filing (signing round, outbox, delivery).

use super::filing::Filing;
use super::journey::Journey;
use super::nav::Nav;
use super::person_signals::PersonSignals;
use super::session::{DraftContent, DraftSession};
use super::settled_signal::settled_signal;
use crate::steps::{person_home_steps, Step};
use kaiban_core::model::Application;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Wizard {
    pub application: RwSignal<Application>,
    /// Each person on their own: what shows one person's fields reads this.
    pub person_signals: PersonSignals,
    /// The step where each person with a form-showing role is edited (`person_home_step`),
    /// found once per change for everyone rather than by every person's card.
    pub home_steps: Signal<HashMap<String, Step>>,
    /// The stored draft has been read (or a new one started).
    pub ready: RwSignal<bool>,
    pub session: DraftSession,
    pub journey: Journey,
    pub filing: Filing,
}

impl Wizard {
    /// Loads the current draft (or starts one) and saves every change back.
    pub fn start(nav: Nav) -> Wizard {
        let application = RwSignal::new(Application::default());
        let content = DraftContent {
            application,
            signing: RwSignal::new(None),
            submission: RwSignal::new(None),
        };
        let ready = RwSignal::new(false);
        let journey = Journey::new(nav, application);
        let session = DraftSession::new(content, journey, ready);
        let filing = Filing::new(content.signing, content.submission, session, journey);
        let wizard = Wizard {
            application,
            person_signals: PersonSignals::new(application),
            home_steps: home_steps_of(application),
            ready,
            session,
            journey,
            filing,
        };
        spawn_local(async move {
            // After the first drawing (header, "Loading…"), in a task of its own.
            crate::browser::next_task().await;
            session.open_current().await;
            journey.correct_impossible_step();
            ready.set(true);
            filing.resume_delivery();
        });
        let resume = Closure::<dyn Fn()>::new(move || filing.resume_delivery());
        let _ =
            window().add_event_listener_with_callback("online", resume.as_ref().unchecked_ref());
        resume.forget();
        filing.void_signatures_on_change(application);
        session.keep_saved();
        wizard
    }

    /// Starts a fresh application (the current draft stays saved).
    pub fn new_application(&self) {
        self.session.flush();
        self.session.start_new_draft();
        self.journey.go(Step::EntityType);
    }
}

/// Every person's home step, set only when one changes (see `settled_signal`).
fn home_steps_of(application: RwSignal<Application>) -> Signal<HashMap<String, Step>> {
    settled_signal(
        application,
        |a, before: &HashMap<String, Step>| {
            let now = person_home_steps(a);
            before.len() == now.len() && now.iter().all(|(id, step)| before.get(*id) == Some(step))
        },
        |a| {
            person_home_steps(a)
                .into_iter()
                .map(|(id, step)| (id.to_string(), step))
                .collect()
        },
    )
}

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}
