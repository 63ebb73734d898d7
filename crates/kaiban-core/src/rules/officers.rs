//! Company organs: R-ORG-1…4, R-SUP-1…4, R-AUD-1, R-LR-1/2, X-1…X-3.

use super::{missing_person, person_name, Context, Finding, Indexed};
use crate::model::{BoardMode, EntityType, Supervision};
use crate::path;
use std::collections::HashSet;

pub(super) fn check(app: &Indexed, entity: EntityType, ctx: &Context, out: &mut Vec<Finding>) {
    let _ = ctx;
    let o = &app.officers;
    for (i, d) in o.directors.iter().enumerate() {
        let path = path::director(i);
        if !missing_person(app, &d.person_id, || path.clone(), out) {
            natural_person_only(app, &d.person_id, path, "董事", "director", out);
        }
    }
    for (i, s) in o.supervisors.iter().enumerate() {
        let path = path::supervisor(i);
        if !missing_person(app, &s.person_id, || path.clone(), out) {
            natural_person_only(app, &s.person_id, path, "监事", "supervisor", out);
        }
    }
    if let Some(id) = &o.manager_id {
        if !missing_person(app, id, || path::MANAGER.into(), out) {
            natural_person_only(app, id, path::MANAGER.into(), "经理", "manager", out);
        }
    }
    check_board(app, out);
    check_supervision(app, entity, out);
    check_legal_representative(app, out);
    if entity == EntityType::JointStock && o.manager_id.is_none() {
        out.push(Finding::warning(
            "officers.jsc_manager_missing",
            path::MANAGER,
            "股份有限公司通常设经理，由董事会决定聘任或者解聘（《公司法》第一百二十六条）",
            "A joint-stock company normally has a manager appointed by the board (Company Law, Art 126)",
        ));
    }
}

fn natural_person_only(
    app: &Indexed,
    id: &str,
    path: String,
    role_zh: &str,
    role_en: &str,
    out: &mut Vec<Finding>,
) {
    if app.person(id).is_some_and(|p| p.is_organisation()) {
        out.push(Finding::error(
            "officers.natural_person_required",
            path,
            format!("{role_zh}必须是自然人"),
            format!("A {role_en} must be a natural person"),
        ));
    }
}

fn check_board(app: &Indexed, out: &mut Vec<Finding>) {
    let o = &app.officers;
    let chairs = o.directors.iter().filter(|d| d.chair).count();
    match o.board_mode {
        BoardMode::Board => {
            if o.directors.len() < 3 {
                out.push(Finding::error(
                    "board.too_small",
                    path::DIRECTORS,
                    format!("董事会成员为三人以上，现在有{}人；规模较小或者股东人数较少的公司可以不设董事会，只设一名董事（《公司法》第六十八条、第七十五条）", o.directors.len()),
                    format!("A board has at least three members ({} now); a small company may instead have a single director (Company Law, Art 68 and 75)", o.directors.len()),
                ));
            }
            if chairs != 1 {
                out.push(Finding::error(
                    "board.chair_count",
                    path::DIRECTORS,
                    format!("董事会应当设董事长一人，现在选择了{chairs}人（《公司法》第六十八条）"),
                    format!("The board has exactly one chair; {chairs} are marked (Company Law, Art 68)"),
                ));
            }
            if o.directors.iter().filter(|d| d.vice_chair).count() > 0
                && o.directors.iter().any(|d| d.chair && d.vice_chair)
            {
                out.push(Finding::error(
                    "board.chair_is_vice_chair",
                    path::DIRECTORS,
                    "董事长和副董事长不能是同一人",
                    "The chair and the vice-chair cannot be the same person",
                ));
            }
            let employee_reps = o
                .directors
                .iter()
                .filter(|d| d.employee_representative)
                .count();
            let supervisory_board_with_reps = o.supervision == Supervision::Board
                && o.supervisors.iter().any(|s| s.employee_representative);
            if o.employee_count.unwrap_or(0) >= 300
                && employee_reps == 0
                && !supervisory_board_with_reps
            {
                out.push(Finding::error(
                    "board.employee_director_required",
                    path::DIRECTORS,
                    "职工人数三百人以上且未设有职工代表的监事会的，董事会成员中应当有职工代表（《公司法》第六十八条）",
                    "With 300 or more employees and no supervisory board with employee representatives, the board must include an employee representative (Company Law, Art 68)",
                ));
            }
        }
        BoardMode::SingleDirector => {
            if o.directors.len() != 1 {
                out.push(Finding::error(
                    "board.single_director_count",
                    path::DIRECTORS,
                    format!("不设董事会的，只设一名董事，现在有{}人（《公司法》第七十五条）", o.directors.len()),
                    format!("Without a board there is exactly one director; there are {} (Company Law, Art 75)", o.directors.len()),
                ));
            }
            if chairs > 0 || o.directors.iter().any(|d| d.vice_chair) {
                out.push(Finding::error(
                    "board.single_director_no_chair",
                    path::DIRECTORS,
                    "不设董事会时没有董事长、副董事长",
                    "Without a board there is no chair or vice-chair",
                ));
            }
        }
    }
}

