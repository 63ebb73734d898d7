//! Every user-visible string of the shell, in zh-CN (default) and en. A typed table: a
//! missing translation is a compile error, not a blank on screen. Rule messages come from
//! kaiban-core, which carries both languages itself.

mod texts;

pub use texts::Text;

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Zh,
    En,
}

const STORAGE_KEY: &str = "kaiban.locale";

impl Locale {
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        match tag {
            t if t.starts_with("zh") => Some(Locale::Zh),
            t if t.starts_with("en") => Some(Locale::En),
            _ => None,
        }
    }

    pub fn is_chinese(self) -> bool {
        self == Locale::Zh
    }

    pub fn other(self) -> Locale {
        match self {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        }
    }

    /// Picks the string for this locale.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }

    /// The text of `bi` in this locale.
    pub fn text(self, bi: &'static kaiban_core::text::Bi) -> &'static str {
        bi.pick(self.is_chinese())
    }

    /// The saved choice, else zh-CN: the service is Chinese first, whatever the browser says.
    pub fn load() -> Locale {
        crate::local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }

    pub fn save(self) {
        if let Some(s) = crate::local_storage() {
            let _ = s.set_item(STORAGE_KEY, self.tag());
        }
    }
}

/// The locale signal shared by the whole app.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.locale.get())
    }

    /// A reactive string for `view!`.
    pub fn tr(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.get(self.locale.get())
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A text from kaiban-core or a step's labels, as a reactive string.
pub fn text(bi: impl Into<kaiban_core::text::Bi>) -> Signal<String> {
    let (i18n, bi) = (use_i18n(), bi.into());
    Signal::derive(move || bi.pick(i18n.locale.get().is_chinese()).to_string())
}

/// A label given in both languages side by side, as a reactive string.
pub fn both(zh: &'static str, en: &'static str) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.locale.get().pick(zh, en).to_string())
}

/// An RFC 3339 instant as this device's clock reads it: 2026-12-31 17:05.
pub fn local_time(rfc3339: &str) -> String {
    let at = js_sys::Date::new(&rfc3339.into());
    if at.get_time().is_nan() {
        return rfc3339.to_string();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        at.get_full_year(),
        at.get_month() + 1,
        at.get_date(),
        at.get_hours(),
        at.get_minutes()
    )
}

pub use kaiban_core::date::beijing_time;

/// "shareholder" → "Shareholder", for a word that starts a heading or an answer.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
