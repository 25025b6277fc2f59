//! What the views derive from the plan, computed once per plan revision (not per frame): the meeting schedule,
//! warnings, row order, lanes for overlapping bars, and dependency arrows. After an edit only what it affected is
//! re-derived ([`Analysis::update`]).

use std::sync::Arc;

use jiff::civil::Date;

use crate::model::agenda::{AgendaIndex, AgendaItem, agenda_meeting_kind};
use crate::model::baseline::{Slippage, slippage_of};
use crate::model::compare::{Change, Older, removed};
use crate::model::filter::RowFilter;
pub use crate::model::layout::{Lanes, lanes_for, row_order};
use crate::model::{
    Affected, DependencyKind, IdIndex, Milestone, Modification, Plan, Schedule, Subject, Warning,
    WorkPackage, validate, validate_with,
};

/// What "Changes since", the slippage badges and the ghosts on the timeline compare the plan with.
#[derive(Debug, Clone, Default)]
pub enum Reference {
    /// The newest baseline stored in the plan (nothing when it has none).
    #[default]
    LatestBaseline,
    /// The plan's baseline at this index (oldest first); the newest when there is no such baseline.
    Baseline(usize),
    /// Another plan file, e.g. the last paper's.
    File {
        /// Its name, as shown.
        name: String,
        /// The plan it holds.
        plan: Arc<Plan>,
    },
}

impl PartialEq for Reference {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Reference::LatestBaseline, Reference::LatestBaseline) => true,
            (Reference::Baseline(a), Reference::Baseline(b)) => a == b,
            // The same file loaded once: comparing whole plans every frame would cost as much as the plan.
            (Reference::File { plan: a, .. }, Reference::File { plan: b, .. }) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Reference {
    /// The older timetable this reference names in `plan`, if there is one.
    pub fn older<'a>(&'a self, plan: &'a Plan) -> Option<Older<'a>> {
        match self {
            Reference::LatestBaseline => plan.latest_baseline().map(Older::Baseline),
            Reference::Baseline(k) => plan
                .baselines
                .get(*k)
                .or_else(|| plan.latest_baseline())
                .map(Older::Baseline),
            Reference::File { plan, .. } => Some(Older::Plan(plan)),
        }
    }

    /// What it is called: the baseline's name, or the file's.
    pub fn name(&self, plan: &Plan) -> Option<String> {
        match self {
            Reference::File { name, .. } => Some(name.clone()),
            _ => match self.older(plan)? {
                Older::Baseline(b) => Some(b.name.clone()),
                Older::Plan(p) => Some(p.meta.paper_ref.clone()),
            },
        }
    }
}

/// A modification's items as the reference had them, drawn as ghosts behind the current ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Ghost {
    /// Work packages then.
    pub work_packages: Vec<WorkPackage>,
    /// Milestones then.
    pub milestones: Vec<Milestone>,
    /// Lanes of those work packages.
    pub lanes: Lanes,
}

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
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// What the plan is compared with.
    pub reference: Reference,
    /// Per modification: its items as the reference had them, if it had the modification.
    pub ghosts: Vec<Option<Ghost>>,
    /// Per modification: slippage and changes since the reference, when there is one.
    pub slippage: Vec<Option<Slippage>>,
    /// Modifications the reference had that the plan no longer has.
    pub removed: Vec<Change>,
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
    /// Per modification: the first and last date of its work packages and milestones, if any.
    pub date_ranges: Vec<Option<(Date, Date)>>,
}

impl Analysis {
    /// Computes everything for `plan` at `revision`, showing the rows `filter` lets through, compared with the newest
    /// baseline.
    pub fn compute(plan: &Plan, revision: u64, filter: &RowFilter) -> Self {
        Self::compute_with(plan, revision, filter, Reference::default())
    }

    /// [`Analysis::compute`], compared with `reference`.
    pub fn compute_with(
        plan: &Plan,
        revision: u64,
        filter: &RowFilter,
        reference: Reference,
    ) -> Self {
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
        let (rows, row_of) = rows_for(plan, &schedule, filter);
        let agenda_index = AgendaIndex::build(plan);
        let agenda = schedule
            .meetings
            .iter()
            .map(|m| agenda_index.items(m).to_vec())
            .collect();
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
        let date_ranges: Vec<_> = plan.modifications.iter().map(|m| m.date_range()).collect();
        let date_range = Some(span(plan.meta.status_date, &date_ranges));
        let mut a = Analysis {
            revision,
            filter: filter.clone(),
            total: n,
            agenda,
            reference: Reference::default(),
            ghosts: Vec::new(),
            slippage: Vec::new(),
            removed: Vec::new(),
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
            date_ranges,
        };
        a.set_reference(plan, reference);
        a
    }

