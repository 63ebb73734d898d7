//! The documents a filing consists of (市场主体登记管理条例 Art 16) and who must sign each
//! (the signature matrix of domain.md §3.8), derived from the application alone. The
//! browser shows each signer the documents this list gives them; a receiver derives the
//! same list again and never takes one from the package.

mod need;

pub use need::{required_documents, DocumentKind, DocumentNeed};
