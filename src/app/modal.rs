//! The windows over the app that need an answer, and the answers they can get. The session decides which is open;
//! `dialogs_ui` draws it and returns the answer as an action.

use std::path::PathBuf;

use super::files::{DialogPurpose, PendingAction};
use super::recovery::LeftBehind;

/// A window over the app that needs an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Save / Discard / Cancel before doing this.
    ConfirmDiscard(PendingAction),
    /// Something failed; the message says what.
    Error {
        /// Window title.
        title: String,
        /// The message (with file and line:column for load errors).
        message: String,
    },
    /// An earlier run left unsaved work: restore it? (Not while the open plan has unsaved changes of its own: then
    /// the file is kept for later.)
    Recover(LeftBehind),
    /// The open file changed on disk and there are no local edits: reload it?
    ChangedOnDisk,
    /// Saving would overwrite changes someone else made on disk; then carry on with the action, if any.
    SaveConflict(Option<PendingAction>),
    /// No native dialog: type a path.
    PathPrompt {
        /// What the path is for.
        purpose: DialogPurpose,
        /// The text typed so far.
        text: String,
    },
}

/// The answer to "save changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardChoice {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Load the version on disk, dropping local edits.
    Reload,
    /// Write the app's version over it.
    Overwrite,
    /// Keep both: save the app's version elsewhere.
    SaveAs,
    /// Do nothing.
    Cancel,
}

/// The answer to "restore unsaved work?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoverChoice {
    /// Open the recovered plan.
    Restore,
    /// Delete the recovery file.
    Discard,
    /// Closed without choosing: keep the file for next time.
    Later,
}

/// The answer a modal got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalAnswer {
    /// To [`Modal::ConfirmDiscard`].
    Discard(DiscardChoice),
    /// To [`Modal::Recover`].
    Recover(RecoverChoice),
    /// To [`Modal::ChangedOnDisk`]: reload (true) or keep this version (false).
    ChangedOnDisk {
        /// Load the version on disk.
        reload: bool,
    },
    /// To [`Modal::SaveConflict`].
    Conflict(ConflictChoice),
    /// To [`Modal::PathPrompt`]: the path typed, or `None` for Cancel.
    Path(Option<PathBuf>),
    /// To [`Modal::Error`]: OK.
    Dismiss,
}
