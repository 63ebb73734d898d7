//! The enterprise name as a rule area: the parser's findings plus the self-declaration.

use super::Indexed;
use super::{Context, Finding};
use crate::model::EntityType;
use crate::path;

pub(super) fn check(app: &Indexed, entity: EntityType, ctx: &Context, out: &mut Vec<Finding>) {
    out.extend(crate::name::check(&app.name.full, entity, ctx.divisions));
    if !app.name.full.trim().is_empty() && !app.name.self_declaration_accepted {
        out.push(Finding::error(
            "name.self_declaration_required",
            path::NAME_SELF_DECLARATION,
            "请确认名称自主申报承诺：名称不侵犯他人权利，如被纠正将依法变更（《企业名称登记管理规定》第十七条）",
            "Confirm the name self-declaration: the name infringes no one's rights and will be changed if the registrar corrects it (Name Provisions, Art 17)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn name_findings_reach_the_application_check() {
        let mut app = example("llc");
        app.name.full = "贵阳云科技有限公司".into();
        assert_eq!(find(&app, "name.trade_name_too_short").path, "name.full");
        app.name.self_declaration_accepted = false;
        find(&app, "name.self_declaration_required");
    }
}
