//! The chain's unit tests: notice deadlines across Easter, slips across months, pins, named meetings, cycles.

use jiff::civil::date;

use super::*;
use crate::model::plan::{Link, Meeting, Milestone, WorkPackage};
use crate::model::{Dependency, Edit, Owner, edit};

fn link(on: &str) -> Vec<Link> {
    vec![Link {
        on: on.into(),
        lag_days: 0,
    }]
}

/// The paper's calendar and meetings: monthly Working Group (first Wednesday, papers 5 working days before)
/// and Panels in April–June 2019; one modification with the paper's chain: DCC response → review → WG → Panel.
fn plan() -> Plan {
    let mut p = Plan::new_empty(date(2019, 3, 8));
    p.meeting_series
        .push(crate::model::schedule::paper_working_groups(date(
            2019, 12, 31,
        )));
    for (n, d) in [
        (67, date(2019, 4, 12)),
        (68, date(2019, 5, 17)),
        (69, date(2019, 6, 21)),
    ] {
        p.meetings.push(Meeting {
            id: format!("panel-{n}"),
            kind: MeetingKind::Panel,
            name: format!("Panel {n}"),
            date: d,
            approximate: false,
            notice: None,
            notes: String::new(),
        });
    }
    let mut m = Modification::new("SECMP0056");
    m.work_packages = vec![
        WorkPackage {
            id: "pa".into(),
            name: "DCC Preliminary Assessment".into(),
            start: date(2019, 3, 11),
            end: date(2019, 4, 5),
            owner: Owner::Dcc,
            ..Default::default()
        },
        WorkPackage {
            id: "review".into(),
            name: "Review with the Proposer".into(),
            start: date(2019, 4, 8),
            end: date(2019, 4, 24),
            after: link("pa"),
            ..Default::default()
        },
    ];
    m.milestones = vec![
        Milestone {
            id: "wg".into(),
            kind: MilestoneKind::WorkingGroup,
            date: date(2019, 5, 1),
            label: "Working Group".into(),
            after: link("review"),
            at: Some(At::NextWorkingGroup),
            ..Default::default()
        },
        Milestone {
            id: "panel".into(),
            kind: MilestoneKind::PanelReturn,
            date: date(2019, 5, 17),
            label: "Panel return".into(),
            after: link("wg"),
            at: Some(At::NextPanel),
            ..Default::default()
        },
    ];
    p.modifications.push(m);
    p
}

fn dates(p: &Plan) -> (Date, Date, Date, Date) {
    let m = &p.modifications[0];
    (
        m.work_packages[1].start,
        m.work_packages[1].end,
        m.milestones[0].date,
        m.milestones[1].date,
    )
}

fn move_pa_end(p: &mut Plan, end: Date) -> Edit {
    let mut m = p.modifications[0].clone();
    m.work_packages[0].end = end;
    edit::apply(p, edit::set_modification(0, m)).unwrap()
}

#[test]
fn the_paper_is_a_fixed_point() {
    let mut p = plan();
    assert_eq!(reschedule(&mut p, &Scope::All), vec![]);
}

#[test]
fn review_across_easter_makes_the_may_papers_deadline() {
    // 8 April + 10 working days skips Good Friday and Easter Monday: 24 April, the May Working Group's papers
    // deadline (1 May less five working days).
    let p = plan();
    let s = Schedule::build(&p);
    let may = s.by_id("wg-2019-05").unwrap();
    assert_eq!(may.papers_due, Some(date(2019, 4, 24)));
    assert_eq!(
        dates(&p),
        (
            date(2019, 4, 8),
            date(2019, 4, 24),
            date(2019, 5, 1),
            date(2019, 5, 17)
        )
    );
}

#[test]
fn a_slip_moves_what_follows_across_a_month_and_back() {
    let mut p = plan();
    let original = p.clone();
    // The response slips one working day: the review ends 25 April, after May's deadline, so June.
    let undo = move_pa_end(&mut p, date(2019, 4, 8));
    assert_eq!(
        dates(&p),
        (
            date(2019, 4, 9),
            date(2019, 4, 25),
            date(2019, 6, 5),
            date(2019, 6, 21)
        )
    );
    // Moving it earlier again pulls everything back to the earliest feasible meetings.
    move_pa_end(&mut p, date(2019, 3, 29));
    assert_eq!(dates(&p).2, date(2019, 5, 1));
    assert_eq!(dates(&p).3, date(2019, 5, 17));
    // The first edit's inverse restores the cascade too.
    let mut q = original.clone();
    move_pa_end(&mut q, date(2019, 4, 8));
    edit::apply(&mut q, undo).unwrap();
    assert_eq!(q, original);
}

