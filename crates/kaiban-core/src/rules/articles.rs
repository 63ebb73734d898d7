//! The articles options (R-ART-1 to R-ART-4): what the law allows the articles to say, and the
//! applicant's own articles, which must be uploaded and are reviewed by hand.

use super::{Finding, Indexed};
use crate::model::{Asked, AttachmentPurpose};
use crate::path;

/// Longest notice of a shareholders' meeting the wizard accepts: longer ones are typing slips.
const MAX_NOTICE_DAYS: u32 = 60;

pub(super) fn check(app: &Indexed, out: &mut Vec<Finding>) {
    let asked = Asked::of(app);
    let options = &app.articles;
    if !asked.any {
        return;
    }
    if options.own_articles {
        own_articles(app, out);
        return;
    }
    if asked.company {
        match options.director_term_years {
            None => out.push(Finding::error(
                "articles.director_term_required",
                path::ARTICLES_DIRECTOR_TERM,
                "请填写董事每届任期（年）",
                "Enter how many years a director's term lasts",
            )),
            Some(years) if !(1..=3).contains(&years) => out.push(Finding::error(
                "articles.director_term_range",
                path::ARTICLES_DIRECTOR_TERM,
                "董事任期每届不得超过三年，请填写1至3年（《公司法》第七十条）",
                "A director's term may not exceed three years: enter 1 to 3 (Company Law Art 70)",
            )),
            Some(_) => {}
        }
    }
    if asked.meeting {
        match options.notice_days {
            None => out.push(Finding::error(
                "articles.notice_days_required",
                path::ARTICLES_NOTICE_DAYS,
                "请填写召开股东会会议提前通知的天数",
                "Enter how many days' notice a shareholders' meeting needs",
            )),
            Some(days) if !(1..=MAX_NOTICE_DAYS).contains(&days) => out.push(Finding::error(
                "articles.notice_days_range",
                path::ARTICLES_NOTICE_DAYS,
                format!("通知期限请填写1至{MAX_NOTICE_DAYS}日"),
                format!("Enter a notice period of 1 to {MAX_NOTICE_DAYS} days"),
            )),
            Some(days) if days < 15 => out.push(Finding::warning(
                "articles.notice_days_short",
                path::ARTICLES_NOTICE_DAYS,
                format!("《公司法》第六十四条默认提前十五日通知；章程将写明提前{days}日，须全体股东签署同意"),
                format!("Company Law Art 64's default is fifteen days; the articles will say {days}, which every shareholder signs"),
            )),
            Some(_) => {}
        }
    }
}

fn own_articles(app: &Indexed, out: &mut Vec<Finding>) {
    let uploaded = app
        .attachments
        .iter()
        .any(|a| a.purpose == AttachmentPurpose::Articles);
    if !uploaded {
        out.push(Finding::error(
            "articles.file_required",
            path::ARTICLES_FILE,
            "选择使用自备章程（协议）的，请在“附件材料”步骤上传，或改用系统生成的章程",
            "You chose your own articles (agreement): upload them on the Documents step, or use the generated ones",
        ));
    }
    out.push(Finding::warning(
        "articles.manual_review",
        path::ARTICLES_OWN,
        "自备章程（协议）由登记机关人工审查，办理时间可能较长",
        "Your own articles (agreement) are reviewed by hand at the registry, which may take longer",
    ));
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, AttachmentPurpose};
    use crate::rules::testing::*;

    #[test]
    fn the_examples_pass_on_the_model_defaults() {
        for kind in [
            "llc",
            "one_person_llc",
            "joint_stock",
            "general_partnership",
            "limited_partnership",
        ] {
            let all = findings(&example(kind));
            assert!(
                all.iter().all(|f| !f.code.starts_with("articles.")),
                "{kind}: {all:?}"
            );
        }
    }

    #[test]
    fn a_directors_term_is_one_to_three_years() {
        let mut app = example("llc");
        app.articles.director_term_years = Some(4);
        assert!(find(&app, "articles.director_term_range")
            .message_zh
            .contains("第七十条"));
        app.articles.director_term_years = None;
        find(&app, "articles.director_term_required");
        app.articles.director_term_years = Some(2);
        assert!(findings(&app)
            .iter()
            .all(|f| !f.code.starts_with("articles.")));
    }

    #[test]
    fn notice_is_asked_of_a_company_with_several_shareholders_only() {
        let mut app = example("llc");
        app.articles.notice_days = Some(0);
        find(&app, "articles.notice_days_range");
        app.articles.notice_days = Some(10);
        assert!(!find(&app, "articles.notice_days_short").is_error());
        let mut one = example("one_person_llc");
        one.articles.notice_days = None;
        assert!(findings(&one)
            .iter()
            .all(|f| !f.code.starts_with("articles.")));
    }

    #[test]
    fn own_articles_need_the_file_and_go_to_manual_review() {
        let mut app = example("general_partnership");
        app.articles.own_articles = true;
        app.articles.director_term_years = Some(9);
        find(&app, "articles.file_required");
        assert!(!find(&app, "articles.manual_review").is_error());
        app.attachments.push(Attachment {
            id: "own".into(),
            purpose: AttachmentPurpose::Articles,
            name: "章程.pdf".into(),
            media_type: "application/pdf".into(),
            size: 1000,
            sha256: "a".repeat(64),
            ..Attachment::default()
        });
        assert!(findings(&app)
            .iter()
            .all(|f| f.code != "articles.file_required"));
    }
}
