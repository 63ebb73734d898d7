//! Partnership agreements and a joint-stock company's articles, read against their laws.

use super::*;

/// 合伙企业法 Art 18: what every partnership agreement states; Art 63: what a limited
/// partnership's adds.
#[test]
fn partnership_agreements_state_every_item_of_articles_18_and_63() {
    for name in ["general_partnership", "limited_partnership"] {
        let app = example(name);
        let text = agreement(&app);
        let must = |item: &str, found: bool| assert!(found, "{name}: {item} is missing:\n{text}");
        must(
            "(1) name",
            text.contains(&format!("合伙企业名称：{}", app.name.full)),
        );
        must(
            "(1) main place of business",
            text.contains("主要经营场所") && text.contains(&app.domicile.detail),
        );
        let scope = crate::catalog::licence_text(&app.business_scope.items);
        must(
            "(2) purpose and scope",
            text.contains("合伙目的") && text.contains(&scope),
        );
        for investor in &app.investors {
            let p = app.person(&investor.person_id).unwrap();
            must(
                "(3) partner and domicile",
                text.contains(&format!("{}，住所：{}", p.name, p.address)),
            );
            must(
                "(4) contribution",
                text.contains(&format!("{}（", p.name))
                    && text.contains(&format!(
                        "认缴出资额{}万元",
                        format_wan(investor.subscribed_fen)
                    )),
            );
            for c in &investor.contributions {
                must(
                    "(4) method and date",
                    text.contains(&format!(
                        "以{}出资{}万元",
                        c.method.label().zh,
                        format_wan(c.amount_fen)
                    )),
                );
            }
            must(
                "signature of every partner",
                text.contains(&signature_line("合伙人", p)),
            );
        }
        must("(5) profit and loss", text.contains("利润和亏损"));
        must(
            "(6) running the affairs",
            text.contains("执行事务合伙人") && text.contains("执行合伙事务"),
        );
        for e in &app.executing_partners {
            must(
                "(6) the executing partner",
                text.contains(&format!("委托{}", app.person(&e.partner_id).unwrap().name)),
            );
        }
        must(
            "(7) joining and leaving",
            text.contains("入伙") && text.contains("退伙"),
        );
        must("(8) disputes", text.contains("争议"));
        must(
            "(9) dissolution and liquidation",
            text.contains("解散") && text.contains("清算"),
        );
        must("(10) breach", text.contains("违约责任"));
        let lp = name == "limited_partnership";
        let art63 = [
            (
                "GP and LP named",
                text.contains("普通合伙人：") && text.contains("有限合伙人："),
            ),
            (
                "conditions and choice of the executing partner",
                text.contains("应当由普通合伙人担任"),
            ),
            ("its powers and breach", text.contains("超越权限")),
            ("expulsion and replacement", text.contains("将其除名")),
            (
                "LP joining and leaving",
                text.contains("新入伙的有限合伙人"),
            ),
            (
                "conversion between GP and LP",
                text.contains("有限合伙人转变为普通合伙人"),
            ),
        ];
        for (item, found) in art63 {
            assert_eq!(found, lp, "{name}: Art 63 {item}");
        }
    }
}

#[test]
fn an_organisation_executing_the_partnership_appoints_its_delegate_who_accepts() {
    let app = example("limited_partnership");
    let e = &app.executing_partners[0];
    let delegate = e
        .delegate_id
        .clone()
        .expect("the example's executing partner is an organisation");
    let documents = generate(&app);
    let find = |id: String| {
        documents
            .iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let appointment = find(format!("delegate_appointment:{delegate}"));
    assert_eq!(appointment.signatures.len(), 1);
    assert!(appointment.signatures[0].seals && appointment.signatures[0].person_id == e.partner_id);
    let name = &app.person(&delegate).unwrap().name;
    assert!(appointment.chinese_text().contains(&format!("委派{name}")));
    let acceptance = find(format!("acceptance:{delegate}"));
    assert!(
        acceptance.chinese_text().contains("委派代表")
            && acceptance.chinese_text().contains("本人接受委派")
    );
}

/// Company Law Art 95: what a joint-stock company's articles must state.
#[test]
fn jsc_articles_state_every_item_of_company_law_article_95() {
    let app = example("joint_stock");
    let text = text(&app);
    let must = |item: &str, found: bool| assert!(found, "Art 95 {item} is missing:\n{text}");
    let c = &app.capital;
    must(
        "(1) name and domicile",
        text.contains(&format!("公司名称：{}", app.name.full))
            && text.contains(&app.domicile.detail),
    );
    let scope = crate::catalog::licence_text(&app.business_scope.items);
    must("(2) business scope", text.contains(&scope));
    must(
        "(3) establishment method",
        text.contains("公司的设立方式为发起设立"),
    );
    let shares = c.total_shares.unwrap();
    must(
        "(4) capital",
        text.contains(&format!(
            "注册资本为人民币{}万元",
            format_wan(c.registered_fen.unwrap())
        )),
    );
    must(
        "(4) shares issued",
        text.contains(&format!("设立时发行的股份总数为{shares}股"))
            && text.contains(&format!("已发行的股份数为{shares}股")),
    );
    let par = crate::money::format_yuan_plain(c.par_value_fen.unwrap());
    must(
        "(4) par value",
        text.contains(&format!("每股金额为人民币{par}元")),
    );
    must("(5) class shares", text.contains("类别股"));
    for investor in &app.investors {
        let p = app.person(&investor.person_id).unwrap();
        let taken = format!("发起人{}（", p.name);
        must("(6) founder", text.contains(&taken));
        must(
            "(6) shares taken",
            text.contains(&format!("认购股份{}股", investor.shares.unwrap())),
        );
        for m in &investor.contributions {
            must(
                "(6) how they pay",
                text.contains(&format!("出资方式为{}", m.method.label().zh)),
            );
        }
        must("signature", text.contains(&signature_line("发起人", p)));
    }
    must(
        "(7) board",
        text.contains("公司设董事会") && text.contains("董事会作出决议"),
    );
    must(
        "(8) legal representative",
        text.contains("公司的法定代表人由") && text.contains("变更登记"),
    );
    must("(9) supervision", text.contains("监事"));
    must(
        "(10) profit",
        text.contains("利润分配") || text.contains("税后利润"),
    );
    must(
        "(11) dissolution and liquidation",
        text.contains("解散") && text.contains("清算"),
    );
    must(
        "(12) notices and announcements",
        text.contains("通知") && text.contains("公告"),
    );
    must(
        "(13) other matters",
        text.contains("股东会认为需要规定的其他事项"),
    );
}
