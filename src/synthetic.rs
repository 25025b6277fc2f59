//! Large, realistic-looking plans for benchmarks and scale tests: `n` modifications with work packages in sequence,
//! Working Group and Panel milestones on real meetings, some dependencies and groups. Deterministic for a seed.

use jiff::civil::{Date, date};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use strum::IntoEnumIterator;

use crate::model::{
    At, Calendar, Dependency, DependencyKind, FORMAT_VERSION, Group, Link, Meeting, MeetingKind,
    MeetingSeries, Milestone, MilestoneKind, Modification, Notice, Owner, Plan, PlanMeta,
    Precision, Release, Schedule, Status, WeekDay, WorkPackage,
};

const SUBJECTS: [&str; 12] = [
    "Firmware updates",
    "Service Request prioritisation",
    "Communications Hub triage",
    "Alert storm protection",
    "Prepayment in No WAN situations",
    "Network Operator certificates",
    "Shared HAN channel selection",
    "Target Response Times",
    "Advanced Shipment Notifications",
    "Zigbee attributes on the HAN",
    "Electric Vehicle charger control",
    "Gas Proxy Function timestamps",
];

const DEVICES: [&str; 6] = [
    "IHDs",
    "PPMIDs",
    "Smart Meters",
    "Comms Hubs",
    "DSP",
    "SMETS2 Devices",
];

const PACKAGES: [(&str, Owner); 6] = [
    ("Business requirements", Owner::Secas),
    ("DCC Preliminary Assessment", Owner::Dcc),
    ("Review with the Proposer", Owner::Proposer),
    ("Sub-Committee review", Owner::SubCommittee),
    ("Industry consultation", Owner::Industry),
    ("Modification Report", Owner::Secas),
];

/// A plan with `n` modifications, reproducible from `seed`.
pub fn generate(n: usize, seed: u64) -> Plan {
    let mut rng = StdRng::seed_from_u64(seed);
    let calendar = Calendar::england_and_wales();
    let first = date(2019, 1, 1);
    let last = date(2026, 12, 31);
    let meeting_series = vec![MeetingSeries {
        id: "wg".into(),
        kind: MeetingKind::WorkingGroup,
        name: "Working Group".into(),
        nth: 1,
        weekday: WeekDay::Wednesday,
        from: first,
        until: last,
        notice: Some(Notice {
            agenda_days: 10,
            papers_days: 5,
        }),
        skip: Vec::new(),
        notes: String::new(),
    }];
    let meetings = panel_meetings(&calendar, first, last);
    let releases = vec![Release {
        id: "nov-2020".into(),
        name: "November 2020 SEC Release".into(),
        date: date(2020, 11, 5),
        precision: Precision::Exact,
        cutoff_meeting: meetings
            .iter()
            .find(|m| m.date.year() == 2020 && m.date.month() == 5)
            .map_or_else(|| meetings[0].id.clone(), |m| m.id.clone()),
        notes: String::new(),
    }];
    let groups: Vec<Group> = (0..n / 30 + 1)
        .map(|g| Group {
            id: format!("group-{g}"),
            name: format!("Group {g}"),
            notes: String::new(),
        })
        .collect();

    let mut plan = Plan {
        version: FORMAT_VERSION,
        meta: PlanMeta {
            title: format!("Synthetic plan with {n} modifications"),
            paper_ref: String::new(),
            status_date: date(2021, 3, 5),
            author: "generate_plan".into(),
            notes: String::new(),
        },
        calendar,
        meeting_series,
        meetings,
        releases,
        groups,
        modifications: Vec::with_capacity(n),
        baselines: Vec::new(),
        legacy_baseline: None,
    };
    let schedule = Schedule::build(&plan);
    for i in 0..n {
        let m = modification(i, &mut rng, &plan, &schedule, first);
        plan.modifications.push(m);
    }
    // The plan is its own schedule, as every loaded plan is.
    crate::model::chain::reschedule(&mut plan, &crate::model::chain::Scope::All);
    plan
}

/// A Panel meeting on the third Friday of every month from `first` to `last` (the working day before, if that is a
/// holiday), numbered from Panel 60.
fn panel_meetings(calendar: &Calendar, first: Date, last: Date) -> Vec<Meeting> {
    let mut meetings = Vec::new();
    let mut number = 60;
    let mut month = first;
    while month <= last {
        if let Ok(day) = month.nth_weekday_of_month(3, jiff::civil::Weekday::Friday) {
            meetings.push(Meeting {
                id: format!("panel-{number}"),
                kind: MeetingKind::Panel,
                name: format!("Panel {number}"),
                date: calendar.working_day_on_or_before(day),
                approximate: true,
                notice: None,
                notes: String::new(),
            });
            number += 1;
        }
        match crate::model::next_month_start(month) {
            Some(next) => month = next,
            None => break,
        }
    }
    meetings
}

