//! Watching the open file from a background thread, so that an idle window draws nothing: the UI is woken only
//! when the file really changed (a shared drive, a git pull), never on a timer.
//!
//! The operating system's file notifications (`notify`) tell the worker something happened in the file's folder;
//! the worker then compares the file with what the app last read or wrote, and only a real difference wakes the UI.
//! Where notifications are not available (some network drives), a thread polls the file's size and time every few
//! seconds instead, still off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::Watcher;

use super::files::DiskState;

/// How long a change must last to count: writers that truncate then write pass through an empty file.
const SETTLE: Duration = Duration::from_millis(150);

/// How often the fallback checks the file.
const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// What the watcher and the app share.
struct Shared {
    path: PathBuf,
    /// What the file held when the app last read or wrote it.
    known: Mutex<Option<DiskState>>,
    /// Set when the file differs from `known`; taken by the app.
    changed: AtomicBool,
    /// Set when the watch ends.
    stop: AtomicBool,
    ctx: egui::Context,
}

impl Shared {
    fn differs(&self) -> bool {
        let known = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        known.as_ref().is_none_or(|k| k.changed(&self.path))
    }

    /// Compares the file with what the app knows; when it still differs a moment later (a writer that truncates
    /// and rewrites passes through states that are not changes), flags it and wakes the UI.
    fn check(&self) {
        if !self.differs() {
            return;
        }
        std::thread::sleep(SETTLE);
        if self.differs() && !self.changed.swap(true, Ordering::SeqCst) {
            self.ctx.request_repaint();
        }
    }
}

/// Watches one file until dropped.
pub struct DiskWatch {
    shared: Arc<Shared>,
    /// Kept alive for as long as the watch lasts; `None` when polling.
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Shared {
    fn new(path: &Path, known: Option<DiskState>, ctx: &egui::Context) -> Arc<Self> {
        Arc::new(Shared {
            path: path.to_owned(),
            known: Mutex::new(known),
            changed: AtomicBool::new(false),
            stop: AtomicBool::new(false),
            ctx: ctx.clone(),
        })
    }
}

impl DiskWatch {
    /// Starts watching `path`, which last held `known`; `ctx` is woken when it changes. Where notifications are not
    /// available, a thread polls instead.
    pub fn start(path: &Path, known: Option<DiskState>, ctx: &egui::Context) -> Self {
        let shared = Shared::new(path, known, ctx);
        let watcher = notify_watcher(&shared).ok();
        if watcher.is_none() {
            start_polling(&shared);
        }
        DiskWatch {
            shared,
            _watcher: watcher,
        }
    }

    /// Starts watching `path` by polling only (what happens where notifications are not available).
    pub fn start_polling(path: &Path, known: Option<DiskState>, ctx: &egui::Context) -> Self {
        let shared = Shared::new(path, known, ctx);
        start_polling(&shared);
        DiskWatch {
            shared,
            _watcher: None,
        }
    }

    /// The file the watch is on.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// Records what the file holds now (the app just read or wrote it).
    pub fn set_known(&self, known: Option<DiskState>) {
        *self
            .shared
            .known
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = known;
        self.shared.changed.store(false, Ordering::SeqCst);
    }

    /// True once after the file was seen to differ from what the app knows.
    pub fn take_changed(&self) -> bool {
        self.shared.changed.swap(false, Ordering::SeqCst)
    }
}

impl Drop for DiskWatch {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
    }
}

/// A notification watcher on the file's folder (an atomic save replaces the file, so watching the file itself
/// would lose track of it after the first save).
fn notify_watcher(shared: &Arc<Shared>) -> notify::Result<notify::RecommendedWatcher> {
    let folder = match shared.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = shared.path.file_name().map(ToOwned::to_owned);
    let worker = Arc::clone(shared);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let about_our_file = match &event {
            Ok(e) => e.paths.iter().any(|p| p.file_name() == name.as_deref()),
            // An error from the watcher: look at the file to be sure.
            Err(_) => true,
        };
        if about_our_file && !worker.stop.load(Ordering::SeqCst) {
            worker.check();
        }
    })?;
    watcher.watch(&folder, notify::RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// The fallback: a thread that looks at the file every [`POLL_INTERVAL`] until the watch ends.
fn start_polling(shared: &Arc<Shared>) {
    let worker = Arc::clone(shared);
    std::thread::spawn(move || {
        while !worker.stop.load(Ordering::SeqCst) {
            std::thread::sleep(POLL_INTERVAL);
            if worker.stop.load(Ordering::SeqCst) {
                break;
            }
            worker.check();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait_for(watch: &DiskWatch, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if watch.take_changed() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn check_watch(
        start: impl Fn(&Path, Option<DiskState>, &egui::Context) -> DiskWatch,
        limit: Duration,
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "(version: 1)").expect("write");
        let ctx = egui::Context::default();
        let watch = start(&path, DiskState::read(&path).ok(), &ctx);
        // Rewriting the same bytes is not a change.
        std::fs::write(&path, "(version: 1)").expect("write");
        assert!(
            !wait_for(&watch, Duration::from_millis(300)),
            "same bytes woke the app"
        );
        // Someone else's edit is.
        std::fs::write(&path, "(version: 1) // theirs").expect("write");
        assert!(wait_for(&watch, limit), "the change was not seen");
        // Once the app knows the new state, nothing more is reported.
        watch.set_known(DiskState::read(&path).ok());
        assert!(!wait_for(&watch, Duration::from_millis(300)));
        // A replaced file (as an atomic save by someone else does it) is seen too.
        let tmp = dir.path().join("plan.ron.tmp");
        std::fs::write(&tmp, "(version: 1) // replaced").expect("write");
        std::fs::rename(&tmp, &path).expect("rename");
        assert!(wait_for(&watch, limit), "the replacement was not seen");
    }

    #[test]
    fn notifications_report_real_changes_only() {
        check_watch(DiskWatch::start, Duration::from_secs(5));
    }

    #[test]
    fn polling_reports_real_changes_only() {
        check_watch(DiskWatch::start_polling, POLL_INTERVAL * 3);
    }
}
