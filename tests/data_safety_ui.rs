//! Data safety in the app, driven through egui_kittest: crash recovery, a file changed by someone else, and saves
//! that fail.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{harness, settle, type_path};
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sec_timetable::app::actions::Action;
use sec_timetable::app::commands::Command;
use sec_timetable::app::{Modal, Settings, TimetableApp, bundled_plan};
use sec_timetable::io::{load_plan, save_plan};

fn saved_plan(dir: &Path) -> PathBuf {
    let path = dir.join("plan.ron");
    save_plan(&bundled_plan(), &path).unwrap();
    path
}

fn open(path: &Path, recovery: Option<&Path>) -> Harness<'static, TimetableApp> {
    let mut app =
        TimetableApp::startup(Some(path.to_owned()), Settings::default()).without_native_dialogs();
    if let Some(dir) = recovery {
        app = app.with_recovery_dir(dir);
    }
    harness(app)
}

/// Retitles SECMP0007 through the side panel, as a user would.
fn edit_title(h: &mut Harness<'static, TimetableApp>, suffix: &str) {
    h.get_by_label("Row SECMP0007").click();
    h.run();
    let title = h.state().plan().modifications[0].title.clone();
    let field = || {
        egui_kittest::kittest::By::new()
            .role(egui::Role::TextInput)
            .value(&title)
    };
    h.get(field()).focus();
    h.run();
    h.get(field()).type_text(suffix);
    h.run();
}

/// The recovery files in `dir`.
fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Edits the plan in an app with recovery in `recovery`, waits for its recovery file, and "crashes" (the app goes
/// away without a clean exit). Returns the edited plan and the file it left.
fn crash_with_unsaved_work(
    path: &Path,
    recovery: &Path,
    suffix: &str,
) -> (sec_timetable::model::Plan, PathBuf) {
    let before = recovery_files(recovery);
    let mut h = open(path, Some(recovery));
    edit_title(&mut h, suffix);
    // A little over a second of frames: the recovery file is written in the background.
    h.run_steps(90);
    wait_until("the recovery file", || {
        recovery_files(recovery).len() > before.len()
    });
    let file = recovery_files(recovery)
        .into_iter()
        .find(|f| !before.contains(f))
        .unwrap();
    let edited = h.state().plan().clone();
    drop(h);
    (edited, file)
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..300 {
        if ready() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = saved_plan(dir.path());
    let (edited, file) = crash_with_unsaved_work(&path, &recovery, " (edited)");

    let mut h = open(&path, Some(&recovery));
    assert!(matches!(h.state().modal(), Some(Modal::Recover(_))));
    h.get_by_label_contains("did not close cleanly");
    h.get_by_label_contains(&format!("Unsaved work from {}", path.display()));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
    assert!(
        h.state().document().is_dirty(),
        "restored work is unsaved until saved"
    );
    assert_eq!(h.state().path(), Some(path.as_path()));
    // Saving removes the recovery file.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(!h.state().document().is_dirty());
    wait_until("the recovery file to go", || !file.exists());
    assert!(
        recovery_files(&recovery).is_empty(),
        "nothing left to offer"
    );
    assert_eq!(load_plan(&path).unwrap(), edited);
}

#[test]
fn discarding_recovered_work_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = saved_plan(dir.path());
    let (_, file) = crash_with_unsaved_work(&path, &recovery, " X");
    let mut h = open(&path, Some(&recovery));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().plan(), &bundled_plan());
    wait_until("the recovery file to go", || !file.exists());
}

