//! A case's clocks as the applicant sees them (e程监督): for acceptance and the decision, the
//! district's promise, the law's limit, when it was done, and the flag (green: done on time;
//! white: running on time; yellow: due soon; red: overdue; stopped: withdrawn before it was
//! done), each flag said in words too.

use crate::i18n::{beijing_time, use_i18n};
use kaiban_core::case::clock::{Flag, StageClock};
use leptos::prelude::*;

pub fn flag_badge(flag: Flag, chinese: bool) -> impl IntoView {
    let key = kaiban_core::key::of(&flag);
    view! {
        <span class=format!("kb-flag kb-flag-{key}") data-flag=key>
            {flag.label().pick(chinese).to_string()}
        </span>
    }
}

#[component]
pub fn CaseClocks(value: serde_json::Value) -> impl IntoView {
    let i18n = use_i18n();
    let clocks: Vec<StageClock> =
        serde_json::from_value(value["clocks"].clone()).unwrap_or_default();
    let flag: Option<Flag> = serde_json::from_value(value["flag"].clone()).ok();
    (!clocks.is_empty()).then(move || {
        let clocks = clocks.clone();
        move || {
            let l = i18n.locale.get();
            let zh = l.is_chinese();
            let rows = clocks
                .iter()
                .map(|c| {
                    view! {
                        <tr data-clock=kaiban_core::key::of(&c.kind)>
                            <th scope="row">{c.kind.label().pick(zh).to_string()}</th>
                            <td data-label=l
                                .pick(
                                    "承诺期限：",
                                    "Promised by: ",
                                )>{beijing_time(&c.promised_by)}</td>
                            <td data-label=l
                                .pick(
                                    "法定期限：",
                                    "By law: ",
                                )>{beijing_time(&c.statutory_by)}</td>
                            <td data-label=if c.flag == Flag::Stopped {
                                l.pick("停止计时：", "Stopped: ")
                            } else {
                                l.pick("完成：", "Done: ")
                            }>
                                {c
                                    .finished
                                    .as_deref()
                                    .map(beijing_time)
                                    .unwrap_or_else(|| "—".into())}
                            </td>
                            <td>{flag_badge(c.flag, zh)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="kb-clocks" id="case-clocks">
                    <p>
                        {l.pick("时限监督：", "Time limits: ").to_string()}
                        {flag.map(|f| flag_badge(f, zh))}
                    </p>
                    <p class="kb-hint">
                        {l
                            .pick(
                                "时间均为北京时间；期限按工作日计算，至当日24时止。",
                                "Times are Beijing time; limits count working days and end at 24:00 of the last.",
                            )
                            .to_string()}
                    </p>
                    <div class="kb-table-wrap">
                        <table class="kb-table">
                            <caption class="kb-visually-hidden">
                                {l
                                    .pick(
                                        "各环节的期限（北京时间）",
                                        "The deadline of each step (Beijing time)",
                                    )
                                    .to_string()}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{l.pick("环节", "Step").to_string()}</th>
                                    <th scope="col">
                                        {l.pick("承诺期限", "Promised by").to_string()}
                                    </th>
                                    <th scope="col">
                                        {l.pick("法定期限", "By law").to_string()}
                                    </th>
                                    <th scope="col">{l.pick("完成", "Done").to_string()}</th>
                                    <th scope="col">{l.pick("标志", "Flag").to_string()}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </div>
            }
        }
    })
}
