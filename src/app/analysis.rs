//! What the views derive from the plan, computed once per plan revision (not per frame): the meeting schedule,
//! warnings, row order, lanes for overlapping bars, and dependency arrows.

use jiff::civil::Date;

use crate::model::agenda::{AgendaIndex, AgendaItem};
use crate::model::baseline::{Slippage, slippage};
use crate::model::filter::RowFilter;
pub use crate::model::layout::{Lanes, lanes_for, row_order};
use crate::model::{DependencyKind, IdIndex, Plan, Schedule, Subject, Warning, validate};

/// A dependency arrow from the blocker's last activity to the dependent's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// Modification that waits.
    pub dependent: usize,
    /// Modification waited for.
    pub blocker: usize,
    /// The relation.
    pub kind: DependencyKind,
    /// Index of the dependency in the dependent's list.
    pub dependency: usize,
}

/// Everything derived from one revision of the plan.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The plan revision this was computed for.
    pub revision: u64,
    /// The filter the rows were chosen with.
    pub filter: RowFilter,
    /// Modifications in the plan, and how many the filter shows.
    pub total: usize,
    /// Expanded meetings.
    pub schedule: Schedule,
    /// Ids to indices.
    pub index: IdIndex,
    /// All warnings.
    pub warnings: Vec<Warning>,
    /// Per modification: indices into `warnings`.
    pub warnings_by_mod: Vec<Vec<usize>>,
    /// Per meeting of the schedule (same order): what is due there.
    pub agenda: Vec<Vec<AgendaItem>>,
    /// Per modification: its entry in the plan's baseline and that entry's lanes, if any.
    pub baseline_of: Vec<Option<(usize, Lanes)>>,
    /// Per modification: slippage against the baseline, when the plan has one.
    pub slippage: Vec<Option<Slippage>>,
    /// Row → modification index, in display order (groups kept together), filtered.
    pub rows: Vec<usize>,
    /// Modification index → row.
    pub row_of: Vec<Option<usize>>,
    /// Per modification.
    pub lanes: Vec<Lanes>,
    /// Per modification: modifications that depend on it by an ordering dependency.
    pub dependents: Vec<Vec<usize>>,
    /// Per modification: (modification, dependency index) of every dependency on it, of any kind.
    pub referenced_by: Vec<Vec<(usize, usize)>>,
    /// Dependency arrows.
    pub arrows: Vec<Arrow>,
    /// First and last date of the modifications' work packages and milestones, and the status date.
    pub date_range: Option<(Date, Date)>,
}

impl Analysis {
    /// Computes everything for `plan` at `revision`, showing the rows `filter` lets through.
    pub fn compute(plan: &Plan, revision: u64, filter: &RowFilter) -> Self {
        let schedule = Schedule::build(plan);
        let index = IdIndex::build(plan);
        let warnings = validate(plan, &schedule);
        let n = plan.modifications.len();
        let mut warnings_by_mod = vec![Vec::new(); n];
        for (k, w) in warnings.iter().enumerate() {
            if let Some(v) = warnings_by_mod.get_mut(w.index) {
                v.push(k);
            }
        }
        let rows = filter.apply(plan, &schedule, &row_order(plan));
        let agenda_index = AgendaIndex::build(plan);
        let agenda = schedule
            .meetings
            .iter()
            .map(|m| agenda_index.items(m).to_vec())
            .collect();
        let mut baseline_of = vec![None; n];
        if let Some(b) = &plan.baseline {
            for (k, e) in b.modifications.iter().enumerate() {
                if let Some(i) = index.get(&e.id) {
                    let lanes = lanes_for(&crate::model::Modification {
                        work_packages: e.work_packages.clone(),
                        ..crate::model::Modification::new(e.id.clone())
                    });
                    baseline_of[i] = Some((k, lanes));
                }
            }
        }
        let mut slippage_of = vec![None; n];
        for s in slippage(plan) {
            let i = s.modification;
            slippage_of[i] = Some(s);
        }
        let mut row_of = vec![None; n];
        for (r, &m) in rows.iter().enumerate() {
            row_of[m] = Some(r);
        }
        let lanes = plan.modifications.iter().map(lanes_for).collect();
        let mut dependents = vec![Vec::new(); n];
        let mut referenced_by = vec![Vec::new(); n];
        let mut arrows = Vec::new();
        for (i, m) in plan.modifications.iter().enumerate() {
            for (k, d) in m.dependencies.iter().enumerate() {
                if let Some(j) = index.get(&d.on) {
                    referenced_by[j].push((i, k));
                    if d.kind.is_ordering() {
                        dependents[j].push(i);
                    }
                    arrows.push(Arrow {
                        dependent: i,
                        blocker: j,
                        kind: d.kind,
                        dependency: k,
                    });
                }
            }
        }
        // Meetings run on for months past the last step; "fit all" is about the modifications.
        let date_range = Some(crate::model::layout::date_range(plan));
        Analysis {
            revision,
            filter: filter.clone(),
            total: n,
            agenda,
            slippage: slippage_of,
            baseline_of,
            schedule,
            index,
            warnings,
            warnings_by_mod,
            rows,
            row_of,
            lanes,
            dependents,
            referenced_by,
            arrows,
            date_range,
        }
    }

    /// Warnings on modification `m`.
    pub fn warnings_of(&self, m: usize) -> impl Iterator<Item = &Warning> {
        self.warnings_by_mod
            .get(m)
            .into_iter()
            .flatten()
            .map(|&k| &self.warnings[k])
    }

    /// True when some warning on `m` points at `subject`.
    pub fn has_warning(&self, m: usize, subject: Subject) -> bool {
        self.warnings_of(m).any(|w| w.subject == subject)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn wp(start: Date, end: Date) -> WorkPackage {
        WorkPackage {
            name: "w".into(),
            start,
            start_precision: Precision::Exact,
            end,
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
        }
    }

    #[test]
    fn overlapping_packages_get_lanes() {
        let mut m = Modification::new("A");
        m.work_packages = vec![
            wp(date(2019, 3, 11), date(2019, 3, 14)),
            wp(date(2019, 3, 15), date(2019, 4, 15)),
            wp(date(2019, 3, 18), date(2019, 4, 15)),
            wp(date(2019, 4, 16), date(2019, 5, 10)),
        ];
        let l = lanes_for(&m);
        assert_eq!(l.lane_of, vec![0, 0, 1, 0]);
        assert_eq!(l.count, 2);
        assert_eq!(lanes_for(&Modification::new("B")).count, 1);
    }

    #[test]
    fn groups_are_kept_together() {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        p.groups.push(Group {
            id: "g".into(),
            name: "G".into(),
            notes: String::new(),
        });
        for (id, g) in [("A", true), ("B", false), ("C", true), ("D", false)] {
            let mut m = Modification::new(id);
            if g {
                m.group = Some("g".into());
            }
            p.modifications.push(m);
        }
        assert_eq!(row_order(&p), vec![0, 2, 1, 3]);
        let a = Analysis::compute(&p, 0, &RowFilter::default());
        assert_eq!(a.rows, vec![0, 2, 1, 3]);
        assert_eq!(a.row_of[2], Some(1));
    }
}
