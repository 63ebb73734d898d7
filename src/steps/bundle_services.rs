//! The questions of each service of the bundle step (steps/bundle.rs), bound to the
//! application's `bundle`; choices from the deployment's lists.

use super::bundle::natural_people;
use crate::app::use_wizard;
use crate::bind_in;
use crate::fields::{
    Bind, Checkbox, ChoiceChecks, ChoiceRadios, DateInput, OptionGroup, OptionIds, OptionInput,
    OptionKind, PersonPicker, Select, TextInput,
};
use crate::i18n::{both, text, use_i18n, Text};
use crate::reference::use_reference;
use crate::steps::Step;
use kaiban_core::bundle::{Listed, SealKind, TaxpayerKind};
use kaiban_core::catalog::jurisdiction::Named;
use kaiban_core::path;
use leptos::prelude::*;

const STEP: Step = Step::Bundle;

/// (code, name) options of a deployment's list, after a "choose" prompt.
fn listed_options(items: Vec<(String, String, String)>) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let l = i18n.locale.get();
        std::iter::once((String::new(), l.pick("请选择", "Choose").to_string()))
            .chain(
                items
                    .iter()
                    .map(|(code, zh, en)| (code.clone(), l.pick(zh, en).to_string())),
            )
            .collect()
    })
}

/// A select's binding to a choice from a list: its code shown, the whole entry (code and names,
/// as filed) stored.
fn listed_bind(
    bind: Bind<Listed>,
    entry: impl Fn(String) -> Listed + Send + Sync + 'static,
) -> Bind<String> {
    let Bind { path, value, set } = bind;
    Bind::new(
        path,
        Signal::derive(move || value.with(|l| l.code.clone())),
        Callback::new(move |code: String| set.run(entry(code))),
    )
}

#[component]
pub fn SealsSection(free: Option<Named>) -> impl IntoView {
    let app = use_wizard().application;
    let offer = use_reference().bundle.get_value();
    let company =
        Signal::derive(move || app.with(|a| a.entity_type.is_some_and(|t| t.is_company())));
    let engravers = listed_options(
        offer
            .engravers
            .iter()
            .map(|e| (e.code.clone(), e.zh.clone(), e.en.clone()))
            .collect(),
    );
    let kinds = bind_in!(app, path::BUNDLE_SEAL_KINDS, bundle.seals => kinds);
    let engraver = bind_in!(app, path::BUNDLE_SEAL_ENGRAVER, bundle.seals => engraver);
    let listed = offer.clone();
    let engraver_of = move |code: &str| listed.engraver(code).cloned().unwrap_or_default();
    view! {
        {free
            .map(|note| {
                view! {
                    <p class="kb-inset" id="bundle-free-seals">
                        {text(note.bi())}
                    </p>
                }
            })}
        <ChoiceChecks
            bind=kinds
            step=STEP
            legend=both("刻制哪些印章", "Which seals to engrave")
            offered=Callback::new(move |kind: SealKind| {
                kind != SealKind::LegalRepresentative || company.get()
            })
        />
        <ChoiceRadios
            bind=bind_in!(app, path::BUNDLE_SEAL_MATERIAL, bundle.seals => material)
            step=STEP
            legend=both("印章材质", "Material")
        />
        <Select
            bind=listed_bind(engraver, move |code| engraver_of(&code))
            step=STEP
            label=both("刻章企业", "Engraver")
            hint=both(
                "由公安机关备案的刻章企业",
                "Engravers registered with the police",
            )
            options=engravers
        />
        <ChoiceRadios
            bind=bind_in!(app, path::BUNDLE_SEAL_DELIVERY, bundle.seals => delivery)
            step=STEP
            legend=both("如何领取印章", "How you get the seals")
        />
    }
}

