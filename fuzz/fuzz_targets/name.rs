//! The enterprise-name parser and checks on arbitrary text, for every entity type.
#![no_main]

use kaiban_core::catalog::Divisions;
use kaiban_core::model::EntityType;
use kaiban_core::name;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let divisions = Divisions::national();
    for entity in EntityType::ALL {
        let _ = name::parse(input, entity, divisions);
        for finding in name::check(input, entity, divisions) {
            assert!(!finding.message_zh.is_empty() && !finding.message_en.is_empty());
        }
    }
});
