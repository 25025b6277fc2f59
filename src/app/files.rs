//! Files from the app's side: native dialogs off the UI thread (with an in-app path field when none is available),
//! confirmations before unsaved work is dropped, recent files.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

pub use crate::io::export::ExportKind;

/// A dialog answering `None` faster than this was not shown at all (no portal, no zenity): offer the path field.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(400);

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// Something the user asked for that would drop unsaved changes, held while they choose Save / Discard / Cancel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new plan.
    New,
    /// Pick a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Quit.
    Quit,
}

/// What a file dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Choose a plan to open.
    Open,
    /// Choose where to save; then carry on with the action, if any.
    SaveAs(Option<PendingAction>),
    /// Choose where to export.
    Export(ExportKind),
    /// Choose a plan to compare with.
    Compare,
}

/// A native dialog running on another thread.
pub struct RunningDialog {
    /// What it is for.
    pub purpose: DialogPurpose,
    started: Instant,
    rx: Receiver<Option<PathBuf>>,
}

/// What a finished dialog said.
pub enum DialogOutcome {
    /// The user chose a path.
    Chosen(DialogPurpose, PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No native dialog could be shown: ask for the path in the app.
    Unavailable(DialogPurpose),
}

impl RunningDialog {
    /// Starts a native dialog on a worker thread; `ctx` is repainted when it answers.
    pub fn start(purpose: DialogPurpose, ctx: &egui::Context, suggested: Option<&Path>) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let save = !matches!(purpose, DialogPurpose::Open | DialogPurpose::Compare);
        let mut dialog = match &purpose {
            DialogPurpose::Export(kind) => rfd::AsyncFileDialog::new()
                .add_filter(kind.extension().to_uppercase(), &[kind.extension()])
                .set_title(kind.text().trim_end_matches('…')),
            DialogPurpose::SaveAs(_) => rfd::AsyncFileDialog::new()
                .add_filter("SEC Timetable plan", &["ron"])
                .set_title("Save plan as"),
            DialogPurpose::Open => rfd::AsyncFileDialog::new()
                .add_filter("SEC Timetable plan", &["ron"])
                .set_title("Open plan"),
            DialogPurpose::Compare => rfd::AsyncFileDialog::new()
                .add_filter("SEC Timetable plan", &["ron"])
                .set_title("Compare with plan"),
        };
        if let Some(p) = suggested {
            if let Some(dir) = p.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = p.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
        }
        std::thread::spawn(move || {
            let picked = pollster::block_on(async move {
                if save {
                    dialog.save_file().await
                } else {
                    dialog.pick_file().await
                }
            });
            // The app may have closed meanwhile; then nobody waits for the answer.
            tx.send(picked.map(|h| h.path().to_owned())).ok();
            ctx.request_repaint();
        });
        RunningDialog {
            purpose,
            started: Instant::now(),
            rx,
        }
    }

    /// The outcome once the dialog has answered.
    pub fn poll(&self) -> Option<DialogOutcome> {
        match self.rx.try_recv() {
            Ok(Some(path)) => Some(DialogOutcome::Chosen(self.purpose.clone(), path)),
            Ok(None) if self.started.elapsed() < NO_DIALOG_THRESHOLD => {
                Some(DialogOutcome::Unavailable(self.purpose.clone()))
            }
            Ok(None) => Some(DialogOutcome::Cancelled),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(DialogOutcome::Unavailable(self.purpose.clone()))
            }
        }
    }
}

/// Puts `path` first in `recent`, without duplicates, keeping at most [`MAX_RECENT`].
pub fn push_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}

/// Adds `.ron` when the user typed a name without an extension.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_and_bounded() {
        let mut recent = Vec::new();
        for i in 0..15 {
            push_recent(&mut recent, Path::new(&format!("/nonexistent/{i}.ron")));
        }
        push_recent(&mut recent, Path::new("/nonexistent/3.ron"));
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0], Path::new("/nonexistent/3.ron"));
        assert_eq!(recent.iter().filter(|p| p.ends_with("3.ron")).count(), 1);
    }

    #[test]
    fn ron_extension_is_added_when_missing() {
        assert_eq!(with_ron_extension("a".into()), PathBuf::from("a.ron"));
        assert_eq!(with_ron_extension("a.txt".into()), PathBuf::from("a.txt"));
    }
}

/// What the file on disk looked like when the app last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskState {
    modified: Option<std::time::SystemTime>,
    len: u64,
    hash: u64,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl DiskState {
    /// Reads `path`'s state now.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        let bytes = std::fs::read(path)?;
        Ok(DiskState {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: hash_bytes(&bytes),
        })
    }

    /// True when `path` no longer holds what this state recorded (or is gone). Cheap when nothing changed: the
    /// contents are only read when the size or modification time differ.
    pub fn changed(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return false;
        }
        std::fs::read(path).map_or(true, |bytes| hash_bytes(&bytes) != self.hash)
    }
}
