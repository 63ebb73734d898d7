//! Each bundle rule on the LLC example taking every service (samples::with_full_bundle), one
//! value broken at a time; and the section each agency receives.

use super::*;
use crate::model::Application;
use crate::rules::testing::{assert_no, example, find_at, findings, today};

fn full() -> Application {
    crate::samples::with_full_bundle(example("llc"), today())
}

fn errors(app: &Application) -> Vec<String> {
    findings(app)
        .into_iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} @ {}", f.code, f.path))
        .collect()
}

#[test]
fn every_service_taken_rightly_passes_for_every_company_and_partnership() {
    for kind in [
        "llc",
        "one_person_llc",
        "joint_stock",
        "general_partnership",
        "limited_partnership",
        "sole_proprietorship",
        "individual_business",
    ] {
        let app = crate::samples::with_full_bundle(example(kind), today());
        assert_eq!(errors(&app), Vec::<String>::new(), "{kind}");
    }
}

#[test]
fn seals_need_a_kind_a_listed_engraver_and_what_each_seal_depends_on() {
    let mut app = full();
    app.bundle.seals.as_mut().unwrap().kinds.clear();
    find_at(&app, "bundle.seals_required", "bundle.seals.kinds");
    let mut app = full();
    app.bundle.tax = None;
    let f = find_at(&app, "bundle.invoice_seal_needs_tax", "bundle.seals.kinds");
    assert!(f.message_zh.contains("发票管理办法") && f.message_en.contains("Invoice"));
    let mut app = crate::samples::with_full_bundle(example("sole_proprietorship"), today());
    app.bundle
        .seals
        .as_mut()
        .unwrap()
        .kinds
        .push(SealKind::LegalRepresentative);
    find_at(
        &app,
        "bundle.name_seal_needs_legal_representative",
        "bundle.seals.kinds",
    );
    let mut app = full();
    app.bundle.seals.as_mut().unwrap().engraver.zh = "别家印章有限公司".into();
    find_at(&app, "bundle.listed_name_differs", "bundle.seals.engraver");
    app.bundle.seals.as_mut().unwrap().engraver.code = "ELSEWHERE".into();
    find_at(&app, "bundle.engraver_unknown", "bundle.seals.engraver");
    app.bundle.seals.as_mut().unwrap().engraver = Listed::default();
    find_at(&app, "bundle.engraver_required", "bundle.seals.engraver");
}

#[test]
fn tax_needs_the_general_taxpayers_condition_invoices_and_a_real_named_officer() {
    let mut app = full();
    app.bundle.tax.as_mut().unwrap().accounting_sound = false;
    let f = find_at(
        &app,
        "bundle.general_taxpayer_conditions",
        "bundle.tax.accounting_sound",
    );
    assert!(f.message_zh.contains("第四条"));
    app.bundle.tax.as_mut().unwrap().taxpayer = TaxpayerKind::SmallScale;
    assert_no(&app, "bundle.general_taxpayer_conditions");
    let mut app = full();
    app.bundle.tax.as_mut().unwrap().invoices.clear();
    find_at(&app, "bundle.invoices_required", "bundle.tax.invoices");
    let mut app = full();
    app.bundle.tax.as_mut().unwrap().real_name_confirmed = false;
    find_at(
        &app,
        "bundle.real_name_required",
        "bundle.tax.real_name_confirmed",
    );
    app.bundle.tax.as_mut().unwrap().tax_officer_id = None;
    find_at(
        &app,
        "bundle.tax_officer_required",
        "bundle.tax.tax_officer_id",
    );
}

