//! Domicile (住所): R-DOM-1, X-8, and the premises proof or declaration.

use super::{Context, Finding, Indexed};
use crate::catalog::divisions::DivisionLevel;
use crate::ids::PostalCode;
use crate::model::{AttachmentPurpose, DomicileProof, PlaceName};
use crate::path;

const DETAIL_MIN: usize = 5;
const DETAIL_MAX: usize = 120;

pub(super) fn check(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    if app.domicile.division_code.is_empty() {
        // Missing whatever the index holds: the browser asks for the index only once a
        // county or a name is there to judge (`reads_divisions`).
        out.push(division_required());
    } else if ctx.divisions.is_loaded() {
        check_place(app, ctx, out);
    } else {
        // The browser before the division index has arrived (or when it could not be fetched).
        out.push(Finding::error(
            "domicile.divisions_unavailable",
            path::DOMICILE_DIVISION,
            "行政区划数据尚未加载，暂时无法核对住所。请保持联网稍候；如仍未加载，请刷新页面",
            "The list of places has not loaded yet, so the address cannot be checked. Stay online for a moment; if it still does not load, reload the page",
        ));
    }
    let d = &app.domicile;
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

fn division_required() -> Finding {
    Finding::error(
        "domicile.division_required",
        path::DOMICILE_DIVISION,
        "请选择住所所在的区（县、市）",
        "Choose the district or county of the address",
    )
}

/// The county, its jurisdiction, the township and the names filed with them.
fn check_place(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let d = &app.domicile;
    let county = match ctx.divisions.find(&d.division_code) {
        None => return out.push(division_required()),
        Some(division) if division.level != DivisionLevel::County => {
            return out.push(Finding::error(
                "domicile.division_not_county",
                path::DOMICILE_DIVISION,
                "请选择到区（县、市）一级",
                "Choose a district or county, not a larger area",
            ))
        }
        Some(county) => county,
    };
    let mut expected = ctx.divisions.place(&county.code);
    let township = d.township_code.as_str();
    if !township.is_empty() {
        if township.len() != 9
            || !township.starts_with(&county.code)
            || !township.bytes().all(|b| b.is_ascii_digit())
        {
            out.push(Finding::error(
                "domicile.township_not_in_county",
                path::DOMICILE_TOWNSHIP,
                format!("所选乡镇（街道）不在{}，请重新选择", county.name_zh),
                format!(
                    "The township chosen is not in {}: choose it again",
                    county.name_en
                ),
            ));
        } else if let Some(filed) = d.place.last().filter(|p| p.code == township) {
            expected.push(filed.clone());
        }
    }
    if d.place != expected {
        out.push(Finding::error(
            "domicile.place_names_differ",
            path::DOMICILE_DIVISION,
            "住所的地名与所选行政区划不一致，请重新选择省、市、区（县）和乡镇（街道）",
            "The place names filed do not match the divisions chosen: choose the province, city, district and township again",
        ));
    }
    if !ctx.jurisdiction.covers(&county.code, ctx.divisions) {
        let place = PlaceName::spell(&expected);
        let (place_zh, place_en) = (place.zh, place.en);
        let authority = ctx.jurisdiction.authority.bi();
        out.push(Finding::error(
            "domicile.outside_jurisdiction",
            path::DOMICILE_DIVISION,
            format!(
                "住所在{place_zh}，不在本平台登记机关（{}）的管辖范围内。请向住所所在地的{}市场监督管理局申请登记",
                authority.zh, county_place_zh(&expected)
            ),
            format!(
                "The address is in {place_en}, outside the area of this portal's registration authority ({}). Apply to the Administration for Market Regulation of {}, where the address is",
                authority.en, county_place_en(&expected)
            ),
        ));
    }
    if let Some(zone) = &d.functional_zone {
        if ctx
            .jurisdiction
            .zones_in(&county.code)
            .all(|z| &z.code != zone)
        {
            out.push(Finding::error(
                "domicile.zone_not_here",
                path::DOMICILE_ZONE,
                format!(
                    "{}不在所选的功能区范围内，请取消功能区或重新选择区（县）",
                    county.name_zh
                ),
                format!(
                    "{} is not in the zone chosen: clear the zone or choose the district again",
                    county.name_en
                ),
            ));
        }
    }
}

/// The place down to the county (the authority that registers there is the county's).
fn county_place_zh(place: &[PlaceName]) -> String {
    place
        .iter()
        .filter(|p| p.code.len() == 6)
        .map(|p| p.zh.as_str())
        .collect()
}

fn county_place_en(place: &[PlaceName]) -> String {
    let en: Vec<_> = place
        .iter()
        .rev()
        .filter(|p| p.code.len() == 6)
        .map(|p| p.en.as_str())
        .collect();
    en.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Divisions, Jurisdiction};
    use crate::model::DomicileProof;
    use crate::rules::testing::*;
    use crate::rules::Context;

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

    /// An address with its place as the picker files it (no township).
    fn moved_to(app: &mut crate::model::Application, county: &str) {
        app.domicile.division_code = county.into();
        app.domicile.township_code.clear();
        app.domicile.place = Divisions::national().place(county);
        app.domicile.functional_zone = None;
    }

    /// the demo authority registers Guiyang; an address in another province is refused
    /// with the authority that is competent named; a deployment's own jurisdiction decides.
    #[test]
    fn outside_the_jurisdiction_is_refused_and_routed() {
        let mut app = example("llc");
        assert_no(&app, "domicile.outside_jurisdiction");
        moved_to(&mut app, "110108");
        let f = find(&app, "domicile.outside_jurisdiction");
        assert_eq!(f.severity, crate::Severity::Error);
        assert!(
            f.message_zh.contains("北京市海淀区市场监督管理局"),
            "{}",
            f.message_zh
        );
        assert!(
            f.message_zh.contains("贵阳市市场监督管理局"),
            "{}",
            f.message_zh
        );
        assert!(
            f.message_en.contains("Haidian District, Beijing City"),
            "{}",
            f.message_en
        );
        moved_to(&mut app, "520302");
        find(&app, "domicile.outside_jurisdiction");
        // Zunyi's own deployment: Zunyi is inside, Guiyang outside.
        let zunyi = Jurisdiction {
            divisions: vec!["520300".into()],
            zones: vec![],
            authority: crate::catalog::jurisdiction::Named {
                zh: "遵义市市场监督管理局".into(),
                en: "Zunyi AMR".into(),
            },
            area: None,
        };
        let ctx = Context {
            jurisdiction: &zunyi,
            ..Context::with_bundled_catalog(today())
        };
        let codes = |app: &crate::model::Application| -> Vec<String> {
            crate::check(app, &ctx)
                .into_iter()
                .map(|f| f.code)
                .collect()
        };
        assert!(!codes(&app).contains(&"domicile.outside_jurisdiction".to_string()));
        let mut home = example("llc");
        home.domicile.functional_zone = None;
        assert!(codes(&home).contains(&"domicile.outside_jurisdiction".to_string()));
    }

    /// The township must be in the county, the names filed must be the data's, and a zone
    /// must be one of the jurisdiction's zones in that county.
    #[test]
    fn township_names_and_zone_must_agree_with_the_data() {
        let mut app = example("llc");
        assert_no(&app, "domicile.place_names_differ");
        app.domicile.township_code = "520102001".into();
        find(&app, "domicile.township_not_in_county");
        let mut app = example("llc");
        app.domicile.place[2].zh = "南明区".into();
        find(&app, "domicile.place_names_differ");
        let mut app = example("llc");
        moved_to(&mut app, "520115");
        assert_no(&app, "domicile.place_names_differ");
        app.domicile.functional_zone = Some("520198".into());
        assert_no(&app, "domicile.zone_not_here");
        moved_to(&mut app, "520102");
        app.domicile.functional_zone = Some("520198".into());
        find(&app, "domicile.zone_not_here");
        let mut app = example("llc");
        app.domicile.division_code.clear();
        find(&app, "domicile.division_required");
    }

    /// What the browser checks with before the division index has arrived.
    fn before_the_index() -> Context<'static> {
        static NONE: std::sync::OnceLock<Divisions> = std::sync::OnceLock::new();
        Context {
            divisions: NONE.get_or_init(Divisions::empty),
            ..Context::with_bundled_catalog(today())
        }
    }

    /// Before the browser has the division index, the address cannot be judged: one error
    /// says so (and nothing claims the county is missing).
    #[test]
    fn without_the_index_the_address_waits() {
        let codes: Vec<String> = crate::check(&example("llc"), &before_the_index())
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert!(codes.contains(&"domicile.divisions_unavailable".to_string()));
        assert!(!codes.contains(&"domicile.division_required".to_string()));
    }

    /// The browser fetches the index only for an application the rules read it for
    /// (`reads_divisions`): for every other, the findings are the same without it. Each
    /// example, with its name and county cleared one at a time (blank names included).
    #[test]
    fn without_a_name_or_a_county_the_index_changes_nothing() {
        let without = before_the_index();
        let with = Context::with_bundled_catalog(today());
        for kind in EXAMPLES {
            let full = example(kind);
            assert!(crate::reads_divisions(&full), "{kind}");
            for (name, county) in [("", ""), ("  ", ""), ("", "520115"), ("  ", "520115")] {
                let mut app = full.clone();
                app.name.full = name.into();
                app.domicile.division_code = county.into();
                let same = crate::check(&app, &without) == crate::check(&app, &with);
                assert_eq!(
                    same,
                    !crate::reads_divisions(&app),
                    "{kind}, name {name:?}, county {county:?}"
                );
            }
        }
    }
}
