//! Where the wizard lives: its own page, an iframe in a portal page, or a shadow root inside
//! a portal page (in-page mode). Everything that touches the document (ids, focus, scroll,
//! `lang`, the title) asks this module, so in-page mode never reaches into the host's DOM.

mod events;
mod frame;
mod inpage;

pub use events::{emit, EmbedBridge, HostEvent};
pub use frame::{follow_host_locale, framing_parent, start_framed, Framing};

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

#[derive(Clone)]
pub enum Host {
    /// The app's own page.
    Standalone,
    /// Inside an iframe whose parent's origin is on the deployment's allow-list.
    Framed { parent_origin: String },
    /// Mounted by `mount(element, config)` into `root`, a shadow root of the host's `element`.
    InPage {
        element: HtmlElement,
        root: ShadowRoot,
        shell: HtmlElement,
    },
}

thread_local! {
    static HOST: RefCell<Host> = const { RefCell::new(Host::Standalone) };
}

pub fn host() -> Host {
    HOST.with(|h| h.borrow().clone())
}

fn set_host(host: Host) {
    HOST.with(|h| *h.borrow_mut() = host);
}

pub fn is_in_page() -> bool {
    matches!(host(), Host::InPage { .. })
}

/// `getElementById` within the wizard's own tree.
pub fn by_id(id: &str) -> Option<Element> {
    match host() {
        Host::InPage { root, .. } => root.get_element_by_id(id),
        _ => leptos::prelude::document().get_element_by_id(id),
    }
}

/// The first element matching the CSS `selector` in the wizard's own tree.
pub fn query(selector: &str) -> Option<Element> {
    match host() {
        Host::InPage { root, .. } => root.query_selector(selector).ok().flatten(),
        _ => leptos::prelude::document()
            .query_selector(selector)
            .ok()
            .flatten(),
    }
}

/// The element that carries `lang` and the theme's custom properties.
fn shell() -> Option<HtmlElement> {
    match host() {
        Host::InPage { shell, .. } => Some(shell),
        _ => leptos::prelude::document()
            .document_element()
            .and_then(|e| e.dyn_into().ok()),
    }
}

pub fn set_lang(tag: &str) {
    if let Some(shell) = shell() {
        let _ = shell.set_attribute("lang", tag);
    }
}

pub fn set_style_property(name: &str, value: &str) {
    if let Some(shell) = shell() {
        let _ = shell.style().set_property(name, value);
    }
}

/// The page title belongs to the host when mounted in its page.
pub fn set_title(title: &str) {
    if !is_in_page() {
        leptos::prelude::document().set_title(title);
    }
}

/// Brings the top of the wizard into view after a step change (in an iframe, embed.js
/// scrolls the host page when it hears the step event).
pub fn scroll_to_top() {
    match host() {
        Host::Standalone => {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        Host::Framed { .. } => {}
        Host::InPage { element, .. } => {
            if element.get_bounding_client_rect().top() < 0.0 {
                element.scroll_into_view();
            }
        }
    }
}
