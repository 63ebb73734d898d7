//! What can be checked of the bundle before the agencies see it: services the deployment
//! offers, choices from its lists, the conditions a choice depends on, the housing fund's
//! rate, dates, and the people each agency will deal with.

use super::{Employees, SealKind, Service, TaxpayerKind};
use crate::date::Date;
use crate::path;
use crate::rules::{Context, Finding, Indexed};

/// How far ahead a bank appointment may be made.
pub const BANK_DAYS_AHEAD: i64 = 30;
pub const HOUSING_RATE_MIN: u8 = 5;
pub const HOUSING_RATE_MAX: u8 = 12;

pub(crate) fn check(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let bundle = &app.bundle;
    for service in bundle.taken() {
        if !ctx.bundle.offers(service) {
            out.push(Finding::error(
                "bundle.service_not_offered",
                service_path(service),
                format!("本平台不提供“{}”服务，请取消该项", service.label().zh),
                format!(
                    "This service does not offer “{}”: leave it out",
                    service.label().en
                ),
            ));
        }
    }
    seals(app, ctx, out);
    tax(app, out);
    if bundle.social_insurance.is_some() || bundle.housing_fund.is_some() {
        employees(&bundle.employees, ctx.today, out);
    }
    if let Some(fund) = &bundle.housing_fund {
        match fund.rate_percent {
            None => out.push(Finding::error(
                "bundle.housing_rate_required",
                path::BUNDLE_HOUSING_RATE,
                "请填写住房公积金缴存比例",
                "Enter the housing fund contribution rate",
            )),
            Some(rate) if !(HOUSING_RATE_MIN..=HOUSING_RATE_MAX).contains(&rate) => {
                out.push(Finding::error(
                    "bundle.housing_rate_range",
                    path::BUNDLE_HOUSING_RATE,
                    format!("住房公积金缴存比例应在{HOUSING_RATE_MIN}%至{HOUSING_RATE_MAX}%之间（《住房公积金管理条例》第十八条；建金〔2005〕5号）"),
                    format!("The housing fund rate must be {HOUSING_RATE_MIN}% to {HOUSING_RATE_MAX}% (Housing Provident Fund Regulations, Art 18; Jianjin [2005] No 5)"),
                ));
            }
            Some(_) => {}
        }
    }
    bank(app, ctx, out);
    people(app, out);
}

fn service_path(service: Service) -> &'static str {
    match service {
        Service::Seals => path::BUNDLE_SEALS,
        Service::Tax => path::BUNDLE_TAX,
        Service::SocialInsurance => path::BUNDLE_SOCIAL,
        Service::HousingFund => path::BUNDLE_HOUSING,
        Service::Bank => path::BUNDLE_BANK,
    }
}

fn seals(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(seals) = &app.bundle.seals else {
        return;
    };
    if seals.kinds.is_empty() {
        out.push(Finding::error(
            "bundle.seals_required",
            path::BUNDLE_SEAL_KINDS,
            "请至少选择一枚要刻制的印章",
            "Choose at least one seal to engrave",
        ));
    }
    if seals.kinds.contains(&SealKind::Invoice) && app.bundle.tax.is_none() {
        out.push(Finding::error(
            "bundle.invoice_seal_needs_tax",
            path::BUNDLE_SEAL_KINDS,
            "发票专用章用于开具发票，须同时办理税务登记和发票申领（《中华人民共和国发票管理办法》第二十二条）",
            "The invoice seal is for issuing invoices: take the tax registration and invoices too (Invoice Administration Measures, Art 22)",
        ));
    }
    let has_representative = app.entity_type.is_some_and(|t| t.is_company());
    if seals.kinds.contains(&SealKind::LegalRepresentative) && !has_representative {
        out.push(Finding::error(
            "bundle.name_seal_needs_legal_representative",
            path::BUNDLE_SEAL_KINDS,
            "只有设法定代表人的公司才刻制法定代表人名章",
            "Only a company, which has a legal representative, has a legal representative's name seal",
        ));
    }
    if seals.engraver.code.is_empty() {
        out.push(Finding::error(
            "bundle.engraver_required",
            path::BUNDLE_SEAL_ENGRAVER,
            "请选择刻章企业",
            "Choose the engraver",
        ));
    } else {
        match ctx.bundle.engraver(&seals.engraver.code) {
            None => out.push(Finding::error(
                "bundle.engraver_unknown",
                path::BUNDLE_SEAL_ENGRAVER,
                "所选刻章企业不在本平台的名单中，请重新选择",
                "The engraver chosen is not on this service's list: choose again",
            )),
            Some(listed) => {
                filed_as_listed(&seals.engraver, listed, path::BUNDLE_SEAL_ENGRAVER, out)
            }
        }
    }
}

