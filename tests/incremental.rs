//! Incremental re-validation: after random edits, undos and redos on generated plans, `Analysis::update` with what
//! the document says its changes affected gives exactly what a fresh `Analysis::compute` gives.

use proptest::prelude::*;
use sec_timetable::app::analysis::Analysis;
use sec_timetable::model::agenda::agenda_meeting_kind;
use sec_timetable::model::filter::RowFilter;
use sec_timetable::model::*;
use sec_timetable::synthetic::generate;
use strum::IntoEnumIterator;

/// One step: an edit (expressed against whatever the plan is then), an undo, a redo, or a new filter.
#[derive(Debug, Clone)]
enum Step {
    Retitle(usize, String),
    MoveWorkPackage(usize, usize, i32),
    MoveMilestone(usize, usize, i32),
    /// A milestone onto the `n`th meeting of its kind, so agendas change.
    MilestoneToMeeting(usize, usize, usize),
    /// A milestone onto the meeting the filter shows, so the modification joins its rows, or (true) one due
    /// there a week later, so it leaves them.
    FilteredMeeting(usize, bool),
    ToggleDone(usize, usize),
    InsertWorkPackage(usize, i32),
    RemoveMilestone(usize, usize),
    SetGroup(usize, Option<usize>),
    /// Every date of the `n`th modification that another depends on, moved by some days.
    ShiftBlocker(usize, i32),
    SetStatus(usize, usize),
    AddDependency(usize, usize, usize),
    RemoveDependency(usize),
    Rename(usize, String),
    AddModification(String),
    RemoveModification(usize),
    SetBaseline,
    StatusDate(i32),
    PlanTitle(String),
    Batch(Vec<(usize, usize, i32)>),
    Undo,
    Redo,
    Filter(FilterChoice),
}

/// A filter made of a few criteria, each maybe.
#[derive(Debug, Clone)]
struct FilterChoice {
    text: Option<usize>,
    status: Option<usize>,
    group: Option<usize>,
    owner: Option<usize>,
    meeting: Option<usize>,
}

const TEXTS: [&str; 4] = ["firmware", "IHD", "secmp0001", "edited"];

fn step() -> impl Strategy<Value = Step> {
    let n = any::<usize>;
    prop_oneof![
        4 => (n(), "(edited )?[a-z]{0,6}").prop_map(|(m, t)| Step::Retitle(m, t)),
        3 => (n(), n(), -30..30i32).prop_map(|(m, w, d)| Step::MoveWorkPackage(m, w, d)),
        2 => (n(), n(), -30..30i32).prop_map(|(m, k, d)| Step::MoveMilestone(m, k, d)),
        3 => (n(), n(), n()).prop_map(|(m, k, x)| Step::MilestoneToMeeting(m, k, x)),
        3 => (n(), any::<bool>()).prop_map(|(m, away)| Step::FilteredMeeting(m, away)),
        1 => (n(), n()).prop_map(|(m, k)| Step::ToggleDone(m, k)),
        1 => (n(), 0..2000i32).prop_map(|(m, d)| Step::InsertWorkPackage(m, d)),
        1 => (n(), n()).prop_map(|(m, k)| Step::RemoveMilestone(m, k)),
        2 => (n(), prop::option::of(n())).prop_map(|(m, g)| Step::SetGroup(m, g)),
        3 => (n(), -300..300i32).prop_map(|(m, d)| Step::ShiftBlocker(m, d)),
        1 => (n(), n()).prop_map(|(m, s)| Step::SetStatus(m, s)),
        3 => (n(), n(), n()).prop_map(|(a, b, k)| Step::AddDependency(a, b, k)),
        1 => n().prop_map(Step::RemoveDependency),
        1 => (n(), "[A-Z]{3}[0-9]{2}").prop_map(|(m, id)| Step::Rename(m, id)),
        1 => "[A-Z]{3}[0-9]{2}".prop_map(Step::AddModification),
        1 => n().prop_map(Step::RemoveModification),
        1 => Just(Step::SetBaseline),
        1 => (-200..200i32).prop_map(Step::StatusDate),
        1 => "[a-z]{0,8}".prop_map(Step::PlanTitle),
        1 => prop::collection::vec((n(), n(), -20..20i32), 1..4).prop_map(Step::Batch),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        2 => (
            prop::option::weighted(0.3, 0..TEXTS.len()),
            prop::option::weighted(0.3, n()),
            prop::option::weighted(0.3, n()),
            prop::option::weighted(0.3, n()),
            prop::option::weighted(0.5, n()),
        )
            .prop_map(|(text, status, group, owner, meeting)| Step::Filter(FilterChoice {
                text,
                status,
                group,
                owner,
                meeting,
            })),
    ]
}

