use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::{Radios, TextInput};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::DeliveryMethod;
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
        <StepPage step lead=both("电子营业执照与纸质营业执照具有同等法律效力。", "The electronic licence has the same legal effect as the paper one.")>
            <Radios
                path="licence_delivery.method"
                step
                legend=both("如何领取营业执照", "How would you like the licence?")
                options
                value=Signal::derive(move || match method.get() { DeliveryMethod::ElectronicOnly => "electronic_only", DeliveryMethod::ServiceHall => "service_hall", DeliveryMethod::Post => "post" }.to_string())
                on_change=Callback::new(move |v: String| app.update(|a| a.licence_delivery.method = match v.as_str() { "post" => DeliveryMethod::Post, "service_hall" => DeliveryMethod::ServiceHall, _ => DeliveryMethod::ElectronicOnly }))
            />
            <Show when=move || method.get() == DeliveryMethod::Post>
                <TextInput path="licence_delivery.recipient" step label=both("收件人", "Recipient") value=text(|d| d.recipient.clone()) on_input=Callback::new(move |v| app.update(|a| a.licence_delivery.recipient = v)) autocomplete="name" width="kb-w-10" />
                <TextInput path="licence_delivery.phone" step label=both("收件人手机号码", "Recipient's mobile") value=text(|d| d.phone.clone()) on_input=Callback::new(move |v| app.update(|a| a.licence_delivery.phone = v)) input_mode="tel" autocomplete="tel" width="kb-w-10" />
                <TextInput path="licence_delivery.address" step label=both("邮寄地址", "Postal address") value=text(|d| d.address.clone()) on_input=Callback::new(move |v| app.update(|a| a.licence_delivery.address = v)) multiline=true autocomplete="street-address" />
            </Show>
        </StepPage>
    }
}
