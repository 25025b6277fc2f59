//! Atomic saves: a temporary file beside the target is written, synced and renamed over it. The writer holds an
//! exclusive lock on its temporary while writing, so cleanup of temporaries that killed saves left behind can tell a
//! save in progress (locked, by this or any other process) from an abandoned one, on every OS.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::plan_file::SaveError;

/// A temporary is only ever removed once it is older than this: far longer than any save takes. It guards the moments
/// when a writer's temporary is not locked (just created, or closed and about to be renamed) and file systems that
/// do not honour locks across machines.
pub const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Distinguishes the temporaries of saves running at once in one process.
static NEXT_TEMPORARY: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: a temporary file beside it is written, flushed and synced, then renamed
/// over `path`. The previous file, if any, is kept as `<name>.bak`. If anything fails the old file is untouched.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, contents, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with the step that writes the bytes into the temporary file supplied by the caller (tests
/// use it to fail mid-write, as a full disk would).
pub fn write_atomically_with(
    path: &Path,
    contents: &[u8],
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let write_err = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| write_err(std::io::Error::other("not a file name")))?
        .to_string_lossy()
        .into_owned();
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().readonly()
    {
        return Err(write_err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )));
    }
    remove_stale_temporaries(&dir, &name, STALE_AFTER);
    let tmp = dir.join(temporary_name(&name));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        // Tells cleanup in any process that this save is alive. A file system without locks still has the age guard.
        file.lock().ok();
        write(&mut file, contents)?;
        file.flush()?;
        file.sync_all()?;
        // Closing releases the lock; the temporary is seconds old, so cleanup leaves it until it is renamed.
        drop(file);
        if fs::metadata(path).is_ok() {
            // Keep the previous version. A failure here must not stop the save.
            fs::copy(path, dir.join(format!("{name}.bak"))).ok();
        }
        fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform can; the file is saved either way.
        if let Ok(d) = fs::File::open(&dir) {
            d.sync_all().ok();
        }
        Ok(())
    })();
    if result.is_err() {
        // The write's error is the one to report; a temporary left behind is removed by a later save.
        fs::remove_file(&tmp).ok();
    }
    result.map_err(|e| write_err(plain_error(e, &dir)))
}

/// `.<name>.<pid>-<n>.tmp`: hidden, beside the target, unique to this save.
fn temporary_name(name: &str) -> String {
    let n = NEXT_TEMPORARY.fetch_add(1, Ordering::Relaxed);
    format!(".{name}.{}-{n}.tmp", std::process::id())
}

/// True when `file_name` is a temporary of a save of `name`: `.<name>.<pid>-<n>.tmp`, or `.<name>.<pid>.tmp` as
/// earlier versions named them.
fn is_temporary_of(file_name: &str, name: &str) -> bool {
    let Some(middle) = file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
    else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match middle.split_once('-') {
        Some((pid, n)) => digits(pid) && digits(n),
        None => digits(middle),
    }
}

/// The OS error, said the way a planner would understand it.
fn plain_error(e: std::io::Error, dir: &Path) -> std::io::Error {
    use std::io::ErrorKind;
    let plain = match e.kind() {
        ErrorKind::NotFound if !dir.exists() => {
            format!("the folder {} does not exist", dir.display())
        }
        ErrorKind::PermissionDenied => format!("permission denied ({e})"),
        ErrorKind::StorageFull => format!("the disk is full ({e})"),
        ErrorKind::ReadOnlyFilesystem => format!("the drive is read-only ({e})"),
        _ => return e,
    };
    std::io::Error::new(e.kind(), plain)
}

