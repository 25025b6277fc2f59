//! Warnings: things a planner should look at in a valid plan. Each has a code, the modification it is about,
//! the item on that row it points at, and a plain message.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;
use strum::{EnumIter, IntoStaticStr};

use super::date::Precision;
use super::date::{format_approx, format_date};
use super::plan::{
    Dependency, DependencyKind, MeetingKind, Milestone, MilestoneKind, Modification, Plan, Release,
    WorkPackage,
};
use super::schedule::{Schedule, ScheduledMeeting};

/// What kind of problem a warning reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[derive(EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum WarningCode {
    /// A modification held pending (or starting after) another is scheduled to progress before the other's work
    /// ends.
    DependencyViolated,
    /// A Modification Report milestone falls after its target release's cut-off Panel.
    ReleaseCutoffMissed,
    /// A modification targets a release but has no Modification Report milestone at all.
    ReleaseCutoffUnplanned,
    /// A Working Group milestone is not on a Working Group meeting day.
    WorkingGroupNotOnMeeting,
    /// A Panel return or Modification Report milestone is not on a Panel meeting day.
    PanelNotOnMeeting,
    /// A milestone or work package before the status date is not marked done.
    Overdue,
    /// Nothing dated after the status date: the modification has no next step.
    BlackHole,
    /// The agenda deadline of a meeting the modification is due at has already passed.
    NoticePast,
    /// An exact date falls on a weekend or bank holiday.
    NonWorkingDay,
    /// A milestone pinned to a meeting follows work that ends after that meeting's papers deadline.
    PapersLate,
    /// An open modification, not on hold, has no Panel return or Modification Report after the status date.
    NoPanelReturn,
    /// An item is dated before an item it follows ends.
    OutOfOrder,
    /// Modifications progressed in parallel return to different Panels.
    GroupDrift,
    /// A hold on an event outside the plan has no expected date.
    HoldUnresolved,
    /// The next Panel return is more than three months after the status date.
    Horizon,
}

impl WarningCode {
    /// snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The item on a modification's row that a warning points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The modification as a whole.
    Modification,
    /// Work package at this index.
    WorkPackage(usize),
    /// Milestone at this index.
    Milestone(usize),
    /// Dependency at this index.
    Dependency(usize),
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The kind of problem.
    pub code: WarningCode,
    /// Id of the modification it is about.
    pub modification: String,
    /// Index of that modification in the plan.
    pub index: usize,
    /// Which item on the row.
    pub subject: Subject,
    /// Plain English, naming the modification.
    pub message: String,
}

/// Milestone kinds that count as progressing the work (a Panel update on a held modification does not).
fn is_progress(kind: MilestoneKind) -> bool {
    !matches!(kind, MilestoneKind::PanelReturn | MilestoneKind::Other)
}

/// Last day the modification's scheduled activity reaches: its latest work package end, or failing that its latest
/// milestone.
fn activity_end(m: &Modification) -> Option<Date> {
    m.work_end()
        .or_else(|| m.milestones.iter().map(|x| x.date).max())
}

fn has_next_step(m: &Modification, status_date: Date) -> bool {
    m.work_packages.iter().any(|w| w.end > status_date)
        || m.milestones.iter().any(|x| !x.done && x.date > status_date)
}

/// Modification ids to plan indices, built once per plan revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex(HashMap<String, usize>);

impl IdIndex {
    /// Indexes `plan`'s modifications.
    pub fn build(plan: &Plan) -> Self {
        IdIndex(
            plan.modifications
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.clone(), i))
                .collect(),
        )
    }

    /// Index of the modification with `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

/// The plan as validation sees it: the real plan, with optionally one modification replaced (a drag preview).
#[derive(Clone, Copy)]
struct View<'a> {
    plan: &'a Plan,
    replaced: Option<(usize, &'a Modification)>,
}

impl<'a> View<'a> {
    fn get(&self, i: usize) -> &'a Modification {
        match self.replaced {
            Some((j, m)) if j == i => m,
            _ => &self.plan.modifications[i],
        }
    }
}

