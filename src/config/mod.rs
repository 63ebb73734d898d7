//! Deployment and embedding configuration, in one place. Three layers, later ones win:
//! 1. compiled defaults (`KAIBAN_ENDPOINT` at build time, else the local reference receiver);
//! 2. the deployment: `<meta name="kaiban:config" content='{…json…}'>` in the app's page,
//!    written from `kaiban.config.json` (see README); only it may set the allow-lists;
//! 3. the embedder: the portal's `data-*` attributes (iframe mode, by postMessage from an
//!    allowed origin) or the `mount(element, config)` argument (in-page mode).
//!
//! Every field an embedder sends is checked; a refused field keeps the deployment's value and
//! is reported (`kaiban:error`), so a typo in a portal page never breaks the wizard.

pub mod theme;

use kaiban_core::bundle::BundleOffer;
use kaiban_core::catalog::{CatalogueSource, Jurisdiction};
use kaiban_core::model::EntityType;
use serde::Deserialize;
pub use theme::Colour;

use crate::i18n::Locale;

const DEFAULT_ENDPOINT: &str = match option_env!("KAIBAN_ENDPOINT") {
    Some(url) => url,
    None => "http://127.0.0.1:8787/submissions",
};

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where signed packages are POSTed.
    pub endpoint: String,
    /// Endpoints an embedder may choose; the page's CSP `connect-src` lists the same.
    pub allowed_endpoints: Vec<String>,
    /// The language to start in (the applicant can still switch).
    pub locale: Option<Locale>,
    /// Entity types offered; empty means all.
    pub entity_types: Vec<EntityType>,
    pub theme_primary: Option<Colour>,
    /// Origins that may frame the app and talk to it (CSP `frame-ancestors` lists the same).
    pub allowed_parent_origins: Vec<String>,
    /// One upload attempt is abandoned (and retried with the same key) after this long.
    pub submit_timeout_seconds: u32,
    /// The domiciles this deployment's authority registers (the receiver reads the same).
    pub jurisdiction: Jurisdiction,
    /// The deployment's business-scope catalogue; none: the bundled demo sample.
    pub catalogue: Option<CatalogueSource>,
    /// What the deployment offers with the registration (the receiver reads the same).
    pub bundle: BundleOffer,
}

/// The JSON shape shared by `kaiban.config.json`, the meta tag and the embed APIs.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfigInput {
    pub endpoint: Option<String>,
    pub allowed_endpoints: Option<Vec<String>>,
    pub locale: Option<String>,
    /// A list, or a comma-separated string as in `data-entity-types="llc,sole_proprietorship"`.
    pub entity_types: Option<EntityTypes>,
    pub theme: Option<ThemeInput>,
    pub allowed_parent_origins: Option<Vec<String>>,
    pub submit_timeout_seconds: Option<u32>,
    /// In-page mode: the URL of the stylesheet to place inside the shadow root.
    pub stylesheet: Option<String>,
    /// The registration authority's area (deployment only): divisions, zones, authority.
    pub jurisdiction: Option<Jurisdiction>,
    /// The deployment's business-scope catalogue (deployment only): URL and SHA-256.
    pub catalogue: Option<CatalogueSource>,
    /// Services, engravers and banks offered with the registration (deployment only).
    pub bundle: Option<BundleOffer>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum EntityTypes {
    List(Vec<String>),
    Text(String),
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThemeInput {
    pub primary: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Deployment,
    Embedder,
}

/// One refused setting, said in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigProblem {
    pub field: &'static str,
    pub zh: String,
    pub en: String,
}

impl ConfigProblem {
    fn new(field: &'static str, zh: String, en: String) -> ConfigProblem {
        ConfigProblem { field, zh, en }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            endpoint: DEFAULT_ENDPOINT.to_string(),
            allowed_endpoints: vec![DEFAULT_ENDPOINT.to_string()],
            locale: None,
            entity_types: Vec::new(),
            theme_primary: None,
            allowed_parent_origins: Vec::new(),
            submit_timeout_seconds: 120,
            jurisdiction: Jurisdiction::default(),
            catalogue: None,
            bundle: BundleOffer::default(),
        }
    }
}

