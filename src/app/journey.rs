//! Where the applicant is in their journey: the current step, the steps their entity type
//! has, Continue and Back, and the return to the review page after a "Change" link.

use super::nav::Nav;
use crate::steps::{steps_for, Step};
use kaiban_core::model::Application;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Journey {
    pub nav: Nav,
    application: RwSignal<Application>,
    /// Set by a "Change" link on the review page: Continue goes back there.
    pub return_to: RwSignal<Option<Step>>,
    /// The last journey step shown (the start and drafts pages are not part of a draft).
    pub last_step: RwSignal<Step>,
    /// The document to scroll to on the documents page, and the step that opened it (Back
    /// returns there).
    pub document: RwSignal<Option<(String, Step)>>,
}

impl Journey {
    pub fn new(nav: Nav, application: RwSignal<Application>) -> Journey {
        let journey = Journey {
            nav,
            application,
            return_to: RwSignal::new(None),
            last_step: RwSignal::new(Step::EntityType),
            document: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let step = nav.step.get();
            if !matches!(step, Step::Start | Step::Drafts)
                && journey.last_step.get_untracked() != step
            {
                journey.last_step.set(step);
            }
        });
        journey
    }

    pub fn is_on(&self, step: Step) -> bool {
        self.nav.step.get_untracked() == step
    }

    /// A step that needs an entity type cannot be shown before one is chosen.
    pub fn correct_impossible_step(&self) {
        let step = self.nav.step.get_untracked();
        if step.outside_drafts() || matches!(step, Step::Receipt | Step::Documents) {
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

    /// Shows the filing's documents, scrolled to the one with id `document`.
    pub fn open_document(&self, document: String) {
        let from = self.nav.step.get_untracked();
        let from = if from == Step::Documents {
            Step::Review
        } else {
            from
        };
        self.document.set(Some((document, from)));
        self.nav.go(Step::Documents);
    }

    pub fn go_back(&self) {
        let steps = self.steps();
        let here = self.nav.step.get_untracked();
        if here == Step::Documents {
            let from = self
                .document
                .get_untracked()
                .map_or(Step::Review, |(_, from)| from);
            self.nav.go(from);
            return;
        }
        let previous = match steps.iter().position(|s| *s == here) {
            Some(0) | None => Step::Start,
            Some(i) => steps[i - 1],
        };
        self.nav.go(previous);
    }
}
