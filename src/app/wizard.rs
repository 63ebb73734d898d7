//! The application being filled in, and the three parts that look after it: the draft
//! session (its record and autosave), the journey (which step, Continue and Back) and the
//! filing (signing round, outbox, delivery).

use super::filing::Filing;
use super::journey::Journey;
use super::nav::Nav;
use super::person_signals::PersonSignals;
use super::session::{DraftContent, DraftSession};
use super::settled_signal::settled_signal;
use crate::steps::{home_steps_of_holders, Step};
use kaiban_core::model::{Application, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

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
    pub fn start(nav: Nav, later: crate::steps::LaterPages) -> Wizard {
        let application = RwSignal::new(Application::default());
        let content = DraftContent {
            application,
            signing: RwSignal::new(None),
            submission: RwSignal::new(None),
        };
        let ready = RwSignal::new(false);
        let journey = Journey::new(nav, application);
        let session = DraftSession::new(content, journey, later, ready);
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
        });
        // Delivery and the voiding of signatures need the documents and the package, which are
        // in the later pages' module: they start once it is here and the draft is open.
        later.when_loaded_and(
            move || ready.get(),
            move || filing.start_in_background(application),
        );
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

/// Every person's home step, made again only when who holds which role changes. That list is
/// all the homes depend on, so a keystroke compares it (1 000 ids at 1 000 investors, without
/// hashing) instead of building and comparing everyone's home (0.5 ms a key at 1 000).
fn home_steps_of(application: RwSignal<Application>) -> Signal<HashMap<String, Step>> {
    let holders = settled_signal(
        application,
        |a, before: &Vec<_>| same_holders(a, before),
        role_holders,
    );
    Memo::new(move |_| {
        holders.with(|holders| {
            home_steps_of_holders(holders.iter().map(|(role, id)| (*role, id.as_str())))
                .into_iter()
                .map(|(id, step)| (id.to_string(), step))
                .collect()
        })
    })
    .into()
}

/// Who holds which role, in the order `Application::roles` gives.
fn role_holders(app: &Application) -> Vec<(Role, String)> {
    app.roles()
        .into_iter()
        .map(|r| (r.role, r.person_id.to_string()))
        .collect()
}

fn same_holders(app: &Application, before: &[(Role, String)]) -> bool {
    let now = app.roles();
    now.len() == before.len()
        && now
            .iter()
            .zip(before)
            .all(|(r, (role, id))| r.role == *role && r.person_id == id)
}

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}

#[cfg(test)]
mod tests {
    use super::{role_holders, same_holders};
    use kaiban_core::model::{Application, Investor};
    use kaiban_core::samples;

    #[test]
    fn the_holders_change_with_a_role_and_not_with_a_persons_fields() {
        let app: Application = samples::llc_with_investors(3);
        let before = role_holders(&app);
        let mut renamed = app.clone();
        renamed.persons[0].name = "另一个名字".into();
        assert!(same_holders(&renamed, &before));

        let mut another = app.clone();
        another.investors.push(Investor {
            person_id: app.persons[0].id.clone(),
            ..Investor::default()
        });
        assert!(!same_holders(&another, &before));

        let mut swapped = app.clone();
        swapped.investors[0].person_id = "someone-else".into();
        assert!(!same_holders(&swapped, &before));
    }
}
