//! Domicile (住所): R-DOM-1, X-8, and the premises proof or declaration.

use super::{Context, Finding, Indexed};
use crate::catalog::divisions::{self, DivisionLevel};
use crate::ids::PostalCode;
use crate::model::{AttachmentPurpose, DomicileProof};
use crate::path;

const DETAIL_MIN: usize = 5;
const DETAIL_MAX: usize = 120;
/// The district this portal registers for: Guiyang.
const JURISDICTION_CITY: &str = "520100";

pub(super) fn check(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let _ = ctx;
    let d = &app.domicile;
    match divisions::find(&d.division_code) {
        None => out.push(Finding::error(
            "domicile.division_required",
            path::DOMICILE_DIVISION,
            "请选择住所所在的区（县、市）",
            "Choose the district or county of the address",
        )),
        Some(division) if division.level != DivisionLevel::County => out.push(Finding::error(
            "domicile.division_not_county",
            path::DOMICILE_DIVISION,
            "请选择到区（县、市）一级",
            "Choose a district or county, not a larger area",
        )),
        Some(division) if division.parent_code != JURISDICTION_CITY => out.push(Finding::warning(
            "domicile.outside_jurisdiction",
            path::DOMICILE_DIVISION,
            format!("住所在{}，不属于本平台（贵阳市）的登记管辖范围，申请将转至住所地登记机关", division.name_zh),
            format!("The address is in {}, outside this portal's area (Guiyang); the application will be passed to the authority there", division.name_en),
        )),
        Some(_) => {}
    }
    let detail_len = d.detail.trim().chars().count();
    if detail_len == 0 {
        out.push(Finding::error(
            "domicile.detail_required",
            path::DOMICILE_DETAIL,
            "请填写详细地址，具体到门牌号和房间号",
            "Enter the street address down to the building and room number",
        ));
    } else if detail_len < DETAIL_MIN {
        out.push(Finding::error(
            "domicile.detail_too_short",
            path::DOMICILE_DETAIL,
            "详细地址太短，请具体到路名、门牌号和房间号",
            "The address is too short: give the street, number and room",
        ));
    } else if detail_len > DETAIL_MAX {
        out.push(Finding::error(
            "domicile.detail_too_long",
            path::DOMICILE_DETAIL,
            format!("详细地址不能超过{DETAIL_MAX}个字"),
            format!("The address must be at most {DETAIL_MAX} characters"),
        ));
    }
    if !d.postcode.trim().is_empty() {
        if let Err(e) = d.postcode.parse::<PostalCode>() {
            out.push(Finding::error(
                "domicile.postcode_invalid",
                path::DOMICILE_POSTCODE,
                format!("邮政编码有误：{}", e.message().zh),
                format!("The postcode is wrong: {}", e.message().en),
            ));
        }
    }
    match d.proof {
        DomicileProof::Declaration if !d.declaration_accepted => out.push(Finding::error(
            "domicile.declaration_required",
            path::DOMICILE_DECLARATION,
            "请确认住所申报承诺：住所真实、合法、可以使用",
            "Confirm the address declaration: the premises are real, lawful and usable",
        )),
        DomicileProof::Document
            if !app
                .attachments
                .iter()
                .any(|a| a.purpose == AttachmentPurpose::DomicileProof) =>
        {
            out.push(Finding::error(
                "domicile.proof_required",
                crate::path::DOMICILE_PROOF_FILE,
                "请上传住所使用证明（如房产证明、租赁合同），或改为住所申报承诺",
                "Upload proof of the premises (title deed or lease), or make the address declaration instead",
            ))
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::model::DomicileProof;
    use crate::rules::testing::*;

    #[test]
    fn domicile_rules() {
        let mut app = example("llc");
        app.domicile.division_code.clear();
        find(&app, "domicile.division_required");
        app.domicile.division_code = "520100".into();
        find(&app, "domicile.division_not_county");
        app.domicile.division_code = "520300".into();
        find(&app, "domicile.division_not_county");
        let mut app = example("llc");
        app.domicile.detail = "一号".into();
        find(&app, "domicile.detail_too_short");
        app.domicile.detail.clear();
        find(&app, "domicile.detail_required");
        app.domicile.detail = "路".repeat(121);
        find(&app, "domicile.detail_too_long");
        let mut app = example("llc");
        app.domicile.postcode = "95008".into();
        find(&app, "domicile.postcode_invalid");
        let mut app = example("llc");
        app.domicile.proof = DomicileProof::Declaration;
        app.domicile.declaration_accepted = false;
        find(&app, "domicile.declaration_required");
        let mut app = example("llc");
        app.domicile.proof = DomicileProof::Document;
        app.attachments.clear();
        find(&app, "domicile.proof_required");
    }
}
