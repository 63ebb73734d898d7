//! A case's progress (e程监督): its status history from the receiver, polled every 15 s, with
//! the registrar's reasons. Shown on the receipt of one's own draft (where a returned case can
//! be corrected) and on the case page a receipt's link opens on any device.

use crate::app::use_wizard;
use crate::fields::Button;
use crate::i18n::{both, use_i18n, Locale, Text};
use crate::steps::Step;
use crate::submit;
use kaiban_core::bundle::{ServiceEvent, ServiceState};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn status_label(status: &str, l: Locale) -> String {
    match status {
        "received" => l.pick("已受理", "Received"),
        "under_review" => l.pick("审核中", "Under review"),
        "returned" => l.pick("退回修改", "Returned for correction"),
        "approved" => l.pick("已核准", "Approved"),
        "rejected" => l.pick("不予登记", "Rejected"),
        "licensed" => l.pick("已发照", "Licence issued"),
        other => other,
    }
    .to_string()
}

/// A registrar's reason may start with the JSON path of the field concerned
/// ("domicile.detail: …"); then it links to the step that shows that field.
fn field_step(reason: &str) -> Option<Step> {
    let (path, _) = reason.split_once([':', '：'])?;
    let path = path.trim();
    if path.is_empty()
        || path.contains(char::is_whitespace)
        || !(path.contains('.') || path.contains('[') || path.ends_with("_id"))
    {
        return None;
    }
    let probe = kaiban_core::Finding::error("registrar.reason", path, "", "");
    let step = use_wizard()
        .application
        .with_untracked(|a| crate::steps::step_of(a, &probe));
    (step != Step::Review).then_some(step)
}

/// The progress of case `receipt_id` at `endpoint`; `correctable` when it is this draft's own
/// case (a returned case then links to the steps to correct).
#[component]
pub fn CaseProgress(
    endpoint: String,
    receipt_id: String,
    token: Option<String>,
    correctable: bool,
) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Result<serde_json::Value, String>>);
    let refresh = move || {
        let (endpoint, receipt_id, token) = (endpoint.clone(), receipt_id.clone(), token.clone());
        spawn_local(async move {
            let answer = submit::status(&endpoint, &receipt_id, token.as_deref()).await;
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
    let timeline = move || {
        let l = i18n.locale.get();
        match status.get() {
            None => view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }.into_any(),
            Some(Err(e)) if e == "HTTP 404" => {
                view! { <p class="kb-warning-message">{Text::CaseProgressNoSuchCase.get(l).to_string()}</p> }
                    .into_any()
            }
            Some(Err(e)) => view! {
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
            .into_any(),
            Some(Ok(value)) => history(value, l, correctable, wizard, i18n).into_any(),
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

fn history(
    value: serde_json::Value,
    l: Locale,
    correctable: bool,
    wizard: crate::app::Wizard,
    i18n: crate::i18n::I18n,
) -> impl IntoView {
    let promised = value["promised_by"].as_str().unwrap_or("").to_string();
    let events = value["history"].as_array().cloned().unwrap_or_default();
    let items = events
        .into_iter()
        .map(|event| {
            let status = event["status"].as_str().unwrap_or("").to_string();
            let reasons: Vec<String> = event["reasons"]
                .as_array()
                .map(|r| r.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                .unwrap_or_default();
            let returned = status == "returned" && correctable;
            let has_reasons = !reasons.is_empty();
            let reason_items = reasons
                .into_iter()
                .map(|r| {
                    let target = field_step(&r).filter(|_| returned);
                    view! {
                        <li>
                            {r.clone()}
                            {target
                                .map(|step| {
                                    view! {
                                        " "
                                        <Button
                                            class="kb-link-button"
                                            on_click=move |_| wizard.filing.reopen_for_correction(step)
                                        >
                                            {format!(
                                                "{}{}",
                                                l.pick("去修改：", "Correct: "),
                                                i18n.t(step.title()),
                                            )}
                                        </Button>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="kb-timeline-item" data-status=status.clone()>
                    <p class="kb-timeline-status">{status_label(&status, l)}</p>
                    <p class="kb-hint">{event["at"].as_str().unwrap_or("").to_string()}</p>
                    {has_reasons.then(|| view! { <ul class="kb-reasons">{reason_items}</ul> })}
                    {returned
                        .then(|| {
                            view! {
                                <p>{Text::CaseProgressCorrectAndResubmit.get(l).to_string()}</p>
                                <button
                                    type="button"
                                    class="kb-button"
                                    id="correct-and-resubmit"
                                    on:click=move |_| {
                                        wizard.filing.reopen_for_correction(Step::Review)
                                    }
                                >
                                    {l
                                        .pick("修改后重新提交", "Correct and resubmit")
                                        .to_string()}
                                </button>
                            }
                        })}
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
                    <p class="kb-hint">{e.at.clone()}</p>
                    {(!e.detail.is_empty()).then(|| view! { <p>{e.detail.clone()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="kb-hint">
            {format!("{}{promised}", l.pick("承诺办结时间：", "Promised by: "))}
        </p>
        <ol class="kb-timeline" id="status-timeline">
            {items}
            {service_events}
        </ol>
        {services(&value, l)}
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
