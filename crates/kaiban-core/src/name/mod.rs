//! Enterprise names (企业名称): split into 行政区划 + 字号 + 行业 + 组织形式 and check each
//! part against 企业名称登记管理规定 (2020) and the entity type.

mod words;

use crate::catalog::divisions::{Division, DivisionLevel, Divisions};
use crate::ids::normalise;
use crate::model::EntityType;
use crate::rules::Finding;
use rustc_hash::FxHashSet;
use words::{BANNED_WORDS, INDUSTRY_WORDS, RESTRICTED_PREFIXES, ZONE_WORDS};

const PATH: &str = crate::path::NAME_FULL;
pub const MAX_LENGTH: usize = 50;

/// A name split into its parts. Parts that could not be found are `None` / empty.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ParsedName {
    pub normalised: String,
    pub region: Option<String>,
    /// The region stands in brackets after the trade name: 字号（贵阳）行业有限公司.
    pub region_in_middle: bool,
    pub zone: Option<String>,
    pub trade_name: String,
    pub industry: Option<String>,
    pub form: Option<String>,
    /// The form found belongs to another entity type.
    pub form_mismatch: bool,
    /// Starts with a city district without its city (观山湖… instead of 贵阳观山湖…), and
    /// that city's short name.
    pub bare_district: Option<(String, String)>,
    /// Starts with a development-zone word without a division (高新区…).
    pub bare_zone: Option<String>,
}

fn forms_for(entity: EntityType) -> &'static [&'static str] {
    match entity {
        EntityType::Llc | EntityType::OnePersonLlc => &["有限责任公司", "有限公司"],
        EntityType::JointStock => &["股份有限公司", "股份公司"],
        EntityType::GeneralPartnership => &["(特殊普通合伙)", "(普通合伙)"],
        EntityType::LimitedPartnership => &["(有限合伙)"],
        EntityType::SoleProprietorship => &[
            "(个人独资)",
            "工作室",
            "经营部",
            "事务所",
            "中心",
            "商行",
            "厂",
            "店",
            "馆",
            "部",
            "社",
            "坊",
        ],
        EntityType::IndividualBusiness => &[
            "工作室",
            "经营部",
            "中心",
            "商行",
            "厂",
            "店",
            "馆",
            "部",
            "行",
            "社",
            "坊",
            "铺",
        ],
    }
}

/// Company and partnership forms, for recognising a form that belongs to another type.
const DISTINCTIVE_FORMS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "股份公司",
    "有限公司",
    "(特殊普通合伙)",
    "(普通合伙)",
    "(有限合伙)",
];

/// Words between the trade part and a bracketed partnership or sole-proprietorship form.
const FORM_NOUNS: &[&str] = &["合伙企业", "企业", "中心", "事务所", "工作室"];

fn strip_longest_suffix<'a>(text: &'a str, candidates: &[&'a str]) -> Option<(&'a str, &'a str)> {
    candidates
        .iter()
        .filter(|c| text.ends_with(*c) && text.len() > c.len())
        .max_by_key(|c| c.len())
        .map(|c| (&text[..text.len() - c.len()], *c))
}

/// The division names a name may use (built once per division index; see
/// `Divisions::region_names`). The sets use a fast hash (`FxHashSet`, not std's SipHash):
/// building this is a task of its own in the browser when the index arrives, and hashing some
/// 20 000 strings with SipHash made it the longest one; these names are public data, so there
/// is nothing for a hash-flooding defence to protect.
#[derive(Clone, Debug, Default)]
pub struct RegionNames {
    /// Usable at the start of a name or in brackets: 贵州省, 贵州, 贵阳市观山湖区, 清镇市,
    /// 清镇 …
    allowed: FxHashSet<String>,
    /// City districts named without their city, longest first, with the city's short name.
    bare_districts: Vec<(String, String)>,
    /// Every full and short name, for N-6 (a place name as the trade name).
    places: FxHashSet<String>,
    /// The length in bytes of the longest entry of `allowed`: no longer prefix is looked up
    /// (a name may be as long as the applicant types it; hashing each of its prefixes would
    /// take time quadratic in its length).
    longest_allowed: usize,
}

