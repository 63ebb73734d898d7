use super::*;

#[test]
fn guiyang_districts_have_short_names_and_a_chain() {
    let all = Divisions::national();
    let gsh = all.find("520115").unwrap();
    assert_eq!(gsh.level, DivisionLevel::County);
    assert_eq!(gsh.short_name(), "观山湖");
    assert_eq!(gsh.name_en, "Guanshanhu District");
    assert_eq!(all.find("520100").unwrap().short_name(), "贵阳");
    assert_eq!(all.find("520000").unwrap().short_name(), "贵州");
    assert_eq!(all.find("522600").unwrap().short_name(), "黔东南");
    assert_eq!(all.find("450000").unwrap().short_name(), "广西");
    assert_eq!(all.find("650000").unwrap().short_name(), "新疆");
    let names = |code| {
        let place = all.place(code);
        let zh: String = place.iter().map(|p| p.zh.as_str()).collect();
        let en: Vec<_> = place.iter().rev().map(|p| p.en.as_str()).collect();
        (zh, en.join(", "))
    };
    assert_eq!(
        names("520115"),
        (
            "贵州省贵阳市观山湖区".to_string(),
            "Guanshanhu District, Guiyang City, Guizhou Province".to_string()
        )
    );
    assert_eq!(names("110108").0, "北京市海淀区");
    assert_eq!(names("441900").0, "广东省东莞市");
    assert_eq!(all.find("441900").unwrap().level, DivisionLevel::County);
    assert_eq!(all.children("441900").count(), 1);
    assert!(gsh.matches("gsh") && gsh.matches("观山") && gsh.matches("Guanshan"));
    assert!(!gsh.matches("gy"));
}

/// The national data as the issue counts them (NBS 2023): 31 provinces, 342 prefectures,
/// 2 978 counties; every county resolves to its prefecture and province.
#[test]
fn every_county_resolves_to_its_prefecture_and_province() {
    let all = Divisions::national();
    assert_eq!(all.provinces().count(), 31);
    assert_eq!(all.level(DivisionLevel::Prefecture).count(), 342);
    assert_eq!(all.counties().count(), 2978);
    for county in all.counties() {
        let chain = all.chain(&county.code);
        assert_eq!(chain.len(), 3, "{} {}", county.code, county.name_zh);
        assert_eq!(chain[0].level, DivisionLevel::Province);
        assert_eq!(chain[1].level, DivisionLevel::Prefecture);
        assert_eq!(chain[0].code[..2], county.code[..2]);
        assert_eq!(chain[1].code[..4], county.code[..4]);
        assert!(all.chunk_of(&county.code).is_some(), "{}", county.code);
        assert!(!county.name_en.is_empty() && !county.initials.is_empty());
    }
}

/// English search compares the query and each name as it goes, where it made a search form of
/// each (lower case, no spaces or apostrophes): the same answer as that form's `starts_with`,
/// for every division of the national index and every prefix of its name (and one letter off),
/// spaces, apostrophes and capitals included.
#[test]
fn english_search_answers_as_the_search_form_would() {
    let copied_form = |text: &str| text.to_ascii_lowercase().replace([' ', '\''], "");
    let mut compared = 0;
    for d in Divisions::national().all() {
        let form = copied_form(&d.name_en);
        for end in (0..=form.len()).filter(|&i| form.is_char_boundary(i)) {
            let prefix = &form[..end];
            let off = format!("{prefix}q");
            for query in [prefix, off.as_str()] {
                assert_eq!(
                    starts_with(search_form(&d.name_en), search_form(query)),
                    form.starts_with(query),
                    "{} / {query}",
                    d.name_en
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 50_000, "{compared}");
    let xian = Township::from((
        "610102001".into(),
        "西安".into(),
        "Xi'an Street".into(),
        "xa".into(),
    ));
    for typed in ["XI AN ST", "xian", "xi'an street", "Xian Street", "XA"] {
        assert!(xian.matches(typed), "{typed}");
    }
    assert!(!xian.matches("xiant"));
}