fn tax(app: &Indexed, out: &mut Vec<Finding>) {
    let Some(tax) = &app.bundle.tax else {
        return;
    };
    if tax.taxpayer == TaxpayerKind::General && !tax.accounting_sound {
        out.push(Finding::error(
            "bundle.general_taxpayer_conditions",
            path::BUNDLE_TAX_ACCOUNTING,
            "登记为一般纳税人，须承诺会计核算健全、能够提供准确税务资料（《增值税一般纳税人登记管理办法》第四条）",
            "To register as a general taxpayer, declare that the accounts are sound and give accurate tax data (VAT General Taxpayer Registration Measures, Art 4)",
        ));
    }
    if tax.invoices.is_empty() {
        out.push(Finding::error(
            "bundle.invoices_required",
            path::BUNDLE_INVOICES,
            "请选择要申领的发票种类",
            "Choose the kinds of invoice to apply for",
        ));
    }
    if tax.tax_officer_id.is_none() {
        out.push(Finding::error(
            "bundle.tax_officer_required",
            path::BUNDLE_TAX_OFFICER,
            "请选择办税人",
            "Choose who deals with the tax office",
        ));
    } else if !tax.real_name_confirmed {
        out.push(Finding::error(
            "bundle.real_name_required",
            path::BUNDLE_TAX_REAL_NAME,
            "办税人须确认以本人身份实名办税（《国家税务总局关于进一步推进实名办税工作的通知》）",
            "The tax officer must confirm they deal with the tax office in their own name (SAT notice on real-name tax handling)",
        ));
    }
}

fn employees(employees: &Employees, today: Date, out: &mut Vec<Finding>) {
    if !employees.now {
        return;
    }
    if employees.count.unwrap_or(0) == 0 {
        out.push(Finding::error(
            "bundle.employee_count_required",
            path::BUNDLE_EMPLOYEE_COUNT,
            "请填写现有职工人数（至少1人）",
            "Enter how many people you employ (at least 1)",
        ));
    }
    match month(&employees.start_month) {
        None => out.push(Finding::error(
            "bundle.start_month_invalid",
            path::BUNDLE_START_MONTH,
            "请填写开始缴费的年月，例如 2027-01",
            "Enter the month contributions start, e.g. 2027-01",
        )),
        Some((year, m)) if (year, m) < (today.year, today.month) => out.push(Finding::error(
            "bundle.start_month_past",
            path::BUNDLE_START_MONTH,
            "开始缴费的月份不能早于本月；补缴请到社保经办机构办理",
            "Contributions cannot start before this month; back payments are made at the social insurance office",
        )),
        Some(_) => {}
    }
}

/// `YYYY-MM`.
fn month(text: &str) -> Option<(i32, u8)> {
    let (year, month) = text.trim().split_once('-')?;
    let (year, month) = (year.parse().ok()?, month.parse().ok()?);
    (year > 1900 && (1..=12).contains(&month) && text.trim().len() == 7).then_some((year, month))
}

