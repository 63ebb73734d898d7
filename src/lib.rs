//! Kaiban: the enterprise-registration wizard (Leptos, client-side).

pub mod app;
#[cfg(feature = "bench-hooks")]
pub mod bench_hooks;
pub mod browser;
pub mod config;
pub mod crash;
pub mod drafts;
pub mod embed;
pub mod fields;
pub mod i18n;
pub mod offline;
pub mod prerendered;
pub mod reference;
pub mod rounds;
pub mod signing;
pub mod steps;
pub mod submit;

pub use browser::local_storage;

use config::{Config, ConfigProblem};
use leptos::prelude::*;

/// Starts the wizard on its own page (standalone or inside a portal's iframe). On any other
/// page the module was loaded as a library for `mount(element, config)` and does nothing.
pub fn start() {
    crash::install();
    let is_app_page = document()
        .query_selector("meta[name=\"kaiban:app\"]")
        .ok()
        .flatten()
        .is_some();
    if !is_app_page {
        return;
    }
    #[cfg(feature = "fault-injection")]
    crash::listen_for_fault_injection();
    let (config, problems) = Config::from_page();
    match embed::framing_parent(&config) {
        embed::Framing::Allowed(origin) => {
            embed::start_framed(config, problems, origin, mount_on_body)
        }
        embed::Framing::Refused(origin) => {
            web_sys::console::warn_1(
                &format!(
                    "kaiban: framed by {}, which is not in allowedParentOrigins; no messages will be sent to it",
                    origin.as_deref().unwrap_or("an unknown origin")
                )
                .into(),
            );
            mount_on_body(config, problems);
        }
        embed::Framing::Top => mount_on_body(config, problems),
    }
}

fn mount_on_body(config: Config, problems: Vec<ConfigProblem>) {
    // In a task of its own: instantiating the module is already a long one on a phone.
    leptos::prelude::set_timeout(
        move || leptos::mount::mount_to_body(move || view! { <app::App config problems /> }),
        std::time::Duration::ZERO,
    );
}
