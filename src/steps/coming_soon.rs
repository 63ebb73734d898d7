use super::Step;
use crate::app::use_wizard;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// Placeholder for a step whose form is not built yet: it keeps the journey walkable.
#[component]
pub fn ComingSoon(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    view! {
        <h1 class="kb-title" tabindex="-1">{i18n.tr(step.title())}</h1>
        <div class="kb-inset">
            <p class="kb-inset-title">{i18n.tr(Text::ComingSoonTitle)}</p>
            <p>{i18n.tr(Text::ComingSoonBody)}</p>
        </div>
        <Show when=move || step != Step::Declaration>
            <div class="kb-actions">
                <button type="button" class="kb-button" on:click=move |_| wizard.go_next()>
                    {i18n.tr(Text::Continue)}
                </button>
            </div>
        </Show>
    }
}
