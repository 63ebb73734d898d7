//! Kaiban's registration rules, once, in pure Rust: the application model, identifier
//! parsers, name checks, every locally checkable legal rule, reference data and migration.
//! Used by the browser app (wasm) and by `kaiban-verify` (native) alike.

pub mod date;
pub mod ids;
pub mod money;
