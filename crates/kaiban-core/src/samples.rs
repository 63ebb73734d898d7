//! Synthetic applications for benchmarks and load tests (all people and IDs are made up).

use crate::model::{Application, Contribution, Investor, Person};
use crate::money::FEN_PER_WAN;

const LLC_EXAMPLE: &str = include_str!("../examples/applications/llc.json");

/// The LLC example grown to `investors` shareholders (at most 50 stays legal), each with a
/// valid resident ID, and the capital adjusted so that every rule still passes.
pub fn llc_with_investors(investors: usize) -> Application {
    let mut app: Application = serde_json::from_str(LLC_EXAMPLE).expect("example is valid");
    let more = investors.saturating_sub(app.investors.len());
    let due = app.investors[0].contributions[0].due_date;
    append_investors(&mut app, more, due.expect("the example has a due date"));
    app
}

/// Appends `n` valid natural-person investors of 1 万元 each to `app` (ids, resident IDs and
/// mobiles unique within it), due on the first due date already entered, else on `due`, and sets
/// the registered capital to the sum of the subscriptions.
pub fn append_investors(app: &mut Application, n: usize, due: crate::date::Date) {
    let due = app
        .investors
        .iter()
        .flat_map(|i| &i.contributions)
        .find_map(|c| c.due_date)
        .or(Some(due));
    let taken: std::collections::HashSet<String> =
        app.persons.iter().map(|p| p.id.clone()).collect();
    let mut k = app.persons.len();
    for _ in 0..n {
        while taken.contains(&format!("p-extra-{k}")) {
            k += 1;
        }
        // 900 sequence numbers per birth date; the date moves on after each 900, so the
        // numbers stay unique for millions of investors (all born 1970–1999: adults).
        let block = k / 900;
        let first17 = format!(
            "520115{:04}{:02}{:02}{:03}",
            1970 + block % 30,
            1 + (block / 30) % 12,
            1 + (block / 360) % 28,
            100 + k % 900
        );
        let check = crate::ids::mod11_2_check(first17.as_bytes());
        let id = format!("p-extra-{k}");
        app.persons.push(
            Person {
                id: id.clone(),
                name: format!("股东{k}"),
                id_number: format!("{first17}{check}"),
                mobile: format!("139{:08}", 85_100_000 + k),
                address: "贵州省贵阳市观山湖区林城西路100号".into(),
                ..Person::default()
            }
            .into(),
        );
        app.investors.push(Investor {
            person_id: id,
            subscribed_fen: FEN_PER_WAN,
            contributions: vec![Contribution {
                amount_fen: FEN_PER_WAN,
                due_date: due,
                ..Contribution::default()
            }],
            ..Investor::default()
        });
        k += 1;
    }
    app.capital.registered_fen = Some(app.investors.iter().map(|i| i.subscribed_fen).sum());
}

/// The shipped example applications, one per entity type, by file name.
pub fn examples() -> Vec<(&'static str, Application)> {
    [
        ("llc", LLC_EXAMPLE),
        (
            "one_person_llc",
            include_str!("../examples/applications/one_person_llc.json"),
        ),
        (
            "joint_stock",
            include_str!("../examples/applications/joint_stock.json"),
        ),
        (
            "sole_proprietorship",
            include_str!("../examples/applications/sole_proprietorship.json"),
        ),
        (
            "general_partnership",
            include_str!("../examples/applications/general_partnership.json"),
        ),
        (
            "limited_partnership",
            include_str!("../examples/applications/limited_partnership.json"),
        ),
        (
            "individual_business",
            include_str!("../examples/applications/individual_business.json"),
        ),
    ]
    .into_iter()
    .map(|(kind, json)| {
        let app = serde_json::from_str(json).unwrap_or_else(|e| panic!("example {kind}: {e}"));
        (kind, app)
    })
    .collect()
}

/// The shipped example of `kind` (`llc`, `joint_stock` …).
pub fn example(kind: &str) -> Application {
    examples()
        .into_iter()
        .find(|(k, _)| *k == kind)
        .unwrap_or_else(|| panic!("no example {kind}"))
        .1
}

