//! A plan being edited: the plan, its undo/redo history, whether it differs from what was last saved, and what its
//! recent changes affected.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};

use super::affected::Affected;
use super::edit::{Edit, EditError, apply, apply_to_valid};
use super::integrity::check_integrity;
use super::plan::Plan;

/// Source of revisions: unique across every document of the process, so that what was derived from one document is
/// never taken for another's (a file opened in place of another starts at a fresh revision).
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// How many recent changes [`Document::affected_since`] remembers; older revisions get [`Affected::Everything`].
const REMEMBERED_CHANGES: usize = 32;

/// One change of revision and what it affected.
#[derive(Debug, Clone)]
struct Change {
    from: u64,
    to: u64,
    affected: Affected,
}

/// What a history entry does when applied, and which state it leads to.
#[derive(Debug, Clone)]
struct Entry {
    edit: Edit,
    label: String,
    /// State id reached after applying `edit`.
    target: u64,
    /// Consecutive edits with the same key (typing into one field) merge into one undo step.
    merge_key: Option<String>,
}

/// A plan with undo/redo and a dirty flag. All changes go through [`Document::apply`].
#[derive(Debug, Clone)]
pub struct Document {
    plan: Plan,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// Id of the current state; every distinct state gets a fresh id.
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
    /// A fresh value on every change, so views can cache what they derive from the plan.
    revision: u64,
    /// The most recent changes, oldest first.
    changes: VecDeque<Change>,
    /// True when the plan has no integrity errors, so edits can be checked where they change it.
    valid: bool,
}

impl Document {
    /// A document for a plan that is saved as it is (just loaded).
    pub fn new(plan: Plan) -> Self {
        Document {
            valid: check_integrity(&plan).is_empty(),
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: Some(0),
            revision: fresh_revision(),
            changes: VecDeque::new(),
        }
    }

    /// A document for a plan that has never been saved (dirty from the start).
    pub fn new_unsaved(plan: Plan) -> Self {
        let mut doc = Self::new(plan);
        doc.saved_state = None;
        doc
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Changes every time the plan changes (apply, undo, redo). Unique in the process: no other document has it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What the last change (apply, undo or redo) affected; nothing before the first.
    pub fn last_affected(&self) -> Affected {
        self.changes
            .back()
            .map_or_else(Affected::nothing, |c| c.affected.clone())
    }

    /// What the changes from `revision` to now affected: nothing when `revision` is the current one, and
    /// [`Affected::Everything`] when it is not one of this document's recent revisions.
    pub fn affected_since(&self, revision: u64) -> Affected {
        let mut affected = Affected::nothing();
        let mut at = self.revision;
        for change in self.changes.iter().rev() {
            if at == revision {
                return affected;
            }
            debug_assert_eq!(change.to, at, "changes are recorded in order");
            affected = affected.union(change.affected.clone());
            at = change.from;
        }
        if at == revision {
            affected
        } else {
            Affected::Everything
        }
    }

    /// Moves to a fresh revision, remembering what the change affected.
    fn record(&mut self, affected: Affected) {
        let to = fresh_revision();
        if self.changes.len() == REMEMBERED_CHANGES {
            self.changes.pop_front();
        }
        self.changes.push_back(Change {
            from: self.revision,
            to,
            affected,
        });
        self.revision = to;
    }

    /// True when the plan differs from the last save.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Records that the current plan has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
    }

    /// Which state the plan is in: every distinct state (after an edit, undo or redo) has its own id. A save that
    /// runs in the background notes it when it starts.
    pub fn state_id(&self) -> u64 {
        self.state
    }

    /// Records that the plan as it was in state `state` has been saved (a background save finished; edits made
    /// while it ran are still unsaved).
    pub fn mark_saved_state(&mut self, state: u64) {
        self.saved_state = Some(state);
    }

    /// Records that nothing on disk matches any state (e.g. the file was deleted).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }

    fn fresh_state(&mut self) -> u64 {
        let s = self.next_state;
        self.next_state += 1;
        s
    }

