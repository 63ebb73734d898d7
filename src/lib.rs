//! Kaiban: the enterprise-registration wizard (Leptos, client-side).

pub mod app;
pub mod config;
pub mod drafts;
pub mod fields;
pub mod i18n;
pub mod offline;
pub mod signing;
pub mod steps;
pub mod submit;

/// Mounts the wizard on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
