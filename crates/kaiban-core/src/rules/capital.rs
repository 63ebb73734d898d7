//! Capital and contributions: R-CAP-1…6, R-JSC-3…5, R-LP-4, X-4, X-5.

use super::{person_name, Context, Finding, Indexed};
use crate::model::{ContributionMethod, EntityType, EstablishmentMethod, PartnerKind};
use crate::money::{format_wan, FEN_PER_WAN};
use crate::path;

/// Decree 784 Art 3 "obviously abnormal": the SAMR draft's examples, used as warning limits.
const ABNORMAL_CAPITAL_FEN: u64 = 100_000 * FEN_PER_WAN;
const ABNORMAL_TERM_YEARS: i32 = 30;

pub(super) fn check(app: &Indexed, entity: EntityType, ctx: &Context, out: &mut Vec<Finding>) {
    let registered = app.capital.registered_fen.unwrap_or(0);
    if registered == 0 && !entity.capital_is_optional() {
        out.push(Finding::error(
            "capital.required",
            path::CAPITAL_REGISTERED,
            "请填写注册资本（出资额），必须大于0",
            "Enter the registered capital (contribution total); it must be more than 0",
        ));
    }
    if registered > ABNORMAL_CAPITAL_FEN {
        out.push(Finding::warning(
            "capital.abnormally_large",
            path::CAPITAL_REGISTERED,
            format!("注册资本{}万元明显偏高，登记机关可能要求说明或调整（《国务院关于实施〈公司法〉注册资本登记管理制度的规定》第三条）", format_wan(registered)),
            format!("A capital of {} 万元 is unusually large; the registrar may ask you to explain or adjust it (State Council Decree 784, Art 3)", format_wan(registered)),
        ));
    }

    let total: u64 = app.investors.iter().map(|i| i.subscribed_fen).sum();
    if registered > 0 && !app.investors.is_empty() && total != registered {
        out.push(Finding::error(
            "capital.sum_mismatch",
            path::CAPITAL_REGISTERED,
            format!("各{}认缴出资额合计{}万元，与注册资本{}万元不一致，两者必须完全相等（《公司法》第四十七条）", entity.investor_title_zh(), format_wan(total), format_wan(registered)),
            format!("The {}s' subscribed amounts add up to {} 万元, but the registered capital is {} 万元; they must be equal (Company Law, Art 47)", entity.investor_title_en(), format_wan(total), format_wan(registered)),
        ));
    }

    let deadline = ctx.establishment_date(app).add_years(5);
    let abnormal_deadline = ctx.establishment_date(app).add_years(ABNORMAL_TERM_YEARS);
    for (i, inv) in app.investors.iter().enumerate() {
        let who = person_name(app, &inv.person_id);
        let at = |field| path::investor(i, field);
        if inv.subscribed_fen == 0 && !entity.capital_is_optional() {
            out.push(Finding::error(
                "contribution.subscribed_required",
                at(path::InvestorField::SubscribedFen),
                format!("请填写“{who}”的认缴出资额"),
                format!("Enter the amount “{who}” subscribes"),
            ));
        }
        if inv.paid_fen > inv.subscribed_fen {
            out.push(Finding::error(
                "contribution.paid_exceeds_subscribed",
                at(path::InvestorField::PaidFen),
                format!("“{who}”的实缴出资额不能大于认缴出资额"),
                format!("“{who}” cannot have paid in more than they subscribed"),
            ));
        }
        if entity == EntityType::JointStock && inv.paid_fen != inv.subscribed_fen {
            out.push(Finding::error(
                "contribution.jsc_paid_in_full",
                at(path::InvestorField::PaidFen),
                format!("发起人“{who}”应当在公司成立前按照其认购的股份全额缴纳股款（《公司法》第九十八条）"),
                format!("Founder “{who}” must pay for all subscribed shares in full before establishment (Company Law, Art 98)"),
            ));
        }
        if inv.subscribed_fen > 0 && inv.contributions.is_empty() {
            out.push(Finding::error(
                "contribution.methods_required",
                at(path::InvestorField::Contributions),
                format!("请填写“{who}”的出资方式和金额"),
                format!("Enter how “{who}” contributes and how much"),
            ));
            continue;
        }
        let methods_total: u64 = inv.contributions.iter().map(|c| c.amount_fen).sum();
        if !inv.contributions.is_empty() && methods_total != inv.subscribed_fen {
            out.push(Finding::error(
                "contribution.methods_sum_mismatch",
                at(path::InvestorField::Contributions),
                format!(
                    "“{who}”各出资方式金额合计{}万元，与其认缴出资额{}万元不一致",
                    format_wan(methods_total),
                    format_wan(inv.subscribed_fen)
                ),
                format!(
                    "“{who}”'s contributions add up to {} 万元, not the {} 万元 subscribed",
                    format_wan(methods_total),
                    format_wan(inv.subscribed_fen)
                ),
            ));
        }
        let is_limited_partner = inv.partner_kind == Some(PartnerKind::Limited);
        for (j, c) in inv.contributions.iter().enumerate() {
            let at = |field| path::contribution(i, j, field);
            if c.amount_fen == 0 {
                out.push(Finding::error(
                    "contribution.amount_required",
                    at(path::ContributionField::AmountFen),
                    "请填写该出资方式的金额，必须大于0",
                    "Enter the amount for this contribution; it must be more than 0",
                ));
            }
            check_method(
                entity,
                is_limited_partner,
                c.method,
                who,
                || at(path::ContributionField::Method),
                out,
            );
            if !c.method.is_cash() && c.appraisal_ref.trim().is_empty() && entity.is_company() {
                out.push(Finding::warning(
                    "contribution.appraisal_missing",
                    at(path::ContributionField::AppraisalRef),
                    format!("以{}出资应当评估作价，请填写评估报告编号（《公司法》第四十八条）", c.method.label().zh),
                    format!("A contribution in {} must be appraised: enter the appraisal report number (Company Law, Art 48)", c.method.label().en.to_lowercase()),
                ));
            }
            match c.due_date {
                None if entity.is_limited_liability_company() || entity.is_partnership() => {
                    out.push(Finding::error(
                        "contribution.due_date_required",
                        at(path::ContributionField::DueDate),
                        "请填写认缴出资日期",
                        "Enter the date by which this contribution is paid",
                    ));
                }
                Some(due) if entity.is_limited_liability_company() && due > deadline => {
                    out.push(Finding::error(
                        "contribution.due_date_beyond_five_years",
                        at(path::ContributionField::DueDate),
                        format!("有限责任公司全体股东认缴的出资额应当自公司成立之日起五年内缴足，出资日期最晚为{deadline}，填写的是{due}（《公司法》第四十七条）"),
                        format!("Shareholders must pay in full within five years of establishment: the latest date is {deadline}, not {due} (Company Law, Art 47)"),
                    ));
                }
                Some(due) if due > abnormal_deadline => {
                    out.push(Finding::warning(
                        "contribution.due_date_abnormal",
                        at(path::ContributionField::DueDate),
                        format!("出资期限超过{ABNORMAL_TERM_YEARS}年明显异常，登记机关可能要求调整"),
                        format!("A payment term over {ABNORMAL_TERM_YEARS} years is abnormal; the registrar may ask you to shorten it"),
                    ));
                }
                Some(due) if due < ctx.today && inv.paid_fen < inv.subscribed_fen => {
                    out.push(Finding::warning(
                        "contribution.due_date_past",
                        at(path::ContributionField::DueDate),
                        "认缴出资日期早于今天，但尚未全部实缴，请核对",
                        "The payment date is in the past but not everything is paid in: check it",
                    ));
                }
                _ => {}
            }
        }
    }
    if entity == EntityType::JointStock {
        check_shares(app, out);
    }
}

