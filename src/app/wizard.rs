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
    /// Set by a "Change" link on the review page: Continue goes back there.
    pub return_to: RwSignal<Option<Step>>,
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
            return_to: RwSignal::new(None),
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
    let mut ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    ids.extend(a.investors.iter().map(|i| i.person_id.clone()));
    ids.extend(a.officers.directors.iter().map(|d| d.person_id.clone()));
    ids.extend(a.officers.supervisors.iter().map(|s| s.person_id.clone()));
    ids.extend(a.officers.audit_committee.iter().cloned());
    ids.extend(a.officers.manager_id.iter().cloned());
    ids.extend(a.officers.legal_representative_id.iter().cloned());
    ids.extend(a.finance_officer_id.iter().cloned());
    ids.extend(a.liaison_id.iter().cloned());
    for e in &a.executing_partners {
        ids.insert(e.partner_id.clone());
        ids.extend(e.delegate_id.iter().cloned());
    }
    ids.extend(
        a.beneficial_owners
            .owners
            .iter()
            .map(|b| b.person_id.clone()),
    );
    ids.extend(a.individual_business.family_member_ids.iter().cloned());
    ids
}
