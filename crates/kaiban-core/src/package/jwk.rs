use serde::{Deserialize, Serialize};

/// A public P-256 key as a JWK (RFC 7518 §6.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
}

impl Jwk {
    pub fn from_verifying_key(key: &p256::ecdsa::VerifyingKey) -> Jwk {
        let point = key.to_encoded_point(false);
        Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: super::b64(point.x().expect("uncompressed point")),
            y: super::b64(point.y().expect("uncompressed point")),
        }
    }

    pub fn verifying_key(&self) -> Result<p256::ecdsa::VerifyingKey, String> {
        if self.kty != "EC" || self.crv != "P-256" {
            return Err(format!(
                "key type {}/{} is not EC/P-256",
                self.kty, self.crv
            ));
        }
        let x = super::unb64(&self.x)
            .filter(|x| x.len() == 32)
            .ok_or("jwk.x is not 32 bytes of base64url")?;
        let y = super::unb64(&self.y)
            .filter(|y| y.len() == 32)
            .ok_or("jwk.y is not 32 bytes of base64url")?;
        let point = p256::EncodedPoint::from_affine_coordinates(
            x.as_slice().into(),
            y.as_slice().into(),
            false,
        );
        p256::ecdsa::VerifyingKey::from_encoded_point(&point)
            .map_err(|_| "jwk is not a point on P-256".to_string())
    }
}

/// RFC 7638 JWK SHA-256 thumbprint, base64url: the `kid` of every entry.
pub fn thumbprint(jwk: &Jwk) -> String {
    use sha2::{Digest, Sha256};
    let members = format!(
        r#"{{"crv":"{}","kty":"{}","x":"{}","y":"{}"}}"#,
        jwk.crv, jwk.kty, jwk.x, jwk.y
    );
    super::b64(&Sha256::digest(members.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7638_shape_for_ec_keys() {
        // Example key from RFC 7517 Appendix A.1 (P-256); thumbprint computed with jose.
        let jwk = Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4".into(),
            y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM".into(),
        };
        assert_eq!(
            thumbprint(&jwk),
            "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s"
        );
        assert!(jwk.verifying_key().is_ok());
        let mut bad = jwk.clone();
        bad.y = bad.x.clone();
        assert!(bad.verifying_key().is_err());
    }
}
