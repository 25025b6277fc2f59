//! What dragging an item proposes: pure functions from "this item, moved by this many days" to the modification as
//! it would be, with the plan's snapping rules, what it would newly warn about, and how the undo step is named. The
//! timeline previews the result and commits it as one edit on release.

use super::{
    At, Calendar, IdIndex, Milestone, MilestoneKind, Modification, Plan, Schedule, Warning,
    add_days, chain, format_approx, format_date, validate_with,
};

/// Which part of a work package bar is dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DragPart {
    /// The whole bar: move.
    Body,
    /// The left end: change the start.
    Start,
    /// The right end: change the end.
    End,
}

/// What is being dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DragTarget {
    /// A work package (or one of its ends).
    WorkPackage {
        /// Modification index.
        m: usize,
        /// Work package index.
        w: usize,
        /// Which part.
        part: DragPart,
    },
    /// A milestone.
    Milestone {
        /// Modification index.
        m: usize,
        /// Milestone index.
        k: usize,
    },
}

impl DragTarget {
    /// The modification the dragged item belongs to.
    pub fn modification(self) -> usize {
        match self {
            DragTarget::WorkPackage { m, .. } | DragTarget::Milestone { m, .. } => m,
        }
    }
}

/// Options that change how a drag lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DragMode {
    /// Snap to working days, and Working Group / Panel milestones to meetings of their kind.
    pub snap: bool,
    /// Also move everything later in the same modification (Shift-drag).
    pub follow: bool,
}

fn shift_working(cal: &Calendar, date: jiff::civil::Date, n: i32, snap: bool) -> jiff::civil::Date {
    if snap {
        cal.add_working_days(date, n)
    } else {
        add_days(date, n)
    }
}

/// Lands a milestone of `m` near `date`: on the nearest meeting of its kind, else the nearest working day.
fn land_milestone(
    cal: &Calendar,
    schedule: &Schedule,
    kind: crate::model::MilestoneKind,
    date: jiff::civil::Date,
    snap: bool,
) -> jiff::civil::Date {
    if !snap {
        return date;
    }
    kind.meeting_kind()
        .and_then(|k| schedule.nearest(date, k))
        .map(|meeting| meeting.date)
        .unwrap_or_else(|| cal.nearest_working_day(date))
}

/// The modification as it would be after dragging `target` by `delta_days` calendar days; `None` when the drag
/// changes nothing or points at nothing.
pub fn propose(
    plan: &Plan,
    schedule: &Schedule,
    target: DragTarget,
    delta_days: i32,
    mode: DragMode,
) -> Option<Modification> {
    let cal = &plan.calendar;
    let original = plan.modifications.get(target.modification())?;
    let mut m = original.clone();
    // `pivot` is where "everything after" starts; `n` the shift in working (or calendar) days to apply to it.
    let (pivot, n, moved_wp, moved_ms) = match target {
        DragTarget::WorkPackage { w, part, .. } => {
            let wp = m.work_packages.get_mut(w)?;
            let pivot = wp.start;
            match part {
                DragPart::Body => {
                    let wanted = add_days(wp.start, delta_days);
                    let n = if mode.snap {
                        cal.working_days_between(wp.start, cal.nearest_working_day(wanted))
                    } else {
                        delta_days
                    };
                    wp.start = shift_working(cal, wp.start, n, mode.snap);
                    wp.end = shift_working(cal, wp.end, n, mode.snap);
                    (pivot, n, Some(w), None)
                }
                DragPart::Start => {
                    let mut d = add_days(wp.start, delta_days);
                    if mode.snap {
                        d = cal.nearest_working_day(d);
                    }
                    wp.start = d.min(wp.end);
                    (pivot, 0, Some(w), None)
                }
                DragPart::End => {
                    let old_end = wp.end;
                    let mut d = add_days(wp.end, delta_days);
                    if mode.snap {
                        d = cal.nearest_working_day(d);
                    }
                    wp.end = d.max(wp.start);
                    // Moving the end moves what follows by as much as the end really moved (it stops at the start).
                    let n = if mode.snap {
                        cal.working_days_between(old_end, wp.end)
                    } else {
                        (wp.end - old_end).get_days()
                    };
                    (add_days(old_end, 1), n, Some(w), None)
                }
            }
        }
        DragTarget::Milestone { k, .. } => {
            let x = m.milestones.get_mut(k)?;
            let pivot = x.date;
            let old = x.date;
            x.date = land_milestone(
                cal,
                schedule,
                x.kind,
                add_days(x.date, delta_days),
                mode.snap,
            );
            let n = if mode.snap {
                cal.working_days_between(old, x.date)
            } else {
                delta_days
            };
            (pivot, n, None, Some(k))
        }
    };
    relink(cal, schedule, original, &mut m, target);
    if mode.follow && n != 0 {
        for (i, w) in m.work_packages.iter_mut().enumerate() {
            if Some(i) != moved_wp && w.start >= pivot {
                w.start = shift_working(cal, w.start, n, mode.snap);
                w.end = shift_working(cal, w.end, n, mode.snap);
            }
        }
        for (i, x) in m.milestones.iter_mut().enumerate() {
            if Some(i) != moved_ms && !x.done && x.date >= pivot {
                let shifted = shift_working(cal, x.date, n, mode.snap);
                x.date = land_milestone(cal, schedule, x.kind, shifted, mode.snap);
            }
        }
    }
    (m != *original).then_some(m)
}