fn filter(plan: &Plan, choice: &FilterChoice) -> RowFilter {
    let schedule = Schedule::build(plan);
    let statuses: Vec<Status> = Status::iter().collect();
    let owners: Vec<Owner> = Owner::iter().collect();
    RowFilter {
        text: choice.text.map(|t| TEXTS[t].to_owned()).unwrap_or_default(),
        status: choice.status.map(|s| statuses[s % statuses.len()]),
        group: choice
            .group
            .filter(|_| !plan.groups.is_empty())
            .map(|g| plan.groups[g % plan.groups.len()].id.clone()),
        owner: choice.owner.map(|o| owners[o % owners.len()]),
        // Closed rows shown or not, half the time each.
        show_closed: choice.owner.is_some_and(|o| o % 2 == 1),
        meeting: choice.meeting.and_then(|x| {
            // Mostly a meeting something is due at, so that the filter shows rows.
            let agendas = agenda::agendas(plan, &schedule);
            let busy: Vec<&str> = agendas
                .iter()
                .filter(|a| !a.items.is_empty())
                .map(|a| a.meeting.id.as_str())
                .collect();
            let all: Vec<&str> = schedule.meetings.iter().map(|m| m.id.as_str()).collect();
            let from = if busy.is_empty() || x % 5 == 0 {
                all
            } else {
                busy
            };
            (!from.is_empty()).then(|| from[x % from.len()].to_owned())
        }),
    }
}

/// Moves a milestone, of modification `m` or the next that has one that fits, onto the filter's meeting day, or
/// (`away`) one that is due there a week later.
fn filtered_meeting(plan: &Plan, filter: &RowFilter, m: usize, away: bool) -> Option<Edit> {
    let schedule = Schedule::build(plan);
    let meeting = schedule.by_id(filter.meeting.as_deref()?)?;
    let fits = |x: &Milestone| {
        agenda_meeting_kind(x.kind) == Some(meeting.kind) && (x.date == meeting.date) == away
    };
    let n = plan.modifications.len();
    let m = (0..n)
        .map(|k| (m + k) % n)
        .find(|&i| plan.modifications[i].milestones.iter().any(fits))?;
    let (k, x) = plan.modifications[m]
        .milestones
        .iter()
        .enumerate()
        .find(|(_, x)| fits(x))?;
    let mut x = x.clone();
    x.date = if away {
        add_days(meeting.date, 7)
    } else {
        meeting.date
    };
    Some(Edit::Milestones {
        m,
        op: ListEdit::Set { index: k, value: x },
    })
}

/// Modification `m` with `change` made to a copy, as the side panel edits it.
fn set(plan: &Plan, m: usize, change: impl FnOnce(&mut Modification)) -> Edit {
    let mut x = plan.modifications[m].clone();
    change(&mut x);
    edit::set_modification(m, x)
}

/// Milestone `k` (modulo their number) of modification `m`, changed as `step` says.
fn change_milestone(plan: &Plan, m: usize, k: usize, step: &Step) -> Option<Edit> {
    let ms = &plan.modifications[m].milestones;
    let k = (!ms.is_empty()).then(|| k % ms.len())?;
    let mut x = ms[k].clone();
    match step {
        Step::MoveMilestone(_, _, d) => x.date = add_days(x.date, *d),
        Step::ToggleDone(..) => x.done = !x.done,
        Step::MilestoneToMeeting(_, _, to) => {
            let kind = agenda_meeting_kind(x.kind)?;
            let schedule = Schedule::build(plan);
            let meetings: Vec<_> = schedule
                .meetings
                .iter()
                .filter(|s| s.kind == kind)
                .collect();
            x.date = meetings.get(to % meetings.len().max(1))?.date;
        }
        _ => return None,
    }
    Some(Edit::Milestones {
        m,
        op: ListEdit::Set { index: k, value: x },
    })
}

/// Every date of the `k`th (modulo their number) modification that another depends on, moved by `d` days.
fn shift_blocker(plan: &Plan, k: usize, d: i32) -> Option<Edit> {
    let blockers: Vec<usize> = (0..plan.modifications.len())
        .filter(|&j| {
            let id = &plan.modifications[j].id;
            plan.modifications
                .iter()
                .any(|x| x.dependencies.iter().any(|dep| &dep.on == id))
        })
        .collect();
    let j = *blockers.get(k % blockers.len().max(1))?;
    Some(set(plan, j, |x| {
        for w in &mut x.work_packages {
            w.start = add_days(w.start, d);
            w.end = add_days(w.end, d);
        }
        for m in &mut x.milestones {
            m.date = add_days(m.date, d);
        }
    }))
}

