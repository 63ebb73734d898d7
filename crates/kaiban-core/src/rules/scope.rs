//! Business scope: catalogue items only, 前置 items need the approval document (R-SC-1),
//! special capital rules (R-CAP-3), licensed-item notice.

use super::{Context, Finding, Indexed};
use crate::catalog::ScopeKind;
use crate::model::AttachmentPurpose;
use crate::path;

pub const MAX_ITEMS: usize = 30;

pub(super) fn check(app: &Indexed, ctx: &Context, out: &mut Vec<Finding>) {
    let items = &app.business_scope.items;
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
    for (i, id) in items.iter().enumerate() {
        let path = crate::path::scope_item(i);
        if items[..i].contains(id) {
            out.push(Finding::error(
                "scope.duplicate",
                path.clone(),
                "该经营范围项目重复选择了",
                "This scope item is chosen twice",
            ));
        }
        let Some(item) = ctx.catalog.get(id) else {
            out.push(Finding::error(
                "scope.unknown_item",
                path,
                format!("经营范围“{id}”不在经营范围规范表述目录中，请从目录中选择"),
                format!(
                    "Scope item “{id}” is not in the standard catalogue: choose from the catalogue"
                ),
            ));
            continue;
        };
        if item.pre_registration {
            let has_document = app.attachments.iter().any(|a| {
                a.purpose == AttachmentPurpose::PreApproval && a.scope_item.as_deref() == Some(id)
            });
            if !has_document {
                out.push(Finding::error(
                    "scope.pre_approval_document_required",
                    crate::path::approval_file(id),
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
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn scope_rules() {
        let mut app = example("llc");
        app.business_scope.items.clear();
        find(&app, "scope.required");
        let mut app = example("llc");
        app.business_scope.items.push("ZZZ".into());
        find(&app, "scope.unknown_item");
        let mut app = example("llc");
        let first = app.business_scope.items[0].clone();
        app.business_scope.items.push(first);
        find(&app, "scope.duplicate");
        let mut app = example("llc");
        app.business_scope.items.push("L018".into());
        let f = find(&app, "scope.pre_approval_document_required");
        assert!(f.message_zh.contains("拍卖业务"));
        let mut app = example("llc");
        app.business_scope.items.push("L002".into());
        assert!(!find(&app, "scope.licence_needed_after_registration").is_error());
        let mut app = example("llc");
        app.business_scope.items.push("L012".into());
        find(&app, "scope.special_capital_rule");
        let mut app = example("llc");
        app.business_scope.items = (0..31).map(|i| format!("X{i}")).collect();
        find(&app, "scope.too_many");
    }
}
