//! The application being filled in, and the three parts that look after it: the draft
//! session (its record and autosave), the journey (which step, Continue and Back) and the
//! filing (signing round, outbox, delivery).

use super::filing::Filing;
use super::journey::Journey;
use super::nav::Nav;
use super::person_signals::PersonSignals;
use super::session::{DraftContent, DraftSession};
use crate::steps::Step;
use kaiban_core::model::{Application, Person};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Wizard {
    pub application: RwSignal<Application>,
    /// The people, unchanged by edits elsewhere: what shows a person reads this, so typing an
    /// amount does not wake every name on the page.
    pub persons: Memo<Vec<Person>>,
    /// Each person on their own: what shows one person's fields reads this.
    pub person_signals: PersonSignals,
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
            persons: Memo::new(move |_| application.with(|a| a.persons.clone())),
            person_signals: PersonSignals::new(application),
            ready,
            session,
            journey,
            filing,
        };
        spawn_local(async move {
            // After the first drawing (header, "Loading…"), in a task of its own.
            gloo_timers::future::TimeoutFuture::new(0).await;
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

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}
