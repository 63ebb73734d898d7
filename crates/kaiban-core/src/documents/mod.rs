//! The documents a filing consists of (市场主体登记管理条例 Art 16) and who must sign each
//! (the signature matrix of domain.md §3.8), derived from the application alone. The
//! browser shows each signer the documents this list gives them; a receiver derives the
//! same list again and never takes one from the package.

mod articles;
mod document;
mod facts;
mod need;

pub use document::{chinese_number, Chapter, Document, SignatureLine};
pub use need::{required_documents, DocumentKind, DocumentNeed};

use crate::model::{Application, EntityType};

/// The articles of association, for the entity types whose template exists so far
/// (limited liability companies, one-person ones included).
pub fn articles(app: &Application) -> Option<Document> {
    match app.entity_type? {
        EntityType::Llc | EntityType::OnePersonLlc => Some(articles::llc_articles(app)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
