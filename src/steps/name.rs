use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind;
use crate::fields::{Checkbox, TextInput};
use crate::i18n::Text;
use crate::i18n::{text, use_i18n};
use crate::steps::labels;
use crate::steps::Step;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn NameStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Name;
    let entity = move || wizard.application.with(|a| a.entity_type);
    let divisions = crate::reference::use_reference().divisions();
    let parsed = move || {
        let divisions = divisions.get();
        wizard.application.with(|a| {
            let entity = a.entity_type?;
            (!a.name.full.trim().is_empty())
                .then(|| kaiban_core::name::parse(&a.name.full, entity, &divisions))
        })
    };
    let hint = Signal::derive(move || {
        let l = i18n.locale.get();
        match entity() {
            Some(t) if t.name_is_optional() => l.pick("个体工商户可以不起字号；如起名，组织形式可以是店、馆、部、行、厂、中心、工作室等，例如“贵阳老街餐饮店”", "An individual business may go without a name; if it has one, it ends in 店, 馆, 部, 中心, 工作室 etc., e.g. 贵阳老街餐饮店"),
            Some(t) if t.is_partnership() => l.pick("行政区划 + 字号 + 行业 + 组织形式，例如“贵阳云栈投资合伙企业（有限合伙）”", "Division + trade name + industry + form, e.g. 贵阳云栈投资合伙企业（有限合伙）"),
            Some(kaiban_core::model::EntityType::JointStock) => l.pick("行政区划 + 字号 + 行业 + 组织形式，例如“贵阳筑云数据股份有限公司”", "Division + trade name + industry + form, e.g. 贵阳筑云数据股份有限公司"),
            Some(kaiban_core::model::EntityType::SoleProprietorship) => l.pick("行政区划 + 字号 + 行业 + 组织形式，例如“贵阳青禾信息咨询中心”；不得含有“有限”“公司”", "Division + trade name + industry + form, e.g. 贵阳青禾信息咨询中心; never 有限 or 公司"),
            _ => l.pick("行政区划 + 字号 + 行业 + 组织形式，例如“贵阳云栈科技有限公司”", "Division + trade name + industry + form, e.g. 贵阳云栈科技有限公司"),
        }
        .to_string()
    });
    view! {
        <StepPage step lead=text(Text::NameLead)>
            <TextInput
                bind=bind!(wizard.application, path::NAME_FULL, name.full)
                step
                label=text(labels::NAME)
                hint
                autocomplete="off"
            />
            {move || {
                parsed()
                    .map(|p| {
                        let l = i18n.locale.get();
                        let none = l.pick("（未识别）", "(not found)").to_string();
                        let region = p
                            .region
                            .clone()
                            .map(|r| {
                                if p.region_in_middle {
                                    format!("{r}（{}）", l.pick("居中", "in the middle"))
                                } else {
                                    r
                                }
                            })
                            .unwrap_or_else(|| none.clone());
                        let rows = [
                            (l.pick("行政区划", "Division"), region),
                            (
                                l.pick("字号", "Trade name"),
                                if p.trade_name.is_empty() {
                                    none.clone()
                                } else {
                                    p.trade_name.clone()
                                },
                            ),
                            (
                                l.pick("行业或经营特点", "Industry"),
                                p.industry.clone().unwrap_or_else(|| none.clone()),
                            ),
                            (
                                l.pick("组织形式", "Form"),
                                p.form.clone().unwrap_or_else(|| none.clone()),
                            ),
                        ];
                        view! {
                            <div class="kb-name-parts" aria-live="polite">
                                <p class="kb-name-parts-title">
                                    {l
                                        .pick("系统识别的名称结构", "How the name reads")
                                        .to_string()}
                                </p>
                                <dl class="kb-name-parts-list">
                                    {rows
                                        .into_iter()
                                        .map(|(k, v)| {
                                            view! {
                                                <div>
                                                    <dt>{k.to_string()}</dt>
                                                    <dd>{v}</dd>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </dl>
                            </div>
                        }
                    })
            }}
            <Checkbox
                bind=bind!(
                    wizard.application, path::NAME_SELF_DECLARATION, name.self_declaration_accepted
                )
                step
                label=text(Text::NameSelfDeclaration)
            />
        </StepPage>
    }
}