/// Makes a dragged item that links place keep the place it was dragged to: a linked work package or milestone
/// gets its lags changed by the working days it moved; a milestone on a meeting is attached to the meeting it was
/// dropped on by name (or pinned, off any meeting). Items nobody links are left as dragged.
fn relink(
    cal: &Calendar,
    schedule: &Schedule,
    original: &Modification,
    m: &mut Modification,
    target: DragTarget,
) {
    match target {
        DragTarget::WorkPackage { w, part, .. } => {
            let (Some(before), Some(wp)) =
                (original.work_packages.get(w), m.work_packages.get_mut(w))
            else {
                return;
            };
            if wp.pinned || wp.after.is_empty() || part == DragPart::End {
                return;
            }
            let moved = cal.working_days_between(before.start, wp.start);
            for link in &mut wp.after {
                link.lag_days = link.lag_days.saturating_add(moved);
            }
        }
        DragTarget::Milestone { k, .. } => {
            let (Some(before), Some(x)) = (original.milestones.get(k), m.milestones.get_mut(k))
            else {
                return;
            };
            if x.pinned || x.date == before.date {
                return;
            }
            if x.at.is_some() {
                let meeting = x
                    .kind
                    .meeting_kind()
                    .and_then(|kind| schedule.on(x.date, kind));
                match meeting {
                    Some(meeting) => x.at = Some(At::Meeting(meeting.id.clone())),
                    None => {
                        x.at = None;
                        x.pinned = true;
                    }
                }
            } else if !x.after.is_empty() {
                let moved = cal.working_days_between(before.date, x.date);
                for link in &mut x.after {
                    link.lag_days = link.lag_days.saturating_add(moved);
                }
            }
        }
    }
}

/// Everything a drag would change: the dragged modification as [`propose`] makes it, rescheduled, then every
/// modification that waits for it, rescheduled (dragged modification first). Empty when the drag changes nothing.
pub fn propose_cascade(
    plan: &Plan,
    schedule: &Schedule,
    index: &IdIndex,
    target: DragTarget,
    delta_days: i32,
    mode: DragMode,
) -> Vec<(usize, Modification)> {
    let m = target.modification();
    match propose(plan, schedule, target, delta_days, mode) {
        Some(proposed) => chain::cascade(plan, schedule, index, m, proposed),
        None => Vec::new(),
    }
}

/// What else a drag moves, for its floating label: "Working Group 1 May to 5 Jun 2019 (papers due 29 May) · Panel
/// return May to June 2019 (Panel 69)". Names the modification for rows other than the dragged one; the dragged
/// item itself is left out (the first line says where it goes).
pub fn describe_cascade(
    plan: &Plan,
    schedule: &Schedule,
    target: DragTarget,
    proposed: &[(usize, Modification)],
) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, new) in proposed {
        let Some(old) = plan.modifications.get(*i) else {
            continue;
        };
        let prefix = if *i == target.modification() {
            String::new()
        } else {
            format!("{} ", old.id)
        };
        for (k, (a, b)) in old.milestones.iter().zip(&new.milestones).enumerate() {
            if a.date == b.date || target == (DragTarget::Milestone { m: *i, k }) {
                continue;
            }
            parts.push(format!("{prefix}{}", milestone_move(schedule, a, b)));
        }
        for (w, (a, b)) in old.work_packages.iter().zip(&new.work_packages).enumerate() {
            let dragged =
                matches!(target, DragTarget::WorkPackage { m, w: dw, .. } if m == *i && dw == w);
            if dragged || (a.start, a.end) == (b.start, b.end) {
                continue;
            }
            parts.push(format!(
                "{prefix}“{}” {} to {}",
                a.short_name.as_deref().unwrap_or(&a.name),
                format_date(a.start),
                format_date(b.start)
            ));
        }
    }
    const MOST: usize = 4;
    if parts.len() > MOST {
        let more = parts.len() - MOST;
        parts.truncate(MOST);
        parts.push(format!("and {more} more"));
    }
    parts.join(" · ")
}

