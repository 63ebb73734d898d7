use super::*;

#[test]
fn bundled_catalogue_has_all_sample_items() {
    let c = Catalog::bundled();
    assert_eq!(c.items().len(), 58);
    assert_eq!(c.get("G002").unwrap().text_zh, "软件开发");
    assert_eq!(c.get("L002").unwrap().kind, ScopeKind::Licensed);
    assert!(c.get("L018").unwrap().pre_registration);
    assert!(!c.get("L002").unwrap().pre_registration);
    assert_eq!(c.get("L018").unwrap().authority_en, "Commerce authority");
    assert_eq!(c.version(), "kaiban-demo-2025.1");
}

const HEADER: &str = "code,item_zh,item_en,kind,timing,authority_zh,authority_en,industry_code,synonyms,sort,catalogue_version";

fn one(row: &str) -> Result<Catalog, String> {
    Catalog::parse(&format!("{HEADER}\n{row}\n"))
}

/// 前置/后置, authorities, synonyms and order come from the file; a malformed file is
/// refused with the row and what is wrong.
#[test]
fn a_deployments_catalogue_is_read_from_its_columns() {
    let c = one("X9,烟草制品零售,Tobacco retail,许可,前置,烟草专卖局,Tobacco monopoly bureau,5227,卖烟;cigarettes,5,gy-2026.03").unwrap();
    let item = c.get("X9").unwrap();
    assert!(item.pre_registration && item.kind == ScopeKind::Licensed);
    assert_eq!(
        (item.authority_zh.as_str(), item.authority_en.as_str()),
        ("烟草专卖局", "Tobacco monopoly bureau")
    );
    assert_eq!(c.search("卖烟")[0].id, "X9");
    assert_eq!(c.search("cigar")[0].id, "X9");
    assert_eq!(c.version(), "gy-2026.03");
    for (row, problem) in [
        ("X1,零售,Retail,其他,,,,,,1,v1", "kind must be 一般 or 许可"),
        (
            "X1,零售,Retail,许可,,局,Bureau,,,1,v1",
            "timing must be 前置 or 后置",
        ),
        ("X1,零售,Retail,许可,后置,,,,,1,v1", "names its authority"),
        (
            "X1,零售,Retail,一般,前置,,,,,1,v1",
            "a general item has no timing",
        ),
        ("X1,,Retail,一般,,,,,,1,v1", "required"),
        (
            "X1,零售,Retail,一般,,,,,,one,v1",
            "sort must be a whole number",
        ),
        ("X1,零售,Retail,一般,,,,,,1,", "catalogue_version is empty"),
        (
            "X1,零售,Retail,一般,,,,,,1,v1\nX1,批发,Wholesale,一般,,,,,,2,v1",
            "appears twice",
        ),
        (
            "X1,零售,Retail,一般,,,,,,1,v1\nX2,批发,Wholesale,一般,,,,,,2,v2",
            "differs",
        ),
    ] {
        let refused = one(row).unwrap_err();
        let line = if row.contains('\n') { "row 3" } else { "row 2" };
        assert!(
            refused.contains(problem) && refused.starts_with(line),
            "{row}: {refused}"
        );
    }
    assert!(Catalog::parse("code,item_zh\nX1,零售")
        .unwrap_err()
        .contains("no column item_en"));
}

/// The JSON form reads as the CSV form does.
#[test]
fn json_and_csv_give_the_same_catalogue() {
    let json = r#"[{"code":"X9","item_zh":"烟草制品零售","item_en":"Tobacco retail","kind":"许可","timing":"前置",
        "authority_zh":"烟草专卖局","authority_en":"Tobacco monopoly bureau","industry_code":"5227",
        "synonyms":["卖烟","cigarettes"],"sort":5,"catalogue_version":"gy-2026.03"}]"#;
    let from_json = Catalog::parse(json).unwrap();
    let from_csv = one("X9,烟草制品零售,Tobacco retail,许可,前置,烟草专卖局,Tobacco monopoly bureau,5227,卖烟;cigarettes,5,gy-2026.03").unwrap();
    assert_eq!(from_json.items(), from_csv.items());
    assert!(Catalog::parse(r#"[{"code":"X","item_zh":"a","item_en":"b","kind":"一般","catalogue_version":"v","extra":1}]"#).is_err());
}

#[test]
fn search_matches_chinese_and_english() {
    let c = Catalog::bundled();
    let hits: Vec<&str> = c.search("软件").iter().map(|i| i.id.as_str()).collect();
    assert!(hits.contains(&"G002") && hits.contains(&"G016") && hits.contains(&"G003"));
    assert_eq!(c.search("软件")[0].text_zh, "软件开发");
    assert!(c.search("auction").iter().any(|i| i.id == "L018"));
    assert!(c.search("不存在的词").is_empty());
}

#[test]
fn licence_text_groups_items_like_a_real_licence() {
    let c = Catalog::bundled();
    let items: Vec<ScopeChoice> = ["G001", "L002", "G002", "L011"]
        .map(|code| c.get(code).unwrap().filed())
        .to_vec();
    assert_eq!(
        licence_text(&items),
        "许可项目：第二类增值电信业务；公章刻制（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）。一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。"
    );
}
