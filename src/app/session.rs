//! The open document and its lifecycle: the plan with its undo history, the file it came from, what that file
//! looked like on disk, the recovery file, saving, conflicts with changes made elsewhere, native file dialogs and
//! the modal waiting for an answer.
//!
//! The UI calls a small API ([`Session::request`], [`Session::answer`], [`Session::poll`]) and gets back
//! [`SessionEvent`]s saying what should happen next in the app (reset the view, remember a recent file, export,
//! close). The session never reaches into the app.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::disk_watch::DiskWatch;
use super::file_jobs::{FileJob, JobKind, JobResult};
use super::files::{
    self, DialogOutcome, DialogPurpose, DiskState, ExportKind, PendingAction, RunningDialog,
};
use super::modal::{ConflictChoice, DiscardChoice, Modal, ModalAnswer, RecoverChoice};
use super::recovery::{LeftBehind, Recovery};
use crate::io::{BUNDLED_NAME, bundled_plan};
use crate::model::{Document, Edit, EditError, Plan};

/// What the user asked of the file lifecycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRequest {
    /// A new, empty plan (asks first about unsaved changes).
    New,
    /// Choose a plan to open (asks first).
    Open,
    /// Open this file (asks first).
    OpenPath(PathBuf),
    /// Save to the current file, or ask where.
    Save,
    /// Ask where, then save.
    SaveAs,
    /// Ask where, then export.
    Export(ExportKind),
    /// Ask for a plan file to compare with.
    Compare,
    /// Close the window (asks first).
    Quit,
}

/// What should happen in the app after a session call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionEvent {
    /// Another plan is open (or the plan was reloaded): clear the selection and fit the view.
    Replaced,
    /// This file was opened or saved: remember it among the recent files.
    Remember(PathBuf),
    /// Say this in the status bar.
    Status(String),
    /// Write this export to this path (the app holds what exports draw from).
    Export(ExportKind, PathBuf),
    /// Close the window now.
    Close,
    /// Compare the plan with the plan in this file.
    CompareWith(PathBuf),
}

/// The open document and its lifecycle.
pub struct Session {
    doc: Document,
    path: Option<PathBuf>,
    display_name: String,
    /// The open file as last read or written, to notice changes made by others.
    disk: Option<DiskState>,
    /// Watches the open file from a background thread.
    watch: Option<DiskWatch>,
    recovery: Option<Recovery>,
    native_dialogs: bool,
    running_dialog: Option<RunningDialog>,
    /// Questions waiting for an answer, the one shown first; none is ever dropped unanswered.
    modals: VecDeque<Modal>,
    allow_close: bool,
    /// The save or open running on a worker.
    job: Option<FileJob>,
    /// A save asked for while another ran: it starts when that one finishes.
    queued_save: Option<(PathBuf, Option<PendingAction>)>,
    /// What the user asked for while a save or open ran: it goes on when that finishes.
    after_job: Option<PendingAction>,
    events: Vec<SessionEvent>,
}

