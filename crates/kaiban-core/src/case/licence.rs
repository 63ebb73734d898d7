//! Approval issues a licence: a unified social credit code (统一社会信用代码, GB 32100) allocated
//! for the enterprise, and an e-licence of the registered items (条例 Art 8; domain.md §3.2)
//! signed by the registration authority's key as a compact ES256 JWS, which anyone can verify
//! against the authority's published key.

use crate::ids::credit_code::{check_character, CHARSET};
use crate::ids::CreditCode;
use crate::model::{Application, EntityType};
use crate::rules::Indexed;
use serde::{Deserialize, Serialize};

/// `typ` of an e-licence JWS.
pub const LICENCE_TYP: &str = "application/vnd.kaiban.licence+jws";

/// The credit code of the `serial`th enterprise registered by market regulation (9) in
/// `division`: category 1 (enterprise) or 2 (individual business), an organisation code
/// `MA` + six characters + its GB 11714 check character, then the GB 32100 check character.
pub fn allocate_credit_code(individual_business: bool, division: &str, serial: u64) -> CreditCode {
    let mut body = String::from("MA");
    let mut rest = serial;
    let mut digits = Vec::new();
    for _ in 0..6 {
        digits.push(CHARSET.as_bytes()[(rest % 31) as usize] as char);
        rest /= 31;
    }
    body.extend(digits.into_iter().rev());
    let org_check = org_check_character(&body);
    let category = if individual_business { '2' } else { '1' };
    let first17 = format!("9{category}{division}{body}{org_check}");
    let code = format!("{first17}{}", check_character(&first17));
    code.parse()
        .expect("an allocated code is valid by construction")
}

/// GB 11714-1997's check character of an eight-character organisation code body.
fn org_check_character(body: &str) -> char {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(36).expect("alphanumeric") * w)
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).expect("a digit"),
    }
}

/// The e-licence: what the registration makes public, as issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Licence {
    pub credit_code: String,
    pub name: String,
    /// 主体类型, in both languages.
    pub entity_type: String,
    pub entity_type_en: String,
    /// 住所 / 主要经营场所 / 经营场所.
    pub domicile: String,
    /// 法定代表人, 执行事务合伙人, 投资人 or 经营者, with what it is called.
    pub representative_title: String,
    pub representative: String,
    /// 注册资本 / 出资额 in 万元, where the entity has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<String>,
    /// 成立日期 (the day of approval).
    pub established: crate::date::Date,
    /// 营业期限.
    pub term: String,
    pub scope: String,
    /// The registration authority that issued it.
    pub authority: String,
    pub issued_at: String,
    /// The case it was issued on.
    pub receipt_id: String,
}

/// The licence `app` gets on approval.
pub fn licence(
    app: &Application,
    credit_code: &CreditCode,
    established: crate::date::Date,
    authority: &str,
    issued_at: String,
    receipt_id: String,
) -> Licence {
    let indexed = Indexed::new(app);
    let entity = app.entity_type.unwrap_or(EntityType::Llc);
    let representative_id = if entity.is_company() {
        app.officers.legal_representative_id.clone()
    } else if entity.is_partnership() {
        app.executing_partners.first().map(|p| p.partner_id.clone())
    } else {
        app.investors.first().map(|i| i.person_id.clone())
    };
    let title = if entity.is_company() {
        "法定代表人"
    } else if entity.is_partnership() {
        "执行事务合伙人"
    } else if entity == EntityType::SoleProprietorship {
        "投资人"
    } else {
        "经营者"
    };
    let kind = entity.label();
    Licence {
        credit_code: credit_code.to_string(),
        name: app.name.full.clone(),
        entity_type: kind.zh.to_string(),
        entity_type_en: kind.en.to_string(),
        domicile: crate::documents::address_zh(&indexed),
        representative_title: title.into(),
        representative: representative_id
            .and_then(|id| app.person(&id).map(|p| p.name.clone()))
            .unwrap_or_default(),
        capital: (entity != EntityType::IndividualBusiness).then(|| {
            format!(
                "{}万元",
                crate::money::format_wan(app.capital.registered_fen.unwrap_or(0))
            )
        }),
        established,
        term: crate::documents::term_zh(&indexed),
        scope: crate::catalog::licence_text(&app.business_scope.items),
        authority: authority.into(),
        issued_at,
        receipt_id,
    }
}