/// All warnings for `plan`, grouped by modification in plan order.
pub fn validate(plan: &Plan, schedule: &Schedule) -> Vec<Warning> {
    let index = IdIndex::build(plan);
    validate_with(plan, schedule, &index, 0..plan.modifications.len(), None)
}

/// Warnings for the modifications at `indices` only, as if modification `replaced.0` were `replaced.1`.
/// This is how a drag previews the warnings a move would cause without touching the plan.
pub fn validate_with(
    plan: &Plan,
    schedule: &Schedule,
    index: &IdIndex,
    indices: impl IntoIterator<Item = usize>,
    replaced: Option<(usize, &Modification)>,
) -> Vec<Warning> {
    let view = View { plan, replaced };
    let mut out = Vec::new();
    for i in indices {
        if i < plan.modifications.len() {
            validate_modification(view, schedule, index, i, &mut out);
        }
    }
    out
}

/// What every rule needs: the plan as validation sees it, the meetings, the id index, and the modification checked.
pub(super) struct Check<'a> {
    view: View<'a>,
    pub(super) schedule: &'a Schedule,
    pub(super) index: &'a IdIndex,
    /// Index of the modification in the plan.
    i: usize,
    /// The modification (the replacement, during a drag preview).
    pub(super) m: &'a Modification,
}

impl<'a> Check<'a> {
    pub(super) fn plan(&self) -> &'a Plan {
        self.view.plan
    }

    pub(super) fn status_date(&self) -> Date {
        self.view.plan.meta.status_date
    }

    /// Modification `j` as validation sees it (the replacement, during a drag preview).
    pub(super) fn other(&self, j: usize) -> &'a Modification {
        self.view.get(j)
    }

    pub(super) fn warning(&self, code: WarningCode, subject: Subject, message: String) -> Warning {
        Warning {
            code,
            modification: self.m.id.clone(),
            index: self.i,
            subject,
            message,
        }
    }
}

/// Runs every rule on modification `i`, appending its warnings to `out` in a fixed order: dependencies, release
/// cut-off, then per milestone (meeting day, notice, overdue, working day), work package days, and black hole.
fn validate_modification(
    view: View<'_>,
    schedule: &Schedule,
    index: &IdIndex,
    i: usize,
    out: &mut Vec<Warning>,
) {
    let m = view.get(i);
    let c = Check {
        view,
        schedule,
        index,
        i,
        m,
    };
    for (k, d) in m.dependencies.iter().enumerate() {
        out.extend(dependency_violated(&c, k, d));
    }
    release_cutoff(&c, out);
    for (k, x) in m.milestones.iter().enumerate() {
        if let Some(kind) = x.kind.meeting_kind() {
            match schedule.on(x.date, kind) {
                None => out.push(not_on_meeting(&c, k, x, kind)),
                Some(meeting) => out.extend(notice_past(&c, k, x, meeting)),
            }
        }
        out.extend(overdue(&c, k, x));
        out.extend(milestone_on_non_working_day(&c, k, x));
    }
    for (k, w) in m.work_packages.iter().enumerate() {
        out.extend(work_package_overdue(&c, k, w));
        work_package_on_non_working_day(&c, k, w, out);
    }
    out.extend(black_hole(&c));
    super::chain_rules::check(&c, out);
}

/// [`WarningCode::DependencyViolated`]: dependency `k` orders work, and something that progresses this
/// modification is scheduled before the other's activity ends (plus the lag).
fn dependency_violated(c: &Check<'_>, k: usize, d: &Dependency) -> Option<Warning> {
    if !d.kind.is_ordering() {
        return None;
    }
    let m = c.m;
    let other = c.index.get(&d.on).map(|j| c.view.get(j))?;
    let blocker_end = activity_end(other)?;
    let earliest_ok = c
        .plan()
        .calendar
        .add_working_days(blocker_end, d.lag_days.max(0) + 1);
    let early_wp = m
        .work_packages
        .iter()
        .filter(|w| w.start < earliest_ok)
        .min_by_key(|w| w.start);
    let early_ms = m
        .milestones
        .iter()
        .filter(|x| is_progress(x.kind) && !x.done && x.date < earliest_ok)
        .min_by_key(|x| x.date);
    let (day, what) = match (early_wp, early_ms) {
        (Some(w), Some(x)) if x.date < w.start => (x.date, x.label.as_str()),
        (Some(w), _) => (w.start, w.name.as_str()),
        (None, Some(x)) => (x.date, x.label.as_str()),
        (None, None) => return None,
    };
    let rule = match d.kind {
        DependencyKind::OnHoldPending => format!("is on hold pending {}", d.on),
        _ if d.lag_days > 0 => {
            format!("starts {} working days after {} finishes", d.lag_days, d.on)
        }
        _ => format!("starts after {} finishes", d.on),
    };
    Some(c.warning(
        WarningCode::DependencyViolated,
        Subject::Dependency(k),
        format!(
            "{} {rule}, but \"{what}\" is scheduled for {} — before {}'s work ends on {}.",
            m.id,
            format_date(day),
            d.on,
            format_date(blocker_end)
        ),
    ))
}