impl RegionNames {
    pub(crate) fn build(divisions: &Divisions) -> RegionNames {
        let all = divisions.all();
        // Sized for what goes in (up to four allowed names per county, two places per
        // division), so that building them does not rehash as they grow.
        let mut names = RegionNames {
            allowed: FxHashSet::with_capacity_and_hasher(all.len() * 4, Default::default()),
            places: FxHashSet::with_capacity_and_hasher(all.len() * 2, Default::default()),
            ..RegionNames::default()
        };
        // Each division's short name once, by position.
        let short: Vec<&str> = all.iter().map(Division::short_name).collect();
        let joined = |a: &str, b: &str| {
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            s
        };
        for (at, d) in all.iter().enumerate() {
            if d.is_placeholder() {
                continue;
            }
            let own_short = short[at];
            names.places.insert(d.name_zh.clone());
            names.places.insert(own_short.to_string());
            match d.level {
                DivisionLevel::Province | DivisionLevel::Prefecture => {
                    names.allowed.insert(d.name_zh.clone());
                    names.allowed.insert(own_short.to_string());
                }
                DivisionLevel::County => {
                    // A municipality's district belongs to the municipality (北京市 → 市辖区 → 海淀区).
                    let city = divisions.nearest_named_ancestor(d);
                    if let Some(city_at) = city {
                        let city = &all[city_at];
                        for city_name in [city.name_zh.as_str(), short[city_at]] {
                            names.allowed.insert(joined(city_name, &d.name_zh));
                            names.allowed.insert(joined(city_name, own_short));
                        }
                    }
                    if d.name_zh.ends_with('区') {
                        let city = city.map(|c| short[c].to_string()).unwrap_or_default();
                        names.bare_districts.push((d.name_zh.clone(), city.clone()));
                        names.bare_districts.push((own_short.to_string(), city));
                    } else {
                        names.allowed.insert(d.name_zh.clone());
                        names.allowed.insert(own_short.to_string());
                    }
                }
            }
        }
        names
            .bare_districts
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        names.longest_allowed = names.allowed.iter().map(String::len).max().unwrap_or(0);
        names
    }

    /// Whether `text` is a region a name may use.
    fn allows(&self, text: &str) -> bool {
        self.allowed.contains(text)
    }

    /// The longest region a name may use that `text` starts with.
    fn longest_allowed_prefix<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.char_indices()
            .map(|(at, c)| &text[..at + c.len_utf8()])
            .take_while(|prefix| prefix.len() <= self.longest_allowed)
            .filter(|prefix| self.allows(prefix))
            .last()
    }

    /// Whether `text` is the full or short name of a division.
    pub(crate) fn is_place(&self, text: &str) -> bool {
        self.places.contains(text)
    }
}

pub fn parse(name: &str, entity: EntityType, divisions: &Divisions) -> ParsedName {
    let regions = divisions.region_names();
    let normalised = normalise(name);
    let mut parsed = ParsedName {
        normalised: normalised.clone(),
        ..ParsedName::default()
    };
    let mut rest = normalised.as_str();

    if let Some((before, form)) = strip_longest_suffix(rest, forms_for(entity)) {
        let mut form = form.to_string();
        rest = before;
        if form.starts_with('(') {
            if let Some((before, noun)) = strip_longest_suffix(rest, FORM_NOUNS) {
                form = format!("{noun}{form}");
                rest = before;
            }
        }
        parsed.form = Some(form);
    } else if let Some((before, form)) = strip_longest_suffix(rest, DISTINCTIVE_FORMS) {
        parsed.form = Some(form.to_string());
        parsed.form_mismatch = true;
        rest = before;
    }

    if let Some(region) = regions.longest_allowed_prefix(rest) {
        parsed.region = Some(region.to_string());
        rest = &rest[region.len()..];
        if let Some(zone) = ZONE_WORDS.iter().find(|z| rest.starts_with(*z)) {
            parsed.zone = Some(zone.to_string());
            rest = &rest[zone.len()..];
        }
    } else if let Some((district, city)) = regions
        .bare_districts
        .iter()
        .find(|(r, _)| rest.starts_with(r.as_str()))
    {
        parsed.bare_district = Some((district.clone(), city.clone()));
        rest = &rest[district.len()..];
    } else if let Some(zone) = ZONE_WORDS.iter().find(|z| rest.starts_with(*z)) {
        parsed.bare_zone = Some(zone.to_string());
        rest = &rest[zone.len()..];
    }

    let mut middle = rest.to_string();
    if parsed.region.is_none() {
        let bracketed = middle.split('(').skip(1).find_map(|after| {
            let inside = after.split(')').next()?;
            regions.allows(inside).then(|| inside.to_string())
        });
        if let Some(region) = bracketed {
            middle = middle.replacen(&format!("({region})"), "", 1);
            parsed.region = Some(region);
            parsed.region_in_middle = true;
        }
    }

    match strip_longest_suffix(&middle, INDUSTRY_WORDS) {
        Some((trade, industry)) => {
            parsed.industry = Some(industry.to_string());
            parsed.trade_name = trade.to_string();
        }
        None => parsed.trade_name = middle,
    }
    parsed
}

