//! Property tests for the identifier parsers, written against an independent
//! implementation of the check algorithms.

use kaiban_core::ids::{
    check_document, CreditCode, IdType, MobileNumber, OrgCode, PostalCode, ResidentId,
};
use kaiban_core::model::EntityType;
use proptest::prelude::*;

const PROVINCES: [u32; 31] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65,
];
const CHARSET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

fn resident_check(first17: &str) -> char {
    let sum: u32 = first17
        .bytes()
        .enumerate()
        .map(|(i, b)| (b - b'0') as u32 * (2u32.pow(17 - i as u32) % 11))
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

fn credit_check(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .enumerate()
        .map(|(i, c)| {
            CHARSET.iter().position(|x| x == c).unwrap() as u32 * (3u32.pow(i as u32) % 31)
        })
        .sum();
    CHARSET[((31 - sum % 31) % 31) as usize]
}

prop_compose! {
    fn valid_resident_id()(
        province in prop::sample::select(PROVINCES.to_vec()),
        rest in 0u32..10_000,
        year in 1900i32..2025,
        month in 1u32..=12,
        day in 1u32..=28,
        seq in 0u32..1000,
    ) -> String {
        let first17 = format!("{province:02}{rest:04}{year:04}{month:02}{day:02}{seq:03}");
        let check = resident_check(&first17);
        format!("{first17}{check}")
    }
}

prop_compose! {
    fn valid_credit_code()(
        category in prop::sample::select(vec![b'1', b'2', b'3']),
        region in 110000u32..660000,
        body in prop::collection::vec(prop::sample::select(CHARSET.to_vec()), 9),
    ) -> String {
        let mut code = vec![b'9', category];
        code.extend(format!("{region:06}").bytes());
        code.extend(body);
        let check = credit_check(&code);
        code.push(check);
        String::from_utf8(code).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_generated_resident_id_parses(id in valid_resident_id()) {
        let parsed: ResidentId = id.parse().map_err(|e| TestCaseError::fail(format!("{id}: {e}")))?;
        prop_assert_eq!(parsed.as_str(), id.as_str());
    }

    #[test]
    fn every_single_character_corruption_of_a_resident_id_is_rejected(
        id in valid_resident_id(), position in 0usize..18, replacement in prop::sample::select(b"0123456789X".to_vec())
    ) {
        let mut bytes = id.clone().into_bytes();
        prop_assume!(bytes[position] != replacement);
        bytes[position] = replacement;
        let corrupted = String::from_utf8(bytes).unwrap();
        prop_assert!(corrupted.parse::<ResidentId>().is_err(), "{} accepted", corrupted);
    }

    #[test]
    fn every_generated_credit_code_parses(code in valid_credit_code()) {
        prop_assert!(code.parse::<CreditCode>().is_ok(), "{}", code);
    }

    #[test]
    fn every_single_character_corruption_of_a_credit_code_is_rejected(
        code in valid_credit_code(), position in 0usize..18, replacement in prop::sample::select(CHARSET.to_vec())
    ) {
        let mut bytes = code.clone().into_bytes();
        prop_assume!(bytes[position] != replacement);
        bytes[position] = replacement;
        let corrupted = String::from_utf8(bytes).unwrap();
        prop_assert!(corrupted.parse::<CreditCode>().is_err(), "{} accepted", corrupted);
    }

    #[test]
    fn parsers_never_panic_on_arbitrary_text(text in "\\PC{0,40}") {
        let _ = text.parse::<ResidentId>();
        let _ = text.parse::<CreditCode>();
        let _ = text.parse::<OrgCode>();
        let _ = text.parse::<MobileNumber>();
        let _ = text.parse::<PostalCode>();
        for id_type in IdType::ALL {
            let _ = check_document(id_type, &text, None);
        }
        for entity in EntityType::ALL {
            let _ = kaiban_core::name::check(&text, entity, kaiban_core::catalog::Divisions::national());
        }
        let _ = kaiban_core::money::parse_wan(&text);
        let _ = kaiban_core::migrate(&text);
    }

    #[test]
    fn parsers_never_panic_on_id_like_text(text in "[0-9A-Za-z０-９xX\\-\\+ ]{0,24}") {
        let _ = text.parse::<ResidentId>();
        let _ = text.parse::<CreditCode>();
        let _ = text.parse::<OrgCode>();
        let _ = text.parse::<MobileNumber>();
        for id_type in IdType::ALL {
            let _ = check_document(id_type, &text, None);
        }
    }
}
