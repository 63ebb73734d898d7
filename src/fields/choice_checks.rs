use super::frame::{Bind, FieldFrame};
use crate::i18n::use_i18n;
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
    let i18n = use_i18n();
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let error = frame.error();
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
        <div class="kb-field" class:has-error=move || error.get()>
            <fieldset class="kb-fieldset" aria-describedby=frame.describedby(Vec::new)>
                <legend class="kb-label">{move || legend.get()}</legend>
                {frame.hint(hint, "kb-hint")}
                {frame.messages()}
                <div class="kb-checkboxes">
                    {move || {
                        T::all()
                            .iter()
                            .copied()
                            .filter(|choice| offered.is_none_or(|keep| keep.run(*choice)))
                            .enumerate()
                            .map(|(i, choice)| {
                                let input_id = if i == 0 {
                                    id.clone()
                                } else {
                                    format!("{id}-{}", key::of(&choice))
                                };
                                let toggle = toggle.clone();
                                let path = path.clone();
                                let hint_id = format!("{input_id}-hint");
                                view! {
                                    <div class="kb-checkbox">
                                        <input
                                            type="checkbox"
                                            class="kb-checkbox-input"
                                            id=input_id.clone()
                                            data-path=(i == 0).then(|| path.clone())
                                            value=key::of(&choice)
                                            aria-describedby=choice.hint().map(|_| hint_id.clone())
                                            prop:checked=move || value.with(|v| v.contains(&choice))
                                            on:change:target=move |ev| toggle(
                                                choice,
                                                ev.target().checked(),
                                            )
                                        />
                                        <label class="kb-checkbox-label" for=input_id>
                                            {move || {
                                                choice
                                                    .label()
                                                    .into_text(i18n.locale.get().is_chinese())
                                                    .to_string()
                                            }}
                                        </label>
                                        {choice
                                            .hint()
                                            .map(|h| {
                                                view! {
                                                    <p class="kb-hint kb-checkbox-hint" id=hint_id>
                                                        {move || {
                                                            h.clone()
                                                                .into_text(i18n.locale.get().is_chinese())
                                                                .to_string()
                                                        }}
                                                    </p>
                                                }
                                            })}
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </fieldset>
        </div>
    }
}
