//! One business-scope item as the scope step shows it: chosen (with its order and removal)
//! or found by a search (with its badge, its authority and the add button). Both languages
//! come from the catalogue, not from code.

use crate::fields::Button;
use crate::i18n::use_i18n;
use kaiban_core::catalog::{ScopeItem, ScopeKind};
use kaiban_core::model::ScopeChoice;
use kaiban_core::path;
use leptos::prelude::*;

/// The kind of an item: general, licensed, or licensed with approval before registration.
fn badge(kind: ScopeKind, pre_registration: bool, chinese: bool) -> (&'static str, &'static str) {
    match (kind, pre_registration, chinese) {
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

/// A chosen item: its filed words, its badge (from the catalogue when it lists the item),
/// its findings, and buttons to move it or remove it.
#[component]
pub fn ChosenItem(
    item: ScopeChoice,
    /// The catalogue's entry, if it has one (a draft may hold an item it no longer lists).
    listed: Option<ScopeItem>,
    index: usize,
    count: usize,
    remove: Callback<usize>,
    swap: Callback<(usize, usize)>,
) -> impl IntoView {
    let chinese = use_i18n().locale.get_untracked().is_chinese();
    let words = match (chinese, item.zh.is_empty()) {
        (_, true) => item.code.clone(),
        (true, false) => item.zh.clone(),
        (false, false) => item.en.clone(),
    };
    let (class, label) = match &listed {
        Some(listed) => badge(listed.kind, listed.pre_registration, chinese),
        None => ("kb-badge", "?"),
    };
    let path = path::scope_item(index);
    let item_id = crate::app::field_id(&path);
    // Each button names its item for a screen reader ("上移：软件开发").
    let named = |action: &'static str| {
        let hidden = format!("：{words}");
        view! {
            {action}
            <span class="kb-visually-hidden">{hidden}</span>
        }
    };
    let (move_up, move_down, take_out) = if chinese {
        (named("上移"), named("下移"), named("移除"))
    } else {
        (named("Move up"), named("Move down"), named("Remove"))
    };
    view! {
        <li class="kb-scope-item" id=item_id tabindex="-1">
            <div class="kb-scope-text">
                {(index == 0)
                    .then(|| {
                        view! {
                            <span class="kb-badge kb-badge-main">
                                {if chinese { "主营" } else { "Main" }}
                            </span>
                        }
                    })} <span>{words.clone()}</span> <span class=class>{label}</span>
            </div>
            <crate::fields::FieldMessages path step=crate::steps::Step::Scope />
            <div class="kb-scope-actions">
                <button
                    type="button"
                    class="kb-link-button"
                    disabled=index == 0
                    on:click=move |_| swap.run((index, index - 1))
                >
                    {move_up}
                </button>
                <button
                    type="button"
                    class="kb-link-button"
                    disabled=index + 1 == count
                    on:click=move |_| swap.run((index, index + 1))
                >
                    {move_down}
                </button>
                <Button class="kb-link-button kb-danger" on_click=move |_| remove.run(index)>
                    {take_out}
                </Button>
            </div>
        </li>
    }
}

/// A search result: its words and badge, the approving authority of a licensed item, and
/// the add button.
#[component]
pub fn FoundItem(item: ScopeItem, add: Callback<String>) -> impl IntoView {
    let chinese = use_i18n().locale.get_untracked().is_chinese();
    let (class, label) = badge(item.kind, item.pre_registration, chinese);
    let words = if chinese {
        item.text_zh.clone()
    } else {
        item.text_en.clone()
    };
    let authority = (item.kind == ScopeKind::Licensed).then(|| {
        let (lead, name) = if chinese {
            ("审批部门：", &item.authority_zh)
        } else {
            ("Permit from: ", &item.authority_en)
        };
        view! { <span class="kb-hint kb-scope-authority">{format!("{lead}{name}")}</span> }
    });
    let code = item.id.clone();
    view! {
        <li class="kb-scope-result">
            <div class="kb-scope-text">
                <span>{words.clone()}</span>
                <span class=class>{label}</span>
                {authority}
            </div>
            <Button class="kb-button kb-button-secondary" on_click=move |_| add.run(code.clone())>
                {if chinese { "添加" } else { "Add" }}
                <span class="kb-visually-hidden">{format!("：{words}")}</span>
            </Button>
        </li>
    }
}
