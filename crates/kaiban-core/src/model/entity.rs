use crate::text::Bi;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// 有限责任公司
    Llc,
    /// 一人有限责任公司
    OnePersonLlc,
    /// 股份有限公司
    JointStock,
    /// 个人独资企业
    SoleProprietorship,
    /// 普通合伙企业
    GeneralPartnership,
    /// 有限合伙企业
    LimitedPartnership,
    /// 个体工商户
    IndividualBusiness,
}

impl EntityType {
    pub const ALL: [EntityType; 7] = [
        EntityType::Llc,
        EntityType::OnePersonLlc,
        EntityType::JointStock,
        EntityType::SoleProprietorship,
        EntityType::GeneralPartnership,
        EntityType::LimitedPartnership,
        EntityType::IndividualBusiness,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EntityType::Llc => "llc",
            EntityType::OnePersonLlc => "one_person_llc",
            EntityType::JointStock => "joint_stock",
            EntityType::SoleProprietorship => "sole_proprietorship",
            EntityType::GeneralPartnership => "general_partnership",
            EntityType::LimitedPartnership => "limited_partnership",
            EntityType::IndividualBusiness => "individual_business",
        }
    }

    pub fn from_key(key: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self) -> Bi {
        match self {
            EntityType::Llc => Bi::new("有限责任公司", "Limited liability company"),
            EntityType::OnePersonLlc => {
                Bi::new("一人有限责任公司", "One-person limited liability company")
            }
            EntityType::JointStock => Bi::new("股份有限公司", "Joint-stock company"),
            EntityType::SoleProprietorship => Bi::new("个人独资企业", "Sole proprietorship"),
            EntityType::GeneralPartnership => Bi::new("普通合伙企业", "General partnership"),
            EntityType::LimitedPartnership => Bi::new("有限合伙企业", "Limited partnership"),
            EntityType::IndividualBusiness => Bi::new("个体工商户", "Individual business"),
        }
    }

    pub fn summary_zh(self) -> &'static str {
        match self {
            EntityType::Llc => "1–50 名股东，以认缴出资额为限承担责任，5 年内缴足出资",
            EntityType::OnePersonLlc => "只有 1 名股东（自然人或法人），股东以出资为限承担责任",
            EntityType::JointStock => "1–200 名发起人，发起人在公司成立前缴足股款",
            EntityType::SoleProprietorship => "1 名自然人投资，投资人以个人财产承担无限责任",
            EntityType::GeneralPartnership => "2 名以上合伙人，对合伙企业债务承担无限连带责任",
            EntityType::LimitedPartnership => "2–50 名合伙人，至少 1 名普通合伙人和 1 名有限合伙人",
            EntityType::IndividualBusiness => "个人或家庭经营，无需公司章程，字号可选",
        }
    }

    pub fn summary_en(self) -> &'static str {
        match self {
            EntityType::Llc => {
                "1–50 shareholders, liable up to their subscribed capital, paid in within 5 years"
            }
            EntityType::OnePersonLlc => {
                "A single shareholder (a person or an organisation) with limited liability"
            }
            EntityType::JointStock => {
                "1–200 founders, who pay for their shares in full before establishment"
            }
            EntityType::SoleProprietorship => {
                "One natural person invests and is personally liable without limit"
            }
            EntityType::GeneralPartnership => "Two or more partners, jointly liable without limit",
            EntityType::LimitedPartnership => {
                "2–50 partners: at least one general and one limited partner"
            }
            EntityType::IndividualBusiness => {
                "Run by one person or a family; no articles; a trade name is optional"
            }
        }
    }

    pub fn is_company(self) -> bool {
        matches!(
            self,
            EntityType::Llc | EntityType::OnePersonLlc | EntityType::JointStock
        )
    }

    pub fn is_partnership(self) -> bool {
        matches!(
            self,
            EntityType::GeneralPartnership | EntityType::LimitedPartnership
        )
    }

    pub fn is_limited_liability_company(self) -> bool {
        matches!(self, EntityType::Llc | EntityType::OnePersonLlc)
    }

    /// Allowed number of investors (shareholders, founders, partners, investor, operator).
    pub fn investor_range(self) -> (usize, usize) {
        match self {
            EntityType::Llc => (1, 50),
            EntityType::OnePersonLlc => (1, 1),
            EntityType::JointStock => (1, 200),
            EntityType::SoleProprietorship | EntityType::IndividualBusiness => (1, 1),
            EntityType::GeneralPartnership => (2, usize::MAX),
            EntityType::LimitedPartnership => (2, 50),
        }
    }

    /// Beneficial-owner information is filed by companies and partnerships only.
    pub fn files_beneficial_owners(self) -> bool {
        self.is_company() || self.is_partnership()
    }

    /// The investors must be natural persons.
    pub fn investors_are_natural_persons(self) -> bool {
        matches!(
            self,
            EntityType::SoleProprietorship | EntityType::IndividualBusiness
        )
    }

    pub fn name_is_optional(self) -> bool {
        self == EntityType::IndividualBusiness
    }

    pub fn capital_is_optional(self) -> bool {
        self == EntityType::IndividualBusiness
    }

    pub fn needs_finance_officer(self) -> bool {
        self != EntityType::IndividualBusiness
    }

    pub fn needs_liaison(self) -> bool {
        self != EntityType::IndividualBusiness
    }

    /// What one investor is called on this entity's forms.
    pub fn investor_title_zh(self) -> &'static str {
        match self {
            EntityType::Llc | EntityType::OnePersonLlc => "股东",
            EntityType::JointStock => "发起人",
            EntityType::SoleProprietorship => "投资人",
            EntityType::GeneralPartnership | EntityType::LimitedPartnership => "合伙人",
            EntityType::IndividualBusiness => "经营者",
        }
    }

    pub fn investor_title_en(self) -> &'static str {
        match self {
            EntityType::Llc | EntityType::OnePersonLlc => "shareholder",
            EntityType::JointStock => "founder",
            EntityType::SoleProprietorship => "investor",
            EntityType::GeneralPartnership | EntityType::LimitedPartnership => "partner",
            EntityType::IndividualBusiness => "operator",
        }
    }
}