/// The licence signed by `key`: a compact JWS whose payload is the licence's RFC 8785 JSON.
pub fn sign(licence: &Licence, key: &p256::ecdsa::SigningKey) -> String {
    use p256::ecdsa::signature::Signer;
    let jwk = crate::package::Jwk::from_verifying_key(key.verifying_key());
    let header = serde_json::json!({
        "alg": crate::package::ALG,
        "typ": LICENCE_TYP,
        "kid": crate::package::thumbprint(&jwk),
    });
    let protected = crate::package::b64(&serde_json_canonicalizer::to_vec(&header).expect("json"));
    let payload = crate::package::b64(&serde_json_canonicalizer::to_vec(licence).expect("json"));
    let signature: p256::ecdsa::Signature = key.sign(format!("{protected}.{payload}").as_bytes());
    format!(
        "{protected}.{payload}.{}",
        crate::package::b64(&signature.to_bytes())
    )
}

/// The licence a compact JWS carries, and its header's key id, without checking the signature
/// (the app checks it with WebCrypto, a backend with `verify`). None unless the header says an
/// ES256 licence: another kind of JWS signed by some key is not read as one.
pub fn read(jws: &str) -> Option<(String, Licence)> {
    let mut parts = jws.split('.');
    let (header, payload) = (parts.next()?, parts.next()?);
    let header: serde_json::Value = serde_json::from_slice(&crate::package::unb64(header)?).ok()?;
    if header["alg"] != crate::package::ALG || header["typ"] != LICENCE_TYP {
        return None;
    }
    let licence = serde_json::from_slice(&crate::package::unb64(payload)?).ok()?;
    Some((header["kid"].as_str()?.to_string(), licence))
}

/// Whether `jws` is a licence signed by `jwk`.
pub fn verify(jws: &str, jwk: &crate::package::Jwk) -> Option<Licence> {
    use p256::ecdsa::signature::Verifier;
    let (signing_input, signature) = jws.rsplit_once('.')?;
    let header: serde_json::Value =
        serde_json::from_slice(&crate::package::unb64(signing_input.split('.').next()?)?).ok()?;
    if header["alg"] != crate::package::ALG || header["typ"] != LICENCE_TYP {
        return None;
    }
    let key = jwk.verifying_key().ok()?;
    let signature = p256::ecdsa::Signature::from_slice(&crate::package::unb64(signature)?).ok()?;
    key.verify(signing_input.as_bytes(), &signature).ok()?;
    read(jws).map(|(_, licence)| licence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    /// Allocated codes parse with the project's validator: GB 32100's check character, and
    /// the organisation code inside with GB 11714's.
    #[test]
    fn allocated_credit_codes_are_valid() {
        for serial in [0, 1, 30, 31, 961, 887_503_680, 123_456_789] {
            for individual in [false, true] {
                let code = allocate_credit_code(individual, "520115", serial);
                let parsed: CreditCode = code.as_str().parse().unwrap();
                assert!(parsed.embedded_org_code().is_ok(), "{code}");
                assert_eq!(parsed.authority_division(), "520115");
                assert!(code
                    .as_str()
                    .starts_with(if individual { "92" } else { "91" }));
            }
        }
        assert_ne!(
            allocate_credit_code(false, "520115", 1),
            allocate_credit_code(false, "520115", 2)
        );
    }

    #[test]
    fn the_licence_states_the_registered_items_and_its_signature_verifies() {
        let app = example("llc");
        let code = allocate_credit_code(false, &app.domicile.division_code, 7);
        let licence = licence(
            &app,
            &code,
            "2026-12-03".parse().unwrap(),
            "贵阳市市场监督管理局",
            "2026-12-03T08:00:00Z".into(),
            "KB-AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA".into(),
        );
        assert_eq!(licence.name, "贵阳云栈科技有限公司");
        assert_eq!(licence.representative, "张伟");
        assert_eq!(licence.capital.as_deref(), Some("100万元"));
        assert!(licence.domicile.starts_with("贵州省贵阳市观山湖区"));
        let key = p256::ecdsa::SigningKey::from_bytes(&[5; 32].into()).unwrap();
        let jws = sign(&licence, &key);
        let jwk = crate::package::Jwk::from_verifying_key(key.verifying_key());
        assert_eq!(verify(&jws, &jwk), Some(licence.clone()));
        let other = p256::ecdsa::SigningKey::from_bytes(&[6; 32].into()).unwrap();
        let forged = sign(&licence, &other);
        assert_eq!(
            verify(&forged, &jwk),
            None,
            "another key's licence is not the authority's"
        );
        let (kid, read_back) = read(&jws).unwrap();
        assert_eq!(
            (kid, read_back),
            (crate::package::thumbprint(&jwk), licence)
        );
    }
}
