//! Beneficial owners (受益所有人), or the commitment that exempts a small business.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::RemoveHolder;
use crate::fields::{AddHolder, Checkbox, MessageAnchor, Radios, TextInput};
use crate::fields::{HolderCard, HolderPerson};
use crate::i18n::{both, text, use_i18n};
use crate::steps::Step;
use kaiban_core::model::OwnershipBasis;
use kaiban_core::path;
use kaiban_core::rules::beneficial_exemption_available;
use kaiban_core::text::Bi;
use leptos::prelude::*;

static LEAD: Bi = Bi::new(
    "受益所有人是最终拥有、实际控制企业或者享有企业最终收益的自然人（《受益所有人信息管理办法》）。",
    "Beneficial owners are the natural persons who ultimately own, control or benefit from the business (Beneficial Owner Information Measures).",
);

static EXEMPTION_COMMITMENT: Bi = Bi::new(
    "承诺免报：注册资本（出资额）不超过1000万元，股东（合伙人）全部为自然人，且不存在股东以外的自然人实际控制或享有收益",
    "Commit instead of filing: capital of at most 10 million yuan, all members are natural persons, and no one else controls or benefits",
);

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
        <StepPage step lead=text(LEAD.clone())>
            <Show when=move || eligible.get() || exempt.get()>
                <Checkbox
                    bind=Bind::new(
                        path::BENEFICIAL_EXEMPTION,
                        Signal::derive(move || exempt.get()),
                        Callback::new(move |v| {
                            app.update(|a| a.beneficial_owners.exemption_commitment = v)
                        }),
                    )
                    step
                    label=text(EXEMPTION_COMMITMENT.clone())
                />
            </Show>
            <Show when=move || !exempt.get()>
                <MessageAnchor path=path::BENEFICIAL_OWNERS step />
                {move || {
                    owners
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, _)| {
                            let at = move |f: &str| format!("beneficial_owners.owners[{i}].{f}");
                            let share = RwSignal::new(
                                app
                                    .with_untracked(|a| {
                                        a.beneficial_owners
                                            .owners
                                            .get(i)
                                            .and_then(|o| o.share_millionths)
                                            .map(|m| format!("{}", m as f64 / 10_000.0))
                                            .unwrap_or_default()
                                    }),
                            );
                            view! {
                                <HolderCard
                                    title=Bi::new("受益所有人", "Beneficial owner")
                                    number=i + 1
                                >
                                    <HolderPerson
                                        bind=wizard
                                            .bind_holder(
                                                at("person_id"),
                                                i,
                                                (
                                                    |a| &a.beneficial_owners.owners,
                                                    |a| &mut a.beneficial_owners.owners,
                                                ),
                                                (|h| &h.person_id, |h| &mut h.person_id),
                                            )
                                        step
                                    />
                                    <Radios
                                        bind=Bind::new(
                                            at("basis"),
                                            Signal::derive(move || {
                                                app.with(|a| {
                                                    a.beneficial_owners
                                                        .owners
                                                        .get(i)
                                                        .map(|o| {
                                                            serde_json::to_value(o.basis)
                                                                .ok()
                                                                .and_then(|v| v.as_str().map(String::from))
                                                                .unwrap_or_default()
                                                        })
                                                        .unwrap_or_default()
                                                })
                                            }),
                                            Callback::new(move |v: String| {
                                                app.update(|a| {
                                                    if let Some(o) = a.beneficial_owners.owners.get_mut(i) {
                                                        o.basis = serde_json::from_value(
                                                                serde_json::Value::String(v),
                                                            )
                                                            .unwrap_or(OwnershipBasis::Ownership);
                                                    }
                                                })
                                            }),
                                        )
                                        step
                                        legend=both(
                                            "认定标准",
                                            "Why they are a beneficial owner",
                                        )
                                        options=basis_options
                                    />
                                    <TextInput
                                        bind=Bind::new(
                                            at("share_millionths"),
                                            Signal::derive(move || share.get()),
                                            Callback::new(move |v: String| {
                                                share.set(v.clone());
                                                let millionths = kaiban_core::money::parse_decimal(&v, 4)
                                                    .ok()
                                                    .map(|m| m.min(1_000_000) as u32);
                                                app.update(|a| {
                                                    if let Some(o) = a.beneficial_owners.owners.get_mut(i) {
                                                        o.share_millionths = millionths;
                                                    }
                                                })
                                            }),
                                        )
                                        step
                                        label=both("持股或收益比例（%）", "Share (%)")
                                        input_mode="decimal"
                                        width="kb-w-5"
                                    />
                                    <RemoveHolder
                                        label=both("删除", "Remove")
                                        on_remove=wizard
                                            .remove_holder(|a| &mut a.beneficial_owners.owners, i)
                                    />
                                </HolderCard>
                            }
                        })
                        .collect_view()
                }}
                <AddHolder
                    label=both("＋ 添加受益所有人", "+ Add a beneficial owner")
                    on_add=wizard.add_holder(|a| &mut a.beneficial_owners.owners)
                />
            </Show>
        </StepPage>
    }
}
