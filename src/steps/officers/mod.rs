//! The company's organs: board or single director, supervisors or audit committee, manager
//! and legal representative. One section per file.

mod board;
mod management;
mod supervision;

use super::page::StepPage;
use crate::app::{use_wizard, Holders, Wizard};
use crate::i18n::Text;
use crate::i18n::{text, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{BoardMode, Director, EntityType, Supervision, Supervisor};
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

pub(super) const DIRECTORS: Holders<Director> =
    (|a| &a.officers.directors, |a| &mut a.officers.directors);
pub(super) const SUPERVISORS: Holders<Supervisor> =
    (|a| &a.officers.supervisors, |a| &mut a.officers.supervisors);

/// What the officers step's sections share: the application and the choices they follow.
#[derive(Clone, Copy)]
pub(super) struct Organs {
    pub wizard: Wizard,
    pub app: RwSignal<kaiban_core::model::Application>,
    pub i18n: crate::i18n::I18n,
    pub step: Step,
    pub entity: Memo<EntityType>,
    pub board_mode: Memo<BoardMode>,
    pub supervision: Memo<Supervision>,
    pub directors: Memo<Vec<String>>,
    pub supervisors: Memo<Vec<String>>,
}

#[component]
pub fn OfficersStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Officers;
    let app = wizard.application;
    let entity = wizard.entity_type();
    let board_mode = Memo::new(move |_| app.with(|a| a.officers.board_mode));
    let supervision = Memo::new(move |_| app.with(|a| a.officers.supervision));
    let directors = wizard.holder_ids(DIRECTORS, |d| &d.person_id);
    let supervisors = wizard.holder_ids(SUPERVISORS, |s| &s.person_id);
    let organs = Organs {
        wizard,
        app,
        i18n,
        step,
        entity,
        board_mode,
        supervision,
        directors,
        supervisors,
    };
    view! {
        <StepPage step lead=text(Text::OfficersLead)>
            <board::Board organs />
            <supervision::SupervisionSection organs />
            <management::Management organs />
        </StepPage>
    }
}
