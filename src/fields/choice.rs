use super::frame::{Bind, FieldFrame};
use crate::i18n::use_i18n;
use crate::steps::Step;
use kaiban_core::key::{self, Choice};
use leptos::prelude::*;

/// A radio group's options: the values of `T` that `offered` keeps, as (key, label, hint)
/// in the current language.
pub fn choices<T: Choice>(
    offered: impl Fn(T) -> bool + Send + Sync + 'static,
) -> Signal<Vec<(String, String, Option<String>)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let chinese = i18n.locale.get().is_chinese();
        let text = |bi: kaiban_core::text::Bi| bi.into_text(chinese).to_string();
        T::all()
            .iter()
            .filter(|v| offered(**v))
            .map(|v| (key::of(v), text(v.label()), v.hint().map(text)))
            .collect()
    })
}

/// A radio group offering the values of an enum, bound to the enum itself; `offered` keeps
/// some of them (all by default).
#[component]
pub fn ChoiceRadios<T: Choice>(
    bind: Bind<T>,
    step: Step,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] offered: Option<Callback<T, bool>>,
) -> impl IntoView {
    let options = choices(move |value| offered.is_none_or(|keep| keep.run(value)));
    view! { <Radios bind=bind.keyed() step legend options /> }
}

/// A select's options: (key, label) of the values of `T` that `offered` keeps.
pub fn select_choices<T: Choice>(
    offered: impl Fn(T) -> bool + Send + Sync + 'static,
) -> Signal<Vec<(String, String)>> {
    let options = choices(offered);
    Signal::derive(move || options.get().into_iter().map(|(k, l, _)| (k, l)).collect())
}

#[component]
pub fn Checkbox(
    bind: Bind<bool>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let error = frame.error();
    let Bind { path, value, set } = bind;
    let change_frame = frame.clone();
    view! {
        <div class="kb-field kb-field-tight" class:has-error=move || error.get()>
            {frame.messages()}
            <div class="kb-checkbox">
                <input
                    type="checkbox"
                    class="kb-checkbox-input"
                    id=frame.id.clone()
                    data-path=path
                    aria-describedby=frame.describedby(Vec::new)
                    aria-invalid=move || error.get().then_some("true")
                    prop:checked=move || value.get()
                    on:change:target=move |ev| {
                        change_frame.touch();
                        set.run(ev.target().checked())
                    }
                />
                <label class="kb-checkbox-label" for=frame.id.clone()>
                    {move || label.get()}
                </label>
                {frame.hint(hint, "kb-hint kb-checkbox-hint")}
            </div>
        </div>
    }
}

#[component]
pub fn Select(
    bind: Bind<String>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// (value, label) pairs; the empty value is the "choose" prompt.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let error = frame.error();
    let Bind { path, value, set } = bind;
    let change_frame = frame.clone();
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            {frame.label(label)}
            {frame.hint(hint, "kb-hint")}
            {frame.messages()}
            <select
                id=frame.id.clone()
                data-path=path
                class="kb-select"
                aria-describedby=frame.describedby(Vec::new)
                aria-invalid=move || error.get().then_some("true")
                on:change:target=move |ev| {
                    change_frame.touch();
                    set.run(ev.target().value())
                }
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! {
                                <option value=v selected=selected>
                                    {l}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// One radio group; options are (value, label, hint).
#[component]
pub fn Radios(
    bind: Bind<String>,
    step: Step,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] options: Signal<Vec<(String, String, Option<String>)>>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let error = frame.error();
    let Bind { path, value, set } = bind;
    let id = frame.id.clone();
    let radio = move |i: usize, (v, l, h): (String, String, Option<String>), current: &str| {
        let input_id = if i == 0 {
            id.clone()
        } else {
            format!("{id}-{i}")
        };
        let hint_id = format!("{input_id}-hint");
        let checked = v == current;
        let has_option_hint = h.is_some();
        view! {
            <div class="kb-radio">
                <input
                    type="radio"
                    class="kb-radio-input"
                    id=input_id.clone()
                    data-path=(i == 0).then(|| path.clone())
                    name=id.clone()
                    value=v.clone()
                    aria-describedby=has_option_hint.then(|| hint_id.clone())
                    prop:checked=checked
                    on:change=move |_| set.run(v.clone())
                />
                <label class="kb-radio-label" for=input_id>
                    <span class="kb-radio-title">{l}</span>
                    {h
                        .map(|h| {
                            view! {
                                <span class="kb-radio-hint" id=hint_id>
                                    {h}
                                </span>
                            }
                        })}
                </label>
            </div>
        }
    };
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <fieldset class="kb-fieldset" aria-describedby=frame.describedby(Vec::new)>
                <legend class="kb-label">{move || legend.get()}</legend>
                {frame.hint(hint, "kb-hint")}
                {frame.messages()}
                <div class="kb-radios" class:kb-radios-inline=inline>
                    {move || {
                        let current = value.get();
                        options
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, option)| radio.clone()(i, option, &current))
                            .collect_view()
                    }}
                </div>
            </fieldset>
        </div>
    }
}
