//! Single-person roles outside the company organs: executing partners, finance officer,
//! liaison, beneficial owners.

use super::officers::PersonDetails;
use super::page::StepPage;
use crate::app::{field_id, person_home_step, use_wizard};
use crate::fields::{Checkbox, FieldMessages, PersonEditor, PersonPicker, Radios, TextInput};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{
    BeneficialOwner, EntityType, ExecutingPartner, OwnershipBasis, PartnerKind,
};
use kaiban_core::rules::beneficial_exemption_available;
use leptos::prelude::*;

#[component]
pub fn PartnershipStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Partnership;
    let app = wizard.application;
    let rows = Memo::new(move |_| {
        app.with(|a| {
            a.executing_partners
                .iter()
                .map(|e| {
                    (
                        e.partner_id.clone(),
                        e.delegate_id.clone(),
                        a.person(&e.partner_id).is_some_and(|p| p.is_organisation()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let eligible = Signal::derive(move || {
        app.with(|a| {
            let limited = a.entity_type == Some(EntityType::LimitedPartnership);
            a.investors
                .iter()
                .filter(|i| !limited || i.partner_kind == Some(PartnerKind::General))
                .map(|i| i.person_id.clone())
                .collect::<Vec<_>>()
        })
    });
    if rows.get_untracked().is_empty() {
        app.update(|a| a.executing_partners.push(ExecutingPartner::default()));
    }
    view! {
        <StepPage step lead=both("执行事务合伙人对外代表合伙企业。有限合伙企业由普通合伙人执行合伙事务；执行事务合伙人是单位的，须委派一名自然人代表。", "Executing partners act for the partnership. In a limited partnership only general partners do; an organisation names a natural person as its delegate.")>
            <div class="kb-anchor" id=field_id("executing_partners") tabindex="-1"><FieldMessages path="executing_partners" step /></div>
            {move || rows.get().into_iter().enumerate().map(|(i, (_, delegate, is_org))| view! {
                <section class="kb-card">
                    <h2 class="kb-card-title">{move || format!("{} {}", i18n.locale.get().pick("执行事务合伙人", "Executing partner"), i + 1)}</h2>
                    <PersonPicker
                        path=format!("executing_partners[{i}].partner_id")
                        step
                        label=both("合伙人", "Partner")
                        among=eligible
                        value=Signal::derive(move || app.with(|a| a.executing_partners.get(i).map(|e| e.partner_id.clone()).filter(|p| !p.is_empty())))
                        on_change=Callback::new(move |id: Option<String>| app.update(|a| if let Some(e) = a.executing_partners.get_mut(i) { e.partner_id = id.unwrap_or_default() }))
                    />
                    {is_org.then(|| view! {
                        <PersonPicker
                            path=format!("executing_partners[{i}].delegate_id")
                            step
                            natural_only=true
                            label=both("委派代表", "Delegate")
                            value=Signal::derive(move || app.with(|a| a.executing_partners.get(i).and_then(|e| e.delegate_id.clone())))
                            on_change=Callback::new(move |id: Option<String>| {
                                app.update(|a| if let Some(e) = a.executing_partners.get_mut(i) { e.delegate_id = id });
                                wizard.drop_unreferenced_people();
                            })
                        />
                        {delegate.clone().map(|d| view! { <PersonDetails person_id=d step /> })}
                    })}
                    {(i > 0).then(|| view! {
                        <button type="button" class="kb-link-button kb-danger" on:click=move |_| app.update(|a| { a.executing_partners.remove(i); })>
                            {move || i18n.locale.get().pick("删除", "Remove").to_string()}
                        </button>
                    })}
                </section>
            }).collect_view()}
            <button type="button" class="kb-button kb-button-secondary" on:click=move |_| app.update(|a| a.executing_partners.push(ExecutingPartner::default()))>
                {move || i18n.locale.get().pick("＋ 添加执行事务合伙人", "+ Add an executing partner").to_string()}
            </button>
        </StepPage>
    }
}

/// A contact role: the picker, and the person's details or at least their mobile.
#[component]
fn ContactRole(
    path: &'static str,
    label: Signal<String>,
    hint: Signal<String>,
    get: fn(&kaiban_core::model::Application) -> Option<String>,
    set: fn(&mut kaiban_core::model::Application, Option<String>),
) -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Contacts;
    let app = wizard.application;
    let chosen = Memo::new(move |_| app.with(get));
    view! {
        <PersonPicker
            path
            step
            natural_only=true
            label
            hint
            value=Signal::derive(move || chosen.get())
            on_change=Callback::new(move |id: Option<String>| {
                app.update(|a| set(a, id));
                wizard.drop_unreferenced_people();
            })
        />
        {move || chosen.get().map(|id| {
            let home = app.with_untracked(|a| person_home_step(a, &id));
            if home == step {
                view! { <PersonEditor person_id=id step natural_only=true /> }.into_any()
            } else {
                let index = app.with_untracked(|a| a.person_index(&id)).unwrap_or(0);
                let id_for_value = id.clone();
                let id_for_input = id.clone();
                view! {
                    <PersonDetails person_id=id step />
                    <TextInput
                        path=format!("persons[{index}].mobile")
                        step
                        label=both("手机号码", "Mobile number")
                        value=Signal::derive(move || app.with(|a| a.person(&id_for_value).map(|p| p.mobile.clone()).unwrap_or_default()))
                        on_input=Callback::new(move |v: String| wizard.update_person(&id_for_input, |p| p.mobile = v))
                        input_mode="tel"
                        width="kb-w-10"
                    />
                }
                .into_any()
            }
        })}
    }
}

#[component]
pub fn ContactsStep() -> impl IntoView {
    view! {
        <StepPage step=Step::Contacts lead=both("财务负责人信息同步用于税务登记；登记联络员负责与登记机关联系，二人均须使用本人实名手机号。", "The finance officer's details go to tax registration; the liaison is the registrar's contact. Both need their own real-name mobile.")>
            <ContactRole
                path="finance_officer_id"
                label=both("财务负责人", "Finance officer")
                hint=both("监事不得兼任财务负责人", "A supervisor may not be the finance officer")
                get=|a| a.finance_officer_id.clone()
                set=|a, id| a.finance_officer_id = id
            />
            <ContactRole
                path="liaison_id"
                label=both("登记联络员", "Registration liaison")
                hint=both("可以由股东、员工或委托代理人担任", "May be a shareholder, an employee or an agent")
                get=|a| a.liaison_id.clone()
                set=|a, id| a.liaison_id = id
            />
        </StepPage>
    }
}

#[component]
pub fn BeneficialOwnersStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::BeneficialOwners;
    let app = wizard.application;
    let eligible = Memo::new(move |_| app.with(beneficial_exemption_available));
    let exempt = Memo::new(move |_| app.with(|a| a.beneficial_owners.exemption_commitment));
    let owners = Memo::new(move |_| {
        app.with(|a| {
            a.beneficial_owners
                .owners
                .iter()
                .map(|o| o.person_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let basis_options = Signal::derive(move || {
        let l = i18n.locale.get();
        vec![
            (
                "ownership".to_string(),
                l.pick(
                    "直接或间接拥有25%以上股权（合伙权益）",
                    "Owns 25% or more, directly or indirectly",
                )
                .to_string(),
                None,
            ),
            (
                "income_or_voting".to_string(),
                l.pick(
                    "享有25%以上收益权或表决权",
                    "Has 25% or more of income or voting rights",
                )
                .to_string(),
                None,
            ),
            (
                "control".to_string(),
                l.pick("单独或联合实施实际控制", "Controls it alone or jointly")
                    .to_string(),
                None,
            ),
            (
                "senior_manager".to_string(),
                l.pick(
                    "无上述人员时的高级管理人员",
                    "Senior manager, when nobody above qualifies",
                )
                .to_string(),
                None,
            ),
        ]
    });
    view! {
        <StepPage step lead=both("受益所有人是最终拥有、实际控制企业或者享有企业最终收益的自然人（《受益所有人信息管理办法》）。", "Beneficial owners are the natural persons who ultimately own, control or benefit from the business (Beneficial Owner Information Measures).")>
            <Show when=move || eligible.get() || exempt.get()>
                <Checkbox
                    path="beneficial_owners.exemption_commitment"
                    step
                    label=both("承诺免报：注册资本（出资额）不超过1000万元，股东（合伙人）全部为自然人，且不存在股东以外的自然人实际控制或享有收益", "Commit instead of filing: capital of at most 10 million yuan, all members are natural persons, and no one else controls or benefits")
                    checked=Signal::derive(move || exempt.get())
                    on_change=Callback::new(move |v| app.update(|a| a.beneficial_owners.exemption_commitment = v))
                />
            </Show>
            <Show when=move || !exempt.get()>
                <div class="kb-anchor" id=field_id("beneficial_owners.owners") tabindex="-1"><FieldMessages path="beneficial_owners.owners" step /></div>
                {move || owners.get().into_iter().enumerate().map(|(i, person_id)| {
                    let at = move |f: &str| format!("beneficial_owners.owners[{i}].{f}");
                    let share = RwSignal::new(app.with_untracked(|a| a.beneficial_owners.owners.get(i).and_then(|o| o.share_millionths).map(|m| format!("{}", m as f64 / 10_000.0)).unwrap_or_default()));
                    view! {
                        <section class="kb-card">
                            <h2 class="kb-card-title">{move || format!("{} {}", i18n.locale.get().pick("受益所有人", "Beneficial owner"), i + 1)}</h2>
                            <PersonPicker
                                path=at("person_id")
                                step
                                natural_only=true
                                label=both("人员", "Person")
                                value=Signal::derive(move || app.with(|a| a.beneficial_owners.owners.get(i).map(|o| o.person_id.clone()).filter(|p| !p.is_empty())))
                                on_change=Callback::new(move |id: Option<String>| {
                                    app.update(|a| if let Some(o) = a.beneficial_owners.owners.get_mut(i) { o.person_id = id.unwrap_or_default() });
                                    wizard.drop_unreferenced_people();
                                })
                            />
                            {(!person_id.is_empty()).then(|| view! { <PersonDetails person_id=person_id.clone() step /> })}
                            <Radios
                                path=at("basis")
                                step
                                legend=both("认定标准", "Why they are a beneficial owner")
                                options=basis_options
                                value=Signal::derive(move || app.with(|a| a.beneficial_owners.owners.get(i).map(|o| serde_json::to_value(o.basis).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()).unwrap_or_default()))
                                on_change=Callback::new(move |v: String| app.update(|a| if let Some(o) = a.beneficial_owners.owners.get_mut(i) { o.basis = serde_json::from_value(serde_json::Value::String(v)).unwrap_or(OwnershipBasis::Ownership) }))
                            />
                            <TextInput
                                path=at("share_millionths")
                                step
                                label=both("持股或收益比例（%）", "Share (%)")
                                value=Signal::derive(move || share.get())
                                on_input=Callback::new(move |v: String| {
                                    share.set(v.clone());
                                    let millionths = kaiban_core::money::parse_decimal(&v, 4).ok().map(|m| m.min(1_000_000) as u32);
                                    app.update(|a| if let Some(o) = a.beneficial_owners.owners.get_mut(i) { o.share_millionths = millionths })
                                })
                                input_mode="decimal"
                                width="kb-w-5"
                            />
                            <button type="button" class="kb-link-button kb-danger" on:click=move |_| {
                                app.update(|a| { a.beneficial_owners.owners.remove(i); });
                                wizard.drop_unreferenced_people();
                            }>{move || i18n.locale.get().pick("删除", "Remove").to_string()}</button>
                        </section>
                    }
                }).collect_view()}
                <button type="button" class="kb-button kb-button-secondary" on:click=move |_| app.update(|a| a.beneficial_owners.owners.push(BeneficialOwner::default()))>
                    {move || i18n.locale.get().pick("＋ 添加受益所有人", "+ Add a beneficial owner").to_string()}
                </button>
            </Show>
        </StepPage>
    }
}
