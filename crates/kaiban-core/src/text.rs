//! Text in both of the service's languages. Everything kaiban-core says to a person (enum
//! labels, parse errors, refusals) is one `Bi`, so a caller picks a language and never glues
//! the two together.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bi {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Bi {
    pub const fn new(zh: &'static str, en: &'static str) -> Bi {
        Bi {
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }
    }

    pub fn owned(zh: impl Into<String>, en: impl Into<String>) -> Bi {
        Bi {
            zh: Cow::Owned(zh.into()),
            en: Cow::Owned(en.into()),
        }
    }

    /// Text that reads the same in both (a status code, a receiver's own words).
    pub fn same(text: impl Into<String>) -> Bi {
        let text = text.into();
        Bi::owned(text.clone(), text)
    }

    pub fn pick(&self, chinese: bool) -> &str {
        if chinese {
            &self.zh
        } else {
            &self.en
        }
    }

    /// The text in one language, kept (for a `Bi` made just to be read once).
    pub fn into_text(self, chinese: bool) -> Cow<'static, str> {
        if chinese {
            self.zh
        } else {
            self.en
        }
    }

    /// Several texts as one: "；" between them in Chinese, "; " in English.
    pub fn join(parts: &[Bi]) -> Bi {
        let zh: Vec<&str> = parts.iter().map(|p| p.zh.as_ref()).collect();
        let en: Vec<&str> = parts.iter().map(|p| p.en.as_ref()).collect();
        Bi::owned(zh.join("；"), en.join("; "))
    }

    /// Reads a `Bi`, or a plain string stored before texts were kept in both languages.
    /// (A visitor of its own: serde's untagged enums cost the browser build kilobytes.)
    pub fn deserialize_or_plain<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Bi, D::Error> {
        struct BiOrPlain;
        impl<'de> serde::de::Visitor<'de> for BiOrPlain {
            type Value = Bi;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or {zh, en}")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Bi, E> {
                Ok(Bi::same(text))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Bi, M::Error> {
                let (mut zh, mut en) = (String::new(), String::new());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "zh" => zh = map.next_value()?,
                        "en" => en = map.next_value()?,
                        _ => map.next_value::<serde::de::IgnoredAny>().map(|_| ())?,
                    }
                }
                Ok(Bi::owned(zh, en))
            }
        }
        d.deserialize_any(BiOrPlain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_string_reads_as_the_same_text_in_both() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(deserialize_with = "Bi::deserialize_or_plain")]
            reason: Bi,
        }
        let old: Holder = serde_json::from_str(r#"{"reason":"HTTP 418"}"#).unwrap();
        assert_eq!(old.reason, Bi::same("HTTP 418"));
        let new: Holder = serde_json::from_str(r#"{"reason":{"zh":"甲","en":"A"}}"#).unwrap();
        assert_eq!(new.reason.pick(true), "甲");
        assert_eq!(
            Bi::join(&[Bi::new("甲", "A"), Bi::new("乙", "B")]),
            Bi::new("甲；乙", "A; B")
        );
    }
}
