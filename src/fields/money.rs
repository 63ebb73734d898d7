use super::frame::{Bind, FieldFrame};
use crate::i18n::use_i18n;
use crate::steps::Step;
use kaiban_core::date::Date;
use kaiban_core::money::{format_wan, format_yuan, parse_wan};
use leptos::prelude::*;

/// An amount typed in 万元 and stored exactly as fen. Text that is not an amount stays in
/// the box with its own message, so nothing the applicant typed is thrown away.
#[component]
pub fn MoneyInput(
    bind: Bind<Option<u64>>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let frame = FieldFrame::new(&bind.path, step, &hint);
    let Bind { path, value, set } = bind;
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
    let found = frame.error();
    let error = Signal::derive(move || parse_error.get().is_some() || found.get());
    let on_input = move |text: String| {
        raw.set(text.clone());
        if text.trim().is_empty() {
            parse_error.set(None);
            set.run(None);
            return;
        }
        match parse_wan(&text) {
            Ok(fen) => {
                parse_error.set(None);
                set.run(Some(fen));
            }
            Err(e) => parse_error.set(Some(e)),
        }
    };
    let id = frame.id.clone();
    let (parse_id, unit_id) = (format!("{id}-parse"), format!("{id}-unit"));
    let described = {
        let (parse_id, unit_id) = (parse_id.clone(), unit_id.clone());
        frame.describedby(move || {
            let parse = parse_error.get().map(|_| parse_id.clone());
            parse.into_iter().chain([unit_id.clone()]).collect()
        })
    };
    let blur_frame = frame.clone();
    let parse_message = move || {
        parse_error.get().map(|e| {
            let message = e.message().pick(i18n.locale.get().is_chinese()).to_string();
            view! {
                <p class="kb-error-message" id=parse_id.clone()>
                    {message}
                </p>
            }
        })
    };
    let conversion = move || {
        let yuan = i18n.locale.get().pick("元", "yuan");
        value
            .get()
            .filter(|_| parse_error.get().is_none())
            .map(|fen| format!("= {} {yuan}", format_yuan(fen)))
    };
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            {frame.label(label)}
            {frame.hint(hint, "kb-hint")}
            {parse_message}
            {frame.messages()}
            <div class="kb-input-wrapper">
                <input
                    id=id
                    data-path=path
                    class="kb-input kb-w-10"
                    type="text"
                    inputmode="decimal"
                    spellcheck="false"
                    aria-describedby=described
                    aria-invalid=move || error.get().then_some("true")
                    prop:value=move || raw.get()
                    on:input:target=move |ev| on_input(ev.target().value())
                    on:blur=move |_| blur_frame.touch()
                />
                <span class="kb-input-suffix" id=unit_id>
                    "万元"
                </span>
            </div>
            <p class="kb-conversion" aria-live="polite">
                {conversion}
            </p>
        </div>
    }
}

#[component]
pub fn DateInput(
    bind: Bind<Option<Date>>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
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
            <input
                id=frame.id.clone()
                data-path=path
                class="kb-input kb-w-10"
                type="date"
                aria-describedby=frame.describedby(Vec::new)
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change:target=move |ev| {
                    change_frame.touch();
                    set.run(ev.target().value().parse().ok())
                }
            />
        </div>
    }
}
