//! A QR code as inline SVG (pure Rust, works offline): the receipt's case link, a signer's
//! signing link.

use qrcodegen::{QrCode, QrCodeEcc};

/// `text` as an SVG QR code (an empty string if it does not fit in one).
pub fn qr_svg(text: &str) -> String {
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let size = qr.size();
    let border = 2;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let dim = size + border * 2;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {dim} {dim}" role="img" aria-label="QR"><rect width="100%" height="100%" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    )
}

/// `link` drawn as a QR code, the link itself kept in `data-link` (the e2e tests follow it).
#[leptos::component]
pub fn QrLink(id: &'static str, link: String) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let svg = qr_svg(&link);
    view! { <div class="kb-qr" id=id data-link=link inner_html=svg></div> }
}
