//! Every identifier, date and money parser on arbitrary text: never panics, and whatever
//! parses prints back to text that parses to the same value.
#![no_main]

use kaiban_core::date::Date;
use kaiban_core::ids::{self, CreditCode, IdType, MobileNumber, OrgCode, PostalCode, ResidentId};
use kaiban_core::money;
use libfuzzer_sys::fuzz_target;
use std::str::FromStr;

fn round_trips<T: FromStr + PartialEq + std::fmt::Debug>(input: &str, show: impl Fn(&T) -> String) {
    if let Ok(value) = input.parse::<T>() {
        let again = show(&value).parse::<T>().ok();
        assert_eq!(again.as_ref(), Some(&value), "{input:?} does not round-trip");
    }
}

fuzz_target!(|input: &str| {
    round_trips::<ResidentId>(input, |v| v.as_str().to_string());
    round_trips::<CreditCode>(input, |v| v.as_str().to_string());
    round_trips::<OrgCode>(input, |v| v.as_str().to_string());
    round_trips::<MobileNumber>(input, |v| v.as_str().to_string());
    round_trips::<PostalCode>(input, |v| v.as_str().to_string());
    round_trips::<Date>(input, |v| v.to_string());
    if let Ok(id) = input.parse::<ResidentId>() {
        let _ = (id.birth_date(), id.sex(), id.region_code(), id.birth_year_is_implausible());
    }
    if let Ok(code) = input.parse::<CreditCode>() {
        let _ = (code.authority_division(), code.is_market_entity(), code.embedded_org_code());
    }
    let _ = ResidentId::from_legacy_15(input);
    let _ = ids::normalise(input);
    for id_type in IdType::ALL {
        let _ = ids::check_document(id_type, input, None);
    }
    if let Ok(fen) = money::parse_yuan(input) {
        assert_eq!(money::parse_yuan(&money::format_yuan_plain(fen)), Ok(fen), "{input:?}");
        let _ = money::format_yuan(fen);
    }
    if let Ok(fen) = money::parse_wan(input) {
        let _ = money::format_wan(fen);
    }
    let _ = money::parse_decimal(input, 4);
});