/// Whether an investor of `entity` may contribute in `method` (a limited partner:
/// `is_limited_partner`): the capital step offers exactly these.
pub fn contribution_allowed(
    entity: EntityType,
    is_limited_partner: bool,
    method: ContributionMethod,
) -> bool {
    use ContributionMethod::*;
    let barred = entity.is_company() && matches!(method, Labour | OtherPropertyRight)
        || matches!(
            entity,
            EntityType::SoleProprietorship | EntityType::IndividualBusiness
        ) && method == Labour
        || is_limited_partner && method == Labour;
    !barred
}

fn check_method(
    entity: EntityType,
    is_limited_partner: bool,
    method: ContributionMethod,
    who: &str,
    path: impl FnOnce() -> String,
    out: &mut Vec<Finding>,
) {
    use ContributionMethod::*;
    if contribution_allowed(entity, is_limited_partner, method) {
        return;
    }
    if entity.is_company() && matches!(method, Labour | OtherPropertyRight) {
        out.push(Finding::error(
            "contribution.method_not_allowed",
            path(),
            format!("公司股东不得以{}出资；可以用货币、实物、知识产权、土地使用权、股权、债权、数据、网络虚拟财产出资（《公司法》第四十八条）", method.label().zh),
            format!("Company shareholders may not contribute {}; use cash, property, IP, land-use rights, equity, debt claims, data or virtual property (Company Law, Art 48)", method.label().en.to_lowercase()),
        ));
    } else if matches!(
        entity,
        EntityType::SoleProprietorship | EntityType::IndividualBusiness
    ) && method == Labour
    {
        out.push(Finding::error(
            "contribution.method_not_allowed",
            path(),
            "投资人不能以劳务作为出资",
            "An investor cannot contribute labour",
        ));
    } else if is_limited_partner && method == Labour {
        out.push(Finding::error(
            "contribution.limited_partner_labour",
            path(),
            format!("有限合伙人“{who}”不得以劳务出资（《合伙企业法》第六十四条）"),
            format!("Limited partner “{who}” may not contribute labour (Partnership Enterprise Law, Art 64)"),
        ));
    }
}

