//! People are entered once and picked for every role. The editor binds to the one record in
//! `persons`, so a correction made on any step shows everywhere.

use super::{Checkbox, DateInput, Select, TextInput};
use crate::app::{field_id, use_validation, use_wizard};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::ids::{IdType, Sex};
use kaiban_core::model::{OrgCategory, Person};
use leptos::prelude::*;

const NEW_PERSON: &str = "__new";
const NEW_ORGANISATION: &str = "__new_org";

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
        person.id_type.label_zh()
    } else {
        person.id_type.label_en()
    };
    if masked.is_empty() {
        name
    } else {
        format!("{name} · {doc} {masked}")
    }
}

#[component]
pub fn PersonSummary(#[prop(into)] person_id: String) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    move || {
        let chinese = i18n.locale.get().is_chinese();
        wizard
            .persons
            .with(|persons| {
                persons
                    .iter()
                    .find(|p| p.id == person_id)
                    .map(|p| describe(p, chinese))
            })
            .unwrap_or_default()
    }
}

#[component]
pub fn PersonEditor(
    #[prop(into)] person_id: String,
    step: Step,
    /// Only natural persons may hold this role.
    #[prop(optional)]
    natural_only: bool,
    /// Ask whether the person is domiciled in China (joint-stock founders).
    #[prop(optional)]
    ask_domicile: bool,
    /// Ask for the kind of organisation (partnerships: who may be a general partner).
    #[prop(optional)]
    ask_org_category: bool,
) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let id = person_id.clone();
    let index = Memo::new(move |_| wizard.person_index(&id).unwrap_or(usize::MAX));
    let get = {
        let person_id = person_id.clone();
        move |f: fn(&Person) -> String| {
            let person_id = person_id.clone();
            Signal::derive(move || {
                wizard
                    .application
                    .with(|a| a.person(&person_id).map(f).unwrap_or_default())
            })
        }
    };
    let set = {
        let person_id = person_id.clone();
        move |f: fn(&mut Person, String)| {
            let person_id = person_id.clone();
            Callback::new(move |v: String| wizard.update_person(&person_id, |p| f(p, v)))
        }
    };
    let id_type = {
        let person_id = person_id.clone();
        Memo::new(move |_| {
            wizard
                .application
                .with(|a| a.person(&person_id).map(|p| p.id_type).unwrap_or_default())
        })
    };
    let path = move |field: &str| format!("persons[{}].{field}", index.get());
    let type_options = Signal::derive(move || {
        let chinese = i18n.locale.get().is_chinese();
        IdType::ALL
            .into_iter()
            .filter(|t| !natural_only || t.is_natural_person())
            .map(|t| {
                (
                    t.key().to_string(),
                    if chinese { t.label_zh() } else { t.label_en() }.to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let derived = {
        let person_id = person_id.clone();
        move || {
            let chinese = i18n.locale.get().is_chinese();
            wizard.application.with(|a| {
                let p = a.person(&person_id)?;
                let id = p.resident_id()?;
                let sex = match (id.sex(), chinese) {
                    (Sex::Male, true) => "男",
                    (Sex::Female, true) => "女",
                    (Sex::Male, false) => "male",
                    (Sex::Female, false) => "female",
                };
                Some(if chinese {
                    format!(
                        "出生日期 {}，性别 {sex}（由身份证号码得出）",
                        id.birth_date()
                    )
                } else {
                    format!("Born {}, {sex} (from the identity number)", id.birth_date())
                })
            })
        }
    };
    let birth = {
        let person_id = person_id.clone();
        Signal::derive(move || {
            wizard
                .application
                .with(|a| a.person(&person_id).and_then(|p| p.birth_date))
        })
    };
    let set_birth = {
        let person_id = person_id.clone();
        Callback::new(move |d| wizard.update_person(&person_id, |p| p.birth_date = d))
    };
    let domiciled = {
        let person_id = person_id.clone();
        Signal::derive(move || {
            wizard.application.with(|a| {
                a.person(&person_id)
                    .is_some_and(|p| p.is_domiciled_in_china())
            })
        })
    };
    let set_domiciled = {
        let person_id = person_id.clone();
        Callback::new(move |v: bool| {
            wizard.update_person(&person_id, |p| p.domiciled_in_china = Some(v))
        })
    };
    view! {
        <div class="kb-person" id=move || field_id(&format!("persons[{}]", index.get()))>
            {move || {
                let index = index.get();
                if index == usize::MAX {
                    return None;
                }
                let organisation = !id_type.get().is_natural_person();
                let chinese = i18n.locale.get().is_chinese();
                let t = id_type.get();
                let hint = if chinese { t.hint() } else { t.hint_en() }.to_string();
                Some(view! {
                    <Select
                        path=path("id_type")
                        step
                        label=both("证件类型", "Type of document")
                        options=type_options
                        value=get(|p| p.id_type.key().to_string())
                        on_change=set(|p, v| p.id_type = IdType::from_key(&v).unwrap_or_default())
                    />
                    <TextInput
                        path=path("id_number")
                        step
                        label=if organisation { both("统一社会信用代码", "Unified social credit code") } else { both("证件号码", "Document number") }
                        hint=Signal::derive(move || hint.clone())
                        value=get(|p| p.id_number.clone())
                        on_input=set(|p, v| p.id_number = v)
                        width="kb-w-20"
                        spellcheck_off=true
                        autocomplete="off"
                    />
                    {
                        let derived = derived.clone();
                        move || derived().map(|d| view! { <p class="kb-derived">{d}</p> })
                    }
                    <TextInput
                        path=path("name")
                        step
                        label=if organisation { both("单位名称", "Organisation name") } else { both("姓名", "Full name") }
                        hint=if organisation { both("与营业执照上的名称一致", "As on its business licence") } else { both("与证件上的姓名一致", "As on the identity document") }
                        value=get(|p| p.name.clone())
                        on_input=set(|p, v| p.name = v)
                        width="kb-w-20"
                        autocomplete="off"
                    />
                    {(organisation).then(|| view! {
                        <TextInput
                            path=path("org_representative")
                            step
                            label=both("法定代表人（负责人）", "Legal representative of the organisation")
                            value=get(|p| p.org_representative.clone())
                            on_input=set(|p, v| p.org_representative = v)
                            width="kb-w-20"
                        />
                    })}
                    {(organisation && ask_org_category).then(|| view! {
                        <Select
                            path=path("org_category")
                            step
                            label=both("单位性质", "Kind of organisation")
                            hint=both("国有独资公司、国有企业、上市公司以及公益性的事业单位、社会团体不得成为普通合伙人", "State-owned, listed and public-welfare bodies may not be general partners")
                            options=Signal::derive(move || {
                                let l = i18n.locale.get();
                                vec![
                                    ("ordinary".to_string(), l.pick("一般企业或组织", "Ordinary business or organisation").to_string()),
                                    ("state_owned_sole_funded".to_string(), l.pick("国有独资公司", "State-owned sole-funded company").to_string()),
                                    ("state_owned".to_string(), l.pick("国有企业", "State-owned enterprise").to_string()),
                                    ("listed".to_string(), l.pick("上市公司", "Listed company").to_string()),
                                    ("public_welfare".to_string(), l.pick("公益性事业单位、社会团体", "Public-welfare institution or social organisation").to_string()),
                                ]
                            })
                            value=get(|p| serde_json::to_value(p.org_category).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default())
                            on_change=set(|p, v| p.org_category = serde_json::from_value(serde_json::Value::String(v)).unwrap_or(OrgCategory::Ordinary))
                        />
                    })}
                    {(!organisation && t != IdType::ResidentId).then(|| view! {
                        <DateInput path=path("birth_date") step label=both("出生日期", "Date of birth") value=birth on_change=set_birth />
                        <TextInput
                            path=path("nationality")
                            step
                            label=both("国籍（地区）", "Nationality")
                            hint=both("三位字母代码，例如 USA、GBR", "Three-letter code, e.g. USA, GBR")
                            value=get(|p| p.nationality.clone())
                            on_input=set(|p, v| p.nationality = v.trim().to_uppercase())
                            width="kb-w-5"
                        />
                    })}
                    {(ask_domicile && t != IdType::ResidentId).then(|| view! {
                        <Checkbox
                            path=path("domiciled_in_china")
                            step
                            label=both("在中华人民共和国境内有住所", "Domiciled in the People's Republic of China")
                            checked=domiciled
                            on_change=set_domiciled
                        />
                    })}
                    {(!organisation).then(|| view! {
                        <TextInput
                            path=path("mobile")
                            step
                            label=both("手机号码", "Mobile number")
                            hint=both("本人实名登记的手机号码，用于接收签名通知", "The person's own real-name mobile, for signing notices")
                            value=get(|p| p.mobile.clone())
                            on_input=set(|p, v| p.mobile = v)
                            input_mode="tel"
                            autocomplete="off"
                            width="kb-w-10"
                        />
                        <TextInput
                            path=path("email")
                            step
                            label=both("电子邮箱（选填）", "Email (optional)")
                            value=get(|p| p.email.clone())
                            on_input=set(|p, v| p.email = v)
                            input_mode="email"
                            autocomplete="off"
                            spellcheck_off=true
                        />
                    })}
                    <TextInput
                        path=path("address")
                        step
                        label=if organisation { both("住所（选填）", "Registered address (optional)") } else { both("住所（选填）", "Home address (optional)") }
                        value=get(|p| p.address.clone())
                        on_input=set(|p, v| p.address = v)
                    />
                })
            }}
        </div>
    }
}

/// Chooses a person for a role: anyone already entered, or a new person or organisation.
#[component]
pub fn PersonPicker(
    #[prop(into)] path: String,
    step: Step,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<Option<String>>,
    #[prop(optional)] natural_only: bool,
    /// Limit the choice to these person ids (e.g. the partners).
    #[prop(optional, into)]
    among: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let validation = use_validation();
    let options = Signal::derive(move || {
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
    view! {
        {match hint {
            Some(hint) => view! { <Select path=path.clone() step label hint options value=current on_change=on_select /> }.into_any(),
            None => view! { <Select path=path.clone() step label options value=current on_change=on_select /> }.into_any(),
        }}
    }
}