fn check_supervision(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    let o = &app.officers;
    let n = o.supervisors.len();
    match o.supervision {
        Supervision::Board => {
            if n < 3 {
                out.push(Finding::error(
                    "supervisors.board_too_small",
                    path::SUPERVISORS,
                    format!("监事会成员为三人以上，现在有{n}人（《公司法》第七十六条）"),
                    format!("A supervisory board has at least three members; there are {n} (Company Law, Art 76)"),
                ));
            }
            let reps = o.supervisors.iter().filter(|s| s.employee_representative).count();
            if n > 0 && reps * 3 < n {
                out.push(Finding::error(
                    "supervisors.employee_share",
                    path::SUPERVISORS,
                    format!("监事会中职工代表的比例不得低于三分之一，现在{n}人中有{reps}人（《公司法》第七十六条）"),
                    format!("At least a third of the supervisory board must be employee representatives: {reps} of {n} (Company Law, Art 76)"),
                ));
            }
            if o.supervisors.iter().filter(|s| s.chair).count() != 1 {
                out.push(Finding::error(
                    "supervisors.chair_count",
                    path::SUPERVISORS,
                    "监事会设主席一人（《公司法》第七十六条）",
                    "The supervisory board has one chair (Company Law, Art 76)",
                ));
            }
        }
        Supervision::Single if n != 1 => out.push(Finding::error(
            "supervisors.single_count",
            path::SUPERVISORS,
            format!("不设监事会的，设一名监事，现在有{n}人（《公司法》第七十六条）"),
            format!("Without a supervisory board there is exactly one supervisor; there are {n} (Company Law, Art 76)"),
        )),
        Supervision::None => {
            if !entity.is_limited_liability_company() {
                out.push(Finding::error(
                    "supervisors.none_not_allowed",
                    path::SUPERVISION,
                    "股份有限公司应当设监事会、监事或者董事会审计委员会（《公司法》第一百二十一条、第一百三十三条）",
                    "A joint-stock company must have supervisors or an audit committee (Company Law, Art 121 and 133)",
                ));
            } else if !o.no_supervisor_consent {
                out.push(Finding::error(
                    "supervisors.none_needs_consent",
                    path::NO_SUPERVISOR_CONSENT,
                    "不设监事须经全体股东一致同意，请确认已取得全体股东同意（《公司法》第八十三条）",
                    "Having no supervisor needs the consent of all shareholders: confirm you have it (Company Law, Art 83)",
                ));
            }
        }
        Supervision::AuditCommittee => check_audit_committee(app, entity, out),
        Supervision::Single => {}
    }
    if o.supervision != Supervision::Board && o.supervision != Supervision::Single && n > 0 {
        out.push(Finding::warning(
            "supervisors.listed_but_not_used",
            path::SUPERVISORS,
            "已选择不设监事（或设审计委员会），所列监事将不会登记",
            "You chose no supervisors (or an audit committee); the supervisors listed will not be registered",
        ));
    }

    let mut senior: HashSet<&str> = o.directors.iter().map(|d| d.person_id.as_str()).collect();
    senior.extend(o.manager_id.as_deref());
    senior.extend(app.finance_officer_id.as_deref());
    for (i, s) in o.supervisors.iter().enumerate() {
        if senior.contains(s.person_id.as_str()) {
            out.push(Finding::error(
                "supervisors.also_director_or_manager",
                path::supervisor(i),
                format!("“{}”已担任董事、经理或财务负责人，董事、高级管理人员不得兼任监事（《公司法》第七十六条）", person_name(app, &s.person_id)),
                format!("“{}” is already a director, manager or finance officer; directors and senior managers may not be supervisors (Company Law, Art 76)", person_name(app, &s.person_id)),
            ));
        }
    }
}

fn check_audit_committee(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    let o = &app.officers;
    let members = &o.audit_committee;
    if entity == EntityType::JointStock && members.len() < 3 {
        out.push(Finding::error(
            "audit_committee.too_small",
            path::AUDIT_COMMITTEE,
            format!("审计委员会成员为三名以上，现在有{}名（《公司法》第一百二十一条）", members.len()),
            format!("The audit committee has at least three members; there are {} (Company Law, Art 121)", members.len()),
        ));
    } else if members.is_empty() {
        out.push(Finding::error(
            "audit_committee.empty",
            path::AUDIT_COMMITTEE,
            "请选择审计委员会成员（《公司法》第六十九条）",
            "Choose the members of the audit committee (Company Law, Art 69)",
        ));
    }
    for (i, id) in members.iter().enumerate() {
        if !o.directors.iter().any(|d| &d.person_id == id) {
            out.push(Finding::error(
                "audit_committee.not_a_director",
                path::audit_member(i),
                format!("“{}”不是董事；审计委员会成员须为董事（《公司法》第六十九条、第一百二十一条）", person_name(app, id)),
                format!("“{}” is not a director; audit committee members must be directors (Company Law, Art 69 and 121)", person_name(app, id)),
            ));
        }
    }
    let independent = members
        .iter()
        .filter(|id| {
            o.manager_id.as_ref() != Some(*id) && app.finance_officer_id.as_ref() != Some(*id)
        })
        .count();
    if !members.is_empty() && independent * 2 <= members.len() {
        out.push(Finding::warning(
            "audit_committee.independence",
            path::AUDIT_COMMITTEE,
            "审计委员会成员中过半数不得在公司担任董事以外的其他职务（《公司法》第一百二十一条）",
            "More than half of the audit committee may hold no post in the company other than director (Company Law, Art 121)",
        ));
    }
}

