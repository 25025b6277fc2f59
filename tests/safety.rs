//! Nothing lost, nothing crashes: save → load is the identity on random plans, undo/redo retrace random edit
//! sequences exactly, saves fail without damage, and a process killed mid-save leaves the old or the new file.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use sec_timetable::io::plan_file::{save_plan_with, write_atomically};
use sec_timetable::io::{load_plan, parse_plan, plan_to_string, save_plan};
use sec_timetable::model::*;
use strum::IntoEnumIterator;

fn day(n: i32) -> Date {
    add_days(date(2019, 1, 1), n)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 ,.'()£—-]{0,30}",
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
        Just("Panel's \"quoted\" \\ back\\'slash\n new line\ttab".to_owned()),
    ]
}

fn precision() -> impl Strategy<Value = Precision> {
    prop::sample::select(Precision::iter().collect::<Vec<_>>())
}

fn work_package() -> impl Strategy<Value = WorkPackage> {
    (
        text(),
        0..900i32,
        0..120i32,
        precision(),
        precision(),
        prop::sample::select(Owner::iter().collect::<Vec<_>>()),
        text(),
        prop::option::of(text()),
    )
        .prop_map(
            |(name, start, len, sp, ep, owner, notes, short_name)| WorkPackage {
                name,
                short_name,
                start: day(start),
                start_precision: sp,
                end: day(start + len),
                end_precision: ep,
                owner,
                notes,
                ..Default::default()
            },
        )
}

fn milestone() -> impl Strategy<Value = Milestone> {
    (
        prop::sample::select(MilestoneKind::iter().collect::<Vec<_>>()),
        0..1000i32,
        precision(),
        text(),
        any::<bool>(),
    )
        .prop_map(|(kind, d, precision, label, done)| Milestone {
            kind,
            date: day(d),
            precision,
            label,
            done,
            ..Default::default()
        })
}

