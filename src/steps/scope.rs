use super::page::StepPage;
use crate::app::{field_id, use_wizard};
use crate::fields::Button;
use crate::fields::FieldMessages;
use crate::i18n::Text;
use crate::i18n::{both, text, use_i18n};
use crate::steps::Step;
use kaiban_core::catalog::{Catalog, ScopeItem, ScopeKind};
use kaiban_core::path;
use leptos::prelude::*;

const SHOWN_RESULTS: usize = 12;

fn badge(item: &ScopeItem, chinese: bool) -> (&'static str, &'static str) {
    match (item.kind, item.pre_registration, chinese) {
        (ScopeKind::General, _, true) => ("kb-badge", "一般项目"),
        (ScopeKind::General, _, false) => ("kb-badge", "General"),
        (ScopeKind::Licensed, true, true) => ("kb-badge kb-badge-strong", "许可项目 · 登记前审批"),
        (ScopeKind::Licensed, true, false) => {
            ("kb-badge kb-badge-strong", "Licensed · approval first")
        }
        (ScopeKind::Licensed, false, true) => ("kb-badge kb-badge-warn", "许可项目"),
        (ScopeKind::Licensed, false, false) => ("kb-badge kb-badge-warn", "Licensed"),
    }
}

#[component]
pub fn ScopeStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Scope;
    let app = wizard.application;
    let catalog = Catalog::bundled();
    let query = RwSignal::new(String::new());
    let chosen = Signal::derive(move || app.with(|a| a.business_scope.items.clone()));
    let results = move || {
        let q = query.get();
        let chosen = chosen.get();
        catalog
            .search(&q)
            .into_iter()
            .filter(|i| !chosen.contains(&i.id))
            .take(SHOWN_RESULTS)
            .cloned()
            .collect::<Vec<_>>()
    };
    let add = move |id: String| app.update(|a| a.business_scope.items.push(id));
    let remove = move |i: usize| {
        app.update(|a| {
            a.business_scope.items.remove(i);
        })
    };
    let swap = move |i: usize, j: usize| app.update(|a| a.business_scope.items.swap(i, j));
    view! {
        <StepPage step lead=text(Text::ScopeLead)>
            <div class="kb-field">
                <h2
                    class="kb-label kb-section-title"
                    id=field_id("business_scope.items")
                    tabindex="-1"
                >
                    {both("已选择的经营范围", "Chosen activities")}
                </h2>
                <FieldMessages path=path::SCOPE_ITEMS step />
                <Show
                    when=move || !chosen.get().is_empty()
                    fallback=move || {
                        view! {
                            <p class="kb-hint">
                                {both(
                                    "尚未选择。请在下面搜索并添加。",
                                    "Nothing chosen yet. Search below and add items.",
                                )}
                            </p>
                        }
                    }
                >
                    <ol class="kb-scope-chosen">
                        {move || {
                            let chinese = i18n.locale.get().is_chinese();
                            let items = chosen.get();
                            let n = items.len();
                            items
                                .into_iter()
                                .enumerate()
                                .map(|(i, id)| {
                                    let item = catalog.get(&id).cloned();
                                    let text = item
                                        .as_ref()
                                        .map(|it| {
                                            if chinese {
                                                it.text_zh.clone()
                                            } else {
                                                it.text_en.clone()
                                            }
                                        })
                                        .unwrap_or_else(|| id.clone());
                                    let (class, label) = item
                                        .as_ref()
                                        .map(|it| badge(it, chinese))
                                        .unwrap_or(("kb-badge", "?"));
                                    let path = path::scope_item(i);
                                    let item_id = field_id(&path);
                                    view! {
                                        <li class="kb-scope-item" id=item_id tabindex="-1">
                                            <div class="kb-scope-text">
                                                {(i == 0)
                                                    .then(|| {
                                                        view! {
                                                            <span class="kb-badge kb-badge-main">
                                                                {if chinese { "主营" } else { "Main" }}
                                                            </span>
                                                        }
                                                    })} <span>{text.clone()}</span>
                                                <span class=class>{label}</span>
                                            </div>
                                            <FieldMessages path=path step />
                                            <div class="kb-scope-actions">
                                                <button
                                                    type="button"
                                                    class="kb-link-button"
                                                    disabled=i == 0
                                                    on:click=move |_| swap(i, i - 1)
                                                >
                                                    {if chinese { "上移" } else { "Move up" }}
                                                    <span class="kb-visually-hidden">
                                                        {format!("：{text}")}
                                                    </span>
                                                </button>
                                                <button
                                                    type="button"
                                                    class="kb-link-button"
                                                    disabled=i + 1 == n
                                                    on:click=move |_| swap(i, i + 1)
                                                >
                                                    {if chinese { "下移" } else { "Move down" }}
                                                    <span class="kb-visually-hidden">
                                                        {format!("：{text}")}
                                                    </span>
                                                </button>
                                                <Button
                                                    class="kb-link-button kb-danger"
                                                    on_click=move |_| remove(i)
                                                >
                                                    {if chinese { "移除" } else { "Remove" }}
                                                    <span class="kb-visually-hidden">
                                                        {format!("：{text}")}
                                                    </span>
                                                </Button>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                </Show>
            </div>
            <div class="kb-field">
                <label class="kb-label" for="scope-search">
                    {both("搜索经营范围", "Search activities")}
                </label>
                <p class="kb-hint" id="scope-search-hint">
                    {both(
                        "输入关键词，例如“软件”“咨询”“餐饮”",
                        "Type a keyword, e.g. software, consulting, catering",
                    )}
                </p>
                <input
                    id="scope-search"
                    class="kb-input"
                    type="search"
                    autocomplete="off"
                    aria-describedby="scope-search-hint"
                    aria-controls="scope-results"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
                <ul class="kb-scope-results" id="scope-results" aria-live="polite">
                    {move || {
                        let chinese = i18n.locale.get().is_chinese();
                        let found = results();
                        if found.is_empty() {
                            return view! {
                                <li class="kb-hint">
                                    {if chinese {
                                        "没有找到匹配的项目，请换个关键词"
                                    } else {
                                        "No matching activity: try another word"
                                    }}
                                </li>
                            }
                                .into_any();
                        }
                        found
                            .into_iter()
                            .map(|item| {
                                let (class, label) = badge(&item, chinese);
                                let text = if chinese {
                                    item.text_zh.clone()
                                } else {
                                    item.text_en.clone()
                                };
                                let authority = (item.kind == ScopeKind::Licensed)
                                    .then(|| {
                                        if chinese {
                                            item.authority_zh.clone()
                                        } else {
                                            item.authority_en.clone()
                                        }
                                    });
                                let id = item.id.clone();
                                // Both languages from the catalogue (not from code).
                                view! {
                                    <li class="kb-scope-result">
                                        <div class="kb-scope-text">
                                            <span>{text.clone()}</span>
                                            <span class=class>{label}</span>
                                            {authority
                                                .map(|a| {
                                                    view! {
                                                        <span class="kb-hint kb-scope-authority">
                                                            {format!(
                                                                "{}{a}",
                                                                if chinese { "审批部门：" } else { "Permit from: " },
                                                            )}
                                                        </span>
                                                    }
                                                })}
                                        </div>
                                        <Button
                                            class="kb-button kb-button-secondary"
                                            on_click=move |_| add(id.clone())
                                        >
                                            {if chinese { "添加" } else { "Add" }}
                                            <span class="kb-visually-hidden">
                                                {format!("：{text}")}
                                            </span>
                                        </Button>
                                    </li>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </ul>
            </div>
            <Show when=move || !chosen.get().is_empty()>
                <div class="kb-licence-preview">
                    <p class="kb-label">
                        {both("营业执照上将显示为", "On the licence this reads")}
                    </p>
                    <p class="kb-licence-text" lang="zh-CN">
                        {move || catalog.licence_text(&chosen.get())}
                    </p>
                </div>
            </Show>
        </StepPage>
    }
}
