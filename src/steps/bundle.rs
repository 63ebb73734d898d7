//! 开办套餐: the services filed with the registration, each taken or left with one tick and
//! filled from what the application already says (kaiban_core::bundle). Only the services the
//! deployment offers are shown (and any a draft took under another setting, to be left out).

use super::bundle_services::{BankSection, EmployeesSection, SealsSection, TaxSection};
use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind_in;
use crate::fields::{Bind, Checkbox, PersonPicker, TextInput};
use crate::i18n::{both, text, use_i18n, Text};
use crate::reference::use_reference;
use crate::steps::Step;
use kaiban_core::bundle::{Bundle, Service};
use kaiban_core::path;
use leptos::prelude::*;

fn service_path(service: Service) -> &'static str {
    match service {
        Service::Seals => path::BUNDLE_SEALS,
        Service::Tax => path::BUNDLE_TAX,
        Service::SocialInsurance => path::BUNDLE_SOCIAL,
        Service::HousingFund => path::BUNDLE_HOUSING,
        Service::Bank => path::BUNDLE_BANK,
    }
}

#[component]
pub fn BundleStep() -> impl IntoView {
    let wizard = use_wizard();
    let app = wizard.application;
    let offer = use_reference().bundle;
    let i18n = use_i18n();
    let shown = move |service: Service| {
        offer.with_value(|o| o.offers(service)) || app.with(|a| a.bundle.has(service))
    };
    let taken = move |service: Service| app.with(|a| a.bundle.has(service));
    let toggle = move |service: Service| {
        Bind::new(
            service_path(service),
            Signal::derive(move || taken(service)),
            Callback::new(move |on: bool| {
                app.update(|a| {
                    if on {
                        Bundle::take(a, service)
                    } else {
                        a.bundle.leave(service)
                    }
                })
            }),
        )
    };
    let staff = move || taken(Service::SocialInsurance) || taken(Service::HousingFund);
    let free = offer.with_value(|o| o.free_first_seals.clone());
    let section = move |service: Service, body: ViewFn| {
        let body = StoredValue::new(body);
        view! {
            <Show when=move || shown(service)>
                <section
                    class="kb-bundle-service"
                    aria-labelledby=format!("bundle-{}", service.key())
                >
                    <h2 class="kb-subtitle" id=format!("bundle-{}", service.key())>
                        {move || {
                            service.label().into_text(i18n.locale.get().is_chinese()).to_string()
                        }}
                    </h2>
                    <Checkbox
                        bind=toggle(service)
                        step=Step::Bundle
                        label=both("办理此项", "Set this up")
                    />
                    <Show when=move || taken(service)>{move || body.with_value(|b| b.run())}</Show>
                </section>
            </Show>
        }
    };
    view! {
        <StepPage step=Step::Bundle lead=text(Text::BundleLead)>
            {section(
                Service::Seals,
                ViewFn::from(move || {
                    let free = free.clone();
                    view! { <SealsSection free /> }
                }),
            )}
            {section(Service::Tax, ViewFn::from(|| view! { <TaxSection /> }))}
            {section(
                Service::SocialInsurance,
                ViewFn::from(move || {
                    view! {
                        <PersonPicker
                            bind=bind_in!(
                                app, path::BUNDLE_SOCIAL_AGENT, bundle.social_insurance => agent_id
                            )
                            step=Step::Bundle
                            label=both("参保登记经办人", "Who registers the employees")
                            natural_only=true
                            among=Signal::derive(move || natural_people(app))
                        />
                    }
                }),
            )}
            {section(
                Service::HousingFund,
                ViewFn::from(move || {
                    view! {
                        <TextInput
                            bind=bind_in!(
                                app, path::BUNDLE_HOUSING_RATE, bundle.housing_fund => rate_percent
                            )
                                .number()
                            step=Step::Bundle
                            label=both("缴存比例（%）", "Contribution rate (%)")
                            hint=both(
                                "单位和职工各按此比例缴存，5%至12%之间",
                                "Employer and employee each pay this share of wages: 5% to 12%",
                            )
                            input_mode="numeric"
                            width="kb-w-5"
                        />
                        <PersonPicker
                            bind=bind_in!(
                                app, path::BUNDLE_HOUSING_AGENT, bundle.housing_fund => agent_id
                            )
                            step=Step::Bundle
                            label=both("公积金经办人", "Who deals with the housing fund")
                            natural_only=true
                            among=Signal::derive(move || natural_people(app))
                        />
                    }
                }),
            )}
            <Show when=staff>
                <EmployeesSection />
            </Show>
            {section(Service::Bank, ViewFn::from(|| view! { <BankSection /> }))}
        </StepPage>
    }
}

/// The natural persons of the application: who can deal with an agency.
pub(super) fn natural_people(app: RwSignal<kaiban_core::Application>) -> Vec<String> {
    app.with(|a| {
        a.persons
            .iter()
            .filter(|p| !p.is_organisation())
            .map(|p| p.id.clone())
            .collect()
    })
}