/// A valid plan: unique ids, dependencies only on earlier modifications (so no cycles), known groups.
fn plan() -> impl Strategy<Value = Plan> {
    let modification = (
        text(),
        text(),
        prop::sample::select(Status::iter().collect::<Vec<_>>()),
        prop::option::of(text()),
        prop::collection::vec(work_package(), 0..4),
        prop::collection::vec(milestone(), 0..4),
        prop::collection::vec(text(), 0..2),
        any::<bool>(),
        prop::option::of((any::<u64>(), any::<bool>())),
    );
    (
        text(),
        0..1000i32,
        prop::collection::vec(modification, 0..8),
        prop::collection::vec((0..1000i32, any::<bool>()), 0..4),
        prop::collection::vec(any::<(usize, u8, u16)>(), 0..6),
    )
        .prop_map(|(title, status, mods, meetings, deps)| {
            let mut p = Plan::new_empty(day(status));
            p.meta.title = title;
            p.calendar.holidays.truncate(12);
            p.groups.push(Group {
                id: "g".into(),
                name: "Group".into(),
                notes: String::new(),
            });
            for (i, (d, approximate)) in meetings.into_iter().enumerate() {
                p.meetings.push(Meeting {
                    id: format!("m{i}"),
                    kind: MeetingKind::iter().cycle().nth(i).expect("kinds repeat"),
                    name: format!("Meeting {i}"),
                    date: day(d),
                    approximate,
                    notice: (i % 2 == 0).then_some(Notice {
                        agenda_days: 10,
                        papers_days: 5,
                    }),
                    notes: String::new(),
                });
            }
            for (i, (title, summary, status, proposer, wps, ms, risks, grouped, cost)) in
                mods.into_iter().enumerate()
            {
                let mut m = Modification::new(format!("SECMP{i:04}"));
                m.title = title;
                m.summary = summary;
                m.status = status;
                m.proposer = proposer;
                m.work_packages = wps;
                m.milestones = ms;
                m.risks = risks;
                m.group = grouped.then(|| "g".to_owned());
                if let Some((amount, approximate)) = cost {
                    m.costs.push(Cost {
                        item: "Impact Assessment".into(),
                        amount_gbp: Some(amount),
                        approximate,
                        notes: String::new(),
                    });
                }
                p.modifications.push(m);
            }
            let n = p.modifications.len();
            for (from, kind, lag) in deps {
                if n < 2 {
                    break;
                }
                let i = 1 + from % (n - 1);
                let on = p.modifications[from % i].id.clone();
                p.modifications[i].dependencies.push(Dependency {
                    kind: DependencyKind::iter()
                        .cycle()
                        .nth(kind.into())
                        .expect("kinds repeat"),
                    on,
                    lag_days: (lag % 60) as i32,
                    notes: String::new(),
                    ..Default::default()
                });
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_is_the_identity(p in plan()) {
        prop_assert_eq!(check_integrity(&p), vec![]);
        // Loading reschedules (a dependency may push work later); a plan as any edit leaves it is its own schedule.
        let mut p = p;
        sec_timetable::model::chain::reschedule(&mut p, &sec_timetable::model::chain::Scope::All);
        let text = plan_to_string(&p).unwrap();
        let back = parse_plan(text.as_bytes(), Path::new("random.ron"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(plan_to_string(&back).unwrap(), text);
    }
}

/// One random edit, expressed against whatever the plan is when it is applied.
#[derive(Debug, Clone)]
enum Op {
    MoveWorkPackage(usize, usize, i32),
    Retitle(usize, String),
    InsertWorkPackage(usize, i32),
    RemoveWorkPackage(usize, usize),
    MoveMilestone(usize, usize, i32),
    ToggleDone(usize, usize),
    RemoveModification(usize),
    AddModification(String),
    RenameModification(usize, String),
    AddDependency(usize, usize),
    SetBaseline,
    ShiftCalendar,
    Batch(Vec<(usize, usize, i32)>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), -40..40i32)
            .prop_map(|(m, w, d)| Op::MoveWorkPackage(m, w, d)),
        (any::<usize>(), text()).prop_map(|(m, t)| Op::Retitle(m, t)),
        (any::<usize>(), 0..300i32).prop_map(|(m, d)| Op::InsertWorkPackage(m, d)),
        (any::<usize>(), any::<usize>()).prop_map(|(m, w)| Op::RemoveWorkPackage(m, w)),
        (any::<usize>(), any::<usize>(), -40..40i32)
            .prop_map(|(m, k, d)| Op::MoveMilestone(m, k, d)),
        (any::<usize>(), any::<usize>()).prop_map(|(m, k)| Op::ToggleDone(m, k)),
        any::<usize>().prop_map(Op::RemoveModification),
        "[A-Z]{3}[0-9]{2}".prop_map(Op::AddModification),
        (any::<usize>(), "[A-Z]{3}[0-9]{2}").prop_map(|(m, id)| Op::RenameModification(m, id)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::AddDependency(a, b)),
        Just(Op::SetBaseline),
        Just(Op::ShiftCalendar),
        prop::collection::vec((any::<usize>(), any::<usize>(), -20..20i32), 1..4)
            .prop_map(Op::Batch),
    ]
}

fn to_edit(plan: &Plan, op: &Op) -> Option<Edit> {
    let n = plan.modifications.len();
    let pick = |i: usize| (n > 0).then(|| i % n);
    Some(match op {
        Op::MoveWorkPackage(m, w, d) | Op::MoveMilestone(m, w, d) if n > 0 => {
            let m = m % n;
            let x = &plan.modifications[m];
            if matches!(op, Op::MoveWorkPackage(..)) {
                let k = w % x.work_packages.len().max(1);
                let mut wp = x.work_packages.get(k)?.clone();
                wp.start = add_days(wp.start, *d);
                wp.end = add_days(wp.end, *d);
                Edit::WorkPackages {
                    m,
                    op: ListEdit::Set {
                        index: k,
                        value: wp,
                    },
                }
            } else {
                let k = w % x.milestones.len().max(1);
                let mut ms = x.milestones.get(k)?.clone();
                ms.date = add_days(ms.date, *d);
                Edit::Milestones {
                    m,
                    op: ListEdit::Set {
                        index: k,
                        value: ms,
                    },
                }
            }
        }
        Op::Retitle(m, t) => {
            let m = pick(*m)?;
            let mut x = plan.modifications[m].clone();
            x.title = t.clone();
            edit::set_modification(m, x)
        }
        Op::InsertWorkPackage(m, d) => {
            let m = pick(*m)?;
            Edit::WorkPackages {
                m,
                op: ListEdit::Insert {
                    index: 0,
                    value: WorkPackage {
                        name: "inserted".into(),
                        short_name: None,
                        start: day(*d),
                        start_precision: Precision::Exact,
                        end: day(*d + 5),
                        end_precision: Precision::Exact,
                        owner: Owner::Dcc,
                        notes: String::new(),
                        ..Default::default()
                    },
                },
            }
        }
        Op::RemoveWorkPackage(m, w) => {
            let m = pick(*m)?;
            let len = plan.modifications[m].work_packages.len();
            Edit::WorkPackages {
                m,
                op: ListEdit::Remove {
                    index: w % len.max(1),
                },
            }
        }
        Op::ToggleDone(m, k) => {
            let m = pick(*m)?;
            let x = &plan.modifications[m];
            let k = k % x.milestones.len().max(1);
            let mut ms = x.milestones.get(k)?.clone();
            ms.done = !ms.done;
            Edit::Milestones {
                m,
                op: ListEdit::Set {
                    index: k,
                    value: ms,
                },
            }
        }
        Op::RemoveModification(m) => edit::remove_modification(plan, pick(*m)?),
        Op::AddModification(id) => Edit::Modifications(ListEdit::Insert {
            index: n,
            value: Box::new(Modification::new(id.clone())),
        }),
        Op::RenameModification(m, id) => edit::rename_modification(plan, pick(*m)?, id)?,
        Op::AddDependency(a, b) => {
            let (a, b) = (pick(*a)?, pick(*b)?);
            Edit::Dependencies {
                m: a,
                op: ListEdit::Insert {
                    index: 0,
                    value: Dependency {
                        kind: DependencyKind::FinishToStart,
                        on: plan.modifications[b].id.clone(),
                        lag_days: 3,
                        notes: String::new(),
                        ..Default::default()
                    },
                },
            }
        }
        Op::SetBaseline => Edit::Baselines(ListEdit::Insert {
            index: plan.baselines.len(),
            value: baseline::baseline_from(plan, plan.meta.status_date, "b"),
        }),
        Op::ShiftCalendar => {
            let mut c = plan.calendar.clone();
            c.holidays.pop();
            Edit::Calendar(c)
        }
        Op::Batch(items) => Edit::Batch(
            items
                .iter()
                .filter_map(|(m, w, d)| to_edit(plan, &Op::MoveWorkPackage(*m, *w, *d)))
                .collect(),
        ),
        _ => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_and_redo_all_replays(ops in prop::collection::vec(op(), 1..25)) {
        let original = sec_timetable::app::bundled_plan();
        let mut doc = Document::new(original.clone());
        let mut applied = 0;
        for op in &ops {
            if let Some(edit) = to_edit(doc.plan(), op)
                && doc.apply(edit, format!("{op:?}")).is_ok()
            {
                applied += 1;
            }
            // Whatever was accepted leaves a valid plan.
            prop_assert_eq!(check_integrity(doc.plan()), vec![]);
        }
        prop_assert_eq!(doc.undo_depth(), applied);
        let last = doc.plan().clone();
        while doc.undo() {}
        prop_assert_eq!(doc.plan(), &original);
        prop_assert!(!doc.is_dirty());
        while doc.redo() {}
        prop_assert_eq!(doc.plan(), &last);
        prop_assert_eq!(doc.is_dirty(), applied > 0);
    }
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = sec_timetable::app::bundled_plan();
    save_plan(&plan, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let mut changed = plan.clone();
    changed.meta.title = "Changed".into();
    let e = save_plan(&changed, &path).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(leftovers(dir.path()), 0);
}

#[test]
fn a_missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let e = save_plan(
        &sec_timetable::app::bundled_plan(),
        &dir.path().join("gone").join("p.ron"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("cannot save"), "{e}");
    assert!(e.to_string().contains("gone does not exist"), "{e}");
}

#[test]
fn a_folder_that_refuses_writes_is_reported() {
    // /proc refuses new files even for root.
    let e = save_plan(
        &sec_timetable::app::bundled_plan(),
        Path::new("/proc/sec-timetable-test.ron"),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("/proc/sec-timetable-test.ron: cannot save"),
        "{e}"
    );
}

#[test]
fn a_full_disk_mid_write_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = sec_timetable::app::bundled_plan();
    save_plan(&plan, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut changed = plan.clone();
    changed.meta.title = "Changed".into();
    // The disk fills after half the bytes.
    let e = save_plan_with(&changed, &path, |file, bytes| {
        use std::io::Write;
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    })
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("the disk is full (No space left on device)"),
        "{e}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(leftovers(dir.path()), 0, "the temporary file is removed");
}

fn leftovers(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("a readable folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count()
}

/// Which of the two plans a save loop alternates between is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnDisk {
    Old,
    New,
}

/// Checks that `path` holds exactly one of the two plans, complete: its bytes are the whole canonical text of `old`
/// or of `new` (nothing cut short, nothing mixed), and it loads back as that same plan.
fn which_plan_is_on_disk(path: &Path, old: &(Plan, String), new: &(Plan, String)) -> OnDisk {
    let bytes = std::fs::read(path).expect("the plan file is there");
    let (on_disk, (plan, _)) = if bytes == old.1.as_bytes() {
        (OnDisk::Old, old)
    } else if bytes == new.1.as_bytes() {
        (OnDisk::New, new)
    } else {
        let cut = bytes.len() < old.1.len().min(new.1.len());
        panic!(
            "the file ({} bytes{}) is neither the old ({} bytes) nor the new ({} bytes) plan",
            bytes.len(),
            if cut { ", cut short" } else { "" },
            old.1.len(),
            new.1.len()
        );
    };
    assert_eq!(
        &load_plan(path).expect("the plan file loads"),
        plan,
        "{on_disk:?} loads as itself"
    );
    on_disk
}

#[test]
fn killing_a_process_mid_save_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // The plans `__save-loop` saves in turn.
    let [old, new] = [1, 2].map(|seed| {
        let plan = sec_timetable::synthetic::generate(400, seed);
        let text = plan_to_string(&plan).unwrap();
        (plan, text)
    });
    assert_ne!(old.1, new.1);
    write_atomically(&path, old.1.as_bytes()).unwrap();
    let mut outcomes = Vec::new();
    for round in 0..30u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
            .arg("__save-loop")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Let it get into its loop, then kill it at a different moment each round.
        std::thread::sleep(Duration::from_millis(40 + (round * 37) % 150));
        assert!(
            child.try_wait().unwrap().is_none(),
            "round {round}: the save loop stopped before it was killed"
        );
        child.kill().unwrap();
        let status = child.wait().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "round {round}: killed, {status}");
        }
        // Windows ends it with TerminateProcess: no signal, just a failure.
        #[cfg(not(unix))]
        assert!(!status.success(), "round {round}: killed, {status}");
        outcomes.push(which_plan_is_on_disk(&path, &old, &new));
    }
    assert_eq!(outcomes.len(), 30, "every kill was checked: {outcomes:?}");
}
