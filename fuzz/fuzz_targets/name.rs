//! The enterprise-name parser and checks on arbitrary text, for every entity type.
#![no_main]

use kaiban_core::model::EntityType;
use kaiban_core::name;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    for entity in EntityType::ALL {
        let _ = name::parse(input, entity);
        for finding in name::check(input, entity) {
            assert!(!finding.message_zh.is_empty() && !finding.message_en.is_empty());
        }
    }
});
