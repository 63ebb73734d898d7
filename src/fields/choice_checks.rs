use super::frame::{Bind, FieldFrame};
use super::option::{OptionGroup, OptionIds, OptionInput, OptionKind};
use crate::i18n::text;
use crate::steps::Step;
use kaiban_core::key::{self, Choice};
use leptos::prelude::*;

/// Checkboxes for choosing several values of an enum (the seals to engrave), bound to the list
/// of those chosen, kept in the enum's order.
#[component]
pub fn ChoiceChecks<T: Choice>(
    bind: Bind<Vec<T>>,
    step: Step,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Which values are offered (all by default).
    #[prop(optional, into)]
    offered: Option<Callback<T, bool>>,
) -> impl IntoView {
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let Bind { path, value, set } = bind;
    let id = frame.id.clone();
    let toggle_frame = frame.clone();
    let toggle = move |choice: T, on: bool| {
        toggle_frame.touch();
        let chosen = value.get_untracked();
        let kept = T::all()
            .iter()
            .copied()
            .filter(|v| if *v == choice { on } else { chosen.contains(v) })
            .collect();
        set.run(kept);
    };
    view! {
        <OptionGroup frame legend hint list="kb-checkboxes">
            {move || {
                T::all()
                    .iter()
                    .copied()
                    .filter(|choice| offered.is_none_or(|keep| keep.run(*choice)))
                    .enumerate()
                    .map(|(i, choice)| {
                        let toggle = toggle.clone();
                        view! {
                            <OptionInput
                                kind=OptionKind::Check
                                ids=OptionIds::nth(&id, &path, i, key::of(&choice))
                                value=key::of(&choice)
                                checked=Signal::derive(move || {
                                    value.with(|v| v.contains(&choice))
                                })
                                on_change=Callback::new(move |on| toggle(choice, on))
                                label=text(choice.label())
                                hint=choice.hint().map(text)
                            />
                        }
                    })
                    .collect_view()
            }}
        </OptionGroup>
    }
}
