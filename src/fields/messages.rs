use crate::app::{field_id, use_validation};
use crate::i18n::use_i18n;
use crate::steps::Step;
use kaiban_core::Severity;
use leptos::prelude::*;

/// The ids an input should name in `aria-describedby`: its hint and any visible message.
pub fn describedby(path: &str, step: Step, has_hint: bool) -> Option<String> {
    let validation = use_validation();
    let id = field_id(path);
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if !validation.visible_at(path, step).is_empty() {
        ids.push(format!("{id}-message"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The messages for one field: errors in red, warnings in amber, both languages from core.
#[component]
pub fn FieldMessages(#[prop(into)] path: String, step: Step) -> impl IntoView {
    let validation = use_validation();
    let i18n = use_i18n();
    let id = format!("{}-message", field_id(&path));
    move || {
        let findings = validation.visible_at(&path, step);
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

/// Whether the field at `path` shows an error now (for `aria-invalid` and the red bar).
pub fn has_visible_error(path: &str, step: Step) -> bool {
    use_validation()
        .visible_at(path, step)
        .iter()
        .any(|f| f.is_error())
}
