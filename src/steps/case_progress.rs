//! A case's progress (e端查询, e程监督): its stages from the receiver (kaiban_core::case),
//! polled every 15 s, with the registrar's reasons linked to their fields, each clock's
//! deadlines and flag, the services filed alongside, the e-licence once issued, and the
//! withdrawal while undecided. Shown on the receipt of one's own draft (where a returned case
//! can be corrected) and on the case page a receipt's link opens on any device.

use super::case_clocks::CaseClocks;
use super::licence_card::LicenceCard;
use super::withdrawal::Withdraw;
use crate::app::{use_wizard, GoCorrect};
use crate::i18n::{beijing_time, both, use_i18n, Locale, Text};
use crate::steps::Step;
use crate::submit;
use kaiban_core::bundle::{ServiceEvent, ServiceState};
use kaiban_core::case::{Action, CaseEvent, Reason, Stage};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The step that shows the field a reason is about, if any.
fn field_step(reason: &Reason) -> Option<Step> {
    let path = reason.path.as_deref()?;
    let probe = kaiban_core::Finding::error("registrar.reason", path, "", "");
    let step = use_wizard()
        .application
        .with_untracked(|a| crate::steps::step_of(a, &probe));
    (step != Step::Review).then_some(step)
}

fn reason_text(reason: &Reason, l: Locale) -> String {
    if l.is_chinese() || reason.en.is_empty() {
        reason.zh.clone()
    } else {
        reason.en.clone()
    }
}

/// The progress of case `receipt_id` at `endpoint`; `correctable` when it is this draft's own
/// case (a returned case then links to the steps to correct, and an undecided one may be
/// withdrawn).
#[component]
pub fn CaseProgress(
    endpoint: String,
    receipt_id: String,
    token: Option<String>,
    correctable: bool,
    /// Set to the case's stage at each answer (the receipt words what happens next by it).
    #[prop(optional)]
    stage: Option<RwSignal<Option<Stage>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Result<serde_json::Value, String>>);
    let (for_refresh, id_for_refresh, token_for_refresh) =
        (endpoint.clone(), receipt_id.clone(), token.clone());
    let refresh = move || {
        let (endpoint, receipt_id, token) = (
            for_refresh.clone(),
            id_for_refresh.clone(),
            token_for_refresh.clone(),
        );
        spawn_local(async move {
            let answer = submit::status(&endpoint, &receipt_id, token.as_deref()).await;
            if let (Some(stage), Ok(value)) = (stage, &answer) {
                let _ = stage.try_set(serde_json::from_value(value["stage"].clone()).ok());
            }
            let _ = status.try_set(Some(answer));
        });
    };
    refresh();
    let poll = set_interval_with_handle(refresh.clone(), std::time::Duration::from_secs(15)).ok();
    on_cleanup(move || {
        if let Some(p) = poll {
            p.clear();
        }
    });
    let (endpoint, receipt, token) = (
        StoredValue::new(endpoint),
        StoredValue::new(receipt_id),
        StoredValue::new(token),
    );
    let refresh_after = refresh.clone();
    let timeline = move || {
        let l = i18n.locale.get();
        match status.get() {
            None => view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }.into_any(),
            Some(Err(e)) if e == "HTTP 404" => {
                view! { <p class="kb-warning-message">{Text::CaseProgressNoSuchCase.get(l).to_string()}</p> }
                    .into_any()
            }
            Some(Err(e)) => {
                view! {
                    <p class="kb-warning-message">
                        {format!(
                            "{}（{e}）",
                            l
                                .pick(
                                    "暂时无法查询进度，将自动重试。",
                                    "The progress cannot be fetched right now; it will be retried.",
                                ),
                        )}
                    </p>
                }
                    .into_any()
            }
            Some(Ok(value)) => {
                let refresh = refresh_after.clone();
                view! {
                    {history(&value, l, correctable)}
                    <CaseClocks value=value.clone() />
                    {services(&value, l)}
                    {value["licence"]
                        .as_str()
                        .map(|jws| {
                            view! {
                                <LicenceCard jws=jws.to_string() endpoint=endpoint.get_value() />
                            }
                        })}
                    {(correctable && can_withdraw(&value))
                        .then(|| {
                            view! {
                                <Withdraw
                                    endpoint=endpoint.get_value()
                                    receipt_id=receipt.get_value()
                                    token=token.get_value()
                                    on_done=Callback::new(move |_| refresh())
                                />
                            }
                        })}
                }
                    .into_any()
            }
        }
    };
    view! {
        <h2 class="kb-subtitle">{both("办理进度", "Progress")}</h2>
        {timeline}
        <button type="button" class="kb-button kb-button-secondary" on:click=move |_| refresh()>
            {both("刷新进度", "Refresh progress")}
        </button>
    }
}

