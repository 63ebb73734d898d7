//! A case after submission (e端查询, e程监督): its stages, what may move it and who, the
//! registrar's structured reasons, the clocks each stage runs against, a field-level diff for a
//! corrected resubmission, and the credit code and e-licence approval issues. The reference
//! receiver keeps cases with it and the app draws the applicant's timeline from it, so both
//! say the same.
//!
//! 已提交 received → 已受理 accepted (or 不予受理 not accepted) → 审核中 under review →
//! 核准 approved → 已发照 licensed; or, from review, 退回修改 returned / 驳回 rejected; 撤回
//! withdrawn by the applicant before a decision.

pub mod calendar;
pub mod clock;
pub mod diff;
pub mod licence;
pub mod withdrawal;

pub use calendar::Calendar;
pub use clock::{Flag, Limits, StageClock};
pub use diff::{diff, Change};

use crate::text::Bi;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Received,
    Accepted,
    NotAccepted,
    UnderReview,
    Approved,
    Returned,
    Rejected,
    Licensed,
    Withdrawn,
}

/// What moves a case, and who may do it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 受理: the filing is complete and in form.
    Accept,
    /// 不予受理 (reasons required).
    RefuseToAccept,
    /// 审核: a registrar takes it up.
    StartReview,
    /// 延长: the authority's head extends the decision once (条例 Art 19).
    Extend,
    /// 核准: the credit code is allocated and the licence issued with it.
    Approve,
    /// 退回修改 (reasons required, each ideally on a field).
    Return,
    /// 驳回 (reasons required).
    Reject,
    /// 撤回: the applicant, by a signed request, before a decision.
    Withdraw,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Accept,
        Action::RefuseToAccept,
        Action::StartReview,
        Action::Extend,
        Action::Approve,
        Action::Return,
        Action::Reject,
        Action::Withdraw,
    ];

    /// Whether the action must say why.
    pub fn needs_reasons(self) -> bool {
        matches!(
            self,
            Action::RefuseToAccept | Action::Return | Action::Reject
        )
    }

    /// Only the applicant withdraws; everything else is the registrar's.
    pub fn by_applicant(self) -> bool {
        self == Action::Withdraw
    }

    pub fn label(self) -> Bi {
        match self {
            Action::Accept => Bi::new("受理", "Accept"),
            Action::RefuseToAccept => Bi::new("不予受理", "Refuse to accept"),
            Action::StartReview => Bi::new("开始审核", "Start review"),
            Action::Extend => Bi::new("延长审查期限", "Extend the time limit"),
            Action::Approve => Bi::new("核准并发照", "Approve and issue the licence"),
            Action::Return => Bi::new("退回修改", "Return for correction"),
            Action::Reject => Bi::new("驳回", "Reject"),
            Action::Withdraw => Bi::new("撤回", "Withdraw"),
        }
    }
}

impl Stage {
    pub fn label(self) -> Bi {
        match self {
            Stage::Received => Bi::new("已提交", "Submitted"),
            Stage::Accepted => Bi::new("已受理", "Accepted"),
            Stage::NotAccepted => Bi::new("不予受理", "Not accepted"),
            Stage::UnderReview => Bi::new("审核中", "Under review"),
            Stage::Approved => Bi::new("已核准", "Approved"),
            Stage::Returned => Bi::new("退回修改", "Returned for correction"),
            Stage::Rejected => Bi::new("驳回", "Rejected"),
            Stage::Licensed => Bi::new("已发照", "Licence issued"),
            Stage::Withdrawn => Bi::new("已撤回", "Withdrawn"),
        }
    }

