//! The board of directors, or the single director.

use super::Organs;
use crate::app::Holders;
use crate::fields::numbered;
use crate::fields::Bind;
use crate::fields::RemoveHolder;
use crate::fields::{AddHolder, Checkbox, MessageAnchor, Radios};
use crate::fields::{HolderCard, HolderPerson};
use crate::i18n::{both, text};
use kaiban_core::model::{BoardMode, Director, Marked};
use kaiban_core::path;
use kaiban_core::text::Bi;
use leptos::prelude::*;

const DIRECTORS: Holders<Director> = (|a| &a.officers.directors, |a| &mut a.officers.directors);

#[component]
pub(super) fn Board(organs: Organs) -> impl IntoView {
    let Organs {
        wizard,
        app,
        i18n,
        step,
        board_mode,
        directors,
        ..
    } = organs;
    let board_options = Signal::derive(move || {
        let l = i18n.locale.get();
        vec![
            (
                "board".to_string(),
                l.pick("设董事会", "A board of directors").to_string(),
                Some(
                    l.pick(
                        "三名以上董事，设董事长一人",
                        "Three or more directors, one of them chair",
                    )
                    .to_string(),
                ),
            ),
            (
                "single_director".to_string(),
                l.pick("不设董事会，设一名董事", "A single director")
                    .to_string(),
                Some(
                    l.pick(
                        "规模较小或者股东人数较少的公司可以选择",
                        "For small companies or few shareholders",
                    )
                    .to_string(),
                ),
            ),
        ]
    });
    view! {
        <Radios
            bind=Bind::new(
                path::BOARD_MODE,
                Signal::derive(move || {
                    match board_mode.get() {
                        BoardMode::Board => "board",
                        BoardMode::SingleDirector => "single_director",
                    }
                        .to_string()
                }),
                Callback::new(move |v: String| {
                    app.update(|a| {
                        a.officers.board_mode = if v == "single_director" {
                            BoardMode::SingleDirector
                        } else {
                            BoardMode::Board
                        };
                        if a.officers.board_mode == BoardMode::SingleDirector {
                            for d in &mut a.officers.directors {
                                d.chair = false;
                                d.vice_chair = false;
                            }
                        }
                    })
                }),
            )
            step
            legend=both("董事会", "Board")
            options=board_options
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
                        <HolderCard title=Bi::new("董事", "Director") number=i + 1>
                            <HolderPerson
                                bind=wizard
                                    .bind_holder(
                                        path::director(i),
                                        i,
                                        DIRECTORS,
                                        (|h| &h.person_id, |h| &mut h.person_id),
                                    )
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
                            {(n > 1)
                                .then(|| {
                                    view! {
                                        <RemoveHolder
                                            label=numbered(
                                                Bi::new("删除董事", "Remove director"),
                                                i + 1,
                                            )
                                            on_remove=wizard.remove_holder(DIRECTORS.1, i)
                                        />
                                    }
                                })}
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
