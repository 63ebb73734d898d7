use super::messages::{describedby, has_visible_error, FieldMessages};
use crate::app::{field_id, use_validation};
use crate::steps::Step;
use leptos::prelude::*;

#[component]
pub fn Checkbox(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let validation = use_validation();
    let id = field_id(&path);
    let has_hint = hint.is_some();
    let p1 = path.clone();
    let error = Signal::derive(move || has_visible_error(&p1, step));
    let p2 = path.clone();
    let p3 = path.clone();
    view! {
        <div class="kb-field kb-field-tight" class:has-error=move || error.get()>
            <FieldMessages path=path.clone() step />
            <div class="kb-checkbox">
                <input
                    type="checkbox"
                    class="kb-checkbox-input"
                    id=id.clone()
                    aria-describedby=move || describedby(&p2, step, has_hint)
                    aria-invalid=move || error.get().then_some("true")
                    prop:checked=move || checked.get()
                    on:change:target=move |ev| {
                        validation.touch(&p3);
                        on_change.run(ev.target().checked())
                    }
                />
                <label class="kb-checkbox-label" for=id.clone()>{move || label.get()}</label>
                {hint.map(|h| view! { <p class="kb-hint kb-checkbox-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            </div>
        </div>
    }
}

#[component]
pub fn Select(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// (value, label) pairs; the empty value is the "choose" prompt.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let validation = use_validation();
    let id = field_id(&path);
    let has_hint = hint.is_some();
    let p1 = path.clone();
    let error = Signal::derive(move || has_visible_error(&p1, step));
    let p2 = path.clone();
    let p3 = path.clone();
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <label class="kb-label" for=id.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="kb-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            <FieldMessages path=path.clone() step />
            <select
                id=id.clone()
                class="kb-select"
                aria-describedby=move || describedby(&p2, step, has_hint)
                aria-invalid=move || error.get().then_some("true")
                on:change:target=move |ev| {
                    validation.touch(&p3);
                    on_change.run(ev.target().value())
                }
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
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
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] options: Signal<Vec<(String, String, Option<String>)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let id = field_id(&path);
    let has_hint = hint.is_some();
    let p1 = path.clone();
    let error = Signal::derive(move || has_visible_error(&p1, step));
    let p2 = path.clone();
    let name = id.clone();
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <fieldset class="kb-fieldset" aria-describedby=move || describedby(&p2, step, has_hint)>
                <legend class="kb-label">{move || legend.get()}</legend>
                {hint.map(|h| view! { <p class="kb-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
                <FieldMessages path=path.clone() step />
                <div class="kb-radios" class:kb-radios-inline=inline>
                    {move || {
                        let current = value.get();
                        options
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (v, l, h))| {
                                let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                                let hint_id = format!("{input_id}-hint");
                                let checked = v == current;
                                let has_option_hint = h.is_some();
                                view! {
                                    <div class="kb-radio">
                                        <input
                                            type="radio"
                                            class="kb-radio-input"
                                            id=input_id.clone()
                                            name=name.clone()
                                            value=v.clone()
                                            aria-describedby=has_option_hint.then(|| hint_id.clone())
                                            prop:checked=checked
                                            on:change=move |_| on_change.run(v.clone())
                                        />
                                        <label class="kb-radio-label" for=input_id>
                                            <span class="kb-radio-title">{l}</span>
                                            {h.map(|h| view! { <span class="kb-radio-hint" id=hint_id>{h}</span> })}
                                        </label>
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
