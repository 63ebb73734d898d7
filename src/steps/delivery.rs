use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::{Radios, TextInput};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::DeliveryMethod;
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn DeliveryStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Delivery;
    let app = wizard.application;
    let method = Memo::new(move |_| app.with(|a| a.licence_delivery.method));
    let options = Signal::derive(move || {
        let l = i18n.locale.get();
        vec![
            ("electronic_only".to_string(), l.pick("只领取电子营业执照", "Electronic licence only").to_string(), Some(l.pick("核准后在“电子营业执照”小程序下载，与纸质执照具有同等法律效力", "Download it from the e-licence app once approved; it has the same legal effect as paper").to_string())),
            ("service_hall".to_string(), l.pick("到政务服务大厅领取纸质执照", "Collect the paper licence at the service hall").to_string(), None),
            ("post".to_string(), l.pick("邮寄送达（e邮快达，免费）", "By post (free)").to_string(), Some(l.pick("纸质执照免费寄到您指定的地址", "The paper licence is posted free to the address you give").to_string())),
        ]
    });
    let text = move |get: fn(&kaiban_core::model::LicenceDelivery) -> String| {
        Signal::derive(move || app.with(|a| get(&a.licence_delivery)))
    };
    view! {
        <StepPage
            step
            lead=both(
                "电子营业执照与纸质营业执照具有同等法律效力。",
                "The electronic licence has the same legal effect as the paper one.",
            )
        >
            <Radios
                bind=Bind::new(
                    path::DELIVERY_METHOD,
                    Signal::derive(move || {
                        match method.get() {
                            DeliveryMethod::ElectronicOnly => "electronic_only",
                            DeliveryMethod::ServiceHall => "service_hall",
                            DeliveryMethod::Post => "post",
                        }
                            .to_string()
                    }),
                    Callback::new(move |v: String| {
                        app.update(|a| {
                            a.licence_delivery.method = match v.as_str() {
                                "post" => DeliveryMethod::Post,
                                "service_hall" => DeliveryMethod::ServiceHall,
                                _ => DeliveryMethod::ElectronicOnly,
                            };
                        })
                    }),
                )
                step
                legend=both("如何领取营业执照", "How would you like the licence?")
                options
            />
            <Show when=move || method.get() == DeliveryMethod::Post>
                <TextInput
                    bind=Bind::new(
                        path::DELIVERY_RECIPIENT,
                        text(|d| d.recipient.clone()),
                        Callback::new(move |v| app.update(|a| a.licence_delivery.recipient = v)),
                    )
                    step
                    label=both("收件人", "Recipient")
                    autocomplete="name"
                    width="kb-w-10"
                />
                <TextInput
                    bind=Bind::new(
                        path::DELIVERY_PHONE,
                        text(|d| d.phone.clone()),
                        Callback::new(move |v| app.update(|a| a.licence_delivery.phone = v)),
                    )
                    step
                    label=both("收件人手机号码", "Recipient's mobile")
                    input_mode="tel"
                    autocomplete="tel"
                    width="kb-w-10"
                />
                <TextInput
                    bind=Bind::new(
                        path::DELIVERY_ADDRESS,
                        text(|d| d.address.clone()),
                        Callback::new(move |v| app.update(|a| a.licence_delivery.address = v)),
                    )
                    step
                    label=both("邮寄地址", "Postal address")
                    multiline=true
                    autocomplete="street-address"
                />
            </Show>
        </StepPage>
    }
}
