//! Beneficial owners (受益所有人), or the commitment that exempts a small business.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::{Checkbox, ChoiceRadios, TextInput};
use crate::fields::{HolderList, HolderRole};
use crate::i18n::Text;
use crate::i18n::{both, text};
use crate::steps::Step;
use kaiban_core::model::BeneficialOwner;
use kaiban_core::path;
use kaiban_core::rules::beneficial_exemption_available;
use leptos::prelude::*;

const OWNERS: HolderRole<BeneficialOwner> = HolderRole {
    holders: (
        |a| &a.beneficial_owners.owners,
        |a| &mut a.beneficial_owners.owners,
    ),
    list: path::BENEFICIAL_OWNERS,
    field: path::beneficial_owner,
    title: Text::HolderBeneficialOwner,
    add_label: Text::AddBeneficialOwner,
};

#[component]
pub fn BeneficialOwnersStep() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::BeneficialOwners;
    let app = wizard.application;
    let eligible = Memo::new(move |_| app.with(beneficial_exemption_available));
    let exempt = Memo::new(move |_| app.with(|a| a.beneficial_owners.exemption_commitment));
    view! {
        <StepPage step lead=text(Text::BeneficialLead)>
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
                    label=text(Text::BeneficialExemptionCommitment)
                />
            </Show>
            <Show when=move || !exempt.get()>
                <HolderList
                    role=OWNERS
                    step
                    card=move |i| {
                        let at = move |f: &str| path::beneficial_owner(i, f);
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
                            <ChoiceRadios
                                bind=wizard
                                    .bind_item(
                                        at("basis"),
                                        (i, OWNERS.holders),
                                        |o| o.basis,
                                        |o, b| o.basis = b,
                                    )
                                step
                                legend=both("认定标准", "Why they are a beneficial owner")
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
                        }
                    }
                />
            </Show>
        </StepPage>
    }
}
