//! Crash recovery: unsaved work is written to a recovery file shortly after each change, by a worker thread, so a
//! crash or kill loses at most a second or two. The next start offers to restore it. Saving, or a clean exit,
//! removes it.
//!
//! Each running instance has its own recovery file (`<instance>.ron`) and holds a lock on `<instance>.lock` for as
//! long as it runs, so two windows never write over each other's work, and a start can tell the files of
//! instances that are still running (locked) from those left by a crash (lock free). A file left by a crash is
//! never overwritten or deleted until the user has chosen Restore (it becomes this instance's file) or Discard.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};

use serde::{Deserialize, Serialize};

use crate::io::plan_file::write_atomically;
use crate::io::{parse_plan, plan_to_string};
use crate::model::Plan;

/// Seconds after the last change before the recovery file is written.
pub const DELAY_S: f64 = 1.0;

/// The single recovery file of versions before one file per instance; offered like a crashed instance's.
const LEGACY_FILE_NAME: &str = "unsaved-plan.ron";

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryFile {
    /// When it was written (RFC 3339).
    pub saved_at: String,
    /// The file the plan came from, if it had one.
    pub source: Option<PathBuf>,
    /// The plan, in canonical plan-file form.
    pub plan: String,
}

impl RecoveryFile {
    /// When it was written, for people: "30 Nov 2026, 14:05 UTC".
    pub fn saved_at_text(&self) -> String {
        self.saved_at
            .parse::<jiff::Timestamp>()
            .map(|t| t.strftime("%-d %b %Y, %H:%M UTC").to_string())
            .unwrap_or_else(|_| self.saved_at.clone())
    }

    /// The plan inside, if it still parses.
    pub fn plan(&self) -> Option<Plan> {
        parse_plan(self.plan.as_bytes(), Path::new(LEGACY_FILE_NAME)).ok()
    }

    /// Reads a recovery file; `None` when it is missing, unreadable or not a recovery file.
    pub fn read(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        ron::from_str(&text).ok()
    }
}

/// A recovery file an earlier instance left behind (it crashed or was killed), waiting for Restore or Discard.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftBehind {
    /// Where it is.
    pub path: PathBuf,
    /// What it holds.
    pub file: RecoveryFile,
}

enum Job {
    Write(Box<Plan>, Option<PathBuf>),
    Clear,
}

/// Keeps this instance's recovery file up to date from the UI thread without blocking it.
pub struct Recovery {
    dir: PathBuf,
    path: PathBuf,
    lock_path: PathBuf,
    /// Held for as long as this instance runs; `None` where the file system cannot lock.
    lock: Option<File>,
    jobs: Sender<Job>,
    /// Plan revision last sent to the worker.
    written_revision: Option<u64>,
    /// UI time at which the current unsaved change was first seen.
    pending_since: Option<(u64, f64)>,
    has_file: bool,
}

/// The platform's folder for the app's recovery files.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sec-timetable").map(|d| d.data_dir().join("recovery"))
}

/// A name no other instance has: process id and start time.
fn instance_name() -> String {
    let nanos = jiff::Timestamp::now().as_nanosecond();
    format!("instance-{}-{nanos}", std::process::id())
}

