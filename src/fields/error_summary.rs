//! GOV.UK-style error summary: a list of links to the fields at fault, shown at the top of
//! the step, which takes focus each time the applicant tries to continue with errors.

use super::focus_element;
use crate::i18n::{use_i18n, Text};
use leptos::html;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The DOM id of the input to focus.
    pub field_id: String,
    pub message: String,
}

#[component]
pub fn ErrorSummary(
    errors: Signal<Vec<FieldError>>,
    /// Incremented on every attempt to continue; the summary takes focus then.
    attempts: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |previous: Option<u32>| {
        let now = attempts.get();
        if previous.is_some_and(|p| p != now) && !errors.get_untracked().is_empty() {
            request_animation_frame(move || {
                // try_: the step may have been left (and this node disposed) before the frame.
                if let Some(el) = summary.try_get_untracked().flatten() {
                    let _ = el.focus();
                    el.scroll_into_view();
                }
            });
        }
        now
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div
                class="kb-error-summary"
                role="alert"
                tabindex="-1"
                node_ref=summary
                aria-labelledby="kb-error-summary-title"
            >
                <h2 id="kb-error-summary-title" class="kb-error-summary-title">
                    {i18n.tr(Text::ErrorSummaryTitle)}
                </h2>
                <ul class="kb-error-summary-list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let id = e.field_id.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", e.field_id)
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_element(&id);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
