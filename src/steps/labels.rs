//! Field labels that a question page and the review page both show: written once, so the
//! answer is labelled as it was asked.

use kaiban_core::text::Bi;

pub const ENTITY_TYPE: Bi = Bi::new("企业类型", "Type of enterprise");
pub const NAME: Bi = Bi::new("企业名称", "Business name");
pub const POSTCODE: Bi = Bi::new("邮政编码", "Postcode");
pub const LEGAL_REPRESENTATIVE: Bi = Bi::new("法定代表人", "Legal representative");
pub const MANAGER: Bi = Bi::new("经理", "Manager");
pub const FINANCE_OFFICER: Bi = Bi::new("财务负责人", "Finance officer");
pub const LIAISON: Bi = Bi::new("登记联络员", "Registration liaison");

/// The label of a field that may be left empty: "邮政编码（选填）", "Postcode (optional)".
pub fn optional(label: Bi) -> Bi {
    Bi::owned(
        format!("{}（选填）", label.zh),
        format!("{} (optional)", label.en),
    )
}
