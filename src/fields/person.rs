//! People are entered once and picked for every role. The editor binds to the one record in
//! `persons`, so a correction made on any step shows everywhere.

use super::Bind;
use super::{select_choices, Checkbox, DateInput, Select, TextInput};
use crate::app::{field_id, use_wizard};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::ids::{IdType, Sex};
use kaiban_core::model::OrgCategory;
use kaiban_core::path::{self, PersonField};
use leptos::prelude::*;

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
    /// The path the mobile number is asked for under, when a role needs it (the contacts
    /// step's `path::LIAISON_MOBILE`); its findings and the person's own show at the input.
    #[prop(optional)]
    mobile_path: Option<&'static str>,
) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let id = person_id.clone();
    let index = Memo::new(move |_| wizard.person_index(&id).unwrap_or(usize::MAX));
    let person = wizard.person_signals.person(&person_id);
    let id_type =
        Memo::new(move |_| person.with(|p| p.as_ref().map(|p| p.id_type).unwrap_or_default()));
    let type_options = select_choices(move |t: IdType| !natural_only || t.is_natural_person());
    // A memo: a keystroke elsewhere leaves the line as it is.
    let derived = Memo::new(move |_| {
        let chinese = i18n.locale.get().is_chinese();
        person.with(|p| {
            let id = p.as_ref()?.resident_id()?;
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
    });
    let (record_id, data_person) = (
        field_id(&path::person_record(&person_id)),
        person_id.clone(),
    );
    view! {
        <div class="kb-person" id=record_id data-person-id=data_person>
            {move || {
                let index = index.get();
                if index == usize::MAX {
                    return None;
                }
                let organisation = !id_type.get().is_natural_person();
                let chinese = i18n.locale.get().is_chinese();
                let t = id_type.get();
                let hint = t.hint().into_text(chinese).to_string();
                Some(
                    view! {
                        <Select
                            bind=wizard.person_choice(&person_id, PersonField::IdType)
                            step
                            label=both("证件类型", "Type of document")
                            options=type_options
                        />
                        <TextInput
                            bind=wizard.person_text(&person_id, PersonField::IdNumber)
                            step
                            label=if organisation {
                                both("统一社会信用代码", "Unified social credit code")
                            } else {
                                both("证件号码", "Document number")
                            }
                            hint=Signal::derive(move || hint.clone())
                            width="kb-w-20"
                            spellcheck_off=true
                            autocomplete="off"
                        />
                        {move || derived.get().map(|d| view! { <p class="kb-derived">{d}</p> })}
                        <TextInput
                            bind=wizard.person_text(&person_id, PersonField::Name)
                            step
                            label=if organisation {
                                both("单位名称", "Organisation name")
                            } else {
                                both("姓名", "Full name")
                            }
                            hint=if organisation {
                                both(
                                    "与营业执照上的名称一致",
                                    "As on its business licence",
                                )
                            } else {
                                both("与证件上的姓名一致", "As on the identity document")
                            }
                            width="kb-w-20"
                            autocomplete="off"
                        />
                        {(organisation)
                            .then(|| {
                                view! {
                                    <TextInput
                                        bind=wizard
                                            .person_text(&person_id, PersonField::OrgRepresentative)
                                        step
                                        label=both(
                                            "法定代表人（负责人）",
                                            "Legal representative of the organisation",
                                        )
                                        width="kb-w-20"
                                    />
                                }
                            })}
                        {(organisation && ask_org_category)
                            .then(|| {
                                view! {
                                    <Select
                                        bind=wizard
                                            .person_choice(&person_id, PersonField::OrgCategory)
                                        step
                                        label=both("单位性质", "Kind of organisation")
                                        hint=both(
                                            "国有独资公司、国有企业、上市公司以及公益性的事业单位、社会团体不得成为普通合伙人",
                                            "State-owned, listed and public-welfare bodies may not be general partners",
                                        )
                                        options=select_choices(|_: OrgCategory| true)
                                    />
                                }
                            })}
                        {(!organisation && t != IdType::ResidentId)
                            .then(|| {
                                view! {
                                    <DateInput
                                        bind=wizard
                                            .bind_person(
                                                &person_id,
                                                PersonField::BirthDate,
                                                |p| p.birth_date,
                                                |p, v| p.birth_date = v,
                                            )
                                        step
                                        label=both("出生日期", "Date of birth")
                                    />
                                    <TextInput
                                        bind=wizard
                                            .person_text(&person_id, PersonField::Nationality)
                                        step
                                        label=both("国籍（地区）", "Nationality")
                                        hint=both(
                                            "三位字母代码，例如 USA、GBR",
                                            "Three-letter code, e.g. USA, GBR",
                                        )
                                        width="kb-w-5"
                                    />
                                }
                            })}
                        {(ask_domicile && t != IdType::ResidentId)
                            .then(|| {
                                view! {
                                    <Checkbox
                                        bind=wizard
                                            .bind_person(
                                                &person_id,
                                                PersonField::DomiciledInChina,
                                                |p| p.is_domiciled_in_china(),
                                                |p, v| p.domiciled_in_china = Some(v),
                                            )
                                        step
                                        label=both(
                                            "在中华人民共和国境内有住所",
                                            "Domiciled in the People's Republic of China",
                                        )
                                    />
                                }
                            })}
                        {(!organisation)
                            .then(|| {
                                let own = wizard.person_text(&person_id, PersonField::Mobile);
                                let (bind, also) = match mobile_path {
                                    Some(role) => {
                                        (Bind::new(role, own.value, own.set), Some(own.path))
                                    }
                                    None => (own, None),
                                };
                                view! {
                                    <TextInput
                                        bind
                                        also
                                        step
                                        label=both("手机号码", "Mobile number")
                                        hint=both(
                                            "本人实名登记的手机号码，供登记机关联系本人",
                                            "The person's own real-name mobile, for the registry to reach them",
                                        )
                                        input_mode="tel"
                                        autocomplete="off"
                                        width="kb-w-10"
                                    />
                                }
                            })}
                        {(!organisation)
                            .then(|| {
                                view! {
                                    <TextInput
                                        bind=wizard.person_text(&person_id, PersonField::Email)
                                        step
                                        label=both("电子邮箱（选填）", "Email (optional)")
                                        input_mode="email"
                                        autocomplete="off"
                                        spellcheck_off=true
                                    />
                                }
                            })}
                        <TextInput
                            bind=wizard.person_text(&person_id, PersonField::Address)
                            step
                            label=if organisation {
                                both("住所（选填）", "Registered address (optional)")
                            } else {
                                both("住所（选填）", "Home address (optional)")
                            }
                        />
                    },
                )
            }}
        </div>
    }
}
