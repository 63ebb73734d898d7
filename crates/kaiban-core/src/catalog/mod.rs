//! Reference data shipped with the crate.

mod csv;
pub mod divisions;
pub mod jurisdiction;
pub mod scope;

pub use divisions::Divisions;
pub use jurisdiction::Jurisdiction;
pub use scope::{licence_text, Catalog, CatalogueSource, ScopeItem, ScopeKind};
