//! The bundle in words, one line per service taken: the review page and the application form
//! (申请书) say the same.

use super::{Bundle, Service};
use crate::key::Choice;
use crate::model::Application;
use crate::text::Bi;

fn names(app: &Application, ids: &[&String]) -> (String, String) {
    let found: Vec<&str> = ids
        .iter()
        .filter_map(|id| app.person(id))
        .map(|p| p.name.as_str())
        .collect();
    (found.join("、"), found.join(", "))
}

fn labels<T: Choice>(values: &[T]) -> (String, String) {
    let zh: Vec<String> = values.iter().map(|v| v.label().zh.to_string()).collect();
    let en: Vec<String> = values.iter().map(|v| v.label().en.to_string()).collect();
    (zh.join("、"), en.join(", "))
}

/// (service, what is asked of it) for each service `app` takes, in the step's order.
pub fn summary(app: &Application) -> Vec<(Bi, Bi)> {
    let bundle: &Bundle = &app.bundle;
    let mut out = Vec::new();
    for service in bundle.taken() {
        let line = match service {
            Service::Seals => {
                let s = bundle.seals.as_ref().expect("taken");
                let (kinds_zh, kinds_en) = labels(&s.kinds);
                Bi::owned(
                    format!(
                        "{kinds_zh}；{}；刻章企业：{}；{}",
                        s.material.label().zh,
                        s.engraver.zh,
                        s.delivery.label().zh
                    ),
                    format!(
                        "{kinds_en}; {}; engraver: {}; {}",
                        s.material.label().en,
                        s.engraver.en,
                        s.delivery.label().en
                    ),
                )
            }
            Service::Tax => {
                let t = bundle.tax.as_ref().expect("taken");
                let (invoices_zh, invoices_en) = labels(&t.invoices);
                let (officer_zh, officer_en) =
                    names(app, &t.tax_officer_id.iter().collect::<Vec<_>>());
                Bi::owned(
                    format!(
                        "{}；{invoices_zh}；办税人：{officer_zh}；{}",
                        t.taxpayer.label().zh,
                        t.accounting_standard.label().zh
                    ),
                    format!(
                        "{}; {invoices_en}; tax officer: {officer_en}; {}",
                        t.taxpayer.label().en,
                        t.accounting_standard.label().en
                    ),
                )
            }
            Service::SocialInsurance | Service::HousingFund => {
                let e = &bundle.employees;
                let (staff_zh, staff_en) = if e.now {
                    (
                        format!(
                            "现有职工{}人，自{}起缴费",
                            e.count.unwrap_or(0),
                            e.start_month
                        ),
                        format!(
                            "{} employees, contributions from {}",
                            e.count.unwrap_or(0),
                            e.start_month
                        ),
                    )
                } else {
                    ("暂无职工".to_string(), "no employees yet".to_string())
                };
                let (rate_zh, rate_en, agent) = match service {
                    Service::HousingFund => {
                        let h = bundle.housing_fund.as_ref().expect("taken");
                        let rate = h.rate_percent.map(|r| r.to_string()).unwrap_or_default();
                        (
                            format!("；缴存比例{rate}%"),
                            format!("; rate {rate}%"),
                            h.agent_id.as_ref(),
                        )
                    }
                    _ => (
                        String::new(),
                        String::new(),
                        bundle
                            .social_insurance
                            .as_ref()
                            .and_then(|s| s.agent_id.as_ref()),
                    ),
                };
                let (agent_zh, agent_en) = names(app, &agent.into_iter().collect::<Vec<_>>());
                Bi::owned(
                    format!("{staff_zh}{rate_zh}；经办人：{agent_zh}"),
                    format!("{staff_en}{rate_en}; handled by {agent_en}"),
                )
            }
            Service::Bank => {
                let b = bundle.bank.as_ref().expect("taken");
                let date = b.date.map(|d| d.to_string()).unwrap_or_default();
                let (operators_zh, operators_en) =
                    names(app, &b.operators.iter().collect::<Vec<_>>());
                Bi::owned(
                    format!(
                        "{}{}；{date} {}；账户操作人：{operators_zh}",
                        b.bank.zh,
                        b.branch.zh,
                        b.slot.label().zh
                    ),
                    format!(
                        "{}, {}; {date} {}; operated by {operators_en}",
                        b.bank.en,
                        b.branch.en,
                        b.slot.label().en
                    ),
                )
            }
        };
        out.push((service.label(), line));
    }
    out
}
