//! The name parser and checks, on real and made-up names.

use super::*;

fn codes(name: &str, entity: EntityType) -> Vec<String> {
    check(name, entity, Divisions::national())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// A company name's region, trade name and industry, as parsed.
fn parts(name: &str) -> (Option<String>, String, Option<String>) {
    let p = parse(name, EntityType::Llc, Divisions::national());
    (p.region, p.trade_name, p.industry)
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn parses_the_four_parts() {
    let p = parse(
        "贵阳云栈科技有限公司",
        EntityType::Llc,
        Divisions::national(),
    );
    assert_eq!(
        parts("贵阳云栈科技有限公司"),
        (some("贵阳"), "云栈".into(), some("科技"))
    );
    assert_eq!(p.form.as_deref(), Some("有限公司"));
    assert!(codes("贵阳云栈科技有限公司", EntityType::Llc).is_empty());
}

#[test]
fn parses_city_district_zone_and_middle_region_forms() {
    assert_eq!(
        parts("贵阳观山湖黔数信息技术有限责任公司"),
        (some("贵阳观山湖"), "黔数".into(), some("信息技术"))
    );
    let z = parse(
        "贵阳高新筑云软件有限公司",
        EntityType::Llc,
        Divisions::national(),
    );
    assert_eq!(z.zone.as_deref(), Some("高新"));
    assert_eq!(z.trade_name, "筑云");
    let m = parse(
        "筑云软件（贵阳）有限公司",
        EntityType::Llc,
        Divisions::national(),
    );
    assert!(m.region_in_middle);
    assert_eq!(m.trade_name, "筑云");
    let lp = parse(
        "贵阳云栈投资合伙企业（有限合伙）",
        EntityType::LimitedPartnership,
        Divisions::national(),
    );
    assert_eq!(lp.form.as_deref(), Some("合伙企业(有限合伙)"));
    assert_eq!(lp.industry.as_deref(), Some("投资"));
    assert!(codes(
        "贵阳云栈投资合伙企业（有限合伙）",
        EntityType::LimitedPartnership
    )
    .is_empty());
}

#[test]
fn every_name_rule_fires() {
    assert!(codes("", EntityType::Llc).contains(&"name.required".to_string()));
    assert!(codes("", EntityType::IndividualBusiness).is_empty());
    assert!(codes("贵阳ABC科技有限公司", EntityType::Llc).contains(&"name.characters".to_string()));
    assert!(
        codes("贵阳云栈2科技有限公司", EntityType::Llc).contains(&"name.characters".to_string())
    );
    assert!(codes("贵阳云栈科技有限公司", EntityType::JointStock)
        .contains(&"name.form_mismatch".to_string()));
    assert!(codes("贵阳云栈科技中心", EntityType::LimitedPartnership)
        .contains(&"name.form_mismatch".to_string()));
    assert!(
        codes("贵阳云栈科技有限公司", EntityType::SoleProprietorship)
            .contains(&"name.form_forbidden_word".to_string())
    );
    assert!(codes("贵阳云栈商贸公司店", EntityType::IndividualBusiness)
        .contains(&"name.form_forbidden_word".to_string()));
    assert!(codes("观山湖云栈科技有限公司", EntityType::Llc)
        .contains(&"name.district_without_city".to_string()));
    assert!(codes("高新区云栈科技有限公司", EntityType::Llc)
        .contains(&"name.zone_without_division".to_string()));
    assert!(codes("云栈科技有限公司", EntityType::Llc).contains(&"name.region_missing".to_string()));
    assert!(codes("贵阳云科技有限公司", EntityType::Llc)
        .contains(&"name.trade_name_too_short".to_string()));
    assert!(codes("贵阳遵义科技有限公司", EntityType::Llc)
        .contains(&"name.trade_name_is_place_or_industry".to_string()));
    assert!(
        codes("贵阳云栈有限公司", EntityType::Llc).contains(&"name.industry_missing".to_string())
    );
    assert!(codes("中国云栈科技有限公司", EntityType::Llc)
        .contains(&"name.restricted_prefix".to_string()));
    assert!(
        codes("贵阳帝王科技有限公司", EntityType::Llc).contains(&"name.banned_word".to_string())
    );
    let long = format!("贵阳{}科技有限公司", "云".repeat(60));
    assert!(codes(&long, EntityType::Llc).contains(&"name.too_long".to_string()));
}

#[test]
fn messages_cite_the_article_in_both_languages() {
    let f = check("贵阳云科技有限公司", EntityType::Llc, Divisions::national());
    let short = f
        .iter()
        .find(|f| f.code == "name.trade_name_too_short")
        .unwrap();
    assert!(short.message_zh.contains("第八条"));
    assert!(short.message_en.contains("Art 8"));
}

/// From every province, generated from the data (not hand-picked): the province, each of its
/// prefectures and the first county of each, in full and short forms, in front and in
/// brackets in the middle, are recognised as the name's 行政区划.
#[test]
fn every_provinces_region_names_are_recognised() {
    let all = Divisions::national();
    let mut tried = 0;
    for province in all.provinces() {
        let mut regions = vec![province.name_zh.clone(), province.short_name().to_string()];
        for prefecture in all.children(&province.code).filter(|p| !p.is_placeholder()) {
            regions.push(prefecture.name_zh.clone());
            regions.push(prefecture.short_name().to_string());
        }
        let county = all
            .counties()
            .find(|c| c.code.starts_with(&province.code[..2]) && !c.name_zh.ends_with('区'))
            .or_else(|| {
                all.counties()
                    .find(|c| c.code.starts_with(&province.code[..2]))
            })
            .unwrap();
        let city = all
            .chain(&county.code)
            .into_iter()
            .rev()
            .skip(1)
            .find(|c| !c.is_placeholder())
            .unwrap();
        regions.push(format!("{}{}", city.short_name(), county.name_zh));
        for region in regions {
            let front = parse(&format!("{region}筑云栈科技有限公司"), EntityType::Llc, all);
            assert_eq!(
                front.region.as_deref(),
                Some(region.as_str()),
                "{region} in front"
            );
            assert_eq!(front.trade_name, "筑云栈", "{region}");
            let middle = parse(
                &format!("筑云栈科技（{region}）有限公司"),
                EntityType::Llc,
                all,
            );
            assert_eq!(
                middle.region.as_deref(),
                Some(region.as_str()),
                "{region} in brackets"
            );
            assert!(middle.region_in_middle);
            tried += 1;
        }
    }
    assert!(tried > 31 * 3, "{tried}");
}

/// N-6 with the national data: another province's place as the trade name is caught.
#[test]
fn a_place_anywhere_in_china_is_not_a_trade_name() {
    let all = Divisions::national();
    let f = check("贵阳海淀科技有限公司", EntityType::Llc, all);
    assert!(
        f.iter()
            .any(|f| f.code == "name.trade_name_is_place_or_industry"),
        "{f:?}"
    );
    let bare = parse("海淀区云栈科技有限公司", EntityType::Llc, all);
    assert_eq!(bare.bare_district, Some(("海淀区".into(), "北京".into())));
}

/// A name as long as an applicant may paste (the hardening e2e test pastes 700 000
/// characters): only prefixes as long as the longest region are looked up. Looking up every
/// prefix took time quadratic in the name's length, and this test would not finish.
#[test]
fn a_very_long_name_is_parsed_like_a_short_one() {
    let long = format!("贵州省{}科技有限公司", "很".repeat(300_000));
    let (region, trade, industry) = parts(&long);
    assert_eq!(region, some("贵州省"));
    assert_eq!(trade.chars().count(), 300_000);
    assert_eq!(industry, some("科技"));
}
