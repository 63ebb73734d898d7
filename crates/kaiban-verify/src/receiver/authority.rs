//! The registration authority's signing key, which signs the e-licences this receiver issues.
//! Made from the operating system's CSPRNG the first time the receiver starts with a data
//! folder, kept in it (`.authority-key`, readable by the receiver's user only) and published as a
//! JWK set, so anyone can check a licence (docs/case-lifecycle.md).

use kaiban_core::package::{thumbprint, Jwk};
use p256::ecdsa::SigningKey;
use std::path::Path;

pub struct Authority {
    key: SigningKey,
    pub jwk: Jwk,
    pub kid: String,
}

impl Authority {
    /// The key kept in `data`, made if there is none.
    pub fn load_or_create(data: &Path) -> std::io::Result<Authority> {
        let file = data.join(".authority-key");
        let secret = match std::fs::read_to_string(&file) {
            Ok(hex) => decode(hex.trim()).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} is not a key", file.display()),
                )
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; 32];
                loop {
                    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
                    if SigningKey::from_slice(&bytes).is_ok() {
                        break;
                    }
                }
                write_private(&file, &super::hex(&bytes))?;
                bytes.to_vec()
            }
            Err(e) => return Err(e),
        };
        let key = SigningKey::from_slice(&secret)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not a P-256 key"))?;
        let jwk = Jwk::from_verifying_key(key.verifying_key());
        let kid = thumbprint(&jwk);
        let authority = Authority { key, jwk, kid };
        // The public half beside it, for whoever reads the folder (the docs' recipe test).
        std::fs::write(
            data.join(".licence-keys.json"),
            serde_json::to_vec_pretty(&authority.key_set())?,
        )?;
        Ok(authority)
    }

    pub fn key(&self) -> &SigningKey {
        &self.key
    }

    /// The JWK set published at `/.well-known/kaiban-licence-keys` and `{endpoint}/licence-keys`.
    pub fn key_set(&self) -> serde_json::Value {
        serde_json::json!({ "keys": [{
            "kty": self.jwk.kty, "crv": self.jwk.crv, "x": self.jwk.x, "y": self.jwk.y,
            "kid": self.kid, "alg": "ES256", "use": "sig",
        }] })
    }
}

fn decode(hex: &str) -> Option<Vec<u8>> {
    (hex.len() == 64)
        .then(|| {
            (0..32)
                .map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok())
                .collect()
        })
        .flatten()
}

#[cfg(unix)]
fn write_private(file: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)?;
    out.write_all(text.as_bytes())?;
    out.sync_all()
}

#[cfg(not(unix))]
fn write_private(file: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(file, text)
}
