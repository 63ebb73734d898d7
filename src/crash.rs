//! A panic must never leave a blank page. The release build aborts on panic (the wasm
//! instance is dead afterwards), so the hook does what it can without the framework: it
//! replaces the wizard with a plain bilingual screen whose Reload link needs no script, then
//! writes the unsaved edits to the emergency copy (applied on the next open). The screen goes
//! first: if the state is too broken to save, a second panic aborts, and the screen is there.

use std::cell::RefCell;

thread_local! {
    static BEFORE_CRASH: RefCell<Vec<Box<dyn Fn()>>> = RefCell::new(Vec::new());
}

/// Runs `save` when the app panics (after the error screen is up).
pub fn on_crash(save: impl Fn() + 'static) {
    BEFORE_CRASH.with(|hooks| hooks.borrow_mut().push(Box::new(save)));
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = info.to_string();
        show_error_screen(&message);
        crate::embed::emit(crate::embed::HostEvent::Error {
            code: "crash",
            message_zh: "出现意外错误，已保存的内容不受影响，请重新加载".into(),
            message_en: "Unexpected error; saved answers are safe; reload to continue".into(),
        });
        BEFORE_CRASH.with(|hooks| {
            if let Ok(hooks) = hooks.try_borrow() {
                for save in hooks.iter() {
                    save();
                }
            }
        });
    }));
}

fn show_error_screen(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let container: Option<web_sys::Element> = match crate::embed::host() {
        crate::embed::Host::InPage { shell, .. } => Some(shell.into()),
        _ => document.body().map(Into::into),
    };
    let Some(container) = container else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(screen) = element("div", "kb-crash", "") else {
        return;
    };
    let _ = screen.set_attribute("role", "alert");
    let reload = reload_url();
    let parts = [
        element("h1", "kb-title", "出现了意外错误 · Something went wrong"),
        element(
            "p",
            "kb-lead",
            "您已保存的内容仍在本设备上，不会丢失。请重新加载页面，从中断处继续填写。",
        ),
        element(
            "p",
            "kb-lead",
            "Your saved answers are still on this device. Reload the page to continue where you were.",
        ),
        element("a", "kb-button", "重新加载 · Reload").inspect(|a| {
            let _ = a.set_attribute("href", &reload);
        }),
        element("p", "kb-hint", "如需联系技术支持，请提供以下信息 · If you contact support, quote:"),
        element("pre", "kb-crash-detail", message),
    ];
    container.set_inner_html("");
    for part in parts.into_iter().flatten() {
        let _ = screen.append_child(&part);
    }
    let _ = container.append_child(&screen);
}

/// A URL that really reloads: a link differing from the current URL only in its fragment
/// would just scroll. On our own page a query marks it (the step in the hash is kept); on a
/// portal's page the portal's URL without its fragment.
fn reload_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return "./".into();
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    match crate::embed::host() {
        crate::embed::Host::InPage { .. } => {
            let href = location.href().unwrap_or_default();
            href.split('#').next().unwrap_or_default().to_string()
        }
        _ => format!("{path}?recover={}{hash}", js_sys::Date::now() as u64),
    }
}

/// Lets the e2e tests raise a real panic in the running app:
/// `dispatchEvent(new CustomEvent('kaiban-fault', { detail: 'panic' }))`. Only in builds with
/// the `fault-injection` feature (`./x test` builds the app with it; `./x serve`, `./x
/// prerender` and deployments without), and only on the app's own page: never in a portal's
/// page (in-page mode does not call it).
#[cfg(feature = "fault-injection")]
pub fn listen_for_fault_injection() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::CustomEvent)>::new(|event: web_sys::CustomEvent| {
        if event.detail().as_string().as_deref() == Some("panic") {
            panic!("fault injection: a panic requested by kaiban-fault");
        }
    });
    let _ =
        window.add_event_listener_with_callback("kaiban-fault", handler.as_ref().unchecked_ref());
    handler.forget();
}
