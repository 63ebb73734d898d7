//! The application document. One JSON shape (snake_case, stable names) flows from the
//! browser's form through drafts, signing and the receiver. People are stored once in
//! `persons` and referenced by `id` from every role. Money is integer fen.

mod articles;
mod business;
mod choices;
mod contribution;
mod entity;
mod marks;
mod officers;
mod people;
mod roles;
mod shared;

pub use articles::{
    Admission, ArticlesOptions, Asked, Disputes, Dissolution, ManagerPowers, PartnershipSharing,
    ProfitBasis, TransferRule, Voting,
};
pub use business::*;
pub use contribution::ContributionMethod;
pub use entity::EntityType;
pub use marks::{Mark, Marked};
pub use officers::*;
pub use people::{OrgCategory, Person};
pub use roles::{Holder, Role, RoleRef};
pub use shared::Shared;

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Bumped whenever the JSON shape changes; `migrate` upgrades older documents.
pub const SCHEMA_VERSION: u32 = 1;

pub type PersonId = String;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    pub schema_version: u32,
    pub entity_type: Option<EntityType>,
    pub name: EnterpriseName,
    pub domicile: Domicile,
    pub business_scope: BusinessScope,
    pub capital: Capital,
    pub operating_term: OperatingTerm,
    /// Each held as `Shared`: copying the application copies pointers (see `Shared`).
    pub persons: Vec<Shared<Person>>,
    /// Shareholders, founders, partners, the sole-proprietorship investor or the operator of
    /// an individual business, depending on the entity type.
    pub investors: Vec<Investor>,
    pub officers: Officers,
    pub executing_partners: Vec<ExecutingPartner>,
    pub individual_business: IndividualBusiness,
    pub finance_officer_id: Option<PersonId>,
    pub liaison_id: Option<PersonId>,
    pub beneficial_owners: BeneficialOwners,
    pub attachments: Vec<Attachment>,
    pub licence_delivery: LicenceDelivery,
    pub declaration: Declaration,
    /// What the articles or partnership agreement say where the law leaves it to them.
    pub articles: ArticlesOptions,
    /// 开办套餐: the services filed with the registration (seals, tax, social insurance,
    /// housing fund, bank), each optional.
    pub bundle: crate::bundle::Bundle,
}

impl Default for Application {
    fn default() -> Self {
        Application {
            schema_version: SCHEMA_VERSION,
            entity_type: None,
            name: EnterpriseName::default(),
            domicile: Domicile::default(),
            business_scope: BusinessScope::default(),
            capital: Capital::default(),
            operating_term: OperatingTerm::default(),
            persons: Vec::new(),
            investors: Vec::new(),
            officers: Officers::default(),
            executing_partners: Vec::new(),
            individual_business: IndividualBusiness::default(),
            finance_officer_id: None,
            liaison_id: None,
            beneficial_owners: BeneficialOwners::default(),
            attachments: Vec::new(),
            licence_delivery: LicenceDelivery::default(),
            declaration: Declaration::default(),
            articles: ArticlesOptions::default(),
            bundle: crate::bundle::Bundle::default(),
        }
    }
}

impl Application {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.shared_person(id).map(|p| &**p)
    }
    /// The person with `id` as held (the first, if two share it): cloning it shares them.
    pub fn shared_person(&self, id: &str) -> Option<&Shared<Person>> {
        self.persons.iter().find(|p| p.id == id)
    }
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.persons.iter().position(|p| p.id == id)
    }
    pub fn investor_of(&self, person_id: &str) -> Option<&Investor> {
        self.investors.iter().find(|i| i.person_id == person_id)
    }
    /// Whether the applicant files articles (an agreement) they wrote themselves, where the
    /// entity has articles at all.
    pub fn uses_own_articles(&self) -> bool {
        self.articles.own_articles && Asked::of(self).any
    }

    /// Whether a registrar must read part of the filing by hand: today, the applicant's own
    /// articles.
    pub fn needs_manual_review(&self) -> bool {
        self.uses_own_articles()
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the model always serialises")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EstablishmentMethod {
    /// 发起设立
    #[default]
    Promotion,
    /// 募集设立
    PublicSubscription,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Capital {
    /// 注册资本 / 出资额 / 资金数额 in fen.
    pub registered_fen: Option<u64>,
    /// The date the licence is expected; the five-year limit counts from it. Defaults to
    /// the application date when empty.
    pub expected_establishment: Option<Date>,
    /// Joint-stock companies only.
    pub establishment_method: EstablishmentMethod,
    pub total_shares: Option<u64>,
    pub par_value_fen: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "years")]
pub enum OperatingTerm {
    #[default]
    LongTerm,
    Years(u16),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    General,
    Limited,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyForm {
    /// 个人财产
    Personal,
    /// 家庭共有财产
    Family,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Investor {
    pub person_id: PersonId,
    /// 认缴出资额 in fen.
    pub subscribed_fen: u64,
    /// 实缴出资额 in fen.
    pub paid_fen: u64,
    /// Joint-stock founders: shares subscribed.
    pub shares: Option<u64>,
    pub contributions: Vec<Contribution>,
    pub partner_kind: Option<PartnerKind>,
    /// Sole proprietorship investor and individual business operator.
    pub property_form: Option<PropertyForm>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contribution {
    pub method: ContributionMethod,
    pub amount_fen: u64,
    /// 认缴出资日期: the date this part is paid in by.
    pub due_date: Option<Date>,
    /// 评估作价 reference for non-cash contributions.
    pub appraisal_ref: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentPurpose {
    DomicileProof,
    /// 前置许可文件 for the scope item named in `scope_item`.
    PreApproval,
    Articles,
    #[default]
    Other,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    pub id: String,
    pub purpose: AttachmentPurpose,
    pub scope_item: Option<String>,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    /// 电子营业执照 only.
    #[default]
    ElectronicOnly,
    /// Collect the paper licence at the service hall.
    ServiceHall,
    /// By post (e邮快达).
    Post,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LicenceDelivery {
    pub method: DeliveryMethod,
    pub recipient: String,
    pub phone: String,
    pub address: String,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Declaration {
    /// The information is true, and the applicant bears legal responsibility for it.
    pub truthful: bool,
    /// No officer is disqualified under Company Law Art 178 (credit check by the registrar).
    pub no_disqualification: bool,
}