/// Takes the lock that says "this instance is running"; `None` if the folder or the lock cannot be had.
fn take_lock(lock_path: &Path) -> Option<File> {
    if let Some(dir) = lock_path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    let file = File::create(lock_path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// True when an instance that is still running holds the lock at `lock_path`.
fn is_held(lock_path: &Path) -> bool {
    match File::open(lock_path) {
        // Taking the lock ourselves means nobody holds it; it is released again when `file` closes.
        Ok(file) => file.try_lock().is_err(),
        Err(_) => false,
    }
}

/// Removes the locks of instances that ended without a clean exit and left no work behind (killed while nothing was
/// unsaved), so they do not pile up. A lock with a recovery file beside it stays with that file.
fn remove_stale_locks(dir: &Path, own: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let is_lock = path.extension().is_some_and(|x| x == "lock");
        if is_lock && path != own && !is_held(&path) && !path.with_extension("ron").exists() {
            // Best effort: another start may remove it first.
            std::fs::remove_file(&path).ok();
        }
    }
}

impl Recovery {
    /// Recovery for this instance in `dir` (created when first needed).
    pub fn new(dir: &Path) -> Self {
        let name = instance_name();
        let path = dir.join(format!("{name}.ron"));
        let lock_path = dir.join(format!("{name}.lock"));
        let lock = take_lock(&lock_path);
        let (tx, rx) = channel::<Job>();
        let worker_path = path.clone();
        std::thread::spawn(move || {
            while let Ok(mut job) = rx.recv() {
                // Only the newest job matters.
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                match job {
                    // Best effort: a recovery file that cannot be written must never disturb the user's work;
                    // the next change tries again.
                    Job::Write(plan, source) => {
                        write_recovery(&worker_path, &plan, source).ok();
                    }
                    Job::Clear => {
                        std::fs::remove_file(&worker_path).ok();
                    }
                }
            }
        });
        remove_stale_locks(dir, &lock_path);
        Recovery {
            dir: dir.to_owned(),
            path,
            lock_path,
            lock,
            jobs: tx,
            written_revision: None,
            pending_since: None,
            has_file: false,
        }
    }

    /// Recovery files that instances no longer running left behind, oldest first. Files of running instances,
    /// and this instance's own, are not among them.
    pub fn left_behind(&self) -> Vec<LeftBehind> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<LeftBehind> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron") && *p != self.path)
            .filter(|p| !is_held(&p.with_extension("lock")))
            .filter_map(|path| RecoveryFile::read(&path).map(|file| LeftBehind { path, file }))
            .filter(|left| left.file.plan().is_some())
            .collect();
        found.sort_by(|a, b| a.file.saved_at.cmp(&b.file.saved_at));
        found
    }

    /// Makes a left-behind file this instance's own (the user restored it): from now on it is kept up to date, and
    /// removed on save or a clean exit, like any of this instance's work.
    pub fn adopt(&mut self, left: &LeftBehind) -> std::io::Result<()> {
        std::fs::rename(&left.path, &self.path)?;
        std::fs::remove_file(left.path.with_extension("lock")).ok();
        self.has_file = true;
        Ok(())
    }

    /// Deletes a left-behind file (the user chose Discard).
    pub fn discard(left: &LeftBehind) {
        // Already gone is fine.
        std::fs::remove_file(&left.path).ok();
        std::fs::remove_file(left.path.with_extension("lock")).ok();
    }

    /// This instance's recovery file, as it is on disk now.
    pub fn find(&self) -> Option<RecoveryFile> {
        RecoveryFile::read(&self.path)
    }

    /// Where this instance's recovery file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this instance holds its lock (the file system could lock).
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Called every frame: writes the plan `DELAY_S` after it last changed, or clears the file once the plan is
    /// saved. Returns how long until it next needs a frame, if it is waiting.
    pub fn update(
        &mut self,
        plan: &Plan,
        revision: u64,
        dirty: bool,
        source: Option<&Path>,
        now_s: f64,
    ) -> Option<f64> {
        if !dirty {
            self.pending_since = None;
            self.written_revision = None;
            if self.has_file {
                self.clear();
            }
            return None;
        }
        if self.written_revision == Some(revision) {
            return None;
        }
        let since = match self.pending_since {
            Some((rev, t)) if rev == revision => t,
            _ => {
                self.pending_since = Some((revision, now_s));
                now_s
            }
        };
        let waited = now_s - since;
        if waited >= DELAY_S {
            // The worker lives as long as the app; if it is gone there is nothing better to do.
            self.jobs
                .send(Job::Write(
                    Box::new(plan.clone()),
                    source.map(Path::to_owned),
                ))
                .ok();
            self.written_revision = Some(revision);
            self.pending_since = None;
            self.has_file = true;
            None
        } else {
            Some(DELAY_S - waited)
        }
    }

    /// Removes the recovery file (saved, discarded, or a clean exit).
    pub fn clear(&mut self) {
        self.jobs.send(Job::Clear).ok();
        self.has_file = false;
        self.written_revision = None;
    }

    /// Removes this instance's recovery file and lock now, on this thread (a clean exit, when the worker may not
    /// get to run).
    pub fn clear_now(&mut self) {
        // Already gone is fine.
        std::fs::remove_file(&self.path).ok();
        self.has_file = false;
        self.lock = None;
        std::fs::remove_file(&self.lock_path).ok();
    }
}

