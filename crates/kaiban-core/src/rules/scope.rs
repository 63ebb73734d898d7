//! Business scope: catalogue items only, 前置 items need the approval document (R-SC-1),
//! special capital rules (R-CAP-3), licensed-item notice (X-9).

use super::{Context, Finding, Indexed};
use crate::catalog::ScopeKind;
use crate::model::{AttachmentPurpose, ScopeChoice};
use crate::path;

pub const MAX_ITEMS: usize = 30;

pub(super) fn check(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let scope = &app.business_scope;
    let items = &scope.items;
    if items.is_empty() {
        out.push(Finding::error(
            "scope.required",
            path::SCOPE_ITEMS,
            "请至少选择一项经营范围；第一项为主营项目",
            "Choose at least one business-scope item; the first is the main business",
        ));
        return;
    }
    if items.len() > MAX_ITEMS {
        out.push(Finding::error(
            "scope.too_many",
            path::SCOPE_ITEMS,
            format!("经营范围最多选择{MAX_ITEMS}项，现在有{}项", items.len()),
            format!(
                "Choose at most {MAX_ITEMS} scope items; there are {}",
                items.len()
            ),
        ));
    }
    for (i, chosen) in items.iter().enumerate() {
        if items[..i].iter().any(|earlier| earlier.code == chosen.code) {
            out.push(Finding::error(
                "scope.duplicate",
                path::scope_item(i),
                "该经营范围项目重复选择了",
                "This scope item is chosen twice",
            ));
        }
    }
    if !ctx.catalog.is_loaded() {
        // The browser while the deployment's catalogue is on its way (or could not be had).
        out.push(Finding::error(
            "scope.catalogue_unavailable",
            path::SCOPE_ITEMS,
            "经营范围目录尚未加载，暂时无法核对所选项目。请保持联网稍候；如仍未加载，请在本步骤重试",
            "The business-scope catalogue has not loaded yet, so the chosen items cannot be checked. Stay online for a moment; if it still does not load, retry on this step",
        ));
        return;
    }
    if scope.catalogue_version != ctx.catalog.version() {
        out.push(Finding::error(
            "scope.catalogue_version_differs",
            path::SCOPE_ITEMS,
            format!(
                "经营范围是按目录版本“{}”选择的，登记机关现行目录为“{}”。请重新打开经营范围步骤核对后再签署提交",
                scope.catalogue_version,
                ctx.catalog.version()
            ),
            format!(
                "The business scope was chosen from catalogue version “{}”; the registration authority now uses “{}”. Open the business-scope step again to check it, then sign and submit",
                scope.catalogue_version,
                ctx.catalog.version()
            ),
        ));
    }
    for (i, chosen) in items.iter().enumerate() {
        check_item(app, ctx, i, chosen, out);
    }
}