    /// Compares `plan` with `reference` from now on: ghosts, slippage and removed modifications.
    pub fn set_reference(&mut self, plan: &Plan, reference: Reference) {
        self.reference = reference;
        let n = plan.modifications.len();
        let older = self.reference.older(plan);
        self.ghosts = plan
            .modifications
            .iter()
            .map(|m| {
                let then = older?.then(&m.id)?;
                let ghost = Modification {
                    work_packages: then.work_packages.to_vec(),
                    ..Modification::new(m.id.clone())
                };
                Some(Ghost {
                    lanes: lanes_for(&ghost),
                    work_packages: ghost.work_packages,
                    milestones: then.milestones.to_vec(),
                })
            })
            .collect();
        self.removed = older.map(|o| removed(o, plan)).unwrap_or_default();
        self.slippage = vec![None; n];
        self.update_slippage(plan, &(0..n).collect::<Vec<_>>());
    }

    /// Brings `self` up to `revision` of `plan`, shown through `filter`, re-deriving only what `affected` says the
    /// changes since `self.revision` can have changed: the warnings, lanes, dependency indexes, agenda items and
    /// slippage of those modifications, the date range, and the rows when the order or the filter's answer can
    /// differ. The schedule and the id index only change with [`Affected::Everything`], which recomputes all. The
    /// result equals [`Analysis::compute`] for the same plan and filter.
    pub fn update(&mut self, plan: &Plan, revision: u64, affected: &Affected, filter: &RowFilter) {
        let (indices, regrouped) = match affected {
            Affected::Modifications { indices, regrouped }
                if self.total == plan.modifications.len()
                    && indices.iter().all(|&i| i < self.total) =>
            {
                (indices.as_slice(), *regrouped)
            }
            // Everything, or an answer that cannot be about the plan this was computed for.
            _ => {
                *self = Self::compute_with(plan, revision, filter, self.reference.clone());
                return;
            }
        };
        self.revision = revision;
        if !indices.is_empty() {
            self.update_warnings(plan, indices);
            for &i in indices {
                self.lanes[i] = lanes_for(&plan.modifications[i]);
            }
            self.update_dependencies(plan, indices);
            self.update_agenda(plan, indices);
            self.update_slippage(plan, indices);
            for &i in indices {
                self.date_ranges[i] = plan.modifications[i].date_range();
            }
            self.date_range = Some(span(plan.meta.status_date, &self.date_ranges));
        }
        // Only a modification's own fields decide whether the filter lets it through, and only groups the order.
        let rows_stale = regrouped
            || self.filter != *filter
            || (filter.is_active() && {
                let passing = self.passing(plan, filter, indices);
                indices
                    .iter()
                    .zip(passing)
                    .any(|(&i, passes)| passes != self.row_of[i].is_some())
            });
        if rows_stale {
            (self.rows, self.row_of) = rows_for(plan, &self.schedule, filter);
            self.filter = filter.clone();
        }
    }

    /// Whether `filter` lets each of `indices` (sorted) through, as [`RowFilter::apply`] decides, with "due at a
    /// meeting" read from the (already updated) agendas rather than from the whole plan's milestones.
    fn passing(&self, plan: &Plan, filter: &RowFilter, indices: &[usize]) -> Vec<bool> {
        let fields = RowFilter {
            meeting: None,
            ..filter.clone()
        };
        let passing = fields.apply(plan, &self.schedule, indices);
        let due_at = filter.meeting.as_deref().map(|id| {
            self.schedule
                .meetings
                .iter()
                .position(|m| m.id == id)
                .map_or(&[][..], |k| self.agenda[k].as_slice())
        });
        indices
            .iter()
            .map(|&i| {
                passing.binary_search(&i).is_ok()
                    && due_at.is_none_or(|items| items.iter().any(|item| item.modification == i))
            })
            .collect()
    }

