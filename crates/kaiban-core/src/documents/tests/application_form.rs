//! The application form: its attached sheets, its addresses and the services filed with it.

use super::*;

/// The application form carries its attached sheets (domain.md §3.1) for every entity type,
/// and every person the sheets are about.
#[test]
fn the_application_form_has_the_sheets_of_its_entity_type() {
    let sheets: [(&str, &[&str]); 7] = [
        (
            "llc",
            &[
                "法定代表人信息",
                "董事、监事、经理信息",
                "股东（发起人）出资情况",
                "财务负责人、联络员信息",
                "受益所有人信息",
            ],
        ),
        (
            "one_person_llc",
            &[
                "法定代表人信息",
                "董事、监事、经理信息",
                "股东（发起人）出资情况",
                "受益所有人信息",
            ],
        ),
        (
            "joint_stock",
            &["法定代表人信息", "股东（发起人）出资情况", "受益所有人信息"],
        ),
        (
            "general_partnership",
            &[
                "全体合伙人名录及出资情况",
                "执行事务合伙人（委派代表）信息",
                "受益所有人信息",
            ],
        ),
        (
            "limited_partnership",
            &[
                "全体合伙人名录及出资情况",
                "执行事务合伙人（委派代表）信息",
                "受益所有人信息",
            ],
        ),
        (
            "sole_proprietorship",
            &["投资人信息", "财务负责人、联络员信息"],
        ),
        ("individual_business", &["经营者信息", "组成形式"]),
    ];
    for (name, expected) in sheets {
        let app = example(name);
        let form = generate(&app)
            .into_iter()
            .find(|d| d.kind == DocumentKind::ApplicationForm)
            .unwrap();
        let text = form.chinese_text();
        for sheet in expected {
            assert!(text.contains(sheet), "{name}: no sheet {sheet}:\n{text}");
        }
        assert!(text.contains(&format!("名称：{}", app.name.full)), "{name}");
        for role in app.roles() {
            let person = app.person(role.person_id).unwrap();
            assert!(
                text.contains(&person.name),
                "{name}: {:?} {} is not on the form",
                role.role,
                person.name
            );
        }
        let bo = ["sole_proprietorship", "individual_business"].contains(&name);
        assert_eq!(
            text.contains("受益所有人信息"),
            !bo,
            "{name}: beneficial owners only where the law asks"
        );
    }
}

#[test]
fn an_address_typed_with_its_district_names_the_district_once() {
    let mut app = example("individual_business");
    app.domicile.detail = "南明区中华南路28号".into();
    let (zh, _) = super::facts::address(&crate::rules::Indexed::new(&app));
    assert_eq!(zh, "贵州省贵阳市南明区中华南路28号");
    app.domicile.detail = "中华南路28号".into();
    assert_eq!(
        super::facts::address(&crate::rules::Indexed::new(&app)).0,
        "贵州省贵阳市南明区新华路街道中华南路28号"
    );
}

/// The application form lists the services filed with the registration, in the words the
/// review page uses; without any, the form is as before.
#[test]
fn the_application_form_lists_the_bundle() {
    let today = crate::date::Date::new(2026, 6, 1).unwrap();
    let app = crate::samples::with_full_bundle(example("llc"), today);
    let form = generate(&app)
        .into_iter()
        .find(|d| d.kind == DocumentKind::ApplicationForm)
        .unwrap();
    let text = form.chinese_text();
    says(
        &text,
        &[
            "附表 一并办理事项（开办套餐）",
            "印章刻制：公章、财务专用章、发票专用章、合同专用章、法定代表人名章；光敏印章；刻章企业：筑城印章刻制有限公司（演示）",
            "税务登记与发票：一般纳税人",
            "员工参保登记：现有职工5人，自2026-07起缴费",
            "住房公积金缴存登记：现有职工5人，自2026-07起缴费；缴存比例12%",
            "银行预约开户：中国工商银行观山湖支行（演示）；2026-06-08 上午 9:00–12:00；账户操作人：张伟",
        ],
    );
    let plain = generate(&example("llc"))
        .into_iter()
        .find(|d| d.kind == DocumentKind::ApplicationForm)
        .unwrap();
    assert!(!plain.chinese_text().contains("开办套餐"));
}
