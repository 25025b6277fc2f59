//! The warnings about the chain: notice deadlines missed by pinned meeting milestones, items dated before what they
//! follow, modifications with no way back to the Panel, parallel modifications drifting apart, holds nobody can date,
//! and timetables longer than the paper's two or three months. Part of [`crate::model::validate`].

use jiff::ToSpan;
use jiff::civil::Date;

use super::chain::{self, Item};
use super::date::format_date;
use super::plan::{At, DependencyKind, MilestoneKind, Modification, Status};
use super::validate::{Check, Subject, Warning, WarningCode};

/// The paper asks for "a more detailed two- or three-month timetable".
const HORIZON_MONTHS: i8 = 3;

/// Runs every chain rule on the checked modification.
pub(super) fn check(c: &Check<'_>, out: &mut Vec<Warning>) {
    let m = c.m;
    for item in chain::items(m) {
        out.extend(out_of_order(c, item));
    }
    for (k, x) in m.milestones.iter().enumerate() {
        out.extend(papers_late(c, k, x));
    }
    if m.status.is_closed() {
        return;
    }
    out.extend(no_panel_return(c));
    out.extend(horizon(c));
    for (k, d) in m.dependencies.iter().enumerate() {
        if d.kind == DependencyKind::InParallelWith {
            out.extend(group_drift(c, k, &d.on));
        }
    }
    for h in &m.holds {
        if h.expected.is_none() {
            out.push(c.warning(
                WarningCode::HoldUnresolved,
                Subject::Modification,
                format!(
                    "{} waits for \"{}\", which has no expected date: ask when it is expected.",
                    m.id, h.event
                ),
            ));
        }
    }
}

/// The latest of the items `item` follows, with the day it lets `item` happen (a work package the working day
/// after).
fn latest_input(c: &Check<'_>, item: Item) -> Option<(Item, Date, Date)> {
    let m = c.m;
    let links = match item {
        Item::WorkPackage(w) => &m.work_packages[w].after,
        Item::Milestone(k) => &m.milestones[k].after,
    };
    let cal = &c.plan().calendar;
    let is_wp = i32::from(matches!(item, Item::WorkPackage(_)));
    links
        .iter()
        .filter_map(|l| {
            let input = chain::find_item(m, &l.on)?;
            let end = input.end(m)?;
            Some((input, end, cal.add_working_days(end, l.lag_days + is_wp)))
        })
        .max_by_key(|(_, _, ready)| *ready)
}

fn subject(item: Item) -> Subject {
    match item {
        Item::WorkPackage(w) => Subject::WorkPackage(w),
        Item::Milestone(k) => Subject::Milestone(k),
    }
}

/// [`WarningCode::OutOfOrder`]: `item` starts (or falls) before an item it follows lets it.
fn out_of_order(c: &Check<'_>, item: Item) -> Option<Warning> {
    let m = c.m;
    let (input, input_end, ready) = latest_input(c, item)?;
    let day = match item {
        Item::WorkPackage(w) => m.work_packages[w].start,
        Item::Milestone(k) => m.milestones[k].date,
    };
    // A milestone on a meeting is judged by the papers deadline instead (papers_late).
    if let Item::Milestone(k) = item
        && matches!(m.milestones[k].at, Some(At::Meeting(_)))
        && day >= input_end
    {
        return None;
    }
    (day < ready).then(|| {
        c.warning(
            WarningCode::OutOfOrder,
            subject(item),
            format!(
                "{}: \"{}\" is dated {}, before \"{}\", which it follows, ends on {}.",
                m.id,
                item.name(m),
                format_date(day),
                input.name(m),
                format_date(input_end)
            ),
        )
    })
}

/// [`WarningCode::PapersLate`]: milestone `k` is fixed to a meeting (by name, or pinned on its day) and what it
/// follows ends after that meeting's papers deadline.
fn papers_late(c: &Check<'_>, k: usize, x: &super::plan::Milestone) -> Option<Warning> {
    let fixed = matches!(x.at, Some(At::Meeting(_))) || x.pinned;
    if !fixed || x.done {
        return None;
    }
    let meeting = match &x.at {
        Some(At::Meeting(id)) => c.schedule.by_id(id),
        _ => x
            .kind
            .meeting_kind()
            .and_then(|kind| c.schedule.on(x.date, kind)),
    }?;
    let papers = meeting.papers_due?;
    let (input, input_end, _) = latest_input(c, Item::Milestone(k))?;
    (input_end > papers).then(|| {
        c.warning(
            WarningCode::PapersLate,
            Subject::Milestone(k),
            format!(
                "{}: \"{}\" ends on {}, after the papers deadline of {} ({}); \"{}\" is fixed to that meeting.",
                c.m.id,
                input.name(c.m),
                format_date(input_end),
                meeting.name,
                format_date(papers),
                x.label
            ),
        )
    })
}

/// The next Panel return (or Modification Report) after the status date that is not done.
fn next_return(m: &Modification, status: Date) -> Option<Date> {
    m.milestones
        .iter()
        .filter(|x| {
            !x.done
                && x.date > status
                && matches!(
                    x.kind,
                    MilestoneKind::PanelReturn | MilestoneKind::ModificationReport
                )
        })
        .map(|x| x.date)
        .min()
}

/// [`WarningCode::NoPanelReturn`]: open, not on hold, and nothing brings it back to the Panel: the paper's "black
/// hole".
fn no_panel_return(c: &Check<'_>) -> Option<Warning> {
    let m = c.m;
    let held = m.status == Status::OnHold
        || m.dependencies
            .iter()
            .any(|d| d.kind == DependencyKind::OnHoldPending);
    if held || next_return(m, c.status_date()).is_some() {
        return None;
    }
    Some(c.warning(
        WarningCode::NoPanelReturn,
        Subject::Modification,
        format!(
            "{} has no Panel return after {}: every open modification needs a date to come back to the Panel.",
            m.id,
            format_date(c.status_date())
        ),
    ))
}

/// [`WarningCode::Horizon`]: the next Panel return is more than three months after the status date.
fn horizon(c: &Check<'_>) -> Option<Warning> {
    let status = c.status_date();
    let next = next_return(c.m, status)?;
    let limit = status.checked_add(HORIZON_MONTHS.months()).ok()?;
    (next > limit).then(|| {
        c.warning(
            WarningCode::Horizon,
            Subject::Modification,
            format!(
                "{} next returns to the Panel on {}, more than three months after {}: the Panel asked for two- or three-month timetables.",
                c.m.id,
                format_date(next),
                format_date(status)
            ),
        )
    })
}

/// [`WarningCode::GroupDrift`]: the checked modification is progressed in parallel with `on` (dependency `k`), but
/// their next Panel returns differ.
fn group_drift(c: &Check<'_>, k: usize, on: &str) -> Option<Warning> {
    let status = c.status_date();
    let other = c.other(c.index.get(on)?);
    let (mine, theirs) = (next_return(c.m, status)?, next_return(other, status)?);
    (mine != theirs).then(|| {
        c.warning(
            WarningCode::GroupDrift,
            Subject::Dependency(k),
            format!(
                "{} is progressed in parallel with {}, but returns to the Panel on {} and {} on {}.",
                c.m.id,
                on,
                format_date(mine),
                on,
                format_date(theirs)
            ),
        )
    })
}
