//! The applicant's last screen, kept so that coming back shows it at once. The loader
//! (boot.js) shows this markup, inert and marked as loading, while the wizard downloads: on a
//! phone whose browser has evicted the app that is seconds of their own application instead
//! of a blank "Loading…". The app then replaces it in one frame (`reveal_app`), as it does the
//! start page. It holds what the screen showed, so it stays on this device like the draft
//! (and the emergency copy) does, and goes when the draft is deleted.

use crate::app::{Nav, Wizard};
use crate::i18n::{I18n, Text};
use crate::local_storage;
use crate::steps::LaterPages;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// Read by src/prerendered/boot.js, which checks `format`, `draft`, `step` and `locale`.
const KEY: &str = "kaiban.resume_view";
const FORMAT: u32 = 1;
/// A screen this large (hundreds of investors) costs more to copy than it saves.
const MAX_ELEMENTS: u32 = 4_000;
const MAX_CHARS: usize = 400_000;
/// Attributes that name or point at other elements, or say which field an input is bound to
/// (the tests and the error summary find fields by them): an inert copy needs none of them.
const LINKING_ATTRIBUTES: [&str; 10] = [
    "id",
    "data-path",
    "data-also-id",
    "data-person-id",
    "for",
    "name",
    "aria-describedby",
    "aria-labelledby",
    "aria-controls",
    "aria-errormessage",
];
/// The page CSP allows no inline style attributes; boot.js applies these through the CSSOM.
const STYLE_ATTRIBUTE: &str = "data-kb-style";

#[derive(Serialize)]
struct ResumeView<'a> {
    format: u32,
    draft: &'a str,
    step: &'a str,
    locale: &'a str,
    html: String,
}

/// Keeps the resume view current: after each step is drawn, after each save, as the page hides.
pub fn keep_resume_view(wizard: Wizard, nav: Nav, i18n: I18n, later: LaterPages) {
    let saved_at = Memo::new(move |_| match wizard.session.save_status.get() {
        crate::app::SaveStatus::Saved(at) => Some(at),
        _ => None,
    });
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        if !wizard.ready.get() {
            return;
        }
        // Not a page still loading: that is not the screen to come back to.
        if !later.drawn(nav.step.get()) {
            return;
        }
        i18n.locale.track();
        wizard.session.draft_id.track();
        saved_at.track();
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        // After the step has been drawn, when the page has nothing better to do.
        crate::browser::when_idle(move || {
            scheduled.set_value(false);
            remember(wizard, nav, i18n, later);
        });
    });
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            remember(wizard, nav, i18n, later);
        }
    });
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
}

/// Drops the resume view if it shows draft `id` (the draft is being deleted).
pub fn forget_resume_view(id: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    let shows_draft = storage
        .get_item(KEY)
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
        .is_some_and(|view| view["draft"] == id);
    if shows_draft {
        let _ = storage.remove_item(KEY);
    }
}

fn remember(wizard: Wizard, nav: Nav, i18n: I18n, later: LaterPages) {
    let Some(storage) = local_storage() else {
        return;
    };
    let (Some(step), Some(draft)) = (
        nav.step.try_get_untracked(),
        wizard.session.draft_id.try_get_untracked(),
    ) else {
        return;
    };
    // Pages drawn from elsewhere (the list of drafts, a co-signer's link) are not resumed.
    if step.outside_drafts() || !wizard.ready.get_untracked() || !untrack(|| later.drawn(step)) {
        return;
    }
    let Some(html) = page_markup(i18n.t(Text::Loading)) else {
        let _ = storage.remove_item(KEY);
        return;
    };
    let view = ResumeView {
        format: FORMAT,
        draft: &draft,
        step: step.key(),
        locale: i18n.locale.get_untracked().tag(),
        html,
    };
    if let Ok(json) = serde_json::to_string(&view) {
        // A full storage quota only costs the quick resume; the draft is in IndexedDB.
        if storage.set_item(KEY, &json).is_err() {
            let _ = storage.remove_item(KEY);
        }
    }
}

/// The app's `.kb-page` as markup that draws the same screen: form values written into
/// attributes, the save status replaced by `loading`.
fn page_markup(loading: &str) -> Option<String> {
    let pages = document().query_selector_all(".kb-page").ok()?;
    let page = (0..pages.length())
        .filter_map(|i| pages.item(i)?.dyn_into::<Element>().ok())
        .find(|p| p.closest(".kb-prerendered").ok().flatten().is_none())?;
    if page.get_elements_by_tag_name("*").length() > MAX_ELEMENTS {
        return None;
    }
    let copy = page
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<Element>()
        .ok()?;
    let live = page.query_selector_all("input, textarea, select").ok()?;
    let copied = copy.query_selector_all("input, textarea, select").ok()?;
    for i in 0..live.length().min(copied.length()) {
        if let (Some(from), Some(to)) = (live.item(i), copied.item(i)) {
            write_value_as_attribute(&from, &to);
        }
    }
    // The live page has the same ids and radio groups while it is drawn behind the copy.
    if let Ok(referring) =
        copy.query_selector_all(&format!("[{}]", LINKING_ATTRIBUTES.join("], [")))
    {
        for i in 0..referring.length() {
            if let Some(el) = referring.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                for name in LINKING_ATTRIBUTES {
                    let _ = el.remove_attribute(name);
                }
            }
        }
    }
    if let Ok(styled) = copy.query_selector_all("[style]") {
        for i in 0..styled.length() {
            if let Some(el) = styled.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let style = el.get_attribute("style").unwrap_or_default();
                let _ = el.set_attribute(STYLE_ATTRIBUTE, &style);
                let _ = el.remove_attribute("style");
            }
        }
    }
    if let Ok(Some(save)) = copy.query_selector(".kb-save") {
        save.set_text_content(Some(loading));
        let _ = save.set_attribute("data-state", "loading");
    }
    let html = copy.outer_html().replace("<!---->", "");
    (html.len() <= MAX_CHARS).then_some(html)
}

fn write_value_as_attribute(from: &web_sys::Node, to: &web_sys::Node) {
    let set = |el: &Element, name: &str, on: bool| {
        let _ = if on {
            el.set_attribute(name, "")
        } else {
            el.remove_attribute(name)
        };
    };
    if let (Some(from), Some(to)) = (
        from.dyn_ref::<HtmlInputElement>(),
        to.dyn_ref::<HtmlInputElement>(),
    ) {
        match from.type_().as_str() {
            "checkbox" | "radio" => set(to, "checked", from.checked()),
            "file" | "password" => {}
            _ => {
                let _ = to.set_attribute("value", &from.value());
            }
        }
    } else if let (Some(from), Some(to)) = (
        from.dyn_ref::<HtmlTextAreaElement>(),
        to.dyn_ref::<HtmlTextAreaElement>(),
    ) {
        to.set_text_content(Some(&from.value()));
    } else if let (Some(from), Some(to)) = (
        from.dyn_ref::<HtmlSelectElement>(),
        to.dyn_ref::<HtmlSelectElement>(),
    ) {
        let options = to.options();
        for i in 0..options.length() {
            if let Some(option) = options
                .item(i)
                .and_then(|o| o.dyn_into::<HtmlOptionElement>().ok())
            {
                set(&option, "selected", i as i32 == from.selected_index());
            }
        }
    }
}
