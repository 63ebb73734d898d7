use crate::app::{field_id, use_validation};
use crate::i18n::use_i18n;
use crate::steps::Step;
use kaiban_core::Severity;
use leptos::prelude::*;

/// The messages for one field: errors in red, warnings in amber, both languages from core.
/// `also` names a second path whose findings show here too (a contact's mobile number, asked
/// for on the contacts step, is also a field of their person record).
#[component]
pub fn FieldMessages(
    #[prop(into)] path: String,
    step: Step,
    #[prop(default = None)] also: Option<String>,
) -> impl IntoView {
    let validation = use_validation();
    let i18n = use_i18n();
    let id = format!("{}-message", field_id(&path));
    move || {
        let mut findings = validation.visible_at(&path, step);
        if let Some(also) = &also {
            findings.extend(validation.visible_at(also, step));
        }
        (!findings.is_empty()).then(|| {
            let chinese = i18n.locale.get().is_chinese();
            view! {
                <div id=id.clone() class="kb-messages">
                    {findings
                        .into_iter()
                        .map(|f| {
                            let class = match f.severity {
                                Severity::Error => "kb-error-message",
                                Severity::Warning => "kb-warning-message",
                            };
                            view! { <p class=class>{f.message(chinese).to_string()}</p> }
                        })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// Where a finding about a whole list or record lands (the error summary links here): its
/// messages, focusable, with the field's id and path.
#[component]
pub fn MessageAnchor(#[prop(into)] path: String, step: Step) -> impl IntoView {
    let (id, data_path) = (field_id(&path), path.clone());
    view! {
        <div class="kb-anchor" id=id data-path=data_path tabindex="-1">
            <FieldMessages path step />
        </div>
    }
}
