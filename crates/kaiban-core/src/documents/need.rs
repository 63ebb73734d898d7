//! Which documents an application needs and who signs each.

use crate::model::{Application, BoardMode, EntityType, PersonId, Role};
use crate::rules::Indexed;
use crate::text::Bi;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 登记（备案）申请书 with its attached sheets.
    ApplicationForm,
    /// 公司章程: signed by every shareholder or founder (Company Law Art 46, Art 95).
    Articles,
    /// 合伙协议: signed by every partner (合伙企业法 Art 18, Art 19).
    PartnershipAgreement,
    /// 股东会决议: the shareholders appoint the directors and supervisors and adopt the articles.
    ShareholdersResolution,
    /// 股东决定: the same, by the only shareholder (Company Law Art 60).
    ShareholderDecision,
    /// 发起人会议决议: the founders of a joint-stock company by promotion.
    FoundersResolution,
    /// 董事会决议: the board appoints its chair and the manager.
    BoardResolution,
    /// 委派书: an organisation that executes the partnership's affairs names its delegate.
    DelegateAppointment,
    /// 任职确认: one person accepts every office the application gives them.
    Acceptance,
}

impl DocumentKind {
    pub fn title(self) -> Bi {
        match self {
            DocumentKind::ApplicationForm => Bi::new("登记申请书", "Application for registration"),
            DocumentKind::Articles => Bi::new("公司章程", "Articles of association"),
            DocumentKind::PartnershipAgreement => Bi::new("合伙协议", "Partnership agreement"),
            DocumentKind::ShareholdersResolution => {
                Bi::new("股东会决议", "Resolution of the shareholders' meeting")
            }
            DocumentKind::ShareholderDecision => {
                Bi::new("股东决定", "Decision of the sole shareholder")
            }
            DocumentKind::FoundersResolution => {
                Bi::new("发起人会议决议", "Resolution of the founders' meeting")
            }
            DocumentKind::BoardResolution => Bi::new("董事会决议", "Resolution of the board"),
            DocumentKind::DelegateAppointment => Bi::new("委派书", "Appointment of the delegate"),
            DocumentKind::Acceptance => Bi::new("任职确认书", "Acceptance of appointment"),
        }
    }

    fn key(self) -> &'static str {
        match self {
            DocumentKind::ApplicationForm => "application_form",
            DocumentKind::Articles => "articles",
            DocumentKind::PartnershipAgreement => "partnership_agreement",
            DocumentKind::ShareholdersResolution => "shareholders_resolution",
            DocumentKind::ShareholderDecision => "shareholder_decision",
            DocumentKind::FoundersResolution => "founders_resolution",
            DocumentKind::BoardResolution => "board_resolution",
            DocumentKind::DelegateAppointment => "delegate_appointment",
            DocumentKind::Acceptance => "acceptance",
        }
    }
}

/// One document of the filing: what it is, whom it is about (the appointee of an
/// acceptance or an appointment) and who must sign it, in the order they appear in the
/// application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentNeed {
    pub kind: DocumentKind,
    pub subject: Option<PersonId>,
    /// For an acceptance: the offices accepted.
    pub offices: Vec<Role>,
    pub signers: Vec<PersonId>,
}

impl DocumentNeed {
    /// Stable within a filing: `articles`, `acceptance:<person id>`.
    pub fn id(&self) -> String {
        match &self.subject {
            Some(person) => format!("{}:{person}", self.kind.key()),
            None => self.kind.key().to_string(),
        }
    }
}

/// The people that `ids` names who are on the application, each once, in order.
fn people<'a>(app: &Indexed, ids: impl IntoIterator<Item = &'a str>) -> Vec<PersonId> {
    let mut seen = HashSet::new();
    let known = ids
        .into_iter()
        .filter(|id| !id.is_empty() && app.person(id).is_some());
    known
        .filter(|id| seen.insert(*id))
        .map(str::to_string)
        .collect()
}

/// Every document the application needs, with its signers; empty until an entity type is
/// chosen. Linear in the size of the application.
pub fn required_documents(app: &Application) -> Vec<DocumentNeed> {
    required(&Indexed::new(app))
}

