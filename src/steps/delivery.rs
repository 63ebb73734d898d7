use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind;
use crate::fields::ChoiceRadios;
use crate::fields::TextInput;
use crate::i18n::both;
use crate::steps::Step;
use kaiban_core::model::DeliveryMethod;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn DeliveryStep() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Delivery;
    let app = wizard.application;
    let method = Memo::new(move |_| app.with(|a| a.licence_delivery.method));
    view! {
        <StepPage
            step
            lead=both(
                "电子营业执照与纸质营业执照具有同等法律效力。",
                "The electronic licence has the same legal effect as the paper one.",
            )
        >
            <ChoiceRadios
                bind=bind!(app, path::DELIVERY_METHOD, licence_delivery.method)
                step
                legend=both("如何领取营业执照", "How would you like the licence?")
            />
            <Show when=move || method.get() == DeliveryMethod::Post>
                <TextInput
                    bind=bind!(app, path::DELIVERY_RECIPIENT, licence_delivery.recipient)
                    step
                    label=both("收件人", "Recipient")
                    autocomplete="name"
                    width="kb-w-10"
                />
                <TextInput
                    bind=bind!(app, path::DELIVERY_PHONE, licence_delivery.phone)
                    step
                    label=both("收件人手机号码", "Recipient's mobile")
                    input_mode="tel"
                    autocomplete="tel"
                    width="kb-w-10"
                />
                <TextInput
                    bind=bind!(app, path::DELIVERY_ADDRESS, licence_delivery.address)
                    step
                    label=both("邮寄地址", "Postal address")
                    multiline=true
                    autocomplete="street-address"
                />
            </Show>
        </StepPage>
    }
}
