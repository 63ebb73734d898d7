//! The frame of every question page: error summary, heading, the form, and Continue.

use crate::app::{field_id, use_validation, use_wizard};
use crate::fields::{ErrorSummary, FieldError};
use crate::i18n::{use_i18n, Text};
use crate::steps::Step;
use leptos::prelude::*;

#[component]
pub fn StepPage(
    step: Step,
    #[prop(optional, into)] lead: Option<Signal<String>>,
    /// Replaces "Continue" (e.g. on the last step).
    #[prop(optional, into)]
    continue_label: Option<Signal<String>>,
    /// Runs instead of moving to the next step, once the step has no errors.
    #[prop(optional, into)]
    on_done: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let validation = use_validation();
    let errors = Signal::derive(move || {
        if !validation.was_attempted(step) {
            return Vec::new();
        }
        let chinese = i18n.locale.get().is_chinese();
        wizard.application.with(|app| {
            validation
                .for_step(app, step)
                .into_iter()
                .filter(|f| f.is_error())
                .map(|f| FieldError {
                    field_id: field_id(&f.path),
                    message: f.message(chinese).to_string(),
                })
                .collect()
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let may_leave = wizard
            .application
            .with_untracked(|app| validation.attempt(app, step));
        if may_leave {
            match on_done {
                Some(done) => done.run(()),
                None => wizard.journey.go_next(),
            }
        }
    };
    let label = move || match continue_label {
        Some(l) => l.get(),
        None => i18n.t(Text::Continue).to_string(),
    };
    view! {
        <ErrorSummary errors attempts=validation.attempts.into() />
        <form on:submit=on_submit novalidate>
            <h1 class="kb-title" tabindex="-1">
                {i18n.tr(step.title())}
            </h1>
            {lead.map(|l| view! { <p class="kb-lead">{move || l.get()}</p> })}
            {children()}
            <div class="kb-actions">
                <button type="submit" class="kb-button">
                    {label}
                </button>
            </div>
        </form>
    }
}
