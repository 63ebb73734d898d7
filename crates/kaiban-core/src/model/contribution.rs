//! What an investor contributes in (出资方式).

use crate::text::Bi;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionMethod {
    #[default]
    Cash,
    InKind,
    IntellectualProperty,
    LandUseRight,
    Equity,
    DebtClaim,
    Data,
    VirtualProperty,
    /// Partnerships only: 其他财产权利.
    OtherPropertyRight,
    /// General partners only: 劳务.
    Labour,
}

impl ContributionMethod {
    pub const ALL: [ContributionMethod; 10] = [
        ContributionMethod::Cash,
        ContributionMethod::InKind,
        ContributionMethod::IntellectualProperty,
        ContributionMethod::LandUseRight,
        ContributionMethod::Equity,
        ContributionMethod::DebtClaim,
        ContributionMethod::Data,
        ContributionMethod::VirtualProperty,
        ContributionMethod::OtherPropertyRight,
        ContributionMethod::Labour,
    ];
    pub fn label(self) -> Bi {
        match self {
            ContributionMethod::Cash => Bi::new("货币", "Cash"),
            ContributionMethod::InKind => Bi::new("实物", "Property in kind"),
            ContributionMethod::IntellectualProperty => {
                Bi::new("知识产权", "Intellectual property")
            }
            ContributionMethod::LandUseRight => Bi::new("土地使用权", "Land-use right"),
            ContributionMethod::Equity => Bi::new("股权", "Equity"),
            ContributionMethod::DebtClaim => Bi::new("债权", "Debt claim"),
            ContributionMethod::Data => Bi::new("数据", "Data"),
            ContributionMethod::VirtualProperty => {
                Bi::new("网络虚拟财产", "Online virtual property")
            }
            ContributionMethod::OtherPropertyRight => {
                Bi::new("其他财产权利", "Other property right")
            }
            ContributionMethod::Labour => Bi::new("劳务", "Labour"),
        }
    }

    pub fn is_cash(self) -> bool {
        self == ContributionMethod::Cash
    }
}
