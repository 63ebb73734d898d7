//! What the business is called, where it is and what it does: its name, its domicile with
//! the place as filed, and its business scope.

use super::*;

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EnterpriseName {
    /// The full name as it will be registered, e.g. 贵阳云栈科技有限公司.
    pub full: String,
    /// 名称自主申报承诺: the applicant promises the name is lawful and takes responsibility.
    pub self_declaration_accepted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomicileProof {
    /// 住所使用证明 uploaded as an attachment with purpose `domicile_proof`.
    Document,
    /// 住所申报承诺: the applicant declares the address is genuine and usable (the usual
    /// route under the 承诺制 reform, hence the default).
    #[default]
    Declaration,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Domicile {
    /// GB/T 2260 county-level code, e.g. 520115 (观山湖区).
    pub division_code: String,
    /// The township, town or street (乡镇、街道), nine digits, e.g. 520115003; empty if none.
    pub township_code: String,
    /// The place from province to township as the picker named it when chosen (a
    /// municipality's 市辖区 left out): filed with the codes, so the documents print what the
    /// applicant saw. The rules check it against the division data.
    pub place: Vec<PlaceName>,
    /// Street, number, building and room.
    pub detail: String,
    pub postcode: String,
    pub phone: String,
    /// Functional zone (e.g. 520198 贵阳国家高新技术产业开发区) for routing; not a division.
    pub functional_zone: Option<String>,
    pub proof: DomicileProof,
    pub declaration_accepted: bool,
}

/// One level of a domicile's place: 贵州省, 贵阳市, 观山湖区, 金华园街道.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceName {
    pub code: String,
    pub zh: String,
    pub en: String,
}

impl PlaceName {
    /// A place as addresses write it: 贵州省贵阳市观山湖区 and "Guanshanhu District, Guiyang
    /// City, Guizhou Province" (smallest first in English).
    pub fn spell(place: &[PlaceName]) -> crate::text::Bi {
        let zh: String = place.iter().map(|p| p.zh.as_str()).collect();
        let en: Vec<_> = place.iter().rev().map(|p| p.en.as_str()).collect();
        crate::text::Bi::owned(zh, en.join(", "))
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessScope {
    /// The chosen items in licence order; the first is the main business.
    pub items: Vec<ScopeChoice>,
    /// The `catalogue_version` of the catalogue they were chosen from (the deployment's,
    /// docs/business-scope-catalogue.md); the receiver checks it against its own.
    pub catalogue_version: String,
}

impl BusinessScope {
    pub fn contains(&self, code: &str) -> bool {
        self.items.iter().any(|item| item.code == code)
    }
}

/// One chosen business-scope item as filed: its catalogue code with its wording and kind
/// in that catalogue, so the documents print the same words wherever they are generated
/// (the signer's phone has no need of the deployment's catalogue). The rules check the words
/// against the catalogue. A draft from before items were filed with their words holds the
/// bare code (`"G002"`); it reads with empty words, which the app fills from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "FiledOrCode")]
pub struct ScopeChoice {
    pub code: String,
    /// The normative wording, as the licence prints it.
    pub zh: String,
    /// Its English reading aid.
    pub en: String,
    pub kind: crate::catalog::ScopeKind,
}

impl ScopeChoice {
    /// A bare code, its words still to be filled from the catalogue.
    pub fn code(code: impl Into<String>) -> ScopeChoice {
        ScopeChoice {
            code: code.into(),
            ..ScopeChoice::default()
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FiledOrCode {
    Code(String),
    Filed {
        #[serde(default)]
        code: String,
        #[serde(default)]
        zh: String,
        #[serde(default)]
        en: String,
        #[serde(default)]
        kind: crate::catalog::ScopeKind,
    },
}

impl From<FiledOrCode> for ScopeChoice {
    fn from(value: FiledOrCode) -> ScopeChoice {
        match value {
            FiledOrCode::Code(code) => ScopeChoice::code(code),
            FiledOrCode::Filed { code, zh, en, kind } => ScopeChoice { code, zh, en, kind },
        }
    }
}