#[test]
fn a_file_changed_elsewhere_with_no_local_edits_offers_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(dir.path());
    let mut h = open(&path, None);
    // A colleague edits the file on the shared drive.
    let mut theirs = bundled_plan();
    theirs.meta.title = "Their version".into();
    save_plan(&theirs, &path).unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().check_disk_now(&ctx);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::ChangedOnDisk)));
    h.get_by_label("Reload").click();
    settle(&mut h);
    assert_eq!(h.state().plan().meta.title, "Their version");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn saving_over_someone_elses_change_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(dir.path());
    let mut h = open(&path, None);
    edit_title(&mut h, " (mine)");
    let mine = h.state().plan().clone();
    let mut theirs = bundled_plan();
    theirs.meta.title = "Their version".into();
    save_plan(&theirs, &path).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(matches!(h.state().modal(), Some(Modal::SaveConflict(_))));
    h.get_by_label_contains("has changed on disk since you opened it");
    // Cancel: nothing written, my work kept.
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(load_plan(&path).unwrap(), theirs);
    assert!(h.state().document().is_dirty());

    // Save As keeps both.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    h.get_by_label("Save As…").click();
    h.run();
    let other = dir.path().join("mine.ron");
    type_path(&mut h, "Save plan as", &other);
    h.get_by_label("Save").click();
    settle(&mut h);
    assert_eq!(load_plan(&other).unwrap(), mine);
    assert_eq!(load_plan(&path).unwrap(), theirs);

    // Overwrite, when that is what the planner wants.
    let mut h = open(&path, None);
    edit_title(&mut h, " (mine again)");
    let mine = h.state().plan().clone();
    theirs.meta.title = "Their second version".into();
    save_plan(&theirs, &path).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    settle(&mut h);
    assert_eq!(load_plan(&path).unwrap(), mine);
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_save_that_fails_says_so_and_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut h = open(&path, None);
    edit_title(&mut h, " (unsaved)");
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    match h.state().modal() {
        Some(Modal::Error { message, .. }) => {
            assert!(message.contains("the file is read-only"), "{message}");
            assert!(message.contains("Your changes are still here, unsaved."));
        }
        other => panic!("expected an error, got {other:?}"),
    }
    h.get_by_label_contains("the file is read-only");
    assert!(h.state().document().is_dirty());
    assert!(
        h.state().plan().modifications[0]
            .title
            .ends_with(" (unsaved)")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(h.state().title(), "plan.ron* — SEC Timetable");
}

#[test]
fn an_idle_app_keeps_watching_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(dir.path());
    let mut h = open(&path, None);
    // Nothing happening: the app asks for no frame at all; a background watch looks after the file.
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX, "an idle window draws nothing");
    // Saving the same plan again (a touch) changes nothing.
    save_plan(&bundled_plan(), &path).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    h.run();
    assert!(h.state().modal().is_none());
    // Someone else's change wakes the app.
    let mut theirs = bundled_plan();
    theirs.meta.title = "Changed while idle".into();
    save_plan(&theirs, &path).unwrap();
    wait_until("the change on disk to be noticed", || {
        h.step();
        matches!(h.state().modal(), Some(Modal::ChangedOnDisk))
    });
    h.run();
    h.get_by_label("Keep this version").click();
    h.run();
    assert!(
        h.state().document().is_dirty(),
        "the app's version now differs from the file"
    );
    std::thread::sleep(Duration::from_millis(300));
    h.run_steps(20);
    assert!(h.state().modal().is_none(), "asked once");
}

#[test]
fn the_offer_is_shown_even_when_the_last_file_fails_to_load() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = saved_plan(dir.path());
    let (edited, _) = crash_with_unsaved_work(&path, &recovery, " (lost?)");
    std::fs::write(&path, "(version: 1, oops").unwrap();
    let settings = Settings {
        last_file: Some(path.clone()),
        ..Settings::default()
    };
    let app = TimetableApp::startup(None, settings)
        .without_native_dialogs()
        .with_recovery_dir(&recovery);
    let mut h = harness(app);
    // First the error, then — not instead — the offer.
    assert!(matches!(h.state().modal(), Some(Modal::Error { .. })));
    h.get_by_label("OK").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Recover(_))));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
}

#[test]
fn an_offered_file_survives_edits_later_and_closing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = saved_plan(dir.path());
    let (edited, file) = crash_with_unsaved_work(&path, &recovery, " (keep me)");
    let kept = std::fs::read(&file).unwrap();

    // The next start asks; the user closes the window without answering.
    let mut h = open(&path, Some(&recovery));
    assert!(matches!(h.state().modal(), Some(Modal::Recover(_))));
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.state_mut().exit_cleanly();
    drop(h);
    assert_eq!(std::fs::read(&file).unwrap(), kept, "closing kept the file");

    // The start after that asks again; "Later", then new edits: they go to this instance's own file.
    let mut h = open(&path, Some(&recovery));
    h.get_by_label("Later").click();
    h.run();
    assert!(h.state().modal().is_none());
    edit_title(&mut h, " (new work)");
    h.run_steps(90);
    wait_until("this instance's recovery file", || {
        recovery_files(&recovery).len() == 2
    });
    assert_eq!(std::fs::read(&file).unwrap(), kept, "not overwritten");
    // A clean exit removes only this instance's file.
    h.state_mut().exit_cleanly();
    drop(h);
    assert_eq!(recovery_files(&recovery), vec![file.clone()]);

    // And the work is still there to restore.
    let mut h = open(&path, Some(&recovery));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
}