impl Config {
    /// Compiled defaults plus the deployment's meta tag.
    pub fn from_page() -> (Config, Vec<ConfigProblem>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        if let Some(json) = meta("kaiban:config") {
            match ConfigInput::from_json(&json) {
                Ok(input) => problems.extend(config.apply(input, Source::Deployment)),
                Err(problem) => problems.push(problem),
            }
        }
        (config, problems)
    }

    /// The entity types the wizard offers, in the usual order.
    pub fn offered_entity_types(&self) -> Vec<EntityType> {
        EntityType::ALL
            .into_iter()
            .filter(|t| self.entity_types.is_empty() || self.entity_types.contains(t))
            .collect()
    }

    /// Takes every valid field of `input`; returns what was refused and why.
    pub fn apply(&mut self, input: ConfigInput, source: Source) -> Vec<ConfigProblem> {
        let mut problems = Vec::new();
        if source == Source::Deployment {
            if let Some(list) = input.allowed_endpoints {
                self.allowed_endpoints =
                    keep_valid(list, "allowedEndpoints", check_endpoint, &mut problems);
            }
            if let Some(seconds) = input.submit_timeout_seconds {
                self.submit_timeout_seconds = seconds.clamp(1, 3600);
            }
            if let Some(list) = input.allowed_parent_origins {
                self.allowed_parent_origins =
                    keep_valid(list, "allowedParentOrigins", check_origin, &mut problems);
            }
            if let Some(jurisdiction) = input.jurisdiction {
                self.jurisdiction = jurisdiction;
            }
            if let Some(bundle) = input.bundle {
                match bundle.problems().into_iter().next() {
                    None => self.bundle = bundle,
                    Some(problem) => problems.push(ConfigProblem::new(
                        "bundle",
                        format!("开办套餐设置有误，仍使用原设置：{problem}"),
                        format!("The bundle setting is wrong; the previous one is kept: {problem}"),
                    )),
                }
            }
            if let Some(catalogue) = input.catalogue {
                match catalogue.problem() {
                    None => self.catalogue = Some(catalogue),
                    Some(problem) => problems.push(ConfigProblem::new(
                        "catalogue",
                        format!("经营范围目录设置有误，仍使用内置示例目录：{problem}"),
                        format!("The catalogue setting is wrong; the bundled sample is used instead: {problem}"),
                    )),
                }
            }
        } else if input.allowed_endpoints.is_some()
            || input.allowed_parent_origins.is_some()
            || input.submit_timeout_seconds.is_some()
            || input.jurisdiction.is_some()
            || input.catalogue.is_some()
            || input.bundle.is_some()
        {
            problems.push(ConfigProblem::new(
                "allowedParentOrigins",
                "允许的来源和提交地址只能由部署方设置，嵌入页面的设置已忽略".into(),
                "Allowed origins and endpoints are set by the deployment only; the embedding page's values were ignored".into(),
            ));
        }
        if let Some(endpoint) = input.endpoint {
            match check_endpoint(&endpoint) {
                Err(problem) => problems.push(problem("endpoint")),
                Ok(()) if source == Source::Deployment => {
                    if !self.allowed_endpoints.contains(&endpoint) {
                        self.allowed_endpoints.insert(0, endpoint.clone());
                    }
                    self.endpoint = endpoint;
                }
                Ok(()) if self.allowed_endpoints.contains(&endpoint) => self.endpoint = endpoint,
                Ok(()) => problems.push(ConfigProblem::new(
                    "endpoint",
                    format!("提交地址 {endpoint} 不在部署方允许的列表中，仍使用 {}", self.endpoint),
                    format!("The endpoint {endpoint} is not on the deployment's allow-list; still using {}", self.endpoint),
                )),
            }
        }
        if let Some(tag) = input.locale {
            match Locale::from_tag(tag.trim()) {
                Some(locale) => self.locale = Some(locale),
                None => problems.push(ConfigProblem::new(
                    "locale",
                    format!("不支持的语言“{tag}”，可用 zh-CN 或 en"),
                    format!("Unsupported locale “{tag}”; use zh-CN or en"),
                )),
            }
        }
        if let Some(types) = input.entity_types {
            let keys = match types {
                EntityTypes::List(list) => list,
                EntityTypes::Text(text) => text.split(',').map(str::to_string).collect(),
            };
            let mut chosen = Vec::new();
            for key in keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
                match EntityType::from_key(key) {
                    Some(t) if !chosen.contains(&t) => chosen.push(t),
                    Some(_) => {}
                    None => problems.push(ConfigProblem::new(
                        "entityTypes",
                        format!("未知的主体类型“{key}”，已忽略"),
                        format!("Unknown entity type “{key}”, ignored"),
                    )),
                }
            }
            self.entity_types = chosen;
        }
        if let Some(primary) = input.theme.and_then(|t| t.primary) {
            match Colour::parse_hex(&primary) {
                None => problems.push(ConfigProblem::new(
                    "theme.primary",
                    format!("主题色“{primary}”须写成 #rrggbb 或 #rgb"),
                    format!("The theme colour “{primary}” must be written #rrggbb or #rgb"),
                )),
                Some(colour) if colour.contrast_with_white() < theme::MIN_CONTRAST => {
                    problems.push(ConfigProblem::new(
                        "theme.primary",
                        format!(
                            "主题色 {primary} 与白色对比度仅 {:.1}:1（至少 4.5:1），文字会看不清，仍使用默认颜色",
                            colour.contrast_with_white()
                        ),
                        format!(
                            "The theme colour {primary} has only {:.1}:1 contrast with white (4.5:1 needed), so text would be hard to read; keeping the default",
                            colour.contrast_with_white()
                        ),
                    ))
                }
                Some(colour) => self.theme_primary = Some(colour),
            }
        }
        problems
    }
}