fn check_shares(app: &Indexed, out: &mut Vec<Finding>) {
    let c = &app.capital;
    let (Some(total), Some(par)) = (c.total_shares, c.par_value_fen) else {
        out.push(Finding::error(
            "shares.required",
            path::CAPITAL_TOTAL_SHARES,
            "请填写股份总数和每股金额",
            "Enter the number of shares and the par value per share",
        ));
        return;
    };
    if let Some(registered) = c.registered_fen {
        if total.checked_mul(par) != Some(registered) {
            out.push(Finding::error(
                "shares.capital_mismatch",
                path::CAPITAL_TOTAL_SHARES,
                format!("股份总数×每股金额应等于注册资本{}万元（《公司法》第九十六条）", format_wan(registered)),
                format!("Number of shares × par value must equal the registered capital of {} 万元 (Company Law, Art 96)", format_wan(registered)),
            ));
        }
    }
    let subscribed: u64 = app.investors.iter().filter_map(|i| i.shares).sum();
    match c.establishment_method {
        EstablishmentMethod::Promotion if subscribed != total => out.push(Finding::error(
            "shares.promotion_all_subscribed",
            path::CAPITAL_TOTAL_SHARES,
            format!("发起设立时发起人应当认购设立时应发行的全部股份：已认购{subscribed}股，共{total}股（《公司法》第九十七条）"),
            format!("In promotion, the founders subscribe all shares issued at establishment: {subscribed} of {total} (Company Law, Art 97)"),
        )),
        EstablishmentMethod::PublicSubscription if subscribed * 100 < total * 35 => out.push(Finding::error(
            "shares.subscription_minimum",
            path::CAPITAL_TOTAL_SHARES,
            "募集设立时发起人认购的股份不得少于公司设立时应发行股份总数的35%（《公司法》第九十七条）",
            "In public subscription, founders subscribe at least 35% of the shares issued at establishment (Company Law, Art 97)",
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ContributionMethod, PartnerKind};
    use crate::rules::testing::*;

    #[test]
    fn contributions_must_add_up_to_the_capital_exactly() {
        let mut app = example("llc");
        app.investors[0].subscribed_fen += 1;
        app.investors[0].contributions[0].amount_fen += 1;
        let f = find(&app, "capital.sum_mismatch");
        assert_eq!(f.path, "capital.registered_fen");
        assert!(f.message_zh.contains("第四十七条"));
    }

    #[test]
    fn each_holders_methods_add_up_to_their_subscription() {
        let mut app = example("llc");
        app.investors[1].contributions[0].amount_fen -= 100;
        assert_eq!(
            find(&app, "contribution.methods_sum_mismatch").path,
            "investors[1].contributions"
        );
    }

    #[test]
    fn due_dates_beyond_five_years_are_refused_with_the_limit_shown() {
        let mut app = example("llc");
        app.investors[1].contributions[0].due_date = Some("2031-01-02".parse().unwrap());
        let f = find(&app, "contribution.due_date_beyond_five_years");
        assert_eq!(f.path, "investors[1].contributions[0].due_date");
        assert!(f.message_zh.contains("2031-01-01"));
        app.investors[1].contributions[0].due_date = Some("2031-01-01".parse().unwrap());
        assert_no(&app, "contribution.due_date_beyond_five_years");
    }

    #[test]
    fn methods_depend_on_entity_and_partner_kind() {
        let mut app = example("llc");
        app.investors[0].contributions[0].method = ContributionMethod::Labour;
        find(&app, "contribution.method_not_allowed");
        let mut lp = example("limited_partnership");
        let i = lp
            .investors
            .iter()
            .position(|i| i.partner_kind == Some(PartnerKind::Limited))
            .unwrap();
        lp.investors[i].contributions[0].method = ContributionMethod::Labour;
        find(&lp, "contribution.limited_partner_labour");
        let mut gp = example("general_partnership");
        gp.investors[0].contributions[0].method = ContributionMethod::Labour;
        assert_no(&gp, "contribution.limited_partner_labour");
        assert_no(&gp, "contribution.method_not_allowed");
    }

    #[test]
    fn non_cash_needs_appraisal_and_other_capital_checks() {
        let mut app = example("llc");
        app.investors[0].contributions[0].method = ContributionMethod::IntellectualProperty;
        assert!(!find(&app, "contribution.appraisal_missing").is_error());
        let mut app = example("llc");
        app.capital.registered_fen = None;
        find(&app, "capital.required");
        let mut app = example("llc");
        app.investors[0].paid_fen = app.investors[0].subscribed_fen + 1;
        find(&app, "contribution.paid_exceeds_subscribed");
        let mut app = example("llc");
        app.investors[0].contributions[0].due_date = None;
        find(&app, "contribution.due_date_required");
        let mut app = example("llc");
        app.investors[0].contributions[0].amount_fen = 0;
        find(&app, "contribution.amount_required");
        let mut app = example("llc");
        app.investors[0].contributions.clear();
        find(&app, "contribution.methods_required");
        let mut app = example("llc");
        app.investors[0].subscribed_fen = 0;
        find(&app, "contribution.subscribed_required");
    }

    #[test]
    fn abnormal_capital_is_a_warning() {
        let mut app = example("llc");
        let big = 200_000 * crate::money::FEN_PER_WAN;
        app.capital.registered_fen = Some(big);
        assert!(!find(&app, "capital.abnormally_large").is_error());
        let mut gp = example("general_partnership");
        gp.investors[0].contributions[0].due_date = Some("2060-01-01".parse().unwrap());
        assert!(!find(&gp, "contribution.due_date_abnormal").is_error());
    }

    #[test]
    fn jsc_founders_pay_in_full_and_shares_match() {
        let mut jsc = example("joint_stock");
        jsc.investors[0].paid_fen = 0;
        find(&jsc, "contribution.jsc_paid_in_full");
        let mut jsc = example("joint_stock");
        jsc.capital.total_shares = jsc.capital.total_shares.map(|t| t + 1);
        find(&jsc, "shares.capital_mismatch");
        find(&jsc, "shares.promotion_all_subscribed");
        let mut jsc = example("joint_stock");
        jsc.capital.par_value_fen = None;
        find(&jsc, "shares.required");
        let mut jsc = example("joint_stock");
        jsc.capital.establishment_method = crate::model::EstablishmentMethod::PublicSubscription;
        jsc.capital.total_shares = jsc.capital.total_shares.map(|t| t * 3);
        find(&jsc, "shares.subscription_minimum");
    }
}
