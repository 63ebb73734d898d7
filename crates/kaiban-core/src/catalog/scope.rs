//! The business-scope catalogue (经营范围规范表述目录) and the licence text. The deployment
//! may bring its own catalogue (docs/business-scope-catalogue.md): CSV or JSON with the
//! columns below; the bundled one is the 58-item demo sample.

use super::csv;
use crate::model::{BusinessScope, ScopeChoice};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Shipped with the crate: the demo sample, in the documented format.
pub const BUNDLED_CSV: &str = include_str!("../../data/business_scope.csv");

/// The columns of a catalogue file, in this order in the documentation (a CSV may order them
/// as it likes: they are found by name; further columns, such as `note`, are ignored).
pub const COLUMNS: [&str; 11] = [
    "code",
    "item_zh",
    "item_en",
    "kind",
    "timing",
    "authority_zh",
    "authority_en",
    "industry_code",
    "synonyms",
    "sort",
    "catalogue_version",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    /// 一般项目
    #[default]
    General,
    /// 许可项目
    Licensed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScopeItem {
    pub id: String,
    pub text_zh: String,
    pub text_en: String,
    pub kind: ScopeKind,
    /// The approving authority of a licensed item (or the filing note of a general one).
    pub authority_zh: String,
    pub authority_en: String,
    /// GB/T 4754 industry code.
    pub industry_class: String,
    /// 前置许可: an approval document must be attached to the application (后置: the licence
    /// is obtained after registration).
    pub pre_registration: bool,
    /// Other words an applicant may search with (zh or en).
    pub synonyms: Vec<String>,
    pub sort: i64,
    /// Lower-case English text and synonyms, for search.
    folded: String,
}

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    items: Vec<ScopeItem>,
    version: String,
}

/// Where a deployment's catalogue is (`catalogue` in kaiban.config.json): the app fetches
/// it from `url`, and the app and the receiver use it only if its bytes have this SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueSource {
    pub url: String,
    /// Lower-case hex SHA-256 of the file as served.
    pub sha256: String,
}

impl CatalogueSource {
    /// Whether `bytes` are the configured file.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        crate::package::sha256_hex(bytes).eq_ignore_ascii_case(self.sha256.trim())
    }

    /// What is wrong with the setting itself, if anything.
    pub fn problem(&self) -> Option<String> {
        let hex = self.sha256.trim();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(format!(
                "catalogue.sha256 must be the file's SHA-256 as 64 hex digits (kaiban-verify catalogue FILE prints it), not “{}”",
                self.sha256
            ));
        }
        if self.url.trim().is_empty() {
            return Some("catalogue.url is empty".into());
        }
        None
    }
}

/// One row of a JSON catalogue (the same names as the CSV columns).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRow {
    code: String,
    item_zh: String,
    item_en: String,
    kind: String,
    #[serde(default)]
    timing: String,
    #[serde(default)]
    authority_zh: String,
    #[serde(default)]
    authority_en: String,
    #[serde(default)]
    industry_code: String,
    #[serde(default)]
    synonyms: Vec<String>,
    #[serde(default)]
    sort: Option<i64>,
    catalogue_version: String,
    #[serde(default)]
    note: String,
}