fn check_item(
    app: &Indexed,
    ctx: &Context,
    i: usize,
    chosen: &ScopeChoice,
    out: &mut Vec<Finding>,
) {
    let path = path::scope_item(i);
    let id = chosen.code.as_str();
    let Some(item) = ctx.catalog.get(id) else {
        out.push(Finding::error(
            "scope.unknown_item",
            path,
            format!("经营范围“{id}”不在经营范围规范表述目录中，请从目录中选择"),
            format!(
                "Scope item “{id}” is not in the standard catalogue: choose from the catalogue"
            ),
        ));
        return;
    };
    // The documents print the filed words: they must be the catalogue's normative wording.
    if *chosen != item.filed() {
        out.push(Finding::error(
            "scope.filed_text_differs",
            path.clone(),
            format!("经营范围“{id}”的表述与规范表述目录不一致，目录中为“{}”", item.text_zh),
            format!("The wording filed for scope item “{id}” differs from the catalogue, which reads “{}”", item.text_en),
        ));
    }
    if item.pre_registration {
        let has_document = app.attachments.iter().any(|a| {
            a.purpose == AttachmentPurpose::PreApproval && a.scope_item.as_deref() == Some(id)
        });
        if !has_document {
            out.push(Finding::error(
                "scope.pre_approval_document_required",
                path::approval_file(id),
                format!("“{}”属于登记前须经批准的项目（{}），请上传批准文件（《公司法》第九条）", item.text_zh, item.authority_zh),
                format!("“{}” needs approval before registration ({}): upload the approval document (Company Law, Art 9)", item.text_en, item.authority_en),
            ));
        }
    } else if item.kind == ScopeKind::Licensed {
        out.push(Finding::warning(
            "scope.licence_needed_after_registration",
            path.clone(),
            format!(
                "“{}”为许可项目，取得{}的许可后方可开展经营",
                item.text_zh, item.authority_zh
            ),
            format!(
                "“{}” is a licensed item: you may operate it only after a permit from {}",
                item.text_en, item.authority_en
            ),
        ));
    }
    if id == "L012" {
        out.push(Finding::warning(
            "scope.special_capital_rule",
            path,
            "劳务派遣服务要求注册资本不少于200万元且为实缴（《劳动合同法》第五十七条）",
            "Labour dispatch requires a paid-in capital of at least 2 million yuan (Labour Contract Law, Art 57)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::model::{Application, ScopeChoice};
    use crate::rules::testing::*;
    use crate::rules::{check, Context};

    /// Adds the bundled catalogue's item `code` as the wizard files it.
    fn choose(app: &mut Application, code: &str) {
        let item = Catalog::bundled().get(code).expect("a bundled item");
        app.business_scope.items.push(item.filed());
    }

    #[test]
    fn scope_rules() {
        let mut app = example("llc");
        app.business_scope.items.clear();
        find(&app, "scope.required");
        let mut app = example("llc");
        app.business_scope.items.push(ScopeChoice::code("ZZZ"));
        find(&app, "scope.unknown_item");
        let mut app = example("llc");
        let first = app.business_scope.items[0].clone();
        app.business_scope.items.push(first);
        find(&app, "scope.duplicate");
        let mut app = example("llc");
        choose(&mut app, "L018");
        let f = find(&app, "scope.pre_approval_document_required");
        assert!(f.message_zh.contains("拍卖业务"));
        let mut app = example("llc");
        choose(&mut app, "L002");
        assert!(!find(&app, "scope.licence_needed_after_registration").is_error());
        let mut app = example("llc");
        choose(&mut app, "L012");
        find(&app, "scope.special_capital_rule");
        let mut app = example("llc");
        app.business_scope.items = (0..31)
            .map(|i| ScopeChoice::code(format!("X{i}")))
            .collect();
        find(&app, "scope.too_many");
    }

    /// The words a package files are the catalogue's: a licence must not print a forger's
    /// wording under a real code, nor a general item's trailer for a licensed one.
    #[test]
    fn filed_words_and_version_must_be_the_catalogues() {
        let mut app = example("llc");
        app.business_scope.items[0].zh = "软件开发及一切经营活动".into();
        let f = find_at(&app, "scope.filed_text_differs", "business_scope.items[0]");
        assert!(f.message_zh.contains("软件开发"), "{}", f.message_zh);
        let mut app = example("llc");
        choose(&mut app, "L002");
        let last = app.business_scope.items.len() - 1;
        app.business_scope.items[last].kind = crate::catalog::ScopeKind::General;
        find(&app, "scope.filed_text_differs");
        let mut app = example("llc");
        app.business_scope.catalogue_version = "gy-2024.01".into();
        let f = find(&app, "scope.catalogue_version_differs");
        assert!(
            f.message_en.contains("gy-2024.01")
                && f.message_en.contains(Catalog::bundled().version())
        );
        assert_no(&example("llc"), "scope.filed_text_differs");
    }

    /// A draft from before items carried their words gets them, and the version, from the
    /// catalogue; a code the catalogue does not know is left for the rules to name.
    #[test]
    fn refresh_files_the_catalogues_words() {
        let mut app: Application = serde_json::from_str(
            r#"{"entity_type":"llc","business_scope":{"items":["G002","NOPE"]}}"#,
        )
        .unwrap();
        assert_eq!(app.business_scope.items[0], ScopeChoice::code("G002"));
        assert!(Catalog::bundled().refresh(&mut app.business_scope));
        assert_eq!(app.business_scope.items[0].zh, "软件开发");
        assert_eq!(app.business_scope.items[1], ScopeChoice::code("NOPE"));
        assert_eq!(
            app.business_scope.catalogue_version,
            Catalog::bundled().version()
        );
        assert!(!Catalog::bundled().refresh(&mut app.business_scope));
    }

    /// Before the deployment's catalogue has arrived, items are not called unknown.
    #[test]
    fn without_a_catalogue_the_items_wait() {
        let app = example("llc");
        let codes: Vec<String> = check(
            &app,
            &Context {
                catalog: Catalog::empty(),
                ..Context::with_bundled_catalog(today())
            },
        )
        .into_iter()
        .map(|f| f.code)
        .collect();
        assert!(
            codes.contains(&"scope.catalogue_unavailable".to_string()),
            "{codes:?}"
        );
        assert!(
            !codes.iter().any(|c| c == "scope.unknown_item"),
            "{codes:?}"
        );
    }
}
