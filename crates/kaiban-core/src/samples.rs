//! Synthetic applications for benchmarks and load tests (all people and IDs are made up).

use crate::model::{Application, Contribution, Investor, Person};
use crate::money::FEN_PER_WAN;

const LLC_EXAMPLE: &str = include_str!("../examples/applications/llc.json");

/// The LLC example grown to `investors` shareholders (at most 50 stays legal), each with a
/// valid resident ID, and the capital adjusted so that every rule still passes.
pub fn llc_with_investors(investors: usize) -> Application {
    let mut app: Application = serde_json::from_str(LLC_EXAMPLE).expect("example is valid");
    let due = app.investors[0].contributions[0].due_date;
    while app.investors.len() < investors {
        let n = app.investors.len();
        let first17 = format!("520115{:04}0101{:03}", 1970 + (n % 30), 100 + n);
        let check = crate::ids::mod11_2_check(first17.as_bytes());
        let id = format!("p-extra-{n}");
        app.persons.push(Person {
            id: id.clone(),
            name: format!("股东{n}"),
            id_number: format!("{first17}{check}"),
            mobile: format!("139{:08}", 85_100_000 + n),
            address: "贵州省贵阳市观山湖区林城西路100号".into(),
            ..Person::default()
        });
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
    }
    app.capital.registered_fen = Some(app.investors.iter().map(|i| i.subscribed_fen).sum());
    app
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
}
