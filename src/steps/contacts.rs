//! The finance officer and the registration liaison, with their own mobile numbers.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::Bind;
use crate::fields::PersonDetails;
use crate::fields::{PersonEditor, PersonPicker, TextInput};
use crate::i18n::Text;
use crate::i18n::{both, text};
use crate::steps::labels;
use crate::steps::person_home_step;
use crate::steps::Step;
use kaiban_core::model::Application;
use kaiban_core::path;
use kaiban_core::text::Bi;
use leptos::prelude::*;

/// One of the two contact roles: where it is, where its mobile number is asked for, how it is
/// labelled.
struct Contact {
    path: &'static str,
    mobile_path: &'static str,
    label: Bi,
    hint: Bi,
    get: fn(&Application) -> Option<String>,
    set: fn(&mut Application, Option<String>),
}

static FINANCE_OFFICER: Contact = Contact {
    path: path::FINANCE_OFFICER,
    mobile_path: path::FINANCE_OFFICER_MOBILE,
    label: labels::FINANCE_OFFICER,
    hint: Bi::new(
        "监事不得兼任财务负责人",
        "A supervisor may not be the finance officer",
    ),
    get: |a| a.finance_officer_id.clone(),
    set: |a, id| a.finance_officer_id = id,
};

static LIAISON: Contact = Contact {
    path: path::LIAISON,
    mobile_path: path::LIAISON_MOBILE,
    label: labels::LIAISON,
    hint: Bi::new(
        "可以由股东、员工或委托代理人担任",
        "May be a shareholder, an employee or an agent",
    ),
    get: |a| a.liaison_id.clone(),
    set: |a, id| a.liaison_id = id,
};

/// A contact role: the picker, and the person's details or at least their mobile.
#[component]
fn ContactRole(role: &'static Contact) -> impl IntoView {
    let Contact {
        path,
        mobile_path,
        get,
        set,
        ..
    } = *role;
    let (label, hint) = (text(role.label.clone()), text(role.hint.clone()));
    let wizard = use_wizard();
    let step = Step::Contacts;
    let app = wizard.application;
    let chosen = Memo::new(move |_| app.with(get));
    view! {
        <PersonPicker
            bind=Bind::new(
                path,
                Signal::derive(move || chosen.get()),
                Callback::new(move |id: Option<String>| {
                    app.update(|a| set(a, id));
                    wizard.drop_unreferenced_people();
                }),
            )
            step
            natural_only=true
            label
            hint
        />
        {move || {
            chosen
                .get()
                .map(|id| {
                    let home = app.with_untracked(|a| person_home_step(a, &id));
                    if home == step {
                        return view! {
                            <PersonEditor person_id=id step natural_only=true mobile_path />
                        }
                            .into_any();
                    }
                    let mobile = wizard
                        .bind_person(
                            &id,
                            path::PersonField::Mobile,
                            |p| p.mobile.clone(),
                            |p, v| p.mobile = v,
                        );
                    let own_mobile = mobile.path.clone();
                    view! {
                        <PersonDetails person_id=id.clone() step />
                        <TextInput
                            bind=Bind::new(mobile_path, mobile.value, mobile.set)
                            also=Some(own_mobile)
                            step
                            label=both("手机号码", "Mobile number")
                            input_mode="tel"
                            width="kb-w-10"
                        />
                    }
                        .into_any()
                })
        }}
    }
}

#[component]
pub fn ContactsStep() -> impl IntoView {
    view! {
        <StepPage step=Step::Contacts lead=text(Text::ContactsLead)>
            <ContactRole role=&FINANCE_OFFICER />
            <ContactRole role=&LIAISON />
        </StepPage>
    }
}
