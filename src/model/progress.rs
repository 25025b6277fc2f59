//! Progress: what happened (done, on which day) and what slipped (moved), as edits; and the "Since the last
//! paper" checklist — everything that fell due between the last paper's status date and this one's.

use jiff::civil::Date;

use super::chain::Item;
use super::date::add_days;
use super::drag::{DragMode, DragPart, DragTarget, propose};
use super::edit::{Edit, ListEdit, set_modification};
use super::plan::{At, Milestone, Modification, Plan, WorkPackage};
use super::schedule::Schedule;

/// One item on the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueItem {
    /// Modification index.
    pub modification: usize,
    /// The work package or milestone.
    pub item: Item,
    /// When it was due: a milestone's day, a work package's end.
    pub planned: Date,
    /// Marked done.
    pub done: bool,
    /// The day it really happened, when known.
    pub actual: Option<Date>,
}

/// The day an item is due (a milestone's day, a work package's end), whether it is done, and its actual date.
pub fn due_of(m: &Modification, item: Item) -> Option<(Date, bool, Option<Date>)> {
    match item {
        Item::WorkPackage(w) => m
            .work_packages
            .get(w)
            .map(|x| (x.end, x.done, x.actual_end)),
        Item::Milestone(k) => m.milestones.get(k).map(|x| (x.date, x.done, x.actual)),
    }
}

/// Everything of the open modifications due on or after `from` and before `to`, done or not, by date then plan
/// order (work packages before milestones on the same day).
pub fn due_between(plan: &Plan, from: Date, to: Date) -> Vec<DueItem> {
    let mut out = Vec::new();
    for (i, m) in plan.modifications.iter().enumerate() {
        if m.status.is_closed() {
            continue;
        }
        let items = (0..m.work_packages.len())
            .map(Item::WorkPackage)
            .chain((0..m.milestones.len()).map(Item::Milestone));
        for item in items {
            if let Some((planned, done, actual)) = due_of(m, item)
                && from <= planned
                && planned < to
            {
                out.push(DueItem {
                    modification: i,
                    item,
                    planned,
                    done,
                    actual,
                });
            }
        }
    }
    out.sort_by_key(|d| (d.planned, d.modification, d.item));
    out
}

/// The checklist since the last paper: from the newest baseline's status date to the plan's. `None` without a
/// baseline.
pub fn since_last_paper(plan: &Plan) -> Option<(Date, Vec<DueItem>)> {
    let from = plan.latest_baseline()?.date;
    Some((from, due_between(plan, from, plan.meta.status_date)))
}

/// The edit that marks `item` of modification `m` done on `actual` (its planned day when `None`), or not done.
/// A milestone keeps an actual date only where it differs from the planned one; a work package keeps its actual end.
pub fn set_done(
    plan: &Plan,
    m: usize,
    item: Item,
    done: bool,
    actual: Option<Date>,
) -> Option<Edit> {
    let x = plan.modifications.get(m)?;
    Some(match item {
        Item::WorkPackage(w) => {
            let old = x.work_packages.get(w)?;
            let value = WorkPackage {
                done,
                actual_end: done.then(|| actual.unwrap_or(old.end)),
                ..old.clone()
            };
            Edit::WorkPackages {
                m,
                op: ListEdit::Set { index: w, value },
            }
        }
        Item::Milestone(k) => {
            let old = x.milestones.get(k)?;
            let value = Milestone {
                done,
                actual: actual.filter(|a| done && *a != old.date),
                ..old.clone()
            };
            Edit::Milestones {
                m,
                op: ListEdit::Set { index: k, value },
            }
        }
    })
}

/// The edit that moves `item` to `to` as a drag without snapping would: a work package's end (its start too when
/// `to` is before it), a milestone's day; a linked item keeps the place it is moved to (its lag grows), a milestone
/// on a meeting attaches to the meeting of that day, or is pinned there. What follows it moves when the edit is
/// applied.
pub fn move_item(plan: &Plan, schedule: &Schedule, m: usize, item: Item, to: Date) -> Option<Edit> {
    let x = plan.modifications.get(m)?;
    let (target, from) = match item {
        Item::WorkPackage(w) => {
            let wp = x.work_packages.get(w)?;
            if to < wp.start {
                // The whole bar goes back to `to`, a day long: move it, then its end.
                let mut moved = x.clone();
                moved.work_packages[w].start = to;
                moved.work_packages[w].end = to;
                return Some(set_modification(m, moved));
            }
            (
                DragTarget::WorkPackage {
                    m,
                    w,
                    part: DragPart::End,
                },
                wp.end,
            )
        }
        Item::Milestone(k) => (DragTarget::Milestone { m, k }, x.milestones.get(k)?.date),
    };
    let mode = DragMode {
        snap: false,
        follow: false,
    };
    let days = (to - from).get_days();
    propose(plan, schedule, target, days, mode).map(|moved| set_modification(m, moved))
}

