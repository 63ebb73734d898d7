//! The console's pages as HTML strings: every text in both languages, every value escaped.

use kaiban_core::case::clock::{Flag, StageClock};
use kaiban_core::case::{Action, CaseEvent, Change, Reason, Stage};
use kaiban_core::documents::{escape, Document};
use kaiban_core::Finding;
use serde_json::Value;

mod case_page;
pub use case_page::case;

pub const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,'Noto Sans CJK SC',sans-serif;line-height:1.5;color:#0b0c0c;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;padding:.5rem;color:#0b0c0c}
header{background:#0b4da2;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center}
header a,header button{color:#fff}
.brand{font-weight:700;margin:0}
nav{display:flex;gap:1rem;align-items:center}
nav form{margin:0}
button,.button{font:inherit;padding:.5rem 1rem;border:2px solid #0b0c0c;background:#f3f2f1;color:#0b0c0c;cursor:pointer}
header button{background:transparent;border-color:#fff}
.primary{background:#00703c;color:#fff;border-color:#00703c}
main{max-width:72rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:.5rem 0}
th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left;vertical-align:top}
.table-wrap{overflow-x:auto}
.flag{display:inline-block;padding:.1rem .5rem;border:2px solid;font-weight:700}
.flag-red{color:#942514;border-color:#942514}.flag-yellow{color:#594d00;border-color:#594d00;background:#fff7bf}
.flag-white{color:#0b0c0c;border-color:#505a5f}.flag-green{color:#005a30;border-color:#005a30}
.flag-stopped{color:#505a5f;border-color:#505a5f;border-style:dashed}
.notice{border-left:6px solid #0b4da2;padding:.5rem 1rem;background:#f3f2f1}
.error{border-left-color:#942514}
label{display:block;font-weight:700;margin:.75rem 0 .25rem}
select,textarea,input{font:inherit;border:2px solid #0b0c0c;padding:.4rem;max-width:100%}
textarea{width:100%;min-height:6rem}
.hint{color:#505a5f;margin:.25rem 0}
details{margin:.5rem 0}summary{cursor:pointer;color:#1d70b8}
pre{white-space:pre-wrap;word-break:break-all;background:#f3f2f1;padding:.5rem}
a{color:#1d70b8}a:focus,button:focus,select:focus,textarea:focus,input:focus,summary:focus{outline:3px solid #fd0;outline-offset:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}
";

fn t<'a>(english: bool, zh: &'a str, en: &'a str) -> &'a str {
    if english {
        en
    } else {
        zh
    }
}

/// `path` with `?lang=en` when English.
pub fn with_lang(path: &str, english: bool) -> String {
    if english {
        format!("{path}?lang=en")
    } else {
        path.to_string()
    }
}

fn page(title: &str, body: &str, english: bool, signed_in: bool, here: &str) -> String {
    let other = if english {
        format!("<a href=\"{here}\" lang=\"zh-CN\">中文</a>")
    } else {
        format!("<a href=\"{here}?lang=en\" lang=\"en\">English</a>")
    };
    let logout = if signed_in {
        format!(
            "<form method=\"post\" action=\"/console/logout\"><button type=\"submit\">{}</button></form>",
            t(english, "退出", "Sign out")
        )
    } else {
        String::new()
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} · {brand}</title>\n<link rel=\"stylesheet\" href=\"/console/console.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{skip}</a>\n<header><p class=\"brand\">{brand}</p><nav aria-label=\"{nav}\">{other}{logout}</nav></header>\n<main id=\"main\" tabindex=\"-1\">\n{body}\n</main>\n</body>\n</html>\n",
        lang = if english { "en" } else { "zh-CN" },
        title = escape(title),
        brand = t(english, "开办 Kaiban 登记机关工作台", "Kaiban registry console"),
        skip = t(english, "跳到主要内容", "Skip to main content"),
        nav = t(english, "语言和账户", "Language and account"),
    )
}

pub fn login(english: bool, failed: bool) -> String {
    let error = if failed {
        format!(
            "<p class=\"notice error\" role=\"alert\">{}</p>",
            t(english, "令牌不正确。", "The token is not correct.")
        )
    } else {
        String::new()
    };
    let body = format!(
        "<h1>{h}</h1>{error}<form method=\"post\" action=\"/console/login\"><input type=\"hidden\" name=\"lang\" value=\"{lang}\"><label for=\"token\">{label}</label><p class=\"hint\" id=\"token-hint\">{hint}</p><input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" aria-describedby=\"token-hint\" required><p><button class=\"primary\" type=\"submit\">{go}</button></p></form>",
        h = t(english, "登录工作台", "Sign in"),
        lang = if english { "en" } else { "" },
        label = t(english, "操作员令牌", "Operator token"),
        hint = t(english, "启动接收端时给出的令牌（--operator-token）", "The token the receiver was started with (--operator-token)"),
        go = t(english, "登录", "Sign in"),
    );
    page(
        t(english, "登录", "Sign in"),
        &body,
        english,
        false,
        "/console",
    )
}

pub fn missing(english: bool) -> String {
    let body = format!(
        "<h1>{}</h1><p><a href=\"{}\">{}</a></p>",
        t(english, "没有这个案件", "No such case"),
        with_lang("/console", english),
        t(english, "返回案件列表", "Back to the cases")
    );
    page(
        t(english, "没有这个案件", "No such case"),
        &body,
        english,
        true,
        "/console",
    )
}

fn flag_badge(flag: Flag, english: bool) -> String {
    let key = kaiban_core::key::of(&flag);
    format!(
        "<span class=\"flag flag-{key}\">{}</span>",
        escape(flag.label().pick(!english))
    )
}

fn stage_text(value: &Value, english: bool) -> String {
    serde_json::from_value::<Stage>(value.clone())
        .map(|s| s.label().pick(!english).to_string())
        .unwrap_or_default()
}

/// A document's title, with the person it is about when there is one of these per person
/// (each officer's 任职确认书), so the list tells them apart.
fn document_name(document: &Document, app: &Value, english: bool) -> String {
    let title = document.title.pick(!english).to_string();
    let person = document.id.split_once(':').and_then(|(_, id)| {
        app["persons"].as_array()?.iter().find(|p| p["id"] == id)?["name"].as_str()
    });
    match person {
        Some(name) => format!("{title}（{name}）"),
        None => title,
    }
}

/// A scrolling table's opening up to its body: caption and column headers (static texts).
fn table_start(id: &str, caption: &str, columns: &[&str]) -> String {
    let heads: String = columns
        .iter()
        .map(|c| format!("<th scope=\"col\">{c}</th>"))
        .collect();
    format!(
        "<div class=\"table-wrap\"><table id=\"{id}\"><caption>{caption}</caption><thead><tr>{heads}</tr></thead><tbody>"
    )
}

fn china_time(rfc3339: &str) -> String {
    kaiban_core::date::beijing_time(rfc3339)
}

pub fn list(rows: &[Value], english: bool) -> String {
    let mut body = format!("<h1>{}</h1>", t(english, "案件", "Cases"));
    if rows.is_empty() {
        body.push_str(&format!(
            "<p>{}</p>",
            t(english, "暂无案件。", "No cases yet.")
        ));
    } else {
        body.push_str(&table_start(
            "cases",
            t(
                english,
                "按紧急程度排列（超期在前）",
                "Most urgent first (overdue at the top)",
            ),
            &[
                t(english, "回执编号", "Receipt"),
                t(english, "名称", "Name"),
                t(english, "阶段", "Stage"),
                t(english, "时限", "Time limit"),
                t(english, "承诺期限", "Promised by"),
            ],
        ));
        for row in rows {
            let receipt = row["receipt_id"].as_str().unwrap_or_default();
            let flag: Flag = serde_json::from_value(row["flag"].clone()).unwrap_or(Flag::White);
            let deadline = row["next_deadline"]
                .as_str()
                .map(china_time)
                .unwrap_or_default();
            let correction = if row["corrects"].is_string() {
                format!(
                    " <span class=\"hint\">{}</span>",
                    t(english, "（补正）", "(correction)")
                )
            } else {
                String::new()
            };
            body.push_str(&format!(
                "<tr data-receipt=\"{r}\" data-flag=\"{f}\"><td><a href=\"{href}\">{r}</a></td><td>{name}{correction}</td><td>{stage}</td><td>{flag}</td><td>{deadline}</td></tr>",
                r = escape(receipt),
                f = kaiban_core::key::of(&flag),
                href = with_lang(&format!("/console/cases/{receipt}"), english),
                name = escape(row["name"].as_str().unwrap_or_default()),
                stage = escape(&stage_text(&row["stage"], english)),
                flag = flag_badge(flag, english),
            ));
        }
        body.push_str("</tbody></table></div>");
    }
    page(
        t(english, "案件", "Cases"),
        &body,
        english,
        true,
        "/console",
    )
}
