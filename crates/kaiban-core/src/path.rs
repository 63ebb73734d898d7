//! Field paths: the address of one field of an [`Application`](crate::Application), as
//! `Finding.path` carries it on the wire and as the app binds its inputs to it. Built here
//! only, so the rules, the app and its tests spell a path one way.
//!
//! A path reads like a JSON path (`investors[2].contributions[0].due_date`), with one
//! difference: people are addressed by their `id`, not their position
//! (`persons[p-1].id_number`). Removing a person shifts the positions of those after them,
//! and what the app remembers about a field (that the applicant has left it) must stay with
//! the person, not pass to the next one.

pub const ENTITY_TYPE: &str = "entity_type";
pub const NAME_FULL: &str = "name.full";
pub const NAME_SELF_DECLARATION: &str = "name.self_declaration_accepted";
pub const DOMICILE_DIVISION: &str = "domicile.division_code";
pub const DOMICILE_TOWNSHIP: &str = "domicile.township_code";
pub const DOMICILE_ZONE: &str = "domicile.functional_zone";
pub const DOMICILE_DETAIL: &str = "domicile.detail";
pub const DOMICILE_POSTCODE: &str = "domicile.postcode";
pub const DOMICILE_PHONE: &str = "domicile.phone";
pub const DOMICILE_PROOF: &str = "domicile.proof";
pub const DOMICILE_DECLARATION: &str = "domicile.declaration_accepted";
pub const SCOPE_ITEMS: &str = "business_scope.items";
pub const CAPITAL_REGISTERED: &str = "capital.registered_fen";
pub const CAPITAL_ESTABLISHMENT: &str = "capital.establishment_method";
pub const CAPITAL_TOTAL_SHARES: &str = "capital.total_shares";
pub const CAPITAL_PAR_VALUE: &str = "capital.par_value_fen";
pub const INVESTORS: &str = "investors";
pub const BUSINESS_FORM: &str = "individual_business.organisation_form";
pub const FAMILY_MEMBERS: &str = "individual_business.family_member_ids";
pub const BOARD_MODE: &str = "officers.board_mode";
pub const DIRECTORS: &str = "officers.directors";
pub const SUPERVISORS: &str = "officers.supervisors";
pub const SUPERVISION: &str = "officers.supervision";
pub const NO_SUPERVISOR_CONSENT: &str = "officers.no_supervisor_consent";
pub const AUDIT_COMMITTEE: &str = "officers.audit_committee";
pub const MANAGER: &str = "officers.manager_id";
pub const LEGAL_REPRESENTATIVE: &str = "officers.legal_representative_id";
pub const EMPLOYEE_COUNT: &str = "officers.employee_count";
pub const EXECUTING_PARTNERS: &str = "executing_partners";
pub const FINANCE_OFFICER: &str = "finance_officer_id";
pub const LIAISON: &str = "liaison_id";
/// The mobile number of whoever is the finance officer, asked for where contacts are chosen.
pub const FINANCE_OFFICER_MOBILE: &str = "contacts.finance_officer_mobile";
pub const LIAISON_MOBILE: &str = "contacts.liaison_mobile";
pub const BENEFICIAL_OWNERS: &str = "beneficial_owners.owners";
pub const BENEFICIAL_EXEMPTION: &str = "beneficial_owners.exemption_commitment";
/// The premises document the domicile's proof calls for (a file on the attachments step).
pub const DOMICILE_PROOF_FILE: &str = "attachments.domicile_proof";
/// The applicant's own articles or agreement (a file on the attachments step).
pub const ARTICLES_FILE: &str = "attachments.articles";
pub const ARTICLES_OWN: &str = "articles.own_articles";
pub const BUNDLE_SEALS: &str = "bundle.seals";
pub const BUNDLE_SEAL_KINDS: &str = "bundle.seals.kinds";
pub const BUNDLE_SEAL_MATERIAL: &str = "bundle.seals.material";
pub const BUNDLE_SEAL_ENGRAVER: &str = "bundle.seals.engraver";
pub const BUNDLE_SEAL_DELIVERY: &str = "bundle.seals.delivery";
pub const BUNDLE_TAX: &str = "bundle.tax";
pub const BUNDLE_TAXPAYER: &str = "bundle.tax.taxpayer";
pub const BUNDLE_TAX_ACCOUNTING: &str = "bundle.tax.accounting_sound";
pub const BUNDLE_INVOICES: &str = "bundle.tax.invoices";
pub const BUNDLE_TAX_OFFICER: &str = "bundle.tax.tax_officer_id";
pub const BUNDLE_TAX_REAL_NAME: &str = "bundle.tax.real_name_confirmed";
pub const BUNDLE_ACCOUNTING_STANDARD: &str = "bundle.tax.accounting_standard";
pub const BUNDLE_EMPLOYEES_NOW: &str = "bundle.employees.now";
pub const BUNDLE_EMPLOYEE_COUNT: &str = "bundle.employees.count";
pub const BUNDLE_START_MONTH: &str = "bundle.employees.start_month";
pub const BUNDLE_SOCIAL: &str = "bundle.social_insurance";
pub const BUNDLE_SOCIAL_AGENT: &str = "bundle.social_insurance.agent_id";
pub const BUNDLE_HOUSING: &str = "bundle.housing_fund";
pub const BUNDLE_HOUSING_RATE: &str = "bundle.housing_fund.rate_percent";
pub const BUNDLE_HOUSING_AGENT: &str = "bundle.housing_fund.agent_id";
pub const BUNDLE_BANK: &str = "bundle.bank";
pub const BUNDLE_BANK_NAME: &str = "bundle.bank.bank";
pub const BUNDLE_BANK_BRANCH: &str = "bundle.bank.branch";
pub const BUNDLE_BANK_DATE: &str = "bundle.bank.date";
pub const BUNDLE_BANK_SLOT: &str = "bundle.bank.slot";
pub const BUNDLE_BANK_OPERATORS: &str = "bundle.bank.operators";
pub const ARTICLES_NOTICE_DAYS: &str = "articles.notice_days";
pub const ARTICLES_VOTING: &str = "articles.voting";
pub const ARTICLES_PROFIT: &str = "articles.profit";
pub const ARTICLES_TRANSFER: &str = "articles.transfer";
pub const ARTICLES_DIRECTOR_TERM: &str = "articles.director_term_years";
pub const ARTICLES_MANAGER_POWERS: &str = "articles.manager_powers";
pub const ARTICLES_DISSOLUTION: &str = "articles.dissolution";
pub const ARTICLES_SHARING: &str = "articles.sharing";
pub const ARTICLES_ADMISSION: &str = "articles.admission";
pub const ARTICLES_DISPUTES: &str = "articles.disputes";
pub const DELIVERY_METHOD: &str = "licence_delivery.method";
pub const DELIVERY_RECIPIENT: &str = "licence_delivery.recipient";
pub const DELIVERY_PHONE: &str = "licence_delivery.phone";
pub const DELIVERY_ADDRESS: &str = "licence_delivery.address";
pub const DECLARATION_TRUTHFUL: &str = "declaration.truthful";
pub const DECLARATION_NO_DISQUALIFICATION: &str = "declaration.no_disqualification";

