//! What the app asks of the browser outside the page's own DOM: local storage, offering a
//! file for download, and reading a file the applicant chose.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// This origin's `localStorage`, if the browser grants it (not in some private modes).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Lets the browser handle what waits (input, painting) before going on: what follows the
/// `await` runs in a task of its own. On a phone each piece of a long job then blocks input
/// briefly instead of once for the whole job.
pub async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// `requestIdleCallback` where there is one (not Safari), else the next task.
pub fn when_idle(run: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(run);
    let window = window();
    if window
        .request_idle_callback(callback.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, text: &str) {
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("download", file_name);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
                a.click();
            }
            let _ = body.remove_child(&a);
        }
    }
}

/// The file chosen in `input` (name and text), clearing the input so the same file can be
/// chosen again.
pub async fn take_chosen_text(input: &web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some((file.name(), text))
}

/// Runs `work` between two marks and records it as the performance measure `name`, so bench/
/// can read how long it took in a real browser.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = window().performance();
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}
