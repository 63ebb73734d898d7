//! Who may found the entity and how many: R-LLC-1, R-JSC-1/2, R-SP-1, R-GP-1, R-LP-1/2, R-GP-2.

use super::{missing_person, person_name, Finding, Indexed};
use crate::model::{EntityType, PartnerKind};
use crate::path;

pub(super) fn check(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    check_count(app, entity, out);
    let mut seen = std::collections::HashSet::with_capacity(app.investors.len());
    for (i, inv) in app.investors.iter().enumerate() {
        // Built only for a finding: this loop runs for every investor at every keystroke.
        let path = || path::investor(i, path::InvestorField::PersonId);
        if missing_person(app, &inv.person_id, path, out) {
            continue;
        }
        if !seen.insert(inv.person_id.as_str()) {
            out.push(Finding::error(
                "investors.duplicate",
                path(),
                format!(
                    "“{}”已列为{}，同一人只能出现一次",
                    person_name(app, &inv.person_id),
                    entity.investor_title_zh()
                ),
                format!(
                    "“{}” is already listed as a {}; list each one once",
                    person_name(app, &inv.person_id),
                    entity.investor_title_en()
                ),
            ));
        }
        let person = app.person(&inv.person_id).expect("checked above");
        if entity.investors_are_natural_persons() && person.is_organisation() {
            let (zh, en) = if entity == EntityType::SoleProprietorship {
                ("个人独资企业的投资人必须是一个自然人（《个人独资企业法》第二条、第八条）", "The investor in a sole proprietorship must be one natural person (Sole Proprietorship Enterprise Law, Art 2 and 8)")
            } else {
                ("个体工商户的经营者必须是自然人（《促进个体工商户发展条例》第二条）", "The operator of an individual business must be a natural person (Regulation on Promoting Individual Businesses, Art 2)")
            };
            out.push(Finding::error(
                "investors.natural_person_required",
                path(),
                zh,
                en,
            ));
        }
        if entity.is_partnership() {
            check_partner_kind(app, entity, i, out);
        }
    }
    if entity == EntityType::JointStock {
        check_founder_domicile(app, out);
    }
    if entity == EntityType::LimitedPartnership {
        let count = |kind| {
            app.investors
                .iter()
                .filter(|i| i.partner_kind == Some(kind))
                .count()
        };
        if count(PartnerKind::General) == 0 || count(PartnerKind::Limited) == 0 {
            out.push(Finding::error(
                "partners.general_and_limited_required",
                path::INVESTORS,
                "有限合伙企业至少应当有一个普通合伙人和一个有限合伙人（《合伙企业法》第六十一条）",
                "A limited partnership needs at least one general partner and one limited partner (Partnership Enterprise Law, Art 61)",
            ));
        }
    }
}

fn check_count(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    let n = app.investors.len();
    let (min, max) = entity.investor_range();
    if n >= min && n <= max {
        return;
    }
    let (zh, en) = match entity {
        EntityType::Llc => ("有限责任公司由一个以上五十个以下股东出资设立（《公司法》第四十二条）".to_string(), "A limited liability company has 1 to 50 shareholders (Company Law, Art 42)".to_string()),
        EntityType::OnePersonLlc => ("一人有限责任公司只能有一个股东；有多个股东请选择“有限责任公司”（《公司法》第四十二条）".into(), "A one-person company has exactly one shareholder; with more, choose “limited liability company” (Company Law, Art 42)".into()),
        EntityType::JointStock => ("股份有限公司应当有一人以上二百人以下为发起人（《公司法》第九十二条）".into(), "A joint-stock company has 1 to 200 founders (Company Law, Art 92)".into()),
        EntityType::SoleProprietorship => ("个人独资企业由一个自然人投资（《个人独资企业法》第二条）".into(), "A sole proprietorship has exactly one investor (Sole Proprietorship Enterprise Law, Art 2)".into()),
        EntityType::GeneralPartnership => ("合伙企业应当有二个以上合伙人（《合伙企业法》第十四条）".into(), "A partnership needs at least two partners (Partnership Enterprise Law, Art 14)".into()),
        EntityType::LimitedPartnership => ("有限合伙企业由二个以上五十个以下合伙人设立（《合伙企业法》第六十一条）".into(), "A limited partnership has 2 to 50 partners (Partnership Enterprise Law, Art 61)".into()),
        EntityType::IndividualBusiness => ("个体工商户只登记一名经营者；家庭经营的其他成员请在“家庭成员”中填写".into(), "An individual business has one operator; list other family members under “family members”".into()),
    };
    let now_zh = format!("{zh}。现在有{n}个。");
    let now_en = format!("{en}. There are {n} now.");
    out.push(Finding::error(
        "investors.count",
        path::INVESTORS,
        now_zh,
        now_en,
    ));
}

