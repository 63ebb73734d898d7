//! Who must sign (domain.md §3.8): every investor (articles / partnership agreement /
//! investor form), the legal representative, every director, supervisor and the manager
//! (acceptance of appointment), a delegate of an executing partner, and the finance
//! officer and liaison (real-name confirmation). Each person signs once, for all roles.
//!
//! A verifier derives this list from the application; it never trusts the copy a package
//! carries (`Payload::required_signers` is there for readers, and must equal this).

use crate::model::{Application, EntityType, PersonId, Role};
use crate::rules::Indexed;
use crate::text::Bi;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerRole {
    Investor,
    LegalRepresentative,
    Director,
    Supervisor,
    Manager,
    ExecutingPartnerDelegate,
    FinanceOfficer,
    Liaison,
}

impl SignerRole {
    pub fn label(self) -> Bi {
        match self {
            SignerRole::Investor => Bi::new("投资人", "investor"),
            SignerRole::LegalRepresentative => Bi::new("法定代表人", "legal representative"),
            SignerRole::Director => Bi::new("董事", "director"),
            SignerRole::Supervisor => Bi::new("监事", "supervisor"),
            SignerRole::Manager => Bi::new("经理", "manager"),
            SignerRole::ExecutingPartnerDelegate => Bi::new("委派代表", "delegate"),
            SignerRole::FinanceOfficer => Bi::new("财务负责人", "finance officer"),
            SignerRole::Liaison => Bi::new("联络员", "liaison"),
        }
    }

    /// This role as `entity`'s documents name it: an investor signs as a 股东 of a company,
    /// a 发起人 of a joint-stock company, a 合伙人 of a partnership.
    pub fn label_for(self, entity: Option<EntityType>) -> Bi {
        match (self, entity) {
            (SignerRole::Investor, Some(entity)) => {
                Bi::new(entity.investor_title_zh(), entity.investor_title_en())
            }
            _ => self.label(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredSigner {
    pub person_id: PersonId,
    pub name: String,
    pub roles: Vec<SignerRole>,
}

impl RequiredSigner {
    /// The roles this person signs in, as `entity`'s documents name them, in one line.
    pub fn roles_text(&self, entity: Option<EntityType>, chinese: bool) -> String {
        self.roles
            .iter()
            .map(|r| r.label_for(entity).into_text(chinese))
            .collect::<Vec<_>>()
            .join(if chinese { "、" } else { ", " })
    }
}

/// The role a person signs in for `role` (an officer only in a company), or none.
fn signs_as(role: Role, company: bool) -> Option<SignerRole> {
    Some(match role {
        Role::Investor => SignerRole::Investor,
        Role::LegalRepresentative if company => SignerRole::LegalRepresentative,
        Role::Director if company => SignerRole::Director,
        Role::Supervisor if company => SignerRole::Supervisor,
        Role::Manager if company => SignerRole::Manager,
        Role::ExecutingPartnerDelegate => SignerRole::ExecutingPartnerDelegate,
        Role::FinanceOfficer => SignerRole::FinanceOfficer,
        Role::Liaison => SignerRole::Liaison,
        _ => return None,
    })
}

/// In the order people first take a role; linear in the size of the application (a
/// submitter chooses that size).
pub fn required_signers(app: &Application) -> Vec<RequiredSigner> {
    let people = Indexed::new(app);
    let mut signers: Vec<RequiredSigner> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    let mut add = |id: &str, role: SignerRole| {
        let Some(person) = people.person(id).filter(|_| !id.is_empty()) else {
            return;
        };
        match position.get(person.id.as_str()) {
            Some(&at) if !signers[at].roles.contains(&role) => signers[at].roles.push(role),
            Some(_) => {}
            None => {
                position.insert(person.id.as_str(), signers.len());
                signers.push(RequiredSigner {
                    person_id: person.id.clone(),
                    name: person.name.clone(),
                    roles: vec![role],
                });
            }
        }
    };
    let company = app.entity_type.is_some_and(|t| t.is_company());
    for r in app.roles() {
        if let Some(role) = signs_as(r.role, company) {
            add(r.person_id, role);
        }
    }
    for s in &mut signers {
        s.roles.sort();
    }
    signers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    #[test]
    fn an_investor_signs_under_the_title_of_the_entity_s_documents() {
        let signer = RequiredSigner {
            person_id: "p-li".into(),
            name: "李娜".into(),
            roles: vec![SignerRole::Investor, SignerRole::Supervisor],
        };
        let text = |entity, chinese| signer.roles_text(entity, chinese);
        assert_eq!(text(Some(EntityType::Llc), true), "股东、监事");
        assert_eq!(
            text(Some(EntityType::Llc), false),
            "shareholder, supervisor"
        );
        assert_eq!(text(Some(EntityType::JointStock), true), "发起人、监事");
        assert_eq!(
            text(Some(EntityType::LimitedPartnership), true),
            "合伙人、监事"
        );
        assert_eq!(
            text(Some(EntityType::SoleProprietorship), true),
            "投资人、监事"
        );
        assert_eq!(text(None, true), "投资人、监事");
    }

    #[test]
    fn every_person_with_a_role_signs_once() {
        let app = example("llc");
        let signers = required_signers(&app);
        let ids: Vec<&str> = signers.iter().map(|s| s.person_id.as_str()).collect();
        assert_eq!(
            ids,
            ["p-zhang", "p-li", "o-qianyun", "p-wang", "p-zhao", "p-chen"]
        );
        let zhang = &signers[0];
        assert_eq!(
            zhang.roles,
            [
                SignerRole::Investor,
                SignerRole::LegalRepresentative,
                SignerRole::Director
            ]
        );
        let lp = required_signers(&example("limited_partnership"));
        assert!(lp
            .iter()
            .any(|s| s.person_id == "p-he"
                && s.roles.contains(&SignerRole::ExecutingPartnerDelegate)));
    }

    #[test]
    fn a_role_naming_nobody_in_the_application_adds_no_signer() {
        let mut app = example("llc");
        app.liaison_id = Some("p-ghost".into());
        assert!(required_signers(&app)
            .iter()
            .all(|s| s.person_id != "p-ghost"));
    }
}
