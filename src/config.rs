//! Deployment configuration. Defaults are baked in at build time; the host page may
//! override them with `<meta name="kaiban:…">` tags (and, later, embed options).

/// The local reference receiver started by `./x serve`.
const DEFAULT_ENDPOINT: &str = match option_env!("KAIBAN_ENDPOINT") {
    Some(url) => url,
    None => "http://127.0.0.1:8787/submissions",
};

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub endpoint: String,
}

impl Config {
    pub fn from_page() -> Config {
        Config {
            endpoint: meta("kaiban:endpoint").unwrap_or_else(|| DEFAULT_ENDPOINT.to_string()),
        }
    }
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content").filter(|c| !c.is_empty())
}