fn to_edit(plan: &Plan, step: &Step) -> Option<Edit> {
    let n = plan.modifications.len();
    let pick = |i: usize| (n > 0).then(|| i % n);
    let item = |len: usize, k: usize| (len > 0).then(|| k % len);
    Some(match step {
        Step::Retitle(m, t) => set(plan, pick(*m)?, |x| x.title.clone_from(t)),
        Step::MoveWorkPackage(m, w, d) => {
            let m = pick(*m)?;
            let wps = &plan.modifications[m].work_packages;
            let k = item(wps.len(), *w)?;
            let mut wp = wps[k].clone();
            wp.start = add_days(wp.start, *d);
            wp.end = add_days(wp.end, *d);
            Edit::WorkPackages {
                m,
                op: ListEdit::Set {
                    index: k,
                    value: wp,
                },
            }
        }
        Step::MoveMilestone(m, k, _)
        | Step::ToggleDone(m, k)
        | Step::MilestoneToMeeting(m, k, _) => change_milestone(plan, pick(*m)?, *k, step)?,
        Step::InsertWorkPackage(m, d) => Edit::WorkPackages {
            m: pick(*m)?,
            op: ListEdit::Insert {
                index: 0,
                value: WorkPackage {
                    name: "Inserted".into(),
                    short_name: None,
                    start: add_days(jiff::civil::date(2019, 1, 1), *d),
                    start_precision: Precision::Exact,
                    end: add_days(jiff::civil::date(2019, 1, 1), *d + 12),
                    end_precision: Precision::Exact,
                    owner: Owner::Industry,
                    notes: String::new(),
                    ..Default::default()
                },
            },
        },
        Step::RemoveMilestone(m, k) => {
            let m = pick(*m)?;
            let index = item(plan.modifications[m].milestones.len(), *k)?;
            Edit::Milestones {
                m,
                op: ListEdit::Remove { index },
            }
        }
        Step::SetGroup(m, g) => {
            let group = match g {
                Some(g) => Some(plan.groups.get(g % plan.groups.len().max(1))?.id.clone()),
                None => None,
            };
            set(plan, pick(*m)?, |x| x.group = group)
        }
        Step::ShiftBlocker(k, d) => shift_blocker(plan, *k, *d)?,
        Step::SetStatus(m, s) => {
            let statuses: Vec<Status> = Status::iter().collect();
            set(plan, pick(*m)?, |x| x.status = statuses[s % statuses.len()])
        }
        Step::AddDependency(a, b, k) => {
            let (a, b) = (pick(*a)?, pick(*b)?);
            let kinds: Vec<DependencyKind> = DependencyKind::iter().collect();
            Edit::Dependencies {
                m: a,
                op: ListEdit::Insert {
                    index: 0,
                    value: Dependency {
                        kind: kinds[k % kinds.len()],
                        on: plan.modifications[b].id.clone(),
                        lag_days: (*k % 7) as i32,
                        notes: String::new(),
                        ..Default::default()
                    },
                },
            }
        }
        Step::RemoveDependency(m) => {
            let m = pick(*m)?;
            (!plan.modifications[m].dependencies.is_empty()).then_some(Edit::Dependencies {
                m,
                op: ListEdit::Remove { index: 0 },
            })?
        }
        Step::Rename(m, id) => edit::rename_modification(plan, pick(*m)?, id)?,
        Step::AddModification(id) => Edit::Modifications(ListEdit::Insert {
            index: n / 2,
            value: Box::new(Modification::new(id.clone())),
        }),
        Step::RemoveModification(m) => edit::remove_modification(plan, pick(*m)?),
        Step::SetBaseline => Edit::Baselines(ListEdit::Insert {
            index: plan.baselines.len(),
            value: baseline::baseline_from(plan, plan.meta.status_date, "b"),
        }),
        Step::StatusDate(d) => {
            let mut meta = plan.meta.clone();
            meta.status_date = add_days(meta.status_date, *d);
            Edit::Meta(meta)
        }
        Step::PlanTitle(t) => {
            let mut meta = plan.meta.clone();
            meta.title.clone_from(t);
            Edit::Meta(meta)
        }
        Step::Batch(items) => Edit::Batch(
            items
                .iter()
                .filter_map(|(m, w, d)| to_edit(plan, &Step::MoveWorkPackage(*m, *w, *d)))
                .collect(),
        ),
        Step::Undo | Step::Redo | Step::Filter(_) | Step::FilteredMeeting(..) => {
            return None;
        }
    })
}