/// Removes the temporaries of saves of `name` in `dir` that were abandoned (a killed process, a crash): those nobody
/// holds locked and that are older than `min_age`. A temporary that cannot be locked for any reason is left alone.
fn remove_stale_temporaries(dir: &Path, name: &str, min_age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !is_temporary_of(&entry.file_name().to_string_lossy(), name) {
            continue;
        }
        // A modification time in the future (clock skew) counts as young. Young ones are not even opened.
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age >= min_age));
        if !old {
            continue;
        }
        let path = entry.path();
        if let Ok(file) = fs::File::open(&path)
            && file.try_lock().is_ok()
        {
            // Only tidying: a file that cannot be removed now is tried again on the next save. The lock is held
            // until the file is gone, so no writer can take it in between.
            fs::remove_file(&path).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn temporaries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        names.sort();
        names
    }

    /// Makes `path` look `age` old.
    fn age(path: &Path, age: Duration) {
        let file = fs::OpenOptions::new().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - age).unwrap();
    }

    #[test]
    fn temporaries_are_recognised_by_name() {
        assert!(is_temporary_of(".plan.ron.123-0.tmp", "plan.ron"));
        assert!(is_temporary_of(".plan.ron.123.tmp", "plan.ron"));
        assert!(!is_temporary_of(".plan.ron.bak.123-0.tmp", "plan.ron"));
        assert!(!is_temporary_of(".plan.ron.-0.tmp", "plan.ron"));
        assert!(!is_temporary_of(".other.ron.123-0.tmp", "plan.ron"));
        assert!(!is_temporary_of("plan.ron", "plan.ron"));
        let a = temporary_name("plan.ron");
        assert!(is_temporary_of(&a, "plan.ron"), "{a}");
        assert_ne!(a, temporary_name("plan.ron"), "each save has its own");
    }

    #[test]
    fn an_abandoned_old_temporary_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        // A save killed long ago (this pid, as a reused one would be) and one by an earlier version.
        for name in [".plan.ron.4000000-7.tmp", ".plan.ron.4000001.tmp"] {
            let tmp = dir.path().join(name);
            fs::write(&tmp, "half a plan").unwrap();
            age(&tmp, STALE_AFTER + Duration::from_secs(60));
        }
        write_atomically(&path, b"new").unwrap();
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_young_unlocked_temporary_is_left_alone() {
        // A writer between creating its temporary and locking it, or between closing and renaming it.
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".plan.ron.4000000-0.tmp");
        fs::write(&tmp, "in progress").unwrap();
        age(&tmp, Duration::from_secs(5));
        write_atomically(&dir.path().join("plan.ron"), b"new").unwrap();
        assert_eq!(temporaries(dir.path()), vec![".plan.ron.4000000-0.tmp"]);
    }

    #[test]
    fn a_locked_temporary_is_left_alone_however_old() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".plan.ron.4000000-0.tmp");
        fs::write(&tmp, "in progress").unwrap();
        age(&tmp, STALE_AFTER * 24);
        let writer = fs::OpenOptions::new().write(true).open(&tmp).unwrap();
        writer.lock().unwrap();
        remove_stale_temporaries(dir.path(), "plan.ron", STALE_AFTER);
        assert!(tmp.exists(), "a live writer's temporary is kept");
        drop(writer);
        remove_stale_temporaries(dir.path(), "plan.ron", STALE_AFTER);
        assert!(!tmp.exists(), "abandoned once the writer lets go");
    }

    #[test]
    fn a_save_in_progress_on_another_thread_survives_another_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let (started, wait_started) = mpsc::channel();
        let (go, wait_go) = mpsc::channel::<()>();
        let slow = {
            let path = path.clone();
            std::thread::spawn(move || {
                write_atomically_with(&path, b"slow", |file, bytes| {
                    // Looks abandoned by age alone: only the lock keeps it.
                    file.set_modified(SystemTime::now() - STALE_AFTER * 2)?;
                    started.send(()).ok();
                    wait_go.recv().ok();
                    file.write_all(bytes)
                })
            })
        };
        wait_started.recv().unwrap();
        let in_progress = temporaries(dir.path());
        assert_eq!(in_progress.len(), 1, "{in_progress:?}");
        write_atomically(&path, b"fast").unwrap();
        assert_eq!(temporaries(dir.path()), in_progress, "not removed");
        go.send(()).unwrap();
        slow.join().unwrap().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"slow", "the slow save completed");
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    }
}
