//! `check` for the application being edited, one keystroke at a time. Of everything `check`
//! does, a person's own fields (formats, document number, mobile, expiry) cost the most and
//! are the part one keystroke leaves unchanged for everybody else: at 1 000 investors they
//! were two thirds of a check. `Checker` keeps each person's field findings beside the person
//! they were found for and finds them again only for a person who changed. The people are
//! `Shared`, so an unchanged person is the allocation remembered and "changed?" is a pointer
//! comparison. Every rule that looks across people (duplicates, roles, counts, sums) still runs
//! in full, but reads what it derives from one person (the duplicate key, the birth date) from
//! the checker. The result is the same list `check` gives, in the same order (a property test
//! edits applications at random and compares the two after every edit).

use super::{Context, Finding};
use crate::date::Date;
use crate::ids::IdType;
use crate::model::{Application, Person, Shared};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// A person's field findings, kept until the person changes. `people::check_fields` reads only
/// the person and the date: those are the key.
#[derive(Default)]
pub struct Checker {
    today: Option<Date>,
    /// By person id. Fx, not SipHash: looked up three times per person at every keystroke, and
    /// only the browser keeps a Checker, where the ids are the applicant's own (a receiver
    /// checks with `check`, whose maps resist ids chosen to collide).
    people: FxHashMap<String, Remembered>,
    /// Bumped by each check; entries not seen in the last one are dropped.
    generation: u64,
}

struct Remembered {
    /// The same allocation as the application's while the person is unchanged (`Shared`):
    /// then telling that they are unchanged costs a pointer comparison.
    person: Shared<Person>,
    findings: Vec<Finding>,
    /// What the rules across people derive from each person at every check (the duplicate
    /// rule's key, the age rules' birth date), derived once per change instead.
    identity_key: (IdType, String),
    birth_date: Option<Date>,
    seen: u64,
}

impl Checker {
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Exactly `check(app, ctx)`.
    pub fn check(&mut self, app: &Application, ctx: &Context) -> Vec<Finding> {
        if self.today != Some(ctx.today) {
            self.people.clear();
            self.today = Some(ctx.today);
        }
        self.generation += 1;
        let findings = super::check_with(app, ctx, &mut PersonFields::Remembered(self));
        // People removed from the application (or renamed ids) are forgotten.
        if self.people.len() > app.persons.len() {
            let generation = self.generation;
            self.people.retain(|_, r| r.seen == generation);
        }
        findings
    }

    fn fields_of(&mut self, person: &Shared<Person>, ctx: &Context, out: &mut Vec<Finding>) {
        let generation = self.generation;
        match self.people.get_mut(&person.id) {
            Some(kept) if kept.person == *person => {
                if !Shared::same(&kept.person, person) {
                    // Equal by value but another allocation (a draft read again): keep this
                    // one, so the next comparison is by pointer.
                    kept.person = person.clone();
                }
                kept.seen = generation;
                out.extend(kept.findings.iter().cloned());
            }
            _ => {
                let mut findings = Vec::new();
                super::people::check_fields(person, ctx, &mut findings);
                out.extend(findings.iter().cloned());
                self.people.insert(
                    person.id.clone(),
                    Remembered {
                        person: person.clone(),
                        findings,
                        identity_key: person.identity_key(),
                        birth_date: person.derived_birth_date(),
                        seen: generation,
                    },
                );
            }
        }
    }
}

/// How `check` finds a person's field findings: afresh, or through a `Checker`.
pub(super) enum PersonFields<'a> {
    Fresh,
    Remembered(&'a mut Checker),
}

