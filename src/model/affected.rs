//! What an edit can change in what is derived from a plan (warnings, lanes, agendas, slippage, rows), so that views
//! re-derive only that after an edit instead of everything.

use super::edit::{Edit, ListEdit};
use super::plan::{Modification, Plan};

/// What one or more edits can have changed in what is derived from the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affected {
    /// Anything: something plan-wide changed (meetings, calendar, status date, releases, groups, baseline), a
    /// modification was inserted, removed or renamed. Re-derive everything.
    Everything,
    /// Only what is derived from these modifications. Every modification keeps its index and id, and nothing
    /// plan-wide changed.
    Modifications {
        /// The modifications whose own derived data (warnings, lanes, agenda items, slippage, filter match) can
        /// have changed: those edited, and those that depend on an edited one by an ordering dependency (their
        /// warnings read its dates). Sorted, no repeats.
        indices: Vec<usize>,
        /// True when a modification moved to another group, so the display order of the rows can change.
        regrouped: bool,
    },
}

impl Default for Affected {
    fn default() -> Self {
        Affected::nothing()
    }
}

impl Affected {
    /// No change at all.
    pub fn nothing() -> Self {
        Affected::Modifications {
            indices: Vec::new(),
            regrouped: false,
        }
    }

    /// True when nothing derived can have changed.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Affected::Modifications { indices, regrouped: false } if indices.is_empty())
    }

    /// What `self` and `other` together can have changed (two edits in a row, neither inserting nor removing).
    pub fn union(self, other: Affected) -> Affected {
        match (self, other) {
            (
                Affected::Modifications {
                    indices: mut a,
                    regrouped: ra,
                },
                Affected::Modifications {
                    indices: b,
                    regrouped: rb,
                },
            ) => {
                a.extend(b);
                a.sort_unstable();
                a.dedup();
                Affected::Modifications {
                    indices: a,
                    regrouped: ra || rb,
                }
            }
            _ => Affected::Everything,
        }
    }

    /// `m` and the modifications of `plan` that depend on it by an ordering dependency.
    fn modification_and_dependents(plan: &Plan, m: usize, regrouped: bool) -> Affected {
        let Some(id) = plan.modifications.get(m).map(|x| x.id.as_str()) else {
            // Refused by `apply`: nothing changes.
            return Affected::nothing();
        };
        let mut indices = vec![m];
        indices.extend(
            plan.modifications
                .iter()
                .enumerate()
                .filter(|(_, other)| {
                    other
                        .dependencies
                        .iter()
                        // Any kind: parallel ones compare Panel returns (group drift).
                        .any(|d| d.on == id)
                })
                .map(|(i, _)| i),
        );
        indices.sort_unstable();
        indices.dedup();
        Affected::Modifications { indices, regrouped }
    }
}

impl Edit {
    /// What applying this edit to `plan` (the plan as it is before the edit) can change in what is derived from it.
    /// A refused edit changes nothing, so any answer is right for it.
    pub fn affects(&self, plan: &Plan) -> Affected {
        match self {
            // Only the status date of the metadata feeds warnings, slippage and the date range.
            Edit::Meta(meta) if meta.status_date == plan.meta.status_date => Affected::nothing(),
            Edit::Meta(_)
            | Edit::Calendar(_)
            | Edit::Baselines(_)
            | Edit::Meetings(_)
            | Edit::MeetingSeries(_)
            | Edit::Releases(_)
            | Edit::Groups(_)
            | Edit::Modifications(ListEdit::Insert { .. } | ListEdit::Remove { .. }) => {
                Affected::Everything
            }
            Edit::Modifications(ListEdit::Set { index, value }) => set_affects(plan, *index, value),
            // A modification's own dates: its warnings and those of what waits for it.
            Edit::WorkPackages { m, .. } | Edit::Milestones { m, .. } => {
                Affected::modification_and_dependents(plan, *m, false)
            }
            // Its dependencies only change its own warnings (and the arrows from it).
            Edit::Dependencies { m, .. } if *m < plan.modifications.len() => {
                Affected::Modifications {
                    indices: vec![*m],
                    regrouped: false,
                }
            }
            Edit::Dependencies { .. } => Affected::nothing(),
            // Indices and ids are stable within a batch unless some part says Everything, so the parts' answers on
            // the plan before the batch add up: a modification that starts depending on an edited one part-way
            // through is itself edited by the batch.
            Edit::Batch(edits) => edits
                .iter()
                .map(|e| e.affects(plan))
                .fold(Affected::nothing(), Affected::union),
        }
    }
}

