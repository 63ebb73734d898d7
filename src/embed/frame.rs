//! iframe mode. The parent must be on the deployment's allow-list; the app says `hello`,
//! waits briefly for the parent's `config`, then starts. Every incoming message is checked:
//! the sender must be our parent window, its origin allowed, its shape exactly as expected.
//! Outgoing messages name the parent's origin, never `*`.

use super::{emit, set_host, Host, HostEvent};
use crate::config::{Config, ConfigInput, ConfigProblem, Source};
use crate::i18n::Locale;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long to wait for the host's configuration before starting with the deployment's.
const CONFIG_WAIT: Duration = Duration::from_millis(3000);

pub enum Framing {
    Top,
    Allowed(String),
    /// Framed by a page whose origin is not on the list (the CSP's `frame-ancestors` should
    /// already have stopped this); the app runs but says nothing to that page.
    Refused(Option<String>),
}

/// Who framed us: `location.ancestorOrigins` where the browser has it, else the referrer.
pub fn framing_parent(config: &Config) -> Framing {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return Framing::Top;
    };
    if js_sys::Object::is(&parent, &window) {
        return Framing::Top;
    }
    // web-sys lacks `ancestorOrigins` (Firefox does too); read it reflectively.
    let from_ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|list| list.item(0));
    let origin = from_ancestors.or_else(|| crate::config::origin_of(&document().referrer()));
    match origin {
        Some(origin) if config.allowed_parent_origins.contains(&origin) => Framing::Allowed(origin),
        other => Framing::Refused(other),
    }
}

/// What the parent may say.
enum Incoming {
    Config(Box<ConfigInput>),
    Locale(Locale),
}

fn parse_message(data: &JsValue) -> Option<Incoming> {
    if js_sys::Reflect::get(data, &"kaiban".into()).ok()?.as_f64() != Some(1.0) {
        return None;
    }
    let kind = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    let detail = js_sys::Reflect::get(data, &"detail".into()).ok()?;
    match kind.as_str() {
        "config" => {
            let json = js_sys::JSON::stringify(&detail).ok()?.as_string()?;
            ConfigInput::from_json(&json)
                .ok()
                .map(|c| Incoming::Config(Box::new(c)))
        }
        "locale" => Locale::from_tag(&detail.as_string()?).map(Incoming::Locale),
        _ => None,
    }
}

thread_local! {
    static LOCALE: RefCell<Option<RwSignal<Locale>>> = const { RefCell::new(None) };
}

/// Lets the parent switch the language later (`data-locale` changed on the host element).
pub fn follow_host_locale(locale: RwSignal<Locale>) {
    LOCALE.with(|l| *l.borrow_mut() = Some(locale));
}

/// Says hello to `parent_origin`, waits for its configuration, then calls `start` with the
/// merged configuration and whatever was refused.
pub fn start_framed(
    mut config: Config,
    mut problems: Vec<ConfigProblem>,
    parent_origin: String,
    start: impl FnOnce(Config, Vec<ConfigProblem>) + 'static,
) {
    set_host(Host::Framed {
        parent_origin: parent_origin.clone(),
    });
    let _ = document()
        .document_element()
        .map(|html| html.class_list().add_1("kb-framed"));
    let received: Rc<RefCell<Option<ConfigInput>>> = Rc::default();
    let listener = {
        let received = received.clone();
        let parent_origin = parent_origin.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = match (event.source(), window().parent().ok().flatten()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            if !from_parent || event.origin() != parent_origin {
                web_sys::console::warn_1(
                    &format!("kaiban: ignored a message from {}", event.origin()).into(),
                );
                return;
            }
            match parse_message(&event.data()) {
                Some(Incoming::Config(input)) => {
                    let mut slot = received.borrow_mut();
                    if slot.is_none() {
                        *slot = Some(*input);
                    }
                }
                Some(Incoming::Locale(locale)) => {
                    if let Some(signal) = LOCALE.with(|l| *l.borrow()) {
                        signal.set(locale);
                    }
                }
                None => web_sys::console::warn_1(&"kaiban: ignored a malformed message".into()),
            }
        })
    };
    let _ = window().add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    observe_height();
    emit_hello(&parent_origin);

    // Not leptos::task::spawn_local: its executor starts with the first mount, which comes later.
    wasm_bindgen_futures::spawn_local(async move {
        let step = Duration::from_millis(20);
        let mut waited = Duration::ZERO;
        while received.borrow().is_none() && waited < CONFIG_WAIT {
            gloo_timers::future::sleep(step).await;
            waited += step;
        }
        match received.borrow_mut().take() {
            Some(input) => problems.extend(config.apply(input, Source::Embedder)),
            None => problems.push(ConfigProblem {
                field: "config",
                zh: "未收到嵌入页面的配置，使用默认设置".into(),
                en: "No configuration came from the embedding page; using the defaults".into(),
            }),
        }
        start(config, problems);
    });
}

fn emit_hello(parent_origin: &str) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"kaiban".into(), &JsValue::from(1));
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"hello".into());
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, parent_origin);
    }
}

/// Reports the document's height whenever it changes, so the host sizes the iframe to it.
fn observe_height() {
    let last = Rc::new(RefCell::new(0u32));
    let callback = Closure::<dyn Fn()>::new(move || {
        let Some(html) = document().document_element() else {
            return;
        };
        let height = html.get_bounding_client_rect().height().ceil() as u32;
        if *last.borrow() != height {
            *last.borrow_mut() = height;
            emit(HostEvent::Resize { height });
        }
    });
    if let (Ok(observer), Some(html)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&html);
    }
    callback.forget();
}