#[test]
fn employees_and_the_housing_fund_rate() {
    let mut app = full();
    app.bundle.employees.count = Some(0);
    find_at(
        &app,
        "bundle.employee_count_required",
        "bundle.employees.count",
    );
    for month in ["", "2026-13", "2026-1", "二〇二六年"] {
        let mut app = full();
        app.bundle.employees.start_month = month.into();
        find_at(
            &app,
            "bundle.start_month_invalid",
            "bundle.employees.start_month",
        );
    }
    let mut app = full();
    app.bundle.employees.start_month = "2025-12".into();
    find_at(
        &app,
        "bundle.start_month_past",
        "bundle.employees.start_month",
    );
    app.bundle.employees.now = false;
    assert_no(&app, "bundle.start_month_past");
    for (rate, fires) in [(4, true), (5, false), (12, false), (13, true)] {
        let mut app = full();
        app.bundle.housing_fund.as_mut().unwrap().rate_percent = Some(rate);
        if fires {
            let f = find_at(
                &app,
                "bundle.housing_rate_range",
                "bundle.housing_fund.rate_percent",
            );
            assert!(f.message_zh.contains("第十八条"), "{}", f.message_zh);
        } else {
            assert_no(&app, "bundle.housing_rate_range");
        }
    }
    let mut app = full();
    app.bundle.housing_fund.as_mut().unwrap().rate_percent = None;
    find_at(
        &app,
        "bundle.housing_rate_required",
        "bundle.housing_fund.rate_percent",
    );
}

#[test]
fn the_bank_appointment_is_a_listed_branch_on_a_coming_working_day_with_operators() {
    let mut app = full();
    app.bundle.bank.as_mut().unwrap().branch.en = "Some other branch".into();
    find_at(&app, "bundle.listed_name_differs", "bundle.bank.branch");
    app.bundle.bank.as_mut().unwrap().branch.code = "CCB-DEMO-JY".into();
    find_at(&app, "bundle.branch_required", "bundle.bank.branch");
    app.bundle.bank.as_mut().unwrap().bank.code = "NOBANK".into();
    find_at(&app, "bundle.bank_required", "bundle.bank.bank");
    for (date, code) in [
        ((2026, 1, 1), "bundle.bank_date_range"),
        ((2026, 2, 6), "bundle.bank_date_range"),
        ((2026, 1, 3), "bundle.bank_date_weekend"),
    ] {
        let mut app = full();
        app.bundle.bank.as_mut().unwrap().date = crate::date::Date::new(date.0, date.1, date.2);
        find_at(&app, code, "bundle.bank.date");
    }
    // A Friday and a Monday are working days (2026-01-09, 2026-01-12).
    for day in [(2026, 1, 9), (2026, 1, 12)] {
        let mut app = full();
        app.bundle.bank.as_mut().unwrap().date = crate::date::Date::new(day.0, day.1, day.2);
        assert_no(&app, "bundle.bank_date_weekend");
    }
    let mut app = full();
    let zhang = app.bundle.bank.as_ref().unwrap().operators[0].clone();
    app.bundle.bank.as_mut().unwrap().operators.push(zhang);
    find_at(&app, "bundle.operator_twice", "bundle.bank.operators[1]");
    app.bundle.bank.as_mut().unwrap().operators = vec!["p-li".into()];
    assert!(!find_at(
        &app,
        "bundle.bank_without_representative",
        "bundle.bank.operators"
    )
    .is_error());
    app.bundle.bank.as_mut().unwrap().operators.clear();
    find_at(&app, "bundle.operators_required", "bundle.bank.operators");
}

/// Each person an agency deals with is someone of the application, a natural person with a
/// mobile: a package naming anyone else is refused.
#[test]
fn the_people_named_are_the_applications_natural_persons_with_a_mobile() {
    let mut app = full();
    app.bundle.tax.as_mut().unwrap().tax_officer_id = Some("p-ghost".into());
    find_at(&app, "bundle.person_unknown", "bundle.tax.tax_officer_id");
    let mut app = full();
    app.bundle.social_insurance.as_mut().unwrap().agent_id = Some("o-qianyun".into());
    find_at(
        &app,
        "bundle.person_not_natural",
        "bundle.social_insurance.agent_id",
    );
    let mut app = full();
    let agent = app
        .bundle
        .housing_fund
        .as_ref()
        .unwrap()
        .agent_id
        .clone()
        .unwrap();
    app.persons
        .iter_mut()
        .find(|p| p.id == agent)
        .unwrap()
        .mobile
        .clear();
    find_at(
        &app,
        "bundle.person_mobile_required",
        "bundle.housing_fund.agent_id",
    );
}

