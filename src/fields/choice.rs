use super::frame::{Bind, FieldFrame};
use super::option::{OptionGroup, OptionIds, OptionInput, OptionKind};
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
    /// As wide as the field allows instead of its longest option: a select sized by its
    /// options measures every label whenever one changes (a list of every person, with a
    /// thousand investors, took some 40 ms a keystroke).
    #[prop(optional)]
    full_width: bool,
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
                class:kb-select-full=full_width
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
    let Bind { path, value, set } = bind;
    let id = frame.id.clone();
    let radio = move |i: usize, (v, l, h): (String, String, Option<String>), current: &str| {
        let checked = v == current;
        let value = v.clone();
        view! {
            <OptionInput
                kind=OptionKind::Radio {
                    name: id.clone(),
                }
                ids=OptionIds::nth(&id, &path, i, i)
                value
                checked
                on_change=Callback::new(move |_| set.run(v.clone()))
                label=l
                hint=h.map(Signal::from)
            />
        }
    };
    let list = if inline {
        "kb-radios kb-radios-inline"
    } else {
        "kb-radios"
    };
    view! {
        <OptionGroup frame legend hint list>
            {move || {
                let current = value.get();
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, option)| radio.clone()(i, option, &current))
                    .collect_view()
            }}
        </OptionGroup>
    }
}
