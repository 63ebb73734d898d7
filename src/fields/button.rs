//! The app's plain action button: `type="button"` (it never submits a form by accident),
//! a class and what a click does, so a step writes one line per button.

use leptos::prelude::*;

#[component]
pub fn Button(
    /// `kb-button`, `kb-button kb-button-secondary`, `kb-link-button` …
    class: &'static str,
    #[prop(into)] on_click: Callback<()>,
    /// While true, the button cannot be pressed (an action under way).
    #[prop(optional, into)]
    disabled: MaybeProp<bool>,
    #[prop(optional, into)] id: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            id=id
            disabled=move || disabled.get().unwrap_or(false)
            on:click=move |_| on_click.run(())
        >
            {children()}
        </button>
    }
}
