//! Receipt ids and status tokens: 128 bits from the operating system's CSPRNG each, in
//! Crockford base32 (no I, L, O, U: easy to read out and type). The receipt id names a case;
//! only the token, given to the submitter alone, lets anyone read its status.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_128() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes
}

/// 26 base32 characters for 16 bytes (the last carries 3 bits).
fn base32(bytes: &[u8; 16]) -> String {
    let mut value = u128::from_be_bytes(*bytes);
    let mut out = [0u8; 26];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(value & 31) as usize];
        value >>= 5;
    }
    String::from_utf8(out.to_vec()).expect("ascii")
}

/// `KB-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`.
pub fn new_receipt_id() -> String {
    let text = base32(&random_128());
    format!(
        "KB-{}-{}-{}-{}-{}",
        &text[0..5],
        &text[5..10],
        &text[10..15],
        &text[15..20],
        &text[20..26]
    )
}

pub fn new_status_token() -> String {
    base32(&random_128())
}

/// Whether `text` has the shape of a receipt id (checked before it names a folder).
pub fn is_receipt_id(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 6
        && groups[0] == "KB"
        && groups[1..].iter().enumerate().all(|(i, g)| {
            g.len() == if i == 4 { 6 } else { 5 } && g.bytes().all(|b| ALPHABET.contains(&b))
        })
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_random_well_formed_and_distinct() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_receipt_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| is_receipt_id(id) && id.len() == 33));
        assert!(!is_receipt_id("KB20261201-1A2B3C4D"));
        assert!(!is_receipt_id("KB-../..-AAAAA-AAAAA-AAAAA-AAAAAA"));
        assert_eq!(new_status_token().len(), 26);
        assert!(
            same_secret("ABC", "ABC") && !same_secret("ABC", "ABD") && !same_secret("AB", "ABC")
        );
    }
}
