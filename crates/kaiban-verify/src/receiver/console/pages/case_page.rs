//! A case's page in the console: its stage and clocks, the findings and what changed since
//! the returned version, its history and the actions its stage allows.

use super::*;

fn clocks_table(clocks: &[StageClock], english: bool) -> String {
    let mut out = table_start(
        "clocks",
        t(english, "时限（北京时间）", "Time limits (Beijing time)"),
        &[
            t(english, "环节", "Step"),
            t(english, "承诺期限", "Promised by"),
            t(english, "法定期限", "By law"),
            t(english, "完成", "Done"),
            t(english, "标志", "Flag"),
        ],
    );
    for clock in clocks {
        let name = clock.kind.label();
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(name.pick(!english)),
            china_time(&clock.promised_by),
            china_time(&clock.statutory_by),
            clock
                .finished
                .as_deref()
                .map(china_time)
                .unwrap_or_else(|| "—".into()),
            flag_badge(clock.flag, english),
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}

fn reasons_list(reasons: &[Reason], english: bool) -> String {
    if reasons.is_empty() {
        return String::new();
    }
    let items: String = reasons
        .iter()
        .map(|r| {
            let text = if english && !r.en.is_empty() {
                &r.en
            } else {
                &r.zh
            };
            match &r.path {
                Some(path) => format!("<li><code>{}</code> {}</li>", escape(path), escape(text)),
                None => format!("<li>{}</li>", escape(text)),
            }
        })
        .collect();
    format!("<ul>{items}</ul>")
}

fn error_text(code: &str, english: bool) -> &'static str {
    match code {
        "case.illegal_transition" => t(
            english,
            "此操作在案件当前阶段不可用。",
            "That action is not possible at the case's stage.",
        ),
        "case.reasons_required" => t(english, "此操作须写明理由。", "That action needs reasons."),
        "case.extended_once" => t(
            english,
            "审查期限只能延长一次。",
            "The time limit can be extended once only.",
        ),
        "case.applicants_action" => t(
            english,
            "撤回须由申请人提出。",
            "Only the applicant withdraws.",
        ),
        _ => t(
            english,
            "操作未能完成，请重试。",
            "The action could not be done: try again.",
        ),
    }
}

