//! The documents a filing consists of (市场主体登记管理条例 Art 16) and who must sign each
//! (the signature matrix of domain.md §3.8), derived from the application alone. The
//! browser shows each signer the documents this list gives them; a receiver derives the
//! same list again and never takes one from the package.

mod application_form;
mod appointments;
mod articles;
mod document;
mod facts;

/// The term of operation as the documents state it (长期, 20年).
pub(crate) fn term_zh(app: &crate::rules::Indexed) -> String {
    facts::term(app).zh.to_string()
}

/// The registered address as the documents print it (贵州省贵阳市观山湖区…).
pub(crate) fn address_zh(app: &crate::rules::Indexed) -> String {
    facts::address(app).0
}
mod html;
mod joint_stock;
mod need;
mod options;
mod partnership;

pub use document::{chinese_number, Chapter, Document, Numbering, SignatureLine};
pub use html::escape;
pub use need::{required_documents, DocumentKind, DocumentNeed};

use crate::model::{Application, EntityType};
use crate::rules::Indexed;

/// The articles of association of a company.
pub fn articles(app: &Application) -> Option<Document> {
    founding_articles(&Indexed::new(app), &required_documents(app))
}

fn founding_articles(app: &Indexed, needs: &[DocumentNeed]) -> Option<Document> {
    let need = needs.iter().find(|n| n.kind == DocumentKind::Articles)?;
    match app.entity_type? {
        EntityType::Llc | EntityType::OnePersonLlc => {
            Some(articles::llc_articles(app, &need.signers))
        }
        EntityType::JointStock => Some(joint_stock::jsc_articles(app, &need.signers)),
        _ => None,
    }
}

/// Every document of the filing, in the order of `required_documents`, each signed by
/// exactly the signers its need derived.
pub fn generate(app: &Application) -> Vec<Document> {
    let app = &Indexed::new(app);
    let needs = need::required(app);
    needs
        .iter()
        .filter_map(|need| match need.kind {
            DocumentKind::ApplicationForm => application_form::application_form(app, need),
            DocumentKind::Articles => founding_articles(app, &needs),
            DocumentKind::PartnershipAgreement => {
                Some(partnership::partnership_agreement(app, &need.signers))
            }
            _ => appointments::appointment_document(app, need),
        })
        .collect()
}

#[cfg(test)]
mod tests;