#[test]
fn a_service_the_deployment_does_not_offer_is_refused() {
    let app = full();
    let offer = BundleOffer {
        services: vec![Service::Seals, Service::Tax],
        ..BundleOffer::default()
    };
    let found = crate::check(
        &app,
        &crate::Context {
            bundle: &offer,
            ..crate::Context::with_bundled_catalog(today())
        },
    );
    let at: Vec<&str> = found
        .iter()
        .filter(|f| f.code == "bundle.service_not_offered")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        at,
        [
            "bundle.social_insurance",
            "bundle.housing_fund",
            "bundle.bank"
        ]
    );
    assert!(BundleOffer::default().problems().is_empty());
    let empty = BundleOffer {
        engravers: vec![],
        ..BundleOffer::default()
    };
    assert!(empty.problems()[0].contains("no engraver"));
}

/// Each agency gets what it needs and no more; no service, no section.
#[test]
fn each_agency_receives_its_own_data_only() {
    assert_eq!(section(&example("llc")), None);
    let app = full();
    let section = section(&app).unwrap();
    let finance = app
        .person(app.finance_officer_id.as_deref().unwrap())
        .unwrap();
    let seals = serde_json::to_string(&section.seals).unwrap();
    assert!(
        !seals.contains(&finance.id_number),
        "the engraver learns nothing of the finance officer: {seals}"
    );
    let bank = serde_json::to_string(&section.bank).unwrap();
    assert!(
        !bank.contains("rate_percent") && !bank.contains("taxpayer"),
        "{bank}"
    );
    let tax = section.tax.as_ref().unwrap();
    assert_eq!(
        tax.tax_officer.as_ref().unwrap().id_number,
        finance.id_number
    );
    assert!(tax.address.starts_with("贵州省贵阳市"), "{}", tax.address);
    let mut without_name_seal = full();
    without_name_seal
        .bundle
        .seals
        .as_mut()
        .unwrap()
        .kinds
        .retain(|k| *k != SealKind::LegalRepresentative);
    assert_eq!(
        super::section(&without_name_seal)
            .unwrap()
            .seals
            .unwrap()
            .legal_representative,
        None
    );
}

/// Taking a service fills it from what the application says: nothing is typed twice.
#[test]
fn a_service_taken_starts_from_the_application() {
    let mut app = example("llc");
    for service in Service::ALL {
        Bundle::take(&mut app, service);
    }
    let bundle = &app.bundle;
    assert_eq!(
        bundle.tax.as_ref().unwrap().tax_officer_id,
        app.finance_officer_id
    );
    assert_eq!(
        bundle.social_insurance.as_ref().unwrap().agent_id,
        app.liaison_id
    );
    assert_eq!(
        bundle.bank.as_ref().unwrap().operators,
        vec![app.officers.legal_representative_id.clone().unwrap()]
    );
    assert!(bundle
        .seals
        .as_ref()
        .unwrap()
        .kinds
        .contains(&SealKind::LegalRepresentative));
    let mut sole = example("sole_proprietorship");
    Bundle::take(&mut sole, Service::Seals);
    Bundle::take(&mut sole, Service::Bank);
    assert!(!sole
        .bundle
        .seals
        .as_ref()
        .unwrap()
        .kinds
        .contains(&SealKind::LegalRepresentative));
    assert_eq!(
        sole.bundle.bank.as_ref().unwrap().operators,
        vec![sole.investors[0].person_id.clone()]
    );
    sole.bundle.leave(Service::Bank);
    assert!(!sole.bundle.has(Service::Bank) && sole.bundle.has(Service::Seals));
}
