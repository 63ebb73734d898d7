//! The board of directors, or the single director.

use super::Organs;
use crate::fields::numbered;
use crate::fields::Bind;
use crate::fields::RemoveHolder;
use crate::fields::{AddHolder, Checkbox, MessageAnchor, Radios};
use crate::fields::{HolderCard, HolderPerson};
use crate::i18n::both;
use kaiban_core::model::{BoardMode, Director};
use kaiban_core::path;
use kaiban_core::text::Bi;
use leptos::prelude::*;

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
                    let flag = move |
                        key: &str,
                        get: fn(&Director) -> bool,
                        set: fn(&mut Director, bool)|
                    {
                        Bind::new(
                            path::director_field(i, key),
                            Signal::derive(move || {
                                app.with(|a| a.officers.directors.get(i).is_some_and(get))
                            }),
                            Callback::new(move |v: bool| {
                                app.update(|a| {
                                    if let Some(d) = a.officers.directors.get_mut(i) {
                                        set(d, v)
                                    }
                                })
                            }),
                        )
                    };
                    // A checkbox of this director's: `key` names its field.
                    view! {
                        <HolderCard title=Bi::new("董事", "Director") number=i + 1>
                            <HolderPerson
                                bind=wizard
                                    .bind_holder(
                                        path::director(i),
                                        i,
                                        (|a| &a.officers.directors, |a| &mut a.officers.directors),
                                        (|h| &h.person_id, |h| &mut h.person_id),
                                    )
                                step
                            />
                            {(mode == BoardMode::Board)
                                .then(|| {
                                    view! {
                                        <Checkbox
                                            bind=flag("chair", |d| d.chair, |d, v| d.chair = v)
                                            step
                                            label=both("董事长", "Chair of the board")
                                        />
                                        <Checkbox
                                            bind=flag(
                                                "vice_chair",
                                                |d| d.vice_chair,
                                                |d, v| d.vice_chair = v,
                                            )
                                            step
                                            label=both("副董事长", "Vice-chair")
                                        />
                                    }
                                })}
                            <Checkbox
                                bind=flag(
                                    "executes_affairs",
                                    |d| d.executes_affairs,
                                    |d, v| d.executes_affairs = v,
                                )
                                step
                                label=both(
                                    "代表公司执行公司事务",
                                    "Executes the company's affairs",
                                )
                            />
                            <Checkbox
                                bind=flag(
                                    "employee_representative",
                                    |d| d.employee_representative,
                                    |d, v| d.employee_representative = v,
                                )
                                step
                                label=both("职工代表董事", "Employee representative")
                            />
                            {(n > 1)
                                .then(|| {
                                    view! {
                                        <RemoveHolder
                                            label=numbered(
                                                Bi::new("删除董事", "Remove director"),
                                                i + 1,
                                            )
                                            on_remove=wizard
                                                .remove_holder(|a| &mut a.officers.directors, i)
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
                on_add=wizard.add_holder(|a| &mut a.officers.directors)
            />
        </Show>
    }
}
