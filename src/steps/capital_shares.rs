//! A joint-stock company's shares: how it is formed, the number of shares and their par value.

use crate::app::use_wizard;
use crate::bind;
use crate::fields::Bind;
use crate::fields::ChoiceRadios;
use crate::fields::TextInput;
use crate::i18n::both;
use crate::steps::Step;
use kaiban_core::money::{format_yuan_plain, parse_yuan};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn JointStockShares() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Capital;
    let app = wizard.application;
    let par = RwSignal::new(app.with_untracked(|a| {
        a.capital
            .par_value_fen
            .map(format_yuan_plain)
            .unwrap_or_default()
    }));
    view! {
        <ChoiceRadios
            bind=bind!(app, path::CAPITAL_ESTABLISHMENT, capital.establishment_method)
            step
            legend=both("设立方式", "How the company is formed")
        />
        <TextInput
            bind=bind!(app, path::CAPITAL_TOTAL_SHARES, capital.total_shares).number()
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
