//! A plan being edited: the plan, its undo/redo history, and whether it differs from what was last saved.

use super::edit::{Edit, EditError, apply};
use super::plan::Plan;

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
    /// Bumped on every change, so views can cache what they derive from the plan.
    revision: u64,
}

impl Document {
    /// A document for a plan that is saved as it is (just loaded).
    pub fn new(plan: Plan) -> Self {
        Document {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: Some(0),
            revision: 0,
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

    /// Changes every time the plan changes (apply, undo, redo).
    pub fn revision(&self) -> u64 {
        self.revision
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
        let inverse = apply(&mut self.plan, edit)?;
        self.revision += 1;
        let merge = merge_key.is_some()
            && self.redo.is_empty()
            && self.saved_state != Some(self.state)
            && self.undo.last().is_some_and(|e| e.merge_key == merge_key);
        self.redo.clear();
        if merge {
            // Keep the older inverse: it restores the state before the first merged edit.
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
        Self::step(
            &mut self.plan,
            &mut self.undo,
            &mut self.redo,
            &mut self.state,
            &mut self.revision,
        )
    }

    /// Repeats the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        Self::step(
            &mut self.plan,
            &mut self.redo,
            &mut self.undo,
            &mut self.state,
            &mut self.revision,
        )
    }

    fn step(
        plan: &mut Plan,
        from: &mut Vec<Entry>,
        to: &mut Vec<Entry>,
        state: &mut u64,
        revision: &mut u64,
    ) -> bool {
        let Some(entry) = from.pop() else {
            return false;
        };
        match apply(plan, entry.edit.clone()) {
            Ok(inverse) => {
                to.push(Entry {
                    edit: inverse,
                    label: entry.label,
                    target: *state,
                    merge_key: None,
                });
                *state = entry.target;
                *revision += 1;
                true
            }
            // Cannot happen for inverses of applied edits; keep the entry rather than lose it.
            Err(_) => {
                from.push(entry);
                false
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
    fn unsaved_documents_start_dirty() {
        let d = Document::new_unsaved(Plan::new_empty(date(2019, 3, 8)));
        assert!(d.is_dirty());
    }
}