/// A field of a person record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    IdType,
    IdNumber,
    Name,
    OrgRepresentative,
    OrgCategory,
    BirthDate,
    Nationality,
    DomiciledInChina,
    IdValidTo,
    Mobile,
    Email,
    Address,
}

impl PersonField {
    pub const ALL: [PersonField; 12] = [
        PersonField::IdType,
        PersonField::IdNumber,
        PersonField::Name,
        PersonField::OrgRepresentative,
        PersonField::OrgCategory,
        PersonField::BirthDate,
        PersonField::Nationality,
        PersonField::DomiciledInChina,
        PersonField::IdValidTo,
        PersonField::Mobile,
        PersonField::Email,
        PersonField::Address,
    ];

    /// The field's name in the JSON record.
    pub fn key(self) -> &'static str {
        match self {
            PersonField::IdType => "id_type",
            PersonField::IdNumber => "id_number",
            PersonField::Name => "name",
            PersonField::OrgRepresentative => "org_representative",
            PersonField::OrgCategory => "org_category",
            PersonField::BirthDate => "birth_date",
            PersonField::Nationality => "nationality",
            PersonField::DomiciledInChina => "domiciled_in_china",
            PersonField::IdValidTo => "id_valid_to",
            PersonField::Mobile => "mobile",
            PersonField::Email => "email",
            PersonField::Address => "address",
        }
    }

    /// The field named `key` in the JSON record (as the validator derive reports it).
    pub fn from_key(key: &str) -> Option<PersonField> {
        PersonField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A field of an investor (shareholder, partner, founder, the individual business operator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvestorField {
    PersonId,
    SubscribedFen,
    PaidFen,
    Shares,
    Contributions,
    PartnerKind,
    PropertyForm,
}

impl InvestorField {
    pub fn key(self) -> &'static str {
        match self {
            InvestorField::PersonId => "person_id",
            InvestorField::SubscribedFen => "subscribed_fen",
            InvestorField::PaidFen => "paid_fen",
            InvestorField::Shares => "shares",
            InvestorField::Contributions => "contributions",
            InvestorField::PartnerKind => "partner_kind",
            InvestorField::PropertyForm => "property_form",
        }
    }
}

/// A field of one contribution (出资) of an investor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContributionField {
    Method,
    AmountFen,
    DueDate,
    AppraisalRef,
}