    /// Applies `edit` as one undo step named `label`. On error nothing changes.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) -> Result<(), EditError> {
        self.apply_merging(edit, label, None)
    }

    /// Like [`Document::apply`], but merges with the previous step when both carry the same `merge_key` and nothing
    /// was undone or saved in between: typing a title is one undo step, not one per letter.
    pub fn apply_merging(
        &mut self,
        edit: Edit,
        label: impl Into<String>,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        let affected = edit.affects(&self.plan);
        let inverse = Self::apply_checked(&mut self.plan, edit, self.valid)?;
        // What the links moved as well: the inverse restores it.
        let affected = affected.union(inverse.affects(&self.plan));
        self.valid = true;
        self.record(affected);
        let merge = merge_key.is_some()
            && self.redo.is_empty()
            && self.saved_state != Some(self.state)
            && self.undo.last().is_some_and(|e| e.merge_key == merge_key);
        self.redo.clear();
        if merge {
            // The older inverse restores the state before the first merged edit, as far as the edits themselves go
            // (they changed the same thing). When this one moved other items through links, undo must restore
            // those too, so its inverse runs first.
            if matches!(inverse, Edit::Batch(_))
                && let Some(last) = self.undo.last_mut()
            {
                let older = std::mem::replace(&mut last.edit, Edit::Batch(Vec::new()));
                last.edit = Edit::Batch(vec![inverse, older]);
            }
            self.state = self.fresh_state();
            return Ok(());
        }
        let target = self.state;
        self.state = self.fresh_state();
        self.undo.push(Entry {
            edit: inverse,
            label: label.into(),
            target,
            merge_key,
        });
        Ok(())
    }

    /// Applies `edit`, checking only where it changes the plan when the plan is known to be `valid`. A plan that
    /// accepted an edit is valid.
    fn apply_checked(plan: &mut Plan, edit: Edit, valid: bool) -> Result<Edit, EditError> {
        if valid {
            apply_to_valid(plan, edit)
        } else {
            apply(plan, edit)
        }
    }

    /// Label of the step [`Document::undo`] would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// Label of the step [`Document::redo`] would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// Reverts the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        match Self::step(
            &mut self.plan,
            &mut self.undo,
            &mut self.redo,
            &mut self.state,
            self.valid,
        ) {
            Some(affected) => {
                self.valid = true;
                self.record(affected);
                true
            }
            None => false,
        }
    }

    /// Repeats the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        match Self::step(
            &mut self.plan,
            &mut self.redo,
            &mut self.undo,
            &mut self.state,
            self.valid,
        ) {
            Some(affected) => {
                self.valid = true;
                self.record(affected);
                true
            }
            None => false,
        }
    }

    /// Applies the last entry of `from`, pushing its inverse on `to`; returns what it affected, `None` when there
    /// was nothing to apply.
    fn step(
        plan: &mut Plan,
        from: &mut Vec<Entry>,
        to: &mut Vec<Entry>,
        state: &mut u64,
        valid: bool,
    ) -> Option<Affected> {
        let entry = from.pop()?;
        let affected = entry.edit.affects(plan);
        match Self::apply_checked(plan, entry.edit.clone(), valid) {
            Ok(inverse) => {
                let affected = affected.union(inverse.affects(plan));
                to.push(Entry {
                    edit: inverse,
                    label: entry.label,
                    target: *state,
                    merge_key: None,
                });
                *state = entry.target;
                Some(affected)
            }
            // Cannot happen for inverses of applied edits; keep the entry rather than lose it.
            Err(_) => {
                from.push(entry);
                None
            }
        }
    }

    /// Number of steps that can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::set_modification;
    use crate::model::plan::Modification;
    use jiff::civil::date;

    fn doc() -> Document {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        p.modifications.push(Modification::new("A"));
        Document::new(p)
    }

    fn retitle(d: &Document, t: &str) -> Edit {
        let mut m = d.plan().modifications[0].clone();
        m.title = t.into();
        set_modification(0, m)
    }

    #[test]
    fn dirty_follows_undo_and_redo() {
        let mut d = doc();
        assert!(!d.is_dirty());
        d.apply(retitle(&d, "x"), "Rename").unwrap();
        assert!(d.is_dirty());
        assert_eq!(d.undo_label(), Some("Rename"));
        assert!(d.undo());
        assert!(!d.is_dirty(), "back at the saved state");
        assert!(d.redo());
        assert!(d.is_dirty());
        d.mark_saved();
        assert!(!d.is_dirty());
        assert!(d.undo());
        assert!(d.is_dirty(), "undoing past a save makes it dirty");
        assert!(d.redo());
        assert!(!d.is_dirty());
        assert!(!d.redo());
    }

    #[test]
    fn a_background_save_marks_the_state_it_wrote() {
        let mut d = doc();
        d.apply(retitle(&d, "x"), "Rename").unwrap();
        let writing = d.state_id();
        // Edited while the save runs.
        d.apply(retitle(&d, "y"), "Rename again").unwrap();
        d.mark_saved_state(writing);
        assert!(d.is_dirty(), "the later edit is not on disk");
        assert!(d.undo());
        assert!(!d.is_dirty(), "undoing it returns to what was saved");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.apply(retitle(&d, "x"), "a").unwrap();
        d.undo();
        assert_eq!(d.redo_depth(), 1);
        d.apply(retitle(&d, "y"), "b").unwrap();
        assert_eq!(d.redo_depth(), 0);
        assert_eq!(d.plan().modifications[0].title, "y");
    }

    #[test]
    fn typing_merges_into_one_step() {
        let mut d = doc();
        let key = Some("title:A".to_string());
        for t in ["F", "Fi", "Fir"] {
            d.apply_merging(retitle(&d, t), "Edit title", key.clone())
                .unwrap();
        }
        assert_eq!(d.undo_depth(), 1);
        d.undo();
        assert_eq!(d.plan().modifications[0].title, "");
        assert!(!d.is_dirty());
        d.redo();
        assert_eq!(d.plan().modifications[0].title, "Fir");
    }

    #[test]
    fn merged_steps_undo_what_a_later_one_cascaded_into() {
        use crate::model::plan::{Dependency, DependencyKind, WorkPackage};
        use crate::model::{ListEdit, Owner};
        let package = |start, end| WorkPackage {
            name: "Work".into(),
            start,
            end,
            owner: Owner::Secas,
            ..Default::default()
        };
        let mut p = Plan::new_empty(date(2019, 3, 8));
        let mut a = Modification::new("A");
        a.work_packages
            .push(package(date(2019, 3, 11), date(2019, 3, 15)));
        let mut b = Modification::new("B");
        b.work_packages
            .push(package(date(2019, 3, 25), date(2019, 3, 29)));
        b.dependencies.push(Dependency {
            kind: DependencyKind::FinishToStart,
            on: "A".into(),
            until: None,
            lag_days: 0,
            notes: String::new(),
        });
        p.modifications = vec![a, b];
        let before = p.clone();
        let mut d = Document::new(p);
        let set_end = |d: &Document, end| Edit::WorkPackages {
            m: 0,
            op: ListEdit::Set {
                index: 0,
                value: WorkPackage {
                    end,
                    ..d.plan().modifications[0].work_packages[0].clone()
                },
            },
        };
        let key = Some("end".to_owned());
        // The first step moves nothing else; the second pushes B past A's new end.
        d.apply_merging(set_end(&d, date(2019, 3, 18)), "End", key.clone())
            .unwrap();
        assert_eq!(d.plan().modifications[1], before.modifications[1]);
        d.apply_merging(set_end(&d, date(2019, 3, 29)), "End", key)
            .unwrap();
        assert_eq!(d.undo_depth(), 1, "merged");
        assert_eq!(
            d.plan().modifications[1].work_packages[0].start,
            date(2019, 4, 1)
        );
        assert!(d.undo());
        assert_eq!(d.plan(), &before, "undo restores B too");
    }

    #[test]
    fn refused_edits_change_nothing() {
        let mut d = doc();
        let rev = d.revision();
        let mut m = d.plan().modifications[0].clone();
        m.id = String::new();
        assert!(d.apply(set_modification(0, m), "bad").is_err());
        assert_eq!(d.revision(), rev);
        assert_eq!(d.undo_depth(), 0);
        assert!(!d.is_dirty());
    }

    #[test]
    fn each_change_says_what_it_affected() {
        let mut d = doc();
        let start = d.revision();
        assert!(d.affected_since(start).is_nothing());
        assert!(d.last_affected().is_nothing());
        d.apply(retitle(&d, "x"), "Rename").unwrap();
        let one = Affected::Modifications {
            indices: vec![0],
            regrouped: false,
        };
        assert_eq!(d.last_affected(), one);
        assert_eq!(d.affected_since(start), one);
        let after_rename = d.revision();
        let added = Edit::Modifications(crate::model::ListEdit::Insert {
            index: 1,
            value: Box::new(Modification::new("B")),
        });
        d.apply(added, "Add").unwrap();
        assert_eq!(d.affected_since(after_rename), Affected::Everything);
        assert!(d.undo());
        assert_eq!(d.last_affected(), Affected::Everything);
        assert!(d.undo());
        assert_eq!(d.last_affected(), one);
        assert_eq!(d.affected_since(d.revision()), Affected::nothing());
        // A revision this document never had, or one too old to remember: everything.
        assert_eq!(d.affected_since(doc().revision()), Affected::Everything);
        for _ in 0..REMEMBERED_CHANGES {
            d.apply(retitle(&d, "y"), "Rename").unwrap();
        }
        assert_eq!(d.affected_since(start), Affected::Everything);
    }

    #[test]
    fn revisions_are_unique_across_documents() {
        let (a, b) = (doc(), doc());
        assert_ne!(a.revision(), b.revision());
    }

    #[test]
    fn unsaved_documents_start_dirty() {
        let d = Document::new_unsaved(Plan::new_empty(date(2019, 3, 8)));
        assert!(d.is_dirty());
    }
}
