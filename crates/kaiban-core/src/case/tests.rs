//! Every action at every stage: the legal ones move the case where the state machine says,
//! the others are refused with a message naming what is possible.

use super::*;

const AT: &str = "2026-12-03T01:00:00Z";

fn reason() -> Vec<Reason> {
    vec![Reason {
        path: Some("domicile.detail".into()),
        zh: "详细地址缺少房间号".into(),
        en: "The address lacks the room number".into(),
    }]
}

/// A case brought to `stage` by the shortest legal path.
fn at(stage: Stage) -> Case {
    let mut case = Case::received(AT.into());
    let path: &[Action] = match stage {
        Stage::Received => &[],
        Stage::Accepted => &[Action::Accept],
        Stage::NotAccepted => &[Action::RefuseToAccept],
        Stage::UnderReview => &[Action::Accept, Action::StartReview],
        Stage::Approved | Stage::Licensed => {
            &[Action::Accept, Action::StartReview, Action::Approve]
        }
        Stage::Returned => &[Action::Accept, Action::StartReview, Action::Return],
        Stage::Rejected => &[Action::Accept, Action::StartReview, Action::Reject],
        Stage::Withdrawn => &[Action::Withdraw],
    };
    for action in path {
        case.apply(*action, AT.into(), reason()).unwrap();
    }
    case
}

#[test]
fn every_legal_and_illegal_transition() {
    use Action::*;
    use Stage::*;
    let legal: &[(Stage, Action, Stage)] = &[
        (Received, Accept, Accepted),
        (Received, RefuseToAccept, NotAccepted),
        (Received, Withdraw, Withdrawn),
        (Accepted, StartReview, UnderReview),
        (Accepted, Extend, Accepted),
        (Accepted, Withdraw, Withdrawn),
        (UnderReview, Extend, UnderReview),
        (UnderReview, Approve, Licensed),
        (UnderReview, Return, Returned),
        (UnderReview, Reject, Rejected),
        (UnderReview, Withdraw, Withdrawn),
    ];
    for stage in [
        Received,
        Accepted,
        NotAccepted,
        UnderReview,
        Returned,
        Rejected,
        Licensed,
        Withdrawn,
    ] {
        for action in Action::ALL {
            let mut case = at(stage);
            let outcome = case.apply(action, AT.into(), reason());
            match legal.iter().find(|(s, a, _)| *s == stage && *a == action) {
                Some((_, _, next)) => {
                    assert_eq!(outcome, Ok(*next), "{stage:?} --{action:?}-->");
                    assert_eq!(case.stage(), *next);
                }
                None => {
                    let refused =
                        outcome.expect_err(&format!("{stage:?} --{action:?}--> must be refused"));
                    assert_eq!(refused.code, "case.illegal_transition");
                    assert!(
                        refused.text.zh.contains(&*stage.label().zh),
                        "{}",
                        refused.text.zh
                    );
                    assert_eq!(case.stage(), stage, "a refused action changes nothing");
                }
            }
        }
    }
    let closed = at(Licensed).apply(Accept, AT.into(), vec![]).unwrap_err();
    assert!(closed.text.zh.contains("已办结"), "{}", closed.text.zh);
}

#[test]
fn approval_records_the_approval_and_the_licence() {
    let case = at(Stage::Licensed);
    let stages: Vec<Stage> = case.events.iter().map(|e| e.stage).collect();
    assert_eq!(
        stages,
        [
            Stage::Received,
            Stage::Accepted,
            Stage::UnderReview,
            Stage::Approved,
            Stage::Licensed
        ]
    );
}

#[test]
fn reasons_are_required_where_a_decision_needs_them_and_an_extension_is_granted_once() {
    for action in [Action::Return, Action::Reject] {
        let refused = at(Stage::UnderReview)
            .apply(action, AT.into(), vec![])
            .unwrap_err();
        assert_eq!(refused.code, "case.reasons_required");
    }
    let refused = at(Stage::Received)
        .apply(Action::RefuseToAccept, AT.into(), vec![])
        .unwrap_err();
    assert_eq!(refused.code, "case.reasons_required");
    let mut case = at(Stage::Accepted);
    case.apply(Action::Extend, AT.into(), vec![]).unwrap();
    case.apply(Action::StartReview, AT.into(), vec![]).unwrap();
    let again = case.apply(Action::Extend, AT.into(), vec![]).unwrap_err();
    assert_eq!(again.code, "case.extended_once");
    let returned = at(Stage::Returned);
    assert_eq!(
        returned.events.last().unwrap().reasons[0].path.as_deref(),
        Some("domicile.detail")
    );
}