#[component]
pub fn TaxSection() -> impl IntoView {
    let app = use_wizard().application;
    let general = Signal::derive(move || {
        app.with(|a| {
            a.bundle
                .tax
                .as_ref()
                .is_some_and(|t| t.taxpayer == TaxpayerKind::General)
        })
    });
    view! {
        <ChoiceRadios
            bind=bind_in!(app, path::BUNDLE_TAXPAYER, bundle.tax => taxpayer)
            step=STEP
            legend=both("纳税人类型", "Taxpayer type")
        />
        <Show when=move || general.get()>
            <Checkbox
                bind=bind_in!(app, path::BUNDLE_TAX_ACCOUNTING, bundle.tax => accounting_sound)
                step=STEP
                label=both(
                    "我们承诺会计核算健全，能够提供准确的税务资料",
                    "We declare our accounts are sound and we can give accurate tax data",
                )
            />
        </Show>
        <ChoiceChecks
            bind=bind_in!(app, path::BUNDLE_INVOICES, bundle.tax => invoices)
            step=STEP
            legend=both("申领发票", "Invoices to apply for")
        />
        <PersonPicker
            bind=bind_in!(app, path::BUNDLE_TAX_OFFICER, bundle.tax => tax_officer_id)
            step=STEP
            label=both("办税人", "Who deals with the tax office")
            hint=both("从已填写的人员中选择", "One of the people already entered")
            natural_only=true
            among=Signal::derive(move || natural_people(app))
        />
        <Checkbox
            bind=bind_in!(app, path::BUNDLE_TAX_REAL_NAME, bundle.tax => real_name_confirmed)
            step=STEP
            label=both(
                "办税人确认以本人身份实名办税",
                "The tax officer confirms they act in their own name (real-name tax handling)",
            )
        />
        <ChoiceRadios
            bind=bind_in!(app, path::BUNDLE_ACCOUNTING_STANDARD, bundle.tax => accounting_standard)
            step=STEP
            legend=both("适用的会计制度", "Accounting standards")
        />
    }
}

#[component]
pub fn EmployeesSection() -> impl IntoView {
    let app = use_wizard().application;
    let now = crate::bind!(app, path::BUNDLE_EMPLOYEES_NOW, bundle.employees.now);
    let employing = Signal::derive(move || app.with(|a| a.bundle.employees.now));
    view! {
        <section class="kb-bundle-service" aria-labelledby="bundle-employees">
            <h2 class="kb-subtitle" id="bundle-employees">
                {both("员工", "Employees")}
            </h2>
            <p class="kb-hint">{text(Text::BundleEmployeesHint)}</p>
            <Checkbox
                bind=now
                step=STEP
                label=both("现在已有员工", "We employ people from the start")
            />
            <Show when=move || employing.get()>
                <TextInput
                    bind=crate::bind!(app, path::BUNDLE_EMPLOYEE_COUNT, bundle.employees.count)
                        .number()
                    step=STEP
                    label=both("职工人数", "Number of employees")
                    input_mode="numeric"
                    width="kb-w-5"
                />
                <TextInput
                    bind=crate::bind!(app, path::BUNDLE_START_MONTH, bundle.employees.start_month)
                    step=STEP
                    label=both("开始缴费的月份", "Month contributions start")
                    hint=both("年-月，例如 2027-01", "Year-month, e.g. 2027-01")
                    input_mode="numeric"
                    width="kb-w-10"
                />
            </Show>
        </section>
    }
}

