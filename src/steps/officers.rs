//! Company organs: board or single director, supervision, manager, legal representative.

use super::page::StepPage;
use crate::app::{field_id, person_home_step, use_wizard, Wizard};
use crate::fields::{
    Checkbox, FieldMessages, PersonEditor, PersonPicker, Radios, Select, TextInput,
};
use crate::i18n::{both, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{BoardMode, Director, EntityType, Supervision, Supervisor};
use leptos::prelude::*;

fn person_name<'a>(a: &'a kaiban_core::model::Application, id: &str) -> &'a str {
    a.person(id)
        .map(|p| p.name.as_str())
        .filter(|n| !n.is_empty())
        .unwrap_or("?")
}

/// The editor where the person's details belong, else their summary and where to edit them.
#[component]
pub fn PersonDetails(#[prop(into)] person_id: String, step: Step) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let id = person_id.clone();
    let home = Memo::new(move |_| wizard.application.with(|a| person_home_step(a, &id)));
    move || {
        if home.get() == step {
            view! { <PersonEditor person_id=person_id.clone() step natural_only=true /> }.into_any()
        } else {
            let home = home.get();
            view! {
                <p class="kb-derived kb-derived-link">
                    {move || i18n.locale.get().pick("此人信息在以下步骤填写：", "This person's details are on: ").to_string()}
                    <button type="button" class="kb-link-button" on:click=move |_| wizard.go(home)>
                        {move || i18n.t(home.title())}
                    </button>
                </p>
            }
            .into_any()
        }
    }
}

fn set_person(
    wizard: Wizard,
    change: impl Fn(&mut kaiban_core::model::Application, Option<String>) + Send + Sync + 'static,
) -> Callback<Option<String>> {
    Callback::new(move |id: Option<String>| {
        wizard.application.update(|a| change(a, id));
        wizard.drop_unreferenced_people();
    })
}

