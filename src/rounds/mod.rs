//! Signing rounds through the configured backend (docs/signing-rounds.md): the applicant's
//! calls (is it offered, open, follow, replace a link, void) and the signer's (read, sign,
//! decline). Tokens go in `Authorization`, never in a URL the backend sees. A failure is said in
//! both languages with what to do.

mod voids;

pub use voids::{void_later, void_pending};

use crate::submit::http_json;
use kaiban_core::package::round::{
    Offer, RoundCreated, RoundStatus, SignerLink, SignerView, PROTOCOL,
};
use kaiban_core::package::SignatureEntry;
use kaiban_core::text::Bi;
use serde::de::DeserializeOwned;
use serde_json::json;

fn base(endpoint: &str) -> String {
    format!("{}/signing-rounds", endpoint.trim_end_matches('/'))
}

/// Why a call did not succeed: the backend's refusal code (if it answered) and what to tell
/// the person.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub code: String,
    pub text: Bi,
}

impl Failure {
    fn network(why: &str) -> Failure {
        leptos::logging::warn!("kaiban: signing round call failed: {why}");
        Failure {
            code: "network".into(),
            text: Bi::new(
                "无法连接登记机关的服务器。请检查网络连接后重试。",
                "The registration authority's server cannot be reached. Check the connection and try again.",
            ),
        }
    }

    fn refused(status: u16, body: &str) -> Failure {
        let value: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        let code = value["error"].as_str().unwrap_or("").to_string();
        let detail = value["detail"]["problems"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let text = match code.as_str() {
            "round_void" => Bi::new(
                "申请人在发出此链接后修改了申请，此链接已失效。申请人会发送新的签名链接。",
                "The applicant changed the application after this link was sent, so it no longer works. A new link will come.",
            ),
            "round_expired" => Bi::new(
                "签名期限已过。请联系申请人重新发送签名链接。",
                "The time to sign has passed. Ask the applicant to send a new link.",
            ),
            "link_revoked" => Bi::new(
                "此链接已被新的链接取代。请使用您最新收到的链接。",
                "This link has been replaced by a new one. Use the newest link you received.",
            ),
            "not_found" => Bi::new(
                "链接无效或不完整。请核对链接，或联系申请人。",
                "This link is not valid or not complete. Check it, or ask the applicant.",
            ),
            "already_signed" => Bi::new("您已经签过名了。", "You have already signed."),
            "declined" => Bi::new(
                "您已拒绝签署；如需签署，请申请人重新发送链接。",
                "You declined to sign; if you want to sign, ask the applicant for a new link.",
            ),
            "round_closed" => Bi::new(
                "本轮签名已结束，无法更换链接。",
                "This signing round is closed: its links can no longer be replaced.",
            ),
            "signature_invalid" => Bi::owned(
                format!("签名未被接受（{detail}）。请检查本设备的日期和时间后重试。"),
                format!("The signature was not accepted ({detail}). Check this device's date and time, then try again."),
            ),
            "busy" | "storage_failed" | "internal_error" => Bi::new(
                "服务器正忙，请稍后重试。",
                "The server is busy: try again in a moment.",
            ),
            _ => Bi::owned(
                format!("服务器拒绝了请求（{status} {code}）。"),
                format!("The server refused the request ({status} {code})."),
            ),
        };
        Failure { code, text }
    }
}

async fn call<T: DeserializeOwned>(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<String>,
) -> Result<T, Failure> {
    let (status, text) = http_json(method, url, token, body.as_deref())
        .await
        .map_err(|why| Failure::network(&why))?;
    if !(200..300).contains(&status) {
        return Err(Failure::refused(status, &text));
    }
    serde_json::from_str(&text).map_err(|e| Failure::network(&e.to_string()))
}

/// Whether the backend offers rounds (feature detection: anything else means files only).
pub async fn offered(endpoint: &str) -> bool {
    call::<Offer>("GET", &base(endpoint), None, None)
        .await
        .is_ok_and(|offer| offer.protocol == PROTOCOL)
}

pub async fn open(endpoint: &str, payload: &str) -> Result<RoundCreated, Failure> {
    let body = json!({ "payload": payload }).to_string();
    call("POST", &base(endpoint), None, Some(body)).await
}

pub async fn status(endpoint: &str, round_id: &str, token: &str) -> Result<RoundStatus, Failure> {
    let url = format!("{}/{round_id}", base(endpoint));
    call("GET", &url, Some(token), None).await
}

pub async fn void(endpoint: &str, round_id: &str, token: &str) -> Result<RoundStatus, Failure> {
    let url = format!("{}/{round_id}", base(endpoint));
    call("DELETE", &url, Some(token), None).await
}

pub async fn replace_link(
    endpoint: &str,
    round_id: &str,
    token: &str,
    person_id: &str,
) -> Result<SignerLink, Failure> {
    let person = js_sys::encode_uri_component(person_id);
    let url = format!("{}/{round_id}/signers/{person}/link", base(endpoint));
    call("POST", &url, Some(token), None).await
}

pub async fn signer_view(endpoint: &str, token: &str) -> Result<SignerView, Failure> {
    call(
        "GET",
        &format!("{}/signer", base(endpoint)),
        Some(token),
        None,
    )
    .await
}

pub async fn sign(endpoint: &str, token: &str, entry: &SignatureEntry) -> Result<(), Failure> {
    let body = json!({ "entry": entry }).to_string();
    let url = format!("{}/signer/signature", base(endpoint));
    call::<serde_json::Value>("POST", &url, Some(token), Some(body))
        .await
        .map(|_| ())
}

pub async fn decline(endpoint: &str, token: &str, reason: &str) -> Result<(), Failure> {
    let body = json!({ "reason": reason }).to_string();
    let url = format!("{}/signer/decline", base(endpoint));
    call::<serde_json::Value>("POST", &url, Some(token), Some(body))
        .await
        .map(|_| ())
}

/// The link a signer opens: the standalone app (not a portal's page the app may be mounted in)
/// with their token after `#`, which never reaches a server.
pub fn signer_link(token: &str) -> String {
    format!("{}#/sign?token={token}", crate::reference::app_base())
}
