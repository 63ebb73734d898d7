//! Which domiciles this deployment's registration authority registers (登记管辖, domain.md
//! the `jurisdiction` of `kaiban.config.json`, read by the app and by `kaiban-verify serve
//! --config`, so the browser and the receiver judge an address alike.

use super::divisions::Divisions;
use crate::text::Bi;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Jurisdiction {
    /// Division codes (a county, or a prefecture or province for all its counties).
    pub divisions: Vec<String>,
    /// Functional zones (development zones, parks) inside those divisions, with the
    /// pseudo-codes the local authority uses; not divisions of GB/T 2260.
    #[serde(default)]
    pub zones: Vec<Zone>,
    /// The registration authority, as the message to an applicant from elsewhere names it.
    pub authority: Named,
    /// What the wizard's header calls this service's area (a zone, a district); the
    /// authority's name when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Named>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Zone {
    pub code: String,
    pub name: Named,
    /// The counties the zone's parks lie in: the picker offers the zone for these.
    pub counties: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub zh: String,
    pub en: String,
}

impl Named {
    pub fn bi(&self) -> Bi {
        Bi::owned(self.zh.clone(), self.en.clone())
    }
}

impl Default for Jurisdiction {
    /// The demo deployment: the Guiyang authority, with the Guiyang National Hi-tech Zone
    /// (520198 is the local authority's own code, not GB/T 2260; see docs/reference-data.md).
    fn default() -> Jurisdiction {
        Jurisdiction {
            divisions: vec!["520100".into()],
            zones: vec![Zone {
                code: "520198".into(),
                name: Named {
                    zh: "贵阳国家高新技术产业开发区".into(),
                    en: "Guiyang National Hi-tech Industrial Development Zone".into(),
                },
                counties: vec!["520115".into(), "520113".into()],
            }],
            authority: Named {
                zh: "贵阳市市场监督管理局".into(),
                en: "Guiyang Administration for Market Regulation".into(),
            },
            area: Some(Named {
                zh: "贵阳国家高新技术产业开发区".into(),
                en: "Guiyang National Hi-tech Zone".into(),
            }),
        }
    }
}

impl Jurisdiction {
    /// Whether the county `code` lies in a division this authority registers.
    pub fn covers(&self, code: &str, divisions: &Divisions) -> bool {
        divisions
            .chain(code)
            .iter()
            .any(|d| self.divisions.contains(&d.code))
    }

    /// The zones a domicile in county `code` may be in.
    pub fn zones_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Zone> + 'a {
        self.zones
            .iter()
            .filter(move |z| z.counties.iter().any(|c| c == code))
    }

    /// The service's area as the header names it.
    pub fn area(&self) -> Bi {
        self.area.as_ref().unwrap_or(&self.authority).bi()
    }

    pub fn zone(&self, code: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.code == code)
    }

    /// Whether every code names a known division and every zone lies inside the jurisdiction
    /// (a deployment's typo would otherwise refuse every applicant).
    pub fn problems(&self, divisions: &Divisions) -> Vec<String> {
        let mut problems = Vec::new();
        if self.divisions.is_empty() {
            problems.push("jurisdiction.divisions is empty".to_string());
        }
        for code in &self.divisions {
            if divisions.find(code).is_none() {
                problems.push(format!("jurisdiction.divisions: unknown division {code}"));
            }
        }
        for zone in &self.zones {
            for county in &zone.counties {
                if !self.covers(county, divisions) {
                    problems.push(format!(
                        "jurisdiction.zones: {} lists {county}, which is not in the jurisdiction",
                        zone.code
                    ));
                }
            }
        }
        problems
    }
}

#[cfg(all(test, feature = "national-divisions"))]
mod tests {
    use super::*;

    #[test]
    fn the_demo_covers_guiyang_and_its_zone() {
        let all = Divisions::national();
        let demo = Jurisdiction::default();
        assert!(demo.problems(all).is_empty());
        assert!(demo.covers("520115", all) && demo.covers("520181", all));
        assert!(!demo.covers("520302", all) && !demo.covers("110108", all));
        assert_eq!(demo.zones_in("520115").count(), 1);
        assert_eq!(demo.zones_in("520102").count(), 0);
        let typo = Jurisdiction {
            divisions: vec!["529999".into()],
            ..Jurisdiction::default()
        };
        assert_eq!(typo.problems(all).len(), 3);
        assert_eq!(demo.area().zh, "贵阳国家高新技术产业开发区");
        let unnamed = Jurisdiction {
            area: None,
            ..Jurisdiction::default()
        };
        assert_eq!(
            unnamed.area().en,
            "Guiyang Administration for Market Regulation"
        );
    }
}
