//! 开办套餐: the services set up together with the registration, filed once in the same
//! application (domain.md §8.1–8.2 step 8; e.g. DB 4112/T 318—2023 企业开办工作指引): seal
//! engraving, tax registration and invoices, employees' social insurance, the housing fund, and
//! a bank account appointment. Each service is optional (`None`: not taken) and reuses what the
//! application already says: people are named by id, the enterprise and its address come from
//! the registration. What the deployment offers (engravers, banks, which services) is
//! [`BundleOffer`], from kaiban.config.json.

mod offer;
mod rules;
mod section;
mod summary;

pub use offer::{BundleOffer, Listed, ListedBank};
pub(crate) use rules::check;
pub use section::{section, AgencyPerson, BundleSection};
pub use summary::summary;

use crate::date::Date;
use crate::model::PersonId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Bundle {
    pub seals: Option<SealOrder>,
    pub tax: Option<TaxRegistration>,
    /// Whether there are employees now, how many and from when: social insurance and the
    /// housing fund both read it (asked once).
    pub employees: Employees,
    pub social_insurance: Option<SocialInsurance>,
    pub housing_fund: Option<HousingFund>,
    pub bank: Option<BankAppointment>,
}

impl Bundle {
    pub fn is_empty(&self) -> bool {
        self.taken().next().is_none()
    }

    /// The services taken, in the order the step asks them.
    pub fn taken(&self) -> impl Iterator<Item = Service> + '_ {
        Service::ALL.into_iter().filter(|s| match s {
            Service::Seals => self.seals.is_some(),
            Service::Tax => self.tax.is_some(),
            Service::SocialInsurance => self.social_insurance.is_some(),
            Service::HousingFund => self.housing_fund.is_some(),
            Service::Bank => self.bank.is_some(),
        })
    }

    /// Takes `service`, filled from what the application already says (nothing typed twice):
    /// the seals a company or another entity has, the finance officer as the tax officer,
    /// the liaison (else the finance officer) as the agent, the legal representative (else the
    /// first investor) as the account's operator. Leaves it as it is if already taken.
    pub fn take(app: &mut crate::Application, service: Service) {
        let company = app.entity_type.is_some_and(|t| t.is_company());
        let natural = |id: &Option<PersonId>| {
            id.clone()
                .filter(|id| app.person(id).is_some_and(|p| !p.is_organisation()))
        };
        let finance = natural(&app.finance_officer_id);
        let agent = natural(&app.liaison_id).or_else(|| finance.clone());
        let first_investor = app
            .investors
            .iter()
            .map(|i| Some(i.person_id.clone()))
            .find_map(|id| natural(&id));
        let representative = if company {
            natural(&app.officers.legal_representative_id)
        } else {
            first_investor.clone()
        };
        let bundle = &mut app.bundle;
        match service {
            Service::Seals if bundle.seals.is_none() => {
                let mut kinds = vec![SealKind::Official, SealKind::Finance];
                if bundle.tax.is_some() {
                    kinds.push(SealKind::Invoice);
                }
                kinds.push(SealKind::Contract);
                if company {
                    kinds.push(SealKind::LegalRepresentative);
                }
                bundle.seals = Some(SealOrder {
                    kinds,
                    ..SealOrder::default()
                });
            }
            Service::Tax if bundle.tax.is_none() => {
                bundle.tax = Some(TaxRegistration {
                    invoices: vec![InvoiceKind::DigitalOrdinary],
                    tax_officer_id: finance.or(representative),
                    ..TaxRegistration::default()
                });
            }
            Service::SocialInsurance if bundle.social_insurance.is_none() => {
                bundle.social_insurance = Some(SocialInsurance { agent_id: agent });
            }
            Service::HousingFund if bundle.housing_fund.is_none() => {
                bundle.housing_fund = Some(HousingFund {
                    rate_percent: None,
                    agent_id: agent,
                });
            }
            Service::Bank if bundle.bank.is_none() => {
                bundle.bank = Some(BankAppointment {
                    operators: representative.into_iter().collect(),
                    ..BankAppointment::default()
                });
            }
            _ => {}
        }
    }

    /// Leaves `service` out.
    pub fn leave(&mut self, service: Service) {
        match service {
            Service::Seals => self.seals = None,
            Service::Tax => self.tax = None,
            Service::SocialInsurance => self.social_insurance = None,
            Service::HousingFund => self.housing_fund = None,
            Service::Bank => self.bank = None,
        }
    }

    pub fn has(&self, service: Service) -> bool {
        self.taken().any(|s| s == service)
    }

    /// Every person the bundle names, with where.
    pub fn people(&self) -> Vec<(&PersonId, String)> {
        let mut out = Vec::new();
        if let Some(id) = self.tax.as_ref().and_then(|t| t.tax_officer_id.as_ref()) {
            out.push((id, crate::path::BUNDLE_TAX_OFFICER.to_string()));
        }
        if let Some(id) = self
            .social_insurance
            .as_ref()
            .and_then(|s| s.agent_id.as_ref())
        {
            out.push((id, crate::path::BUNDLE_SOCIAL_AGENT.to_string()));
        }
        if let Some(id) = self.housing_fund.as_ref().and_then(|h| h.agent_id.as_ref()) {
            out.push((id, crate::path::BUNDLE_HOUSING_AGENT.to_string()));
        }
        if let Some(bank) = &self.bank {
            for (i, id) in bank.operators.iter().enumerate() {
                out.push((id, crate::path::bank_operator(i)));
            }
        }
        out
    }
}