/// Replacing modification `index` with `value`.
fn set_affects(plan: &Plan, index: usize, value: &Modification) -> Affected {
    let Some(old) = plan.modifications.get(index) else {
        return Affected::nothing();
    };
    if old.id != value.id {
        // A rename changes which dependencies resolve, and the id index.
        return Affected::Everything;
    }
    Affected::modification_and_dependents(plan, index, old.group != value.group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::set_modification;
    use crate::model::*;
    use jiff::civil::date;

    /// A; B on hold pending A; C in parallel with A; D starts after B.
    fn plan() -> Plan {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        p.groups.push(Group {
            id: "g".into(),
            name: "G".into(),
            notes: String::new(),
        });
        for (id, on) in [
            ("A", None),
            ("B", Some(("A", DependencyKind::OnHoldPending))),
            ("C", Some(("A", DependencyKind::InParallelWith))),
            ("D", Some(("B", DependencyKind::FinishToStart))),
        ] {
            let mut m = Modification::new(id);
            if let Some((on, kind)) = on {
                m.dependencies.push(Dependency {
                    kind,
                    on: on.into(),
                    lag_days: 0,
                    notes: String::new(),
                    ..Default::default()
                });
            }
            p.modifications.push(m);
        }
        p
    }

    fn some(indices: &[usize], regrouped: bool) -> Affected {
        Affected::Modifications {
            indices: indices.to_vec(),
            regrouped,
        }
    }

    #[test]
    fn a_modification_edit_affects_it_and_what_waits_for_it() {
        let p = plan();
        let mut a = p.modifications[0].clone();
        a.title = "New title".into();
        // B waits for A; C runs alongside it (its Panel returns are compared); D waits for B, not A.
        assert_eq!(set_modification(0, a).affects(&p), some(&[0, 1, 2], false));
        let milestone = Edit::Milestones {
            m: 3,
            op: ListEdit::Remove { index: 0 },
        };
        assert_eq!(milestone.affects(&p), some(&[3], false));
        let dependency = Edit::Dependencies {
            m: 1,
            op: ListEdit::Remove { index: 0 },
        };
        assert_eq!(dependency.affects(&p), some(&[1], false));
    }

    #[test]
    fn a_change_of_group_reorders_rows() {
        let p = plan();
        let mut c = p.modifications[2].clone();
        c.group = Some("g".into());
        assert_eq!(set_modification(2, c).affects(&p), some(&[2], true));
    }

    #[test]
    fn plan_wide_edits_insertions_and_renames_affect_everything() {
        let p = plan();
        let mut renamed = p.modifications[0].clone();
        renamed.id = "Z".into();
        let mut meta = p.meta.clone();
        meta.status_date = date(2019, 4, 1);
        for edit in [
            set_modification(0, renamed),
            Edit::Meta(meta),
            Edit::Calendar(p.calendar.clone()),
            Edit::Baselines(ListEdit::Remove { index: 0 }),
            Edit::Groups(ListEdit::Remove { index: 0 }),
            Edit::Modifications(ListEdit::Remove { index: 3 }),
            Edit::Modifications(ListEdit::Insert {
                index: 4,
                value: Box::new(Modification::new("E")),
            }),
        ] {
            assert_eq!(edit.affects(&p), Affected::Everything, "{edit:?}");
        }
        let mut retitled = p.meta.clone();
        retitled.title = "Another title".into();
        assert!(Edit::Meta(retitled).affects(&p).is_nothing());
    }

    #[test]
    fn a_batch_adds_up_its_parts() {
        let p = plan();
        let batch = Edit::Batch(vec![
            Edit::Dependencies {
                m: 2,
                op: ListEdit::Remove { index: 0 },
            },
            Edit::WorkPackages {
                m: 1,
                op: ListEdit::Remove { index: 0 },
            },
        ]);
        assert_eq!(batch.affects(&p), some(&[1, 2, 3], false));
        let with_removal = Edit::Batch(vec![
            Edit::Dependencies {
                m: 2,
                op: ListEdit::Remove { index: 0 },
            },
            Edit::Modifications(ListEdit::Remove { index: 0 }),
        ]);
        assert_eq!(with_removal.affects(&p), Affected::Everything);
        assert_eq!(
            some(&[3, 1], false).union(some(&[1, 2], true)),
            some(&[1, 2, 3], true)
        );
    }
}
