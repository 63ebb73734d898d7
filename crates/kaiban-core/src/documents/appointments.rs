//! The documents that back each appointment: the shareholders' resolution (or the sole
//! shareholder's decision) that adopts the articles and elects the directors and
//! supervisors, the board's resolution that elects its chair and appoints the manager, and
//! each appointee's acceptance. A resolution names exactly the people the application
//! appoints, so a registrar never finds an officer no resolution backs (domain.md §8.5).

use super::document::{signature_lines, Chapter, Document, Numbering};
use super::{DocumentKind, DocumentNeed};
use crate::model::{BoardMode, Role, Supervision};
use crate::rules::Indexed;
use crate::text::Bi;

pub const TEMPLATE_VERSION: u32 = 1;

fn names(app: &Indexed, ids: impl IntoIterator<Item = String>) -> String {
    let names: Vec<String> = ids
        .into_iter()
        .filter_map(|id| app.person(&id).map(|p| p.name.clone()))
        .collect();
    names.join("、")
}

fn english_names(app: &Indexed, ids: impl IntoIterator<Item = String>) -> String {
    names(app, ids).replace('、', ", ")
}

/// The document for `need`, signed by the signers the need derived.
pub fn appointment_document(app: &Indexed, need: &DocumentNeed) -> Option<Document> {
    let company = &app.name.full;
    let resolved = Numbering::Items;
    let (template, title, preamble, numbering, clauses, capacity) = match need.kind {
        DocumentKind::ShareholdersResolution => (
            "llc-shareholders-resolution",
            Bi::owned(
                format!("{company}股东会决议"),
                format!("Resolution of the shareholders' meeting of {company}"),
            ),
            Some(Bi::new(
                "全体股东一致同意，作出如下决议：",
                "All shareholders agree and resolve:",
            )),
            resolved,
            shareholders_resolution(app),
            Bi::new("股东", "Shareholder"),
        ),
        DocumentKind::ShareholderDecision => (
            "llc-shareholder-decision",
            Bi::owned(
                format!("{company}股东决定"),
                format!("Decision of the sole shareholder of {company}"),
            ),
            Some(Bi::new(
                "股东作出如下决定：",
                "The sole shareholder decides:",
            )),
            resolved,
            shareholders_resolution(app),
            Bi::new("股东", "Shareholder"),
        ),
        DocumentKind::FoundersResolution => (
            "jsc-founders-resolution",
            Bi::owned(
                format!("{company}发起人会议决议"),
                format!("Resolution of the founders' meeting of {company}"),
            ),
            Some(Bi::new(
                "全体发起人一致同意，作出如下决议：",
                "All founders agree and resolve:",
            )),
            resolved,
            shareholders_resolution(app),
            Bi::new("发起人", "Founder"),
        ),
        DocumentKind::BoardResolution => (
            "board-resolution",
            Bi::owned(
                format!("{company}董事会决议"),
                format!("Resolution of the board of {company}"),
            ),
            Some(Bi::new(
                "全体董事一致同意，作出如下决议：",
                "All directors agree and resolve:",
            )),
            resolved,
            board_resolution(app),
            Bi::new("董事", "Director"),
        ),
        DocumentKind::DelegateAppointment => {
            let delegate = app.person(need.subject.as_deref()?)?;
            let partner = app.person(need.signers.first()?)?;
            (
                "delegate-appointment",
                Bi::owned(format!("{}委派书", partner.name), format!("Appointment of a delegate by {}", partner.name)),
                None,
                Numbering::Paragraphs,
                vec![Bi::owned(
                    format!(
                        "{}（{}：{}）作为{company}的执行事务合伙人，委派{}（{}：{}）为委派代表，代表本单位执行合伙事务（《合伙企业法》第二十六条）。",
                        partner.name, partner.id_type.label().zh, partner.id_number,
                        delegate.name, delegate.id_type.label().zh, delegate.id_number
                    ),
                    format!(
                        "{} ({}: {}), executing partner of {company}, appoints {} ({}: {}) as its delegate to run the partnership's affairs on its behalf (Partnership Law Art 26).",
                        partner.name, partner.id_type.label().en, partner.id_number,
                        delegate.name, delegate.id_type.label().en, delegate.id_number
                    ),
                )],
                Bi::new("执行事务合伙人", "Executing partner"),
            )
        }
        DocumentKind::Acceptance => {
            let person = app.person(need.subject.as_deref()?)?;
            (
                "acceptance",
                Bi::owned(
                    format!("{company}任职确认书"),
                    format!("Acceptance of appointment at {company}"),
                ),
                None,
                Numbering::Paragraphs,
                acceptance(app, person, &need.offices),
                Bi::new("本人", "Appointee"),
            )
        }
        _ => return None,
    };
    let signatures = signature_lines(app, &need.signers, capacity);
    Some(Document {
        id: need.id(),
        kind: need.kind,
        template,
        version: TEMPLATE_VERSION,
        title,
        preamble,
        numbering,
        chapters: vec![Chapter {
            heading: None,
            clauses,
        }],
        signatures,
    })
}

