//! Saving and opening on a worker thread, so that a large plan never freezes the window: the UI keeps drawing
//! (and the open plan stays usable) while the file is written or read, and the worker wakes the UI when it is done.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::files::PendingAction;
use crate::io::{LoadError, SaveError, save_plan};
use crate::model::Plan;

/// What a worker is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobKind {
    /// Writing the plan as it was at document state `state` to `path`; then carrying on with `then`, if any.
    Save {
        /// Where.
        path: PathBuf,
        /// The document state being written (it is saved once this lands, whatever was edited meanwhile).
        state: u64,
        /// What to do once saved.
        then: Option<PendingAction>,
    },
    /// Reading `path`; the document was at `revision` when the user asked.
    Open {
        /// Where.
        path: PathBuf,
        /// The document's revision when the open began: edits made while it ran are not dropped unasked.
        revision: u64,
    },
}

/// What a finished worker reports.
#[derive(Debug)]
pub enum JobResult {
    /// The save finished.
    Saved(Result<(), SaveError>),
    /// The file was read.
    Opened(Box<Result<crate::io::Loaded, LoadError>>),
}

/// A save or open in progress.
pub struct FileJob {
    /// What it is doing.
    pub kind: JobKind,
    rx: Receiver<JobResult>,
}

impl FileJob {
    /// Starts writing `plan` (document state `state`) to `path`.
    pub fn save(
        plan: Plan,
        path: PathBuf,
        state: u64,
        then: Option<PendingAction>,
        ctx: &egui::Context,
    ) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let target = path.clone();
        std::thread::spawn(move || {
            let result = save_plan(&plan, &target);
            // The app may have gone meanwhile: then nobody is waiting for the answer.
            tx.send(JobResult::Saved(result)).ok();
            ctx.request_repaint();
        });
        FileJob {
            kind: JobKind::Save { path, state, then },
            rx,
        }
    }

    /// Starts reading `path`; the document is at `revision`.
    pub fn open(path: &Path, revision: u64, ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let source = path.to_owned();
        std::thread::spawn(move || {
            let result = crate::io::load_plan_reporting(&source);
            // The app may have gone meanwhile: then nobody is waiting for the answer.
            tx.send(JobResult::Opened(Box::new(result))).ok();
            ctx.request_repaint();
        });
        FileJob {
            kind: JobKind::Open {
                path: path.to_owned(),
                revision,
            },
            rx,
        }
    }

    /// The result, once the worker has finished.
    pub fn poll(&self) -> Option<JobResult> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            // The worker died without a word (it panicked): say so rather than wait forever.
            Err(TryRecvError::Disconnected) => Some(match &self.kind {
                JobKind::Save { path, .. } => JobResult::Saved(Err(SaveError::Write {
                    path: path.clone(),
                    source: std::io::Error::other("the save stopped unexpectedly"),
                })),
                JobKind::Open { path, .. } => JobResult::Opened(Box::new(Err(LoadError::Read {
                    path: path.clone(),
                    source: std::io::Error::other("reading stopped unexpectedly"),
                }))),
            }),
        }
    }
}
