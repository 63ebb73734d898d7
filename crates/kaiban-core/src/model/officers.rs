//! Who runs and who controls the enterprise: the board or single director, the supervisors,
//! a partnership's executing partners, an individual business's form, and beneficial owners.

use super::*;

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
