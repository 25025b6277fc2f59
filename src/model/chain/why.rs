//! "Why is it here?": what sets each item's date, in plain English, and the earliest Panel a modification could
//! return to given its inputs today.

use super::{
    Item, MeetingFinder, Why, dependency_end, find_item, floor_of, latest_input, plan_dates,
};
use crate::model::date::format_date;
use crate::model::plan::{DependencyKind, MeetingKind, Modification, Plan};
use crate::model::schedule::{Schedule, ScheduledMeeting};

/// What modification `m` waits for in the plan, one sentence per ordering dependency: "On hold until SECMP0067's
/// “Panel June 2019: update and next dates” (21 Jun 2019)", "Starts after SECMP0007's work ends (12 Apr 2019) and 3
/// working days".
pub fn waits(plan: &Plan, m: &Modification) -> Vec<String> {
    m.dependencies
        .iter()
        .filter(|d| d.kind != DependencyKind::InParallelWith)
        .map(|d| {
            let verb = if d.kind == DependencyKind::OnHoldPending {
                "On hold until"
            } else {
                "Starts after"
            };
            let Some(other) = plan.modification(&d.on) else {
                return format!("{verb} {}, which is not in the plan.", d.on);
            };
            let what = d
                .until
                .as_deref()
                .and_then(|u| find_item(other, u))
                .map_or_else(
                    || format!("{}'s work ends", other.id),
                    |item| format!("{}'s “{}”", other.id, item.name(other)),
                );
            let when = dependency_end(other, d.until.as_deref()).map_or_else(
                || " (not dated)".to_owned(),
                |e| format!(" ({})", format_date(e)),
            );
            let lag = match d.lag_days {
                0 => String::new(),
                1 => " and 1 working day".to_owned(),
                n => format!(" and {n} working days"),
            };
            format!("{verb} {what}{when}{lag}.")
        })
        .collect()
}

/// Why each item of modification `i` is on its day, in plain English, per item.
pub fn explain(plan: &Plan, schedule: &Schedule, i: usize) -> Vec<(Item, String)> {
    let Some(m) = plan.modifications.get(i) else {
        return Vec::new();
    };
    let finder = MeetingFinder::new(schedule);
    let floor = floor_of(m, |id| plan.modification(id), &plan.calendar);
    let planned = plan_dates(m, &plan.calendar, &finder, floor.as_ref());
    planned
        .why
        .iter()
        .map(|(item, why)| (*item, describe(m, *item, why, schedule)))
        .collect()
}

fn describe(m: &Modification, item: Item, why: &Why, schedule: &Schedule) -> String {
    let day = item.end(m).map(format_date).unwrap_or_default();
    let quoted = |i: Item| format!("'{}'", i.name(m));
    match why {
        Why::Fixed => "Dated by hand; follows nothing.".to_owned(),
        Why::Pinned => "Pinned by hand: links do not move it.".to_owned(),
        Why::After {
            input,
            input_end,
            lag_days,
        } => {
            let lag = match lag_days {
                0 => String::new(),
                n => format!(" and {n} working days"),
            };
            match item {
                Item::WorkPackage(_) => format!(
                    "Starts the working day after {} ends on {}{lag}.",
                    quoted(*input),
                    format_date(*input_end)
                ),
                Item::Milestone(_) => format!(
                    "On {day}: when {} ends ({}){lag}.",
                    quoted(*input),
                    format_date(*input_end)
                ),
            }
        }
        Why::NamedMeeting { meeting } => {
            let name = schedule
                .by_id(meeting)
                .map_or(meeting.clone(), |x| x.name.clone());
            format!("At {name} ({day}), named by hand; moves with the meeting.")
        }
        Why::NextMeeting {
            meeting,
            input,
            ready,
        } => match schedule.by_id(meeting) {
            Some(x) => match x.papers_due {
                Some(papers) => format!(
                    "{}, {}: the first whose papers deadline, {}, is on or after the end of {} ({}).",
                    x.name,
                    format_date(x.date),
                    format_date(papers),
                    quoted(*input),
                    format_date(*ready)
                ),
                None => format!(
                    "{}, {}: the first on or after the end of {} ({}).",
                    x.name,
                    format_date(x.date),
                    quoted(*input),
                    format_date(*ready)
                ),
            },
            None => format!("At meeting {meeting}."),
        },
        Why::NoMeeting { input, ready } => format!(
            "No meeting in the plan is late enough for {} (ready {}): left on {day}. Extend the meeting series.",
            quoted(*input),
            format_date(*ready)
        ),
        Why::Waits { on, end } => format!(
            "Waits for {on}, whose work ends on {}: starts after it.",
            format_date(*end)
        ),
    }
}

/// The earliest Panel that `m` could return to given its inputs today: the first Panel whose papers deadline is on
/// or after the end of its work (or of what its Panel return follows). `None` when it has no work and no Panel
/// return, or the plan has no Panel late enough.
pub fn earliest_panel_return<'a>(
    plan: &Plan,
    finder: &MeetingFinder<'a>,
    m: &Modification,
) -> Option<&'a ScheduledMeeting> {
    let status = plan.meta.status_date;
    let ret = m
        .panel_return()
        .and_then(|r| m.milestones.iter().position(|x| std::ptr::eq(x, r)));
    let ready = ret
        .and_then(|k| latest_input(m, Item::Milestone(k), &plan.calendar, |i| i.end(m)))
        .map(|input| input.ready)
        .or_else(|| m.work_end())?;
    finder.first_for(MeetingKind::Panel, ready.max(status))
}
