//! A joint-stock company's shares: how it is formed, the number of shares and their par value.

use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::{Radios, TextInput};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::EstablishmentMethod;
use kaiban_core::money::{format_yuan_plain, parse_yuan};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn JointStockShares() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Capital;
    let app = wizard.application;
    let method_options = Signal::derive(move || {
        let l = i18n.locale.get();
        vec![
            (
                "promotion".to_string(),
                l.pick("发起设立", "By promotion").to_string(),
                Some(
                    l.pick(
                        "发起人认购设立时应发行的全部股份",
                        "The founders take all shares issued at establishment",
                    )
                    .to_string(),
                ),
            ),
            (
                "public_subscription".to_string(),
                l.pick("募集设立", "By public subscription").to_string(),
                Some(
                    l.pick(
                        "发起人认购不少于35%，其余向社会公开募集",
                        "Founders take at least 35%; the rest is offered publicly",
                    )
                    .to_string(),
                ),
            ),
        ]
    });
    let par = RwSignal::new(app.with_untracked(|a| {
        a.capital
            .par_value_fen
            .map(format_yuan_plain)
            .unwrap_or_default()
    }));
    view! {
        <Radios
            bind=Bind::new(
                path::CAPITAL_ESTABLISHMENT,
                Signal::derive(move || {
                    app.with(|a| {
                        match a.capital.establishment_method {
                            EstablishmentMethod::Promotion => "promotion",
                            EstablishmentMethod::PublicSubscription => "public_subscription",
                        }
                            .to_string()
                    })
                }),
                Callback::new(move |v: String| {
                    app.update(|a| {
                        a.capital.establishment_method = if v == "public_subscription" {
                            EstablishmentMethod::PublicSubscription
                        } else {
                            EstablishmentMethod::Promotion
                        };
                    })
                }),
            )
            step
            legend=both("设立方式", "How the company is formed")
            options=method_options
        />
        <TextInput
            bind=Bind::new(
                path::CAPITAL_TOTAL_SHARES,
                Signal::derive(move || {
                    app.with(|a| a.capital.total_shares.map(|s| s.to_string()).unwrap_or_default())
                }),
                Callback::new(move |v: String| {
                    app.update(|a| a.capital.total_shares = v.trim().parse().ok())
                }),
            )
            step
            label=both("股份总数（股）", "Number of shares")
            input_mode="numeric"
            width="kb-w-10"
        />
        <TextInput
            bind=Bind::new(
                path::CAPITAL_PAR_VALUE,
                Signal::derive(move || par.get()),
                Callback::new(move |v: String| {
                    par.set(v.clone());
                    app.update(|a| a.capital.par_value_fen = parse_yuan(&v).ok());
                }),
            )
            step
            label=both("每股金额（元）", "Par value per share (yuan)")
            input_mode="decimal"
            width="kb-w-5"
        />
    }
}
