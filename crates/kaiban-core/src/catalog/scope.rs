//! The business-scope catalogue (经营范围规范表述目录, demo sample) and the licence text.

use super::csv;
use std::sync::OnceLock;

/// Shipped with the crate. The app may instead fetch `business_scope.csv` lazily and call
/// [`Catalog::parse`]; the rules only need a `&Catalog`.
pub const BUNDLED_CSV: &str = include_str!("../../data/business_scope.csv");

/// Items that need approval *before* registration (前置许可) in this demo catalogue. The
/// sample table does not say which items are 前置; 拍卖业务 is (拍卖法 Art 11–12).
const PRE_REGISTRATION_ITEMS: [&str; 1] = ["L018"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// 一般项目
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
    /// Approving authority (许可) or filing note (一般 with 备案).
    pub authority: String,
    pub industry_class: String,
    /// 前置许可: an approval document must be attached to the application.
    pub pre_registration: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    items: Vec<ScopeItem>,
}

impl Catalog {
    pub fn parse(csv_text: &str) -> Catalog {
        let items = csv::records(csv_text)
            .into_iter()
            .skip(1)
            .filter(|r| r.len() >= 6)
            .map(|r| ScopeItem {
                pre_registration: PRE_REGISTRATION_ITEMS.contains(&r[0].as_str()),
                id: r[0].clone(),
                text_zh: r[1].clone(),
                text_en: r[2].clone(),
                kind: if r[3].starts_with("许可") {
                    ScopeKind::Licensed
                } else {
                    ScopeKind::General
                },
                authority: r[4].clone(),
                industry_class: r[5].trim_end_matches('?').to_string(),
            })
            .collect();
        Catalog { items }
    }

    pub fn bundled() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse(BUNDLED_CSV))
    }

    pub fn items(&self) -> &[ScopeItem] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&ScopeItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Items whose Chinese or English wording contains every space-separated term; items
    /// that start with the first term come first.
    pub fn search(&self, query: &str) -> Vec<&ScopeItem> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return self.items.iter().collect();
        }
        let mut hits: Vec<&ScopeItem> = self
            .items
            .iter()
            .filter(|item| {
                let en = item.text_en.to_lowercase();
                terms
                    .iter()
                    .all(|t| item.text_zh.contains(t.as_str()) || en.contains(t.as_str()))
            })
            .collect();
        hits.sort_by_key(|item| !item.text_zh.starts_with(terms[0].as_str()));
        hits
    }

    /// The scope as printed on the licence: licensed items first, then general ones, each
    /// group with its fixed trailer. Unknown ids are skipped.
    pub fn licence_text(&self, ids: &[String]) -> String {
        let chosen: Vec<&ScopeItem> = ids.iter().filter_map(|id| self.get(id)).collect();
        let group = |kind: ScopeKind| -> Vec<&str> {
            chosen
                .iter()
                .filter(|i| i.kind == kind)
                .map(|i| i.text_zh.as_str())
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
        let ids: Vec<String> = ["G001", "L002", "G002", "L011"].map(String::from).to_vec();
        assert_eq!(
            c.licence_text(&ids),
            "许可项目：第二类增值电信业务；公章刻制（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）。一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。"
        );
    }
}