pub(super) fn required(app: &Indexed) -> Vec<DocumentNeed> {
    let Some(entity) = app.entity_type else {
        return Vec::new();
    };
    let investors = people(app, app.investors.iter().map(|i| i.person_id.as_str()));
    let document = |kind, signers: Vec<PersonId>| DocumentNeed {
        kind,
        subject: None,
        offices: Vec::new(),
        signers,
    };
    // Articles the applicant wrote themselves are an attachment every investor signs with the
    // payload; the registry reviews them by hand.
    let own_articles = app.uses_own_articles();
    let mut out = Vec::new();
    if entity.is_company() {
        let legal_representative = app.officers.legal_representative_id.as_deref();
        out.push(document(
            DocumentKind::ApplicationForm,
            people(app, legal_representative),
        ));
        if !own_articles {
            out.push(document(DocumentKind::Articles, investors.clone()));
        }
        let meeting = match entity {
            EntityType::JointStock => DocumentKind::FoundersResolution,
            _ if entity == EntityType::OnePersonLlc || investors.len() == 1 => {
                DocumentKind::ShareholderDecision
            }
            _ => DocumentKind::ShareholdersResolution,
        };
        out.push(document(meeting, investors));
        let directors = app.officers.directors.iter().map(|d| d.person_id.as_str());
        let directors = people(app, directors);
        if app.officers.board_mode == BoardMode::Board && !directors.is_empty() {
            out.push(document(DocumentKind::BoardResolution, directors));
        }
    } else if entity.is_partnership() {
        out.push(document(DocumentKind::ApplicationForm, investors.clone()));
        if !own_articles {
            out.push(document(DocumentKind::PartnershipAgreement, investors));
        }
        for e in &app.executing_partners {
            let organisation = app
                .person(&e.partner_id)
                .is_some_and(|p| p.is_organisation());
            let delegate = people(app, e.delegate_id.as_deref());
            if let (true, Some(delegate)) = (organisation, delegate.first()) {
                out.push(DocumentNeed {
                    kind: DocumentKind::DelegateAppointment,
                    subject: Some(delegate.clone()),
                    offices: vec![Role::ExecutingPartnerDelegate],
                    signers: people(app, [e.partner_id.as_str()]),
                });
            }
        }
    } else {
        out.push(document(DocumentKind::ApplicationForm, investors));
    }
    out.extend(acceptances(app, entity));
    out
}

