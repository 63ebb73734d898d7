//! A document as a standalone HTML page a registrar can read and print on A4: the Chinese
//! text, each clause followed by its English reading aid (marked as a translation), and the
//! signature block with a line per signer.

use super::document::Document;

/// `text` safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
@page { size: A4; margin: 20mm 18mm; }
body { font-family: 'Noto Serif CJK SC', 'Songti SC', serif; line-height: 1.7; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { text-align: center; font-size: 1.6rem; margin-bottom: 0.25rem; }
.kb-doc-meta { text-align: center; color: #555; font-size: 0.8rem; }
.kb-doc-notice { border: 1px solid #999; padding: 0.5rem 0.75rem; font-size: 0.85rem; }
h2 { font-size: 1.15rem; margin-top: 1.5rem; break-after: avoid; }
.kb-clause { break-inside: avoid; margin: 0.5rem 0; }
.kb-aid { color: #444; font-family: sans-serif; font-size: 0.85rem; margin: 0.1rem 0 0 1.5rem; }
.kb-signatures { margin-top: 2rem; width: 100%; border-collapse: collapse; break-inside: avoid; }
.kb-signatures th, .kb-signatures td { border: 1px solid #333; padding: 0.6rem; text-align: left; }
.kb-signatures td.kb-sign { width: 35%; }
@media print { body { margin: 0; max-width: none; } }
";

impl Document {
    /// The document as a standalone page.
    pub fn to_html(&self) -> String {
        format!(
            "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            escape(&self.title.zh),
            self.body_html(1)
        )
    }

    /// The document's title, text and signature block, to put inside a page whose headings
    /// stop above `level`: the title is an `h{level}`, the chapters one level below.
    pub fn body_html(&self, level: u8) -> String {
        let (title, chapter) = (level.clamp(1, 5), level.clamp(1, 5) + 1);
        let mut html = format!(
            "<h{title}>{}</h{title}>\n<p class=\"kb-doc-meta\" lang=\"en\">{} · template {} v{} · SHA-256 {}</p>\n",
            escape(&self.title.zh),
            escape(&self.title.en),
            escape(self.template),
            self.version,
            self.sha256()
        );
        html.push_str("<p class=\"kb-doc-notice\">本文件以中文文本为准；英文为阅读辅助译文。<span lang=\"en\"> The Chinese text is authoritative; the English is a reading aid (translation).</span></p>\n");
        if let Some(preamble) = &self.preamble {
            html.push_str(&clause_html("", &preamble.zh, &preamble.en));
        }
        let mut number = 0;
        for part in &self.chapters {
            if let Some(heading) = &part.heading {
                html.push_str(&format!(
                    "<h{chapter}>{} <span class=\"kb-aid\" lang=\"en\">{}</span></h{chapter}>\n",
                    escape(&heading.zh),
                    escape(&heading.en)
                ));
            }
            for clause in &part.clauses {
                number += 1;
                html.push_str(&clause_html(
                    &self.numbering.label(number),
                    &clause.zh,
                    &clause.en,
                ));
            }
        }
        html.push_str("<table class=\"kb-signatures\">\n<caption>签名 <span lang=\"en\">Signatures</span></caption>\n<thead><tr><th scope=\"col\">身份 <span lang=\"en\">Capacity</span></th><th scope=\"col\">姓名或名称 <span lang=\"en\">Name</span></th><th scope=\"col\">签名或盖章 <span lang=\"en\">Signature or seal</span></th><th scope=\"col\">日期 <span lang=\"en\">Date</span></th></tr></thead>\n<tbody>\n");
        for line in &self.signatures {
            let mark = if line.seals {
                "（盖章）"
            } else {
                "（签名）"
            };
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"kb-sign\">{mark}</td><td></td></tr>\n",
                escape(&line.capacity.zh),
                escape(&line.name)
            ));
        }
        html.push_str("</tbody>\n</table>\n");
        html
    }
}

fn clause_html(label: &str, zh: &str, en: &str) -> String {
    format!(
        "<div class=\"kb-clause\"><p>{}{}</p><p class=\"kb-aid\" lang=\"en\">{}</p></div>\n",
        escape(label),
        escape(zh),
        escape(en)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    #[test]
    fn applicant_text_is_escaped_and_the_page_carries_the_text_and_every_signer() {
        let mut app = example("llc");
        app.domicile.detail = "长岭北路<script>alert(1)</script>1号".into();
        let doc = crate::documents::articles(&app).unwrap();
        let html = doc.to_html();
        assert!(
            !html.contains("<script>"),
            "applicant text reached the page as markup"
        );
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("第一条 ") && html.contains(&doc.sha256()));
        for line in &doc.signatures {
            assert!(
                html.contains(&format!("<td>{}</td>", escape(&line.name))),
                "{}",
                line.name
            );
        }
        assert!(html.contains("lang=\"en\"") && html.contains("reading aid"));
    }
}
