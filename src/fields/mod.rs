//! Reusable form pieces. Every input takes the JSON path of its field: the path gives its
//! DOM id (error-summary links land on it) and picks its findings from kaiban-core.

mod button;
mod card_groups;
mod choice;
mod choice_checks;
mod error_summary;
mod frame;
mod holder_card;
mod holder_list;
mod messages;
mod money;
mod option;
mod person;
mod person_details;
mod person_picker;
mod person_summary;
mod print_button;
mod qr;
mod retry_alert;
mod text;

pub use button::Button;
pub use card_groups::card_groups;
pub use choice::{choices, select_choices, Checkbox, ChoiceRadios, Radios, Select};
pub use choice_checks::ChoiceChecks;
pub use error_summary::{ErrorSummary, FieldError};
pub use frame::{Bind, FieldFrame};
pub use holder_card::{AddHolder, HolderCard, HolderPerson};
pub use holder_list::{HolderList, HolderMarks, HolderRole};
pub use messages::{FieldMessages, MessageAnchor};
pub use money::{DateInput, MoneyInput};
pub use option::{OptionGroup, OptionIds, OptionInput, OptionKind};
pub use person::PersonEditor;
pub use person_details::PersonDetails;
pub use person_picker::PersonPicker;
pub use person_summary::{describe, PersonSummary};
pub use print_button::PrintButton;
pub use qr::{qr_svg, QrLink};
pub use retry_alert::RetryAlert;
pub use text::TextInput;

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with `id` (and scrolls it into view) without
/// touching the URL, which the wizard's navigation owns.
pub fn focus_element(id: &str) {
    let element = crate::embed::by_id(id)
        .or_else(|| crate::embed::query(&format!("[data-also-id=\"{id}\"]")));
    let Some(element) = element else {
        return;
    };
    element.scroll_into_view();
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
