//! Executing partners (执行事务合伙人) of a partnership, and the delegate an organisation
//! partner sends.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::HolderCard;
use crate::fields::PersonDetails;
use crate::fields::{AddHolder, MessageAnchor, PersonPicker};
use crate::i18n::Text;
use crate::i18n::{both, text};
use crate::steps::Step;
use kaiban_core::model::{EntityType, ExecutingPartner, PartnerKind};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn PartnershipStep() -> impl IntoView {
    let wizard = use_wizard();
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
        <StepPage step lead=text(Text::PartnershipLead)>
            <MessageAnchor path=path::EXECUTING_PARTNERS step />
            {move || {
                rows.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, delegate, is_org))| {
                        view! {
                            <HolderCard
                                title=Text::HolderExecutingPartner
                                number=i + 1
                                on_remove=(i > 0)
                                    .then(|| wizard.remove_holder(|a| &mut a.executing_partners, i))
                            >
                                <PersonPicker
                                    bind=wizard
                                        .bind_holder(
                                            path::executing_partner(i, "partner_id"),
                                            (
                                                i,
                                                (|a| &a.executing_partners, |a| &mut a.executing_partners),
                                            ),
                                        )
                                    step
                                    label=both("合伙人", "Partner")
                                    among=eligible
                                />
                                {is_org
                                    .then(|| {
                                        view! {
                                            <PersonPicker
                                                bind=Bind::new(
                                                    path::executing_partner(i, "delegate_id"),
                                                    Signal::derive(move || {
                                                        app.with(|a| {
                                                            a.executing_partners
                                                                .get(i)
                                                                .and_then(|e| e.delegate_id.clone())
                                                        })
                                                    }),
                                                    Callback::new(move |id: Option<String>| {
                                                        app.update(|a| {
                                                            if let Some(e) = a.executing_partners.get_mut(i) {
                                                                e.delegate_id = id;
                                                            }
                                                        });
                                                        wizard.drop_unreferenced_people();
                                                    }),
                                                )
                                                step
                                                natural_only=true
                                                label=both("委派代表", "Delegate")
                                            />
                                            {delegate
                                                .clone()
                                                .map(|d| view! { <PersonDetails person_id=d step /> })}
                                        }
                                    })}
                            </HolderCard>
                        }
                    })
                    .collect_view()
            }}
            <AddHolder
                label=both("＋ 添加执行事务合伙人", "+ Add an executing partner")
                on_add=wizard.add_holder(|a| &mut a.executing_partners)
            />
        </StepPage>
    }
}
