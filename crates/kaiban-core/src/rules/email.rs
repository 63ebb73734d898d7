//! A small e-mail syntax check. validator's `email` rule pulls in regex and Unicode tables
//! (~250 KB brotli in the wasm bundle), which this avoids.

use std::borrow::Cow;
use validator::ValidationError;

pub fn is_plausible_email(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 254 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && domain.contains('.')
        && labels_ok
}

/// For `#[validate(custom)]`: empty is allowed (required-ness is a rule of its own).
pub fn validate_email(text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() || is_plausible_email(text) {
        Ok(())
    } else {
        Err(ValidationError::new("person.email").with_message(Cow::Borrowed("email")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_rejects_broken_ones() {
        for ok in ["a@b.cn", "zhang.san+reg@mail.example.com", "li@例子.中国"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "", "a@b", "@b.cn", "a b@c.cn", "a@@b.cn", "a@-b.cn", "a@b..cn", "a@b.cn.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
