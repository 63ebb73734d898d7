//! Supervisors, a supervisory board, an audit committee, or none (all shareholders agreeing).

use super::{person_name, Organs, SUPERVISORS};
use crate::app::field_id;
use crate::bind;
use crate::fields::Bind;
use crate::fields::{Checkbox, ChoiceRadios, FieldMessages};
use crate::fields::{HolderList, HolderMarks};
use crate::i18n::both;
use kaiban_core::model::Supervision;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub(super) fn SupervisionSection(organs: Organs) -> impl IntoView {
    let Organs {
        wizard: _,
        app,
        step,
        entity,
        supervision,
        directors,
        ..
    } = organs;
    view! {
        <h2 class="kb-section-title">{both("监督机构", "Supervision")}</h2>
        <ChoiceRadios
            bind=bind!(app, path::SUPERVISION, officers.supervision)
            step
            legend=both("监事或审计委员会", "Supervisors or audit committee")
            offered=move |s| s != Supervision::None || entity.get().is_limited_liability_company()
        />
        <Show when=move || {
            matches!(supervision.get(), Supervision::Board | Supervision::Single)
        }>
            <HolderList
                role=SUPERVISORS
                step
                card=move |i| {
                    let board = supervision.get() == Supervision::Board;
                    view! { <HolderMarks role=SUPERVISORS i board step /> }
                }
            />
        </Show>
        <Show when=move || supervision.get() == Supervision::None>
            <Checkbox
                bind=bind!(app, path::NO_SUPERVISOR_CONSENT, officers.no_supervisor_consent)
                step
                label=both(
                    "全体股东已一致同意不设监事",
                    "All shareholders have agreed to have no supervisor",
                )
            />
        </Show>
        <Show when=move || supervision.get() == Supervision::AuditCommittee>
            <fieldset
                class="kb-fieldset kb-field"
                id=field_id("officers.audit_committee")
                tabindex="-1"
            >
                <legend class="kb-label">
                    {both(
                        "审计委员会成员（从董事中选择）",
                        "Audit committee members (directors)",
                    )}
                </legend>
                <FieldMessages path=path::AUDIT_COMMITTEE step />
                {move || {
                    directors
                        .get()
                        .into_iter()
                        .filter(|id| !id.is_empty())
                        .enumerate()
                        .map(|(k, id)| {
                            let id_for_check = id.clone();
                            let id_for_change = id.clone();
                            view! {
                                <Checkbox
                                    bind=Bind::new(
                                        format!("officers.audit_committee-option-{k}"),
                                        Signal::derive(move || {
                                            app.with(|a| {
                                                a.officers.audit_committee.contains(&id_for_check)
                                            })
                                        }),
                                        Callback::new(move |v: bool| {
                                            app.update(|a| {
                                                a.officers.audit_committee.retain(|m| *m != id_for_change);
                                                if v {
                                                    a.officers.audit_committee.push(id_for_change.clone());
                                                }
                                            })
                                        }),
                                    )
                                    step
                                    label=Signal::derive({
                                        let id = id.clone();
                                        move || app.with(|a| person_name(a, &id).to_string())
                                    })
                                />
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
        </Show>
    }
}
