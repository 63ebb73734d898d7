use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind;
use crate::fields::ChoiceRadios;
use crate::fields::{Checkbox, TextInput};
use crate::i18n::Text;
use crate::i18n::{both, text};
use crate::steps::domicile_zone::ZoneQuestion;
use crate::steps::labels;
use crate::steps::place_picker::PlacePicker;
use crate::steps::Step;
use kaiban_core::model::DomicileProof;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn DomicileStep() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Domicile;
    let app = wizard.application;
    view! {
        <StepPage step lead=text(Text::DomicileLead)>
            <PlacePicker step />
            <ZoneQuestion step />
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