fn is_name_character(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '(' | ')' | '·')
}

const ARTICLES_ZH: &str = "《企业名称登记管理规定》";
const ARTICLES_EN: &str = "Enterprise Name Registration Provisions";

/// Every problem with `name` for an entity of type `entity`.
pub fn check(name: &str, entity: EntityType, divisions: &Divisions) -> Vec<Finding> {
    let mut findings = Vec::new();
    let parsed = parse(name, entity, divisions);
    let text = parsed.normalised.as_str();
    if text.is_empty() {
        if !entity.name_is_optional() {
            findings.push(Finding::error(
                "name.required",
                PATH,
                "请填写企业名称",
                "Enter the enterprise name",
            ));
        }
        return findings;
    }
    if text.chars().count() > MAX_LENGTH {
        findings.push(Finding::error(
            "name.too_long",
            PATH,
            format!("企业名称不能超过{MAX_LENGTH}个字"),
            format!("The name must be at most {MAX_LENGTH} characters"),
        ));
    }

    let bad: String = text.chars().filter(|c| !is_name_character(*c)).collect();
    if !bad.is_empty() {
        let shown: String = bad.chars().take(10).collect();
        findings.push(Finding::error(
            "name.characters",
            PATH,
            format!("企业名称只能使用规范汉字，不能含有字母、数字或符号（“{shown}”）（{ARTICLES_ZH}第五条）"),
            format!("Use standard Chinese characters only, no letters, digits or symbols (“{shown}”) ({ARTICLES_EN}, Art 5)"),
        ));
    }

    check_form(&parsed, entity, &mut findings);

    if let Some((district, city)) = &parsed.bare_district {
        findings.push(Finding::error(
            "name.district_without_city",
            PATH,
            format!("市辖区名称“{district}”须与所属市的名称一并使用，例如“{city}{district}”（{ARTICLES_ZH}第七条）"),
            format!("The district name “{district}” must follow its city's name, e.g. “{city}{district}” ({ARTICLES_EN}, Art 7)"),
        ));
    } else if let Some(zone) = &parsed.bare_zone {
        findings.push(Finding::error(
            "name.zone_without_division",
            PATH,
            format!("开发区名称“{zone}”不能单独作为行政区划使用，应写作“贵阳{zone}……”（{ARTICLES_ZH}第七条）"),
            format!("A development-zone name (“{zone}”) cannot stand in for the division: write “贵阳{zone}…” ({ARTICLES_EN}, Art 7)"),
        ));
    } else if parsed.region.is_none() && !entity.name_is_optional() {
        findings.push(Finding::warning(
            "name.region_missing",
            PATH,
            format!("名称中没有行政区划（如“贵阳”）；省略行政区划需经国家市场监督管理总局名称系统办理（{ARTICLES_ZH}第六条）"),
            format!("The name has no division (e.g. “贵阳”); omitting it needs the national name system ({ARTICLES_EN}, Art 6)"),
        ));
    }

    let trade_len = parsed.trade_name.chars().count();
    if trade_len < 2 {
        findings.push(Finding::error(
            "name.trade_name_too_short",
            PATH,
            format!("字号应当由两个以上汉字组成，现在识别出的字号是“{}”（{ARTICLES_ZH}第八条）", parsed.trade_name),
            format!("The trade name must be at least two Chinese characters; it reads “{}” ({ARTICLES_EN}, Art 8)", parsed.trade_name),
        ));
    } else if INDUSTRY_WORDS.contains(&parsed.trade_name.as_str())
        || divisions.region_names().is_place(&parsed.trade_name)
    {
        findings.push(Finding::warning(
            "name.trade_name_is_place_or_industry",
            PATH,
            format!("字号“{}”是地名或行业用语，除有其他含义外不得作为字号（{ARTICLES_ZH}第八条）", parsed.trade_name),
            format!("The trade name “{}” is a place name or an industry word, which may not be used unless it has another meaning ({ARTICLES_EN}, Art 8)", parsed.trade_name),
        ));
    }

    if parsed.industry.is_none() && trade_len >= 2 {
        findings.push(Finding::warning(
            "name.industry_missing",
            PATH,
            format!("名称中没有识别出行业或经营特点（如“科技”“商贸”）；只有跨行业综合经营的企业可以省略（{ARTICLES_ZH}第六条、第九条）"),
            format!("No industry word (e.g. 科技, 商贸) was recognised; only cross-industry businesses may omit it ({ARTICLES_EN}, Art 6 and 9)"),
        ));
    }

    if let Some(prefix) = RESTRICTED_PREFIXES.iter().find(|p| text.starts_with(*p)) {
        findings.push(Finding::error(
            "name.restricted_prefix",
            PATH,
            format!("名称不得以“{prefix}”开头，须经国务院批准（{ARTICLES_ZH}第十二条）"),
            format!("A name may not start with “{prefix}” without State Council approval ({ARTICLES_EN}, Art 12)"),
        ));
    }

    for (word, why_zh, why_en) in BANNED_WORDS {
        if text.contains(word) {
            findings.push(Finding::error(
                "name.banned_word",
                PATH,
                format!("名称含有禁用内容“{word}”（{why_zh}）（{ARTICLES_ZH}第十一条）"),
                format!("The name contains the prohibited word “{word}” ({why_en}) ({ARTICLES_EN}, Art 11)"),
            ));
        }
    }
    findings
}

