//! What a deployment offers with the registration (`bundle` in kaiban.config.json): which
//! services, the seal engravers and the banks with their branches an applicant chooses from,
//! and whether the district pays for the first set of seals. The app and the receiver read the
//! same setting, so a choice the app offers is one the receiver accepts.

use super::Service;
use crate::catalog::jurisdiction::Named;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleOffer {
    /// The services offered; an empty list switches the step off.
    pub services: Vec<Service>,
    #[serde(default)]
    pub engravers: Vec<Listed>,
    #[serde(default)]
    pub banks: Vec<ListedBank>,
    /// Said beside the seals when the district pays for the first set (免费刻章).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_first_seals: Option<Named>,
}

/// A choice from the deployment's list: a stable code and its name in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    pub code: String,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedBank {
    pub code: String,
    pub zh: String,
    pub en: String,
    pub branches: Vec<Listed>,
}

fn listed(code: &str, zh: &str, en: &str) -> Listed {
    Listed {
        code: code.into(),
        zh: zh.into(),
        en: en.into(),
    }
}

impl Listed {
    pub fn name(&self) -> crate::text::Bi {
        crate::text::Bi::owned(self.zh.clone(), self.en.clone())
    }
}

impl Default for BundleOffer {
    /// The demo deployment's: every service; engravers and branches invented for the demo and
    /// marked so (a district lists its own).
    fn default() -> BundleOffer {
        BundleOffer {
            services: Service::ALL.to_vec(),
            engravers: vec![
                listed("DEMO-SEAL-1", "筑城印章刻制有限公司（演示）", "Zhucheng Seal Engraving Co. (demo)"),
                listed("DEMO-SEAL-2", "黔印科技有限公司（演示）", "Qianyin Technology Co. (demo)"),
            ],
            banks: vec![
                ListedBank {
                    code: "ICBC".into(),
                    zh: "中国工商银行".into(),
                    en: "Industrial and Commercial Bank of China".into(),
                    branches: vec![
                        listed("ICBC-DEMO-GSH", "观山湖支行（演示）", "Guanshanhu sub-branch (demo)"),
                        listed("ICBC-DEMO-HX", "花溪支行（演示）", "Huaxi sub-branch (demo)"),
                    ],
                },
                ListedBank {
                    code: "CCB".into(),
                    zh: "中国建设银行".into(),
                    en: "China Construction Bank".into(),
                    branches: vec![listed(
                        "CCB-DEMO-JY",
                        "金阳支行（演示）",
                        "Jinyang sub-branch (demo)",
                    )],
                },
                ListedBank {
                    code: "GZRCB".into(),
                    zh: "贵州农村商业银行".into(),
                    en: "Guizhou Rural Commercial Bank".into(),
                    branches: vec![listed(
                        "GZRCB-DEMO-BY",
                        "白云支行（演示）",
                        "Baiyun sub-branch (demo)",
                    )],
                },
            ],
            free_first_seals: Some(Named {
                zh: "首套印章（公章、财务专用章、发票专用章、合同专用章、法定代表人名章）由政府购买服务免费刻制".into(),
                en: "The first set of seals (official, finance, invoice, contract, legal representative) is engraved free of charge, paid by the district".into(),
            }),
        }
    }
}

impl BundleOffer {
    pub fn offers(&self, service: Service) -> bool {
        self.services.contains(&service)
    }

    pub fn engraver(&self, code: &str) -> Option<&Listed> {
        self.engravers.iter().find(|e| e.code == code)
    }

    pub fn bank(&self, code: &str) -> Option<&ListedBank> {
        self.banks.iter().find(|b| b.code == code)
    }

    /// The bank as an application files it.
    pub fn bank_listed(&self, code: &str) -> Option<Listed> {
        self.bank(code).map(|b| Listed {
            code: b.code.clone(),
            zh: b.zh.clone(),
            en: b.en.clone(),
        })
    }

    /// What is wrong with the setting itself: a service offered without anything to choose
    /// from, a code listed twice, a name missing in one language.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.offers(Service::Seals) && self.engravers.is_empty() {
            problems.push("bundle: seals are offered but no engraver is listed".to_string());
        }
        if self.offers(Service::Bank)
            && (self.banks.is_empty() || self.banks.iter().any(|b| b.branches.is_empty()))
        {
            problems.push("bundle: the bank service needs banks, each with branches".to_string());
        }
        let mut codes = std::collections::HashSet::new();
        let all = self
            .engravers
            .iter()
            .chain(self.banks.iter().flat_map(|b| &b.branches));
        for item in all {
            if !codes.insert(item.code.as_str()) {
                problems.push(format!("bundle: the code {} is listed twice", item.code));
            }
            if item.zh.trim().is_empty() || item.en.trim().is_empty() {
                problems.push(format!("bundle: {} needs a name in zh and en", item.code));
            }
        }
        problems
    }
}
