//! The bundle as the package carries it: one sub-section per agency, each with what that agency
//! needs and no more (the engraver does not learn who the finance officer is; the bank does not
//! learn the housing fund rate). Derived from the application alone, so a verifier derives it
//! again and compares, and every signature covers it.

use super::{
    AccountingStandard, Employees, InvoiceKind, SealDelivery, SealKind, SealMaterial, TaxpayerKind,
    TimeSlot,
};
use crate::date::Date;
use crate::ids::IdType;
use crate::model::Application;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleSection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seals: Option<ForEngraver>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<ForTaxOffice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_insurance: Option<ForSocialInsurance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing_fund: Option<ForHousingFund>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<ForBank>,
}

/// A person as an agency needs them: to know who they are and reach them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyPerson {
    pub person_id: String,
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub mobile: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForEngraver {
    /// The name the seals bear.
    pub enterprise: String,
    pub kinds: Vec<SealKind>,
    pub material: SealMaterial,
    pub engraver: super::Listed,
    pub delivery: SealDelivery,
    /// Whose name the legal representative's seal bears (only when one is ordered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_representative: Option<AgencyPerson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForTaxOffice {
    pub enterprise: String,
    /// The registered address, as the documents print it.
    pub address: String,
    pub taxpayer: TaxpayerKind,
    pub accounting_sound: bool,
    pub invoices: Vec<InvoiceKind>,
    pub accounting_standard: AccountingStandard,
    pub tax_officer: Option<AgencyPerson>,
    /// The finance officer the registration names, whom the tax office records too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finance_officer: Option<AgencyPerson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForSocialInsurance {
    pub enterprise: String,
    pub employees: Employees,
    pub agent: Option<AgencyPerson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForHousingFund {
    pub enterprise: String,
    pub employees: Employees,
    pub rate_percent: Option<u8>,
    pub agent: Option<AgencyPerson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForBank {
    pub enterprise: String,
    pub bank: super::Listed,
    pub branch: super::Listed,
    pub date: Option<Date>,
    pub slot: TimeSlot,
    pub operators: Vec<AgencyPerson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_representative: Option<AgencyPerson>,
}

fn person(app: &Application, id: Option<&String>) -> Option<AgencyPerson> {
    let id = id?;
    // A person the application does not have is named by id alone: the rules refuse it.
    let found = app.person(id);
    Some(AgencyPerson {
        person_id: id.clone(),
        name: found.map(|p| p.name.clone()).unwrap_or_default(),
        id_type: found.map(|p| p.id_type).unwrap_or_default(),
        id_number: found.map(|p| p.id_number.clone()).unwrap_or_default(),
        mobile: found.map(|p| p.mobile.clone()).unwrap_or_default(),
    })
}

/// The section of `app`'s bundle, or None when it takes no service.
pub fn section(app: &Application) -> Option<BundleSection> {
    let bundle = &app.bundle;
    if bundle.is_empty() {
        return None;
    }
    let enterprise = app.name.full.clone();
    let representative = app
        .entity_type
        .filter(|t| t.is_company())
        .and(app.officers.legal_representative_id.as_ref());
    let indexed = crate::rules::Indexed::new(app);
    Some(BundleSection {
        seals: bundle.seals.as_ref().map(|s| ForEngraver {
            enterprise: enterprise.clone(),
            kinds: s.kinds.clone(),
            material: s.material,
            engraver: s.engraver.clone(),
            delivery: s.delivery,
            legal_representative: if s.kinds.contains(&SealKind::LegalRepresentative) {
                person(app, representative)
            } else {
                None
            },
        }),
        tax: bundle.tax.as_ref().map(|t| ForTaxOffice {
            enterprise: enterprise.clone(),
            address: crate::documents::address_zh(&indexed),
            taxpayer: t.taxpayer,
            accounting_sound: t.accounting_sound,
            invoices: t.invoices.clone(),
            accounting_standard: t.accounting_standard,
            tax_officer: person(app, t.tax_officer_id.as_ref()),
            finance_officer: person(app, app.finance_officer_id.as_ref()),
        }),
        social_insurance: bundle
            .social_insurance
            .as_ref()
            .map(|s| ForSocialInsurance {
                enterprise: enterprise.clone(),
                employees: bundle.employees.clone(),
                agent: person(app, s.agent_id.as_ref()),
            }),
        housing_fund: bundle.housing_fund.as_ref().map(|h| ForHousingFund {
            enterprise: enterprise.clone(),
            employees: bundle.employees.clone(),
            rate_percent: h.rate_percent,
            agent: person(app, h.agent_id.as_ref()),
        }),
        bank: bundle.bank.as_ref().map(|b| ForBank {
            enterprise: enterprise.clone(),
            bank: b.bank.clone(),
            branch: b.branch.clone(),
            date: b.date,
            slot: b.slot,
            operators: b
                .operators
                .iter()
                .filter_map(|id| person(app, Some(id)))
                .collect(),
            legal_representative: person(app, representative),
        }),
    })
}
