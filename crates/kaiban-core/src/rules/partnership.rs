//! Partnership affairs: R-LP-5, R-P-1, X-13.

use super::{missing_person, person_name, Context, Finding, Indexed};
use crate::model::{EntityType, PartnerKind};
use crate::path;

pub(super) fn check(app: &Indexed, entity: EntityType, ctx: &Context, out: &mut Vec<Finding>) {
    let _ = ctx;
    if app.executing_partners.is_empty() {
        out.push(Finding::error(
            "executing_partner.required",
            path::EXECUTING_PARTNERS,
            "请选择执行事务合伙人（《合伙企业法》第二十六条）",
            "Choose the executing partner(s) (Partnership Enterprise Law, Art 26)",
        ));
    }
    for (i, e) in app.executing_partners.iter().enumerate() {
        let path = path::executing_partner(i, "partner_id");
        if missing_person(app, &e.partner_id, || path.clone(), out) {
            continue;
        }
        let Some(partner) = app.investor_of(&e.partner_id) else {
            out.push(Finding::error(
                "executing_partner.not_a_partner",
                path,
                format!(
                    "“{}”不是本企业的合伙人；执行事务合伙人须从合伙人中选定",
                    person_name(app, &e.partner_id)
                ),
                format!(
                    "“{}” is not a partner; executing partners are chosen from the partners",
                    person_name(app, &e.partner_id)
                ),
            ));
            continue;
        };
        let kind = partner.partner_kind.unwrap_or(PartnerKind::General);
        if entity == EntityType::LimitedPartnership && kind == PartnerKind::Limited {
            out.push(Finding::error(
                "executing_partner.must_be_general",
                path,
                format!("“{}”是有限合伙人，有限合伙人不执行合伙事务，执行事务合伙人须为普通合伙人（《合伙企业法》第六十七条、第六十八条）", person_name(app, &e.partner_id)),
                format!("“{}” is a limited partner; limited partners do not run the partnership, so the executing partner must be a general partner (Partnership Enterprise Law, Art 67–68)", person_name(app, &e.partner_id)),
            ));
        }
        let is_organisation = app
            .person(&e.partner_id)
            .is_some_and(|p| p.is_organisation());
        let delegate_path = path::executing_partner(i, "delegate_id");
        match &e.delegate_id {
            None if is_organisation => out.push(Finding::error(
                "executing_partner.delegate_required",
                delegate_path,
                "执行事务合伙人是法人或其他组织的，应当填写其委派的自然人代表（《市场主体登记管理条例实施细则》第六条）",
                "An organisation acting as executing partner must name the natural person it delegates (Implementing Rules, Art 6)",
            )),
            Some(d)
                if !missing_person(app, d, || delegate_path.clone(), out)
                    && app.person(d).is_some_and(|p| p.is_organisation()) =>
            {
                out.push(Finding::error(
                    "executing_partner.delegate_natural_person",
                    delegate_path,
                    "委派代表必须是自然人",
                    "The delegate must be a natural person",
                ))
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::PartnerKind;
    use crate::rules::testing::*;

    #[test]
    fn executing_partner_rules() {
        let mut lp = example("limited_partnership");
        lp.executing_partners.clear();
        find(&lp, "executing_partner.required");
        let mut lp = example("limited_partnership");
        let limited = lp
            .investors
            .iter()
            .find(|i| i.partner_kind == Some(PartnerKind::Limited))
            .unwrap()
            .person_id
            .clone();
        lp.executing_partners[0].partner_id = limited;
        lp.executing_partners[0].delegate_id = None;
        find(&lp, "executing_partner.must_be_general");
        let mut gp = example("general_partnership");
        let org = gp
            .persons
            .iter()
            .find(|p| p.is_organisation())
            .unwrap()
            .id
            .clone();
        gp.executing_partners = vec![crate::model::ExecutingPartner {
            partner_id: org,
            delegate_id: None,
        }];
        find(&gp, "executing_partner.delegate_required");
        let mut gp = example("general_partnership");
        gp.executing_partners[0].partner_id = "nobody".into();
        find(&gp, "person.unknown_reference");
        let mut lp = example("limited_partnership");
        let outsider = add_person(&mut lp, 1);
        lp.executing_partners[0].partner_id = outsider;
        find(&lp, "executing_partner.not_a_partner");
    }
}