impl Session {
    /// `plan`, loaded from `path` (or unsaved when `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        let display_name = path.as_deref().and_then(Path::file_name).map_or_else(
            || BUNDLED_NAME.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let disk = path.as_deref().and_then(|p| DiskState::read(p).ok());
        Session {
            doc: Document::new(plan),
            path,
            display_name,
            disk,
            watch: None,
            recovery: None,
            native_dialogs: true,
            running_dialog: None,
            modals: VecDeque::new(),
            allow_close: false,
            job: None,
            queued_save: None,
            after_job: None,
            events: Vec::new(),
        }
    }

    /// As `sec-timetable [PLAN]` starts: `candidate` (the argument, else the last file), else the bundled plan. A
    /// file that fails to load is reported and the bundled plan opens instead.
    pub fn startup(candidate: Option<PathBuf>) -> Self {
        match candidate.map(|p| (crate::io::load_plan_reporting(&p), p)) {
            Some((Ok(loaded), path)) => {
                let migrated = loaded.migrated_from;
                let mut s = Self::new(loaded.plan, Some(path.clone()));
                if migrated.is_some() {
                    s.doc.mark_unsaved();
                    s.status(opened_message(&path, migrated));
                }
                s
            }
            Some((Err(e), _)) => {
                let mut s = Self::new(bundled_plan(), None);
                s.show_error("Could not open the plan", e.to_string());
                s
            }
            None => Self::new(bundled_plan(), None),
        }
    }

    /// Keeps unsaved work in a recovery file in `dir`, and offers to restore, one after another, what earlier runs
    /// that did not close cleanly left there (after any question already waiting, such as a file that failed to
    /// load).
    pub fn with_recovery_dir(mut self, dir: &Path) -> Self {
        let r = Recovery::new(dir);
        for left in r.left_behind() {
            self.modals.push_back(Modal::Recover(left));
        }
        self.recovery = Some(r);
        self
    }

    /// Use the in-app path field instead of native dialogs (tests, or machines without a portal).
    pub fn without_native_dialogs(mut self) -> Self {
        self.native_dialogs = false;
        self
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The document (plan and history).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The file the plan came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file's name, or what stands for it ("Untitled.ron").
    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    /// "name.ron* — SEC Timetable".
    pub fn title(&self) -> String {
        let star = if self.doc.is_dirty() { "*" } else { "" };
        format!("{}{star} — SEC Timetable", self.display_name)
    }

    /// The modal waiting for an answer, if any (others may wait behind it).
    pub fn modal(&self) -> Option<&Modal> {
        self.modals.front()
    }

    /// The modal, to edit what it holds (the path being typed).
    pub fn modal_mut(&mut self) -> Option<&mut Modal> {
        self.modals.front_mut()
    }

    /// True when the plan has changes not saved to its file.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Asks `modal` now, before anything already waiting (it answers what the user just did).
    fn ask(&mut self, modal: Modal) {
        self.modals.push_front(modal);
    }

    /// Shows an error.
    pub fn show_error(&mut self, title: impl Into<String>, message: impl Into<String>) {
        self.ask(Modal::Error {
            title: title.into(),
            message: message.into(),
        });
    }

    /// Applies an edit, merging with the previous step when `merge_key` matches (typing in one field).
    pub fn apply(
        &mut self,
        edit: Edit,
        label: String,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        self.doc.apply_merging(edit, label, merge_key)
    }

    /// Undoes the last step; false when there was none.
    pub fn undo(&mut self) -> bool {
        self.doc.undo()
    }

    /// Redoes the last undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        self.doc.redo()
    }

    /// Does what the user asked, asking first where unsaved changes would be lost.
    pub fn request(&mut self, request: FileRequest, ctx: &egui::Context) -> Vec<SessionEvent> {
        match request {
            FileRequest::New => self.guard(PendingAction::New, ctx),
            FileRequest::Open => self.guard(PendingAction::Open, ctx),
            FileRequest::OpenPath(path) => self.guard(PendingAction::OpenPath(path), ctx),
            FileRequest::Quit => self.guard(PendingAction::Quit, ctx),
            FileRequest::Save => self.save(None, None, ctx),
            FileRequest::SaveAs => self.choose_file(DialogPurpose::SaveAs(None), ctx),
            FileRequest::Export(kind) => self.choose_file(DialogPurpose::Export(kind), ctx),
            FileRequest::Compare => self.choose_file(DialogPurpose::Compare, ctx),
        }
        self.take_events()
    }

    /// Acts on the answer to the open modal.
    pub fn answer(&mut self, answer: ModalAnswer, ctx: &egui::Context) -> Vec<SessionEvent> {
        let Some(modal) = self.modals.pop_front() else {
            return Vec::new();
        };
        match (modal, answer) {
            (Modal::ConfirmDiscard(action), ModalAnswer::Discard(choice)) => {
                self.resolve_discard(action, choice, ctx);
            }
            (Modal::Recover(left), ModalAnswer::Recover(choice)) => {
                self.resolve_recovery(left, choice);
            }
            (Modal::ChangedOnDisk, ModalAnswer::ChangedOnDisk { reload }) => {
                if reload {
                    self.reload(ctx);
                } else {
                    self.keep_mine();
                }
            }
            (Modal::SaveConflict(then), ModalAnswer::Conflict(choice)) => {
                self.resolve_conflict(choice, then, ctx);
            }
            (Modal::PathPrompt { purpose, .. }, ModalAnswer::Path(Some(path)))
                if !path.as_os_str().is_empty() =>
            {
                self.path_chosen(purpose, path, ctx);
            }
            (Modal::Error { .. }, ModalAnswer::Dismiss)
            | (Modal::PathPrompt { .. }, ModalAnswer::Path(_)) => {}
            // An answer to another question than the one open: keep asking.
            (modal, _) => self.modals.push_front(modal),
        }
        self.take_events()
    }

    /// Once a frame: a native dialog's answer, changes on disk, the recovery file.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<SessionEvent> {
        self.poll_job(ctx);
        self.poll_dialog(ctx);
        self.watch_disk(ctx);
        let now = ctx.input(|i| i.time);
        if let Some(r) = &mut self.recovery
            && let Some(wait) = r.update(
                self.doc.plan(),
                self.doc.revision(),
                self.doc.is_dirty(),
                self.path.as_deref(),
                now,
            )
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        }
        self.take_events()
    }

    /// The window is asked to close: with unsaved changes, cancel that and ask first.
    pub fn on_close_requested(&mut self, ctx: &egui::Context) {
        if self.allow_close {
            return;
        }
        if self.job.is_some() {
            // Close once the save (or open) has finished, asking then if there is still unsaved work.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.after_job = Some(PendingAction::Quit);
        } else if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ask(Modal::ConfirmDiscard(PendingAction::Quit));
        } else {
            self.allow_close = true;
        }
    }

    /// A clean exit: the user saved, or chose to discard.
    pub fn on_exit(&mut self) {
        if let Some(r) = &mut self.recovery {
            r.clear_now();
        }
    }

    /// Checks the open file against what was last read or written: with no local edits, offer to reload; with
    /// local edits, saving will ask.
    pub fn check_disk_now(&mut self) -> Vec<SessionEvent> {
        let (Some(path), Some(disk)) = (&self.path, &self.disk) else {
            return Vec::new();
        };
        if disk.changed(path) {
            if self.doc.is_dirty() {
                let message = format!(
                    "{} has changed on disk; saving will ask what to do",
                    path.display()
                );
                self.events.push(SessionEvent::Status(message));
            } else {
                self.ask(Modal::ChangedOnDisk);
            }
        }
        self.take_events()
    }

    fn take_events(&mut self) -> Vec<SessionEvent> {
        std::mem::take(&mut self.events)
    }

    fn status(&mut self, text: impl Into<String>) {
        self.events.push(SessionEvent::Status(text.into()));
    }

    fn replace_document(&mut self, plan: Plan, path: Option<PathBuf>, saved: bool) {
        self.display_name = path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled.ron".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.doc = if saved {
            Document::new(plan)
        } else {
            Document::new_unsaved(plan)
        };
        self.path = path;
        self.set_disk(self.path.as_deref().and_then(|p| DiskState::read(p).ok()));
        self.events.push(SessionEvent::Replaced);
    }

    /// Does `action` now, or asks first when there are unsaved changes. While a save or open is running, the
    /// action waits for it to finish.
    fn guard(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.job.is_some() {
            self.after_job = Some(action);
            return;
        }
        if self.doc.is_dirty() {
            self.ask(Modal::ConfirmDiscard(action));
        } else {
            self.proceed(action, ctx);
        }
    }

    /// Does `action` without asking.
    fn proceed(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New => {
                let date = self.plan().meta.status_date;
                self.replace_document(Plan::new_empty(date), None, false);
                self.status("New plan");
            }
            PendingAction::Open => self.choose_file(DialogPurpose::Open, ctx),
            PendingAction::OpenPath(path) => self.open_now(&path, ctx),
            PendingAction::Quit => {
                self.allow_close = true;
                self.events.push(SessionEvent::Close);
            }
        }
    }

    /// Starts loading `path` on a worker; the current plan stays open and usable until it is ready, and stays
    /// for good when loading fails.
    fn open_now(&mut self, path: &Path, ctx: &egui::Context) {
        if self.job.is_some() {
            self.after_job = Some(PendingAction::OpenPath(path.to_owned()));
            return;
        }
        self.job = Some(FileJob::open(path, self.doc.revision(), ctx));
        self.status(format!("Opening {}…", path.display()));
    }

    /// Saves to `to` (or the current path), then does `then`; with no path, asks where.
    fn save(&mut self, to: Option<PathBuf>, then: Option<PendingAction>, ctx: &egui::Context) {
        let Some(path) = to.or_else(|| self.path.clone()) else {
            self.choose_file(DialogPurpose::SaveAs(then), ctx);
            return;
        };
        let same_file = self.path.as_deref() == Some(path.as_path());
        if same_file && self.disk.as_ref().is_some_and(|d| d.changed(&path)) {
            self.ask(Modal::SaveConflict(then));
            return;
        }
        self.save_unchecked(path, then, ctx);
    }

    /// Starts saving to `path` on a worker, without asking about changes on disk; a second save waits for the first.
    fn save_unchecked(&mut self, path: PathBuf, then: Option<PendingAction>, ctx: &egui::Context) {
        if self.job.is_some() {
            self.queued_save = Some((path, then));
            return;
        }
        let plan = self.doc.plan().clone();
        self.job = Some(FileJob::save(plan, path, self.doc.state_id(), then, ctx));
        self.status("Saving…");
    }

    /// What a finished save or open means for the document.
    fn finish_job(&mut self, kind: JobKind, result: JobResult, ctx: &egui::Context) {
        match (kind, result) {
            (JobKind::Save { path, state, then }, JobResult::Saved(result)) => {
                self.saved(path, state, then, result, ctx);
            }
            (JobKind::Open { path, revision }, JobResult::Opened(result)) => match *result {
                // Edited while it loaded: those edits are not dropped unasked.
                Ok(_) if self.doc.revision() != revision && self.doc.is_dirty() => {
                    self.ask(Modal::ConfirmDiscard(PendingAction::OpenPath(path)));
                }
                Ok(loaded) => {
                    // An older format is saved in the current one: the document starts unsaved, and says why.
                    let current = loaded.migrated_from.is_none();
                    self.replace_document(loaded.plan, Some(path.clone()), current);
                    self.status(opened_message(&path, loaded.migrated_from));
                    self.events.push(SessionEvent::Remember(path));
                }
                Err(e) => {
                    self.show_error("Could not open the plan", e.to_string());
                    self.status("Open failed; the current plan is unchanged");
                }
            },
            // A worker answers for what it was asked; nothing else can arrive.
            (JobKind::Save { .. } | JobKind::Open { .. }, _) => {}
        }
    }

    /// A save finished: on success the state it wrote is the saved one (edits made meanwhile stay unsaved).
    fn saved(
        &mut self,
        path: PathBuf,
        state: u64,
        then: Option<PendingAction>,
        result: Result<(), crate::io::SaveError>,
        ctx: &egui::Context,
    ) {
        match result {
            Ok(()) => {
                self.doc.mark_saved_state(state);
                self.set_disk(DiskState::read(&path).ok());
                if !self.doc.is_dirty()
                    && let Some(r) = &mut self.recovery
                {
                    r.clear();
                }
                self.display_name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.events.push(SessionEvent::Remember(path.clone()));
                self.status(format!("Saved {}", path.display()));
                self.path = Some(path);
                if let Some(action) = then {
                    self.guard(action, ctx);
                }
            }
            Err(e) => {
                self.show_error(
                    "Could not save",
                    format!("{e}\n\nYour changes are still here, unsaved."),
                );
                self.status("Not saved");
            }
        }
    }

    /// The running save or open, once it has finished; then whatever waited for it.
    fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(result) = self.job.as_ref().and_then(FileJob::poll) else {
            return;
        };
        if let Some(job) = self.job.take() {
            self.finish_job(job.kind, result, ctx);
        }
        if let Some((path, then)) = self.queued_save.take() {
            self.save_unchecked(path, then, ctx);
        } else if let Some(action) = self.after_job.take() {
            self.guard(action, ctx);
        }
    }

    /// True while a save or an open is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Asks for a file: a native dialog off the UI thread, or the in-app path field.
    fn choose_file(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.running_dialog.is_some() {
            return;
        }
        if self.native_dialogs {
            let suggested = self.suggested_path(&purpose);
            self.running_dialog = Some(RunningDialog::start(purpose, ctx, suggested.as_deref()));
        } else {
            self.prompt_for_path(purpose);
        }
    }

    /// Where a dialog for `purpose` starts.
    fn suggested_path(&self, purpose: &DialogPurpose) -> Option<PathBuf> {
        match purpose {
            DialogPurpose::Export(kind) => {
                let stem = Path::new(&self.display_name)
                    .file_stem()
                    .map_or("plan".to_owned(), |s| s.to_string_lossy().into_owned());
                let dir = self
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_owned)
                    .or_else(|| std::env::current_dir().ok())?;
                Some(dir.join(kind.file_name(&stem)))
            }
            DialogPurpose::Open | DialogPurpose::SaveAs(_) | DialogPurpose::Compare => {
                self.path.clone()
            }
        }
    }

    fn prompt_for_path(&mut self, purpose: DialogPurpose) {
        let text = match (&purpose, &self.path) {
            (DialogPurpose::Export(_), _) => self
                .suggested_path(&purpose)
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            (DialogPurpose::SaveAs(_), Some(p)) => p.display().to_string(),
            (DialogPurpose::SaveAs(_), None) => std::env::current_dir()
                .map(|d| d.join(&self.display_name).display().to_string())
                .unwrap_or_default(),
            (DialogPurpose::Open | DialogPurpose::Compare, _) => std::env::current_dir()
                .map(|d| format!("{}/", d.display()))
                .unwrap_or_default(),
        };
        self.ask(Modal::PathPrompt { purpose, text });
    }

    /// Acts on a chosen path.
    fn path_chosen(&mut self, purpose: DialogPurpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            DialogPurpose::Export(kind) => self.events.push(SessionEvent::Export(kind, path)),
            DialogPurpose::Open => self.open_now(&path, ctx),
            DialogPurpose::Compare => self.events.push(SessionEvent::CompareWith(path)),
            DialogPurpose::SaveAs(then) => {
                let path = files::with_ron_extension(path);
                self.save(Some(path), then, ctx);
            }
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(outcome) = self.running_dialog.as_ref().and_then(RunningDialog::poll) else {
            return;
        };
        self.running_dialog = None;
        match outcome {
            DialogOutcome::Chosen(purpose, path) => self.path_chosen(purpose, path, ctx),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable(purpose) => self.prompt_for_path(purpose),
        }
    }

    /// Has someone else changed the open file? A background watch wakes the UI when the file really changed;
    /// here the session looks (and, while a modal waits for an answer, looks later).
    fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(path) = self.path.clone() else {
            self.watch = None;
            return;
        };
        if self.watch.as_ref().is_none_or(|w| w.path() != path) {
            self.watch = Some(DiskWatch::start(&path, self.disk.clone(), ctx));
        }
        if self.modals.is_empty() && self.watch.as_ref().is_some_and(DiskWatch::take_changed) {
            let events = self.check_disk_now();
            self.events.extend(events);
        }
    }

    /// Records what the open file holds now (just read or written), for the session and its watch.
    fn set_disk(&mut self, disk: Option<DiskState>) {
        if let Some(w) = &self.watch {
            w.set_known(disk.clone());
        }
        self.disk = disk;
    }

    /// The answer to the Save / Discard / Cancel question.
    fn resolve_discard(
        &mut self,
        action: PendingAction,
        choice: DiscardChoice,
        ctx: &egui::Context,
    ) {
        match choice {
            DiscardChoice::Save => {
                self.save(None, Some(action), ctx);
            }
            DiscardChoice::Discard => self.proceed(action, ctx),
            DiscardChoice::Cancel => {}
        }
    }

    /// The answer to "restore unsaved work?". Restore makes the file this instance's own recovery file; Discard
    /// deletes it; anything else keeps it for the next start.
    fn resolve_recovery(&mut self, left: LeftBehind, choice: RecoverChoice) {
        match choice {
            RecoverChoice::Restore if !self.doc.is_dirty() => {
                let Some(plan) = left.file.plan() else {
                    return;
                };
                if let Some(r) = &mut self.recovery
                    && let Err(e) = r.adopt(&left)
                {
                    // The plan is restored all the same; the next change writes it to this instance's file.
                    self.status(format!(
                        "Restored, but could not take over {}: {e}",
                        left.path.display()
                    ));
                }
                self.replace_document(plan, left.file.source.clone(), false);
                self.status(format!(
                    "Restored unsaved work from {}",
                    left.file.saved_at_text()
                ));
            }
            RecoverChoice::Discard => Recovery::discard(&left),
            RecoverChoice::Restore | RecoverChoice::Later => {}
        }
    }

    /// The answer to "the file changed on disk; saving would overwrite it".
    fn resolve_conflict(
        &mut self,
        choice: ConflictChoice,
        then: Option<PendingAction>,
        ctx: &egui::Context,
    ) {
        match choice {
            ConflictChoice::Reload => {
                self.reload(ctx);
                if let Some(action) = then {
                    // After the reload has finished.
                    self.after_job = Some(action);
                }
            }
            ConflictChoice::Overwrite => {
                if let Some(path) = self.path.clone() {
                    self.save_unchecked(path, then, ctx);
                }
            }
            ConflictChoice::SaveAs => self.choose_file(DialogPurpose::SaveAs(then), ctx),
            ConflictChoice::Cancel => {}
        }
    }

    /// Reloads the open file from disk, dropping local edits.
    fn reload(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.path.clone() {
            self.open_now(&path, ctx);
        }
    }

    /// Keeps the version in the app although the file changed: it now differs from disk, so it counts as unsaved.
    fn keep_mine(&mut self) {
        let disk = self.path.as_deref().and_then(|p| DiskState::read(p).ok());
        self.set_disk(disk);
        self.doc.mark_unsaved();
    }
}

/// "Opened plan.ron", and when the file was in an older format, that it will be saved in the current one.
fn opened_message(path: &Path, migrated_from: Option<u32>) -> String {
    match migrated_from {
        Some(v) => format!(
            "Opened {}, written in plan format {v}: it will be saved in format {}",
            path.display(),
            crate::model::FORMAT_VERSION
        ),
        None => format!("Opened {}", path.display()),
    }
}
