//! The totals table under the capital step: each holder's subscription and share, and
//! whether they add up to the registered capital.

use crate::app::{use_wizard, RowSignals};
use crate::i18n::use_i18n;
use kaiban_core::money::{format_wan, share_millionths};
use leptos::prelude::*;

fn percent(millionths: u32) -> String {
    format!(
        "{}.{:02}%",
        millionths / 10_000,
        (millionths % 10_000) / 100
    )
}

/// One line of the totals table.
#[derive(Clone, PartialEq)]
struct TotalRow {
    name: String,
    amount: String,
    share: String,
}

fn total_rows_of(a: &kaiban_core::model::Application) -> Vec<TotalRow> {
    let total: u64 = a.investors.iter().map(|i| i.subscribed_fen).sum();
    let names: std::collections::HashMap<&str, &str> = a
        .persons
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    a.investors
        .iter()
        .map(|inv| TotalRow {
            name: names
                .get(inv.person_id.as_str())
                .copied()
                .unwrap_or_default()
                .to_string(),
            amount: format_wan(inv.subscribed_fen),
            share: percent(share_millionths(inv.subscribed_fen, total)),
        })
        .collect()
}

/// Redrawn when investors come or go (`shape`); each row's cells follow that row's signal.
#[component]
pub fn CapitalTotals(shape: Memo<Vec<(String, usize)>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_wizard().application;
    let total_rows = RowSignals::new(move || app.with(total_rows_of));
    let sums = Memo::new(move |_| {
        app.with(|a| {
            let total: u64 = a.investors.iter().map(|i| i.subscribed_fen).sum();
            (total, a.capital.registered_fen.unwrap_or(0))
        })
    });
    let balanced = move || sums.with(|(total, registered)| total == registered && *registered > 0);
    let totals = move || {
        let l = i18n.locale.get();
        shape.track();
        let rows = total_rows.draw(app.with_untracked(total_rows_of));
        view! {
            <table class="kb-table">
                <caption class="kb-table-caption">
                    {l.pick("出资合计", "Totals").to_string()}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{l.pick("出资人", "Holder").to_string()}</th>
                        <th scope="col" class="kb-num">
                            {l.pick("认缴（万元）", "Subscribed (万元)").to_string()}
                        </th>
                        <th scope="col" class="kb-num">
                            {l.pick("比例", "Share").to_string()}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <td>{move || row.with(|r| r.name.clone())}</td>
                                    <td class="kb-num">{move || row.with(|r| r.amount.clone())}</td>
                                    <td class="kb-num">{move || row.with(|r| r.share.clone())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{l.pick("合计", "Total").to_string()}</th>
                        <td class="kb-num">{move || format_wan(sums.get().0)}</td>
                        <td class="kb-num" class:kb-ok=balanced class:kb-bad=move || !balanced()>
                            {move || {
                                if balanced() {
                                    l.pick("与注册资本一致", "equals the capital")
                                        .to_string()
                                } else {
                                    format!(
                                        "{} {}",
                                        l.pick("注册资本", "capital"),
                                        format_wan(sums.get().1),
                                    )
                                }
                            }}
                        </td>
                    </tr>
                </tfoot>
            </table>
        }
    };
    totals
}
