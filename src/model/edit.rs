//! Every change to a plan is an [`Edit`], applied by [`apply`], which returns the edit that undoes it.
//! An edit that would leave the plan invalid (see [`check_integrity`]) is refused and the plan is left as it was.
//! After every edit the dates that links decide are recomputed ([`chain::reschedule`]) for what the edit can move;
//! the returned inverse restores those too, so an edit and everything it moved are one undo step.

use thiserror::Error;

use super::calendar::Calendar;
use super::chain::{self, Scope};
use super::integrity::{IntegrityError, check_integrity, own_fields_are_sound};
use super::plan::{
    Baseline, Dependency, Group, Meeting, MeetingSeries, Milestone, Modification, Plan, PlanMeta,
    Release, WorkPackage,
};

/// A change to one list of the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum ListEdit<T> {
    /// Replace the item at `index`.
    Set {
        /// Position.
        index: usize,
        /// New value.
        value: T,
    },
    /// Insert at `index` (equal to the length appends).
    Insert {
        /// Position.
        index: usize,
        /// New item.
        value: T,
    },
    /// Remove the item at `index`.
    Remove {
        /// Position.
        index: usize,
    },
}

/// One change to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the metadata.
    Meta(PlanMeta),
    /// Replace the calendar.
    Calendar(Calendar),
    /// Change the list of baselines.
    Baselines(ListEdit<Baseline>),
    /// Change the list of modifications.
    Modifications(ListEdit<Box<Modification>>),
    /// Change modification `m`'s work packages.
    WorkPackages {
        /// Modification index.
        m: usize,
        /// The change.
        op: ListEdit<WorkPackage>,
    },
    /// Change modification `m`'s milestones.
    Milestones {
        /// Modification index.
        m: usize,
        /// The change.
        op: ListEdit<Milestone>,
    },
    /// Change modification `m`'s dependencies.
    Dependencies {
        /// Modification index.
        m: usize,
        /// The change.
        op: ListEdit<Dependency>,
    },
    /// Change the one-off meetings.
    Meetings(ListEdit<Meeting>),
    /// Change the meeting series.
    MeetingSeries(ListEdit<MeetingSeries>),
    /// Change the releases.
    Releases(ListEdit<Release>),
    /// Change the groups.
    Groups(ListEdit<Group>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EditError {
    /// The edit points past the end of a list.
    #[error("{what} {index} does not exist")]
    NoSuchItem {
        /// Which list.
        what: &'static str,
        /// The bad index.
        index: usize,
    },
    /// The edit would make the plan invalid.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<IntegrityError>),
}

fn apply_list<T>(
    list: &mut Vec<T>,
    op: ListEdit<T>,
    what: &'static str,
) -> Result<ListEdit<T>, EditError> {
    match op {
        ListEdit::Set { index, value } => {
            let slot = list
                .get_mut(index)
                .ok_or(EditError::NoSuchItem { what, index })?;
            let old = std::mem::replace(slot, value);
            Ok(ListEdit::Set { index, value: old })
        }
        ListEdit::Insert { index, value } => {
            if index > list.len() {
                return Err(EditError::NoSuchItem { what, index });
            }
            list.insert(index, value);
            Ok(ListEdit::Remove { index })
        }
        ListEdit::Remove { index } => {
            if index >= list.len() {
                return Err(EditError::NoSuchItem { what, index });
            }
            let value = list.remove(index);
            Ok(ListEdit::Insert { index, value })
        }
    }
}

fn modification_mut(plan: &mut Plan, m: usize) -> Result<&mut Modification, EditError> {
    plan.modifications.get_mut(m).ok_or(EditError::NoSuchItem {
        what: "modification",
        index: m,
    })
}

/// Applies `edit` without checking integrity; returns the inverse. On error the plan is unchanged.
fn apply_raw(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::Meta(meta) => Edit::Meta(std::mem::replace(&mut plan.meta, meta)),
        Edit::Calendar(mut cal) => {
            cal.normalize();
            Edit::Calendar(std::mem::replace(&mut plan.calendar, cal))
        }
        Edit::Baselines(op) => Edit::Baselines(apply_list(&mut plan.baselines, op, "baseline")?),
        Edit::Modifications(op) => {
            let op = match op {
                ListEdit::Set { index, value } => ListEdit::Set {
                    index,
                    value: *value,
                },
                ListEdit::Insert { index, value } => ListEdit::Insert {
                    index,
                    value: *value,
                },
                ListEdit::Remove { index } => ListEdit::Remove { index },
            };
            let inv = apply_list(&mut plan.modifications, op, "modification")?;
            Edit::Modifications(match inv {
                ListEdit::Set { index, value } => ListEdit::Set {
                    index,
                    value: Box::new(value),
                },
                ListEdit::Insert { index, value } => ListEdit::Insert {
                    index,
                    value: Box::new(value),
                },
                ListEdit::Remove { index } => ListEdit::Remove { index },
            })
        }
        Edit::WorkPackages { m, op } => {
            let list = &mut modification_mut(plan, m)?.work_packages;
            Edit::WorkPackages {
                m,
                op: apply_list(list, op, "work package")?,
            }
        }
        Edit::Milestones { m, op } => {
            let list = &mut modification_mut(plan, m)?.milestones;
            Edit::Milestones {
                m,
                op: apply_list(list, op, "milestone")?,
            }
        }
        Edit::Dependencies { m, op } => {
            let list = &mut modification_mut(plan, m)?.dependencies;
            Edit::Dependencies {
                m,
                op: apply_list(list, op, "dependency")?,
            }
        }
        Edit::Meetings(op) => Edit::Meetings(apply_list(&mut plan.meetings, op, "meeting")?),
        Edit::MeetingSeries(op) => {
            Edit::MeetingSeries(apply_list(&mut plan.meeting_series, op, "meeting series")?)
        }
        Edit::Releases(op) => Edit::Releases(apply_list(&mut plan.releases, op, "release")?),
        Edit::Groups(op) => Edit::Groups(apply_list(&mut plan.groups, op, "group")?),
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_raw(plan, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        // Roll back what was applied, newest first.
                        for inv in inverses.into_iter().rev() {
                            let undone = apply_raw(plan, inv);
                            debug_assert!(undone.is_ok(), "an inverse applies where its edit did");
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Edit::Batch(inverses)
        }
    })
}