/// The release cut-off rules, for a modification that targets a release whose cut-off meeting is scheduled:
/// [`WarningCode::ReleaseCutoffUnplanned`] first, then [`WarningCode::ReleaseCutoffMissed`] per late report.
fn release_cutoff(c: &Check<'_>, out: &mut Vec<Warning>) {
    let Some(release) =
        c.m.target_release
            .as_deref()
            .and_then(|r| c.plan().release(r))
    else {
        return;
    };
    let Some(cutoff) = c.schedule.by_id(&release.cutoff_meeting) else {
        return;
    };
    let reports: Vec<(usize, &Milestone)> =
        c.m.milestones
            .iter()
            .enumerate()
            .filter(|(_, x)| x.kind == MilestoneKind::ModificationReport)
            .collect();
    if reports.is_empty() {
        out.push(release_cutoff_unplanned(c, release, cutoff));
    }
    for (k, x) in reports {
        out.extend(release_cutoff_missed(c, release, cutoff, k, x));
    }
}

/// [`WarningCode::ReleaseCutoffUnplanned`]: the modification targets `release` but plans no Modification Report.
fn release_cutoff_unplanned(
    c: &Check<'_>,
    release: &Release,
    cutoff: &ScheduledMeeting,
) -> Warning {
    c.warning(
        WarningCode::ReleaseCutoffUnplanned,
        Subject::Modification,
        format!(
            "{} targets the {} but no Modification Report is planned; it must reach the Panel by {} ({}).",
            c.m.id,
            release.name,
            cutoff.name,
            format_date(cutoff.date)
        ),
    )
}

/// [`WarningCode::ReleaseCutoffMissed`]: Modification Report `k` is not done and falls after the cut-off.
fn release_cutoff_missed(
    c: &Check<'_>,
    release: &Release,
    cutoff: &ScheduledMeeting,
    k: usize,
    x: &Milestone,
) -> Option<Warning> {
    (x.date > cutoff.date && !x.done).then(|| {
        c.warning(
            WarningCode::ReleaseCutoffMissed,
            Subject::Milestone(k),
            format!(
                "{}'s Modification Report ({}) is after the {} cut-off, {} on {}.",
                c.m.id,
                format_approx(x.date, x.precision),
                release.name,
                cutoff.name,
                format_date(cutoff.date)
            ),
        )
    })
}

/// [`WarningCode::WorkingGroupNotOnMeeting`] or [`WarningCode::PanelNotOnMeeting`]: milestone `k` must sit on a
/// meeting of `kind` and there is none that day.
fn not_on_meeting(c: &Check<'_>, k: usize, x: &Milestone, kind: MeetingKind) -> Warning {
    let (code, what) = match kind {
        MeetingKind::WorkingGroup => (WarningCode::WorkingGroupNotOnMeeting, "Working Group"),
        _ => (WarningCode::PanelNotOnMeeting, "Panel"),
    };
    let hint = c
        .schedule
        .nearest(x.date, kind)
        .map(|n| format!(" The nearest is {} on {}.", n.name, format_date(n.date)))
        .unwrap_or_default();
    c.warning(
        code,
        Subject::Milestone(k),
        format!(
            "{}: \"{}\" on {} is not on a {what} meeting day.{hint}",
            c.m.id,
            x.label,
            format_approx(x.date, x.precision)
        ),
    )
}

