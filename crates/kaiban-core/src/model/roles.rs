//! Every place in an application that names a person, once. Who must sign, which offices need
//! full civil capacity, which step shows a person and which people are still referenced are
//! all read from this list: a new role is added here and nowhere else.

use super::Application;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Investor,
    LegalRepresentative,
    Director,
    Supervisor,
    Manager,
    AuditCommitteeMember,
    ExecutingPartner,
    ExecutingPartnerDelegate,
    FinanceOfficer,
    Liaison,
    BeneficialOwner,
    FamilyMember,
}

impl Role {
    /// A company's officers (only companies have them; elsewhere the fields are ignored).
    pub fn is_company_officer(self) -> bool {
        matches!(
            self,
            Role::LegalRepresentative
                | Role::Director
                | Role::Supervisor
                | Role::Manager
                | Role::AuditCommitteeMember
        )
    }
}

/// One role held by one person; `index` is the position in its list (0 for single fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleRef<'a> {
    pub role: Role,
    pub person_id: &'a str,
    pub index: usize,
}

impl RoleRef<'_> {
    /// The JSON path of the field that names the person (made on demand: callers that only
    /// need who holds which role pay nothing for it).
    pub fn path(&self) -> String {
        use crate::path::{self, InvestorField};
        let i = self.index;
        match self.role {
            Role::Investor => path::investor(i, InvestorField::PersonId),
            Role::LegalRepresentative => path::LEGAL_REPRESENTATIVE.into(),
            Role::Director => path::director(i),
            Role::Supervisor => path::supervisor(i),
            Role::Manager => path::MANAGER.into(),
            Role::AuditCommitteeMember => path::audit_member(i),
            Role::ExecutingPartner => path::executing_partner(i, "partner_id"),
            Role::ExecutingPartnerDelegate => path::executing_partner(i, "delegate_id"),
            Role::FinanceOfficer => path::FINANCE_OFFICER.into(),
            Role::Liaison => path::LIAISON.into(),
            Role::BeneficialOwner => path::beneficial_owner(i, "person_id"),
            Role::FamilyMember => format!("{}[{i}]", path::FAMILY_MEMBERS),
        }
    }
}

impl Application {
    /// Every role that names a person, in a stable order: investors, officers, executing
    /// partners and their delegates, finance officer, liaison, beneficial owners, family members.
    pub fn roles<'a>(&'a self) -> Vec<RoleRef<'a>> {
        let mut out = Vec::new();
        let mut add = |role: Role, index: usize, person_id: &'a str| {
            out.push(RoleRef {
                role,
                person_id,
                index,
            });
        };
        for (i, investor) in self.investors.iter().enumerate() {
            add(Role::Investor, i, &investor.person_id);
        }
        let o = &self.officers;
        if let Some(id) = &o.legal_representative_id {
            add(Role::LegalRepresentative, 0, id);
        }
        for (i, d) in o.directors.iter().enumerate() {
            add(Role::Director, i, &d.person_id);
        }
        for (i, s) in o.supervisors.iter().enumerate() {
            add(Role::Supervisor, i, &s.person_id);
        }
        if let Some(id) = &o.manager_id {
            add(Role::Manager, 0, id);
        }
        for (i, id) in o.audit_committee.iter().enumerate() {
            add(Role::AuditCommitteeMember, i, id);
        }
        for (i, e) in self.executing_partners.iter().enumerate() {
            add(Role::ExecutingPartner, i, &e.partner_id);
            if let Some(d) = &e.delegate_id {
                add(Role::ExecutingPartnerDelegate, i, d);
            }
        }
        if let Some(id) = &self.finance_officer_id {
            add(Role::FinanceOfficer, 0, id);
        }
        if let Some(id) = &self.liaison_id {
            add(Role::Liaison, 0, id);
        }
        for (i, b) in self.beneficial_owners.owners.iter().enumerate() {
            add(Role::BeneficialOwner, i, &b.person_id);
        }
        for (i, id) in self
            .individual_business
            .family_member_ids
            .iter()
            .enumerate()
        {
            add(Role::FamilyMember, i, id);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    #[test]
    fn every_role_of_the_examples_is_listed_with_its_path() {
        let llc = example("llc");
        let roles = llc.roles();
        assert!(roles.iter().any(|r| r.role == Role::LegalRepresentative
            && r.person_id == "p-zhang"
            && r.path() == "officers.legal_representative_id"));
        assert!(roles
            .iter()
            .any(|r| r.role == Role::Director && r.path() == "officers.directors[0].person_id"));
        assert_eq!(
            roles.iter().filter(|r| r.role == Role::Investor).count(),
            llc.investors.len()
        );
        let lp = example("limited_partnership");
        assert!(lp
            .roles()
            .iter()
            .any(|r| r.role == Role::ExecutingPartnerDelegate && r.person_id == "p-he"));
    }
}

/// A role entry that points at one person: an investor, a director, a supervisor, a beneficial owner, an
/// executing partner (the partner).
pub trait Holder {
    fn person(&mut self) -> &mut super::PersonId;
    fn person_id(&self) -> &super::PersonId;
}

macro_rules! holder {
    ($($type:ty => $field:ident),*) => {$(
        impl Holder for $type {
            fn person(&mut self) -> &mut super::PersonId {
                &mut self.$field
            }
            fn person_id(&self) -> &super::PersonId {
                &self.$field
            }
        }
    )*};
}

holder!(
    super::Investor => person_id,
    super::Director => person_id,
    super::Supervisor => person_id,
    super::BeneficialOwner => person_id,
    super::ExecutingPartner => partner_id
);