impl ConfigInput {
    pub fn from_json(json: &str) -> Result<ConfigInput, ConfigProblem> {
        serde_json::from_str(json).map_err(|e| {
            ConfigProblem::new(
                "config",
                format!("配置格式不正确：{e}"),
                format!("The configuration is not valid: {e}"),
            )
        })
    }
}

type Check = fn(&str) -> Result<(), fn(&'static str) -> ConfigProblem>;

fn keep_valid(
    list: Vec<String>,
    field: &'static str,
    check: Check,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<String> {
    list.into_iter()
        .filter(|item| match check(item) {
            Ok(()) => true,
            Err(problem) => {
                problems.push(problem(field));
                false
            }
        })
        .collect()
}

/// `scheme://host[:port]` and its remainder, for http(s) URLs without credentials or spaces.
fn split_url(text: &str) -> Option<(&str, &str, &str)> {
    let (scheme, rest) = text.split_once("://")?;
    if !matches!(scheme, "http" | "https")
        || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some((scheme, authority, path))
}

fn is_loopback(authority: &str) -> bool {
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

fn check_endpoint(text: &str) -> Result<(), fn(&'static str) -> ConfigProblem> {
    match split_url(text) {
        Some(("http", authority, _)) if !is_loopback(authority) => Err(|field| {
            ConfigProblem::new(
                field,
                "提交地址必须使用 https（本机测试地址除外）".into(),
                "The endpoint must use https (except on this computer, for testing)".into(),
            )
        }),
        Some(_) => Ok(()),
        None => Err(|field| {
            ConfigProblem::new(
                field,
                "提交地址须为完整的 http(s) 网址".into(),
                "The endpoint must be a full http(s) URL".into(),
            )
        }),
    }
}

/// The origin of an http(s) URL, as `event.origin` reports it.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, authority, _) = split_url(url)?;
    Some(format!("{scheme}://{authority}"))
}

fn check_origin(text: &str) -> Result<(), fn(&'static str) -> ConfigProblem> {
    match split_url(text) {
        Some((_, _, "")) => Ok(()),
        _ => Err(|field| {
            ConfigProblem::new(
                field,
                "来源须写成 https://主机[:端口]，不带路径".into(),
                "An origin is written https://host[:port], without a path".into(),
            )
        }),
    }
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content").filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests;
