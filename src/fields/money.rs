use super::messages::{describedby, has_visible_error, FieldMessages};
use crate::app::{field_id, use_validation};
use crate::i18n::use_i18n;
use crate::steps::Step;
use kaiban_core::date::Date;
use kaiban_core::money::{format_wan, format_yuan, parse_wan};
use leptos::prelude::*;

/// An amount typed in 万元 and stored exactly as fen. Text that is not an amount stays in
/// the box with its own message, so nothing the applicant typed is thrown away.
#[component]
pub fn MoneyInput(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<Option<u64>>,
    #[prop(into)] on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let validation = use_validation();
    let i18n = use_i18n();
    let id = field_id(&path);
    let raw = RwSignal::new(value.get_untracked().map(format_wan).unwrap_or_default());
    let parse_error = RwSignal::new(None::<kaiban_core::money::MoneyError>);
    // Follow changes made elsewhere (e.g. a single contribution tracking the subscription)
    // without rewriting what the applicant is typing.
    Effect::new(move |_| {
        let v = value.get();
        if parse_wan(&raw.get_untracked()).ok() != v && parse_error.get_untracked().is_none() {
            raw.set(v.map(format_wan).unwrap_or_default());
        }
    });
    let has_hint = hint.is_some();
    let p1 = path.clone();
    let error = Signal::derive(move || parse_error.get().is_some() || has_visible_error(&p1, step));
    let p2 = path.clone();
    let p3 = path.clone();
    let on_input = move |text: String| {
        raw.set(text.clone());
        if text.trim().is_empty() {
            parse_error.set(None);
            on_change.run(None);
            return;
        }
        match parse_wan(&text) {
            Ok(fen) => {
                parse_error.set(None);
                on_change.run(Some(fen));
            }
            Err(e) => parse_error.set(Some(e)),
        }
    };
    let suffix_id = format!("{id}-unit");
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <label class="kb-label" for=id.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="kb-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            {move || parse_error.get().map(|e| {
                let message = i18n.locale.get().pick(e.message_zh(), e.message_en()).to_string();
                view! { <p class="kb-error-message" id=format!("{}-parse", field_id(&p3))>{message}</p> }
            })}
            <FieldMessages path=path.clone() step />
            <div class="kb-input-wrapper">
                <input
                    id=id.clone()
                    class="kb-input kb-w-10"
                    type="text"
                    inputmode="decimal"
                    spellcheck="false"
                    aria-describedby=move || {
                        let mut ids = describedby(&p2, step, has_hint).unwrap_or_default();
                        ids.push_str(&format!(" {suffix_id}"));
                        ids.trim().to_string()
                    }
                    aria-invalid=move || error.get().then_some("true")
                    prop:value=move || raw.get()
                    on:input:target=move |ev| on_input(ev.target().value())
                    on:blur={
                        let path = path.clone();
                        move |_| validation.touch(&path)
                    }
                />
                <span class="kb-input-suffix" id=format!("{id}-unit")>{move || i18n.locale.get().pick("万元", "万元").to_string()}</span>
            </div>
            <p class="kb-conversion" aria-live="polite">
                {move || value.get().filter(|_| parse_error.get().is_none()).map(|fen| format!("= {} {}", format_yuan(fen), i18n.locale.get().pick("元", "yuan")))}
            </p>
        </div>
    }
}

#[component]
pub fn DateInput(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<Option<Date>>,
    #[prop(into)] on_change: Callback<Option<Date>>,
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
            <input
                id=id.clone()
                class="kb-input kb-w-10"
                type="date"
                aria-describedby=move || describedby(&p2, step, has_hint)
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change:target=move |ev| {
                    validation.touch(&p3);
                    on_change.run(ev.target().value().parse().ok())
                }
            />
        </div>
    }
}
