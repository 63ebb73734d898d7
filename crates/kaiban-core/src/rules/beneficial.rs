//! Beneficial owners (受益所有人信息管理办法, 2024): X-10.

use super::{missing_person, person_name, Finding, Indexed};
use crate::model::{Application, OwnershipBasis};
use crate::money::FEN_PER_WAN;
use crate::path;

/// Art 3: capital or contributions of at most 10 million yuan.
const EXEMPTION_CAPITAL_LIMIT_FEN: u64 = 1_000 * FEN_PER_WAN;
const THRESHOLD_MILLIONTHS: u32 = 250_000;

/// Whether the entity may tick the commitment instead of filing (承诺免报).
pub fn exemption_available(app: &Application) -> bool {
    exemption_available_in(&Indexed::new(app))
}

fn exemption_available_in(app: &Indexed) -> bool {
    app.capital.registered_fen.unwrap_or(0) <= EXEMPTION_CAPITAL_LIMIT_FEN
        && !app.investors.is_empty()
        && app.investors.iter().all(|i| {
            app.person(&i.person_id)
                .is_some_and(|p| !p.is_organisation())
        })
}

pub(super) fn check(app: &Indexed, out: &mut Vec<Finding>) {
    let bo = &app.beneficial_owners;
    if bo.exemption_commitment {
        if !exemption_available_in(app) {
            out.push(Finding::error(
                "beneficial_owners.exemption_not_available",
                path::BENEFICIAL_EXEMPTION,
                "只有注册资本（出资额）不超过1000万元且股东（合伙人）全部为自然人的，才可以承诺免报受益所有人信息（《受益所有人信息管理办法》第三条）",
                "Only entities with capital of at most 10 million yuan whose members are all natural persons may commit instead of filing beneficial owners (Beneficial Owner Information Measures, Art 3)",
            ));
        }
        return;
    }
    if bo.owners.is_empty() {
        out.push(Finding::error(
            "beneficial_owners.required",
            path::BENEFICIAL_OWNERS,
            "请填写至少一名受益所有人，或在符合条件时承诺免报（《受益所有人信息管理办法》第三条、第六条）",
            "Enter at least one beneficial owner, or make the commitment if you qualify (Beneficial Owner Information Measures, Art 3 and 6)",
        ));
    }
    for (i, owner) in bo.owners.iter().enumerate() {
        let path = path::beneficial_owner(i, "person_id");
        if missing_person(app, &owner.person_id, || path.clone(), out) {
            continue;
        }
        if app
            .person(&owner.person_id)
            .is_some_and(|p| p.is_organisation())
        {
            out.push(Finding::error(
                "beneficial_owners.natural_person_required",
                path,
                "受益所有人必须是自然人；请填写最终拥有或控制该单位的自然人",
                "A beneficial owner is a natural person: enter the person who ultimately owns or controls the organisation",
            ));
        }
        if matches!(
            owner.basis,
            OwnershipBasis::Ownership | OwnershipBasis::IncomeOrVoting
        ) && owner.share_millionths.unwrap_or(0) < THRESHOLD_MILLIONTHS
        {
            out.push(Finding::warning(
                "beneficial_owners.below_threshold",
                path::beneficial_owner(i, "share_millionths"),
                format!("“{}”的比例低于25%，按持股或收益标准不构成受益所有人，请核对比例或选择其他认定标准（《受益所有人信息管理办法》第六条）", person_name(app, &owner.person_id)),
                format!("“{}” holds under 25%, which does not make them a beneficial owner by ownership or income: check the share or choose another basis (Art 6)", person_name(app, &owner.person_id)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{BeneficialOwner, OwnershipBasis};
    use crate::rules::testing::*;

    #[test]
    fn exemption_only_when_eligible() {
        let mut app = example("llc");
        assert!(
            !super::exemption_available(&app),
            "the LLC example has an organisation shareholder"
        );
        app.beneficial_owners.exemption_commitment = true;
        find(&app, "beneficial_owners.exemption_not_available");
        let one = example("one_person_llc");
        assert!(super::exemption_available(&one));
    }

    #[test]
    fn owners_are_required_natural_people_over_the_threshold() {
        let mut app = example("llc");
        app.beneficial_owners.owners.clear();
        find(&app, "beneficial_owners.required");
        let org = app
            .persons
            .iter()
            .find(|p| p.is_organisation())
            .unwrap()
            .id
            .clone();
        app.beneficial_owners.owners.push(BeneficialOwner {
            person_id: org,
            basis: OwnershipBasis::Control,
            share_millionths: None,
        });
        find(&app, "beneficial_owners.natural_person_required");
        let p = app.persons[0].id.clone();
        app.beneficial_owners.owners.push(BeneficialOwner {
            person_id: p,
            basis: OwnershipBasis::Ownership,
            share_millionths: Some(100_000),
        });
        assert!(!find(&app, "beneficial_owners.below_threshold").is_error());
    }
}