fn can_withdraw(value: &serde_json::Value) -> bool {
    serde_json::from_value::<Vec<Action>>(value["actions"].clone())
        .is_ok_and(|a| a.contains(&Action::Withdraw))
}

fn history(value: &serde_json::Value, l: Locale, correctable: bool) -> impl IntoView {
    let wizard = use_wizard();
    let events: Vec<CaseEvent> =
        serde_json::from_value(value["history"].clone()).unwrap_or_default();
    let stage: Option<Stage> = serde_json::from_value(value["stage"].clone()).ok();
    let returned_reasons = events
        .iter()
        .rev()
        .find(|e| e.stage == Stage::Returned)
        .map(|e| e.reasons.clone())
        .unwrap_or_default();
    let correcting_now =
        correctable && stage == Some(Stage::Returned) && value["corrected_by"].is_null();
    let items = events
        .into_iter()
        .map(|event| {
            let returned = event.stage == Stage::Returned && correcting_now;
            let has_reasons = !event.reasons.is_empty();
            let all = event.reasons.clone();
            let reason_items = event
                .reasons
                .iter()
                .map(|r| {
                    let target = field_step(r).filter(|_| returned);
                    let all = all.clone();
                    view! {
                        <li>
                            {reason_text(r, l)}
                            {target
                                .map(|step| {
                                    let all = all.clone();
                                    let go = move |_| {
                                        wizard.filing.reopen_for_correction(step, all.clone())
                                    };
                                    view! {
                                        " "
                                        <GoCorrect step on_go=Callback::new(go) />
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="kb-timeline-item" data-status=kaiban_core::key::of(&event.stage)>
                    <p class="kb-timeline-status">
                        {event.stage.label().pick(l.is_chinese()).to_string()}
                    </p>
                    <p class="kb-hint">{beijing_time(&event.at)}</p>
                    {has_reasons.then(|| view! { <ul class="kb-reasons">{reason_items}</ul> })}
                </li>
            }
        })
        .collect_view();
    // What the agencies did with the services filed alongside, in the timeline too.
    let service_events = value["service_history"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|e| serde_json::from_value::<ServiceEvent>(e).ok())
        .filter(|e| e.state != ServiceState::Requested)
        .map(|e| {
            view! {
                <li class="kb-timeline-item" data-service=e.service.key()>
                    <p class="kb-timeline-status">
                        {format!(
                            "{}：{}",
                            e.service.label().pick(l.is_chinese()),
                            e.state.label(e.service).pick(l.is_chinese()),
                        )}
                    </p>
                    <p class="kb-hint">{beijing_time(&e.at)}</p>
                    {(!e.detail.is_empty()).then(|| view! { <p>{e.detail.clone()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="kb-timeline" id="status-timeline">
            {items}
            {service_events}
        </ol>
        {correcting_now
            .then(|| {
                view! {
                    <p>{Text::CaseProgressCorrectAndResubmit.get(l).to_string()}</p>
                    <button
                        type="button"
                        class="kb-button"
                        id="correct-and-resubmit"
                        on:click=move |_| {
                            wizard
                                .filing
                                .reopen_for_correction(Step::Review, returned_reasons.clone())
                        }
                    >
                        {l.pick("修改后重新提交", "Correct and resubmit").to_string()}
                    </button>
                }
            })}
    }
}

/// Each service filed with the registration (开办套餐) on a line of its own, with its state.
fn services(value: &serde_json::Value, l: Locale) -> Option<impl IntoView> {
    let latest: Vec<ServiceEvent> = value["services"]
        .as_array()?
        .iter()
        .filter_map(|e| serde_json::from_value(e.clone()).ok())
        .collect();
    (!latest.is_empty()).then(|| {
        let lines = latest
            .into_iter()
            .map(|e| {
                let detail = (!e.detail.is_empty()).then(|| format!("（{}）", e.detail));
                view! {
                    <li data-service=e.service.key() data-state=kaiban_core::key::of(&e.state)>
                        <span class="kb-service-name">
                            {e.service.label().pick(l.is_chinese()).to_string()}
                        </span>
                        " "
                        <span class="kb-badge">
                            {e.state.label(e.service).pick(l.is_chinese()).to_string()}
                        </span>
                        {detail}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 class="kb-subtitle">
                {l.pick("开办套餐办理情况", "The other services").to_string()}
            </h3>
            <ul class="kb-service-status" id="service-status">
                {lines}
            </ul>
        }
    })
}
