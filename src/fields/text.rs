use super::messages::{describedby, has_visible_error, FieldMessages};
use crate::app::{field_id, use_validation};
use crate::steps::Step;
use leptos::prelude::*;

#[component]
pub fn TextInput(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A CSS width class such as `kb-w-10` (characters), full width when absent.
    #[prop(optional)]
    width: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] spellcheck_off: bool,
) -> impl IntoView {
    let validation = use_validation();
    let id = field_id(&path);
    let has_hint = hint.is_some();
    let path_for_error = path.clone();
    let error = Signal::derive(move || has_visible_error(&path_for_error, step));
    let path_for_aria = path.clone();
    let aria = move || describedby(&path_for_aria, step, has_hint);
    let path_for_blur = path.clone();
    let on_blur = move |_| validation.touch(&path_for_blur);
    let class = format!("kb-input {}", width.unwrap_or(""));
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                class=format!("{class} kb-textarea")
                rows="3"
                aria-describedby=aria
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                class=class
                type="text"
                inputmode=input_mode
                autocomplete=autocomplete
                spellcheck=spellcheck_off.then_some("false")
                aria-describedby=aria
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <label class="kb-label" for=id.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="kb-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            <FieldMessages path=path.clone() step />
            {input}
        </div>
    }
}
