//! What the UI asks for during a frame, queued and applied after the UI has been drawn (egui_demo_app's `Command`
//! / `run_cmd`): user commands, and the actions with data that panels produce (select this, apply that edit).

use std::path::PathBuf;

use super::analysis::Reference;
use super::commands::Command;
use super::details::LabelledEdit;
use super::modal::ModalAnswer;
use crate::model::Edit;
use crate::model::roll::NextPaper;

/// One thing to do after the frame.
#[derive(Debug, Clone)]
pub enum Action {
    /// A user command (menu, toolbar, shortcut).
    Command(Command),
    /// Select modification `m` and scroll it into view.
    Select(usize),
    /// Select modification `m`, clearing a filter that hides it.
    Reveal(usize),
    /// Apply an edit as one undo step, merged with the previous step when the keys match (typing in one field).
    Apply {
        /// The change.
        edit: Edit,
        /// The undo step's name.
        label: String,
        /// Steps with the same key merge.
        merge_key: Option<String>,
    },
    /// Open this file (asks first about unsaved changes).
    OpenPath(PathBuf),
    /// The open modal's answer.
    Answer(ModalAnswer),
    /// Show only what is due at this meeting (`None`: show all).
    FilterMeeting(Option<String>),
    /// Roll the plan forward to the next paper (one undo step), then show the checklist.
    RollForward(NextPaper),
    /// Open the editor of this meeting (an id on the schedule), or close it.
    EditMeeting(Option<String>),
    /// Compare the plan with this from now on.
    SetReference(Reference),
}

/// Actions queued during one frame.
#[derive(Debug, Default)]
pub struct ActionQueue {
    actions: Vec<Action>,
}

impl ActionQueue {
    /// Queues `action`.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Queues a user command.
    pub fn command(&mut self, command: Command) {
        self.push(Action::Command(command));
    }

    /// Queues an edit (its own undo step).
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) {
        self.push(Action::Apply {
            edit,
            label: label.into(),
            merge_key: None,
        });
    }

    /// Queues what a panel asked for, if anything: an edit with its undo label and merge key.
    pub fn apply_labelled(&mut self, edit: Option<LabelledEdit>) {
        if let Some((edit, label, merge_key)) = edit {
            self.push(Action::Apply {
                edit,
                label,
                merge_key,
            });
        }
    }

    /// Takes everything queued, oldest first.
    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
    }
}