    /// No action moves the case any more (a returned case is answered by a new one).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Stage::NotAccepted
                | Stage::Rejected
                | Stage::Licensed
                | Stage::Withdrawn
                | Stage::Returned
        )
    }

    /// Whether the registrar has decided (the decision clock stops).
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Stage::NotAccepted
                | Stage::Approved
                | Stage::Returned
                | Stage::Rejected
                | Stage::Licensed
                | Stage::Withdrawn
        )
    }

    /// The actions that may move a case at this stage.
    pub fn actions(self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| self.after(*a).is_some())
            .collect()
    }

    /// Where `action` takes a case at this stage, if it may be taken at all. `Extend` keeps the
    /// stage (once: `Case::apply` refuses a second).
    fn after(self, action: Action) -> Option<Stage> {
        use Action::*;
        use Stage::*;
        Some(match (self, action) {
            (Received, Accept) => Accepted,
            (Received, RefuseToAccept) => NotAccepted,
            (Accepted, StartReview) => UnderReview,
            (Accepted | UnderReview, Extend) => self,
            (UnderReview, Approve) => Licensed,
            (UnderReview, Return) => Returned,
            (UnderReview, Reject) => Rejected,
            (Received | Accepted | UnderReview, Withdraw) => Withdrawn,
            _ => return None,
        })
    }
}

/// One reason of the registrar: what is wrong, in both languages where the operator gave them,
/// and the field it is about (a path of `kaiban_core::path`), so the applicant's form shows it
/// there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub stage: Stage,
    /// None for the submission itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// RFC 3339 UTC.
    pub at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// A case's history; its stage is the last event's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub events: Vec<CaseEvent>,
}

/// Why an action was refused, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub code: &'static str,
    pub text: Bi,
}

impl Case {
    pub fn received(at: String) -> Case {
        Case {
            events: vec![CaseEvent {
                stage: Stage::Received,
                action: None,
                at,
                reasons: Vec::new(),
            }],
        }
    }

    pub fn stage(&self) -> Stage {
        self.events.last().map_or(Stage::Received, |e| e.stage)
    }

    pub fn extended(&self) -> bool {
        self.events.iter().any(|e| e.action == Some(Action::Extend))
    }

    /// When the case entered its current stage.
    pub fn since(&self) -> &str {
        let stage = self.stage();
        self.events
            .iter()
            .find(|e| e.stage == stage)
            .map_or("", |e| e.at.as_str())
    }

    /// Moves the case by `action` at `at`, or says why not.
    pub fn apply(
        &mut self,
        action: Action,
        at: String,
        reasons: Vec<Reason>,
    ) -> Result<Stage, Refused> {
        let stage = self.stage();
        let Some(next) = stage.after(action) else {
            let allowed: Vec<Bi> = stage.actions().into_iter().map(Action::label).collect();
            let allowed = Bi::join(&allowed);
            return Err(Refused {
                code: "case.illegal_transition",
                text: Bi::owned(
                    format!(
                        "案件当前为“{}”，不能“{}”；此时可以：{}",
                        stage.label().zh,
                        action.label().zh,
                        if allowed.zh.is_empty() {
                            "无（已办结）"
                        } else {
                            &allowed.zh
                        }
                    ),
                    format!(
                        "The case is “{}”: it cannot be “{}”; possible now: {}",
                        stage.label().en,
                        action.label().en,
                        if allowed.en.is_empty() {
                            "nothing (it is closed)"
                        } else {
                            &allowed.en
                        }
                    ),
                ),
            });
        };
        if action == Action::Extend && self.extended() {
            return Err(Refused {
                code: "case.extended_once",
                text: Bi::new(
                    "审查期限只能延长一次（《市场主体登记管理条例》第十九条）",
                    "The time limit can be extended once only (Market Entity Registration Regulation, Art 19)",
                ),
            });
        }
        if action.needs_reasons() && reasons.iter().all(|r| r.zh.trim().is_empty()) {
            return Err(Refused {
                code: "case.reasons_required",
                text: Bi::owned(
                    format!("“{}”须写明理由", action.label().zh),
                    format!("“{}” needs the reasons", action.label().en),
                ),
            });
        }
        let mut approved = Vec::new();
        if action == Action::Approve {
            // The approval and the licence it issues are two moments of the record.
            approved.push(CaseEvent {
                stage: Stage::Approved,
                action: Some(Action::Approve),
                at: at.clone(),
                reasons: Vec::new(),
            });
        }
        self.events.extend(approved);
        self.events.push(CaseEvent {
            stage: next,
            action: Some(action),
            at,
            reasons,
        });
        Ok(next)
    }
}

#[cfg(test)]
mod tests;