fn write_recovery(path: &Path, plan: &Plan, source: Option<PathBuf>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let file = RecoveryFile {
        saved_at: jiff::Timestamp::now().to_string(),
        source,
        plan: plan_to_string(plan).map_err(|e| e.to_string())?,
    };
    let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new())
        .map_err(|e| e.to_string())?;
    write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(path: &Path, exists: bool) {
        for _ in 0..200 {
            if path.exists() == exists {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("{} exists: {}", path.display(), path.exists());
    }

    fn write_now(r: &mut Recovery, plan: &Plan) {
        r.update(plan, 1, true, None, 10.0);
        r.update(plan, 1, true, None, 11.5);
        wait_for(r.path(), true);
    }

    #[test]
    fn writes_after_the_delay_and_clears_when_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::new(dir.path());
        let plan = crate::app::bundled_plan();
        let source = Path::new("/plans/p.ron");
        assert!(
            r.update(&plan, 1, true, Some(source), 10.0).is_some(),
            "waits"
        );
        assert!(!r.path().exists());
        assert_eq!(r.update(&plan, 1, true, Some(source), 11.5), None);
        wait_for(r.path(), true);
        let found = r.find().unwrap();
        assert_eq!(found.source.as_deref(), Some(source));
        assert_eq!(found.plan().unwrap(), plan);
        // Saved: the file goes.
        r.update(&plan, 1, false, Some(source), 12.0);
        wait_for(r.path(), false);
    }

    #[test]
    fn a_broken_recovery_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("old.ron"), "not ron at all").unwrap();
        let r = Recovery::new(dir.path());
        assert!(r.left_behind().is_empty());
    }

    #[test]
    fn two_running_instances_keep_their_own_files_and_do_not_offer_each_others() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::app::bundled_plan();
        let mut a = Recovery::new(dir.path());
        let mut b = Recovery::new(dir.path());
        assert!(a.is_locked() && b.is_locked());
        assert_ne!(a.path(), b.path());
        write_now(&mut a, &plan);
        write_now(&mut b, &plan);
        // Both alive: neither's work is "left behind".
        assert!(Recovery::new(dir.path()).left_behind().is_empty());
        // `a` crashes (its lock goes with it): the next start offers its file, and only that.
        let a_path = a.path().to_owned();
        drop(a.lock.take());
        let next = Recovery::new(dir.path());
        let left = next.left_behind();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].path, a_path);
        // `b` quits cleanly: its file and lock go, `a`'s stays.
        b.clear_now();
        assert!(!b.path().exists());
        assert!(a_path.exists(), "never deleted without the user's word");
    }

    #[test]
    fn locks_of_instances_that_left_nothing_behind_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::app::bundled_plan();
        // Killed with nothing unsaved: a lock and no recovery file.
        let mut idle = Recovery::new(dir.path());
        let idle_lock = idle.lock_path.clone();
        drop(idle.lock.take());
        // Killed with unsaved work: its lock stays beside its file.
        let mut busy = Recovery::new(dir.path());
        write_now(&mut busy, &plan);
        let busy_lock = busy.lock_path.clone();
        drop(busy.lock.take());
        // Still running: its lock stays.
        let alive = Recovery::new(dir.path());
        let next = Recovery::new(dir.path());
        assert!(!idle_lock.exists());
        assert!(busy_lock.exists());
        assert!(alive.lock_path.exists() && next.lock_path.exists());
    }

    #[test]
    fn restoring_adopts_the_file_and_discarding_deletes_it() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::app::bundled_plan();
        for restore in [true, false] {
            let mut crashed = Recovery::new(dir.path());
            write_now(&mut crashed, &plan);
            drop(crashed.lock.take());
            let mut next = Recovery::new(dir.path());
            let left = next.left_behind();
            assert_eq!(left.len(), 1);
            if restore {
                next.adopt(&left[0]).unwrap();
                assert!(!left[0].path.exists());
                assert_eq!(next.find().unwrap().plan().unwrap(), plan);
                next.clear_now();
            } else {
                Recovery::discard(&left[0]);
                assert!(!left[0].path.exists());
            }
            assert!(Recovery::new(dir.path()).left_behind().is_empty());
        }
    }
}