#[component]
pub fn OfficersStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Officers;
    let app = wizard.application;
    let entity = Memo::new(move |_| app.with(|a| a.entity_type).unwrap_or(EntityType::Llc));
    let board_mode = Memo::new(move |_| app.with(|a| a.officers.board_mode));
    let supervision = Memo::new(move |_| app.with(|a| a.officers.supervision));
    let directors = Memo::new(move |_| {
        app.with(|a| {
            a.officers
                .directors
                .iter()
                .map(|d| d.person_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let supervisors = Memo::new(move |_| {
        app.with(|a| {
            a.officers
                .supervisors
                .iter()
                .map(|s| s.person_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let board_options = Signal::derive(move || {
        let l = i18n.locale.get();
        vec![
            (
                "board".to_string(),
                l.pick("设董事会", "A board of directors").to_string(),
                Some(
                    l.pick(
                        "三名以上董事，设董事长一人",
                        "Three or more directors, one of them chair",
                    )
                    .to_string(),
                ),
            ),
            (
                "single_director".to_string(),
                l.pick("不设董事会，设一名董事", "A single director")
                    .to_string(),
                Some(
                    l.pick(
                        "规模较小或者股东人数较少的公司可以选择",
                        "For small companies or few shareholders",
                    )
                    .to_string(),
                ),
            ),
        ]
    });
    let supervision_options = Signal::derive(move || {
        let l = i18n.locale.get();
        let mut options = vec![
            (
                "single".to_string(),
                l.pick("设一名监事", "A single supervisor").to_string(),
                None,
            ),
            (
                "board".to_string(),
                l.pick("设监事会", "A supervisory board").to_string(),
                Some(
                    l.pick(
                        "三人以上，职工代表不少于三分之一",
                        "Three or more, at least a third employee representatives",
                    )
                    .to_string(),
                ),
            ),
            (
                "audit_committee".to_string(),
                l.pick(
                    "在董事会中设审计委员会，不设监事",
                    "An audit committee of the board instead",
                )
                .to_string(),
                None,
            ),
        ];
        if entity.get().is_limited_liability_company() {
            options.push((
                "none".to_string(),
                l.pick("不设监事", "No supervisor").to_string(),
                Some(
                    l.pick(
                        "须经全体股东一致同意",
                        "Needs the consent of all shareholders",
                    )
                    .to_string(),
                ),
            ));
        }
        options
    });
    let add_director = move |_| {
        app.update(|a| a.officers.directors.push(Director::default()));
    };
    let add_supervisor = move |_| {
        app.update(|a| a.officers.supervisors.push(Supervisor::default()));
    };
    let legal_rep_options = Signal::derive(move || {
        let l = i18n.locale.get();
        app.with(|a| {
            let o = &a.officers;
            let mut options = vec![(String::new(), l.pick("请选择", "Choose").to_string())];
            for d in &o.directors {
                if d.person_id.is_empty() {
                    continue;
                }
                let role = if d.chair {
                    l.pick("董事长", "chair")
                } else if o.board_mode == BoardMode::SingleDirector {
                    l.pick("董事", "director")
                } else {
                    l.pick("执行公司事务的董事", "director executing affairs")
                };
                if d.chair || d.executes_affairs || o.board_mode == BoardMode::SingleDirector {
                    options.push((
                        d.person_id.clone(),
                        format!("{}（{role}）", person_name(a, &d.person_id)),
                    ));
                }
            }
            if let Some(m) = &o.manager_id {
                if !options.iter().any(|(id, _)| id == m) {
                    options.push((
                        m.clone(),
                        format!("{}（{}）", person_name(a, m), l.pick("经理", "manager")),
                    ));
                }
            }
            options
        })
    });
    view! {
        <StepPage step lead=both("法定代表人由代表公司执行公司事务的董事或者经理担任（《公司法》第十条）。董事、高级管理人员不得兼任监事。", "The legal representative is a director who executes the company's affairs, or the manager (Company Law, Art 10). Directors and senior managers may not be supervisors.")>
            <Radios
                path="officers.board_mode"
                step
                legend=both("董事会", "Board")
                options=board_options
                value=Signal::derive(move || match board_mode.get() { BoardMode::Board => "board", BoardMode::SingleDirector => "single_director" }.to_string())
                on_change=Callback::new(move |v: String| app.update(|a| {
                    a.officers.board_mode = if v == "single_director" { BoardMode::SingleDirector } else { BoardMode::Board };
                    if a.officers.board_mode == BoardMode::SingleDirector {
                        for d in &mut a.officers.directors { d.chair = false; d.vice_chair = false; }
                    }
                }))
            />
            <div class="kb-anchor" id=field_id("officers.directors") tabindex="-1">
                <FieldMessages path="officers.directors" step />
            </div>
            {move || {
                let mode = board_mode.get();
                let n = directors.get().len();
                directors.get().into_iter().enumerate().map(|(i, person_id)| {
                    let at = move |f: &str| format!("officers.directors[{i}].{f}");
                    let flag = move |f: fn(&Director) -> bool| Signal::derive(move || app.with(|a| a.officers.directors.get(i).is_some_and(f)));
                    let set_flag = move |f: fn(&mut Director, bool)| Callback::new(move |v: bool| app.update(|a| if let Some(d) = a.officers.directors.get_mut(i) { f(d, v) }));
                    view! {
                        <section class="kb-card">
                            <h2 class="kb-card-title">{move || format!("{} {}", i18n.locale.get().pick("董事", "Director"), i + 1)}</h2>
                            <PersonPicker
                                path=at("person_id")
                                step
                                natural_only=true
                                label=both("人员", "Person")
                                value=Signal::derive(move || app.with(|a| a.officers.directors.get(i).map(|d| d.person_id.clone()).filter(|id| !id.is_empty())))
                                on_change=set_person(wizard, move |a, id| if let Some(d) = a.officers.directors.get_mut(i) { d.person_id = id.unwrap_or_default() })
                            />
                            {(!person_id.is_empty()).then(|| view! { <PersonDetails person_id=person_id.clone() step /> })}
                            {(mode == BoardMode::Board).then(|| view! {
                                <Checkbox path=at("chair") step label=both("董事长", "Chair of the board") checked=flag(|d| d.chair) on_change=set_flag(|d, v| d.chair = v) />
                                <Checkbox path=at("vice_chair") step label=both("副董事长", "Vice-chair") checked=flag(|d| d.vice_chair) on_change=set_flag(|d, v| d.vice_chair = v) />
                            })}
                            <Checkbox path=at("executes_affairs") step label=both("代表公司执行公司事务", "Executes the company's affairs") checked=flag(|d| d.executes_affairs) on_change=set_flag(|d, v| d.executes_affairs = v) />
                            <Checkbox path=at("employee_representative") step label=both("职工代表董事", "Employee representative") checked=flag(|d| d.employee_representative) on_change=set_flag(|d, v| d.employee_representative = v) />
                            {(n > 1).then(|| view! {
                                <button type="button" class="kb-link-button kb-danger" on:click=move |_| {
                                    app.update(|a| { a.officers.directors.remove(i); });
                                    wizard.drop_unreferenced_people();
                                }>{move || format!("{} {}", i18n.locale.get().pick("删除董事", "Remove director"), i + 1)}</button>
                            })}
                        </section>
                    }
                }).collect_view()
            }}
            <Show when=move || board_mode.get() == BoardMode::Board || directors.get().is_empty()>
                <button type="button" class="kb-button kb-button-secondary" on:click=add_director>
                    {move || i18n.locale.get().pick("＋ 添加董事", "+ Add a director").to_string()}
                </button>
            </Show>

            <h2 class="kb-section-title">{move || i18n.locale.get().pick("监督机构", "Supervision").to_string()}</h2>
            <Radios
                path="officers.supervision"
                step
                legend=both("监事或审计委员会", "Supervisors or audit committee")
                options=supervision_options
                value=Signal::derive(move || match supervision.get() { Supervision::Board => "board", Supervision::Single => "single", Supervision::None => "none", Supervision::AuditCommittee => "audit_committee" }.to_string())
                on_change=Callback::new(move |v: String| app.update(|a| {
                    a.officers.supervision = match v.as_str() { "board" => Supervision::Board, "none" => Supervision::None, "audit_committee" => Supervision::AuditCommittee, _ => Supervision::Single };
                }))
            />
            <Show when=move || matches!(supervision.get(), Supervision::Board | Supervision::Single)>
                <div class="kb-anchor" id=field_id("officers.supervisors") tabindex="-1">
                    <FieldMessages path="officers.supervisors" step />
                </div>
                {move || {
                    let is_board = supervision.get() == Supervision::Board;
                    supervisors.get().into_iter().enumerate().map(|(i, person_id)| {
                        let at = move |f: &str| format!("officers.supervisors[{i}].{f}");
                        view! {
                            <section class="kb-card">
                                <h2 class="kb-card-title">{move || format!("{} {}", i18n.locale.get().pick("监事", "Supervisor"), i + 1)}</h2>
                                <PersonPicker
                                    path=at("person_id")
                                    step
                                    natural_only=true
                                    label=both("人员", "Person")
                                    value=Signal::derive(move || app.with(|a| a.officers.supervisors.get(i).map(|s| s.person_id.clone()).filter(|id| !id.is_empty())))
                                    on_change=set_person(wizard, move |a, id| if let Some(s) = a.officers.supervisors.get_mut(i) { s.person_id = id.unwrap_or_default() })
                                />
                                {(!person_id.is_empty()).then(|| view! { <PersonDetails person_id=person_id.clone() step /> })}
                                {is_board.then(|| view! {
                                    <Checkbox path=at("chair") step label=both("监事会主席", "Chair of the supervisory board")
                                        checked=Signal::derive(move || app.with(|a| a.officers.supervisors.get(i).is_some_and(|s| s.chair)))
                                        on_change=Callback::new(move |v| app.update(|a| if let Some(s) = a.officers.supervisors.get_mut(i) { s.chair = v })) />
                                    <Checkbox path=at("employee_representative") step label=both("职工代表监事", "Employee representative")
                                        checked=Signal::derive(move || app.with(|a| a.officers.supervisors.get(i).is_some_and(|s| s.employee_representative)))
                                        on_change=Callback::new(move |v| app.update(|a| if let Some(s) = a.officers.supervisors.get_mut(i) { s.employee_representative = v })) />
                                })}
                                <button type="button" class="kb-link-button kb-danger" on:click=move |_| {
                                    app.update(|a| { a.officers.supervisors.remove(i); });
                                    wizard.drop_unreferenced_people();
                                }>{move || format!("{} {}", i18n.locale.get().pick("删除监事", "Remove supervisor"), i + 1)}</button>
                            </section>
                        }
                    }).collect_view()
                }}
                <button type="button" class="kb-button kb-button-secondary" on:click=add_supervisor>
                    {move || i18n.locale.get().pick("＋ 添加监事", "+ Add a supervisor").to_string()}
                </button>
            </Show>
            <Show when=move || supervision.get() == Supervision::None>
                <Checkbox
                    path="officers.no_supervisor_consent"
                    step
                    label=both("全体股东已一致同意不设监事", "All shareholders have agreed to have no supervisor")
                    checked=Signal::derive(move || app.with(|a| a.officers.no_supervisor_consent))
                    on_change=Callback::new(move |v| app.update(|a| a.officers.no_supervisor_consent = v))
                />
            </Show>
            <Show when=move || supervision.get() == Supervision::AuditCommittee>
                <fieldset class="kb-fieldset kb-field" id=field_id("officers.audit_committee") tabindex="-1">
                    <legend class="kb-label">{move || i18n.locale.get().pick("审计委员会成员（从董事中选择）", "Audit committee members (directors)").to_string()}</legend>
                    <FieldMessages path="officers.audit_committee" step />
                    {move || directors.get().into_iter().filter(|id| !id.is_empty()).enumerate().map(|(k, id)| {
                        let id_for_check = id.clone();
                        let id_for_change = id.clone();
                        view! {
                            <Checkbox
                                path=format!("officers.audit_committee-option-{k}")
                                step
                                label=Signal::derive({ let id = id.clone(); move || app.with(|a| person_name(a, &id).to_string()) })
                                checked=Signal::derive(move || app.with(|a| a.officers.audit_committee.contains(&id_for_check)))
                                on_change=Callback::new(move |v: bool| app.update(|a| {
                                    a.officers.audit_committee.retain(|m| *m != id_for_change);
                                    if v { a.officers.audit_committee.push(id_for_change.clone()); }
                                }))
                            />
                        }
                    }).collect_view()}
                </fieldset>
            </Show>

            <h2 class="kb-section-title">{move || i18n.locale.get().pick("经理与法定代表人", "Manager and legal representative").to_string()}</h2>
            <PersonPicker
                path="officers.manager_id"
                step
                natural_only=true
                label=Signal::derive(move || if entity.get() == EntityType::JointStock { i18n.locale.get().pick("经理", "Manager").to_string() } else { i18n.locale.get().pick("经理（选填）", "Manager (optional)").to_string() })
                value=Signal::derive(move || app.with(|a| a.officers.manager_id.clone()))
                on_change=set_person(wizard, move |a, id| a.officers.manager_id = id)
            />
            {move || {
                let manager = app.with(|a| a.officers.manager_id.clone())?;
                let also_director = directors.get().contains(&manager);
                Some(if also_director {
                    view! { <p class="kb-derived kb-derived-link">{move || i18n.locale.get().pick("经理同时担任董事，信息见上方董事部分。", "The manager is also a director; their details are above.").to_string()}</p> }.into_any()
                } else {
                    view! { <PersonDetails person_id=manager step /> }.into_any()
                })
            }}
            <Select
                path="officers.legal_representative_id"
                step
                label=both("法定代表人", "Legal representative")
                hint=both("从董事长、执行公司事务的董事或经理中选择", "Choose the chair, a director who executes the company's affairs, or the manager")
                options=legal_rep_options
                value=Signal::derive(move || app.with(|a| a.officers.legal_representative_id.clone().unwrap_or_default()))
                on_change=Callback::new(move |v: String| app.update(|a| a.officers.legal_representative_id = (!v.is_empty()).then_some(v)))
            />
            <TextInput
                path="officers.employee_count"
                step
                label=both("预计职工人数（选填）", "Expected number of employees (optional)")
                hint=both("职工三百人以上的，董事会中应当有职工代表", "With 300 or more employees the board must include an employee representative")
                value=Signal::derive(move || app.with(|a| a.officers.employee_count.map(|n| n.to_string()).unwrap_or_default()))
                on_input=Callback::new(move |v: String| app.update(|a| a.officers.employee_count = v.trim().parse().ok()))
                input_mode="numeric"
                width="kb-w-5"
            />
        </StepPage>
    }
}
