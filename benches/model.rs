//! Model work on the generated 10,000-modification plan: one keystroke in a modification's title in the side panel
//! (the edit applied to the document, then the analysis brought up to date incrementally), a full validation (the
//! meeting schedule and every warning, as `check` does after parsing), and a full `Analysis::compute` for reference.

#![allow(
    clippy::unwrap_used,
    reason = "a benchmark fails loudly on anything unexpected"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sec_timetable::app::analysis::Analysis;
use sec_timetable::model::edit::set_modification;
use sec_timetable::model::filter::RowFilter;
use sec_timetable::model::{Affected, Document, Schedule, validate};
use sec_timetable::synthetic::generate;

fn model(c: &mut Criterion) {
    let plan = generate(10_000, 1);
    let filter = RowFilter::default();

    c.bench_function("model/validate/10000", |b| {
        b.iter(|| {
            let schedule = Schedule::build(black_box(&plan));
            black_box(validate(&plan, &schedule))
        })
    });

    // Recomputing every date the links decide (what a load or a meeting change costs); the plan is linked (each
    // package follows the one before; Working Group and Panel found from them).
    c.bench_function("model/reschedule_all/10000", |b| {
        b.iter_batched(
            || plan.clone(),
            |mut p| {
                black_box(sec_timetable::model::chain::reschedule(
                    &mut p,
                    &sec_timetable::model::chain::Scope::All,
                ))
            },
            criterion::BatchSize::LargeInput,
        )
    });

    c.bench_function("model/analysis_compute/10000", |b| {
        b.iter(|| black_box(Analysis::compute(black_box(&plan), 0, &filter)))
    });

    // A modification others wait for, so that their warnings are re-checked too.
    let m = plan
        .modifications
        .iter()
        .position(|x| {
            plan.modifications
                .iter()
                .any(|y| y.dependencies.iter().any(|d| d.on == x.id))
        })
        .unwrap();
    let mut doc = Document::new(plan);
    let mut analysis = Analysis::compute(doc.plan(), doc.revision(), &filter);
    let title = doc.plan().modifications[m].title.clone();
    let mut typed = 0usize;
    c.bench_function("model/keystroke_title/10000", |b| {
        b.iter(|| {
            // Type a letter, then delete it: the title stays short, every step is one keystroke.
            typed += 1;
            let mut x = doc.plan().modifications[m].clone();
            x.title = if typed.is_multiple_of(2) {
                title.clone()
            } else {
                format!("{title}s")
            };
            doc.apply_merging(
                set_modification(m, x),
                "Edit title",
                Some("title".to_owned()),
            )
            .unwrap();
            let affected = doc.affected_since(analysis.revision);
            analysis.update(doc.plan(), doc.revision(), &affected, &filter);
            black_box(&analysis);
        })
    });
    assert!(
        matches!(doc.last_affected(), Affected::Modifications { .. }),
        "a title edit is re-derived incrementally"
    );
    assert!(
        analysis == Analysis::compute(doc.plan(), doc.revision(), &filter),
        "the incremental analysis is the full one"
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = model
}
criterion_main!(benches);
