//! Whether the address is in a functional zone (development zone) the deployment lists for the
//! chosen county: a checkbox where the county has one zone, a choice among them (or none) where
//! it has several.

use crate::app::use_wizard;
use crate::fields::{Bind, Checkbox, Radios};
use crate::i18n::{both, text, use_i18n};
use crate::reference::use_reference;
use crate::steps::Step;
use kaiban_core::catalog::jurisdiction::Zone;
use kaiban_core::path;
use kaiban_core::text::Bi;
use leptos::prelude::*;

const ZONE_HINT: (&str, &str) = (
    "由功能区登记窗口受理，可享受园区企业开办服务",
    "The zone's own registration counter will handle the application",
);

fn in_zone(zone: &Zone) -> Bi {
    Bi::owned(
        format!("住所位于{}", zone.name.zh),
        format!("The address is in the {}", zone.name.en),
    )
}

#[component]
pub fn ZoneQuestion(step: Step) -> impl IntoView {
    let app = use_wizard().application;
    let i18n = use_i18n();
    let jurisdiction = use_reference().jurisdiction();
    let zones = Memo::new(move |_| {
        app.with(|a| {
            jurisdiction
                .zones_in(&a.domicile.division_code)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let chosen = Signal::derive(move || {
        app.with(|a| a.domicile.functional_zone.clone().unwrap_or_default())
    });
    let choose = Callback::new(move |code: String| {
        app.update(|a| a.domicile.functional_zone = (!code.is_empty()).then_some(code))
    });
    move || {
        let zones = zones.get();
        match zones.as_slice() {
            [] => None,
            [zone] => {
                let code = zone.code.clone();
                Some(
                    view! {
                        <Checkbox
                            bind=Bind::new(
                                path::DOMICILE_ZONE,
                                Signal::derive(move || chosen.get() == code),
                                Callback::new({
                                    let code = zone.code.clone();
                                    move |on: bool| {
                                        choose.run(if on { code.clone() } else { String::new() })
                                    }
                                }),
                            )
                            step
                            label=text(in_zone(zone))
                            hint=both(ZONE_HINT.0, ZONE_HINT.1)
                        />
                    }
                    .into_any(),
                )
            }
            several => {
                let several = several.to_vec();
                let options = Signal::derive(move || {
                    let chinese = i18n.locale.get().is_chinese();
                    several
                        .iter()
                        .map(|zone| {
                            (
                                zone.code.clone(),
                                in_zone(zone).pick(chinese).to_string(),
                                None,
                            )
                        })
                        .chain([(
                            String::new(),
                            i18n.locale
                                .get()
                                .pick("不在以上功能区", "In none of these zones")
                                .to_string(),
                            None,
                        )])
                        .collect::<Vec<_>>()
                });
                let legend = both(
                    "住所是否位于功能区",
                    "Is the address in a development zone?",
                );
                let bind = Bind::new(path::DOMICILE_ZONE, chosen, choose);
                let hint = both(ZONE_HINT.0, ZONE_HINT.1);
                Some(view! { <Radios bind step legend hint options /> }.into_any())
            }
        }
    }
}
