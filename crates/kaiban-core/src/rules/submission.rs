//! Attachments, licence delivery and the declaration.

use super::Finding;
use super::Indexed;
use crate::ids::MobileNumber;
use crate::model::DeliveryMethod;
use crate::path;

/// Largest attachment the registrar accepts.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;
pub const ACCEPTED_MEDIA_TYPES: [&str; 4] =
    ["application/pdf", "image/jpeg", "image/png", "image/webp"];

pub(super) fn check(app: &Indexed, out: &mut Vec<Finding>) {
    for (i, a) in app.attachments.iter().enumerate() {
        let at = |field: &str| path::attachment(i, field);
        if a.name.trim().is_empty() || a.name.chars().count() > 200 {
            out.push(Finding::error(
                "attachment.name_invalid",
                at("name"),
                "附件需要一个不超过200字的文件名",
                "An attachment needs a file name of at most 200 characters",
            ));
        }
        if a.size == 0 || a.size > MAX_ATTACHMENT_BYTES {
            out.push(Finding::error(
                "attachment.size",
                at("size"),
                format!("附件“{}”的大小须在1字节到20MB之间", a.name),
                format!("Attachment “{}” must be between 1 byte and 20 MB", a.name),
            ));
        }
        if !ACCEPTED_MEDIA_TYPES.contains(&a.media_type.as_str()) {
            out.push(Finding::error(
                "attachment.media_type",
                at("media_type"),
                format!(
                    "附件“{}”的格式不受支持，请上传 PDF、JPG、PNG 或 WebP 文件",
                    a.name
                ),
                format!(
                    "Attachment “{}” has an unsupported format: upload PDF, JPG, PNG or WebP",
                    a.name
                ),
            ));
        }
        let hex = a.sha256.len() == 64
            && a.sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex {
            out.push(Finding::error(
                "attachment.hash",
                at("sha256"),
                "附件的SHA-256摘要缺失或格式不正确，请重新上传",
                "The attachment's SHA-256 digest is missing or malformed: upload it again",
            ));
        }
    }

    let delivery = &app.licence_delivery;
    if delivery.method == DeliveryMethod::Post {
        if delivery.recipient.trim().is_empty() {
            out.push(Finding::error(
                "delivery.recipient_required",
                path::DELIVERY_RECIPIENT,
                "请填写收件人",
                "Enter the recipient",
            ));
        }
        if delivery.address.trim().chars().count() < 5 {
            out.push(Finding::error(
                "delivery.address_required",
                path::DELIVERY_ADDRESS,
                "请填写完整的邮寄地址",
                "Enter the full postal address",
            ));
        }
        if let Err(e) = delivery.phone.parse::<MobileNumber>() {
            out.push(Finding::error(
                "delivery.phone_invalid",
                path::DELIVERY_PHONE,
                format!("收件人手机号码有误：{}", e.message().zh),
                format!("The recipient's mobile number is wrong: {}", e.message().en),
            ));
        }
    }

    if !app.declaration.truthful {
        out.push(Finding::error("declaration.truthful_required", "declaration.truthful", "请确认申请材料真实、合法、有效，并承担相应法律责任", "Confirm that the application is true, lawful and valid, and that you bear legal responsibility for it"));
    }
    if !app.declaration.no_disqualification {
        out.push(Finding::error(
            "declaration.no_disqualification_required",
            path::DECLARATION_NO_DISQUALIFICATION,
            "请确认董事、监事、高级管理人员不存在不得担任的情形（《公司法》第一百七十八条）",
            "Confirm that no director, supervisor or senior manager is disqualified (Company Law, Art 178)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::DeliveryMethod;
    use crate::rules::testing::*;

    #[test]
    fn attachments_delivery_and_declaration() {
        let mut app = example("llc");
        app.attachments[0].size = 0;
        app.attachments[0].media_type = "text/html".into();
        app.attachments[0].sha256 = "xyz".into();
        app.attachments[0].name.clear();
        for code in [
            "attachment.size",
            "attachment.media_type",
            "attachment.hash",
            "attachment.name_invalid",
        ] {
            find(&app, code);
        }
        let mut app = example("llc");
        app.licence_delivery.method = DeliveryMethod::Post;
        app.licence_delivery.address.clear();
        app.licence_delivery.recipient.clear();
        app.licence_delivery.phone = "123".into();
        for code in [
            "delivery.recipient_required",
            "delivery.address_required",
            "delivery.phone_invalid",
        ] {
            find(&app, code);
        }
        let mut app = example("llc");
        app.declaration.truthful = false;
        app.declaration.no_disqualification = false;
        find(&app, "declaration.truthful_required");
        find(&app, "declaration.no_disqualification_required");
    }
}
