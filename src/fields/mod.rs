//! Reusable form pieces.

mod error_summary;

pub use error_summary::{ErrorSummary, FieldError};

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with `id` (and scrolls it into view) without
/// touching the URL, which the wizard's navigation owns.
pub fn focus_element(id: &str) {
    let Some(element) = leptos::prelude::document().get_element_by_id(id) else {
        return;
    };
    element.scroll_into_view();
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