/// Modification number `i`: an open status, one to four work packages in sequence starting within six years of
/// `first`, a Working Group and a Panel return after them, sometimes a dependency on an earlier modification and
/// a group. Draws from `rng` in a fixed order, so that a seed always gives the same plan.
fn modification(
    i: usize,
    rng: &mut StdRng,
    plan: &Plan,
    schedule: &Schedule,
    first: Date,
) -> Modification {
    let span_days = 365 * 6;
    let mut m = Modification::new(format!("SECMP{i:05}"));
    m.title = format!(
        "{} for {}",
        SUBJECTS[rng.random_range(0..SUBJECTS.len())],
        DEVICES[rng.random_range(0..DEVICES.len())]
    );
    m.summary = format!("Synthetic modification number {i}.");
    // Every open status: a generated modification is still being worked on.
    let open_statuses: Vec<Status> = Status::iter().filter(|s| !s.is_closed()).collect();
    m.status = open_statuses[rng.random_range(0..open_statuses.len())];
    let mut start: Date = plan
        .calendar
        .working_day_on_or_after(crate::model::add_days(
            first,
            rng.random_range(0..span_days),
        ));
    for w in 0..rng.random_range(1..=4) {
        let (name, owner) = PACKAGES[rng.random_range(0..PACKAGES.len())];
        let end = plan
            .calendar
            .add_working_days(start, rng.random_range(4..40));
        m.work_packages.push(WorkPackage {
            id: format!("w{w}"),
            // Each package follows the one before: the chain a planner would link.
            after: (w > 0)
                .then(|| Link {
                    on: format!("w{}", w - 1),
                    lag_days: 0,
                })
                .into_iter()
                .collect(),
            name: name.into(),
            short_name: None,
            start,
            start_precision: Precision::Exact,
            end,
            end_precision: if rng.random_range(0..5) == 0 {
                Precision::Late
            } else {
                Precision::Exact
            },
            owner,
            notes: String::new(),
            ..Default::default()
        });
        start = plan.calendar.add_working_days(end, 1);
    }
    let end = m.work_end().unwrap_or(start);
    let last = format!("w{}", m.work_packages.len().saturating_sub(1));
    m.milestones = milestones_after(plan, schedule, end, &last);
    // Dependencies point backwards only, so there are no cycles.
    if i > 0 && rng.random_range(0..20) == 0 {
        let on = rng.random_range(0..i);
        m.dependencies.push(Dependency {
            kind: if rng.random_range(0..2) == 0 {
                DependencyKind::OnHoldPending
            } else {
                DependencyKind::FinishToStart
            },
            on: format!("SECMP{on:05}"),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        });
    }
    if rng.random_range(0..10) == 0 {
        m.group = Some(format!("group-{}", rng.random_range(0..plan.groups.len())));
    }
    m
}

/// The next Working Group on or after `end`, then the next Panel on or after that, as milestones (done when before
/// the status date).
fn milestones_after(plan: &Plan, schedule: &Schedule, end: Date, last: &str) -> Vec<Milestone> {
    let mut milestones = Vec::new();
    let Some(wg) = schedule.next_on_or_after(end, MeetingKind::WorkingGroup) else {
        return milestones;
    };
    milestones.push(Milestone {
        id: "wg".into(),
        after: vec![Link {
            on: last.to_owned(),
            lag_days: 0,
        }],
        at: Some(At::NextWorkingGroup),
        kind: MilestoneKind::WorkingGroup,
        date: wg.date,
        precision: Precision::Exact,
        label: format!("Working Group {}", wg.date.strftime("%B %Y")),
        done: wg.date < plan.meta.status_date,
        ..Default::default()
    });
    if let Some(panel) = schedule.next_on_or_after(wg.date, MeetingKind::Panel) {
        milestones.push(Milestone {
            id: "panel".into(),
            after: vec![Link {
                on: "wg".into(),
                lag_days: 0,
            }],
            at: Some(At::NextPanel),
            kind: MilestoneKind::PanelReturn,
            date: panel.date,
            precision: Precision::Exact,
            label: format!("Panel {}", panel.date.strftime("%B %Y")),
            done: panel.date < plan.meta.status_date,
            ..Default::default()
        });
    }
    milestones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_plans_are_valid_and_reproducible() {
        let a = generate(300, 7);
        assert_eq!(a, generate(300, 7));
        assert_ne!(a, generate(300, 8));
        assert_eq!(a.modifications.len(), 300);
        assert_eq!(crate::model::check_integrity(&a), vec![]);
        let text = crate::io::plan_to_string(&a).unwrap();
        let back =
            crate::io::parse_plan(text.as_bytes(), std::path::Path::new("synthetic")).unwrap();
        assert_eq!(back, a);
    }
}