/// One acceptance per appointee: a company's directors, supervisors, manager and legal
/// representative, a partnership's delegates of organisations that execute its affairs.
fn acceptances(app: &Indexed, entity: EntityType) -> Vec<DocumentNeed> {
    let mut out: Vec<DocumentNeed> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for r in app.roles() {
        let appointed = match r.role {
            Role::Director | Role::Supervisor | Role::Manager | Role::LegalRepresentative => {
                entity.is_company()
            }
            Role::ExecutingPartnerDelegate => entity.is_partnership(),
            _ => false,
        };
        if !appointed || people(app, [r.person_id]).is_empty() {
            continue;
        }
        match position.get(r.person_id) {
            // The offices one person holds are few (legal representative, director, manager).
            Some(&at) if !out[at].offices.contains(&r.role) => out[at].offices.push(r.role),
            Some(_) => {}
            None => {
                position.insert(r.person_id.to_string(), out.len());
                out.push(DocumentNeed {
                    kind: DocumentKind::Acceptance,
                    subject: Some(r.person_id.to_string()),
                    offices: vec![r.role],
                    signers: vec![r.person_id.to_string()],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    /// `people` on a plain application.
    fn known<'a>(app: &Application, ids: impl IntoIterator<Item = &'a str>) -> Vec<PersonId> {
        people(&Indexed::new(app), ids)
    }

    fn ids(app: &Application) -> Vec<String> {
        required_documents(app)
            .iter()
            .map(DocumentNeed::id)
            .collect()
    }

    fn signers(app: &Application, id: &str) -> Vec<String> {
        let need = required_documents(app).into_iter().find(|d| d.id() == id);
        need.unwrap_or_else(|| panic!("no {id}")).signers
    }

    /// The people appointed to an office the application names, each once.
    fn appointees(app: &Application) -> Vec<String> {
        let offices = [
            Role::Director,
            Role::Supervisor,
            Role::Manager,
            Role::LegalRepresentative,
        ];
        let roles = app
            .roles()
            .into_iter()
            .filter(|r| offices.contains(&r.role));
        known(app, roles.map(|r| r.person_id))
    }

    #[test]
    fn the_example_llc_files_these_documents() {
        let app = example("llc");
        let expected = [
            "application_form",
            "articles",
            "shareholders_resolution",
            "board_resolution",
            "acceptance:p-zhang",
            "acceptance:p-li",
            "acceptance:p-wang",
            "acceptance:p-zhao",
        ];
        assert_eq!(ids(&app), expected);
        assert_eq!(signers(&app, "articles"), ["p-zhang", "p-li", "o-qianyun"]);
        let zhang = required_documents(&app)
            .into_iter()
            .find(|d| d.id() == "acceptance:p-zhang");
        let offices = zhang.unwrap().offices;
        assert_eq!(offices, [Role::LegalRepresentative, Role::Director]);
        let wang = required_documents(&app)
            .into_iter()
            .find(|d| d.id() == "acceptance:p-wang");
        assert_eq!(wang.unwrap().offices, [Role::Director, Role::Manager]);
    }

    #[test]
    fn every_shareholder_signs_the_articles_and_the_meeting_that_adopts_them() {
        for name in ["llc", "one_person_llc", "joint_stock"] {
            let app = example(name);
            let shareholders = known(&app, app.investors.iter().map(|i| i.person_id.as_str()));
            assert!(!shareholders.is_empty());
            assert_eq!(signers(&app, "articles"), shareholders, "{name}");
            let meeting = match name {
                "llc" => "shareholders_resolution",
                "one_person_llc" => "shareholder_decision",
                _ => "founders_resolution",
            };
            assert_eq!(signers(&app, meeting), shareholders, "{name}");
            let legal_representative = app.officers.legal_representative_id.clone();
            assert_eq!(
                signers(&app, "application_form"),
                Vec::from_iter(legal_representative)
            );
        }
    }

    #[test]
    fn acceptances_exist_for_exactly_the_people_the_application_appoints() {
        for name in ["llc", "one_person_llc", "joint_stock"] {
            let mut app = example(name);
            let accepted = |app: &Application| -> Vec<String> {
                let needs = required_documents(app).into_iter();
                needs
                    .filter(|d| d.kind == DocumentKind::Acceptance)
                    .map(|d| d.signers[0].clone())
                    .collect()
            };
            let mut expected = appointees(&app);
            let mut found = accepted(&app);
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "{name}");
            // Dropping the manager drops their acceptance unless they hold another office.
            let manager = app.officers.manager_id.take();
            let still_appointed = appointees(&app);
            if let Some(person) = manager {
                assert_eq!(
                    accepted(&app).contains(&person),
                    still_appointed.contains(&person)
                );
            }
        }
    }

    #[test]
    fn one_person_holding_several_offices_accepts_them_in_one_document() {
        let app = example("one_person_llc");
        let needs = required_documents(&app);
        let acceptances = needs.iter().filter(|d| d.kind == DocumentKind::Acceptance);
        for need in acceptances {
            let person = need.subject.as_deref().unwrap();
            let held = app.roles().into_iter().filter(|r| r.person_id == person);
            let held: Vec<Role> = held
                .map(|r| r.role)
                .filter(|r| need.offices.contains(r))
                .collect();
            assert!(!held.is_empty());
            assert_eq!(need.signers, vec![person.to_string()]);
        }
        let ids = ids(&app);
        let distinct: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{ids:?}");
    }

    #[test]
    fn a_board_resolution_exactly_where_there_is_a_board() {
        let mut app = example("llc");
        app.officers.board_mode = BoardMode::Board;
        let directors = known(
            &app,
            app.officers.directors.iter().map(|d| d.person_id.as_str()),
        );
        assert_eq!(signers(&app, "board_resolution"), directors);
        app.officers.set_board_mode(BoardMode::SingleDirector);
        assert!(!ids(&app).contains(&"board_resolution".to_string()));
    }

    #[test]
    fn partners_sign_the_agreement_and_an_organisation_names_its_delegate() {
        for name in ["general_partnership", "limited_partnership"] {
            let app = example(name);
            let partners = known(&app, app.investors.iter().map(|i| i.person_id.as_str()));
            assert_eq!(signers(&app, "partnership_agreement"), partners, "{name}");
            assert_eq!(signers(&app, "application_form"), partners, "{name}");
            for e in &app.executing_partners {
                let organisation = app.person(&e.partner_id).unwrap().is_organisation();
                let delegate = e.delegate_id.clone().filter(|_| organisation);
                let appointment = delegate.map(|d| format!("delegate_appointment:{d}"));
                if let Some(id) = appointment {
                    assert_eq!(signers(&app, &id), vec![e.partner_id.clone()], "{name}");
                }
            }
            assert!(!ids(&app).contains(&"articles".to_string()));
        }
    }

    #[test]
    fn sole_proprietors_and_individual_businesses_file_only_the_application_form() {
        for name in ["sole_proprietorship", "individual_business"] {
            let app = example(name);
            assert_eq!(ids(&app), vec!["application_form".to_string()], "{name}");
            assert_eq!(
                signers(&app, "application_form"),
                vec![app.investors[0].person_id.clone()]
            );
        }
    }

    #[test]
    fn nobody_signs_for_a_role_that_names_no_one_on_the_application() {
        let mut app = example("llc");
        app.investors[0].person_id = "p-nobody".into();
        app.officers.manager_id = Some(String::new());
        let needs = required_documents(&app);
        for need in &needs {
            assert!(
                need.signers.iter().all(|s| app.person(s).is_some()),
                "{need:?}"
            );
        }
        assert!(required_documents(&Application::default()).is_empty());
    }
}
