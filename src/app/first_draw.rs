//! The first screen is drawn in two tasks: the page around the step (header, progress, status),
//! then the step itself. On a phone each is a long task that blocks input; together they would
//! be one twice as long. Behind the pre-rendered copy nothing of this is seen: the copy is
//! removed once both are drawn. Without a copy (mounted in a portal's page) there is nothing to
//! hide the gap, so everything is drawn at once.

use crate::steps::Step;
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct FirstDraw {
    step_content: RwSignal<bool>,
}

impl FirstDraw {
    pub fn for_this_page() -> FirstDraw {
        let behind_copy = document()
            .query_selector(".kb-prerendered")
            .ok()
            .flatten()
            .is_some();
        FirstDraw {
            step_content: RwSignal::new(!behind_copy),
        }
    }

    /// Whether the step's content may be drawn (tracked); the first time, it will be in the
    /// next task.
    pub fn step_content(&self) -> bool {
        let step_content = self.step_content;
        if !step_content.get_untracked() {
            set_timeout(move || step_content.set(true), Duration::ZERO);
        }
        step_content.get()
    }

    /// Whether the screen for `step` is completely drawn (tracked).
    pub fn complete(&self, step: Step) -> bool {
        !step.in_wizard_layout() || self.step_content.get()
    }

    /// The first screen is on show: any later step is drawn at once (a first screen that was not
    /// a step, the start page, would otherwise leave the first step drawn a task late, in view).
    pub fn finish(&self) {
        if !self.step_content.get_untracked() {
            self.step_content.set(true);
        }
    }
}
