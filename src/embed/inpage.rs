//! In-page mode: `mount(element, config)`, exported from the wasm module, renders the wizard
//! into a shadow root on `element`, with our stylesheet inside it. The host's CSS cannot
//! select our elements and ours cannot select theirs; only CSS custom properties (the
//! theme) and inherited values cross, and the shell resets the inherited ones.

use super::{set_host, Host};
use crate::config::{Config, ConfigInput, Source};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// Mounts the wizard in `element`. `config` takes the fields of `kaiban.config.json`
/// (endpoint, locale, entityTypes, theme) and `stylesheet`, which the `kaiban-entry.js`
/// wrapper fills in. Resolves once the wizard is on screen; rejects with a reason.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, config: JsValue) -> js_sys::Promise {
    crate::crash::install();
    wasm_bindgen_futures::future_to_promise(async move {
        let json = if config.is_undefined() || config.is_null() {
            "{}".to_string()
        } else {
            js_sys::JSON::stringify(&config)?
                .as_string()
                .unwrap_or_default()
        };
        let input = ConfigInput::from_json(&json).map_err(|p| JsValue::from_str(&p.en))?;
        let stylesheet = input.stylesheet.clone();
        let mut settings = Config::default();
        // The host page runs our code, so it is trusted as the deployment itself.
        let problems = settings.apply(input, Source::Deployment);

        let root = match element.shadow_root() {
            Some(root) => {
                root.set_inner_html("");
                root
            }
            None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        let document = leptos::prelude::document();
        if let Some(href) = &stylesheet {
            // The app's other assets (reference data) are beside its stylesheet.
            crate::reference::set_asset_base(href);
        }
        if let Some(href) = stylesheet {
            let link: web_sys::HtmlLinkElement = document.create_element("link")?.unchecked_into();
            link.set_rel("stylesheet");
            link.set_href(&href);
            let loaded = js_sys::Promise::new(&mut |resolve, reject| {
                link.set_onload(Some(&resolve));
                link.set_onerror(Some(&reject));
            });
            root.append_child(&link)?;
            // Unstyled flashes and layout shifts are worse than a few ms of waiting.
            wasm_bindgen_futures::JsFuture::from(loaded)
                .await
                .map_err(|_| JsValue::from_str(&format!("kaiban: cannot load {href}")))?;
        }
        let shell: HtmlElement = document.create_element("div")?.unchecked_into();
        shell.set_class_name("kb-shell");
        root.append_child(&shell)?;
        set_host(Host::InPage {
            element,
            root,
            shell: shell.clone(),
        });
        let handle = leptos::mount::mount_to(shell, move || {
            leptos::prelude::view! { <crate::app::App config=settings problems /> }
        });
        handle.forget();
        Ok(JsValue::UNDEFINED)
    })
}