/// `app` (a company of the examples) taking every service of the bundle, valid on `today`:
/// every seal from the demo's first engraver, a general taxpayer whose finance officer deals with
/// the tax office, five employees from next month, a 12 % housing fund, and an appointment a
/// week ahead (moved off a weekend) with the legal representative.
pub fn with_full_bundle(mut app: Application, today: crate::date::Date) -> Application {
    use crate::bundle::*;
    let offer = BundleOffer::default();
    let agent = app
        .finance_officer_id
        .clone()
        .or_else(|| app.persons.first().map(|p| p.id.clone()));
    let representative = app
        .officers
        .legal_representative_id
        .clone()
        .or_else(|| agent.clone());
    let company = app.entity_type.is_some_and(|t| t.is_company());
    let mut kinds = vec![
        SealKind::Official,
        SealKind::Finance,
        SealKind::Invoice,
        SealKind::Contract,
    ];
    if company {
        kinds.push(SealKind::LegalRepresentative);
    }
    let next_month = if today.month == 12 {
        (today.year + 1, 1)
    } else {
        (today.year, today.month + 1)
    };
    let mut day = today.days_since_epoch() + 7;
    while crate::date::Date::from_days_since_epoch(day).is_weekend() {
        day += 1;
    }
    let bank = &offer.banks[0];
    app.bundle = Bundle {
        seals: Some(SealOrder {
            kinds,
            material: SealMaterial::Photosensitive,
            engraver: offer.engravers[0].clone(),
            delivery: SealDelivery::WithLicence,
        }),
        tax: Some(TaxRegistration {
            taxpayer: TaxpayerKind::General,
            accounting_sound: true,
            invoices: vec![InvoiceKind::DigitalOrdinary, InvoiceKind::DigitalSpecial],
            tax_officer_id: agent.clone(),
            real_name_confirmed: true,
            accounting_standard: AccountingStandard::SmallEnterprise,
        }),
        employees: Employees {
            now: true,
            count: Some(5),
            start_month: format!("{}-{:02}", next_month.0, next_month.1),
        },
        social_insurance: Some(SocialInsurance {
            agent_id: agent.clone(),
        }),
        housing_fund: Some(HousingFund {
            rate_percent: Some(12),
            agent_id: agent,
        }),
        bank: Some(BankAppointment {
            bank: offer
                .bank_listed(&bank.code)
                .expect("the demo's first bank"),
            branch: bank.branches[0].clone(),
            date: Some(crate::date::Date::from_days_since_epoch(day)),
            slot: TimeSlot::Morning,
            operators: representative.into_iter().collect(),
        }),
    };
    app
}

/// Variants of `app` with one value broken each: every leaf of its JSON emptied, zeroed,
/// flipped, made too long or set to a date long past; every list emptied and every first list
/// item doubled. Variants that no longer parse as an application are left out. For tests that
/// must see every finding the rules can raise.
pub fn broken_variants(app: &Application) -> Vec<Application> {
    use serde_json::Value;
    let json = serde_json::to_value(app).expect("an application serialises");
    let mut pointers = Vec::new();
    leaves(&json, String::new(), &mut pointers);
    let mut out = Vec::new();
    for pointer in pointers {
        let current = json.pointer(&pointer).cloned().unwrap_or(Value::Null);
        let replacements: Vec<Value> = match &current {
            Value::String(_) => vec![
                Value::from(""),
                Value::from("x".repeat(200)),
                Value::from("2001-01-01"),
                Value::from("12812345678"),
            ],
            Value::Number(_) => vec![Value::from(0), Value::from(u64::MAX / 4), Value::from(1)],
            Value::Bool(b) => vec![Value::from(!b)],
            Value::Array(items) => {
                let mut doubled = items.clone();
                doubled.extend(items.first().cloned());
                vec![Value::Array(Vec::new()), Value::Array(doubled)]
            }
            Value::Null => vec![Value::from("2001-01-01"), Value::from("")],
            Value::Object(_) => vec![],
        };
        for replacement in replacements {
            let mut broken = json.clone();
            if let Some(slot) = broken.pointer_mut(&pointer) {
                *slot = replacement;
            }
            if let Ok(app) = serde_json::from_value(broken) {
                out.push(app);
            }
        }
    }
    // Fields the examples leave out, so the walk above never reaches them.
    for i in 0..app.persons.len() {
        let mut expired = app.clone();
        expired.persons[i].id_valid_to = crate::date::Date::new(2001, 1, 1);
        out.push(expired);
    }
    out
}

/// JSON pointers of every value below `value` but the objects themselves.
fn leaves(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            out.push(at.clone());
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// `payload` signed by every signer it lists, each with a fixed key made from `seed` and
/// their position (deterministic packages for tests, seeds and benchmarks; a real signer's
/// key lives in their browser).
pub fn signed_by_everyone(
    payload: &crate::package::Payload,
    seed: u8,
    iat: i64,
) -> crate::package::Package {
    let encoded = payload.encoded();
    let signatures = payload
        .required_signers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let secret = [seed.wrapping_add(i as u8); 32];
            let key = p256::ecdsa::SigningKey::from_bytes(&secret.into()).expect("a valid scalar");
            crate::package::sign_with(&key, &encoded, &s.person_id, iat)
        })
        .collect();
    crate::package::Package {
        payload: encoded,
        signatures,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fifty_investor_sample_is_valid() {
        let app = super::llc_with_investors(50);
        assert_eq!(app.investors.len(), 50);
        let findings = crate::rules::testing::findings(&app);
        assert!(!crate::rules::has_errors(&findings), "{findings:#?}");
    }

    /// The kit's 1 000-investor keystroke test fills this many: all of them valid (numbers
    /// repeated every 900 people once made 97 of them duplicates).
    #[test]
    fn a_thousand_investor_sample_is_valid() {
        let app = super::llc_with_investors(2_000);
        let findings = crate::rules::testing::findings(&app);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| &f.code)
            .collect();
        // More than 50 shareholders is the one thing wrong with it.
        assert_eq!(errors, ["investors.count"], "{findings:#?}");
    }

    #[test]
    fn appended_investors_raise_no_finding_of_their_own() {
        let mut app = super::example("llc");
        let due = crate::date::Date::new(2027, 6, 30).expect("a date");
        let before = app.investors.len();
        super::append_investors(&mut app, 30, due);
        assert_eq!(app.investors.len(), before + 30);
        let mut ids: Vec<_> = app.persons.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), app.persons.len(), "person ids are unique");
        let findings = crate::rules::testing::findings(&app);
        assert!(!crate::rules::has_errors(&findings), "{findings:#?}");
    }
}