fn check_form(parsed: &ParsedName, entity: EntityType, findings: &mut Vec<Finding>) {
    let text = parsed.normalised.as_str();
    let expected_zh = match entity {
        EntityType::Llc | EntityType::OnePersonLlc => "“有限责任公司”或“有限公司”（《公司法》第七条）",
        EntityType::JointStock => "“股份有限公司”或“股份公司”（《公司法》第七条）",
        EntityType::GeneralPartnership => "“（普通合伙）”或“（特殊普通合伙）”（《合伙企业法》第十五条）",
        EntityType::LimitedPartnership => "“（有限合伙）”（《合伙企业法》第六十二条）",
        EntityType::SoleProprietorship => "“中心”“工作室”“厂”“店”“商行”等，且不得含有“有限”“公司”字样（《个人独资企业登记管理办法》第六条）",
        EntityType::IndividualBusiness => "“店”“馆”“部”“行”“厂”“中心”“工作室”等",
    };
    let expected_en = match entity {
        EntityType::Llc | EntityType::OnePersonLlc => "“有限责任公司” or “有限公司” (Company Law, Art 7)",
        EntityType::JointStock => "“股份有限公司” or “股份公司” (Company Law, Art 7)",
        EntityType::GeneralPartnership => "“（普通合伙）” or “（特殊普通合伙）” (Partnership Enterprise Law, Art 15)",
        EntityType::LimitedPartnership => "“（有限合伙）” (Partnership Enterprise Law, Art 62)",
        EntityType::SoleProprietorship => "a form such as 中心, 工作室, 厂, 店 or 商行, and never 有限 or 公司 (Sole Proprietorship Registration Measures, Art 6)",
        EntityType::IndividualBusiness => "a form such as 店, 馆, 部, 行, 厂, 中心 or 工作室",
    };
    let forbidden_word = match entity {
        EntityType::SoleProprietorship => ["有限", "公司"].into_iter().find(|w| text.contains(w)),
        EntityType::IndividualBusiness => ["公司", "企业"].into_iter().find(|w| text.contains(w)),
        _ => None,
    };
    if let Some(word) = forbidden_word {
        findings.push(Finding::error(
            "name.form_forbidden_word",
            PATH,
            format!(
                "{}的名称不得含有“{word}”字样，组织形式应为{expected_zh}",
                entity.label().zh
            ),
            format!(
                "A {} name may not contain “{word}”; use {expected_en}",
                entity.label().en.to_lowercase()
            ),
        ));
    } else if parsed.form.is_none() || parsed.form_mismatch {
        findings.push(Finding::error(
            "name.form_mismatch",
            PATH,
            format!("{}的名称应以{expected_zh}结尾", entity.label().zh),
            format!(
                "A {} name must end with {expected_en}",
                entity.label().en.to_lowercase()
            ),
        ));
    }
}

#[cfg(test)]
mod tests;