fn check_legal_representative(app: &Indexed, out: &mut Vec<Finding>) {
    let o = &app.officers;
    let Some(id) = &o.legal_representative_id else {
        out.push(Finding::error(
            "legal_representative.required",
            path::LEGAL_REPRESENTATIVE,
            "请选择法定代表人",
            "Choose the legal representative",
        ));
        return;
    };
    if missing_person(app, id, || path::LEGAL_REPRESENTATIVE.into(), out) {
        return;
    }
    let executing_director = o.directors.iter().any(|d| {
        &d.person_id == id
            && (d.executes_affairs || d.chair || o.board_mode == BoardMode::SingleDirector)
    });
    let is_manager = o.manager_id.as_ref() == Some(id);
    if !executing_director && !is_manager {
        out.push(Finding::error(
            "legal_representative.not_eligible",
            path::LEGAL_REPRESENTATIVE,
            format!("“{}”既不是代表公司执行公司事务的董事，也不是经理；法定代表人只能由他们担任（《公司法》第十条）", person_name(app, id)),
            format!("“{}” is neither a director who executes the company's affairs nor the manager; only they can be legal representative (Company Law, Art 10)", person_name(app, id)),
        ));
    }
    natural_person_only(
        app,
        id,
        path::LEGAL_REPRESENTATIVE.into(),
        "法定代表人",
        "legal representative",
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::model::{BoardMode, Supervision, Supervisor};
    use crate::rules::testing::*;

    #[test]
    fn a_supervisor_who_is_also_a_director_is_refused() {
        let mut app = example("llc");
        app.officers.supervisors[0].person_id = app.officers.directors[0].person_id.clone();
        let f = find(&app, "supervisors.also_director_or_manager");
        assert_eq!(f.path, "officers.supervisors[0].person_id");
    }

    #[test]
    fn board_rules() {
        let mut app = example("llc");
        app.officers.directors.truncate(2);
        find(&app, "board.too_small");
        let mut app = example("llc");
        for d in &mut app.officers.directors {
            d.chair = false;
        }
        find(&app, "board.chair_count");
        let mut app = example("llc");
        app.officers.employee_count = Some(300);
        find(&app, "board.employee_director_required");
        app.officers.directors[1].employee_representative = true;
        assert_no(&app, "board.employee_director_required");
        let mut app = example("one_person_llc");
        assert_eq!(app.officers.board_mode, BoardMode::SingleDirector);
        app.officers
            .directors
            .push(app.officers.directors[0].clone());
        find(&app, "board.single_director_count");
        app.officers.directors[0].chair = true;
        find(&app, "board.single_director_no_chair");
    }

    #[test]
    fn supervision_options() {
        let mut app = example("llc");
        app.officers.supervision = Supervision::Board;
        find(&app, "supervisors.board_too_small");
        find(&app, "supervisors.chair_count");
        find(&app, "supervisors.employee_share");
        let mut app = example("llc");
        app.officers.supervisors.push(Supervisor {
            person_id: app.persons[0].id.clone(),
            ..Default::default()
        });
        find(&app, "supervisors.single_count");
        let mut app = example("llc");
        app.officers.supervision = Supervision::None;
        app.officers.supervisors.clear();
        find(&app, "supervisors.none_needs_consent");
        app.officers.no_supervisor_consent = true;
        assert_no(&app, "supervisors.none_needs_consent");
        let mut jsc = example("joint_stock");
        jsc.officers.supervision = Supervision::None;
        find(&jsc, "supervisors.none_not_allowed");
    }

    #[test]
    fn audit_committee_rules() {
        let mut jsc = example("joint_stock");
        jsc.officers.supervision = Supervision::AuditCommittee;
        jsc.officers.supervisors.clear();
        jsc.officers.audit_committee = vec![jsc.officers.directors[0].person_id.clone()];
        find(&jsc, "audit_committee.too_small");
        jsc.officers.audit_committee.push("nobody".into());
        find(&jsc, "audit_committee.not_a_director");
    }

    #[test]
    fn legal_representative_must_be_executing_director_or_manager() {
        let mut app = example("llc");
        app.officers.legal_representative_id = None;
        find(&app, "legal_representative.required");
        let mut app = example("llc");
        let shareholder_only = app
            .investors
            .iter()
            .map(|i| i.person_id.clone())
            .find(|id| {
                !app.officers.directors.iter().any(|d| &d.person_id == id)
                    && app.officers.manager_id.as_ref() != Some(id)
            })
            .expect("the LLC example has a shareholder with no office");
        app.officers.legal_representative_id = Some(shareholder_only);
        find(&app, "legal_representative.not_eligible");
    }
}
