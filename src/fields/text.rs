use super::frame::{Bind, FieldFrame};
use crate::steps::Step;
use leptos::prelude::*;

#[component]
pub fn TextInput(
    bind: Bind<String>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A CSS width class such as `kb-w-10` (characters), full width when absent.
    #[prop(optional)]
    width: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] spellcheck_off: bool,
    /// A second path whose findings show here too (see `FieldMessages`).
    #[prop(default = None)]
    also: Option<String>,
) -> impl IntoView {
    // The error summary's links to the `also` field land here.
    let also_id = also.as_deref().map(crate::app::field_id);
    let frame = FieldFrame::new(&bind.path, step, &hint).also(also);
    let error = frame.error();
    let Bind { path, value, set } = bind;
    let blur_frame = frame.clone();
    let on_blur = move |_| blur_frame.touch();
    let class = format!("kb-input {}", width.unwrap_or(""));
    let aria = frame.describedby(Vec::new);
    let input = if multiline {
        view! {
            <textarea
                id=frame.id.clone()
                data-path=path
                class=format!("{class} kb-textarea")
                rows="3"
                aria-describedby=aria
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| set.run(ev.target().value())
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=frame.id.clone()
                data-path=path
                data-also-id=also_id
                class=class
                type="text"
                inputmode=input_mode
                autocomplete=autocomplete
                spellcheck=spellcheck_off.then_some("false")
                aria-describedby=aria
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| set.run(ev.target().value())
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            {frame.label(label)}
            {frame.hint(hint, "kb-hint")}
            {frame.messages()}
            {input}
        </div>
    }
}