impl Catalog {
    /// A catalogue file as CSV (a header row naming the columns) or JSON (an array of rows);
    /// what is wrong is said with the row, so a deployment can fix its file.
    pub fn parse(text: &str) -> Result<Catalog, String> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim_start().starts_with('[') {
            let rows: Vec<JsonRow> = serde_json::from_str(text).map_err(|e| e.to_string())?;
            let rows = rows.into_iter().enumerate().map(|(i, r)| {
                let _ = r.note;
                Row {
                    line: i + 1,
                    code: r.code,
                    item_zh: r.item_zh,
                    item_en: r.item_en,
                    kind: r.kind,
                    timing: r.timing,
                    authority_zh: r.authority_zh,
                    authority_en: r.authority_en,
                    industry_code: r.industry_code,
                    synonyms: r.synonyms,
                    sort: r.sort.map(|s| s.to_string()).unwrap_or_default(),
                    version: r.catalogue_version,
                }
            });
            return Catalog::from_rows(rows);
        }
        let records = csv::records(text);
        let header = records.first().ok_or("the catalogue is empty")?;
        let mut at = Vec::new();
        for column in COLUMNS {
            let index = header.iter().position(|h| h.trim() == column);
            match (index, column) {
                (Some(i), _) => at.push(Some(i)),
                (
                    None,
                    "timing" | "authority_zh" | "authority_en" | "industry_code" | "synonyms"
                    | "sort",
                ) => at.push(None),
                _ => return Err(format!("the header has no column {column}")),
            }
        }
        let cell = |record: &[String], column: usize| -> String {
            at[column]
                .and_then(|i| record.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        let rows = records
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .map(|(i, r)| Row {
                line: i + 1,
                code: cell(r, 0),
                item_zh: cell(r, 1),
                item_en: cell(r, 2),
                kind: cell(r, 3),
                timing: cell(r, 4),
                authority_zh: cell(r, 5),
                authority_en: cell(r, 6),
                industry_code: cell(r, 7),
                synonyms: cell(r, 8)
                    .split([';', '；'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                sort: cell(r, 9),
                version: cell(r, 10),
            })
            .collect::<Vec<_>>();
        Catalog::from_rows(rows.into_iter())
    }

    fn from_rows(rows: impl Iterator<Item = Row>) -> Result<Catalog, String> {
        let mut items: Vec<ScopeItem> = Vec::new();
        let mut codes = std::collections::HashSet::new();
        let mut version: Option<String> = None;
        for row in rows {
            let at = |what: &str| format!("row {} ({}): {what}", row.line, row.code);
            if row.code.is_empty() || row.item_zh.is_empty() || row.item_en.is_empty() {
                return Err(at("code, item_zh and item_en are required"));
            }
            let kind = match row.kind.as_str() {
                "一般" | "一般项目" => ScopeKind::General,
                "许可" | "许可项目" => ScopeKind::Licensed,
                other => return Err(at(&format!("kind must be 一般 or 许可, not “{other}”"))),
            };
            let pre_registration = match (kind, row.timing.as_str()) {
                (ScopeKind::Licensed, "前置") => true,
                (ScopeKind::Licensed, "后置") => false,
                (ScopeKind::General, "") => false,
                (ScopeKind::Licensed, other) => {
                    return Err(at(&format!(
                        "a licensed item's timing must be 前置 or 后置, not “{other}”"
                    )))
                }
                (ScopeKind::General, other) => {
                    return Err(at(&format!("a general item has no timing (“{other}”)")))
                }
            };
            if kind == ScopeKind::Licensed
                && (row.authority_zh.is_empty() || row.authority_en.is_empty())
            {
                return Err(at(
                    "a licensed item names its authority in Chinese and English",
                ));
            }
            match &version {
                None if row.version.is_empty() => return Err(at("catalogue_version is empty")),
                None => version = Some(row.version.clone()),
                Some(v) if *v != row.version => {
                    return Err(at(&format!(
                        "catalogue_version “{}” differs from “{v}”",
                        row.version
                    )))
                }
                Some(_) => {}
            }
            if !codes.insert(row.code.clone()) {
                return Err(at("the code appears twice"));
            }
            let sort = if row.sort.is_empty() {
                items.len() as i64
            } else {
                row.sort
                    .parse()
                    .map_err(|_| at("sort must be a whole number"))?
            };
            let folded = std::iter::once(row.item_en.as_str())
                .chain(row.synonyms.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\u{1f}")
                .to_lowercase();
            items.push(ScopeItem {
                id: row.code,
                text_zh: row.item_zh,
                text_en: row.item_en,
                kind,
                authority_zh: row.authority_zh,
                authority_en: row.authority_en,
                industry_class: row.industry_code,
                pre_registration,
                synonyms: row.synonyms,
                sort,
                folded,
            });
        }
        items.sort_by_key(|i| i.sort);
        Ok(Catalog {
            items,
            version: version.ok_or("the catalogue has no items")?,
        })
    }

    /// A catalogue file as fetched or read from disk (UTF-8, with or without a BOM).
    pub fn from_bytes(bytes: &[u8]) -> Result<Catalog, String> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| format!("the file is not UTF-8 text (byte {})", e.valid_up_to()))?;
        Catalog::parse(text)
    }

    pub fn bundled() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse(BUNDLED_CSV).expect("data/business_scope.csv"))
    }

