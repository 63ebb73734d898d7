//! A list of people who hold one role (directors, supervisors, beneficial owners): a numbered
//! card for each, opening with the person, and the button that adds one more. The yes/no marks
//! an officer carries (chair, employee representative …) as checkboxes.

use super::{AddHolder, Checkbox, HolderCard, HolderPerson};
use crate::app::{use_wizard, Holders};
use crate::i18n::text;
use crate::steps::Step;
use kaiban_core::model::{Holder, Marked};
use kaiban_core::text::Bi;
use leptos::prelude::*;

#[component]
pub fn HolderList<T, C, V>(
    holders: Holders<T>,
    /// The path of field `f` of holder `i`, for its inputs and messages.
    path: fn(usize, &str) -> String,
    /// The role, numbered in each card's title.
    #[prop(into)]
    title: Bi,
    #[prop(into)] add_label: Signal<String>,
    step: Step,
    /// What card `i` asks after the person.
    card: C,
    /// The fewest holders the list keeps: at that count the cards have no remove button.
    #[prop(optional)]
    keep: usize,
    /// Whether one more may be added (always, unless given).
    #[prop(optional, into)]
    can_add: Option<Signal<bool>>,
) -> impl IntoView
where
    T: Holder + Default + 'static,
    C: Fn(usize) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let wizard = use_wizard();
    let ids = wizard.holder_ids(holders);
    let can_add = can_add.unwrap_or_else(|| Signal::stored(true));
    view! {
        {move || {
            let n = ids.get().len();
            (0..n)
                .map(|i| {
                    let asks = card(i);
                    view! {
                        <HolderCard
                            title=title.clone()
                            number=i + 1
                            on_remove=(n > keep).then(|| wizard.remove_holder(holders.1, i))
                        >
                            <HolderPerson
                                bind=wizard.bind_holder(path(i, "person_id"), (i, holders))
                                step
                            />
                            {asks}
                        </HolderCard>
                    }
                })
                .collect_view()
        }}
        <Show when=move || can_add.get()>
            <AddHolder label=add_label on_add=wizard.add_holder(holders.1) />
        </Show>
    }
}

/// The marks holder `i` of `holders` may carry, on a board (`board`) or as its single member.
#[component]
pub fn HolderMarks<T: Marked + 'static>(
    holders: Holders<T>,
    i: usize,
    path: fn(usize, &str) -> String,
    board: bool,
    step: Step,
) -> impl IntoView {
    let wizard = use_wizard();
    T::marks(board)
        .iter()
        .map(|&mark| {
            let bind = wizard.bind_mark(path(i, mark.key()), (i, holders), mark);
            view! { <Checkbox bind step label=text(T::mark_label(mark)) /> }
        })
        .collect_view()
}
