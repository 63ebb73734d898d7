//! The peer benchmark kit's hooks (`../shared/peers/README.md`, "Hooks"), so bench/run can
//! measure the wizard beside SurveyJS and Form.io with the kit's own method. Only in a build
//! with the `bench-hooks` feature (bench/run builds one apart); never in a deployment's build.

use crate::app::{field_id, today, Wizard};
use crate::steps::Step;
use kaiban_core::model::EntityType;
use kaiban_core::path::{self, PersonField};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn set_on_window(name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(name), value);
}

/// `window.__peerReady = true`: the first screen is drawn and takes input.
pub fn ready() {
    set_on_window("__peerReady", &JsValue::TRUE);
}

/// `window.__fillShareholders(n)`: drops the blank investors, appends `n` valid ones (an LLC
/// is chosen first if no entity type is), shows the investors step and resolves, once the last
/// investor's name is on screen, to the selector of that name's input.
pub fn install(wizard: Wizard) {
    let fill = Closure::<dyn Fn(u32) -> js_sys::Promise>::new(move |n: u32| {
        let (last_id, last_name) = append_investors(wizard, n as usize);
        wizard.journey.go(Step::Investors);
        let selector = format!("#{}", field_id(&path::person(&last_id, PersonField::Name)));
        wasm_bindgen_futures::future_to_promise(async move {
            loop {
                let shown = document()
                    .query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|input| input.value() == last_name);
                if shown {
                    return Ok(JsValue::from_str(&selector));
                }
                gloo_timers::future::TimeoutFuture::new(10).await;
            }
        })
    });
    set_on_window("__fillShareholders", fill.as_ref());
    fill.forget();
}

/// The id and name of the last investor after appending `n`.
fn append_investors(wizard: Wizard, n: usize) -> (String, String) {
    let due = today().add_years(1);
    wizard.application.update(|a| {
        a.entity_type.get_or_insert(EntityType::Llc);
        let blank: Vec<String> = a
            .persons
            .iter()
            .filter(|p| p.name.trim().is_empty() && p.id_number.trim().is_empty())
            .map(|p| p.id.clone())
            .collect();
        a.investors.retain(|i| !blank.contains(&i.person_id));
        kaiban_core::samples::append_investors(a, n, due);
    });
    wizard.application.with_untracked(|a| {
        let last = a
            .investors
            .last()
            .map(|i| i.person_id.clone())
            .unwrap_or_default();
        let name = a.person(&last).map(|p| p.name.clone()).unwrap_or_default();
        (last, name)
    })
}