pub fn case(
    receipt: &str,
    detail: &Value,
    documents: &[Document],
    done: &str,
    error: &str,
    english: bool,
) -> String {
    let app = &detail["application"];
    let name = app["name"]["full"].as_str().unwrap_or_default();
    let mut body = format!(
        "<p><a href=\"{}\">{}</a></p>",
        with_lang("/console", english),
        t(english, "← 全部案件", "← All cases")
    );
    body.push_str(&format!("<h1>{}</h1>", escape(name)));
    if !done.is_empty() {
        let label = kaiban_core::key::parse::<Action>(done)
            .map(|a| a.label().pick(!english).to_string())
            .unwrap_or_default();
        body.push_str(&format!(
            "<p class=\"notice\" role=\"status\" id=\"done\">{}{}</p>",
            t(english, "已完成：", "Done: "),
            escape(&label)
        ));
    }
    if !error.is_empty() {
        body.push_str(&format!(
            "<p class=\"notice error\" role=\"alert\" id=\"error\">{}</p>",
            error_text(error, english)
        ));
    }
    let flag: Flag = serde_json::from_value(detail["flag"].clone()).unwrap_or(Flag::White);
    body.push_str(&format!(
        "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd id=\"stage\">{}</dd><dt>{}</dt><dd>{}</dd>",
        t(english, "回执编号", "Receipt"),
        escape(receipt),
        t(english, "阶段", "Stage"),
        escape(&stage_text(&detail["stage"], english)),
        t(english, "时限", "Time limit"),
        flag_badge(flag, english),
    ));
    if let Some(code) = detail["credit_code"].as_str() {
        body.push_str(&format!(
            "<dt>{}</dt><dd id=\"credit-code\">{}</dd>",
            t(english, "统一社会信用代码", "Credit code"),
            escape(code)
        ));
    }
    if let Some(old) = detail["corrects"].as_str() {
        body.push_str(&format!(
            "<dt>{}</dt><dd><a href=\"{}\">{}</a></dd>",
            t(english, "补正的案件", "Corrects"),
            with_lang(&format!("/console/cases/{old}"), english),
            escape(old)
        ));
    }
    body.push_str("</dl>");
    let clocks: Vec<StageClock> =
        serde_json::from_value(detail["clocks"].clone()).unwrap_or_default();
    body.push_str(&clocks_table(&clocks, english));

    // What the registrar may do now.
    let actions: Vec<Action> =
        serde_json::from_value(detail["registrar_actions"].clone()).unwrap_or_default();
    if !actions.is_empty() {
        let options: String = actions
            .iter()
            .map(|a| {
                format!(
                    "<option value=\"{}\">{}</option>",
                    kaiban_core::key::of(a),
                    escape(a.label().pick(!english))
                )
            })
            .collect();
        body.push_str(&format!(
            "<h2 id=\"act-title\">{h}</h2><form method=\"post\" action=\"/console/cases/{r}/actions\" aria-labelledby=\"act-title\"><input type=\"hidden\" name=\"lang\" value=\"{lang}\"><label for=\"action\">{a}</label><select id=\"action\" name=\"action\">{options}</select><label for=\"reasons\">{reasons}</label><p class=\"hint\" id=\"reasons-hint\">{hint}</p><textarea id=\"reasons\" name=\"reasons\" aria-describedby=\"reasons-hint\"></textarea><p><button class=\"primary\" type=\"submit\">{go}</button></p></form>",
            h = t(english, "办理", "Act on the case"),
            r = escape(receipt),
            lang = if english { "en" } else { "" },
            a = t(english, "操作", "Action"),
            reasons = t(english, "理由", "Reasons"),
            hint = t(english, "每行一条。关联到字段：字段路径: 中文 | English，例如 domicile.detail: 缺少房间号 | The room number is missing", "One per line. On a field: path: 中文 | English, e.g. domicile.detail: 缺少房间号 | The room number is missing"),
            go = t(english, "提交", "Submit"),
        ));
    }

    // A correction: what changed since the returned version.
    if let Ok(changes) = serde_json::from_value::<Vec<Change>>(detail["changes"].clone()) {
        body.push_str(&format!(
            "<h2>{}</h2>",
            t(english, "补正对照", "What the correction changed")
        ));
        if changes.is_empty() {
            body.push_str(&format!(
                "<p>{}</p>",
                t(
                    english,
                    "与退回的版本相同。",
                    "Nothing: it is the returned version."
                )
            ));
        } else {
            body.push_str(&format!(
                "<div class=\"table-wrap\"><table id=\"changes\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                t(english, "逐项对照", "Field by field"),
                t(english, "字段", "Field"),
                t(english, "退回时", "When returned"),
                t(english, "现在", "Now"),
            ));
            for change in &changes {
                body.push_str(&format!(
                    "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td></tr>",
                    escape(&change.path),
                    escape(change.before.as_deref().unwrap_or("—")),
                    escape(change.after.as_deref().unwrap_or("—")),
                ));
            }
            body.push_str("</tbody></table></div>");
        }
    }

    // The history with the reasons given.
    let events: Vec<CaseEvent> =
        serde_json::from_value(detail["history"].clone()).unwrap_or_default();
    body.push_str(&format!(
        "<h2>{}</h2><ol id=\"history\">",
        t(english, "办理经过", "History")
    ));
    for event in &events {
        body.push_str(&format!(
            "<li><strong>{}</strong> {}{}</li>",
            escape(event.stage.label().pick(!english)),
            china_time(&event.at),
            reasons_list(&event.reasons, english)
        ));
    }
    body.push_str("</ol>");

    let findings: Vec<Finding> =
        serde_json::from_value(detail["findings"].clone()).unwrap_or_default();
    body.push_str(&format!("<h2>{}</h2>", t(english, "规则检查", "The rules")));
    if findings.is_empty() {
        body.push_str(&format!(
            "<p>{}</p>",
            t(english, "规则未发现问题。", "The rules find nothing.")
        ));
    } else {
        let items: String = findings
            .iter()
            .map(|f| {
                format!(
                    "<li><code>{}</code> {}</li>",
                    escape(&f.path),
                    escape(f.message(!english))
                )
            })
            .collect();
        body.push_str(&format!("<ul id=\"findings\">{items}</ul>"));
    }

    body.push_str(&format!(
        "<h2>{}</h2>",
        t(english, "申请文件", "The documents")
    ));
    for document in documents {
        body.push_str(&format!(
            "<details><summary>{}</summary><div lang=\"zh-CN\">{}</div></details>",
            escape(&document_name(document, app, english)),
            document.body_html(3)
        ));
    }
    body.push_str(&format!(
        "<details><summary>{}</summary><pre>{}</pre></details>",
        t(english, "申请数据（JSON）", "The application (JSON)"),
        escape(&serde_json::to_string_pretty(app).unwrap_or_default())
    ));
    page(
        name,
        &body,
        english,
        true,
        &format!("/console/cases/{receipt}"),
    )
}