    /// No catalogue yet: the browser while the deployment's file is on its way (the rules
    /// then say the items cannot be checked yet, rather than that they are unknown).
    pub fn empty() -> &'static Catalog {
        static EMPTY: Catalog = Catalog {
            items: Vec::new(),
            version: String::new(),
        };
        &EMPTY
    }

    pub fn is_loaded(&self) -> bool {
        !self.items.is_empty()
    }

    /// The `catalogue_version` every row carries; the application records it.
    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn items(&self) -> &[ScopeItem] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&ScopeItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// `scope` as this catalogue words it: every known item's words and the catalogue's
    /// version (an unknown code keeps its words: the rules name it). Whether anything changed.
    pub fn refresh(&self, scope: &mut BusinessScope) -> bool {
        let mut changed = false;
        if scope.catalogue_version != self.version {
            scope.catalogue_version = self.version.clone();
            changed = true;
        }
        for chosen in &mut scope.items {
            if let Some(filed) = self.get(&chosen.code).map(ScopeItem::filed) {
                if *chosen != filed {
                    *chosen = filed;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Items whose Chinese wording, English wording or synonyms contain every
    /// space-separated term; items whose wording starts with the first term come first,
    /// then the catalogue's order.
    pub fn search(&self, query: &str) -> Vec<&ScopeItem> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return self.items.iter().collect();
        }
        let mut hits: Vec<&ScopeItem> = self
            .items
            .iter()
            .filter(|item| {
                terms.iter().all(|t| {
                    item.text_zh.contains(t.as_str())
                        || item.folded.contains(t.as_str())
                        || item.synonyms.iter().any(|s| s.contains(t.as_str()))
                })
            })
            .collect();
        let first = terms[0].as_str();
        hits.sort_by_key(|item| {
            let starts = item.text_zh.starts_with(first)
                || item.folded.starts_with(first)
                || item.synonyms.iter().any(|s| s.starts_with(first));
            !starts
        });
        hits
    }
}

impl ScopeItem {
    /// The item as an application files it.
    pub fn filed(&self) -> ScopeChoice {
        ScopeChoice {
            code: self.id.clone(),
            zh: self.text_zh.clone(),
            en: self.text_en.clone(),
            kind: self.kind,
        }
    }
}

/// The scope as printed on the licence, from the words filed: licensed items first, then
/// general ones, each group with its fixed trailer.
pub fn licence_text(items: &[ScopeChoice]) -> String {
    let group = |kind: ScopeKind| -> Vec<&str> {
        items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.zh.as_str())
            .collect()
    };
    let licensed = group(ScopeKind::Licensed);
    let general = group(ScopeKind::General);
    let mut text = String::new();
    if !licensed.is_empty() {
        text.push_str("许可项目：");
        text.push_str(&licensed.join("；"));
        text.push_str("（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）。");
    }
    if !general.is_empty() {
        text.push_str("一般项目：");
        text.push_str(&general.join("；"));
        text.push_str("（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。");
    }
    text
}

/// A row as read, before it is checked.
struct Row {
    line: usize,
    code: String,
    item_zh: String,
    item_en: String,
    kind: String,
    timing: String,
    authority_zh: String,
    authority_en: String,
    industry_code: String,
    synonyms: Vec<String>,
    sort: String,
    version: String,
}

#[cfg(test)]
mod tests {
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
}