#[test]
fn two_windows_never_clobber_each_other_and_each_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = saved_plan(dir.path());
    // Two windows on the same plan, each with its own unsaved edit, both alive at once.
    let mut first = open(&path, Some(&recovery));
    let mut second = open(&path, Some(&recovery));
    edit_title(&mut first, " (first)");
    edit_title(&mut second, " (second)");
    first.run_steps(90);
    second.run_steps(90);
    wait_until("two recovery files", || {
        recovery_files(&recovery).len() == 2
    });
    let titles = [&first, &second].map(|h| h.state().plan().modifications[0].title.clone());
    drop(first);
    drop(second);

    let mut h = open(&path, Some(&recovery));
    let mut offered = Vec::new();
    while let Some(Modal::Recover(left)) = h.state().modal() {
        offered.push(left.file.plan().unwrap().modifications[0].title.clone());
        h.get_by_label("Later").click();
        h.run();
    }
    offered.sort();
    let mut expected = titles.to_vec();
    expected.sort();
    assert_eq!(offered, expected, "each window's work is offered");
}

#[test]
fn saving_runs_off_the_ui_thread_and_edits_made_meanwhile_stay_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    save_plan(&sec_timetable::synthetic::generate(2000, 7), &path).unwrap();
    let mut h = open(&path, None);
    let ctx = h.ctx.clone();
    // An edit, then Save: the frame after shows "Saving…" while the worker writes.
    h.state_mut()
        .queue(Action::Command(Command::AddModification));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.step();
    assert!(h.state().is_busy(), "the save runs on a worker");
    assert_eq!(h.state().status, "Saving…");
    assert!(
        h.state().title().contains('*'),
        "not saved until the worker says so"
    );
    // Another edit while it writes: it is not part of what was saved.
    h.state_mut().run_command(Command::AddModification, &ctx);
    settle(&mut h);
    assert!(
        h.state().status.starts_with("Saved"),
        "{}",
        h.state().status
    );
    assert!(
        h.state().document().is_dirty(),
        "the second edit is still unsaved"
    );
    let on_disk = load_plan(&path).unwrap();
    let n = h.state().plan().modifications.len();
    assert_eq!(
        on_disk.modifications.len(),
        n - 1,
        "the file holds the plan as it was at Save"
    );
    // Saving again saves the rest.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(!h.state().document().is_dirty());
    assert_eq!(load_plan(&path).unwrap().modifications.len(), n);
}

#[test]
fn quitting_while_saving_waits_for_the_save_then_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    save_plan(&sec_timetable::synthetic::generate(2000, 8), &path).unwrap();
    let mut h = open(&path, None);
    h.state_mut()
        .queue(Action::Command(Command::AddModification));
    h.run();
    let n = h.state().plan().modifications.len();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.step();
    assert!(h.state().is_busy());
    // The window's close button, while the save is still running.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = |h: &Harness<'static, TimetableApp>| {
        h.output().viewport_output[&egui::ViewportId::ROOT]
            .commands
            .contains(&egui::ViewportCommand::CancelClose)
    };
    // Still saving when the close arrived: the close waits, then the app closes the window itself. (A save that
    // already finished leaves nothing unsaved, and the window simply closes.)
    let mut closed = !cancelled(&h) && !h.state().document().is_dirty();
    for _ in 0..1000 {
        if closed {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        h.step();
        closed = h.output().viewport_output[&egui::ViewportId::ROOT]
            .commands
            .contains(&egui::ViewportCommand::Close);
    }
    assert!(closed, "the window closes once saved");
    assert!(h.state().modal().is_none(), "nothing left to ask");
    assert_eq!(
        load_plan(&path).unwrap().modifications.len(),
        n,
        "and the work is on disk"
    );
}

#[test]
fn opening_runs_off_the_ui_thread_and_the_plan_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    save_plan(&sec_timetable::synthetic::generate(10_000, 9), &big).unwrap();
    let mut h = harness(
        TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs(),
    );
    h.state_mut().queue(Action::OpenPath(big.clone()));
    h.step();
    assert!(h.state().is_busy(), "reading on a worker");
    assert!(
        h.state().status.starts_with("Opening"),
        "{}",
        h.state().status
    );
    // Meanwhile the current plan is still there and can be worked on.
    assert_eq!(h.state().plan().modifications.len(), 18);
    h.get_by_label("Row SECMP0010").click();
    h.step();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0010"));
    settle(&mut h);
    assert_eq!(h.state().plan().modifications.len(), 10_000);
    assert_eq!(h.state().title(), "big.ron — SEC Timetable");
}