impl PersonFields<'_> {
    pub(super) fn check(&mut self, person: &Shared<Person>, ctx: &Context, out: &mut Vec<Finding>) {
        match self {
            PersonFields::Fresh => super::people::check_fields(person, ctx, out),
            PersonFields::Remembered(checker) => checker.fields_of(person, ctx, out),
        }
    }

    /// What the checker remembers for this very person (the same allocation), once `check`
    /// has seen them. Of two people with one id only the last is remembered.
    fn remembered(&self, person: &Person) -> Option<&Remembered> {
        match self {
            PersonFields::Fresh => None,
            PersonFields::Remembered(checker) => checker
                .people
                .get(&person.id)
                .filter(|kept| std::ptr::eq(&*kept.person, person)),
        }
    }

    /// `person.identity_key()`.
    pub(super) fn identity_key<'a>(&'a self, person: &Person) -> Cow<'a, (IdType, String)> {
        match self.remembered(person) {
            Some(kept) => Cow::Borrowed(&kept.identity_key),
            None => Cow::Owned(person.identity_key()),
        }
    }

    /// `person.age_on(date)`.
    pub(super) fn age_on(&self, person: &Person, date: Date) -> Option<i32> {
        match self.remembered(person) {
            Some(kept) => kept.birth_date.map(|born| born.full_years_until(date)),
            None => person.age_on(date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Checker;
    use crate::date::Date;
    use crate::ids::IdType;
    use crate::model::Application;
    use crate::rules::testing::example;
    use crate::rules::{check, Context};
    use proptest::prelude::*;

    /// One edit as the wizard makes them: a field of a person, a person added, copied (same
    /// document: a duplicate), removed or given another id, a field that is not a person's,
    /// or another day.
    #[derive(Clone, Debug)]
    enum Edit {
        Name(usize, &'static str),
        IdNumber(usize, &'static str),
        IdType(usize, IdType),
        Mobile(usize, &'static str),
        Email(usize, &'static str),
        ValidTo(usize, Option<&'static str>),
        Nationality(usize, &'static str),
        Representative(usize, &'static str),
        Copy(usize, bool),
        Remove(usize),
        NewId(usize),
        BusinessName(&'static str),
        Today(u8),
        /// The application read again (a draft loaded, another tab's save): every person
        /// equal to before, but in new allocations.
        Reload,
    }

    /// 51 characters: one more than a name may have.
    const TOO_LONG: &str = "名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名";

    fn edits() -> impl Strategy<Value = Edit> {
        let who = 0usize..12;
        prop_oneof![
            (
                who.clone(),
                prop::sample::select(vec!["", "王五", "张三", TOO_LONG])
            )
                .prop_map(|(i, v)| Edit::Name(i, v)),
            (
                who.clone(),
                prop::sample::select(vec![
                    "",
                    "520115199003071238",
                    "520115199003071230",
                    "520115200801024562",
                    "520102180001010016",
                    "91520115MA6DKXXX0X",
                    "X1234567",
                    "e1234567",
                ])
            )
                .prop_map(|(i, v)| Edit::IdNumber(i, v)),
            (
                who.clone(),
                prop::sample::select(vec![
                    IdType::ResidentId,
                    IdType::ForeignPassport,
                    IdType::PermanentResidence,
                    IdType::CreditCode,
                    IdType::HkMacauPermit,
                ])
            )
                .prop_map(|(i, v)| Edit::IdType(i, v)),
            (
                who.clone(),
                prop::sample::select(vec!["", "13985100001", "12812345678", "19212345678"])
            )
                .prop_map(|(i, v)| Edit::Mobile(i, v)),
            (
                who.clone(),
                prop::sample::select(vec!["", "a@example.com", "not-an-email"])
            )
                .prop_map(|(i, v)| Edit::Email(i, v)),
            (
                who.clone(),
                prop::sample::select(vec![
                    None,
                    Some("2001-01-01"),
                    Some("2026-01-02"),
                    Some("2040-12-31")
                ])
            )
                .prop_map(|(i, v)| Edit::ValidTo(i, v)),
            (who.clone(), prop::sample::select(vec!["", "USA", "CHINA"]))
                .prop_map(|(i, v)| Edit::Nationality(i, v)),
            (who.clone(), prop::sample::select(vec!["", "赵六"]))
                .prop_map(|(i, v)| Edit::Representative(i, v)),
            (who.clone(), any::<bool>()).prop_map(|(i, same_id)| Edit::Copy(i, same_id)),
            who.clone().prop_map(Edit::Remove),
            who.prop_map(Edit::NewId),
            prop::sample::select(vec!["", "贵阳市观山湖区示例科技有限公司"])
                .prop_map(Edit::BusinessName),
            (0u8..3).prop_map(Edit::Today),
            Just(Edit::Reload),
        ]
    }

    fn apply(app: &mut Application, edit: &Edit, serial: &mut u32, today: &mut Date) {
        let n = app.persons.len();
        let at = |i: usize| if n == 0 { None } else { Some(i % n) };
        match *edit {
            Edit::BusinessName(v) => app.name.full = v.into(),
            Edit::Today(d) => *today = Date::new(2026, 1, 1 + d).unwrap(),
            Edit::Reload => {
                *app = serde_json::from_str(&serde_json::to_string(app).unwrap()).unwrap()
            }
            Edit::Remove(i) => {
                if let Some(i) = at(i) {
                    app.persons.remove(i);
                }
            }
            Edit::Copy(i, same_id) => {
                if let Some(i) = at(i) {
                    let mut copy = app.persons[i].clone();
                    if !same_id {
                        *serial += 1;
                        copy.id = format!("copy-{serial}");
                    }
                    app.persons.push(copy);
                }
            }
            Edit::NewId(i) => {
                if let Some(i) = at(i) {
                    *serial += 1;
                    app.persons[i].id = format!("renamed-{serial}");
                }
            }
            ref field => {
                let Some(i) = at(match field {
                    Edit::Name(i, _)
                    | Edit::IdNumber(i, _)
                    | Edit::IdType(i, _)
                    | Edit::Mobile(i, _)
                    | Edit::Email(i, _)
                    | Edit::ValidTo(i, _)
                    | Edit::Nationality(i, _)
                    | Edit::Representative(i, _) => *i,
                    _ => unreachable!(),
                }) else {
                    return;
                };
                let p = &mut app.persons[i];
                match *field {
                    Edit::Name(_, v) => p.name = v.into(),
                    Edit::IdNumber(_, v) => p.id_number = v.into(),
                    Edit::IdType(_, v) => p.id_type = v,
                    Edit::Mobile(_, v) => p.mobile = v.into(),
                    Edit::Email(_, v) => p.email = v.into(),
                    Edit::ValidTo(_, v) => p.id_valid_to = v.map(|d| d.parse().unwrap()),
                    Edit::Nationality(_, v) => p.nationality = v.into(),
                    Edit::Representative(_, v) => p.org_representative = v.into(),
                    _ => unreachable!(),
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// After every edit of a sequence, the checker that lived through all of them finds
        /// exactly what a full check of the application as it now is finds.
        #[test]
        fn a_checker_finds_what_a_full_check_finds_after_every_edit(
            kind in prop::sample::select(vec!["llc", "joint_stock", "limited_partnership", "individual_business"]),
            sequence in prop::collection::vec(edits(), 1..40),
        ) {
            let mut app = example(kind);
            crate::samples::append_investors(&mut app, 3, Date::new(2030, 1, 1).unwrap());
            let mut today = Date::new(2026, 1, 1).unwrap();
            let mut checker = Checker::new();
            let mut serial = 0;
            for edit in &sequence {
                apply(&mut app, edit, &mut serial, &mut today);
                let ctx = Context::with_bundled_catalog(today);
                prop_assert_eq!(checker.check(&app, &ctx), check(&app, &ctx), "after {:?}", edit);
            }
        }
    }

    /// The property above compares lists; this says the cache is used at all: a person whose
    /// fields were not touched is not checked again (their findings come back as they were,
    /// even for a field a full check would judge again on another day).
    #[test]
    fn an_unchanged_person_is_not_checked_again() {
        let mut app = example("llc");
        app.persons[0].mobile = "12812345678".into();
        let ctx = Context::with_bundled_catalog(Date::new(2026, 1, 1).unwrap());
        let mut checker = Checker::new();
        checker.check(&app, &ctx);
        let kept = &checker.people[&app.persons[0].id];
        assert!(kept
            .findings
            .iter()
            .any(|f| f.code == "person.mobile_invalid"));
        let generation = kept.seen;
        app.name.full = "贵阳市另一示例科技有限公司".into();
        checker.check(&app, &ctx);
        assert_eq!(checker.people[&app.persons[0].id].seen, generation + 1);
        assert_eq!(checker.people.len(), app.persons.len());
        app.persons.remove(0);
        checker.check(&app, &ctx);
        assert_eq!(
            checker.people.len(),
            app.persons.len(),
            "a removed person is forgotten"
        );
    }
}
