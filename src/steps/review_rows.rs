//! The answers of each step as (label, answer) rows, for the review page and the printed form.

use crate::i18n::{capitalise, Locale};
use crate::steps::{labels, Step};
use kaiban_core::catalog::licence_text;
use kaiban_core::model::{Application, BoardMode, DeliveryMethod, DomicileProof, Supervision};
use kaiban_core::money::format_wan;

fn name_of(a: &Application, id: &str) -> String {
    a.person(id).map(|p| p.name.clone()).unwrap_or_default()
}

/// The name of the person a role points at, empty when it points at no one.
fn holder_name(a: &Application, id: &Option<String>) -> String {
    id.as_deref().map(|id| name_of(a, id)).unwrap_or_default()
}

fn names(a: &Application, ids: impl Iterator<Item = String>) -> String {
    ids.map(|id| name_of(a, &id))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// (label, answer) rows of one step.
pub(crate) fn rows(a: &Application, step: Step, l: Locale) -> Vec<(String, String)> {
    let p = |zh: &str, en: &str| l.pick(zh, en).to_string();
    let none = p("（未填写）", "(not given)");
    let or_none = |s: String| if s.trim().is_empty() { none.clone() } else { s };
    match step {
        Step::EntityType => vec![(
            labels::ENTITY_TYPE.pick(l.is_chinese()).to_string(),
            a.entity_type
                .map(|t| t.label().into_text(l.is_chinese()).to_string())
                .unwrap_or(none.clone()),
        )],
        Step::Name => vec![(
            labels::NAME.pick(l.is_chinese()).to_string(),
            or_none(a.name.full.clone()),
        )],
        Step::Domicile => {
            // The place as filed with the application (the names the picker showed).
            let place = &a.domicile.place;
            let division = kaiban_core::model::PlaceName::spell(place);
            let division = division.pick(l.is_chinese()).to_string();
            vec![
                (
                    p("住所", "Address"),
                    or_none(if l.is_chinese() {
                        format!("{division}{}", a.domicile.detail)
                    } else {
                        [a.domicile.detail.as_str(), division.as_str()]
                            .iter()
                            .filter(|part| !part.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    }),
                ),
                (
                    labels::POSTCODE.pick(l.is_chinese()).to_string(),
                    or_none(a.domicile.postcode.clone()),
                ),
                (
                    p("住所证明", "Proof"),
                    match a.domicile.proof {
                        DomicileProof::Declaration => p("住所申报承诺", "Declaration"),
                        DomicileProof::Document => p("住所使用证明", "Document"),
                    },
                ),
            ]
        }
        Step::Scope => vec![(
            p("经营范围", "Activities"),
            or_none(licence_text(&a.business_scope.items)),
        )],
        Step::Investors => a
            .investors
            .iter()
            .enumerate()
            .map(|(i, inv)| {
                let person = a.person(&inv.person_id);
                let title = a
                    .entity_type
                    .map(|t| capitalise(l.pick(t.investor_title_zh(), t.investor_title_en())))
                    .unwrap_or_default();
                let value = person
                    .map(|p| {
                        format!(
                            "{} · {} {}",
                            p.name,
                            p.id_type.label().into_text(l.is_chinese()),
                            p.id_number
                        )
                    })
                    .unwrap_or_default();
                (format!("{title} {}", i + 1), or_none(value))
            })
            .collect(),
        Step::Capital => {
            let mut rows = vec![(
                p("注册资本（出资额）", "Capital"),
                a.capital
                    .registered_fen
                    .map(|f| format!("{} {}", format_wan(f), p("万元", "万元")))
                    .unwrap_or(none.clone()),
            )];
            for inv in &a.investors {
                let methods = inv
                    .contributions
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}{}{}",
                            c.method.label().into_text(l.is_chinese()),
                            format_wan(c.amount_fen),
                            p("万元", " 万元"),
                            c.due_date.map(|d| format!(" · {d}")).unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("；");
                rows.push((
                    name_of(a, &inv.person_id),
                    format!(
                        "{} {}{} · {methods}",
                        p("认缴", "subscribes"),
                        format_wan(inv.subscribed_fen),
                        p("万元", " 万元")
                    ),
                ));
            }
            rows
        }
        Step::Officers => {
            let o = &a.officers;
            vec![
                (
                    p("董事", "Directors"),
                    or_none(names(a, o.directors.iter().map(|d| d.person_id.clone()))),
                ),
                (
                    p("董事长", "Chair"),
                    if o.board_mode == BoardMode::SingleDirector {
                        p("不设董事会", "no board")
                    } else {
                        or_none(names(
                            a,
                            o.directors
                                .iter()
                                .filter(|d| d.chair)
                                .map(|d| d.person_id.clone()),
                        ))
                    },
                ),
                (
                    p("监督机构", "Supervision"),
                    match o.supervision {
                        Supervision::None => p("不设监事", "no supervisor"),
                        Supervision::AuditCommittee => format!(
                            "{} {}",
                            p("审计委员会", "audit committee"),
                            names(a, o.audit_committee.iter().cloned())
                        ),
                        _ => or_none(names(a, o.supervisors.iter().map(|s| s.person_id.clone()))),
                    },
                ),
                (
                    labels::MANAGER.pick(l.is_chinese()).to_string(),
                    or_none(holder_name(a, &o.manager_id)),
                ),
                (
                    labels::LEGAL_REPRESENTATIVE
                        .pick(l.is_chinese())
                        .to_string(),
                    or_none(holder_name(a, &o.legal_representative_id)),
                ),
            ]
        }
        Step::Partnership => vec![(
            p("执行事务合伙人", "Executing partners"),
            or_none(
                a.executing_partners
                    .iter()
                    .map(|e| {
                        let delegate = e
                            .delegate_id
                            .as_deref()
                            .map(|d| format!("（{} {}）", p("委派代表", "delegate"), name_of(a, d)))
                            .unwrap_or_default();
                        format!("{}{delegate}", name_of(a, &e.partner_id))
                    })
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
        )],
        Step::Contacts => vec![
            (
                labels::FINANCE_OFFICER.pick(l.is_chinese()).to_string(),
                or_none(holder_name(a, &a.finance_officer_id)),
            ),
            (
                labels::LIAISON.pick(l.is_chinese()).to_string(),
                or_none(holder_name(a, &a.liaison_id)),
            ),
        ],
        Step::BeneficialOwners => vec![(
            p("受益所有人", "Beneficial owners"),
            if a.beneficial_owners.exemption_commitment {
                p("承诺免报", "Exempt by commitment")
            } else {
                or_none(names(
                    a,
                    a.beneficial_owners
                        .owners
                        .iter()
                        .map(|o| o.person_id.clone()),
                ))
            },
        )],
        Step::Articles => vec![(p("约定事项", "What they say"), articles_summary(a, l))],
        Step::Attachments => vec![(
            p("附件", "Documents"),
            if a.attachments.is_empty() {
                p("无", "none")
            } else {
                a.attachments
                    .iter()
                    .map(|x| x.name.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            },
        )],
        Step::Delivery => vec![(
            p("营业执照", "Licence"),
            match a.licence_delivery.method {
                DeliveryMethod::ElectronicOnly => p("电子营业执照", "Electronic only"),
                DeliveryMethod::ServiceHall => p("大厅领取", "Collect at the hall"),
                DeliveryMethod::Post => format!(
                    "{} {} {}",
                    p("邮寄至", "Post to"),
                    a.licence_delivery.recipient,
                    a.licence_delivery.address
                ),
            },
        )],
        Step::Bundle => {
            let taken = kaiban_core::bundle::summary(a);
            if taken.is_empty() {
                return vec![(p("开办套餐", "Other services"), p("不办理", "None"))];
            }
            taken
                .into_iter()
                .map(|(service, asked)| {
                    (
                        service.pick(l.is_chinese()).to_string(),
                        asked.pick(l.is_chinese()).to_string(),
                    )
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The articles options the applicant's articles contain, as the labels of what was chosen.
fn articles_summary(a: &Application, l: Locale) -> String {
    use kaiban_core::key::Choice;
    let o = &a.articles;
    if o.own_articles {
        return l
            .pick(
                "使用自备章程（协议），登记机关人工审查",
                "Our own articles (agreement), reviewed by hand",
            )
            .to_string();
    }
    let asked = kaiban_core::model::Asked::of(a);
    let mut chosen = Vec::new();
    let zh = l.is_chinese();
    if asked.meeting {
        let days = o.notice_days.unwrap_or_default();
        chosen.push(
            l.pick(
                &format!("提前{days}日通知股东会"),
                &format!("{days} days' notice of meetings"),
            )
            .to_string(),
        );
        chosen.extend(
            [o.voting.label(), o.profit.label(), o.transfer.label()]
                .map(|b| b.pick(zh).to_string()),
        );
    }
    if asked.company {
        let years = o.director_term_years.unwrap_or_default();
        chosen.push(
            l.pick(
                &format!("董事每届任期{years}年"),
                &format!("directors serve {years} years"),
            )
            .to_string(),
        );
        chosen.push(o.manager_powers.label().pick(zh).to_string());
    }
    if asked.partnership {
        chosen.extend(
            [o.sharing.label(), o.admission.label(), o.disputes.label()]
                .map(|b| b.pick(zh).to_string()),
        );
    }
    chosen.push(o.dissolution.label().pick(zh).to_string());
    chosen.join(l.pick("；", "; "))
}
