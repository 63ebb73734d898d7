//! Chooses a person for a role: anyone already entered, or a new person or organisation.

use super::person_summary::describe;
use super::Bind;
use super::Select;
use crate::app::{use_validation, use_wizard};
use crate::i18n::use_i18n;
use crate::steps::Step;
use leptos::prelude::*;

/// The picker's own values for "add a new person" and "add an organisation".
const NEW_PERSON: &str = "__new";
const NEW_ORGANISATION: &str = "__new_org";

/// Chooses a person for a role: anyone already entered, or a new person or organisation.
#[component]
pub fn PersonPicker(
    bind: Bind<Option<String>>,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] natural_only: bool,
    /// Limit the choice to these person ids (e.g. the partners).
    #[prop(optional, into)]
    among: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let validation = use_validation();
    // A memo: a keystroke anywhere in the application changes it, but rarely who can be
    // chosen; the select's options (a thousand with a thousand investors) are redrawn only
    // when they change.
    let options = Memo::new(move |_| {
        let l = i18n.locale.get();
        let chinese = l.is_chinese();
        let allowed = among.map(|a| a.get());
        let mut options = vec![(String::new(), l.pick("请选择", "Choose").to_string())];
        wizard.application.with(|a| {
            for p in &a.persons {
                if natural_only && p.is_organisation() {
                    continue;
                }
                if allowed.as_ref().is_some_and(|ids| !ids.contains(&p.id)) {
                    continue;
                }
                options.push((p.id.clone(), describe(p, chinese)));
            }
        });
        if among.is_none() {
            options.push((
                NEW_PERSON.to_string(),
                l.pick("＋ 添加新人员", "+ Add a new person").to_string(),
            ));
            if !natural_only {
                options.push((
                    NEW_ORGANISATION.to_string(),
                    l.pick("＋ 添加单位（法人或其他组织）", "+ Add an organisation")
                        .to_string(),
                ));
            }
        }
        options
    });
    let Bind {
        path,
        value,
        set: on_change,
    } = bind;
    let path_for_touch = path.clone();
    let on_select = Callback::new(move |v: String| {
        validation.touch(&path_for_touch);
        match v.as_str() {
            "" => on_change.run(None),
            NEW_PERSON => on_change.run(Some(wizard.add_person(false))),
            NEW_ORGANISATION => on_change.run(Some(wizard.add_person(true))),
            id => on_change.run(Some(id.to_string())),
        }
    });
    let current = Signal::derive(move || value.get().unwrap_or_default());
    let bind = Bind::new(path, current, on_select);
    match hint {
        Some(hint) => view! { <Select bind step label hint options full_width=true /> }.into_any(),
        None => view! { <Select bind step label options full_width=true /> }.into_any(),
    }
}