fn check_partner_kind(app: &Indexed, entity: EntityType, i: usize, out: &mut Vec<Finding>) {
    let inv = &app.investors[i];
    let path = path::investor(i, path::InvestorField::PartnerKind);
    let kind = match (entity, inv.partner_kind) {
        (EntityType::GeneralPartnership, None) => PartnerKind::General,
        (_, Some(kind)) => kind,
        (_, None) => {
            out.push(Finding::error(
                "partners.kind_required",
                path,
                "请选择该合伙人是普通合伙人还是有限合伙人",
                "Choose whether this partner is a general or a limited partner",
            ));
            return;
        }
    };
    if entity == EntityType::GeneralPartnership && kind == PartnerKind::Limited {
        out.push(Finding::error(
            "partners.limited_in_general_partnership",
            path.clone(),
            "普通合伙企业的合伙人都是普通合伙人；需要有限合伙人请选择“有限合伙企业”",
            "All partners of a general partnership are general partners; for limited partners choose “limited partnership”",
        ));
    }
    let person = app.person(&inv.person_id).expect("checked by caller");
    if kind == PartnerKind::General
        && person.is_organisation()
        && !person.org_category.may_be_general_partner()
    {
        out.push(Finding::error(
            "partners.barred_general_partner",
            path,
            format!("“{}”属于国有独资公司、国有企业、上市公司或公益性事业单位、社会团体，不得成为普通合伙人（《合伙企业法》第三条）", person.name),
            format!("“{}” is a state-owned, listed or public-welfare body and may not be a general partner (Partnership Enterprise Law, Art 3)", person.name),
        ));
    }
}

fn check_founder_domicile(app: &Indexed, out: &mut Vec<Finding>) {
    let founders: Vec<_> = app
        .investors
        .iter()
        .filter_map(|i| app.person(&i.person_id))
        .collect();
    let domestic = founders
        .iter()
        .filter(|p| p.is_domiciled_in_china())
        .count();
    if !founders.is_empty() && domestic * 2 <= founders.len() {
        out.push(Finding::error(
            "founders.domicile_majority",
            path::INVESTORS,
            format!("股份有限公司应当有半数以上的发起人在中华人民共和国境内有住所（《公司法》第九十二条）。现在{}名发起人中有{}名。", founders.len(), domestic),
            format!("More than half of the founders must be domiciled in China (Company Law, Art 92): {domestic} of {} are", founders.len()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::IdType;
    use crate::model::{OrgCategory, PartnerKind};
    use crate::rules::testing::*;

    #[test]
    fn investor_counts_per_entity_type() {
        let mut llc = example("llc");
        let extra = llc.investors[0].clone();
        for n in 0..50 {
            let mut inv = extra.clone();
            inv.person_id = add_person(&mut llc, n);
            llc.investors.push(inv);
        }
        find(&llc, "investors.count");
        let mut one = example("one_person_llc");
        one.investors.push(one.investors[0].clone());
        find(&one, "investors.count");
        let mut gp = example("general_partnership");
        gp.investors.truncate(1);
        find(&gp, "investors.count");
        let mut sp = example("sole_proprietorship");
        sp.investors.clear();
        find(&sp, "investors.count");
    }

    #[test]
    fn sole_proprietor_must_be_a_natural_person() {
        let mut sp = example("sole_proprietorship");
        let i = sp.person_index(&sp.investors[0].person_id.clone()).unwrap();
        sp.persons[i].id_type = IdType::CreditCode;
        sp.persons[i].id_number = "91520115MA6D7K2T20".into();
        find(&sp, "investors.natural_person_required");
    }

    #[test]
    fn limited_partnership_needs_both_kinds_and_no_barred_gp() {
        let mut lp = example("limited_partnership");
        for inv in &mut lp.investors {
            inv.partner_kind = Some(PartnerKind::Limited);
        }
        find(&lp, "partners.general_and_limited_required");
        let mut gp = example("general_partnership");
        let org = gp.persons.iter_mut().find(|p| p.is_organisation()).unwrap();
        org.org_category = OrgCategory::Listed;
        find(&gp, "partners.barred_general_partner");
    }

    #[test]
    fn jsc_founders_majority_in_china() {
        let mut jsc = example("joint_stock");
        for p in &mut jsc.persons {
            p.domiciled_in_china = Some(false);
        }
        find(&jsc, "founders.domicile_majority");
    }

    #[test]
    fn unknown_and_duplicate_investors() {
        let mut app = example("llc");
        app.investors[0].person_id = "nobody".into();
        find(&app, "person.unknown_reference");
        let mut app = example("llc");
        app.investors[1].person_id = app.investors[0].person_id.clone();
        find(&app, "investors.duplicate");
    }
}
