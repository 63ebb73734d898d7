use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kaiban_core::{check, samples, Checker, Context};

fn validate_fifty_investor_llc(c: &mut Criterion) {
    let app = samples::llc_with_investors(50);
    let ctx = Context::with_bundled_catalog("2026-01-01".parse().unwrap());
    c.bench_function("check LLC with 50 investors", |b| {
        b.iter(|| check(black_box(&app), black_box(&ctx)))
    });
    let json = app.to_json_pretty();
    c.bench_function("parse + check LLC with 50 investors", |b| {
        b.iter(|| {
            let app = kaiban_core::migrate(black_box(&json)).unwrap();
            check(&app, &ctx)
        })
    });
}

/// A keystroke in a 1 000-investor application: the full check against the `Checker` the app
/// keeps, which checks again only the person whose name changed.
fn validate_keystroke_in_thousand_investor_llc(c: &mut Criterion) {
    let mut app = samples::llc_with_investors(1000);
    let ctx = Context::with_bundled_catalog("2026-01-01".parse().unwrap());
    c.bench_function("check LLC with 1000 investors", |b| {
        b.iter(|| check(black_box(&app), black_box(&ctx)))
    });
    let mut checker = Checker::new();
    checker.check(&app, &ctx);
    let last = app.persons.len() - 1;
    let mut n = 0u32;
    c.bench_function("Checker: a keystroke in LLC with 1000 investors", |b| {
        b.iter(|| {
            n += 1;
            app.persons[last].name = format!("股东{}", n % 10);
            checker.check(black_box(&app), black_box(&ctx))
        })
    });
}

fn generate_documents_for_fifty_investor_llc(c: &mut Criterion) {
    let app = samples::llc_with_investors(50);
    c.bench_function("generate documents LLC with 50 investors", |b| {
        b.iter(|| {
            let documents = kaiban_core::documents::generate(black_box(&app));
            documents.iter().map(|d| d.sha256()).collect::<Vec<_>>()
        })
    });
}

/// A deployment-sized catalogue (the synthetic 2 000 items): a query as the applicant types it,
/// prefix, substring, synonym, English. Budget: well under one frame.
fn search_synthetic_catalogue(c: &mut Criterion) {
    let catalogue =
        kaiban_core::catalog::Catalog::parse(include_str!("../data/synthetic_catalogue_2000.csv"))
            .unwrap();
    for query in ["软件", "批发", "买卖", "import"] {
        c.bench_function(&format!("search 2000-item catalogue for {query}"), |b| {
            b.iter(|| catalogue.search(black_box(query)).len())
        });
    }
    c.bench_function("parse 2000-item catalogue (CSV)", |b| {
        b.iter(|| {
            kaiban_core::catalog::Catalog::parse(black_box(include_str!(
                "../data/synthetic_catalogue_2000.csv"
            )))
        })
    });
}

/// What the browser does with the division index when it arrives, each in a task of its own.
fn read_division_index(c: &mut Criterion) {
    use kaiban_core::catalog::divisions::{Divisions, NATIONAL_INDEX};
    c.bench_function("parse the division index", |b| {
        b.iter(|| Divisions::parse(black_box(NATIONAL_INDEX)).unwrap())
    });
    c.bench_function("build the name rules' region names", |b| {
        // By reference: dropping the index afterwards is not part of building.
        b.iter_batched_ref(
            || Divisions::parse(NATIONAL_INDEX).unwrap(),
            |divisions| divisions.prepare_name_rules(),
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group!(
    benches,
    read_division_index,
    validate_fifty_investor_llc,
    validate_keystroke_in_thousand_investor_llc,
    generate_documents_for_fifty_investor_llc,
    search_synthetic_catalogue
);
criterion_main!(benches);
