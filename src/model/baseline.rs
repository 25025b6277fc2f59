//! Baselines and slippage: the timetable the Panel agreed, and how far each modification has moved since.

use jiff::civil::Date;

use super::calendar::Calendar;
use super::compare::{
    Change, Older, Then, compare_modification, pair_milestones, pair_work_packages,
};
use super::plan::{Baseline, BaselineEntry, MilestoneKind, Modification, Plan, WorkPackage};

/// The current timetable of `plan`, as a baseline agreed on `date`.
pub fn baseline_from(plan: &Plan, date: Date, name: impl Into<String>) -> Baseline {
    Baseline {
        date,
        name: name.into(),
        paper_ref: plan.meta.paper_ref.clone(),
        notes: String::new(),
        modifications: plan
            .modifications
            .iter()
            .map(|m| BaselineEntry {
                id: m.id.clone(),
                work_packages: m.work_packages.clone(),
                milestones: m.milestones.clone(),
                title: m.title.clone(),
                status: Some(m.status),
                dependencies: Some(m.dependencies.clone()),
                costs: Some(m.costs.clone()),
            })
            .collect(),
    }
}

/// How far one modification moved since an older timetable (a baseline, or the last paper's plan). Positive numbers
/// are later, in working days. Built from the same pairing of items as [`compare`](super::compare).
#[derive(Debug, Clone, PartialEq)]
pub struct Slippage {
    /// Modification index.
    pub modification: usize,
    /// Panel return then and now.
    pub panel_return: (Option<Date>, Option<Date>),
    /// Working days the Panel return moved.
    pub panel_return_days: Option<i32>,
    /// The current work package, if the older timetable had it too.
    pub work_package: Option<String>,
    /// Its end then and now.
    pub work_package_end: (Option<Date>, Option<Date>),
    /// Working days its end moved.
    pub work_package_days: Option<i32>,
    /// Every change to the modification since then, in the paper's words.
    pub changes: Vec<Change>,
}

/// Slippage of `m` (index `i`) since `then` (`None`: it is new), its current work package taken at `status_date`.
pub fn slippage_of(
    cal: &Calendar,
    status_date: Date,
    i: usize,
    m: &Modification,
    then: Option<Then<'_>>,
) -> Slippage {
    let changes = compare_modification(cal, then, m);
    let now_panel = m
        .milestones
        .iter()
        .enumerate()
        .filter(|(_, x)| {
            !x.done
                && matches!(
                    x.kind,
                    MilestoneKind::PanelReturn | MilestoneKind::ModificationReport
                )
        })
        .min_by_key(|(_, x)| x.date);
    let then_panel = then.zip(now_panel).and_then(|(t, (k, _))| {
        pair_milestones(t.milestones, &m.milestones)
            .into_iter()
            .find(|p| p.1 == Some(k))
            .and_then(|p| p.0)
            .map(|j| &t.milestones[j])
    });
    let panel_return = (then_panel.map(|x| x.date), now_panel.map(|(_, x)| x.date));
    let current = m
        .work_packages
        .iter()
        .enumerate()
        .filter(|(_, w)| w.end >= status_date)
        .min_by_key(|(_, w)| (w.start.max(status_date), w.end));
    let matched: Option<&WorkPackage> = then.zip(current).and_then(|(t, (k, _))| {
        pair_work_packages(t.work_packages, &m.work_packages)
            .into_iter()
            .find(|p| p.1 == Some(k))
            .and_then(|p| p.0)
            .map(|j| &t.work_packages[j])
    });
    let days = |(a, b): (Option<Date>, Option<Date>)| {
        a.zip(b).map(|(a, b)| cal.working_days_between(a, b))
    };
    let work_package_end = (matched.map(|w| w.end), current.map(|(_, w)| w.end));
    Slippage {
        modification: i,
        panel_return,
        panel_return_days: days(panel_return),
        work_package: matched.map(|w| w.name.clone()),
        work_package_end,
        work_package_days: days(work_package_end),
        changes,
    }
}

/// Slippage of every modification of `plan` since `older`, in plan order.
pub fn slippage(plan: &Plan, older: Older<'_>) -> Vec<Slippage> {
    plan.modifications
        .iter()
        .enumerate()
        .map(|(i, m)| {
            slippage_of(
                &plan.calendar,
                plan.meta.status_date,
                i,
                m,
                older.then(&m.id),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::ChangeKind;
    use jiff::civil::date;

    fn plan() -> Plan {
        crate::io::bundled_plan()
    }

    fn agreed(p: &Plan) -> Baseline {
        baseline_from(p, date(2019, 3, 15), "Agreed at Panel 66")
    }

    #[test]
    fn a_fresh_baseline_has_no_slippage() {
        let p = plan();
        let b = agreed(&p);
        let all = slippage(&p, Older::Baseline(&b));
        assert_eq!(all.len(), 18);
        for s in all {
            assert_eq!(s.panel_return_days.unwrap_or(0), 0);
            assert_eq!(s.work_package_days.unwrap_or(0), 0);
            assert!(s.changes.is_empty(), "{:?}", s.changes);
        }
    }

    #[test]
    fn moving_the_panel_return_and_the_package_shows_as_working_days() {
        let mut p = plan();
        let b = agreed(&p);
        // SECMP0007 returns to the May Panel instead of April, and its review ends a week later.
        p.modifications[0].milestones[2].date = date(2019, 5, 17);
        p.modifications[0].work_packages[0].end = date(2019, 3, 22);
        let s = &slippage(&p, Older::Baseline(&b))[0];
        assert_eq!(
            s.panel_return,
            (Some(date(2019, 4, 12)), Some(date(2019, 5, 17)))
        );
        // 12 April to 17 May 2019: 25 weekdays less Good Friday, Easter Monday and 6 May.
        assert_eq!(s.panel_return_days, Some(22));
        assert_eq!(s.work_package_days, Some(5));
        let kinds: Vec<ChangeKind> = s.changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::PanelReturn, ChangeKind::WorkPackage]);
    }

    #[test]
    fn a_done_panel_return_does_not_pair_with_the_next_one() {
        let mut p = plan();
        let b = agreed(&p);
        // SECMP0007 gains a June Panel return and its April one is done: the badge measures June against nothing.
        let mut june = p.modifications[0].milestones[2].clone();
        june.date = date(2019, 6, 21);
        p.modifications[0].milestones[2].done = true;
        p.modifications[0].milestones.push(june);
        let s = &slippage(&p, Older::Baseline(&b))[0];
        assert_eq!(s.panel_return, (None, Some(date(2019, 6, 21))));
        assert_eq!(s.panel_return_days, None);
    }

    #[test]
    fn a_modification_the_baseline_lacks_is_new() {
        let mut p = plan();
        let b = agreed(&p);
        p.modifications.push(Modification::new("SECMP0070"));
        let s = slippage(&p, Older::Baseline(&b)).pop().unwrap();
        assert_eq!(s.changes.len(), 1);
        assert_eq!(s.changes[0].kind, ChangeKind::Added);
    }
}
