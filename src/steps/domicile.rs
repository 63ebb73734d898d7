use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind;
use crate::fields::Bind;
use crate::fields::ChoiceRadios;
use crate::fields::{Checkbox, Select, TextInput};
use crate::i18n::Text;
use crate::i18n::{both, text, use_i18n};
use crate::steps::labels;
use crate::steps::Step;
use kaiban_core::catalog::divisions;
use kaiban_core::model::DomicileProof;
use kaiban_core::path;
use leptos::prelude::*;

const HI_TECH_ZONE: &str = "520198";

#[component]
pub fn DomicileStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Domicile;
    let app = wizard.application;
    let division_options = Signal::derive(move || {
        let chinese = i18n.locale.get().is_chinese();
        let mut options = vec![(
            String::new(),
            i18n.locale
                .get()
                .pick("请选择区（县、市）", "Choose a district or county")
                .to_string(),
        )];
        options.extend(divisions::counties().map(|d| {
            let city = divisions::find(&d.parent_code)
                .map(|c| {
                    if chinese {
                        c.name_zh.clone()
                    } else {
                        c.name_en.clone()
                    }
                })
                .unwrap_or_default();
            let name = if chinese {
                format!("{city}{}", d.name_zh)
            } else {
                format!("{}, {city}", d.name_en)
            };
            (d.code.clone(), name)
        }));
        options
    });
    view! {
        <StepPage step lead=text(Text::DomicileLead)>
            <Select
                bind=bind!(app, path::DOMICILE_DIVISION, domicile.division_code)
                step
                label=both("所在区（县、市）", "District or county")
                options=division_options
            />
            <Checkbox
                bind=Bind::new(
                    path::DOMICILE_ZONE,
                    Signal::derive(move || {
                        app.with(|a| a.domicile.functional_zone.as_deref() == Some(HI_TECH_ZONE))
                    }),
                    Callback::new(move |v: bool| {
                        app.update(|a| {
                            a.domicile.functional_zone = v.then(|| HI_TECH_ZONE.to_string());
                        })
                    }),
                )
                step
                label=both(
                    "住所位于贵阳国家高新技术产业开发区",
                    "The address is in the Guiyang National Hi-tech Zone",
                )
                hint=both(
                    "由高新区登记窗口受理，可享受园区企业开办服务",
                    "The zone's own registration counter will handle the application",
                )
            />
            <TextInput
                bind=bind!(app, path::DOMICILE_DETAIL, domicile.detail)
                step
                label=both("详细地址", "Street address")
                hint=both(
                    "路（街）名、门牌号、楼栋、楼层和房间号，例如：长岭北路贵阳国际金融中心一期10号楼15层1501室",
                    "Street, number, building, floor and room",
                )
                multiline=true
                autocomplete="street-address"
            />
            <TextInput
                bind=bind!(app, path::DOMICILE_POSTCODE, domicile.postcode)
                step
                label=text(labels::optional(labels::POSTCODE))
                input_mode="numeric"
                autocomplete="postal-code"
                width="kb-w-5"
            />
            <TextInput
                bind=bind!(app, path::DOMICILE_PHONE, domicile.phone)
                step
                label=both("联系电话（选填）", "Phone (optional)")
                input_mode="tel"
                autocomplete="tel"
                width="kb-w-10"
            />
            <ChoiceRadios
                bind=bind!(app, path::DOMICILE_PROOF, domicile.proof)
                step
                legend=both("如何证明住所", "How will you show you may use the premises?")
            />
            <Show when=move || app.with(|a| a.domicile.proof == DomicileProof::Declaration)>
                <Checkbox
                    bind=bind!(app, path::DOMICILE_DECLARATION, domicile.declaration_accepted)
                    step
                    label=text(Text::DomicileAddressDeclaration)
                />
            </Show>
        </StepPage>
    }
}
