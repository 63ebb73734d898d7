//! Which step is shown, kept in step with the browser's history so Back, Forward and reload
//! behave as people expect. In `Memory` mode (mounted inside a host page) the URL is never
//! touched: the host owns it.

use crate::steps::Step;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavMode {
    /// `#/step-key` in the URL, one history entry per step.
    UrlHash,
    Memory,
}

#[derive(Clone, Copy)]
pub struct Nav {
    pub step: RwSignal<Step>,
    mode: NavMode,
}

fn step_from_location() -> Option<Step> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let route = hash.trim_start_matches('#').trim_start_matches('/');
    // `#/case?receipt=…&token=…`: the page reads its own parameters.
    Step::from_key(route.split('?').next().unwrap_or(route))
}

/// A parameter of the route in the URL's hash (`#/case?receipt=…`), decoded.
pub fn route_parameter(name: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let (_, query) = hash.split_once('?')?;
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

fn write_location(step: Step, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = format!("#/{}", step.key());
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

impl Nav {
    pub fn new(mode: NavMode) -> Nav {
        let initial = match mode {
            NavMode::UrlHash => step_from_location().unwrap_or(Step::Start),
            NavMode::Memory => Step::Start,
        };
        let nav = Nav {
            step: RwSignal::new(initial),
            mode,
        };
        if mode == NavMode::UrlHash {
            let step = nav.step;
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                step.set(step_from_location().unwrap_or(Step::Start));
            });
            on_cleanup(move || handle.remove());
        }
        nav
    }

    pub fn mode(&self) -> NavMode {
        self.mode
    }

    /// Shows `step` as a new history entry.
    pub fn go(&self, step: Step) {
        if self.mode == NavMode::UrlHash {
            write_location(step, false);
        }
        self.step.set(step);
        crate::embed::scroll_to_top();
    }

    /// Shows `step` in place of the current entry (used to correct an impossible step).
    pub fn replace(&self, step: Step) {
        if self.mode == NavMode::UrlHash {
            write_location(step, true);
        }
        self.step.set(step);
    }
}
