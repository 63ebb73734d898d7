//! One HTTP attempt with XMLHttpRequest (fetch cannot report upload progress).

use super::{Attempt, OutboxItem, Receipt};
use crate::drafts;
use js_sys::{Array, Promise};
use kaiban_core::text::Bi;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, FormData, ProgressEvent, XmlHttpRequest};

use std::cell::Cell;

thread_local! {
    /// How long one upload may take before it is abandoned and retried (same key).
    static TIMEOUT_MS: Cell<u32> = const { Cell::new(120_000) };
}

/// Set from the deployment's `submitTimeoutSeconds`.
pub fn set_upload_timeout(seconds: u32) {
    TIMEOUT_MS.with(|t| t.set(seconds.clamp(1, 3600) * 1000));
}

/// Resolves when the request finishes (any HTTP status) and rejects on a network error or
/// timeout.
async fn send(xhr: &XmlHttpRequest, body: Option<&FormData>) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        xhr.set_onload(Some(done.unchecked_ref()));
        let failed = reject.clone();
        let error = Closure::once_into_js(move || {
            let _ = failed.call1(&JsValue::NULL, &"network".into());
        });
        xhr.set_onerror(Some(error.unchecked_ref()));
        let timeout = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"timeout".into());
        });
        xhr.set_ontimeout(Some(timeout.unchecked_ref()));
    });
    let sent = match body {
        Some(form) => xhr.send_with_opt_form_data(Some(form)),
        None => xhr.send(),
    };
    sent.map_err(|e| format!("{e:?}"))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| super::js_text(&e))
}

pub async fn post(item: &OutboxItem, progress: impl Fn(f64) + 'static) -> Attempt {
    let retry = |reason: String| Attempt::Retry {
        after_ms: 0,
        reason,
    };
    let Ok(form) = FormData::new() else {
        return retry("FormData unavailable".into());
    };
    let options = BlobPropertyBag::new();
    options.set_type("application/jose+json");
    let Ok(package) = Blob::new_with_str_sequence_and_options(
        &Array::of1(&item.package_json.as_str().into()),
        &options,
    ) else {
        return retry("cannot build the request".into());
    };
    let _ = form.append_with_blob_and_filename("package", &package, "package.jws.json");
    for (i, (id, name)) in item.attachments.iter().enumerate() {
        match drafts::get_attachment(id).await {
            Ok(Some(stored)) => {
                let _ = form.append_with_blob_and_filename(
                    &format!("attachment-{i}"),
                    &stored.blob,
                    name,
                );
            }
            _ => {
                return Attempt::Refused(Bi::owned(
                    format!("附件“{name}”在本设备上找不到了，请在“附件材料”步骤重新上传。"),
                    format!("The document “{name}” is no longer on this device: upload it again."),
                ))
            }
        }
    }
    let Ok(xhr) = XmlHttpRequest::new() else {
        return retry("XMLHttpRequest unavailable".into());
    };
    if xhr.open_with_async("POST", &item.endpoint, true).is_err() {
        return Attempt::Refused(Bi::owned(
            format!("提交地址无效：{}", item.endpoint),
            format!("Invalid endpoint: {}", item.endpoint),
        ));
    }
    let _ = xhr.set_request_header("Idempotency-Key", &item.idempotency_key);
    if let Some(token) = &item.corrects_token {
        let _ = xhr.set_request_header("X-Kaiban-Corrects-Token", token);
    }
    xhr.set_timeout(TIMEOUT_MS.with(Cell::get));
    if let Ok(upload) = xhr.upload() {
        let on_progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress(e.loaded() / e.total());
            }
        });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
    }
    if let Err(reason) = send(&xhr, Some(&form)).await {
        return retry(reason);
    }
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    match status {
        200 | 201 => match serde_json::from_str::<Receipt>(&text) {
            Ok(receipt) => Attempt::Delivered(receipt),
            Err(e) => retry(format!("unreadable receipt: {e}")),
        },
        409 => Attempt::Refused(Bi::new(
            "该申请编号已用于另一份不同的申请。请联系登记机关。",
            "This submission key was already used for a different application.",
        )),
        422 => Attempt::Refused(refusal_text(&text)),
        429 | 500..=599 | 0 => {
            let after_ms = xhr
                .get_response_header("Retry-After")
                .ok()
                .flatten()
                .and_then(|v| v.trim().parse::<u32>().ok())
                .map(|s| s.saturating_mul(1000))
                .unwrap_or(0);
            Attempt::Retry {
                after_ms,
                reason: format!("HTTP {status}"),
            }
        }
        other => Attempt::Refused(Bi::same(format!(
            "HTTP {other}: {}",
            text.chars().take(300).collect::<String>()
        ))),
    }
}

