//! A list of people who hold one role (directors, supervisors, beneficial owners): a numbered
//! card for each, opening with the person, and the button that adds one more. The yes/no marks
//! an officer carries (chair, employee representative …) as checkboxes.

use super::{AddHolder, Checkbox, HolderCard, HolderPerson, MessageAnchor};
use crate::app::{use_wizard, Holders};
use crate::i18n::{text, Text};
use crate::steps::Step;
use kaiban_core::model::{Holder, Marked};
use leptos::prelude::*;

/// One role whose holders are listed: where they are, their paths and the role's words.
pub struct HolderRole<T: 'static> {
    pub holders: Holders<T>,
    /// The list's own path: messages about the list as a whole stand there.
    pub list: &'static str,
    /// The path of field `f` of holder `i`, for its inputs and messages.
    pub field: fn(usize, &str) -> String,
    /// The role, numbered in each card's title.
    pub title: Text,
    pub add_label: Text,
}

// By hand: a derive would ask `T: Copy`, and only the accessors are copied.
impl<T> Clone for HolderRole<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for HolderRole<T> {}

#[component]
pub fn HolderList<T, C, V>(
    role: HolderRole<T>,
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
    let HolderRole {
        holders,
        list,
        field: path,
        title,
        add_label,
    } = role;
    let ids = wizard.holder_ids(holders);
    let can_add = can_add.unwrap_or_else(|| Signal::stored(true));
    view! {
        <MessageAnchor path=list step />
        {move || {
            let n = ids.get().len();
            (0..n)
                .map(|i| {
                    let asks = card(i);
                    view! {
                        <HolderCard
                            title=title
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
            <AddHolder label=text(add_label) on_add=wizard.add_holder(holders.1) />
        </Show>
    }
}

/// The marks holder `i` of `role` may carry, on a board (`board`) or as its single member.
#[component]
pub fn HolderMarks<T: Marked + 'static>(
    role: HolderRole<T>,
    i: usize,
    board: bool,
    step: Step,
) -> impl IntoView {
    let wizard = use_wizard();
    let HolderRole {
        holders,
        field: path,
        ..
    } = role;
    T::marks(board)
        .iter()
        .map(|&mark| {
            let bind = wizard.bind_mark(path(i, mark.key()), (i, holders), mark);
            view! { <Checkbox bind step label=text(T::mark_label(mark)) /> }
        })
        .collect_view()
}