    /// Replaces the warnings of `indices` (sorted) with fresh ones, where a full validation puts them.
    fn update_warnings(&mut self, plan: &Plan, indices: &[usize]) {
        // Warnings are grouped by modification in plan order; from the back, earlier ranges stay where they are.
        for &i in indices.iter().rev() {
            let start = self.warnings.partition_point(|w| w.index < i);
            let end = self.warnings.partition_point(|w| w.index <= i);
            let fresh = validate_with(plan, &self.schedule, &self.index, [i], None);
            self.warnings.splice(start..end, fresh);
        }
        // Positions after the first affected modification may have moved.
        let Some(&first) = indices.first() else {
            return;
        };
        for v in &mut self.warnings_by_mod[first..] {
            v.clear();
        }
        let from = self.warnings.partition_point(|w| w.index < first);
        for (k, w) in self.warnings.iter().enumerate().skip(from) {
            if let Some(v) = self.warnings_by_mod.get_mut(w.index) {
                v.push(k);
            }
        }
    }

    /// Replaces the arrows from `indices` and their entries in `dependents` and `referenced_by`.
    fn update_dependencies(&mut self, plan: &Plan, indices: &[usize]) {
        for &i in indices {
            // Arrows are sorted by dependent, then by dependency.
            let start = self.arrows.partition_point(|a| a.dependent < i);
            let end = self.arrows.partition_point(|a| a.dependent <= i);
            for a in &self.arrows[start..end] {
                self.referenced_by[a.blocker].retain(|&(m, _)| m != i);
                self.dependents[a.blocker].retain(|&m| m != i);
            }
            let fresh: Vec<Arrow> = plan.modifications[i]
                .dependencies
                .iter()
                .enumerate()
                .filter_map(|(k, d)| {
                    Some(Arrow {
                        dependent: i,
                        blocker: self.index.get(&d.on)?,
                        kind: d.kind,
                        dependency: k,
                    })
                })
                .collect();
            for a in &fresh {
                let by = &mut self.referenced_by[a.blocker];
                let at = by.partition_point(|&e| e < (i, a.dependency));
                by.insert(at, (i, a.dependency));
                if a.kind.is_ordering() {
                    let dependents = &mut self.dependents[a.blocker];
                    let at = dependents.partition_point(|&m| m < i);
                    dependents.insert(at, i);
                }
            }
            self.arrows.splice(start..end, fresh);
        }
    }

    /// Replaces the agenda items of `indices` (sorted) with those their milestones call for now.
    fn update_agenda(&mut self, plan: &Plan, indices: &[usize]) {
        for items in &mut self.agenda {
            items.retain(|item| indices.binary_search(&item.modification).is_err());
        }
        for &i in indices {
            for (k, x) in plan.modifications[i].milestones.iter().enumerate() {
                let Some(kind) = agenda_meeting_kind(x.kind) else {
                    continue;
                };
                // The schedule is sorted by date; every meeting of the kind that day lists the milestone.
                let first = self.schedule.meetings.partition_point(|m| m.date < x.date);
                let same_day = self.schedule.meetings[first..]
                    .iter()
                    .take_while(|m| m.date == x.date);
                for (offset, meeting) in same_day.enumerate() {
                    if meeting.kind == kind {
                        let items = &mut self.agenda[first + offset];
                        let at = items.partition_point(|e| (e.modification, e.milestone) < (i, k));
                        items.insert(
                            at,
                            AgendaItem {
                                modification: i,
                                milestone: k,
                            },
                        );
                    }
                }
            }
        }
    }

    /// Recomputes the slippage of `indices` against the reference.
    fn update_slippage(&mut self, plan: &Plan, indices: &[usize]) {
        let Some(older) = self.reference.older(plan) else {
            return;
        };
        let (cal, status) = (&plan.calendar, plan.meta.status_date);
        for &i in indices {
            let m = &plan.modifications[i];
            self.slippage[i] = Some(slippage_of(cal, status, i, m, older.then(&m.id)));
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

/// The status date and every modification's dates, first to last: what [`crate::model::layout::date_range`] gives,
/// from the modifications' own ranges.
fn span(status_date: Date, ranges: &[Option<(Date, Date)>]) -> (Date, Date) {
    ranges
        .iter()
        .flatten()
        .fold((status_date, status_date), |(a, b), &(first, last)| {
            (a.min(first), b.max(last))
        })
}

/// The rows `filter` shows, in display order, and each modification's row.
fn rows_for(
    plan: &Plan,
    schedule: &Schedule,
    filter: &RowFilter,
) -> (Vec<usize>, Vec<Option<usize>>) {
    let rows = filter.apply(plan, schedule, &row_order(plan));
    let mut row_of = vec![None; plan.modifications.len()];
    for (r, &m) in rows.iter().enumerate() {
        row_of[m] = Some(r);
    }
    (rows, row_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn wp(start: Date, end: Date) -> WorkPackage {
        WorkPackage {
            name: "w".into(),
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
