//! Crash recovery: unsaved work is written to a recovery file shortly after each change, by a worker thread, so a
//! crash or kill loses at most a second or two. The next start offers to restore it. Saving, or a clean exit,
//! removes it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};

use serde::{Deserialize, Serialize};

use crate::io::plan_file::write_atomically;
use crate::io::{parse_plan, plan_to_string};
use crate::model::Plan;

/// Seconds after the last change before the recovery file is written.
pub const DELAY_S: f64 = 1.0;

/// Name of the recovery file in its folder.
const FILE_NAME: &str = "unsaved-plan.ron";

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
        parse_plan(self.plan.as_bytes(), Path::new(FILE_NAME)).ok()
    }
}

enum Job {
    Write(Box<Plan>, Option<PathBuf>),
    Clear,
}

/// Keeps the recovery file up to date from the UI thread without blocking it.
pub struct Recovery {
    path: PathBuf,
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

impl Recovery {
    /// Recovery in `dir` (created when first needed).
    pub fn new(dir: &Path) -> Self {
        let path = dir.join(FILE_NAME);
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
        Recovery {
            path,
            jobs: tx,
            written_revision: None,
            pending_since: None,
            has_file: false,
        }
    }

    /// The recovery file left by an earlier run, if there is one.
    pub fn find(&self) -> Option<RecoveryFile> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        ron::from_str(&text).ok()
    }

    /// Where the recovery file lives.
    pub fn path(&self) -> &Path {
        &self.path
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

    /// Removes the recovery file now, on this thread (at exit, when the worker may not get to run).
    pub fn clear_now(&mut self) {
        // Already gone is fine.
        std::fs::remove_file(&self.path).ok();
        self.has_file = false;
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
        let r = Recovery::new(dir.path());
        std::fs::write(r.path(), "not ron at all").unwrap();
        assert!(r.find().is_none());
    }
}