/// Applies `edit` to `plan` and returns the edit that undoes it. If the edit points at something that does not exist,
/// or would leave the plan with integrity errors, it is refused and `plan` is unchanged.
pub fn apply(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    let scope = reschedule_scope(&edit);
    let inverse = apply_raw(plan, edit)?;
    let inverse = keep_if_valid(plan, inverse)?;
    Ok(with_cascade(plan, scope, inverse))
}

/// What an edit can move through links: `None` when it cannot move any date (metadata, releases, groups,
/// baselines).
fn reschedule_scope(edit: &Edit) -> Option<Scope> {
    match edit {
        Edit::WorkPackages { m, .. }
        | Edit::Milestones { m, .. }
        | Edit::Dependencies { m, .. } => Some(Scope::From(vec![*m])),
        Edit::Modifications(ListEdit::Set { index, .. }) => Some(Scope::From(vec![*index])),
        Edit::Modifications(_) | Edit::Calendar(_) | Edit::Meetings(_) | Edit::MeetingSeries(_) => {
            Some(Scope::All)
        }
        Edit::Meta(_) | Edit::Baselines(_) | Edit::Releases(_) | Edit::Groups(_) => None,
        Edit::Batch(edits) => {
            let mut from = Vec::new();
            for e in edits {
                match reschedule_scope(e) {
                    Some(Scope::All) => return Some(Scope::All),
                    Some(Scope::From(m)) => from.extend(m),
                    None => {}
                }
            }
            (!from.is_empty()).then_some(Scope::From(from))
        }
    }
}

/// Reschedules `scope` after an edit whose inverse is `inverse`; the result undoes the edit and the cascade.
fn with_cascade(plan: &mut Plan, scope: Option<Scope>, inverse: Edit) -> Edit {
    let Some(scope) = scope else {
        return inverse;
    };
    let before = chain::reschedule(plan, &scope);
    if before.is_empty() {
        return inverse;
    }
    let mut restore: Vec<Edit> = before
        .into_iter()
        .map(|(index, old)| {
            Edit::Modifications(ListEdit::Set {
                index,
                value: Box::new(old),
            })
        })
        .collect();
    restore.push(inverse);
    Edit::Batch(restore)
}

