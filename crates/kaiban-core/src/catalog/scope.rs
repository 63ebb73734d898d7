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

impl Catalog {
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

mod parse;
#[cfg(test)]
mod tests;