/// What a refusal code means for the applicant.
fn problem_text(code: &str) -> Option<Bi> {
    Some(match code {
        "signers.list_mismatch" | "signers.missing" | "signers.unexpected" | "signers.duplicate" => {
            Bi::new("签名人与申请要求的不一致，请在“签名与提交”步骤重新签名。", "The signatures do not match the signers the application requires: sign again on the signing step.")
        }
        "signers.shared_key" => Bi::new("同一个签名密钥为多人签名，每位签名人须用自己的设备或密钥签名。", "One signing key signed for several people: each signer must sign with their own key."),
        "attachments.list_mismatch" | "attachment.missing" | "attachment.mismatch" | "attachment.unreferenced" => {
            Bi::new("附件与申请不一致，请在“附件材料”步骤检查后重新签名提交。", "The documents do not match the application: check the documents step, then sign and submit again.")
        }
        "entry.iat_stale" | "entry.iat_before_created" | "entry.iat_future" | "payload.created_at_future" => {
            Bi::new("签名时间不在有效期内（请检查本设备的日期和时间），请重新签名。", "A signature's time is outside the allowed window (check this device's date and time): sign again.")
        }
        "package.too_large" | "signers.too_many" => Bi::new("申请包过大，请联系登记机关。", "The package is too large: contact the registrar."),
        _ => return None,
    })
}

fn refusal_text(body: &str) -> Bi {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return Bi::same(body.chars().take(300).collect::<String>());
    };
    let mut lines: Vec<Bi> = Vec::new();
    let mut add = |line: Bi| {
        if !lines.contains(&line) {
            lines.push(line);
        }
    };
    let codes = ["problems", "entries"]
        .iter()
        .filter_map(|list| value["detail"][list].as_array())
        .flatten()
        .filter_map(|p| p["code"].as_str().map(|c| (c, p["message"].as_str())));
    for (code, message) in codes {
        match problem_text(code) {
            Some(text) => add(text),
            None => add(Bi::same(message.unwrap_or(code))),
        }
    }
    if let Some(findings) = value["detail"]["findings"].as_array() {
        for f in findings {
            if let Some(zh) = f["message_zh"].as_str() {
                add(Bi::owned(zh, f["message_en"].as_str().unwrap_or(zh)));
            }
        }
    }
    if lines.is_empty() {
        lines.push(Bi::same(value["error"].as_str().unwrap_or("refused")));
    }
    Bi::join(&lines)
}

pub async fn get_json(url: &str, bearer: Option<&str>) -> Result<serde_json::Value, String> {
    let xhr = XmlHttpRequest::new().map_err(|e| format!("{e:?}"))?;
    xhr.open_with_async("GET", url, true)
        .map_err(|e| format!("{e:?}"))?;
    if let Some(token) = bearer {
        let _ = xhr.set_request_header("Authorization", &format!("Bearer {token}"));
    }
    xhr.set_timeout(30_000);
    send(&xhr, None).await?;
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    match xhr.status().unwrap_or(0) {
        200 => serde_json::from_str(&text).map_err(|e| e.to_string()),
        status => Err(format!("HTTP {status}")),
    }
}

/// The body of a GET (an app asset such as reference data), or why it could not be had.
pub async fn get_text(url: &str) -> Result<String, String> {
    let xhr = XmlHttpRequest::new().map_err(|e| format!("{e:?}"))?;
    xhr.open_with_async("GET", url, true)
        .map_err(|e| format!("{e:?}"))?;
    xhr.set_timeout(30_000);
    send(&xhr, None).await?;
    match xhr.status().unwrap_or(0) {
        200 => Ok(xhr.response_text().ok().flatten().unwrap_or_default()),
        status => Err(format!("HTTP {status}")),
    }
}

/// The bytes of a GET, exactly as sent (a file checked against its hash: the text decoder
/// would drop a byte-order mark), or why they could not be had.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>, String> {
    let xhr = XmlHttpRequest::new().map_err(|e| format!("{e:?}"))?;
    xhr.open_with_async("GET", url, true)
        .map_err(|e| format!("{e:?}"))?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    xhr.set_timeout(30_000);
    send(&xhr, None).await?;
    match xhr.status().unwrap_or(0) {
        200 => Ok(js_sys::Uint8Array::new(&xhr.response().map_err(|e| format!("{e:?}"))?).to_vec()),
        status => Err(format!("HTTP {status}")),
    }
}

/// A JSON request (`method` with an optional bearer token and body) and the answer's status and
/// text, or why there was none (network, timeout).
pub async fn http_json(
    method: &str,
    url: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> Result<(u16, String), String> {
    let xhr = XmlHttpRequest::new().map_err(|e| format!("{e:?}"))?;
    xhr.open_with_async(method, url, true)
        .map_err(|e| format!("{e:?}"))?;
    if let Some(token) = bearer {
        let _ = xhr.set_request_header("Authorization", &format!("Bearer {token}"));
    }
    xhr.set_timeout(30_000);
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        xhr.set_onload(Some(done.unchecked_ref()));
        let failed = reject.clone();
        let error = Closure::once_into_js(move || {
            let _ = failed.call1(&JsValue::NULL, &"network".into());
        });
        xhr.set_onerror(Some(error.unchecked_ref()));
        let timeout = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"timeout".into());
        });
        xhr.set_ontimeout(Some(timeout.unchecked_ref()));
    });
    let sent = match body {
        Some(text) => {
            let _ = xhr.set_request_header("Content-Type", "application/json");
            xhr.send_with_opt_str(Some(text))
        }
        None => xhr.send(),
    };
    sent.map_err(|e| format!("{e:?}"))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| super::js_text(&e))?;
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    Ok((xhr.status().unwrap_or(0), text))
}
