//! A generated document: the Chinese legal text clause by clause, each clause with its
//! English reading aid, the template it came from and the people who sign it. Its canonical
//! bytes (and so its hash) depend on nothing but the application and the template version.

use super::DocumentKind;
use crate::rules::Indexed;
use crate::text::Bi;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// `articles`, `acceptance:<person id>` (`DocumentNeed::id`).
    pub id: String,
    pub kind: DocumentKind,
    /// Which template made it, e.g. `llc-articles`, and its version: a change of wording
    /// bumps the version, so a hash never silently means another text.
    pub template: &'static str,
    pub version: u32,
    pub title: Bi,
    /// A lead paragraph before the clauses (全体股东一致同意，作出如下决议：).
    pub preamble: Option<Bi>,
    pub numbering: Numbering,
    pub chapters: Vec<Chapter>,
    pub signatures: Vec<SignatureLine>,
}

/// How clauses are numbered; numbers run on through the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// 第一条 …, as articles and agreements number their clauses.
    Articles,
    /// 一、二、…, as resolutions number what they resolve.
    Items,
    /// Plain paragraphs (a declaration).
    Paragraphs,
}

/// 第一章 总则 …: an optional heading and its clauses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chapter {
    pub heading: Option<Bi>,
    pub clauses: Vec<Bi>,
}

/// A line of the signature block: who signs, and in which capacity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureLine {
    pub person_id: String,
    pub name: String,
    pub capacity: Bi,
    /// An organisation seals (盖章) where a person signs (签名).
    pub seals: bool,
}

impl Document {
    /// The bytes a signature covers: the document as JSON, fields in declaration order
    /// (serde's), so the same application gives the same bytes here and in the browser.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a document is plain data")
    }

    pub fn sha256(&self) -> String {
        crate::package::sha256_hex(&self.canonical_bytes())
    }

    /// The Chinese text as read: title, chapters with their numbered clauses, signatures.
    pub fn chinese_text(&self) -> String {
        let mut text = format!("{}\n", self.title.zh);
        if let Some(preamble) = &self.preamble {
            text.push_str(&format!("\n{}\n", preamble.zh));
        }
        let mut number = 0;
        for chapter in &self.chapters {
            if let Some(heading) = &chapter.heading {
                text.push_str(&format!("\n{}\n", heading.zh));
            }
            for clause in &chapter.clauses {
                number += 1;
                text.push_str(&format!("{}{}\n", self.numbering.label(number), clause.zh));
            }
        }
        for line in &self.signatures {
            let mark = if line.seals { "盖章" } else { "签名" };
            text.push_str(&format!("\n{}：{}（{mark}）", line.capacity.zh, line.name));
        }
        text
    }
}

impl Document {
    /// Articles or an agreement: the filing's document `id`, its clauses numbered 第一条 ….
    pub(super) fn founding(
        (kind, template, version): (DocumentKind, &'static str, u32),
        title: Bi,
        chapters: Vec<Chapter>,
        signatures: Vec<SignatureLine>,
    ) -> Document {
        let id = match kind {
            DocumentKind::PartnershipAgreement => "partnership_agreement",
            _ => "articles",
        };
        Document {
            id: id.into(),
            kind,
            template,
            version,
            title,
            preamble: None,
            numbering: Numbering::Articles,
            chapters,
            signatures,
        }
    }
}

/// "贵阳云栈科技有限公司章程", "Articles of association of …".
pub(super) fn articles_title(name: &str) -> Bi {
    Bi::owned(
        format!("{name}章程"),
        format!("Articles of association of {name}"),
    )
}

/// A clause: its Chinese text and English reading aid.
pub(super) fn clause(zh: impl Into<String>, en: impl Into<String>) -> Bi {
    Bi::owned(zh, en)
}

/// A chapter with a heading (第一章 总则).
pub(super) fn chapter(zh: &'static str, en: &'static str, clauses: Vec<Bi>) -> Chapter {
    Chapter {
        heading: Some(Bi::new(zh, en)),
        clauses,
    }
}

/// Who signs: every person or organisation `ids` names that is on the application.
pub(super) fn signature_lines(
    app: &Indexed,
    ids: impl IntoIterator<Item = impl AsRef<str>>,
    capacity: Bi,
) -> Vec<SignatureLine> {
    ids.into_iter()
        .filter_map(|id| app.person(id.as_ref()))
        .map(|p| SignatureLine {
            person_id: p.id.clone(),
            name: p.name.clone(),
            capacity: capacity.clone(),
            seals: p.is_organisation(),
        })
        .collect()
}

impl Numbering {
    /// What stands before clause `number`: "第三条 ", "三、" or nothing.
    pub fn label(self, number: u32) -> String {
        match self {
            Numbering::Articles => format!("第{}条 ", chinese_number(number)),
            Numbering::Items => format!("{}、", chinese_number(number)),
            Numbering::Paragraphs => String::new(),
        }
    }
}

/// 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: how articles are numbered.
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS[d as usize];
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { digit(n % 10) }),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            };
            format!("{}十{ones}", digit(n / 10))
        }
        _ => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", digit(rest)),
                10..=19 => format!("一{}", chinese_number(rest)),
                _ => chinese_number(rest),
            };
            format!("{}百{tail}", chinese_number(n / 100))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_numbered_the_chinese_way() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (35, "三十五"),
        ];
        for (n, zh) in
            cases
                .into_iter()
                .chain([(100, "一百"), (105, "一百零五"), (112, "一百一十二")])
        {
            assert_eq!(chinese_number(n), zh, "{n}");
        }
    }
}
