//! The application being filled in, its draft record, and moving between steps.

use super::nav::Nav;
use crate::drafts::{self, Draft};
use crate::steps::{steps_for, Step};
use kaiban_core::model::Application;
use leptos::prelude::*;
use leptos::task::spawn_local;

const CURRENT_DRAFT_KEY: &str = "kaiban.current_draft";

#[derive(Clone, Copy)]
pub struct Wizard {
    pub application: RwSignal<Application>,
    pub ready: RwSignal<bool>,
    draft_id: RwSignal<String>,
    created_at: RwSignal<f64>,
    nav: Nav,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Wizard {
    /// Loads the current draft (or starts one) and saves every change back.
    pub fn start(nav: Nav) -> Wizard {
        let wizard = Wizard {
            application: RwSignal::new(Application::default()),
            ready: RwSignal::new(false),
            draft_id: RwSignal::new(String::new()),
            created_at: RwSignal::new(drafts::now()),
            nav,
        };
        spawn_local(async move {
            let saved_id =
                local_storage().and_then(|s| s.get_item(CURRENT_DRAFT_KEY).ok().flatten());
            let loaded = match (&saved_id, drafts::db().await) {
                (Some(id), Ok(db)) => drafts::load(&db, id).await.ok().flatten(),
                _ => None,
            };
            match loaded {
                Some(draft) => {
                    wizard.draft_id.set(draft.id);
                    wizard.created_at.set(draft.created_at);
                    wizard.application.set(draft.application);
                }
                None => {
                    let id = drafts::new_id();
                    if let Some(s) = local_storage() {
                        let _ = s.set_item(CURRENT_DRAFT_KEY, &id);
                    }
                    wizard.draft_id.set(id);
                }
            }
            wizard.correct_impossible_step();
            wizard.ready.set(true);
        });
        Effect::new(move |_| {
            let application = wizard.application.get();
            let step = nav.step.get();
            if !wizard.ready.get_untracked() {
                return;
            }
            let draft = Draft {
                id: wizard.draft_id.get_untracked(),
                application,
                step: step.key().to_string(),
                created_at: wizard.created_at.get_untracked(),
                updated_at: drafts::now(),
            };
            spawn_local(async move {
                if let Ok(db) = drafts::db().await {
                    let _ = drafts::save(&db, &draft).await;
                }
            });
        });
        wizard
    }

    /// A step that needs an entity type cannot be shown before one is chosen.
    fn correct_impossible_step(&self) {
        let step = self.nav.step.get_untracked();
        let chosen = self.application.with_untracked(|a| a.entity_type);
        let allowed = steps_for(chosen);
        if step != Step::Start
            && (chosen.is_none() && step != Step::EntityType || !allowed.contains(&step))
        {
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
