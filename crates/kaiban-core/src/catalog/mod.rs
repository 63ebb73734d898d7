//! Reference data shipped with the crate.

mod csv;
pub mod divisions;
pub mod scope;

pub use scope::{Catalog, ScopeItem, ScopeKind};