fn milestone_move(schedule: &Schedule, a: &Milestone, b: &Milestone) -> String {
    let short = |d: jiff::civil::Date| d.strftime("%-d %b").to_string();
    match a.kind {
        MilestoneKind::WorkingGroup => {
            let papers = schedule
                .on(b.date, crate::model::MeetingKind::WorkingGroup)
                .and_then(|x| x.papers_due)
                .map(|p| format!(" (papers due {})", short(p)))
                .unwrap_or_default();
            format!(
                "Working Group {} to {}{papers}",
                short(a.date),
                format_date(b.date)
            )
        }
        MilestoneKind::PanelReturn | MilestoneKind::ModificationReport => {
            let what = if a.kind == MilestoneKind::PanelReturn {
                "Panel return"
            } else {
                "Modification Report"
            };
            let name = schedule
                .on(b.date, crate::model::MeetingKind::Panel)
                .map(|x| format!(" ({})", x.name))
                .unwrap_or_default();
            format!(
                "{what} {} to {}{name}",
                a.date.strftime("%B"),
                b.date.strftime("%B %Y")
            )
        }
        _ => format!("{} {} to {}", a.label, short(a.date), format_date(b.date)),
    }
}

/// One line saying what the drag proposes, e.g. "18 Mar 2019 – 29 Mar 2019 (10 working days)".
pub fn describe(plan: &Plan, target: DragTarget, proposed: &Modification) -> String {
    let cal = &plan.calendar;
    match target {
        DragTarget::WorkPackage { w, .. } => match proposed.work_packages.get(w) {
            Some(wp) => format!(
                "{} – {} ({} working days)",
                format_approx(wp.start, wp.start_precision),
                format_approx(wp.end, wp.end_precision),
                cal.working_days_in(wp.start, wp.end)
            ),
            None => String::new(),
        },
        DragTarget::Milestone { k, .. } => match proposed.milestones.get(k) {
            Some(x) => {
                let weekday = x.date.strftime("%a").to_string();
                format!("{weekday} {}", format_date(x.date))
            }
            None => String::new(),
        },
    }
}

/// The undo step's name for a finished drag of `target`, e.g. "Move “Review with the Proposer” (SECMP0007)".
pub fn edit_label(plan: &Plan, target: DragTarget) -> String {
    let m = target.modification();
    let Some(modification) = plan.modifications.get(m) else {
        return "Move".to_owned();
    };
    let what = match target {
        DragTarget::WorkPackage { w, part, .. } => {
            let name = modification
                .work_packages
                .get(w)
                .map_or("", |wp| wp.name.as_str());
            match part {
                DragPart::Body => format!("Move “{name}”"),
                DragPart::Start => format!("Change start of “{name}”"),
                DragPart::End => format!("Change end of “{name}”"),
            }
        }
        DragTarget::Milestone { k, .. } => {
            let label = modification
                .milestones
                .get(k)
                .map_or("", |x| x.label.as_str());
            format!("Move “{label}”")
        }
    };
    format!("{what} ({})", modification.id)
}

/// What the plan knows already, for [`new_warnings`]: its schedule, id index, current warnings, and who depends on
/// whom.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Expanded meetings.
    pub schedule: &'a Schedule,
    /// Ids to indices.
    pub index: &'a IdIndex,
    /// Every current warning.
    pub warnings: &'a [Warning],
    /// Per modification: the modifications that depend on it by an ordering dependency.
    pub dependents: &'a [Vec<usize>],
}

