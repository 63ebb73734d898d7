//! Where a person's form is shown on a step that is not their home: a link to the step that is.

use super::Button;
use super::PersonEditor;
use crate::app::use_wizard;
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use leptos::prelude::*;

/// The editor where the person's details belong, else their summary and where to edit them.
#[component]
pub fn PersonDetails(#[prop(into)] person_id: String, step: Step) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let id = person_id.clone();
    let home = Memo::new(move |_| {
        wizard
            .home_steps
            .with(|homes| homes.get(&id).copied().unwrap_or(Step::Contacts))
    });
    move || {
        if home.get() == step {
            view! { <PersonEditor person_id=person_id.clone() step natural_only=true /> }.into_any()
        } else {
            let home = home.get();
            view! {
                <p class="kb-derived kb-derived-link">
                    {both("此人信息在以下步骤填写：", "This person's details are on: ")}
                    <Button class="kb-link-button" on_click=move |_| wizard.journey.go(home)>
                        {move || i18n.t(home.title())}
                    </Button>
                </p>
            }
            .into_any()
        }
    }
}
