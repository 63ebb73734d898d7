use super::capital_totals::CapitalTotals;
use super::page::StepPage;
use crate::app::{field_id, today, use_wizard, RowSignals};
use crate::bind;
use crate::fields::Bind;
use crate::fields::{card_groups, Button};
use crate::fields::{select_choices, DateInput, FieldMessages, MoneyInput, PersonSummary};
use crate::fields::{Select, TextInput};
use crate::i18n::Text;
use crate::i18n::{both, text, use_i18n};
use crate::steps::Step;
use kaiban_core::key;
use kaiban_core::model::PartnerKind;
use kaiban_core::model::{Contribution, EntityType, Investor};
use kaiban_core::path;
use kaiban_core::path::{ContributionField, InvestorField};
use kaiban_core::rules::contribution_allowed;
use leptos::prelude::*;

/// Binds an input to what `get` reads of investor `i` and `set` writes, read from the
/// investor's own row signal (typing in one row wakes no other).
fn bind_row<T: PartialEq + Clone + Send + Sync + 'static>(
    path: String,
    (i, investor): (usize, RwSignal<Investor>),
    get: impl Fn(&Investor) -> T + Send + Sync + 'static,
    set: impl Fn(&mut Investor, T) + Send + Sync + 'static,
) -> Bind<T> {
    let app = use_wizard().application;
    Bind::new(
        path,
        Signal::derive(move || investor.with(&get)),
        Callback::new(move |value| {
            app.update(|a| {
                if let Some(v) = a.investors.get_mut(i) {
                    set(v, value);
                }
            })
        }),
    )
}

/// Binds an input to `field` of investor `i`.
fn bind_investor<T: PartialEq + Clone + Send + Sync + 'static>(
    (i, investor): (usize, RwSignal<Investor>),
    field: InvestorField,
    get: fn(&Investor) -> T,
    set: fn(&mut Investor, T),
) -> Bind<T> {
    bind_row(path::investor(i, field), (i, investor), get, set)
}

/// Binds an input to `field` of contribution `j` of investor `i`.
fn bind_contribution<T: Default + PartialEq + Clone + Send + Sync + 'static>(
    (i, j, investor): (usize, usize, RwSignal<Investor>),
    field: ContributionField,
    get: fn(&Contribution) -> T,
    set: fn(&mut Contribution, T),
) -> Bind<T> {
    let read = move |v: &Investor| v.contributions.get(j).map(get).unwrap_or_default();
    let write = move |v: &mut Investor, value| {
        if let Some(c) = v.contributions.get_mut(j) {
            set(c, value)
        }
    };
    bind_row(path::contribution(i, j, field), (i, investor), read, write)
}

/// A subscription; a single contribution follows it (the common "all in cash" case).
fn set_subscribed(investor: &mut Investor, fen: Option<u64>) {
    investor.subscribed_fen = fen.unwrap_or(0);
    if let [only] = investor.contributions.as_mut_slice() {
        only.amount_fen = investor.subscribed_fen;
    }
}

#[component]
pub fn CapitalStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Capital;
    let app = wizard.application;
    let entity = wizard.entity_type();
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
    let method_options = move |investor: RwSignal<Investor>| {
        select_choices(move |m| {
            let limited = investor.with(|v| v.partner_kind == Some(PartnerKind::Limited));
            contribution_allowed(entity.get(), limited, m)
        })
    };
    view! {
        <StepPage step lead=text(Text::CapitalLead)>
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
                            Text::CapitalPayInDeadline.get(l),
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
                let cards = shape
                    .into_iter()
                    .zip(investors)
                    .enumerate()
                    .map(move |(i, ((person_id, count), investor))| {
                        view! {
                            <section class="kb-card">
                                <h2 class="kb-card-title">
                                    <PersonSummary person_id=person_id.clone() />
                                </h2>
                                <MoneyInput
                                    bind=bind_investor(
                                        (i, investor),
                                        InvestorField::SubscribedFen,
                                        |v| Some(v.subscribed_fen).filter(|v| *v > 0),
                                        set_subscribed,
                                    )
                                    step
                                    label=both("认缴出资额", "Amount subscribed")
                                />
                                <MoneyInput
                                    bind=bind_investor(
                                        (i, investor),
                                        InvestorField::PaidFen,
                                        |v| Some(v.paid_fen).filter(|v| *v > 0),
                                        |v, fen| v.paid_fen = fen.unwrap_or(0),
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
                                                bind=bind_investor(
                                                        (i, investor),
                                                        InvestorField::Shares,
                                                        |v| v.shares,
                                                        |v, s| v.shares = s,
                                                    )
                                                    .number()
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
                                        id=field_id(
                                            &path::investor(i, InvestorField::Contributions),
                                        )
                                        tabindex="-1"
                                    >
                                        {both("出资方式", "How it is contributed")}
                                    </legend>
                                    <FieldMessages
                                        path=path::investor(i, InvestorField::Contributions)
                                        step
                                    />
                                    {(0..count)
                                        .map(|j| {
                                            let method = Memo::new(move |_| {
                                                investor
                                                    .with(|v| {
                                                        v.contributions.get(j).map(|c| c.method).unwrap_or_default()
                                                    })
                                            });
                                            view! {
                                                <div class="kb-contribution">
                                                    <Select
                                                        bind=bind_contribution(
                                                            (i, j, investor),
                                                            ContributionField::Method,
                                                            |c| key::of(&c.method),
                                                            |c, m| c.method = key::parse(&m).unwrap_or_default(),
                                                        )
                                                        step
                                                        label=both("方式", "Method")
                                                        options=method_options(investor)
                                                    />
                                                    <MoneyInput
                                                        bind=bind_contribution(
                                                            (i, j, investor),
                                                            ContributionField::AmountFen,
                                                            |c| Some(c.amount_fen).filter(|v| *v > 0),
                                                            |c, fen| c.amount_fen = fen.unwrap_or(0),
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
                                                            bind=bind_contribution(
                                                                (i, j, investor),
                                                                ContributionField::AppraisalRef,
                                                                |c| c.appraisal_ref.clone(),
                                                                |c, r| c.appraisal_ref = r,
                                                            )
                                                            step
                                                            label=both("评估报告编号", "Appraisal report number")
                                                        />
                                                    </Show>
                                                    {(count > 1)
                                                        .then(|| {
                                                            view! {
                                                                <Button
                                                                    class="kb-link-button kb-danger"
                                                                    on_click=move |_| {
                                                                        app.update(|a| {
                                                                            if let Some(inv) = a.investors.get_mut(i) {
                                                                                inv.contributions.remove(j);
                                                                            }
                                                                        })
                                                                    }
                                                                >
                                                                    {both("删除此出资方式", "Remove this method")}
                                                                </Button>
                                                            }
                                                        })}
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                    <Button
                                        class="kb-button kb-button-secondary"
                                        on_click=move |_| {
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
                                    </Button>
                                </fieldset>
                            </section>
                        }
                    });
                card_groups(cards)
            }}
            <CapitalTotals shape />
        </StepPage>
    }
}
