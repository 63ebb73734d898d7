use super::page::StepPage;
use crate::app::{field_id, today, use_wizard, RowSignals};
use crate::fields::{
    DateInput, FieldMessages, MoneyInput, PersonSummary, Radios, Select, TextInput,
};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{Contribution, ContributionMethod, EntityType, EstablishmentMethod};
use kaiban_core::money::{format_wan, format_yuan_plain, parse_yuan, share_millionths};
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

#[component]
pub fn CapitalStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Capital;
    let app = wizard.application;
    let entity = Memo::new(move |_| app.with(|a| a.entity_type).unwrap_or(EntityType::Llc));
    let shape = Memo::new(move |_| {
        app.with(|a| {
            a.investors
                .iter()
                .map(|i| (i.person_id.clone(), i.contributions.len()))
                .collect::<Vec<_>>()
        })
    });
    // Each row's fields follow a signal of that investor alone (see RowSignals).
    let investor_rows = RowSignals::new(move || app.with(|a| a.investors.clone()));
    let total_rows = RowSignals::new(move || app.with(total_rows_of));
    let capital_label = Signal::derive(move || {
        let l = i18n.locale.get();
        match entity.get() {
            t if t.is_company() => l.pick("注册资本", "Registered capital"),
            EntityType::IndividualBusiness => l.pick("资金数额（选填）", "Funds (optional)"),
            _ => l.pick("出资额", "Total contributions"),
        }
        .to_string()
    });
    let deadline = move || {
        app.with(|a| a.capital.expected_establishment)
            .unwrap_or_else(today)
            .add_years(5)
    };
    let method_options = Signal::derive(move || {
        let chinese = i18n.locale.get().is_chinese();
        let t = entity.get();
        ContributionMethod::ALL
            .into_iter()
            .filter(|m| match m {
                ContributionMethod::Labour | ContributionMethod::OtherPropertyRight => {
                    t.is_partnership()
                }
                _ => true,
            })
            .map(|m| {
                (
                    serde_json::to_value(m)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                    if chinese { m.label_zh() } else { m.label_en() }.to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let sums = Memo::new(move |_| {
        app.with(|a| {
            let total: u64 = a.investors.iter().map(|i| i.subscribed_fen).sum();
            (total, a.capital.registered_fen.unwrap_or(0))
        })
    });
    let balanced = move || sums.with(|(total, registered)| total == registered && *registered > 0);
    // Redrawn when investors come or go; each row's cells follow that row's signal.
    let totals = move || {
        let l = i18n.locale.get();
        shape.track();
        let rows = total_rows.draw(app.with_untracked(total_rows_of));
        view! {
            <table class="kb-table">
                <caption class="kb-table-caption">{l.pick("出资合计", "Totals").to_string()}</caption>
                <thead><tr>
                    <th scope="col">{l.pick("出资人", "Holder").to_string()}</th>
                    <th scope="col" class="kb-num">{l.pick("认缴（万元）", "Subscribed (万元)").to_string()}</th>
                    <th scope="col" class="kb-num">{l.pick("比例", "Share").to_string()}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <td>{move || row.with(|r| r.name.clone())}</td>
                            <td class="kb-num">{move || row.with(|r| r.amount.clone())}</td>
                            <td class="kb-num">{move || row.with(|r| r.share.clone())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr>
                    <th scope="row">{l.pick("合计", "Total").to_string()}</th>
                    <td class="kb-num">{move || format_wan(sums.get().0)}</td>
                    <td class="kb-num" class:kb-ok=balanced class:kb-bad=move || !balanced()>
                        {move || if balanced() { l.pick("与注册资本一致", "equals the capital").to_string() } else { format!("{} {}", l.pick("注册资本", "capital"), format_wan(sums.get().1)) }}
                    </td>
                </tr></tfoot>
            </table>
        }
    };
    view! {
        <StepPage step lead=both("金额以万元为单位，精确到分。各出资人认缴出资额合计必须等于注册资本。", "Amounts are in 万元 (10,000 yuan), exact to the fen. The holders' subscriptions must add up to the capital exactly.")>
            <MoneyInput
                path="capital.registered_fen"
                step
                label=capital_label
                value=Signal::derive(move || app.with(|a| a.capital.registered_fen))
                on_change=Callback::new(move |v| app.update(|a| a.capital.registered_fen = v))
            />
            <Show when=move || entity.get().is_limited_liability_company()>
                <p class="kb-inset">{move || {
                    let l = i18n.locale.get();
                    format!("{}{}{}", l.pick("全体股东认缴的出资额应当自公司成立之日起五年内缴足：出资日期最晚为 ", "Shareholders must pay in full within five years of establishment: the latest payment date is "), deadline(), l.pick("（《公司法》第四十七条）。", " (Company Law, Art 47)."))
                }}</p>
            </Show>
            <Show when=move || entity.get() == EntityType::JointStock>
                <JointStockShares />
            </Show>
            {move || {
                let t = entity.get();
                let shape = shape.get();
                let investors = investor_rows.draw(app.with_untracked(|a| a.investors.clone()));
                shape.into_iter().zip(investors).enumerate().map(|(i, ((person_id, count), investor))| {
                    let at = move |f: &str| format!("investors[{i}].{f}");
                    view! {
                        <section class="kb-card">
                            <h2 class="kb-card-title"><PersonSummary person_id=person_id.clone() /></h2>
                            <MoneyInput
                                path=at("subscribed_fen")
                                step
                                label=both("认缴出资额", "Amount subscribed")
                                value=Signal::derive(move || investor.with(|v| Some(v.subscribed_fen).filter(|v| *v > 0)))
                                on_change=Callback::new(move |v: Option<u64>| app.update(|a| if let Some(inv) = a.investors.get_mut(i) {
                                    let single_cash = inv.contributions.len() == 1;
                                    inv.subscribed_fen = v.unwrap_or(0);
                                    if single_cash { inv.contributions[0].amount_fen = inv.subscribed_fen; }
                                }))
                            />
                            <MoneyInput
                                path=at("paid_fen")
                                step
                                label=if t == EntityType::JointStock { both("实缴出资额（须全额缴纳）", "Amount paid in (must be in full)") } else { both("已实缴出资额（选填）", "Amount already paid in (optional)") }
                                value=Signal::derive(move || investor.with(|v| Some(v.paid_fen).filter(|v| *v > 0)))
                                on_change=Callback::new(move |v: Option<u64>| app.update(|a| if let Some(inv) = a.investors.get_mut(i) { inv.paid_fen = v.unwrap_or(0) }))
                            />
                            {(t == EntityType::JointStock).then(|| view! {
                                <TextInput
                                    path=at("shares")
                                    step
                                    label=both("认购股份数（股）", "Shares subscribed")
                                    value=Signal::derive(move || investor.with(|v| v.shares.map(|s| s.to_string()).unwrap_or_default()))
                                    on_input=Callback::new(move |v: String| app.update(|a| if let Some(inv) = a.investors.get_mut(i) { inv.shares = v.trim().parse().ok() }))
                                    input_mode="numeric"
                                    width="kb-w-10"
                                />
                            })}
                            <fieldset class="kb-fieldset kb-contributions">
                                <legend class="kb-label" id=field_id(&at("contributions")) tabindex="-1">{move || i18n.locale.get().pick("出资方式", "How it is contributed").to_string()}</legend>
                                <FieldMessages path=at("contributions") step />
                                {(0..count).map(|j| {
                                    let cat = move |f: &str| format!("investors[{i}].contributions[{j}].{f}");
                                    let method = Memo::new(move |_| investor.with(|v| v.contributions.get(j).map(|c| c.method).unwrap_or_default()));
                                    view! {
                                        <div class="kb-contribution">
                                            <Select
                                                path=cat("method")
                                                step
                                                label=both("方式", "Method")
                                                options=method_options
                                                value=Signal::derive(move || serde_json::to_value(method.get()).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default())
                                                on_change=Callback::new(move |v: String| app.update(|a| if let Some(c) = a.investors.get_mut(i).and_then(|v| v.contributions.get_mut(j)) {
                                                    c.method = serde_json::from_value(serde_json::Value::String(v)).unwrap_or_default();
                                                }))
                                            />
                                            <MoneyInput
                                                path=cat("amount_fen")
                                                step
                                                label=both("金额", "Amount")
                                                value=Signal::derive(move || investor.with(|v| v.contributions.get(j).map(|c| c.amount_fen).filter(|v| *v > 0)))
                                                on_change=Callback::new(move |v: Option<u64>| app.update(|a| if let Some(c) = a.investors.get_mut(i).and_then(|v| v.contributions.get_mut(j)) { c.amount_fen = v.unwrap_or(0) }))
                                            />
                                            {(t != EntityType::JointStock).then(|| view! {
                                                <DateInput
                                                    path=cat("due_date")
                                                    step
                                                    label=both("认缴出资日期", "Pay in by")
                                                    value=Signal::derive(move || investor.with(|v| v.contributions.get(j).and_then(|c| c.due_date)))
                                                    on_change=Callback::new(move |d| app.update(|a| if let Some(c) = a.investors.get_mut(i).and_then(|v| v.contributions.get_mut(j)) { c.due_date = d }))
                                                />
                                            })}
                                            <Show when=move || !method.get().is_cash()>
                                                <TextInput
                                                    path=cat("appraisal_ref")
                                                    step
                                                    label=both("评估报告编号", "Appraisal report number")
                                                    value=Signal::derive(move || investor.with(|v| v.contributions.get(j).map(|c| c.appraisal_ref.clone()).unwrap_or_default()))
                                                    on_input=Callback::new(move |v: String| app.update(|a| if let Some(c) = a.investors.get_mut(i).and_then(|v| v.contributions.get_mut(j)) { c.appraisal_ref = v }))
                                                />
                                            </Show>
                                            {(count > 1).then(|| view! {
                                                <button type="button" class="kb-link-button kb-danger" on:click=move |_| app.update(|a| if let Some(inv) = a.investors.get_mut(i) { inv.contributions.remove(j); })>
                                                    {move || i18n.locale.get().pick("删除此出资方式", "Remove this method").to_string()}
                                                </button>
                                            })}
                                        </div>
                                    }
                                }).collect_view()}
                                <button type="button" class="kb-button kb-button-secondary" on:click=move |_| app.update(|a| if let Some(inv) = a.investors.get_mut(i) {
                                    let due = inv.contributions.last().and_then(|c| c.due_date);
                                    inv.contributions.push(Contribution { due_date: due, ..Contribution::default() });
                                })>
                                    {move || i18n.locale.get().pick("＋ 添加出资方式", "+ Add a method").to_string()}
                                </button>
                            </fieldset>
                        </section>
                    }
                }).collect_view()
            }}
            {totals}
        </StepPage>
    }
}

#[component]
fn JointStockShares() -> impl IntoView {
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
            path="capital.establishment_method"
            step
            legend=both("设立方式", "How the company is formed")
            options=method_options
            value=Signal::derive(move || app.with(|a| match a.capital.establishment_method { EstablishmentMethod::Promotion => "promotion", EstablishmentMethod::PublicSubscription => "public_subscription" }.to_string()))
            on_change=Callback::new(move |v: String| app.update(|a| a.capital.establishment_method = if v == "public_subscription" { EstablishmentMethod::PublicSubscription } else { EstablishmentMethod::Promotion }))
        />
        <TextInput
            path="capital.total_shares"
            step
            label=both("股份总数（股）", "Number of shares")
            value=Signal::derive(move || app.with(|a| a.capital.total_shares.map(|s| s.to_string()).unwrap_or_default()))
            on_input=Callback::new(move |v: String| app.update(|a| a.capital.total_shares = v.trim().parse().ok()))
            input_mode="numeric"
            width="kb-w-10"
        />
        <TextInput
            path="capital.par_value_fen"
            step
            label=both("每股金额（元）", "Par value per share (yuan)")
            value=Signal::derive(move || par.get())
            on_input=Callback::new(move |v: String| {
                par.set(v.clone());
                app.update(|a| a.capital.par_value_fen = parse_yuan(&v).ok());
            })
            input_mode="decimal"
            width="kb-w-5"
        />
    }
}
