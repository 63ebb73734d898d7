//! Kaiban's registration rules, once, in pure Rust: the application model, identifier
//! parsers, name checks, every locally checkable legal rule, reference data and migration.
//! Used by the browser app (wasm) and by `kaiban-verify` (native) alike.

pub mod bundle;
pub mod case;
pub mod catalog;
pub mod date;
pub mod documents;
pub mod ids;
pub mod key;
pub mod model;
pub mod money;
pub mod name;
pub mod path;
pub mod rules;
pub mod text;

pub use model::Application;
pub use rules::{check, reads_divisions, Checker, Context, Finding, Severity};
pub mod migrate;
pub use migrate::{migrate, MigrateError};
pub mod package;
pub mod samples;
