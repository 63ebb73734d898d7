//! The `kaiban-verify check` path: arbitrary bytes as an application JSON, migrated and
//! checked. Never panics; every finding is bilingual; an application that parses survives a
//! serialise → parse round trip unchanged.
#![no_main]

use kaiban_core::date::Date;
use kaiban_core::{check, migrate, Context};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn context() -> &'static Context<'static> {
    static CONTEXT: OnceLock<Context<'static>> = OnceLock::new();
    CONTEXT.get_or_init(|| Context::with_bundled_catalog(Date::new(2026, 1, 1).unwrap()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(application) = migrate(text) else {
        return;
    };
    for finding in check(&application, context()) {
        assert!(!finding.message_zh.is_empty() && !finding.message_en.is_empty(), "{finding:?}");
    }
    let again = migrate(&serde_json::to_string(&application).unwrap()).unwrap();
    assert_eq!(again, application);
});