#[test]
fn pinned_items_stay_and_named_meetings_carry_their_milestones() {
    let mut p = plan();
    p.modifications[0].milestones[0].pinned = true;
    move_pa_end(&mut p, date(2019, 4, 8));
    assert_eq!(dates(&p).2, date(2019, 5, 1), "pinned: not moved");
    // A milestone at a named meeting moves when the meeting does.
    let mut p = plan();
    p.modifications[0].milestones[1].at = Some(At::Meeting("panel-68".into()));
    let mut panel = p.meetings[1].clone();
    panel.date = date(2019, 5, 24);
    edit::apply(
        &mut p,
        Edit::Meetings(edit::ListEdit::Set {
            index: 1,
            value: panel,
        }),
    )
    .unwrap();
    assert_eq!(dates(&p).3, date(2019, 5, 24));
}

#[test]
fn cycles_are_refused_naming_a_link() {
    let mut m = plan().modifications[0].clone();
    m.work_packages[0].after = link("panel");
    match order(&m) {
        Err(LinkProblem::Cycle { item, on }) => {
            assert!(!item.is_empty() && !on.is_empty(), "{item} {on}");
            let follower = find_item(&m, &item).unwrap();
            assert!(follower.links(&m).iter().any(|l| l.on == on));
        }
        other => panic!("{other:?}"),
    }
    let mut p = plan();
    p.modifications[0] = m;
    assert!(
        crate::model::check_integrity(&p)
            .iter()
            .any(|e| matches!(e, crate::model::IntegrityError::LinkCycle { .. }))
    );
}

#[test]
fn waiting_modifications_are_pushed_and_explained() {
    let mut p = plan();
    let mut b = Modification::new("SECMP0028");
    b.work_packages.push(WorkPackage {
        name: "Resume".into(),
        start: date(2019, 4, 1),
        end: date(2019, 4, 5),
        ..Default::default()
    });
    b.dependencies.push(Dependency {
        on: "SECMP0056".into(),
        until: Some("panel".into()),
        ..Default::default()
    });
    p.modifications.push(b);
    reschedule(&mut p, &Scope::All);
    // Resumes after SECMP0056's Panel return on 17 May.
    assert_eq!(p.modifications[1].work_packages[0].start, date(2019, 5, 20));
    let why = explain(&p, &Schedule::build(&p), 1);
    assert!(why[0].1.contains("Waits for SECMP0056"), "{why:?}");
    let why = explain(&p, &Schedule::build(&p), 0);
    let wg = &why
        .iter()
        .find(|(i, _)| *i == Item::Milestone(0))
        .unwrap()
        .1;
    assert_eq!(
        wg,
        "Working Group May 2019, 1 May 2019: the first whose papers deadline, 24 Apr 2019, is on or after the end of 'Review with the Proposer' (24 Apr 2019)."
    );
}

#[test]
fn only_what_the_scheduler_reads_counts_as_a_change_of_schedule() {
    let a = plan().modifications[0].clone();
    let mut b = a.clone();
    b.title = "Retitled".into();
    b.work_packages[0].notes = "noted".into();
    b.milestones[0].done = true;
    assert!(
        same_schedule(&a, &b),
        "titles, notes and progress move nothing"
    );
    let mut c = a.clone();
    c.work_packages[0].end = date(2019, 4, 8);
    assert!(!same_schedule(&a, &c));
    let mut d = a.clone();
    d.milestones[1].at = Some(At::Meeting("panel-69".into()));
    assert!(!same_schedule(&a, &d));
    let mut e = a.clone();
    e.milestones[0].after[0].lag_days = 1;
    assert!(!same_schedule(&a, &e));
}

#[test]
fn a_waiting_modification_says_what_lifts_it() {
    let p = crate::io::bundled_plan();
    let m = p.modification("SECMP0028").unwrap();
    assert_eq!(
        waits(&p, m),
        ["On hold until SECMP0067's “Panel June 2019: update and next dates” (21 Jun 2019)."]
    );
    let mut m = m.clone();
    m.dependencies[0].until = None;
    m.dependencies[0].kind = DependencyKind::FinishToStart;
    m.dependencies[0].lag_days = 3;
    let end = p.modification("SECMP0067").unwrap().work_end().unwrap();
    assert_eq!(
        waits(&p, &m),
        [format!(
            "Starts after SECMP0067's work ends ({}) and 3 working days.",
            crate::model::format_date(end)
        )]
    );
}