impl ContributionField {
    pub fn key(self) -> &'static str {
        match self {
            ContributionField::Method => "method",
            ContributionField::AmountFen => "amount_fen",
            ContributionField::DueDate => "due_date",
            ContributionField::AppraisalRef => "appraisal_ref",
        }
    }
}

/// The whole record of the person with `id` (where their form starts).
pub fn person_record(id: &str) -> String {
    format!("persons[{id}]")
}

/// `field` of the person with `id`.
pub fn person(id: &str, field: PersonField) -> String {
    format!("persons[{id}].{}", field.key())
}

/// The person a `persons[<id>]…` path addresses.
pub fn person_of(path: &str) -> Option<&str> {
    path.strip_prefix("persons[")?.split(']').next()
}

pub fn investor(i: usize, field: InvestorField) -> String {
    format!("investors[{i}].{}", field.key())
}

pub fn contribution(investor: usize, j: usize, field: ContributionField) -> String {
    format!("investors[{investor}].contributions[{j}].{}", field.key())
}

pub fn director(i: usize) -> String {
    format!("{DIRECTORS}[{i}].person_id")
}

/// `field` of the `i`th director (`chair`, `vice_chair`, `employee_representative`).
pub fn director_field(i: usize, field: &str) -> String {
    format!("{DIRECTORS}[{i}].{field}")
}

pub fn supervisor(i: usize) -> String {
    format!("{SUPERVISORS}[{i}].person_id")
}

pub fn supervisor_field(i: usize, field: &str) -> String {
    format!("{SUPERVISORS}[{i}].{field}")
}

pub fn audit_member(i: usize) -> String {
    format!("{AUDIT_COMMITTEE}[{i}]")
}

/// `field` of the `i`th executing partner (`partner_id`, `delegate_id`).
pub fn executing_partner(i: usize, field: &str) -> String {
    format!("{EXECUTING_PARTNERS}[{i}].{field}")
}

/// `field` of the `i`th beneficial owner (`person_id`, `basis`, `share_millionths`).
pub fn beneficial_owner(i: usize, field: &str) -> String {
    format!("{BENEFICIAL_OWNERS}[{i}].{field}")
}

/// The `i`th account operator of the bank appointment.
pub fn bank_operator(i: usize) -> String {
    format!("{BUNDLE_BANK_OPERATORS}[{i}]")
}

pub fn scope_item(i: usize) -> String {
    format!("{SCOPE_ITEMS}[{i}]")
}

/// The approval document that the scope item `item` (a catalogue id) needs before
/// registration (a file on the attachments step).
pub fn approval_file(item: &str) -> String {
    format!("attachments.approval[{item}]")
}

/// `field` of the `i`th attachment record.
pub fn attachment(i: usize, field: &str) -> String {
    format!("attachments[{i}].{field}")
}

/// The shape of a path without its positions and ids: `persons[p-1].mobile` →
/// `persons[].mobile`. The app's table of which step shows which field is written in these.
pub fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '[' => {
                inside = true;
                out.push('[');
            }
            ']' => {
                inside = false;
                out.push(']');
            }
            _ if inside => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_addressed_by_id() {
        assert_eq!(
            person("p-1", PersonField::IdNumber),
            "persons[p-1].id_number"
        );
        assert_eq!(person_of("persons[p-1].id_number"), Some("p-1"));
        assert_eq!(person_of("investors[0].person_id"), None);
    }

    #[test]
    fn patterns_drop_positions_and_ids() {
        assert_eq!(
            pattern(&contribution(2, 0, ContributionField::DueDate)),
            "investors[].contributions[].due_date"
        );
        assert_eq!(pattern("persons[p-1].mobile"), "persons[].mobile");
        assert_eq!(pattern(NAME_FULL), NAME_FULL);
    }

    #[test]
    fn person_fields_round_trip_their_keys() {
        for f in PersonField::ALL {
            assert_eq!(PersonField::from_key(f.key()), Some(f));
        }
    }
}