/// Applies `step` to the document (or the filter).
fn take(doc: &mut Document, current: &mut RowFilter, step: &Step) {
    match step {
        Step::Undo => {
            doc.undo();
        }
        Step::Redo => {
            doc.redo();
        }
        Step::Filter(choice) => *current = filter(doc.plan(), choice),
        other => {
            let edit = match other {
                Step::FilteredMeeting(m, away) => filtered_meeting(doc.plan(), current, *m, *away),
                _ => to_edit(doc.plan(), other),
            };
            if let Some(edit) = edit {
                // The document checks only what the edit changes; a full check must agree.
                let mut checked_fully = doc.plan().clone();
                let expected = apply(&mut checked_fully, edit.clone()).map(|_| ());
                assert_eq!(doc.apply(edit, "step"), expected);
                assert!(doc.plan() == &checked_fully, "the same plan either way");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn incremental_updates_equal_a_fresh_analysis(
        n in 2..40usize,
        seed in any::<u64>(),
        baseline in any::<bool>(),
        steps in prop::collection::vec((step(), 1..3usize), 1..24),
    ) {
        let mut plan = generate(n, seed);
        if baseline {
            plan.baselines = vec![baseline::baseline_from(&plan, plan.meta.status_date, "agreed")];
        }
        let mut doc = Document::new(plan);
        let mut current = RowFilter::default();
        let mut analysis = Analysis::compute(doc.plan(), doc.revision(), &current);
        for (k, (step, repeat)) in steps.iter().enumerate() {
            // Sometimes several changes land between two refreshes (an edit, then an undo, in one frame).
            for _ in 0..*repeat {
                take(&mut doc, &mut current, step);
            }
            let affected = doc.affected_since(analysis.revision);
            analysis.update(doc.plan(), doc.revision(), &affected, &current);
            let fresh = Analysis::compute(doc.plan(), doc.revision(), &current);
            prop_assert!(
                analysis == fresh,
                "after step {k} ({step:?} ×{repeat}, affected {affected:?}):\n{}",
                first_difference(&analysis, &fresh)
            );
        }
    }
}

/// The first field that differs, for a readable failure.
fn first_difference(a: &Analysis, b: &Analysis) -> String {
    macro_rules! check {
        ($($field:ident),*) => {
            $(if a.$field != b.$field {
                return format!(
                    "{}: incremental {:?}\nfresh {:?}",
                    stringify!($field),
                    a.$field,
                    b.$field
                );
            })*
        };
    }
    check!(
        revision,
        filter,
        total,
        schedule,
        index,
        warnings,
        warnings_by_mod,
        agenda,
        reference,
        ghosts,
        slippage,
        removed,
        rows,
        row_of,
        lanes,
        dependents,
        referenced_by,
        arrows,
        date_range,
        date_ranges
    );
    "no field differs".into()
}

#[test]
fn typing_a_title_re_derives_only_that_modification() {
    let mut doc = Document::new(generate(300, 5));
    let filter = RowFilter::default();
    let mut analysis = Analysis::compute(doc.plan(), doc.revision(), &filter);
    let m = 120;
    for title in ["F", "Fi", "Fir"] {
        let edit = set(doc.plan(), m, |x| x.title = title.into());
        doc.apply_merging(edit, "Edit title", Some("title".into()))
            .unwrap();
        let affected = doc.last_affected();
        match &affected {
            Affected::Modifications { indices, regrouped } => {
                assert!(indices.contains(&m), "{indices:?}");
                assert!(indices.len() < 10, "{indices:?}");
                assert!(!regrouped);
            }
            Affected::Everything => panic!("a title is not plan-wide"),
        }
        analysis.update(doc.plan(), doc.revision(), &affected, &filter);
    }
    assert_eq!(
        analysis,
        Analysis::compute(doc.plan(), doc.revision(), &filter)
    );
}

#[test]
fn the_app_re_derives_everything_for_a_plan_opened_in_place_of_another() {
    use sec_timetable::app::actions::Action;
    use sec_timetable::app::{Settings, TimetableApp, bundled_plan};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    let other = generate(40, 1);
    sec_timetable::io::save_plan(&other, &path).unwrap();
    let mut app =
        TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs();
    // Neither document has been edited: a new document must still not pass for the old one.
    let ctx = egui::Context::default();
    app.run_action(Action::OpenPath(path), &ctx);
    // The file is read on a worker; frames pick up the result.
    for _ in 0..1000 {
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| app.ui_body(ui));
        out.textures_delta.clear();
        if !app.is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(app.plan(), &other);
    assert!(
        app.analysis() == &Analysis::compute(&other, app.document().revision(), &app.filter),
        "the analysis is the opened plan's"
    );
}
