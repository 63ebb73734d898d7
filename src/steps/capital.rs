use super::capital_totals::CapitalTotals;
use super::page::StepPage;
use crate::app::{field_id, today, use_wizard, RowSignals};
use crate::bind;
use crate::fields::Bind;
use crate::fields::{DateInput, FieldMessages, MoneyInput, PersonSummary, Select, TextInput};
use crate::i18n::{both, text, use_i18n};
use crate::steps::Step;
use kaiban_core::model::PartnerKind;
use kaiban_core::model::{Contribution, ContributionMethod, EntityType};
use kaiban_core::path;
use kaiban_core::path::ContributionField;
use kaiban_core::rules::contribution_allowed;
use kaiban_core::text::Bi;
use leptos::prelude::*;

static LEAD: Bi = Bi::new(
    "金额以万元为单位，精确到分。各出资人认缴出资额合计必须等于注册资本。",
    "Amounts are in 万元 (10,000 yuan), exact to the fen. The holders' subscriptions must add up to the capital exactly.",
);

static PAY_IN_DEADLINE: Bi = Bi::new(
    "全体股东认缴的出资额应当自公司成立之日起五年内缴足：出资日期最晚为 ",
    "Shareholders must pay in full within five years of establishment: the latest payment date is ",
);
/// Binds an input to `field` of contribution `j` of investor `i`, read from that investor's
/// own row signal (typing in one row wakes no other).
fn bind_contribution<T: Default + Send + Sync + 'static>(
    (i, j, investor): (usize, usize, RwSignal<kaiban_core::model::Investor>),
    field: ContributionField,
    get: fn(&Contribution) -> T,
    set: fn(&mut Contribution, T),
) -> Bind<T> {
    let app = use_wizard().application;
    Bind::new(
        path::contribution(i, j, field),
        Signal::derive(move || {
            investor.with(|v| v.contributions.get(j).map(get).unwrap_or_default())
        }),
        Callback::new(move |value| {
            app.update(|a| {
                if let Some(c) = a
                    .investors
                    .get_mut(i)
                    .and_then(|v| v.contributions.get_mut(j))
                {
                    set(c, value);
                }
            })
        }),
    )
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
    // What kaiban-core allows this investor to contribute, and nothing else.
    let method_options = move |investor: RwSignal<kaiban_core::model::Investor>| {
        Signal::derive(move || {
            let chinese = i18n.locale.get().is_chinese();
            let t = entity.get();
            let limited = investor.with(|v| v.partner_kind == Some(PartnerKind::Limited));
            ContributionMethod::ALL
                .into_iter()
                .filter(|m| contribution_allowed(t, limited, *m))
                .map(|m| {
                    (
                        serde_json::to_value(m)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default(),
                        m.label().into_text(chinese).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <StepPage step lead=text(LEAD.clone())>
            <MoneyInput
                bind=bind!(app, path::CAPITAL_REGISTERED, capital.registered_fen)
                step
                label=capital_label
            />
            <Show when=move || entity.get().is_limited_liability_company()>
                <p class="kb-inset">
                    {move || {
                        let l = i18n.locale.get();
                        format!(
                            "{}{}{}",
                            l.text(&PAY_IN_DEADLINE),
                            deadline(),
                            l
                                .pick(
                                    "（《公司法》第四十七条）。",
                                    " (Company Law, Art 47).",
                                ),
                        )
                    }}
                </p>
            </Show>
            <Show when=move || entity.get() == EntityType::JointStock>
                <super::capital_shares::JointStockShares />
            </Show>
            {move || {
                let t = entity.get();
                let shape = shape.get();
                let investors = investor_rows.draw(app.with_untracked(|a| a.investors.clone()));
                shape
                    .into_iter()
                    .zip(investors)
                    .enumerate()
                    .map(|(i, ((person_id, count), investor))| {
                        let at = move |f: &str| format!("investors[{i}].{f}");
                        view! {
                            <section class="kb-card">
                                <h2 class="kb-card-title">
                                    <PersonSummary person_id=person_id.clone() />
                                </h2>
                                <MoneyInput
                                    bind=Bind::new(
                                        at("subscribed_fen"),
                                        Signal::derive(move || {
                                            investor.with(|v| Some(v.subscribed_fen).filter(|v| *v > 0))
                                        }),
                                        Callback::new(move |v: Option<u64>| {
                                            app.update(|a| {
                                                if let Some(inv) = a.investors.get_mut(i) {
                                                    let single_cash = inv.contributions.len() == 1;
                                                    inv.subscribed_fen = v.unwrap_or(0);
                                                    if single_cash {
                                                        inv.contributions[0].amount_fen = inv.subscribed_fen;
                                                    }
                                                }
                                            })
                                        }),
                                    )
                                    step
                                    label=both("认缴出资额", "Amount subscribed")
                                />
                                <MoneyInput
                                    bind=Bind::new(
                                        at("paid_fen"),
                                        Signal::derive(move || {
                                            investor.with(|v| Some(v.paid_fen).filter(|v| *v > 0))
                                        }),
                                        Callback::new(move |v: Option<u64>| {
                                            app.update(|a| {
                                                if let Some(inv) = a.investors.get_mut(i) {
                                                    inv.paid_fen = v.unwrap_or(0);
                                                }
                                            })
                                        }),
                                    )
                                    step
                                    label=if t == EntityType::JointStock {
                                        both(
                                            "实缴出资额（须全额缴纳）",
                                            "Amount paid in (must be in full)",
                                        )
                                    } else {
                                        both(
                                            "已实缴出资额（选填）",
                                            "Amount already paid in (optional)",
                                        )
                                    }
                                />
                                {(t == EntityType::JointStock)
                                    .then(|| {
                                        view! {
                                            <TextInput
                                                bind=Bind::new(
                                                    at("shares"),
                                                    Signal::derive(move || {
                                                        investor
                                                            .with(|v| {
                                                                v.shares.map(|s| s.to_string()).unwrap_or_default()
                                                            })
                                                    }),
                                                    Callback::new(move |v: String| {
                                                        app.update(|a| {
                                                            if let Some(inv) = a.investors.get_mut(i) {
                                                                inv.shares = v.trim().parse().ok();
                                                            }
                                                        })
                                                    }),
                                                )
                                                step
                                                label=both("认购股份数（股）", "Shares subscribed")
                                                input_mode="numeric"
                                                width="kb-w-10"
                                            />
                                        }
                                    })}
                                <fieldset class="kb-fieldset kb-contributions">
                                    <legend
                                        class="kb-label"
                                        id=field_id(&at("contributions"))
                                        tabindex="-1"
                                    >
                                        {both("出资方式", "How it is contributed")}
                                    </legend>
                                    <FieldMessages path=at("contributions") step />
                                    {(0..count)
                                        .map(|j| {
                                            let cat = move |f: &str| {
                                                format!("investors[{i}].contributions[{j}].{f}")
                                            };
                                            let method = Memo::new(move |_| {
                                                investor
                                                    .with(|v| {
                                                        v.contributions.get(j).map(|c| c.method).unwrap_or_default()
                                                    })
                                            });
                                            view! {
                                                <div class="kb-contribution">
                                                    <Select
                                                        bind=Bind::new(
                                                            cat("method"),
                                                            Signal::derive(move || {
                                                                serde_json::to_value(method.get())
                                                                    .ok()
                                                                    .and_then(|v| v.as_str().map(String::from))
                                                                    .unwrap_or_default()
                                                            }),
                                                            Callback::new(move |v: String| {
                                                                app.update(|a| {
                                                                    if let Some(c) = a
                                                                        .investors
                                                                        .get_mut(i)
                                                                        .and_then(|v| v.contributions.get_mut(j))
                                                                    {
                                                                        c.method = serde_json::from_value(
                                                                                serde_json::Value::String(v),
                                                                            )
                                                                            .unwrap_or_default();
                                                                    }
                                                                })
                                                            }),
                                                        )
                                                        step
                                                        label=both("方式", "Method")
                                                        options=method_options(investor)
                                                    />
                                                    <MoneyInput
                                                        bind=Bind::new(
                                                            cat("amount_fen"),
                                                            Signal::derive(move || {
                                                                investor
                                                                    .with(|v| {
                                                                        v.contributions
                                                                            .get(j)
                                                                            .map(|c| c.amount_fen)
                                                                            .filter(|v| *v > 0)
                                                                    })
                                                            }),
                                                            Callback::new(move |v: Option<u64>| {
                                                                app.update(|a| {
                                                                    if let Some(c) = a
                                                                        .investors
                                                                        .get_mut(i)
                                                                        .and_then(|v| v.contributions.get_mut(j))
                                                                    {
                                                                        c.amount_fen = v.unwrap_or(0);
                                                                    }
                                                                })
                                                            }),
                                                        )
                                                        step
                                                        label=both("金额", "Amount")
                                                    />
                                                    {(t != EntityType::JointStock)
                                                        .then(|| {
                                                            view! {
                                                                <DateInput
                                                                    bind=bind_contribution(
                                                                        (i, j, investor),
                                                                        ContributionField::DueDate,
                                                                        |c| c.due_date,
                                                                        |c, d| c.due_date = d,
                                                                    )
                                                                    step
                                                                    label=both("认缴出资日期", "Pay in by")
                                                                />
                                                            }
                                                        })}
                                                    <Show when=move || !method.get().is_cash()>
                                                        <TextInput
                                                            bind=Bind::new(
                                                                cat("appraisal_ref"),
                                                                Signal::derive(move || {
                                                                    investor
                                                                        .with(|v| {
                                                                            v.contributions
                                                                                .get(j)
                                                                                .map(|c| c.appraisal_ref.clone())
                                                                                .unwrap_or_default()
                                                                        })
                                                                }),
                                                                Callback::new(move |v: String| {
                                                                    app.update(|a| {
                                                                        if let Some(c) = a
                                                                            .investors
                                                                            .get_mut(i)
                                                                            .and_then(|v| v.contributions.get_mut(j))
                                                                        {
                                                                            c.appraisal_ref = v;
                                                                        }
                                                                    })
                                                                }),
                                                            )
                                                            step
                                                            label=both("评估报告编号", "Appraisal report number")
                                                        />
                                                    </Show>
                                                    {(count > 1)
                                                        .then(|| {
                                                            view! {
                                                                <button
                                                                    type="button"
                                                                    class="kb-link-button kb-danger"
                                                                    on:click=move |_| {
                                                                        app.update(|a| {
                                                                            if let Some(inv) = a.investors.get_mut(i) {
                                                                                inv.contributions.remove(j);
                                                                            }
                                                                        })
                                                                    }
                                                                >
                                                                    {both("删除此出资方式", "Remove this method")}
                                                                </button>
                                                            }
                                                        })}
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                    <button
                                        type="button"
                                        class="kb-button kb-button-secondary"
                                        on:click=move |_| {
                                            app.update(|a| {
                                                if let Some(inv) = a.investors.get_mut(i) {
                                                    let due = inv.contributions.last().and_then(|c| c.due_date);
                                                    inv.contributions
                                                        .push(Contribution {
                                                            due_date: due,
                                                            ..Contribution::default()
                                                        });
                                                }
                                            })
                                        }
                                    >
                                        {both("＋ 添加出资方式", "+ Add a method")}
                                    </button>
                                </fieldset>
                            </section>
                        }
                    })
                    .collect_view()
            }}
            <CapitalTotals shape />
        </StepPage>
    }
}
