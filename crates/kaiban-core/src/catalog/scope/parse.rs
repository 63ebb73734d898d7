//! Reading a catalogue file: CSV with a header row, or JSON rows with the same names, each
//! row checked and every problem said with its row.

use super::*;

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
