//! One numbered card in a list of people who hold a role (董事 2, 监事 1, 受益所有人 3 …):
//! the role and number as its title, then what the step puts in it, and the button that takes
//! the holder off the list.

use super::Button;
use super::{Bind, PersonDetails, PersonPicker};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::text::Bi;
use leptos::prelude::*;

#[component]
pub fn HolderCard(
    /// The role, numbered in the title: "董事" becomes "董事 2".
    #[prop(into)]
    title: Bi,
    number: usize,
    #[prop(optional, into)] title_id: Option<String>,
    /// Takes the holder off the list: a button named after the card ("删除董事 2").
    #[prop(optional_no_strip)]
    on_remove: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let remove_label = numbered(removal(&title), number);
    let heading = numbered(title, number);
    view! {
        <section class="kb-card">
            <h2 class="kb-card-title" id=title_id>
                {heading}
            </h2>
            {children()}
            {on_remove
                .map(|remove| {
                    view! {
                        <Button class="kb-link-button kb-danger" on_click=remove>
                            {remove_label}
                        </Button>
                    }
                })}
        </section>
    }
}

/// "删除董事", "Remove director": the remove button's name for a card titled `title`.
fn removal(title: &Bi) -> Bi {
    let mut en = title.en.chars();
    let first = en
        .next()
        .map(|c| c.to_lowercase().collect::<String>())
        .unwrap_or_default();
    Bi::owned(
        format!("删除{}", title.zh),
        format!("Remove {first}{}", en.as_str()),
    )
}

/// `text` with a number after it, as a reactive string: "删除董事 2".
fn numbered(text: Bi, number: usize) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || format!("{} {number}", text.pick(i18n.locale.get().is_chinese())))
}

/// The person who holds the role: the picker (natural persons only), then their form or where
/// it is.
#[component]
pub fn HolderPerson(bind: Bind<Option<String>>, step: Step) -> impl IntoView {
    let chosen = bind.value;
    view! {
        <PersonPicker bind step natural_only=true label=both("人员", "Person") />
        {move || chosen.get().map(|id| view! { <PersonDetails person_id=id step /> })}
    }
}

/// The button under a list of holders that adds one more.
#[component]
pub fn AddHolder(#[prop(into)] label: Signal<String>, on_add: Callback<()>) -> impl IntoView {
    view! {
        <Button class="kb-button kb-button-secondary" on_click=move |_| on_add.run(())>
            {label}
        </Button>
    }
}
