//! The board of directors, or the single director.

use super::{Organs, DIRECTORS};
use crate::fields::Bind;
use crate::fields::{AddHolder, Checkbox, ChoiceRadios, MessageAnchor};
use crate::fields::{HolderCard, HolderPerson};
use crate::i18n::Text;
use crate::i18n::{both, text};
use kaiban_core::model::{BoardMode, Director, Marked};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub(super) fn Board(organs: Organs) -> impl IntoView {
    let Organs {
        wizard,
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
        <MessageAnchor path=path::DIRECTORS step />
        {move || {
            let mode = board_mode.get();
            let n = directors.get().len();
            directors
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, _)| {
                    view! {
                        <HolderCard
                            title=Text::HolderDirector
                            number=i + 1
                            on_remove=(n > 1).then(|| wizard.remove_holder(DIRECTORS.1, i))
                        >
                            <HolderPerson
                                bind=wizard.bind_holder(path::director(i), (i, DIRECTORS))
                                step
                            />
                            {Director::marks(mode == BoardMode::Board)
                                .iter()
                                .map(|&mark| {
                                    let bind = wizard
                                        .bind_mark(
                                            path::director_field(i, mark.key()),
                                            (i, DIRECTORS),
                                            mark,
                                        );
                                    view! {
                                        <Checkbox
                                            bind
                                            step
                                            label=text(Director::mark_label(mark))
                                        />
                                    }
                                })
                                .collect_view()}
                        </HolderCard>
                    }
                })
                .collect_view()
        }}
        <Show when=move || board_mode.get() == BoardMode::Board || directors.get().is_empty()>
            <AddHolder
                label=both("＋ 添加董事", "+ Add a director")
                on_add=wizard.add_holder(DIRECTORS.1)
            />
        </Show>
    }
}
