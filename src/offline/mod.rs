//! Offline support: registers the service worker (public/sw.js), offers a new version to the
//! applicant instead of swapping it mid-edit, and tracks whether the browser is online.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Connectivity {
    pub online: RwSignal<bool>,
    /// A new version of the app is installed and waiting.
    pub update_ready: RwSignal<bool>,
}

impl Connectivity {
    pub fn start() -> Connectivity {
        let online = RwSignal::new(window().navigator().on_line());
        let update_ready = RwSignal::new(false);
        for (event, value) in [("online", true), ("offline", false)] {
            let handler = Closure::<dyn Fn()>::new(move || online.set(value));
            let _ =
                window().add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
            handler.forget();
        }
        // On a portal's page the service worker would belong to the portal's origin.
        if !crate::embed::is_in_page() {
            register_service_worker(update_ready);
        }
        Connectivity {
            online,
            update_ready,
        }
    }

    /// Activates the waiting version and reloads once it controls the page.
    pub fn apply_update(&self) {
        let container = window().navigator().service_worker();
        let reload = Closure::<dyn Fn()>::new(|| {
            let _ = window().location().reload();
        });
        let _ = container
            .add_event_listener_with_callback("controllerchange", reload.as_ref().unchecked_ref());
        reload.forget();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(registration) =
                wasm_bindgen_futures::JsFuture::from(container.get_registration()).await
            else {
                return;
            };
            let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>()
            else {
                return;
            };
            if let Some(waiting) = registration.waiting() {
                tell(&waiting, "SKIP_WAITING");
            }
        });
    }
}

fn register_service_worker(update_ready: RwSignal<bool>) {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) =
            wasm_bindgen_futures::JsFuture::from(container.register("sw.js")).await
        else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let has_controller = container.controller().is_some();
        if registration.waiting().is_some() && has_controller {
            update_ready.set(true);
        }
        let registration_for_event = registration.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration_for_event.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed
                    && window().navigator().service_worker().controller().is_some()
                {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        claim_this_page(&container).await;
    });
}

/// Has the active worker take this page over if it is not yet controlled. The worker's own
/// `clients.claim()` at activation misses a page that was still loading then (a reload during
/// the first install), which would stay uncontrolled until the next navigation.
async fn claim_this_page(container: &web_sys::ServiceWorkerContainer) {
    let Ok(ready) = container.ready() else {
        return;
    };
    let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
        return;
    };
    let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
        return;
    };
    if let (None, Some(active)) = (container.controller(), registration.active()) {
        tell(&active, "CLAIM");
    }
}

/// Posts `{type: kind}` to `worker` (public/sw.js answers SKIP_WAITING and CLAIM).
fn tell(worker: &web_sys::ServiceWorker, kind: &str) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = worker.post_message(&message);
}

pub fn use_connectivity() -> Connectivity {
    expect_context::<Connectivity>()
}
