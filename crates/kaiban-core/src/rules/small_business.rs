//! Sole proprietorships and individual businesses: R-SP-3, R-IB-1.

use super::{missing_person, Finding, Indexed};
use crate::model::{EntityType, OrganisationForm};
use crate::path;

pub(super) fn check(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    match entity {
        EntityType::SoleProprietorship => {
            for (i, inv) in app.investors.iter().enumerate() {
                if inv.property_form.is_none() {
                    out.push(Finding::error(
                        "investor.property_form_required",
                        path::investor(i, path::InvestorField::PropertyForm),
                        "请选择以个人财产出资还是以家庭共有财产出资（《个人独资企业登记管理办法》第十条）",
                        "Choose whether the investment is personal property or family property (Sole Proprietorship Registration Measures, Art 10)",
                    ));
                }
            }
        }
        EntityType::IndividualBusiness => {
            let ib = &app.individual_business;
            if ib.organisation_form == OrganisationForm::Family && ib.family_member_ids.is_empty() {
                out.push(Finding::error(
                    "individual_business.family_members_required",
                    path::FAMILY_MEMBERS,
                    "家庭经营的，请填写参加经营的家庭成员（《个体工商户登记管理办法》第八条）",
                    "For a family business, list the family members who take part (Individual Business Registration Measures, Art 8)",
                ));
            }
            for (i, id) in ib.family_member_ids.iter().enumerate() {
                missing_person(
                    app,
                    id,
                    || format!("individual_business.family_member_ids[{i}]"),
                    out,
                );
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::model::OrganisationForm;
    use crate::rules::testing::*;

    #[test]
    fn property_form_and_family_members() {
        let mut sp = example("sole_proprietorship");
        sp.investors[0].property_form = None;
        find(&sp, "investor.property_form_required");
        let mut ib = example("individual_business");
        ib.individual_business.organisation_form = OrganisationForm::Family;
        ib.individual_business.family_member_ids.clear();
        find(&ib, "individual_business.family_members_required");
    }
}
