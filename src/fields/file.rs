use wasm_bindgen_futures::JsFuture;

/// The file chosen in `input` (name and text), clearing the input so the same file can be
/// chosen again.
pub async fn take_chosen_text(input: &web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some((file.name(), text))
}
