//! The first screen is drawn in steps, each a task of its own: the header and footer, a task
//! after the mount (which sets up the app's state); once the draft is loaded, its effects run
//! (the check above all); then the page around the step is drawn (progress, status); then the
//! step itself. On a phone each is a long task that blocks input;
//! together they would be one three times as long. Behind the pre-rendered copy nothing of
//! this is seen: the copy is removed once all are drawn. Without a copy (mounted in a portal's
//! page) there is nothing to hide the gaps, so everything is drawn at once.

use crate::steps::Step;
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct FirstDraw {
    shell: RwSignal<bool>,
    page: RwSignal<bool>,
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
            shell: RwSignal::new(!behind_copy),
            page: RwSignal::new(!behind_copy),
            step_content: RwSignal::new(!behind_copy),
        }
    }

    /// Whether the header, footer and the page's frame may be drawn (tracked); the first time,
    /// it will be in the next task, not in the mount's.
    pub fn shell(&self) -> bool {
        in_next_task(self.shell)
    }

    /// Whether the page may be drawn (tracked); the first time, it will be in the next task.
    pub fn page(&self) -> bool {
        in_next_task(self.page)
    }

    /// Whether the step's content may be drawn (tracked); the first time, it will be in the
    /// next task.
    pub fn step_content(&self) -> bool {
        in_next_task(self.step_content)
    }

    /// Whether the screen for `step` is completely drawn (tracked).
    pub fn complete(&self, step: Step) -> bool {
        self.shell.get() && self.page.get() && (!step.in_wizard_layout() || self.step_content.get())
    }

    /// The first screen is on show: any later step is drawn at once (a first screen that was not
    /// a step, the start page, would otherwise leave the first step drawn a task late, in view).
    pub fn finish(&self) {
        for stage in [self.shell, self.page, self.step_content] {
            if !stage.get_untracked() {
                stage.set(true);
            }
        }
    }
}

/// `stage` (tracked), set to true in the next task if it is not yet.
fn in_next_task(stage: RwSignal<bool>) -> bool {
    if !stage.get_untracked() {
        set_timeout(move || stage.set(true), Duration::ZERO);
    }
    stage.get()
}