/// [`apply`] for a plan known to have no integrity errors, with the same result, faster: an edit that changes only
/// modifications' own fields (not their ids or dependencies, nothing else in the plan) can only break the rules
/// those fields decide, so only they are checked (the whole plan is, to report what is wrong, when they fail).
pub fn apply_to_valid(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    let Some(touched) = own_fields_scope(plan, &edit) else {
        return apply(plan, edit);
    };
    let scope = reschedule_scope(&edit);
    let inverse = apply_raw(plan, edit)?;
    let sound = touched.iter().all(|&m| {
        plan.modifications
            .get(m)
            .is_some_and(|x| own_fields_are_sound(plan, x))
    });
    let inverse = if sound {
        inverse
    } else {
        keep_if_valid(plan, inverse)?
    };
    Ok(with_cascade(plan, scope, inverse))
}

/// Keeps a just-applied edit if the plan has no integrity errors; otherwise applies `inverse` to undo it.
fn keep_if_valid(plan: &mut Plan, inverse: Edit) -> Result<Edit, EditError> {
    let errors = check_integrity(plan);
    if errors.is_empty() {
        Ok(inverse)
    } else {
        let undone = apply_raw(plan, inverse);
        debug_assert!(undone.is_ok(), "the inverse of a just-applied edit applies");
        Err(EditError::Invalid(errors))
    }
}