#[component]
pub fn BankSection() -> impl IntoView {
    let app = use_wizard().application;
    let i18n = use_i18n();
    let offer = use_reference().bundle.get_value();
    let banks = listed_options(
        offer
            .banks
            .iter()
            .map(|b| (b.code.clone(), b.zh.clone(), b.en.clone()))
            .collect(),
    );
    let offer_for_branches = offer.clone();
    let branches = Signal::derive(move || {
        let l = i18n.locale.get();
        let chosen = app.with(|a| {
            a.bundle
                .bank
                .as_ref()
                .map(|b| b.bank.code.clone())
                .unwrap_or_default()
        });
        std::iter::once((String::new(), l.pick("请选择", "Choose").to_string()))
            .chain(
                offer_for_branches
                    .bank(&chosen)
                    .into_iter()
                    .flat_map(|b| &b.branches)
                    .map(|b| (b.code.clone(), l.pick(&b.zh, &b.en).to_string())),
            )
            .collect::<Vec<_>>()
    });
    // A new bank: the branch chosen for the last one is not one of its own.
    let listed = offer.clone();
    let bank = bind_in!(app, path::BUNDLE_BANK_NAME, bundle.bank => bank);
    let bank = Bind::new(
        bank.path,
        Signal::derive(move || bank.value.with(|b| b.code.clone())),
        Callback::new(move |code: String| {
            let chosen = listed.bank_listed(&code).unwrap_or_default();
            app.update(|a| {
                if let Some(b) = a.bundle.bank.as_mut() {
                    b.bank = chosen;
                    b.branch = Listed::default();
                }
            });
        }),
    );
    let listed = offer.clone();
    let branch_of = move |code: String| {
        app.with_untracked(|a| {
            let bank = a
                .bundle
                .bank
                .as_ref()
                .map(|b| b.bank.code.clone())
                .unwrap_or_default();
            listed
                .bank(&bank)
                .and_then(|b| b.branches.iter().find(|x| x.code == code).cloned())
                .unwrap_or_default()
        })
    };
    let branch = bind_in!(app, path::BUNDLE_BANK_BRANCH, bundle.bank => branch);
    let operators = Signal::derive(move || {
        let l = i18n.locale.get();
        app.with(|a| {
            a.persons
                .iter()
                .filter(|p| !p.is_organisation())
                .map(|p| (p.id.clone(), crate::fields::describe(p, l.is_chinese())))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Select bind=bank step=STEP label=both("开户银行", "Bank") options=banks />
        <Select
            bind=listed_bind(branch, branch_of)
            step=STEP
            label=both("开户网点", "Branch")
            options=branches
        />
        <DateInput
            bind=bind_in!(app, path::BUNDLE_BANK_DATE, bundle.bank => date)
            step=STEP
            label=both("预约日期", "Day of the appointment")
            hint=both(
                "工作日，明天起30天内",
                "A working day, from tomorrow up to 30 days ahead",
            )
        />
        <ChoiceRadios
            bind=bind_in!(app, path::BUNDLE_BANK_SLOT, bundle.bank => slot)
            step=STEP
            legend=both("时段", "Time")
        />
        <PeopleChecks
            bind=bind_in!(app, path::BUNDLE_BANK_OPERATORS, bundle.bank => operators)
            people=operators
        />
    }
}

/// Checkboxes for choosing several of the application's people (the account's operators).
#[component]
fn PeopleChecks(
    bind: Bind<Vec<String>>,
    /// (person id, how the person is described).
    #[prop(into)]
    people: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let Bind { path, value, set } = bind;
    let frame = crate::fields::FieldFrame::new(&path, STEP, &None);
    let toggle_frame = frame.clone();
    let toggle = move |id: String, on: bool| {
        toggle_frame.touch();
        let mut ids = value.get_untracked();
        ids.retain(|x| *x != id);
        if on {
            ids.push(id);
        }
        set.run(ids);
    };
    let first = frame.id.clone();
    view! {
        <OptionGroup
            frame
            legend=both("账户操作人", "Who will operate the account")
            hint=None
            list="kb-checkboxes"
        >
            {move || {
                people
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, name))| {
                        let (checked_id, toggle) = (id.clone(), toggle.clone());
                        view! {
                            <OptionInput
                                kind=OptionKind::Check
                                ids=OptionIds::nth(&first, &path, i, i)
                                value=id.clone()
                                checked=Signal::derive(move || {
                                    value.with(|v| v.contains(&checked_id))
                                })
                                on_change=Callback::new(move |on| toggle(id.clone(), on))
                                label=name
                                hint=None
                            />
                        }
                    })
                    .collect_view()
            }}
        </OptionGroup>
    }
}
