//! A person in one line: name, document and number, as pickers and card titles show them.

use crate::app::use_wizard;
use crate::i18n::use_i18n;
use kaiban_core::model::Person;
use leptos::prelude::*;

/// "张伟 · 居民身份证 5201…1238": enough to recognise someone without showing the whole number.
pub fn describe(person: &Person, chinese: bool) -> String {
    let number = person.id_number.trim();
    let masked = if number.chars().count() > 8 {
        let chars: Vec<char> = number.chars().collect();
        format!(
            "{}…{}",
            chars[..4].iter().collect::<String>(),
            chars[chars.len() - 4..].iter().collect::<String>()
        )
    } else {
        number.to_string()
    };
    let name = if person.name.trim().is_empty() {
        if chinese {
            "（未填姓名）"
        } else {
            "(no name yet)"
        }
        .to_string()
    } else {
        person.name.clone()
    };
    let doc = if chinese {
        person.id_type.label().zh
    } else {
        person.id_type.label().en
    };
    if masked.is_empty() {
        name
    } else {
        format!("{name} · {doc} {masked}")
    }
}

#[component]
pub fn PersonSummary(#[prop(into)] person_id: String) -> impl IntoView {
    let person = use_wizard().person_signals.person(&person_id);
    let i18n = use_i18n();
    move || {
        let chinese = i18n.locale.get().is_chinese();
        person
            .with(|p| p.as_ref().map(|p| describe(p, chinese)))
            .unwrap_or_default()
    }
}
