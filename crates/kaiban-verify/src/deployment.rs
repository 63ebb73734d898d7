//! What a deployment decides and the rules need: its jurisdiction, its business-scope
//! catalogue and the services it offers with the registration. Read from the same kaiban.config.json the app is built with (`--config`) and
//! the catalogue file the app fetches (`--catalogue`), so the receiver judges as the app does.

use kaiban_core::bundle::BundleOffer;
use kaiban_core::case::{Calendar, Limits};
use kaiban_core::catalog::{Catalog, CatalogueSource, Divisions, Jurisdiction};
use kaiban_core::date::Date;
use kaiban_core::package::sha256_hex;
use kaiban_core::Context;
use serde::Deserialize;

pub struct Deployment {
    pub jurisdiction: Jurisdiction,
    /// What the deployment offers with the registration (seals, tax, …): `bundle`.
    pub bundle: BundleOffer,
    /// The time limits a case runs against and the working-day calendar: `case`.
    pub limits: Limits,
    pub calendar: Calendar,
    /// The deployment's catalogue, or the bundled demo sample.
    catalog: Option<Catalog>,
}

/// The parts of kaiban.config.json the receiver reads (the app's other settings are not its
/// business).
#[derive(Deserialize)]
struct ConfigFile {
    jurisdiction: Option<Jurisdiction>,
    catalogue: Option<CatalogueSource>,
    bundle: Option<BundleOffer>,
    case: Option<CaseSetting>,
}

/// `case` in kaiban.config.json: the limits (defaults: the district's 1 working day, the law's
/// 3 extendable by 3) and the calendar (default: the State Council's 2026 arrangement).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CaseSetting {
    #[serde(default)]
    limits: Option<Limits>,
    #[serde(default)]
    calendar: Option<Calendar>,
}

impl Deployment {
    /// `--config FILE` and `--catalogue FILE`, either optional. A config whose app fetches a
    /// catalogue needs the same file here (same SHA-256): otherwise the receiver would refuse,
    /// or accept, what the app judged otherwise.
    pub fn load(config: Option<&str>, catalogue: Option<&str>) -> Result<Deployment, String> {
        let settings = match config {
            None => ConfigFile {
                jurisdiction: None,
                catalogue: None,
                bundle: None,
                case: None,
            },
            Some(path) => read_config(path)?,
        };
        let jurisdiction = settings.jurisdiction.unwrap_or_default();
        let bundle = settings.bundle.unwrap_or_default();
        if let Some(problem) = bundle.problems().into_iter().next() {
            return Err(format!(
                "--config {}: {problem}",
                config.unwrap_or_default()
            ));
        }
        let problems = jurisdiction.problems(Divisions::national());
        if !problems.is_empty() {
            return Err(format!(
                "--config {}: {}",
                config.unwrap_or_default(),
                problems.join("; ")
            ));
        }
        let catalog = match (catalogue, settings.catalogue) {
            (None, None) => None,
            (None, Some(setting)) => {
                return Err(format!(
                    "--config {}: the app fetches its business-scope catalogue from {}; give the receiver the same file with --catalogue FILE",
                    config.unwrap_or_default(),
                    setting.url
                ))
            }
            (Some(path), setting) => {
                let bytes =
                    std::fs::read(path).map_err(|e| format!("cannot read --catalogue {path}: {e}"))?;
                if let Some(setting) = setting {
                    if let Some(problem) = setting.problem() {
                        return Err(format!("--config {}: {problem}", config.unwrap_or_default()));
                    }
                    if !setting.matches(&bytes) {
                        return Err(format!(
                            "--catalogue {path} has SHA-256 {}, but --config's catalogue.sha256 is {}: the receiver must check against the file the app fetches ({})",
                            sha256_hex(&bytes), setting.sha256, setting.url
                        ));
                    }
                }
                Some(Catalog::from_bytes(&bytes).map_err(|e| format!("--catalogue {path}: {e}"))?)
            }
        };
        let case = settings.case.unwrap_or_default();
        Ok(Deployment {
            jurisdiction,
            bundle,
            limits: case.limits.unwrap_or_default(),
            calendar: case.calendar.unwrap_or_else(Calendar::china_2026),
            catalog,
        })
    }

    pub fn catalog(&self) -> &Catalog {
        self.catalog.as_ref().unwrap_or_else(|| Catalog::bundled())
    }

    /// The rules' context on `today`, with the national divisions compiled in.
    pub fn context(&self, today: Date) -> Context<'_> {
        Context {
            today,
            catalog: self.catalog(),
            divisions: Divisions::national(),
            jurisdiction: &self.jurisdiction,
            bundle: &self.bundle,
        }
    }
}

fn read_config(path: &str) -> Result<ConfigFile, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read --config {path}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("--config {path} is not JSON: {e}"))?;
    let part = |name: &str| value.get(name).cloned().unwrap_or(serde_json::Value::Null);
    Ok(ConfigFile {
        jurisdiction: serde_json::from_value(part("jurisdiction"))
            .map_err(|e| format!("--config {path}: jurisdiction: {e}"))?,
        catalogue: serde_json::from_value(part("catalogue"))
            .map_err(|e| format!("--config {path}: catalogue: {e}"))?,
        bundle: serde_json::from_value(part("bundle"))
            .map_err(|e| format!("--config {path}: bundle: {e}"))?,
        case: serde_json::from_value(part("case"))
            .map_err(|e| format!("--config {path}: case: {e}"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, text: &str) -> String {
        let dir = std::env::temp_dir().join(format!("kaiban-deployment-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }

    const CATALOGUE: &str = "code,item_zh,item_en,kind,timing,authority_zh,authority_en,catalogue_version\nZ1,茶叶种植,Tea growing,一般,,,,zy-2026.1\n";

    #[test]
    fn a_config_that_names_a_catalogue_needs_the_same_file() {
        let file = temp("catalogue.csv", CATALOGUE);
        let hash = sha256_hex(CATALOGUE.as_bytes());
        let config = temp(
            "with-catalogue.json",
            &format!(
                r#"{{"catalogue": {{"url": "https://data.example.gov.cn/c.csv", "sha256": "{hash}"}}}}"#
            ),
        );
        let loaded = Deployment::load(Some(&config), Some(&file)).unwrap();
        assert_eq!(loaded.catalog().version(), "zy-2026.1");
        let missing = Deployment::load(Some(&config), None).err().unwrap();
        assert!(missing.contains("--catalogue"), "{missing}");
        let other = temp("other.csv", &CATALOGUE.replace("zy-2026.1", "zy-2026.2"));
        let differs = Deployment::load(Some(&config), Some(&other)).err().unwrap();
        assert!(differs.contains("SHA-256"), "{differs}");
        let malformed = temp("bad.csv", "code,item_zh\nZ1,茶");
        assert!(Deployment::load(None, Some(&malformed))
            .err()
            .unwrap()
            .contains("no column item_en"));
        assert_eq!(
            Deployment::load(None, None).unwrap().catalog().version(),
            Catalog::bundled().version()
        );
    }
}
