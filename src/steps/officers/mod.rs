//! The company's organs: board or single director, supervisors or audit committee, manager
//! and legal representative. One section per file.

mod board;
mod management;
mod supervision;

use super::page::StepPage;
use crate::app::{use_wizard, Wizard};
use crate::fields::HolderRole;
use crate::i18n::Text;
use crate::i18n::{text, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{BoardMode, Director, EntityType, Supervision, Supervisor};
use kaiban_core::path;
use leptos::prelude::*;

fn person_name<'a>(a: &'a kaiban_core::model::Application, id: &str) -> &'a str {
    a.person(id)
        .map(|p| p.name.as_str())
        .filter(|n| !n.is_empty())
        .unwrap_or("?")
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

pub(super) const DIRECTORS: HolderRole<Director> = HolderRole {
    holders: (|a| &a.officers.directors, |a| &mut a.officers.directors),
    list: path::DIRECTORS,
    field: path::director_field,
    title: Text::HolderDirector,
    add_label: Text::AddDirector,
};
pub(super) const SUPERVISORS: HolderRole<Supervisor> = HolderRole {
    holders: (|a| &a.officers.supervisors, |a| &mut a.officers.supervisors),
    list: path::SUPERVISORS,
    field: path::supervisor_field,
    title: Text::HolderSupervisor,
    add_label: Text::AddSupervisor,
};

/// What the officers step's sections share: the application and the choices they follow.
#[derive(Clone, Copy)]
pub(super) struct Organs {
    pub wizard: Wizard,
    pub app: RwSignal<kaiban_core::model::Application>,
    pub i18n: crate::i18n::I18n,
    pub step: Step,
    pub entity: Signal<EntityType>,
    pub board_mode: Memo<BoardMode>,
    pub supervision: Memo<Supervision>,
    pub directors: Signal<Vec<String>>,
}

impl Organs {
    fn new() -> Organs {
        let wizard = use_wizard();
        let app = wizard.application;
        Organs {
            wizard,
            app,
            i18n: use_i18n(),
            step: Step::Officers,
            entity: wizard.entity_type(),
            board_mode: Memo::new(move |_| app.with(|a| a.officers.board_mode)),
            supervision: Memo::new(move |_| app.with(|a| a.officers.supervision)),
            directors: wizard.holder_ids(DIRECTORS.holders),
        }
    }
}

#[component]
pub fn OfficersStep() -> impl IntoView {
    let organs = Organs::new();
    view! {
        <StepPage step=organs.step lead=text(Text::OfficersLead)>
            <board::Board organs />
            <supervision::SupervisionSection organs />
            <management::Management organs />
        </StepPage>
    }
}