/// The services, as the deployment names them in `bundle.services` and the receiver's operator
/// moves them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// 印章刻制
    Seals,
    /// 税务登记、申领发票
    Tax,
    /// 员工参保登记
    SocialInsurance,
    /// 住房公积金缴存登记
    HousingFund,
    /// 银行预约开户
    Bank,
}

impl Service {
    pub const ALL: [Service; 5] = [
        Service::Seals,
        Service::Tax,
        Service::SocialInsurance,
        Service::HousingFund,
        Service::Bank,
    ];

    pub fn label(self) -> crate::text::Bi {
        use crate::text::Bi;
        match self {
            Service::Seals => Bi::new("印章刻制", "Seal engraving"),
            Service::Tax => Bi::new("税务登记与发票", "Tax registration and invoices"),
            Service::SocialInsurance => Bi::new("员工参保登记", "Employees' social insurance"),
            Service::HousingFund => Bi::new("住房公积金缴存登记", "Housing fund registration"),
            Service::Bank => Bi::new("银行预约开户", "Bank account appointment"),
        }
    }

    pub fn key(self) -> String {
        crate::key::of(&self)
    }
}

/// Where one service of a filed case stands, as its agency reports it (the reference
/// receiver's operator sets it; the applicant's receipt shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceState {
    /// Filed with the registration, not yet taken up.
    Requested,
    InProgress,
    /// 印章已刻制, 税务登记完成, 银行已预约 …
    Done,
    /// The agency could not do it (its reason in the detail).
    Refused,
}

impl ServiceState {
    pub const ALL: [ServiceState; 4] = [
        ServiceState::Requested,
        ServiceState::InProgress,
        ServiceState::Done,
        ServiceState::Refused,
    ];

    /// What `service` in this state is called: 印章已刻制, 银行已预约 ….
    pub fn label(self, service: Service) -> crate::text::Bi {
        use crate::text::Bi;
        match (self, service) {
            (ServiceState::Requested, _) => Bi::new("已申请", "Requested"),
            (ServiceState::InProgress, _) => Bi::new("办理中", "In progress"),
            (ServiceState::Refused, _) => Bi::new("未能办理", "Could not be done"),
            (ServiceState::Done, Service::Seals) => Bi::new("印章已刻制", "Seals engraved"),
            (ServiceState::Done, Service::Tax) => Bi::new("税务登记完成", "Tax registration done"),
            (ServiceState::Done, Service::SocialInsurance) => {
                Bi::new("参保登记完成", "Social insurance registered")
            }
            (ServiceState::Done, Service::HousingFund) => {
                Bi::new("公积金缴存登记完成", "Housing fund registered")
            }
            (ServiceState::Done, Service::Bank) => Bi::new("银行已预约", "Bank appointment booked"),
        }
    }
}

/// One change of a service's state, with what the agency said (e.g. the booked slot).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEvent {
    pub service: Service,
    pub state: ServiceState,
    /// RFC 3339 UTC.
    pub at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SealOrder {
    pub kinds: Vec<SealKind>,
    pub material: SealMaterial,
    /// The engraver from the deployment's list, with its names as filed (the documents print
    /// them; the rules check them against the list).
    pub engraver: Listed,
    pub delivery: SealDelivery,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealKind {
    /// 公章
    Official,
    /// 财务专用章
    Finance,
    /// 发票专用章
    Invoice,
    /// 合同专用章
    Contract,
    /// 法定代表人名章
    LegalRepresentative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealMaterial {
    /// 光敏
    #[default]
    Photosensitive,
    /// 原子（回墨）
    SelfInking,
    /// 铜
    Copper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealDelivery {
    /// With the licence, as the applicant chose to receive it.
    #[default]
    WithLicence,
    /// Collected at the engraver.
    PickUp,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TaxRegistration {
    pub taxpayer: TaxpayerKind,
    /// 一般纳税人: the applicant declares sound accounting (会计核算健全), the condition a new
    /// enterprise registers on.
    pub accounting_sound: bool,
    pub invoices: Vec<InvoiceKind>,
    /// 办税人: who deals with the tax office; one of the application's people.
    pub tax_officer_id: Option<PersonId>,
    /// The tax officer confirmed their identity for real-name tax handling (实名办税).
    pub real_name_confirmed: bool,
    pub accounting_standard: AccountingStandard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxpayerKind {
    /// 小规模纳税人
    #[default]
    SmallScale,
    /// 一般纳税人
    General,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceKind {
    /// 数电发票（普通发票）
    DigitalOrdinary,
    /// 数电发票（增值税专用发票）
    DigitalSpecial,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountingStandard {
    /// 小企业会计准则
    #[default]
    SmallEnterprise,
    /// 企业会计准则
    Enterprise,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Employees {
    /// Whether the enterprise employs people from the start.
    pub now: bool,
    pub count: Option<u32>,
    /// The month contributions start, `YYYY-MM`.
    pub start_month: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SocialInsurance {
    /// Who registers the employees (经办人).
    pub agent_id: Option<PersonId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HousingFund {
    /// The contribution rate, in percent of wages, for employer and employee alike.
    pub rate_percent: Option<u8>,
    pub agent_id: Option<PersonId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BankAppointment {
    /// The bank and branch from the deployment's list, with their names as filed.
    pub bank: Listed,
    pub branch: Listed,
    pub date: Option<Date>,
    pub slot: TimeSlot,
    /// Who will operate the account (the legal representative usually among them).
    pub operators: Vec<PersonId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSlot {
    /// 上午 9:00–12:00
    #[default]
    Morning,
    /// 下午 14:00–17:00
    Afternoon,
}

#[cfg(test)]
mod tests;