/// Warnings that replacing modification `m` by `proposed` would add, on `m` itself and on what depends on it.
pub fn new_warnings(
    plan: &Plan,
    known: Known<'_>,
    m: usize,
    proposed: &Modification,
) -> Vec<Warning> {
    let mut affected = vec![m];
    affected.extend(known.dependents.get(m).into_iter().flatten().copied());
    let after = validate_with(
        plan,
        known.schedule,
        known.index,
        affected.iter().copied(),
        Some((m, proposed)),
    );
    after
        .into_iter()
        .filter(|w| {
            !known
                .warnings
                .iter()
                .any(|old| old.index == w.index && old.code == w.code && old.subject == w.subject)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn plan() -> Plan {
        crate::io::bundled_plan()
    }

    const SNAP: DragMode = DragMode {
        snap: true,
        follow: false,
    };

    #[test]
    fn moving_a_bar_keeps_its_working_day_length() {
        let p = plan();
        let s = Schedule::build(&p);
        // SECMP0007's review: Mon 18 – Wed 27 March 2019 (8 working days).
        let t = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Body,
        };
        let m = propose(&p, &s, t, 7, SNAP).unwrap();
        assert_eq!(m.work_packages[1].start, date(2019, 3, 25));
        assert_eq!(m.work_packages[1].end, date(2019, 4, 3));
        // Five days lands on a Saturday: snaps to the nearest working day (Friday).
        let m = propose(&p, &s, t, 5, SNAP).unwrap();
        assert_eq!(m.work_packages[1].start, date(2019, 3, 22));
        assert_eq!(
            p.calendar
                .working_days_in(m.work_packages[1].start, m.work_packages[1].end),
            8
        );
        // Less than half a day: nothing changes.
        assert!(propose(&p, &s, t, 0, SNAP).is_none());
        // Other items stay put without Shift.
        assert_eq!(m.milestones, p.modifications[0].milestones);
    }

    #[test]
    fn resizing_clamps_and_snaps() {
        let p = plan();
        let s = Schedule::build(&p);
        let end = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::End,
        };
        let m = propose(&p, &s, end, 3, SNAP).unwrap();
        assert_eq!(m.work_packages[1].end, date(2019, 3, 29));
        assert_eq!(m.work_packages[1].start, date(2019, 3, 18));
        let m = propose(&p, &s, end, -40, SNAP).unwrap();
        assert_eq!(m.work_packages[1].end, m.work_packages[1].start);
        let start = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Start,
        };
        let m = propose(&p, &s, start, -2, SNAP).unwrap();
        assert_eq!(m.work_packages[1].start, date(2019, 3, 15));
    }

    #[test]
    fn meeting_milestones_snap_to_meetings() {
        let p = plan();
        let s = Schedule::build(&p);
        // SECMP0007's Working Group milestone (3 April) dragged three weeks lands on the May meeting (1 May).
        let wg = DragTarget::Milestone { m: 0, k: 1 };
        let m = propose(&p, &s, wg, 21, SNAP).unwrap();
        assert_eq!(m.milestones[1].date, date(2019, 5, 1));
        // Its Panel return dragged five weeks lands on Panel 68 (17 May).
        let panel = DragTarget::Milestone { m: 0, k: 2 };
        let m = propose(&p, &s, panel, 35, SNAP).unwrap();
        assert_eq!(m.milestones[2].date, date(2019, 5, 17));
        // A DCC date snaps to working days only.
        let dcc = DragTarget::Milestone { m: 0, k: 0 };
        assert!(
            propose(&p, &s, dcc, 1, SNAP).is_none(),
            "Saturday snaps back to Friday: no change"
        );
        let m = propose(&p, &s, dcc, 3, SNAP).unwrap();
        assert_eq!(m.milestones[0].date, date(2019, 3, 18));
    }

    #[test]
    fn shift_drag_moves_everything_after() {
        let p = plan();
        let s = Schedule::build(&p);
        let t = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Body,
        };
        let mode = DragMode {
            snap: true,
            follow: true,
        };
        let m = propose(&p, &s, t, 28, mode).unwrap();
        assert_eq!(m.work_packages[1].start, date(2019, 4, 15));
        // Earlier items stay; later meeting milestones land on the meetings nearest their shifted dates.
        assert_eq!(m.work_packages[0], p.modifications[0].work_packages[0]);
        assert_eq!(m.milestones[0], p.modifications[0].milestones[0]);
        assert_eq!(m.milestones[1].date, date(2019, 5, 1));
        assert_eq!(m.milestones[2].date, date(2019, 5, 17));
    }

    #[test]
    fn without_snapping_days_are_calendar_days() {
        let p = plan();
        let s = Schedule::build(&p);
        let t = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Body,
        };
        let mode = DragMode {
            snap: false,
            follow: false,
        };
        let m = propose(&p, &s, t, 5, mode).unwrap();
        assert_eq!(m.work_packages[1].start, date(2019, 3, 23));
        assert_eq!(m.work_packages[1].end, date(2019, 4, 1));
    }

    #[test]
    fn shift_dragging_an_end_moves_what_follows_by_what_the_end_moved() {
        let p = plan();
        let s = Schedule::build(&p);
        let end = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::End,
        };
        let free_follow = DragMode {
            snap: false,
            follow: true,
        };
        let before = &p.modifications[0];
        // SECMP0007's review runs 18–27 March: dragging its end 40 days back stops at its start, 9 days back.
        let m = propose(&p, &s, end, -40, free_follow).unwrap();
        assert_eq!(m.work_packages[1].end, m.work_packages[1].start);
        let moved = (m.work_packages[1].end - before.work_packages[1].end).get_days();
        assert_eq!(moved, -9);
        for (k, x) in m.milestones.iter().enumerate() {
            let old = &before.milestones[k];
            if old.date > before.work_packages[1].end {
                assert_eq!((x.date - old.date).get_days(), moved, "{}", x.label);
            }
        }
        // Dragged forward without a stop, everything after moves by the pointer's days.
        let m = propose(&p, &s, end, 5, free_follow).unwrap();
        let wg = (m.milestones[1].date - before.milestones[1].date).get_days();
        assert_eq!(wg, 5);
    }

    #[test]
    fn describe_reads_plainly() {
        let p = plan();
        let s = Schedule::build(&p);
        let t = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Body,
        };
        let m = propose(&p, &s, t, 7, SNAP).unwrap();
        assert_eq!(
            describe(&p, t, &m),
            "25 Mar 2019 – 3 Apr 2019 (8 working days)"
        );
        let t = DragTarget::Milestone { m: 0, k: 1 };
        let m = propose(&p, &s, t, 21, SNAP).unwrap();
        assert_eq!(describe(&p, t, &m), "Wed 1 May 2019");
    }

    #[test]
    fn edit_labels_name_the_item_and_modification() {
        let p = plan();
        let body = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::Body,
        };
        let name = &p.modifications[0].work_packages[1].name;
        assert_eq!(edit_label(&p, body), format!("Move “{name}” (SECMP0007)"));
        let end = DragTarget::WorkPackage {
            m: 0,
            w: 1,
            part: DragPart::End,
        };
        assert_eq!(
            edit_label(&p, end),
            format!("Change end of “{name}” (SECMP0007)")
        );
        let ms = DragTarget::Milestone { m: 0, k: 1 };
        let label = &p.modifications[0].milestones[1].label;
        assert_eq!(edit_label(&p, ms), format!("Move “{label}” (SECMP0007)"));
    }

    #[test]
    fn new_warnings_are_only_those_the_move_causes() {
        let p = plan();
        let s = Schedule::build(&p);
        let index = IdIndex::build(&p);
        let warnings = validate(&p, &s);
        let dependents = vec![Vec::new(); p.modifications.len()];
        let known = Known {
            schedule: &s,
            index: &index,
            warnings: &warnings,
            dependents: &dependents,
        };
        // SECMP0007's Working Group milestone moved off the meeting day (snap off): exactly that warning is new.
        let wg = DragTarget::Milestone { m: 0, k: 1 };
        let free = DragMode {
            snap: false,
            follow: false,
        };
        let moved = propose(&p, &s, wg, 1, free).unwrap();
        let added = new_warnings(&p, known, 0, &moved);
        assert_eq!(added.len(), 1, "{added:?}");
        assert_eq!(added[0].code, WarningCode::WorkingGroupNotOnMeeting);
        assert_eq!(added[0].subject, Subject::Milestone(1));
        // The unchanged modification adds nothing.
        assert!(new_warnings(&p, known, 0, &p.modifications[0]).is_empty());
    }
}
