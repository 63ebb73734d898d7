//! Saved applications: open, rename, duplicate, delete (with undo), export and import.

use super::drafts_import::import_application;
use crate::app::{use_wizard, Nav};
use crate::browser::download;
use crate::drafts::{self, DraftSummary};
use crate::fields::Button;
use crate::i18n::{both, text, use_i18n, Text};
use crate::steps::Step;
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn format_time(ms: f64, chinese: bool) -> String {
    let date = js_sys::Date::new(&ms.into());
    let locale = if chinese { "zh-CN" } else { "en-GB" };
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_string(locale, &options).into()
}

#[component]
pub fn DraftsPage() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let nav = expect_context::<Nav>();
    let list = RwSignal::new(None::<Vec<DraftSummary>>);
    let set_aside = RwSignal::new(0u32);
    let message = RwSignal::new(None::<Bi>);
    let undo = RwSignal::new(None::<drafts::Deleted>);
    let renaming = RwSignal::new(None::<String>);
    let reference = crate::reference::use_reference();
    let refresh = move || {
        spawn_local(async move {
            let _ = wizard.session.save_pending().await;
            match drafts::list(reference).await {
                Ok((good, bad)) => {
                    // The applicant may have left the list while it was read: nothing to show.
                    if list.try_set(Some(good)).is_some() {
                        return;
                    }
                    if !bad.is_empty() || set_aside.try_get_untracked() == Some(0) {
                        let _ = set_aside.try_set(drafts::quarantined_count().await.unwrap_or(0));
                    }
                }
                Err(e) => {
                    list.set(Some(Vec::new()));
                    message.set(Some(e.text()));
                }
            }
        });
    };
    refresh();
    // A draft's completeness reads the division index (a draft's county): listed again once
    // the index has arrived, if it was asked for by this list.
    Effect::new(move |was_ready: Option<bool>| {
        let ready = matches!(reference.status.get(), crate::reference::Loading::Ready(()));
        if was_ready == Some(false) && ready {
            refresh();
        }
        ready
    });
    let open = move |id: String| {
        spawn_local(async move {
            wizard.session.open(&id).await;
            if nav.step.get_untracked() == Step::Drafts {
                nav.go(Step::EntityType);
            }
        })
    };
    let remove = move |id: String| {
        spawn_local(async move {
            match drafts::delete(&id).await {
                Ok(Some(deleted)) => {
                    crate::prerendered::forget_resume_view(&id);
                    undo.set(Some(deleted));
                    if wizard.session.draft_id.get_untracked() == id {
                        wizard.session.replace_deleted_draft();
                    }
                    refresh();
                }
                Ok(None) => refresh(),
                Err(e) => message.set(Some(e.text())),
            }
        })
    };
    let restore = move |_| {
        if let Some(deleted) = undo.get_untracked() {
            spawn_local(async move {
                match drafts::restore(&deleted).await {
                    Ok(()) => {
                        undo.set(None);
                        refresh();
                    }
                    Err(e) => message.set(Some(e.text())),
                }
            });
        }
    };
    let duplicate = move |id: String| {
        spawn_local(async move {
            match drafts::duplicate(&id, "（副本）").await {
                Ok(_) => refresh(),
                Err(e) => message.set(Some(e.text())),
            }
        })
    };
    let export = move |id: String| {
        spawn_local(async move {
            if let Ok(Ok(Some(draft))) = drafts::load(&id).await {
                let name = if draft.display_title().is_empty() {
                    "kaiban-draft".to_string()
                } else {
                    draft.display_title()
                };
                download(&format!("{name}.json"), &draft.application.to_json_pretty());
            }
        })
    };
    let rename = move |id: String, title: String| {
        spawn_local(async move {
            if let Ok(Ok(Some(mut draft))) = drafts::load(&id).await {
                draft.title = title.trim().to_string();
                draft.updated_at = drafts::now();
                if wizard.session.draft_id.get_untracked() == id {
                    wizard.session.title.set(draft.title.clone());
                    if let Err(e) = wizard.session.save_after_changes().await {
                        message.set(Some(e.text()));
                    }
                } else if let Err(e) = drafts::save(&draft).await {
                    message.set(Some(e.text()));
                }
            }
            renaming.set(None);
            refresh();
        })
    };
    let import = move |input: web_sys::HtmlInputElement| {
        spawn_local(async move {
            if let Some((file_name, text)) = crate::browser::take_chosen_text(&input).await {
                message.set(Some(import_application(&file_name, &text).await));
                refresh();
            }
        });
    };
    let pending = expect_context::<crate::steps::PendingRequest>().0;
    let import_request = move |input: web_sys::HtmlInputElement| {
        spawn_local(async move {
            let Some((_, text)) = crate::browser::take_chosen_text(&input).await else {
                return;
            };
            match crate::signing::exchange::SigningRequest::parse(&text) {
                Ok(request) => {
                    pending.set(Some(request));
                    nav.go(Step::SignRequest);
                }
                Err(e) => message.set(Some(Bi::owned(
                    format!("无法导入签名请求：{}", e.text().zh),
                    format!("Could not import the signing request: {}", e.text().en),
                ))),
            }
        });
    };
    view! {
        <main id="kb-main" class="kb-start kb-drafts" tabindex="-1">
            <h1 class="kb-title">{i18n.tr(Text::DraftsTitle)}</h1>
            <p class="kb-hint">{text(Text::DraftsPageWhereDraftsAreKept)}</p>
            {move || {
                message
                    .get()
                    .map(|message| {
                        view! {
                            <div class="kb-inset" role="status">
                                <p>{message.pick(i18n.locale.get().is_chinese()).to_string()}</p>
                            </div>
                        }
                    })
            }}
            {move || {
                (set_aside.get() > 0)
                    .then(|| {
                        view! {
                            <div class="kb-inset kb-inset-warning" role="status">
                                <p>{i18n.tr(Text::SetAsideNotice)}</p>
                            </div>
                        }
                    })
            }}
            {move || {
                undo.get()
                    .map(|drafts::Deleted { draft, .. }| {
                        view! {
                            <div class="kb-inset" role="status">
                                <p>
                                    {format!(
                                        "{}“{}”",
                                        i18n.locale.get().pick("已删除", "Deleted "),
                                        if draft.display_title().is_empty() {
                                            i18n.locale.get().pick("未命名", "Untitled").to_string()
                                        } else {
                                            draft.display_title()
                                        },
                                    )} " "
                                    <button type="button" class="kb-link-button" on:click=restore>
                                        {both("撤销", "Undo")}
                                    </button>
                                </p>
                            </div>
                        }
                    })
            }}
            <div class="kb-actions kb-actions-secondary">
                <button type="button" class="kb-button" on:click=move |_| wizard.new_application()>
                    {both("开始新的申请", "Start a new application")}
                </button>
                <label class="kb-button kb-button-secondary kb-file-button">
                    {both("导入签名请求文件", "Import a signing request")}
                    <input
                        type="file"
                        class="kb-visually-hidden"
                        id="request-import"
                        accept="application/json,.json"
                        on:change:target=move |ev| import_request(ev.target())
                    />
                </label>
                <label class="kb-button kb-button-secondary kb-file-button">
                    {both("导入草稿文件", "Import a draft file")}
                    <input
                        type="file"
                        class="kb-visually-hidden"
                        id="draft-import"
                        accept="application/json,.json"
                        on:change:target=move |ev| import(ev.target())
                    />
                </label>
            </div>
            {move || match list.get() {
                None => view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }.into_any(),
                Some(items) if items.is_empty() => {
                    view! { <p>{both("还没有保存的草稿。", "No saved drafts yet.")}</p> }
                        .into_any()
                }
                Some(items) => {
                    view! {
                        <ul class="kb-draft-list">
                            {items
                                .into_iter()
                                .map(|d| {
                                    let l = i18n.locale.get();
                                    let chinese = l.is_chinese();
                                    let title = if d.title.is_empty() {
                                        l.pick("未命名", "Untitled").to_string()
                                    } else {
                                        d.title.clone()
                                    };
                                    let kind = d
                                        .entity_type
                                        .map(|t| t.label().into_text(l.is_chinese()).to_string())
                                        .unwrap_or_else(|| {
                                            l.pick("未选择类型", "No type chosen").to_string()
                                        });
                                    let (id1, id2, id3, id4, id5, id6) = (
                                        d.id.clone(),
                                        d.id.clone(),
                                        d.id.clone(),
                                        d.id.clone(),
                                        d.id.clone(),
                                        d.id.clone(),
                                    );
                                    let rename_value = RwSignal::new(d.title.clone());
                                    let current = wizard.session.draft_id.get_untracked() == d.id;
                                    view! {
                                        <li class="kb-draft">
                                            <div class="kb-draft-main">
                                                <h2 class="kb-draft-title">
                                                    {title.clone()}
                                                    {current
                                                        .then(|| {
                                                            view! {
                                                                <span class="kb-badge kb-badge-main">
                                                                    {l.pick("当前", "Current").to_string()}
                                                                </span>
                                                            }
                                                        })}
                                                </h2>
                                                <p class="kb-hint">
                                                    {format!(
                                                        "{kind} · {} {} · {} {}%",
                                                        l.pick("最后修改", "last edited"),
                                                        format_time(d.updated_at, chinese),
                                                        l.pick("完成度", "complete"),
                                                        d.completeness,
                                                    )}
                                                </p>
                                                <div
                                                    class="kb-progress-bar kb-draft-bar"
                                                    aria-hidden="true"
                                                >
                                                    <span style:width=format!("{}%", d.completeness)></span>
                                                </div>
                                            </div>
                                            <Show when=move || {
                                                renaming.get().as_deref() == Some(id5.as_str())
                                            }>
                                                <form
                                                    class="kb-rename"
                                                    on:submit={
                                                        let id = id6.clone();
                                                        move |ev: leptos::ev::SubmitEvent| {
                                                            ev.prevent_default();
                                                            rename(id.clone(), rename_value.get_untracked());
                                                        }
                                                    }
                                                >
                                                    <label class="kb-label" for="draft-rename">
                                                        {both("草稿名称", "Draft name")}
                                                    </label>
                                                    <input
                                                        id="draft-rename"
                                                        class="kb-input kb-w-20"
                                                        prop:value=move || rename_value.get()
                                                        on:input:target=move |ev| {
                                                            rename_value.set(ev.target().value())
                                                        }
                                                    />
                                                    <button type="submit" class="kb-button kb-button-secondary">
                                                        {both("保存名称", "Save name")}
                                                    </button>
                                                </form>
                                            </Show>
                                            <div class="kb-draft-actions">
                                                <Button
                                                    class="kb-button"
                                                    on_click=move |_| open(id1.clone())
                                                >
                                                    {l.pick("继续填写", "Continue").to_string()}
                                                    <span class="kb-visually-hidden">
                                                        {format!(" {title}")}
                                                    </span>
                                                </Button>
                                                <Button
                                                    class="kb-link-button"
                                                    on_click=move |_| renaming.set(Some(id2.clone()))
                                                >
                                                    {l.pick("重命名", "Rename").to_string()}
                                                </Button>
                                                <Button
                                                    class="kb-link-button"
                                                    on_click=move |_| duplicate(id3.clone())
                                                >
                                                    {l.pick("复制", "Duplicate").to_string()}
                                                </Button>
                                                <Button
                                                    class="kb-link-button"
                                                    on_click=move |_| export(id4.clone())
                                                >
                                                    {l.pick("导出", "Export").to_string()}
                                                </Button>
                                                <Button
                                                    class="kb-link-button kb-danger"
                                                    on_click={
                                                        let id = d.id.clone();
                                                        move |_| remove(id.clone())
                                                    }
                                                >
                                                    {l.pick("删除", "Delete").to_string()}
                                                </Button>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}