/// The edit that moves a Working Group or Panel milestone to the next meeting of its kind after its day, attached
/// to that meeting by name; `None` for other milestones or when the plan has no later meeting.
pub fn to_next_meeting(plan: &Plan, schedule: &Schedule, m: usize, k: usize) -> Option<Edit> {
    let x = plan.modifications.get(m)?.milestones.get(k)?;
    let kind = x.kind.meeting_kind()?;
    let next = schedule.next_on_or_after(add_days(x.date, 1), kind)?;
    let value = Milestone {
        date: next.date,
        at: Some(At::Meeting(next.id.clone())),
        pinned: false,
        ..x.clone()
    };
    Some(Edit::Milestones {
        m,
        op: ListEdit::Set { index: k, value },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::apply;
    use crate::model::roll::{NextPaper, rolled};
    use jiff::civil::date;

    fn april() -> Plan {
        let next = NextPaper {
            status_date: date(2019, 4, 5),
            paper_ref: None,
        };
        rolled(&crate::io::bundled_plan(), &next).unwrap()
    }

    #[test]
    fn the_checklist_holds_what_fell_due_between_the_papers() {
        let p = april();
        let (from, items) = since_last_paper(&p).unwrap();
        assert_eq!(from, date(2019, 3, 8));
        assert!(!items.is_empty());
        for d in &items {
            assert!(
                date(2019, 3, 8) <= d.planned && d.planned < date(2019, 4, 5),
                "{d:?}"
            );
        }
        // SECMP0007: the updated Preliminary Assessment (15 March) and the Working Group of 3 April; not the Panel of
        // 12 April, which is after the new status date.
        let m7: Vec<Item> = items
            .iter()
            .filter(|d| d.modification == 0)
            .map(|d| d.item)
            .collect();
        assert_eq!(
            m7,
            [
                Item::WorkPackage(0),
                Item::Milestone(0),
                Item::WorkPackage(1),
                Item::Milestone(1)
            ]
        );
        assert!(items.windows(2).all(|w| w[0].planned <= w[1].planned));
        // No baseline, no checklist.
        let mut none = crate::io::bundled_plan();
        none.baselines.clear();
        assert!(since_last_paper(&none).is_none());
    }

    #[test]
    fn marking_done_records_the_actual_day_and_undoes() {
        let mut p = april();
        let before = p.clone();
        // The milestone happened on its day: no separate actual date.
        let edit = set_done(&p, 0, Item::Milestone(0), true, None).unwrap();
        apply(&mut p, edit).unwrap();
        assert!(p.modifications[0].milestones[0].done);
        assert_eq!(p.modifications[0].milestones[0].actual, None);
        // It happened three days late.
        let edit = set_done(&p, 0, Item::Milestone(0), true, Some(date(2019, 3, 18))).unwrap();
        apply(&mut p, edit).unwrap();
        assert_eq!(
            p.modifications[0].milestones[0].actual,
            Some(date(2019, 3, 18))
        );
        // A work package keeps its actual end, the planned one by default.
        let edit = set_done(&p, 0, Item::WorkPackage(0), true, None).unwrap();
        let undo = apply(&mut p, edit).unwrap();
        assert!(p.modifications[0].work_packages[0].done);
        assert_eq!(
            p.modifications[0].work_packages[0].actual_end,
            Some(date(2019, 3, 15))
        );
        apply(&mut p, undo).unwrap();
        assert!(!p.modifications[0].work_packages[0].done);
        // Not done clears the actual date.
        let edit = set_done(&p, 0, Item::Milestone(0), false, None).unwrap();
        apply(&mut p, edit).unwrap();
        assert_eq!(
            p.modifications[0].milestones[0],
            before.modifications[0].milestones[0]
        );
    }

    #[test]
    fn moving_keeps_what_is_moved_where_it_is_put_and_what_follows_moves_too() {
        let mut p = april();
        let schedule = Schedule::build(&p);
        // SECMP0007's review ends a fortnight later: its Working Group moves to the next one its papers make.
        let edit = move_item(&p, &schedule, 0, Item::WorkPackage(1), date(2019, 4, 10)).unwrap();
        apply(&mut p, edit).unwrap();
        let m = &p.modifications[0];
        assert_eq!(
            (m.work_packages[1].start, m.work_packages[1].end),
            (date(2019, 3, 18), date(2019, 4, 10))
        );
        assert_eq!(
            m.milestones[1].date,
            date(2019, 5, 1),
            "the May Working Group"
        );
        // The Preliminary Assessment's response a week late: it keeps the day it was moved to.
        let edit = move_item(&p, &schedule, 0, Item::Milestone(0), date(2019, 3, 22)).unwrap();
        apply(&mut p, edit).unwrap();
        assert_eq!(p.modifications[0].milestones[0].date, date(2019, 3, 22));
        // Before its start: the whole package goes back (SECMP0007's Preliminary Assessment follows nothing).
        let edit = move_item(&p, &schedule, 0, Item::WorkPackage(0), date(2019, 3, 8)).unwrap();
        apply(&mut p, edit).unwrap();
        let w = &p.modifications[0].work_packages[0];
        assert_eq!((w.start, w.end), (date(2019, 3, 8), date(2019, 3, 8)));
        assert!(move_item(&p, &schedule, 99, Item::Milestone(0), date(2019, 5, 1)).is_none());
    }

    #[test]
    fn a_meeting_milestone_goes_to_the_next_meeting_of_its_kind() {
        let mut p = april();
        let schedule = Schedule::build(&p);
        let edit = to_next_meeting(&p, &schedule, 0, 1).unwrap();
        apply(&mut p, edit).unwrap();
        let wg = &p.modifications[0].milestones[1];
        assert_eq!(wg.date, date(2019, 5, 1));
        assert_eq!(wg.at, Some(At::Meeting("wg-2019-05".into())));
        // Not a meeting milestone: nothing to do.
        assert!(to_next_meeting(&p, &schedule, 0, 0).is_none());
    }
}
