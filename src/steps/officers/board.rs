//! The board of directors, or the single director.

use super::{Organs, DIRECTORS};
use crate::fields::Bind;
use crate::fields::ChoiceRadios;
use crate::fields::{HolderList, HolderMarks};
use crate::i18n::both;
use kaiban_core::model::BoardMode;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub(super) fn Board(organs: Organs) -> impl IntoView {
    let Organs {
        wizard: _,
        app,
        step,
        board_mode,
        directors,
        ..
    } = organs;
    view! {
        <ChoiceRadios
            bind=Bind::new(
                path::BOARD_MODE,
                Signal::derive(move || board_mode.get()),
                Callback::new(move |mode| app.update(|a| a.officers.set_board_mode(mode))),
            )
            step
            legend=both("董事会", "Board")
        />
        <HolderList
            role=DIRECTORS
            step
            keep=1
            can_add=Signal::derive(move || {
                board_mode.get() == BoardMode::Board || directors.get().is_empty()
            })
            card=move |i| {
                let board = board_mode.get() == BoardMode::Board;
                view! { <HolderMarks role=DIRECTORS i board step /> }
            }
        />
    }
}
