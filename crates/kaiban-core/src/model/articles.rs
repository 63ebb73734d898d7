//! What the law leaves to a company's articles or a partnership's agreement, as the applicant
//! chose it on the articles-options step. The defaults are the common model articles (and the
//! statute where it has a default), so an applicant who changes nothing files ordinary articles.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticlesOptions {
    /// The applicant files articles (or an agreement) they wrote themselves, uploaded as an
    /// attachment, instead of the generated ones: the case goes to manual review.
    pub own_articles: bool,
    /// Days' notice of a shareholders' meeting (Company Law Art 64: fifteen unless the articles
    /// say otherwise).
    pub notice_days: Option<u32>,
    pub voting: Voting,
    pub profit: ProfitBasis,
    pub transfer: TransferRule,
    /// Years a director serves per term (Company Law Art 70: at most three).
    pub director_term_years: Option<u32>,
    pub manager_powers: ManagerPowers,
    /// Grounds of dissolution beyond the statute's, agreed in the articles.
    pub dissolution: Dissolution,
    pub sharing: PartnershipSharing,
    pub admission: Admission,
    pub disputes: Disputes,
}

impl Default for ArticlesOptions {
    fn default() -> Self {
        ArticlesOptions {
            own_articles: false,
            notice_days: Some(15),
            voting: Voting::default(),
            profit: ProfitBasis::default(),
            transfer: TransferRule::default(),
            director_term_years: Some(3),
            manager_powers: ManagerPowers::default(),
            dissolution: Dissolution::default(),
            sharing: PartnershipSharing::default(),
            admission: Admission::default(),
            disputes: Disputes::default(),
        }
    }
}

/// How shareholders vote at their meeting (Company Law Art 65).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voting {
    #[default]
    ByContribution,
    OneVoteEach,
}

/// On what an LLC's profit is shared (Company Law Art 210).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfitBasis {
    #[default]
    PaidIn,
    Subscribed,
}

/// How a shareholder may sell their equity to someone outside the company (Company Law Art 84).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferRule {
    /// Notice to the others, who have a right of first refusal.
    #[default]
    PreEmption,
    /// Only with the consent of a majority of the other shareholders.
    OthersConsent,
}

/// What the manager may do (Company Law Art 74).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ManagerPowers {
    /// The powers the model articles list (running the business, carrying out the board's
    /// resolutions, proposing managers …).
    #[default]
    Listed,
    /// Only what the board authorises case by case.
    BoardAuthorises,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dissolution {
    /// The statute's grounds only.
    #[default]
    Statutory,
    /// Also when the business term ends without a resolution to continue.
    AlsoTermEnds,
}

/// How a partnership shares profit and loss (合伙企业法 Art 33).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipSharing {
    #[default]
    ByContribution,
    Equally,
}

/// Who decides that a new partner joins (合伙企业法 Art 43).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    #[default]
    AllPartners,
    TwoThirds,
}

/// How partners resolve a dispute they cannot settle by talking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disputes {
    #[default]
    Court,
    Arbitration,
}

/// Which of the options the articles of `app` contain: the UI asks exactly these, the rules
/// check them and the documents print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Asked {
    /// Anything at all: companies and partnerships have articles or an agreement.
    pub any: bool,
    /// The shareholders' meeting (notice, voting, profit, transfers): an LLC with more than
    /// one shareholder.
    pub meeting: bool,
    /// Directors' term, the manager's powers, dissolution: every company.
    pub company: bool,
    /// Profit sharing, admission, disputes: partnerships.
    pub partnership: bool,
}

impl Asked {
    pub fn of(app: &super::Application) -> Asked {
        use super::EntityType::*;
        let Some(entity) = app.entity_type else {
            return Asked::default();
        };
        let company = entity.is_company();
        let partnership = entity.is_partnership();
        Asked {
            any: company || partnership,
            meeting: entity == Llc && app.investors.len() != 1,
            company,
            partnership,
        }
    }
}