/// [`WarningCode::NoticePast`]: milestone `k` is not done and `meeting`'s agenda closed before the status date,
/// which is not after the meeting.
fn notice_past(
    c: &Check<'_>,
    k: usize,
    x: &Milestone,
    meeting: &ScheduledMeeting,
) -> Option<Warning> {
    let status = c.status_date();
    let agenda_due = meeting.agenda_due?;
    (!x.done && agenda_due < status && status <= meeting.date).then(|| {
        c.warning(
            WarningCode::NoticePast,
            Subject::Milestone(k),
            format!(
                "{}: the agenda for {} closed on {}, before the status date {}; check it is on the agenda.",
                c.m.id,
                meeting.name,
                format_date(agenda_due),
                format_date(status)
            ),
        )
    })
}

/// [`WarningCode::Overdue`]: milestone `k` of an open modification is before the status date and not done.
fn overdue(c: &Check<'_>, k: usize, x: &Milestone) -> Option<Warning> {
    (!x.done && x.date < c.status_date() && !c.m.status.is_closed()).then(|| {
        c.warning(
            WarningCode::Overdue,
            Subject::Milestone(k),
            format!(
                "{}: \"{}\" was due {} and is not marked done.",
                c.m.id,
                x.label,
                format_approx(x.date, x.precision)
            ),
        )
    })
}

/// [`WarningCode::Overdue`]: work package `k` of an open modification ended before the status date and is not
/// marked done.
fn work_package_overdue(c: &Check<'_>, k: usize, w: &WorkPackage) -> Option<Warning> {
    (!w.done && w.end < c.status_date() && !c.m.status.is_closed()).then(|| {
        c.warning(
            WarningCode::Overdue,
            Subject::WorkPackage(k),
            format!(
                "{}: \"{}\" was due to finish {} and is not marked done.",
                c.m.id,
                w.name,
                format_approx(w.end, w.end_precision)
            ),
        )
    })
}

/// [`WarningCode::NonWorkingDay`] for milestone `k`: its exact date is a weekend or bank holiday.
fn milestone_on_non_working_day(c: &Check<'_>, k: usize, x: &Milestone) -> Option<Warning> {
    (x.precision == Precision::Exact && !c.plan().calendar.is_working_day(x.date)).then(|| {
        c.warning(
            WarningCode::NonWorkingDay,
            Subject::Milestone(k),
            non_working_message(c.plan(), &c.m.id, &x.label, x.date),
        )
    })
}

/// [`WarningCode::NonWorkingDay`] for work package `k`: its start, then its end, if exact and not a working day.
fn work_package_on_non_working_day(
    c: &Check<'_>,
    k: usize,
    w: &WorkPackage,
    out: &mut Vec<Warning>,
) {
    for (day, precision) in [(w.start, w.start_precision), (w.end, w.end_precision)] {
        if precision == Precision::Exact && !c.plan().calendar.is_working_day(day) {
            out.push(c.warning(
                WarningCode::NonWorkingDay,
                Subject::WorkPackage(k),
                non_working_message(c.plan(), &c.m.id, &w.name, day),
            ));
        }
    }
}

/// [`WarningCode::BlackHole`]: an open modification with nothing dated after the status date, unless it is held
/// pending a modification that has a next step.
fn black_hole(c: &Check<'_>) -> Option<Warning> {
    let status = c.status_date();
    if c.m.status.is_closed() || has_next_step(c.m, status) {
        return None;
    }
    let held_by_active = c.m.dependencies.iter().any(|d| {
        d.kind == DependencyKind::OnHoldPending
            && c.index
                .get(&d.on)
                .is_some_and(|j| has_next_step(c.view.get(j), status))
    });
    (!held_by_active).then(|| {
        c.warning(
            WarningCode::BlackHole,
            Subject::Modification,
            format!(
                "{} has no dated next step after the status date {}: agree a work package and a Panel return.",
                c.m.id,
                format_date(status)
            ),
        )
    })
}