fn shareholders_resolution(app: &Indexed) -> Vec<Bi> {
    let o = &app.officers;
    let mut out = vec![Bi::new(
        "通过公司章程。",
        "The articles of association are adopted.",
    )];
    let elected = |ids: Vec<String>| (names(app, ids.clone()), english_names(app, ids));
    let employee_elected = |employee: bool| -> Vec<String> {
        let list = o
            .directors
            .iter()
            .filter(|d| d.employee_representative == employee);
        list.map(|d| d.person_id.clone()).collect()
    };
    let (directors, directors_en) = elected(employee_elected(false));
    if !directors.is_empty() {
        let (zh, en) = match o.board_mode {
            BoardMode::Board => ("为公司董事，组成董事会", "directors, forming the board"),
            BoardMode::SingleDirector => ("为公司董事（不设董事会）", "the single director"),
        };
        out.push(Bi::owned(
            format!("选举{directors}{zh}。"),
            format!("Elected as {en}: {directors_en}."),
        ));
    }
    let (employee_directors, employee_en) = elected(employee_elected(true));
    if !employee_directors.is_empty() {
        out.push(Bi::owned(
            format!("职工代表董事{employee_directors}由职工民主选举产生。"),
            format!(
                "Elected by the employees as their representatives on the board: {employee_en}."
            ),
        ));
    }
    let supervisors = o.supervisors.iter().filter(|s| !s.employee_representative);
    let (supervisors, supervisors_en) = elected(supervisors.map(|s| s.person_id.clone()).collect());
    match o.supervision {
        Supervision::Board | Supervision::Single if !supervisors.is_empty() => out.push(Bi::owned(
            format!("选举{supervisors}为公司监事。"),
            format!("Elected as supervisors: {supervisors_en}."),
        )),
        Supervision::AuditCommittee => {
            let (members, members_en) = elected(o.audit_committee.clone());
            out.push(Bi::owned(
                format!("董事会设审计委员会，由董事{members}组成，不设监事。"),
                format!(
                    "The board has an audit committee of {members_en}; there are no supervisors."
                ),
            ));
        }
        Supervision::None => out.push(Bi::new(
            "全体股东一致同意公司不设监事。",
            "All shareholders agree that the company has no supervisor.",
        )),
        _ => {}
    }
    if o.board_mode == BoardMode::SingleDirector {
        let (lr, lr_en) = elected(o.legal_representative_id.clone().into_iter().collect());
        let (manager, manager_en) = elected(o.manager_id.clone().into_iter().collect());
        if !manager.is_empty() {
            out.push(Bi::owned(
                format!("同意由董事聘任{manager}为公司经理。"),
                format!("The director appoints {manager_en} as manager."),
            ));
        }
        if !lr.is_empty() {
            out.push(Bi::owned(
                format!("公司法定代表人由{lr}担任。"),
                format!("{lr_en} is the company's legal representative."),
            ));
        }
    }
    out
}

fn board_resolution(app: &Indexed) -> Vec<Bi> {
    let o = &app.officers;
    let mut out = Vec::new();
    let of = |pick: fn(&crate::model::Director) -> bool| -> Vec<String> {
        o.directors
            .iter()
            .filter(|d| pick(d))
            .map(|d| d.person_id.clone())
            .collect()
    };
    for (ids, zh, en) in [
        (of(|d| d.chair), "董事长", "chair of the board"),
        (of(|d| d.vice_chair), "副董事长", "vice-chair"),
    ] {
        if !ids.is_empty() {
            out.push(Bi::owned(
                format!("选举{}为{zh}。", names(app, ids.clone())),
                format!("{} is elected {en}.", english_names(app, ids)),
            ));
        }
    }
    if let Some(manager) = o.manager_id.clone().filter(|id| app.person(id).is_some()) {
        out.push(Bi::owned(
            format!("聘任{}为公司经理。", names(app, [manager.clone()])),
            format!("{} is appointed manager.", english_names(app, [manager])),
        ));
    }
    if let Some(lr) = o
        .legal_representative_id
        .clone()
        .filter(|id| app.person(id).is_some())
    {
        out.push(Bi::owned(
            format!("公司法定代表人由{}担任。", names(app, [lr.clone()])),
            format!(
                "{} is the company's legal representative.",
                english_names(app, [lr])
            ),
        ));
    }
    out
}

fn office(role: Role) -> Bi {
    match role {
        Role::LegalRepresentative => Bi::new("法定代表人", "legal representative"),
        Role::Director => Bi::new("董事", "director"),
        Role::Supervisor => Bi::new("监事", "supervisor"),
        Role::Manager => Bi::new("经理", "manager"),
        Role::ExecutingPartnerDelegate => Bi::new("委派代表", "delegate of the executing partner"),
        _ => Bi::new("职务", "office"),
    }
}

fn acceptance(app: &Indexed, person: &crate::model::Person, offices: &[Role]) -> Vec<Bi> {
    let company = &app.name.full;
    let held: Vec<Bi> = offices.iter().map(|r| office(*r)).collect();
    let zh: Vec<&str> = held.iter().map(|o| o.zh.as_ref()).collect();
    let en: Vec<&str> = held.iter().map(|o| o.en.as_ref()).collect();
    let id_type = person.id_type.label();
    vec![
        Bi::owned(
            format!(
                "本人{}（{}：{}）同意担任{company}{}。",
                person.name,
                id_type.zh,
                person.id_number,
                zh.join("、")
            ),
            format!(
                "I, {} ({}: {}), accept appointment as {} of {company}.",
                person.name,
                id_type.en,
                person.id_number,
                en.join(", ")
            ),
        ),
        if offices.contains(&Role::ExecutingPartnerDelegate) {
            Bi::new(
                "本人接受委派，代表执行事务合伙人执行合伙事务，所提交的本人信息真实、有效。",
                "I accept the appointment to run the partnership's affairs for the executing partner, and the information I give is true.",
            )
        } else {
            Bi::new(
                "本人不存在《公司法》第一百七十八条规定的不得担任公司董事、监事、高级管理人员的情形，所提交的本人信息真实、有效。",
                "None of the grounds of Company Law Art 178 that bar a person from being a director, supervisor or senior manager applies to me, and the information I give is true.",
            )
        },
    ]
}