fn bank(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(bank) = &app.bundle.bank else {
        return;
    };
    match ctx.bundle.bank(&bank.bank.code) {
        None => out.push(Finding::error(
            "bundle.bank_required",
            path::BUNDLE_BANK_NAME,
            "请选择开户银行",
            "Choose the bank",
        )),
        Some(listed) => {
            if let Some(filed) = ctx.bundle.bank_listed(&listed.code) {
                filed_as_listed(&bank.bank, &filed, path::BUNDLE_BANK_NAME, out);
            }
            match listed.branches.iter().find(|b| b.code == bank.branch.code) {
                None => out.push(Finding::error(
                    "bundle.branch_required",
                    path::BUNDLE_BANK_BRANCH,
                    "请选择该银行的开户网点",
                    "Choose a branch of that bank",
                )),
                Some(branch) => {
                    filed_as_listed(&bank.branch, branch, path::BUNDLE_BANK_BRANCH, out)
                }
            }
        }
    }
    match bank.date {
        None => out.push(Finding::error(
            "bundle.bank_date_required",
            path::BUNDLE_BANK_DATE,
            "请选择预约日期",
            "Choose the day of the appointment",
        )),
        Some(date) => {
            let ahead = date.days_since_epoch() - ctx.today.days_since_epoch();
            if !(1..=BANK_DAYS_AHEAD).contains(&ahead) {
                out.push(Finding::error(
                    "bundle.bank_date_range",
                    path::BUNDLE_BANK_DATE,
                    format!("预约日期须在明天起{BANK_DAYS_AHEAD}天之内"),
                    format!(
                        "The appointment must be between tomorrow and {BANK_DAYS_AHEAD} days ahead"
                    ),
                ));
            } else if date.is_weekend() {
                out.push(Finding::error(
                    "bundle.bank_date_weekend",
                    path::BUNDLE_BANK_DATE,
                    "银行网点预约开户只在工作日办理，请选择周一至周五",
                    "Branches open accounts by appointment on working days: choose Monday to Friday",
                ));
            }
        }
    }
    if bank.operators.is_empty() {
        out.push(Finding::error(
            "bundle.operators_required",
            path::BUNDLE_BANK_OPERATORS,
            "请选择至少一名账户操作人",
            "Choose at least one person to operate the account",
        ));
    }
    for (i, id) in bank.operators.iter().enumerate() {
        if bank.operators[..i].contains(id) {
            out.push(Finding::error(
                "bundle.operator_twice",
                path::bank_operator(i),
                "同一人员被选择了两次",
                "The same person is chosen twice",
            ));
        }
    }
    let representative = app.officers.legal_representative_id.as_ref();
    let is_company = app.entity_type.is_some_and(|t| t.is_company());
    if is_company && representative.is_some_and(|r| !bank.operators.contains(r)) {
        out.push(Finding::warning(
            "bundle.bank_without_representative",
            path::BUNDLE_BANK_OPERATORS,
            "法定代表人不在账户操作人中：开户时须由法定代表人本人到场，或出具授权书",
            "The legal representative is not among the operators: they must come to the branch themselves or sign an authorisation",
        ));
    }
}

/// A choice filed with other names than the deployment's list gives it (the documents print
/// the filed names).
fn filed_as_listed(
    filed: &super::Listed,
    listed: &super::Listed,
    at: &str,
    out: &mut Vec<Finding>,
) {
    if filed != listed {
        out.push(Finding::error(
            "bundle.listed_name_differs",
            at,
            format!("所选“{}”的名称与本平台名单不一致，请重新选择", listed.zh),
            format!(
                "The name filed for “{}” differs from this service's list: choose again",
                listed.en
            ),
        ));
    }
}

/// Each person an agency will deal with is in the application, a natural person, and reachable
/// on their own mobile (agencies confirm by text message).
fn people(app: &Indexed, out: &mut Vec<Finding>) {
    for (id, at) in app.bundle.people() {
        let Some(person) = app.person(id) else {
            out.push(Finding::error(
                "bundle.person_unknown",
                at,
                "所选人员不在本申请中，请重新选择",
                "The person chosen is not in this application: choose again",
            ));
            continue;
        };
        if person.is_organisation() {
            out.push(Finding::error(
                "bundle.person_not_natural",
                at,
                format!("{}是单位，请选择一名自然人", person.name),
                format!(
                    "{} is an organisation: choose a natural person",
                    person.name
                ),
            ));
        } else if person.mobile.trim().is_empty() {
            out.push(Finding::error(
                "bundle.person_mobile_required",
                at,
                format!("{}没有填写手机号码：办理机构须通过本人手机核验，请在其个人信息中填写", person.name),
                format!("{} has no mobile number: the agency verifies by text message, so add it to their details", person.name),
            ));
        }
    }
}
