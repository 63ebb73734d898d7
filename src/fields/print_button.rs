//! The button that prints the page (the review as the application form, the documents on A4).

use super::Button;
use leptos::prelude::*;

#[component]
pub fn PrintButton(#[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        <Button
            class="kb-button kb-button-secondary"
            on_click=move |_| {
                let _ = window().print();
            }
        >
            {label}
        </Button>
    }
}
