use crate::app::Nav;
use crate::i18n::{both, use_i18n, Text};
use crate::steps::Step;
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    let nav = expect_context::<Nav>();
    view! {
        <main id="kb-main" class="kb-start" tabindex="-1">
            <h1 class="kb-title kb-title-xl">{i18n.tr(Text::StartTitle)}</h1>
            <p class="kb-lead">{i18n.tr(Text::StartLead)}</p>
            <h2 class="kb-subtitle">{i18n.tr(Text::StartNeedTitle)}</h2>
            <p>{i18n.tr(Text::StartNeed)}</p>
            <p class="kb-inset">{i18n.tr(Text::StartSaveNote)}</p>
            <button
                type="button"
                class="kb-button kb-button-start"
                on:click=move |_| {
                    let wizard = crate::app::use_wizard();
                    if wizard.application.with_untracked(|a| a.entity_type.is_some()) {
                        wizard.new_application();
                    } else {
                        nav.go(Step::EntityType);
                    }
                }
            >
                {i18n.tr(Text::StartButton)}
                <svg
                    class="kb-button-arrow"
                    aria-hidden="true"
                    focusable="false"
                    width="17"
                    height="19"
                    viewBox="0 0 33 40"
                >
                    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"></path>
                </svg>
            </button>
            <p class="kb-resume">
                <button type="button" class="kb-link-button" on:click=move |_| nav.go(Step::Drafts)>
                    {both("继续填写已保存的申请", "Continue a saved application")}
                </button>
            </p>
        </main>
    }
}
