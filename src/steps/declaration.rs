use super::page::StepPage;
use crate::app::{use_validation, use_wizard};
use crate::bind;
use crate::config::Config;
use crate::fields::Checkbox;
use crate::i18n::Text;
use crate::i18n::{both, text};
use crate::steps::step_of;
use crate::steps::Step;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn DeclarationStep() -> impl IntoView {
    let wizard = use_wizard();
    let validation = use_validation();
    let config = expect_context::<Config>();
    let step = Step::Declaration;
    let app = wizard.application;
    let errors_elsewhere = move || {
        let findings = validation.findings.get();
        app.with(|a| {
            findings
                .iter()
                .filter(|f| f.is_error() && step_of(a, f) != step)
                .count()
        })
    };
    view! {
        <StepPage
            step
            lead=text(Text::DeclarationLead)
            continue_label=both("去签名", "Go to signing")
            on_done=Callback::new(move |_| {
                if errors_elsewhere() == 0 {
                    wizard.journey.go(Step::Signing);
                } else {
                    wizard.journey.go(Step::Review);
                }
            })
        >
            <Checkbox
                bind=bind!(app, path::DECLARATION_TRUTHFUL, declaration.truthful)
                step
                label=text(Text::DeclarationTruthful)
            />
            <Checkbox
                bind=bind!(
                    app, path::DECLARATION_NO_DISQUALIFICATION, declaration.no_disqualification
                )
                step
                label=both(
                    "本企业的董事、监事、高级管理人员不存在《公司法》第一百七十八条规定的不得担任的情形。",
                    "No director, supervisor or senior manager is disqualified under Company Law Art 178.",
                )
            />
            <p class="kb-endpoint">
                {both("申请将提交至：", "The application will be submitted to: ")}
                <code>{config.endpoint.clone()}</code>
            </p>
        </StepPage>
    }
}
