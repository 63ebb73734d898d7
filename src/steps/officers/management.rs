//! The manager, the legal representative and the expected number of employees.

use super::{person_name, set_person, Organs};
use crate::bind;
use crate::fields::Bind;
use crate::fields::PersonDetails;
use crate::fields::{PersonPicker, Select, TextInput};
use crate::i18n::{both, text};
use crate::steps::labels;
use kaiban_core::model::{BoardMode, EntityType};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub(super) fn Management(organs: Organs) -> impl IntoView {
    let Organs {
        wizard,
        app,
        i18n,
        step,
        entity,
        directors,
        ..
    } = organs;
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
        <h2 class="kb-section-title">
            {both("经理与法定代表人", "Manager and legal representative")}
        </h2>
        <PersonPicker
            bind=Bind::new(
                path::MANAGER,
                Signal::derive(move || app.with(|a| a.officers.manager_id.clone())),
                set_person(wizard, move |a, id| a.officers.manager_id = id),
            )
            step
            natural_only=true
            label=Signal::derive(move || {
                let label = if entity.get() == EntityType::JointStock {
                    labels::MANAGER
                } else {
                    labels::optional(labels::MANAGER)
                };
                label.pick(i18n.locale.get().is_chinese()).to_string()
            })
        />
        {move || {
            let manager = app.with(|a| a.officers.manager_id.clone())?;
            let also_director = directors.get().contains(&manager);
            Some(
                if also_director {
                    view! {
                        <p class="kb-derived kb-derived-link">
                            {both(
                                "经理同时担任董事，信息见上方董事部分。",
                                "The manager is also a director; their details are above.",
                            )}
                        </p>
                    }
                        .into_any()
                } else {
                    view! { <PersonDetails person_id=manager step /> }.into_any()
                },
            )
        }}
        <Select
            bind=Bind::new(
                path::LEGAL_REPRESENTATIVE,
                Signal::derive(move || {
                    app.with(|a| a.officers.legal_representative_id.clone().unwrap_or_default())
                }),
                Callback::new(move |v: String| {
                    app.update(|a| {
                        a.officers.legal_representative_id = (!v.is_empty()).then_some(v);
                    })
                }),
            )
            step
            label=text(labels::LEGAL_REPRESENTATIVE)
            hint=both(
                "从董事长、执行公司事务的董事或经理中选择",
                "Choose the chair, a director who executes the company's affairs, or the manager",
            )
            options=legal_rep_options
        />
        <TextInput
            bind=bind!(app, path::EMPLOYEE_COUNT, officers.employee_count).number()
            step
            label=both("预计职工人数（选填）", "Expected number of employees (optional)")
            hint=both(
                "职工三百人以上的，董事会中应当有职工代表",
                "With 300 or more employees the board must include an employee representative",
            )
            input_mode="numeric"
            width="kb-w-5"
        />
    }
}