/// The modifications `edit` changes when it changes nothing but their own fields: no id, no dependency, nothing
/// outside them. `None` for any other edit.
fn own_fields_scope(plan: &Plan, edit: &Edit) -> Option<Vec<usize>> {
    match edit {
        Edit::WorkPackages { m, .. } | Edit::Milestones { m, .. } => Some(vec![*m]),
        Edit::Modifications(ListEdit::Set { index, value }) => {
            let old = plan.modifications.get(*index)?;
            (old.id == value.id && old.dependencies == value.dependencies).then(|| vec![*index])
        }
        // Each part is compared with the plan before the batch: a part that changes an id or a dependency answers
        // `None`, so the parts that follow it are never judged against a plan they do not see.
        Edit::Batch(edits) => {
            let mut all = Vec::new();
            for e in edits {
                all.extend(own_fields_scope(plan, e)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// Edit that replaces modification `m` with `value` (for changes to its own fields).
pub fn set_modification(m: usize, value: Modification) -> Edit {
    Edit::Modifications(ListEdit::Set {
        index: m,
        value: Box::new(value),
    })
}

/// Edit that removes modification `m` and every dependency on it, as one step.
pub fn remove_modification(plan: &Plan, m: usize) -> Edit {
    let Some(id) = plan.modifications.get(m).map(|x| x.id.clone()) else {
        return Edit::Modifications(ListEdit::Remove { index: m });
    };
    let mut edits = Vec::new();
    for (i, other) in plan.modifications.iter().enumerate() {
        // Remove from the back so earlier indices stay valid.
        for (d, dep) in other.dependencies.iter().enumerate().rev() {
            if dep.on == id && i != m {
                edits.push(Edit::Dependencies {
                    m: i,
                    op: ListEdit::Remove { index: d },
                });
            }
        }
    }
    edits.push(Edit::Modifications(ListEdit::Remove { index: m }));
    Edit::Batch(edits)
}

/// Edit that renames modification `m` to `new_id` and updates every dependency that names it, as one step.
pub fn rename_modification(plan: &Plan, m: usize, new_id: &str) -> Option<Edit> {
    let old = plan.modifications.get(m)?;
    let mut edits = Vec::new();
    let mut renamed = old.clone();
    renamed.id = new_id.to_owned();
    edits.push(set_modification(m, renamed));
    for (i, other) in plan.modifications.iter().enumerate() {
        for (d, dep) in other.dependencies.iter().enumerate() {
            if dep.on == old.id && i != m {
                let mut dep = dep.clone();
                dep.on = new_id.to_owned();
                edits.push(Edit::Dependencies {
                    m: i,
                    op: ListEdit::Set {
                        index: d,
                        value: dep,
                    },
                });
            }
        }
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn plan() -> Plan {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        let mut a = Modification::new("A");
        a.work_packages.push(WorkPackage {
            name: "Review".into(),
            short_name: None,
            start: date(2019, 3, 11),
            start_precision: Precision::Exact,
            end: date(2019, 3, 22),
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
            ..Default::default()
        });
        let mut b = Modification::new("B");
        b.dependencies.push(Dependency {
            kind: DependencyKind::OnHoldPending,
            on: "A".into(),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        });
        p.modifications = vec![a, b];
        p
    }

    #[test]
    fn set_and_undo() {
        let mut p = plan();
        let original = p.clone();
        let mut wp = p.modifications[0].work_packages[0].clone();
        wp.start = date(2019, 3, 18);
        wp.end = date(2019, 3, 29);
        let inv = apply(
            &mut p,
            Edit::WorkPackages {
                m: 0,
                op: ListEdit::Set {
                    index: 0,
                    value: wp,
                },
            },
        )
        .unwrap();
        assert_eq!(p.modifications[0].work_packages[0].start, date(2019, 3, 18));
        let redo = apply(&mut p, inv).unwrap();
        assert_eq!(p, original);
        apply(&mut p, redo).unwrap();
        assert_eq!(p.modifications[0].work_packages[0].end, date(2019, 3, 29));
    }

    #[test]
    fn invalid_edits_are_refused_and_change_nothing() {
        let mut p = plan();
        let original = p.clone();
        let mut wp = p.modifications[0].work_packages[0].clone();
        wp.end = date(2019, 3, 1);
        let err = apply(
            &mut p,
            Edit::WorkPackages {
                m: 0,
                op: ListEdit::Set {
                    index: 0,
                    value: wp,
                },
            },
        )
        .unwrap_err();
        assert!(matches!(err, EditError::Invalid(_)));
        assert_eq!(p, original);
        // Removing A alone would leave B depending on nothing.
        let err = apply(&mut p, Edit::Modifications(ListEdit::Remove { index: 0 })).unwrap_err();
        assert!(
            err.to_string().contains("unknown modification \"A\""),
            "{err}"
        );
        assert_eq!(p, original);
        // Out of range.
        let err = apply(
            &mut p,
            Edit::Milestones {
                m: 5,
                op: ListEdit::Remove { index: 0 },
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "modification 5 does not exist");
    }

    #[test]
    fn applying_to_a_valid_plan_answers_as_a_full_check_does() {
        let p = plan();
        let mut wp = p.modifications[0].work_packages[0].clone();
        wp.end = date(2019, 3, 1);
        let backwards = Edit::WorkPackages {
            m: 0,
            op: ListEdit::Set {
                index: 0,
                value: wp,
            },
        };
        let mut grouped = p.modifications[1].clone();
        grouped.group = Some("nowhere".into());
        let mut retitled = p.modifications[1].clone();
        retitled.title = "Retitled".into();
        let mut cut_loose = p.modifications[1].clone();
        cut_loose.dependencies[0].on = "Z".into();
        for edit in [
            backwards,
            set_modification(1, grouped),
            set_modification(1, retitled),
            set_modification(1, cut_loose),
            Edit::Batch(vec![Edit::Milestones {
                m: 9,
                op: ListEdit::Remove { index: 0 },
            }]),
        ] {
            let (mut full, mut fast) = (p.clone(), p.clone());
            assert_eq!(
                apply(&mut full, edit.clone()),
                apply_to_valid(&mut fast, edit.clone()),
                "{edit:?}"
            );
            assert_eq!(full, fast, "{edit:?}");
        }
    }

    #[test]
    fn batch_rolls_back_on_failure() {
        let mut p = plan();
        let original = p.clone();
        let err = apply(
            &mut p,
            Edit::Batch(vec![
                Edit::Dependencies {
                    m: 1,
                    op: ListEdit::Remove { index: 0 },
                },
                Edit::Dependencies {
                    m: 1,
                    op: ListEdit::Remove { index: 0 },
                },
            ]),
        )
        .unwrap_err();
        assert!(matches!(err, EditError::NoSuchItem { .. }));
        assert_eq!(p, original);
    }

    #[test]
    fn remove_and_rename_keep_dependencies_consistent() {
        let mut p = plan();
        let original = p.clone();
        let edit = remove_modification(&p, 0);
        let inv = apply(&mut p, edit).unwrap();
        assert_eq!(p.modifications.len(), 1);
        assert!(p.modifications[0].dependencies.is_empty());
        apply(&mut p, inv).unwrap();
        assert_eq!(p, original);

        let edit = rename_modification(&p, 0, "SECMP0067").unwrap();
        let inv = apply(&mut p, edit).unwrap();
        assert_eq!(p.modifications[0].id, "SECMP0067");
        assert_eq!(p.modifications[1].dependencies[0].on, "SECMP0067");
        apply(&mut p, inv).unwrap();
        assert_eq!(p, original);
    }
}
