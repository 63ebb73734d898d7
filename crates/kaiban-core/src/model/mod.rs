//! The application document. One JSON shape (snake_case, stable names) flows from the
//! browser's form through drafts, signing and the receiver. People are stored once in
//! `persons` and referenced by `id` from every role. Money is integer fen.

mod articles;
mod choices;
mod contribution;
mod entity;
mod marks;
mod people;
mod roles;

pub use articles::{
    Admission, ArticlesOptions, Asked, Disputes, Dissolution, ManagerPowers, PartnershipSharing,
    ProfitBasis, TransferRule, Voting,
};
pub use contribution::ContributionMethod;
pub use entity::EntityType;
pub use marks::{Mark, Marked};
pub use people::{OrgCategory, Person};
pub use roles::{Holder, Role, RoleRef};

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
    pub persons: Vec<Person>,
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

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EnterpriseName {
    /// The full name as it will be registered, e.g. 贵阳云栈科技有限公司.
    pub full: String,
    /// 名称自主申报承诺: the applicant promises the name is lawful and takes responsibility.
    pub self_declaration_accepted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomicileProof {
    /// 住所使用证明 uploaded as an attachment with purpose `domicile_proof`.
    Document,
    /// 住所申报承诺: the applicant declares the address is genuine and usable (the usual
    /// route under the 承诺制 reform, hence the default).
    #[default]
    Declaration,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Domicile {
    /// GB/T 2260 county-level code, e.g. 520115 (观山湖区).
    pub division_code: String,
    /// The township, town or street (乡镇、街道), nine digits, e.g. 520115003; empty if none.
    pub township_code: String,
    /// The place from province to township as the picker named it when chosen (a
    /// municipality's 市辖区 left out): filed with the codes, so the documents print what the
    /// applicant saw. The rules check it against the division data.
    pub place: Vec<PlaceName>,
    /// Street, number, building and room.
    pub detail: String,
    pub postcode: String,
    pub phone: String,
    /// Functional zone (e.g. 520198 贵阳国家高新技术产业开发区) for routing; not a division.
    pub functional_zone: Option<String>,
    pub proof: DomicileProof,
    pub declaration_accepted: bool,
}

/// One level of a domicile's place: 贵州省, 贵阳市, 观山湖区, 金华园街道.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceName {
    pub code: String,
    pub zh: String,
    pub en: String,
}

impl PlaceName {
    /// A place as addresses write it: 贵州省贵阳市观山湖区 and "Guanshanhu District, Guiyang
    /// City, Guizhou Province" (smallest first in English).
    pub fn spell(place: &[PlaceName]) -> crate::text::Bi {
        let zh: String = place.iter().map(|p| p.zh.as_str()).collect();
        let en: Vec<_> = place.iter().rev().map(|p| p.en.as_str()).collect();
        crate::text::Bi::owned(zh, en.join(", "))
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessScope {
    /// The chosen items in licence order; the first is the main business.
    pub items: Vec<ScopeChoice>,
    /// The `catalogue_version` of the catalogue they were chosen from (the deployment's,
    /// docs/business-scope-catalogue.md); the receiver checks it against its own.
    pub catalogue_version: String,
}

impl BusinessScope {
    pub fn contains(&self, code: &str) -> bool {
        self.items.iter().any(|item| item.code == code)
    }
}

/// One chosen business-scope item as filed: its catalogue code with its wording and kind
/// in that catalogue, so the documents print the same words wherever they are generated
/// (the signer's phone has no need of the deployment's catalogue). The rules check the words
/// against the catalogue. A draft from before items were filed with their words holds the
/// bare code (`"G002"`); it reads with empty words, which the app fills from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "FiledOrCode")]
pub struct ScopeChoice {
    pub code: String,
    /// The normative wording, as the licence prints it.
    pub zh: String,
    /// Its English reading aid.
    pub en: String,
    pub kind: crate::catalog::ScopeKind,
}

impl ScopeChoice {
    /// A bare code, its words still to be filled from the catalogue.
    pub fn code(code: impl Into<String>) -> ScopeChoice {
        ScopeChoice {
            code: code.into(),
            ..ScopeChoice::default()
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FiledOrCode {
    Code(String),
    Filed {
        #[serde(default)]
        code: String,
        #[serde(default)]
        zh: String,
        #[serde(default)]
        en: String,
        #[serde(default)]
        kind: crate::catalog::ScopeKind,
    },
}

impl From<FiledOrCode> for ScopeChoice {
    fn from(value: FiledOrCode) -> ScopeChoice {
        match value {
            FiledOrCode::Code(code) => ScopeChoice::code(code),
            FiledOrCode::Filed { code, zh, en, kind } => ScopeChoice { code, zh, en, kind },
        }
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
pub enum BoardMode {
    /// 董事会
    #[default]
    Board,
    /// 不设董事会，设一名董事
    SingleDirector,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supervision {
    /// 监事会
    Board,
    /// 一名监事
    #[default]
    Single,
    /// 不设监事 (LLC, all shareholders agree)
    None,
    /// 董事会审计委员会
    AuditCommittee,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Director {
    pub person_id: PersonId,
    pub chair: bool,
    pub vice_chair: bool,
    pub employee_representative: bool,
    /// 代表公司执行公司事务的董事 (may be the legal representative).
    pub executes_affairs: bool,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Supervisor {
    pub person_id: PersonId,
    pub chair: bool,
    pub employee_representative: bool,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Officers {
    pub board_mode: BoardMode,
    pub directors: Vec<Director>,
    pub supervision: Supervision,
    pub supervisors: Vec<Supervisor>,
    /// Person ids of the audit committee members (all must be directors).
    pub audit_committee: Vec<PersonId>,
    /// Recorded unanimous shareholder consent for having no supervisor.
    pub no_supervisor_consent: bool,
    pub manager_id: Option<PersonId>,
    pub legal_representative_id: Option<PersonId>,
    pub employee_count: Option<u32>,
}

impl Officers {
    /// A single director is neither chair nor vice-chair of a board that is not there.
    pub fn set_board_mode(&mut self, mode: BoardMode) {
        self.board_mode = mode;
        if mode == BoardMode::SingleDirector {
            for d in &mut self.directors {
                d.chair = false;
                d.vice_chair = false;
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExecutingPartner {
    /// A partner's person id.
    pub partner_id: PersonId,
    /// 委派代表: required when the executing partner is an organisation.
    pub delegate_id: Option<PersonId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationForm {
    /// 个人经营
    #[default]
    Personal,
    /// 家庭经营
    Family,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IndividualBusiness {
    pub organisation_form: OrganisationForm,
    pub family_member_ids: Vec<PersonId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnershipBasis {
    /// ≥ 25 % of equity, shares or partnership interest.
    #[default]
    Ownership,
    /// ≥ 25 % of income or voting rights.
    IncomeOrVoting,
    /// Control alone or jointly by other means.
    Control,
    /// Nobody qualifies: the senior manager is filed.
    SeniorManager,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BeneficialOwner {
    pub person_id: PersonId,
    pub basis: OwnershipBasis,
    /// Share in millionths (1,000,000 = 100 %), where the basis is a share.
    pub share_millionths: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BeneficialOwners {
    /// 承诺免报 (受益所有人信息管理办法 Art 3).
    pub exemption_commitment: bool,
    pub owners: Vec<BeneficialOwner>,
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