fn non_working_message(plan: &Plan, id: &str, what: &str, day: Date) -> String {
    let why = plan
        .calendar
        .holiday(day)
        .map(|h| h.name.clone())
        .unwrap_or_else(|| day.strftime("a %A").to_string());
    format!(
        "{id}: \"{what}\" falls on {} ({why}), not a working day.",
        format_date(day)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn base() -> Plan {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        p.meeting_series
            .push(crate::model::schedule::paper_working_groups(date(
                2019, 12, 31,
            )));
        for (id, d) in [
            ("panel-67", date(2019, 4, 12)),
            ("panel-68", date(2019, 5, 17)),
        ] {
            p.meetings.push(Meeting {
                id: id.into(),
                kind: MeetingKind::Panel,
                name: id.into(),
                date: d,
                approximate: true,
                notice: None,
                notes: String::new(),
            });
        }
        p.releases.push(Release {
            id: "nov-2019".into(),
            name: "November 2019 SEC Release".into(),
            date: date(2019, 11, 7),
            precision: Precision::Exact,
            cutoff_meeting: "panel-68".into(),
            notes: String::new(),
        });
        let mut a = Modification::new("A");
        a.work_packages
            .push(wp(date(2019, 3, 11), date(2019, 3, 29)));
        a.milestones
            .push(ms(MilestoneKind::WorkingGroup, date(2019, 4, 3)));
        a.milestones
            .push(ms(MilestoneKind::PanelReturn, date(2019, 4, 12)));
        p.modifications.push(a);
        p
    }

    fn wp(start: Date, end: Date) -> WorkPackage {
        WorkPackage {
            name: "work".into(),
            short_name: None,
            start,
            start_precision: Precision::Exact,
            end,
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
            ..Default::default()
        }
    }

    fn ms(kind: MilestoneKind, d: Date) -> Milestone {
        Milestone {
            kind,
            date: d,
            precision: Precision::Exact,
            label: kind.label().into(),
            done: false,
            ..Default::default()
        }
    }

    fn codes(p: &Plan) -> Vec<WarningCode> {
        validate(p, &Schedule::build(p))
            .into_iter()
            .map(|w| w.code)
            .collect()
    }

    #[test]
    fn a_good_plan_has_no_warnings() {
        assert_eq!(codes(&base()), vec![]);
    }

    #[test]
    fn dependency_violated() {
        let mut p = base();
        let mut b = Modification::new("B");
        b.dependencies.push(Dependency {
            kind: DependencyKind::OnHoldPending,
            on: "A".into(),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        });
        b.milestones
            .push(ms(MilestoneKind::PanelReturn, date(2019, 5, 17)));
        p.modifications.push(b.clone());
        // Only a Panel update: holding is respected.
        assert_eq!(codes(&p), vec![]);
        // Work on B before A's last activity (Panel 12 April... A's work ends 29 March) fires.
        p.modifications[1]
            .work_packages
            .push(wp(date(2019, 3, 25), date(2019, 4, 5)));
        let w = validate(&p, &Schedule::build(&p));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, WarningCode::DependencyViolated);
        assert_eq!(w[0].modification, "B");
        assert_eq!(w[0].subject, Subject::Dependency(0));
        assert!(
            w[0].message.contains("on hold pending A"),
            "{}",
            w[0].message
        );
        // Moved after A's work: fine.
        p.modifications[1].work_packages[0] = wp(date(2019, 4, 1), date(2019, 4, 5));
        assert_eq!(codes(&p), vec![]);
        // Finish-to-start with a 5 working day lag: 1 April is too soon.
        p.modifications[1].dependencies[0].kind = DependencyKind::FinishToStart;
        p.modifications[1].dependencies[0].lag_days = 5;
        assert_eq!(codes(&p), vec![WarningCode::DependencyViolated]);
        // In parallel never holds work up; but the two return to different Panels, so they drift apart.
        p.modifications[1].dependencies[0].kind = DependencyKind::InParallelWith;
        assert_eq!(codes(&p), vec![WarningCode::GroupDrift]);
        p.modifications[1].milestones[0].date = date(2019, 4, 12);
        assert_eq!(codes(&p), vec![]);
    }

    #[test]
    fn release_cutoff() {
        let mut p = base();
        p.modifications[0].target_release = Some("nov-2019".into());
        assert_eq!(codes(&p), vec![WarningCode::ReleaseCutoffUnplanned]);
        p.modifications[0]
            .milestones
            .push(ms(MilestoneKind::ModificationReport, date(2019, 5, 17)));
        assert_eq!(codes(&p), vec![]);
        p.modifications[0].milestones[2].date = date(2019, 6, 21);
        let c = codes(&p);
        assert!(c.contains(&WarningCode::ReleaseCutoffMissed), "{c:?}");
    }

    #[test]
    fn meetings_must_exist() {
        let mut p = base();
        p.modifications[0].milestones[0].date = date(2019, 4, 4);
        p.modifications[0].milestones[1].date = date(2019, 4, 11);
        let w = validate(&p, &Schedule::build(&p));
        let c: Vec<_> = w.iter().map(|w| w.code).collect();
        assert_eq!(
            c,
            vec![
                WarningCode::WorkingGroupNotOnMeeting,
                WarningCode::PanelNotOnMeeting
            ]
        );
        assert!(
            w[0].message
                .contains("nearest is Working Group April 2019 on 3 Apr 2019")
        );
    }

    #[test]
    fn overdue_and_done() {
        let mut p = base();
        p.modifications[0]
            .milestones
            .push(ms(MilestoneKind::DccResponseDue, date(2019, 3, 1)));
        assert_eq!(codes(&p), vec![WarningCode::Overdue]);
        p.modifications[0].milestones[2].done = true;
        assert_eq!(codes(&p), vec![]);
        // A work package that should have finished by the status date (it ended 29 March), not done.
        p.meta.status_date = date(2019, 4, 1);
        let w = validate(&p, &Schedule::build(&p));
        let overdue: Vec<_> = w
            .iter()
            .filter(|w| w.code == WarningCode::Overdue)
            .collect();
        assert_eq!(overdue.len(), 1, "{w:?}");
        assert_eq!(overdue[0].subject, Subject::WorkPackage(0));
        assert!(
            overdue[0].message.contains("was due to finish"),
            "{}",
            overdue[0].message
        );
        p.modifications[0].work_packages[0].done = true;
        assert!(codes(&p).iter().all(|c| *c != WarningCode::Overdue));
        // A closed modification is overdue with nothing.
        p.modifications[0].work_packages[0].done = false;
        p.modifications[0].status = Status::Withdrawn;
        assert!(codes(&p).iter().all(|c| *c != WarningCode::Overdue));
    }

    #[test]
    fn black_hole_and_its_exemptions() {
        let mut p = base();
        p.modifications.push(Modification::new("B"));
        assert_eq!(
            codes(&p),
            vec![WarningCode::BlackHole, WarningCode::NoPanelReturn]
        );
        // Held pending a modification that has a next step: not lost.
        p.modifications[1].dependencies.push(Dependency {
            kind: DependencyKind::OnHoldPending,
            on: "A".into(),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        });
        assert_eq!(codes(&p), vec![]);
        // A closed modification needs no next step.
        p.modifications[1].dependencies.clear();
        p.modifications[1].status = Status::Closed;
        assert_eq!(codes(&p), vec![]);
    }

    #[test]
    fn notice_past() {
        let mut p = base();
        // Status date after the April agenda deadline (20 March) but before the meeting.
        p.meta.status_date = date(2019, 3, 22);
        assert_eq!(codes(&p), vec![WarningCode::NoticePast]);
        p.meta.status_date = date(2019, 3, 20);
        assert_eq!(codes(&p), vec![]);
    }

    #[test]
    fn non_working_days() {
        let mut p = base();
        p.modifications[0].work_packages[0].end = date(2019, 3, 30);
        let w = validate(&p, &Schedule::build(&p));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, WarningCode::NonWorkingDay);
        assert!(w[0].message.contains("a Saturday"), "{}", w[0].message);
        // Approximate dates are conventions, not claims about the day.
        p.modifications[0].work_packages[0].end_precision = Precision::Late;
        assert_eq!(codes(&p), vec![]);
    }
}
