//! Baselines and slippage: the timetable the Panel agreed, and how far each modification has moved since.

use jiff::civil::Date;

use super::date::format_approx;
use super::plan::{
    Baseline, BaselineEntry, Milestone, MilestoneKind, Modification, Plan, WorkPackage,
};

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
            })
            .collect(),
    }
}

/// How far one modification moved since the baseline. Positive numbers are later, in working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slippage {
    /// Modification index.
    pub modification: usize,
    /// Panel return then and now.
    pub panel_return: (Option<Date>, Option<Date>),
    /// Working days the Panel return moved.
    pub panel_return_days: Option<i32>,
    /// The current work package, if it was in the baseline too (matched by name).
    pub work_package: Option<String>,
    /// Its end then and now.
    pub work_package_end: (Option<Date>, Option<Date>),
    /// Working days its end moved.
    pub work_package_days: Option<i32>,
    /// Plain notes: Modification Reports dropped or added, packages that are new.
    pub notes: Vec<String>,
}

fn first_panel(milestones: &[Milestone]) -> Option<&Milestone> {
    milestones
        .iter()
        .filter(|x| {
            !x.done
                && matches!(
                    x.kind,
                    MilestoneKind::PanelReturn | MilestoneKind::ModificationReport
                )
        })
        .min_by_key(|x| x.date)
}

fn current_package(wps: &[WorkPackage], date: Date) -> Option<&WorkPackage> {
    wps.iter()
        .filter(|w| w.end >= date)
        .min_by_key(|w| (w.start.max(date), w.end))
}

/// Slippage of `m` (index `i`) against its baseline entry, measured from `status_date`.
pub fn slippage_of(plan: &Plan, i: usize, m: &Modification, entry: &BaselineEntry) -> Slippage {
    let cal = &plan.calendar;
    let status = plan.meta.status_date;
    let then = first_panel(&entry.milestones).map(|x| x.date);
    let now = m.panel_return().map(|x| x.date);
    let panel_return_days = then.zip(now).map(|(a, b)| cal.working_days_between(a, b));

    let current = current_package(&m.work_packages, status);
    let matched = current.and_then(|c| entry.work_packages.iter().find(|w| w.name == c.name));
    let work_package_days = current
        .zip(matched)
        .map(|(c, b)| cal.working_days_between(b.end, c.end));

    let mut notes = Vec::new();
    let reports = |xs: &[Milestone]| -> Vec<Milestone> {
        xs.iter()
            .filter(|x| x.kind == MilestoneKind::ModificationReport)
            .cloned()
            .collect()
    };
    let (was, is) = (reports(&entry.milestones), reports(&m.milestones));
    for x in &was {
        if is.is_empty() {
            notes.push(format!(
                "Modification Report ({}) was planned for {}; none is planned now.",
                x.label,
                format_approx(x.date, x.precision)
            ));
        }
    }
    if was.is_empty() {
        for x in &is {
            notes.push(format!(
                "Modification Report now planned for {}.",
                format_approx(x.date, x.precision)
            ));
        }
    }
    if let Some(c) = current
        && matched.is_none()
    {
        notes.push(format!("“{}” is new since the baseline.", c.name));
    }
    Slippage {
        modification: i,
        panel_return: (then, now),
        panel_return_days,
        work_package: matched.map(|w| w.name.clone()),
        work_package_end: (matched.map(|w| w.end), current.map(|w| w.end)),
        work_package_days,
        notes,
    }
}

/// Slippage of every modification that has a baseline entry, in plan order.
pub fn slippage(plan: &Plan) -> Vec<Slippage> {
    let Some(baseline) = plan.latest_baseline() else {
        return Vec::new();
    };
    plan.modifications
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let entry = baseline.modifications.iter().find(|e| e.id == m.id)?;
            Some(slippage_of(plan, i, m, entry))
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

    #[test]
    fn a_fresh_baseline_has_no_slippage() {
        let mut p = plan();
        p.baselines = vec![baseline_from(&p, date(2019, 3, 15), "Agreed at Panel 66")];
        for s in slippage(&p) {
            assert_eq!(s.panel_return_days.unwrap_or(0), 0);
            assert_eq!(s.work_package_days.unwrap_or(0), 0);
            assert!(s.notes.is_empty(), "{:?}", s.notes);
        }
    }

    #[test]
    fn moving_the_panel_return_and_the_package_shows_as_working_days() {
        let mut p = plan();
        p.baselines = vec![baseline_from(&p, date(2019, 3, 15), "Agreed at Panel 66")];
        // SECMP0007 returns to the May Panel instead of April, and its review ends a week later.
        p.modifications[0].milestones[2].date = date(2019, 5, 17);
        p.modifications[0].work_packages[0].end = date(2019, 3, 22);
        let s = &slippage(&p)[0];
        assert_eq!(
            s.panel_return,
            (Some(date(2019, 4, 12)), Some(date(2019, 5, 17)))
        );
        // 12 April to 17 May 2019: 25 weekdays less Good Friday, Easter Monday and 6 May.
        assert_eq!(s.panel_return_days, Some(22));
        assert_eq!(s.work_package_days, Some(5));
    }

    #[test]
    fn dropped_reports_and_new_packages_are_noted() {
        let mut p = plan();
        p.baselines = vec![baseline_from(&p, date(2019, 3, 15), "Agreed")];
        let i = p.modification_index("SECMP0062").unwrap();
        p.modifications[i]
            .milestones
            .retain(|x| x.kind != MilestoneKind::ModificationReport);
        p.modifications[i].work_packages[0].name = "Renamed".into();
        let s = slippage(&p)
            .into_iter()
            .find(|s| s.modification == i)
            .unwrap();
        assert!(s.notes[0].contains("none is planned now"), "{:?}", s.notes);
        assert!(s.notes[1].contains("“Renamed” is new"), "{:?}", s.notes);
    }
}
