use super::page::StepPage;
use super::scope_items::{ChosenItem, FoundItem};
use crate::app::{field_id, use_wizard};
use crate::fields::{FieldMessages, RetryAlert};
use crate::i18n::Text;
use crate::i18n::{both, text, use_i18n};
use crate::reference::{use_reference, CatalogueState};
use crate::steps::Step;
use kaiban_core::catalog::{licence_text, Catalog};
use kaiban_core::path;
use leptos::prelude::*;
use std::sync::Arc;

const SHOWN_RESULTS: usize = 12;

/// The business scope, chosen from the deployment's catalogue (fetched the first time this
/// step opens, when the deployment has its own).
#[component]
pub fn ScopeStep() -> impl IntoView {
    let catalogue = use_reference().catalogue;
    let i18n = use_i18n();
    view! {
        <StepPage step=Step::Scope lead=text(Text::ScopeLead)>
            {move || match catalogue.get() {
                CatalogueState::Ready(catalog) => view! { <ScopeChooser catalog /> }.into_any(),
                CatalogueState::Pending => {
                    view! {
                        <p class="kb-hint" role="status">
                            {i18n.tr(Text::CatalogueLoading)}
                        </p>
                    }
                        .into_any()
                }
                CatalogueState::Failed(message) => {
                    view! {
                        <FieldMessages path=path::SCOPE_ITEMS step=Step::Scope />
                        <RetryAlert message on_retry=move || catalogue.retry() />
                    }
                        .into_any()
                }
            }}
        </StepPage>
    }
}

#[component]
fn ScopeChooser(catalog: Arc<Catalog>) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Scope;
    let app = wizard.application;
    let query = RwSignal::new(String::new());
    let chosen = Signal::derive(move || app.with(|a| a.business_scope.items.clone()));
    let results = {
        let catalog = catalog.clone();
        move || {
            let q = query.get();
            app.with(|a| {
                catalog
                    .search(&q)
                    .into_iter()
                    .filter(|i| !a.business_scope.contains(&i.id))
                    .take(SHOWN_RESULTS)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }
    };
    let version = catalog.version().to_string();
    let listed_in = StoredValue::new(catalog.clone());
    let add = Callback::new(move |code: String| {
        let Some(filed) = catalog.get(&code).map(|item| item.filed()) else {
            return;
        };
        let version = version.clone();
        app.update(|a| {
            a.business_scope.items.push(filed);
            a.business_scope.catalogue_version = version;
        })
    });
    let remove = Callback::new(move |i: usize| {
        app.update(|a| {
            a.business_scope.items.remove(i);
        })
    });
    let swap = Callback::new(move |(i, j): (usize, usize)| {
        app.update(|a| a.business_scope.items.swap(i, j))
    });
    view! {
        <div class="kb-field">
            <h2 class="kb-label kb-section-title" id=field_id(path::SCOPE_ITEMS) tabindex="-1">
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
                        i18n.locale.track();
                        let items = chosen.get();
                        let count = items.len();
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(index, item)| {
                                let listed = listed_in.with_value(|c| c.get(&item.code).cloned());
                                // Redrawn in the other language when it is switched.
                                view! { <ChosenItem item listed index count remove swap /> }
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
                    i18n.locale.track();
                    let found = results();
                    if found.is_empty() {
                        return view! {
                            <li class="kb-hint">
                                {i18n
                                    .locale
                                    .get()
                                    .pick(
                                        "没有找到匹配的项目，请换个关键词",
                                        "No matching activity: try another word",
                                    )}
                            </li>
                        }
                            .into_any();
                    }
                    found
                        .into_iter()
                        .map(|item| view! { <FoundItem item add /> })
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
                    {move || licence_text(&chosen.get())}
                </p>
            </div>
        </Show>
    }
}
