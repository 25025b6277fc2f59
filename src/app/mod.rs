//! The desktop app: one [`TimetableApp`] holding the open document and what the views need; one file per area.

pub mod analysis;
pub mod commands;
pub mod details_panel_ui;
mod dialogs_ui;
pub mod drag;
pub mod files;
mod filter_bar_ui;
pub mod legend_ui;
pub mod meetings_panel_ui;
mod menu_ui;
pub mod presentation_ui;
pub mod recovery;
pub mod theme;
pub mod timeline_ui;
pub mod warnings_panel_ui;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io::appendix::{AppendixInput, Page, PaperSize, appendix_svg, svg_to_png};
use crate::io::export_text::{
    section3_markdown, timetable_csv, timetable_markdown, timetable_rows,
};
use crate::io::plan_file::write_atomically;
use crate::io::{load_plan, save_plan};
use crate::model::filter::RowFilter;
use crate::model::{Document, Edit, Plan};
use analysis::Analysis;
use commands::Command;
use files::{DialogOutcome, DialogPurpose, ExportKind, PendingAction, RunningDialog};
use timeline_ui::{TimelineState, ViewState};

pub use crate::io::{BUNDLED_NAME, BUNDLED_PLAN, bundled_plan};
/// Key of the app's settings in eframe's storage.
const SETTINGS_KEY: &str = "sec-timetable-settings";

/// What persists between runs (window size and panel widths persist through eframe and egui's memory).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The file open at exit.
    pub last_file: Option<PathBuf>,
    /// Timeline zoom and scroll.
    pub view: Option<ViewState>,
    /// Snap drags to working days and meetings.
    pub snap: Option<bool>,
}

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
    /// An earlier run left unsaved work: restore it?
    Recover(recovery::RecoveryFile),
    /// The open file changed on disk and there are no local edits: reload it?
    ChangedOnDisk,
    /// Saving would overwrite changes someone else made on disk.
    SaveConflict(Option<PendingAction>),
    /// No native dialog: type a path.
    PathPrompt {
        /// What the path is for.
        purpose: DialogPurpose,
        /// The text typed so far.
        text: String,
    },
}

/// The app.
pub struct TimetableApp {
    doc: Document,
    path: Option<PathBuf>,
    display_name: String,
    analysis: Analysis,
    /// Id of the selected modification.
    pub selected: Option<String>,
    /// Timeline view and drag state.
    pub timeline: TimelineState,
    /// Persisted settings.
    pub settings: Settings,
    native_dialogs: bool,
    running_dialog: Option<RunningDialog>,
    /// The open modal, if any.
    pub modal: Option<Modal>,
    window_title: String,
    allow_close: bool,
    /// Last status-bar message.
    pub status: String,
    /// Bottom panel (warnings, meetings, slippage) shown.
    pub show_warnings: bool,
    /// Which tab of the bottom panel.
    pub bottom_tab: BottomTab,
    /// Meetings panel: include meetings before the status date.
    pub show_past_meetings: bool,
    /// Which modifications the timeline shows.
    pub filter: RowFilter,
    /// Presentation mode, when on.
    pub presentation: bool,
    /// Page for Appendix A exports.
    pub export_page: (PaperSize, bool),
    /// Resolution of PNG exports.
    pub export_dpi: f64,
    recovery: Option<recovery::Recovery>,
    /// The open file as last read or written, to notice changes made by others.
    disk: Option<files::DiskState>,
    next_disk_check_s: f64,
}

/// Seconds between checks that the open file has not changed on disk.
const DISK_CHECK_INTERVAL_S: f64 = 2.0;

/// Tabs of the bottom panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BottomTab {
    /// Validation warnings.
    Warnings,
    /// The agenda view.
    Meetings,
    /// Slippage against the baseline.
    Slippage,
}

impl TimetableApp {
    /// The app showing `plan`, loaded from `path` (or unsaved when `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>, settings: Settings) -> Self {
        let display_name = path.as_deref().and_then(Path::file_name).map_or_else(
            || BUNDLED_NAME.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let doc = Document::new(plan);
        let analysis = Analysis::compute(doc.plan(), doc.revision(), &RowFilter::default());
        let mut timeline = TimelineState::default();
        match &settings.view {
            Some(view) => timeline.view = view.clone(),
            None => timeline.request_fit(),
        }
        timeline.snap = settings.snap.unwrap_or(true);
        TimetableApp {
            doc,
            path,
            display_name,
            analysis,
            selected: None,
            timeline,
            settings,
            native_dialogs: true,
            running_dialog: None,
            modal: None,
            window_title: String::new(),
            allow_close: false,
            status: String::new(),
            show_warnings: true,
            bottom_tab: BottomTab::Warnings,
            show_past_meetings: false,
            filter: RowFilter::default(),
            presentation: false,
            export_page: (PaperSize::A4, false),
            export_dpi: 150.0,
            recovery: None,
            disk: None,
            next_disk_check_s: 0.0,
        }
    }

    /// Keeps unsaved work in a recovery file in `dir`, and offers to restore what an earlier run left there.
    pub fn with_recovery_dir(mut self, dir: &Path) -> Self {
        let r = recovery::Recovery::new(dir);
        if let Some(found) = r.find()
            && found.plan().is_some()
            && self.modal.is_none()
        {
            self.modal = Some(Modal::Recover(found));
        }
        self.recovery = Some(r);
        self
    }

    /// The app as `sec-timetable [PLAN]` starts it: `plan_arg`, else the last file, else the bundled plan. A file
    /// that fails to load is reported and the bundled plan opens instead.
    pub fn startup(plan_arg: Option<PathBuf>, settings: Settings) -> Self {
        let candidate = plan_arg.or_else(|| settings.last_file.clone());
        let mut error = None;
        let mut app = match candidate.map(|p| (load_plan(&p), p)) {
            Some((Ok(plan), path)) => {
                let mut app = Self::new(plan, Some(path.clone()), settings);
                files::push_recent(&mut app.settings.recent, &path);
                app.disk = files::DiskState::read(&path).ok();
                app
            }
            Some((Err(e), _)) => {
                error = Some(e.to_string());
                Self::new(bundled_plan(), None, settings)
            }
            None => Self::new(bundled_plan(), None, settings),
        };
        if let Some(message) = error {
            app.modal = Some(Modal::Error {
                title: "Could not open the plan".into(),
                message,
            });
        }
        app
    }

    /// Creates the app from eframe's creation context (restoring settings).
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        plan_arg: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        setup_style(&cc.egui_ctx);
        let app = Self::startup(plan_arg, settings);
        match recovery::default_dir() {
            Some(dir) => app.with_recovery_dir(&dir),
            None => app,
        }
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

    /// Derived data for the current plan.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The file the plan came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// "name.ron* — SEC Timetable".
    pub fn title(&self) -> String {
        let star = if self.doc.is_dirty() { "*" } else { "" };
        format!("{}{star} — SEC Timetable", self.display_name)
    }

    /// Index of the selected modification.
    pub fn selected_index(&self) -> Option<usize> {
        self.selected
            .as_deref()
            .and_then(|id| self.analysis.index.get(id))
    }

    /// Applies an edit as one undo step; a refused edit is reported in the status bar.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) {
        self.apply_merging(edit, label, None);
    }

    /// Applies an edit, merging with the previous step when `merge_key` matches (typing in one field).
    pub fn apply_merging(
        &mut self,
        edit: Edit,
        label: impl Into<String>,
        merge_key: Option<String>,
    ) {
        let label = label.into();
        match self.doc.apply_merging(edit, label.clone(), merge_key) {
            Ok(()) => self.status = label,
            Err(e) => self.status = format!("Not applied: {e}"),
        }
        self.refresh();
    }

    /// Adds an empty modification at the end and selects it.
    pub fn add_modification(&mut self) {
        let plan = self.plan();
        let mut n = plan.modifications.len() + 1;
        let id = loop {
            let id = format!("NEW{n:04}");
            if plan.modification(&id).is_none() {
                break id;
            }
            n += 1;
        };
        let mut m = crate::model::Modification::new(&id);
        m.title = "New modification".into();
        let index = plan.modifications.len();
        self.apply(
            Edit::Modifications(crate::model::ListEdit::Insert {
                index,
                value: Box::new(m),
            }),
            format!("Add {id}"),
        );
        self.select(index);
    }

    /// Recomputes derived data if the plan changed.
    fn refresh(&mut self) {
        if self.analysis.revision != self.doc.revision() || self.analysis.filter != self.filter {
            self.analysis = Analysis::compute(self.doc.plan(), self.doc.revision(), &self.filter);
        }
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
        self.disk = None;
        self.analysis = Analysis::compute(self.doc.plan(), self.doc.revision(), &self.filter);
        self.selected = None;
        self.timeline.cancel_drag();
        self.timeline.request_fit();
    }

    /// Runs a command (menu, shortcut or test).
    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guard(PendingAction::New, ctx),
            Command::Open => self.guard(PendingAction::Open, ctx),
            Command::Save => {
                self.save(None, ctx);
            }
            Command::SaveAs => self.choose_file(DialogPurpose::SaveAs(None), ctx),
            Command::Quit => self.guard(PendingAction::Quit, ctx),
            Command::Undo => {
                if self.doc.undo() {
                    self.status = "Undone".into();
                }
                self.refresh();
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.status = "Redone".into();
                }
                self.refresh();
            }
            Command::FitAll => self.timeline.request_fit(),
            Command::GoToStatusDate => self.timeline.center_on(self.plan().meta.status_date),
            Command::ZoomIn => self.timeline.zoom_by(0.8),
            Command::ZoomOut => self.timeline.zoom_by(1.25),
            Command::SelectNext => self.select_relative(1),
            Command::SelectPrevious => self.select_relative(-1),
            Command::TogglePresentation => self.set_presentation(!self.presentation, ctx),
            Command::SetBaseline => self.set_baseline(),
        }
    }

    /// Enters or leaves presentation mode (full screen, larger type, no editing chrome).
    pub fn set_presentation(&mut self, on: bool, ctx: &egui::Context) {
        if on == self.presentation {
            return;
        }
        self.presentation = on;
        self.timeline.style = if on {
            timeline_ui::TimelineStyle::PRESENTATION
        } else {
            timeline_ui::TimelineStyle::DESKTOP
        };
        self.timeline.request_fit();
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.status = if on {
            "Presenting — Esc or F5 to leave".into()
        } else {
            String::new()
        };
    }

    /// Stores the current timetable as the agreed baseline, dated the status date.
    pub fn set_baseline(&mut self) {
        let plan = self.plan();
        let date = plan.meta.status_date;
        let name = format!("Timetable as of {}", crate::model::format_date(date));
        let baseline = crate::model::baseline::baseline_from(plan, date, name);
        self.apply(Edit::Baseline(Some(Box::new(baseline))), "Set baseline");
        self.bottom_tab = BottomTab::Slippage;
        self.show_warnings = true;
    }

    /// Writes `kind` to `path`.
    fn export_to(&mut self, kind: ExportKind, path: &Path) {
        let plan = self.doc.plan();
        let a = &self.analysis;
        let result: Result<Vec<u8>, String> = (|| {
            Ok(match kind {
                ExportKind::AppendixSvg | ExportKind::AppendixPng => {
                    let rows = crate::model::layout::row_order(plan);
                    let page = Page::paper(self.export_page.0, self.export_page.1);
                    let input = AppendixInput {
                        plan,
                        schedule: &a.schedule,
                        warnings: &a.warnings,
                        rows: &rows,
                    };
                    let svg = appendix_svg(&input, page);
                    if kind == ExportKind::AppendixSvg {
                        svg.into_bytes()
                    } else {
                        let (w, h) = page.pixels(self.export_dpi);
                        svg_to_png(&svg, w, h).map_err(|e| e.to_string())?
                    }
                }
                ExportKind::TimetableCsv => timetable_csv(&timetable_rows(plan, &a.warnings))
                    .map_err(|e| e.to_string())?
                    .into_bytes(),
                ExportKind::TimetableMarkdown => {
                    timetable_markdown(plan, &timetable_rows(plan, &a.warnings)).into_bytes()
                }
                ExportKind::Section3 => {
                    section3_markdown(plan, &a.schedule, &a.warnings).into_bytes()
                }
            })
        })();
        match result.and_then(|bytes| write_atomically(path, &bytes).map_err(|e| e.to_string())) {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(message) => {
                self.modal = Some(Modal::Error {
                    title: "Could not export".into(),
                    message,
                })
            }
        }
    }

    /// Asks where to export `kind`, then writes it.
    pub fn export(&mut self, kind: ExportKind, ctx: &egui::Context) {
        self.choose_file(DialogPurpose::Export(kind), ctx);
    }

    fn select_relative(&mut self, step: isize) {
        let rows = &self.analysis.rows;
        if rows.is_empty() {
            return;
        }
        let current = self
            .selected_index()
            .and_then(|m| self.analysis.row_of.get(m).copied().flatten());
        let row = match current {
            Some(r) => (r as isize + step).clamp(0, rows.len() as isize - 1) as usize,
            None => 0,
        };
        self.select(rows[row]);
    }

    /// Selects modification `m` and scrolls it into view.
    pub fn select(&mut self, m: usize) {
        if let Some(x) = self.plan().modifications.get(m) {
            self.selected = Some(x.id.clone());
            if let Some(row) = self.analysis.row_of[m] {
                self.timeline.reveal_row(row);
            }
        }
    }

    /// Does `action` now, or asks first when there are unsaved changes.
    fn guard(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::ConfirmDiscard(action));
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
                self.status = "New plan".into();
            }
            PendingAction::Open => self.choose_file(DialogPurpose::Open, ctx),
            PendingAction::OpenPath(path) => self.open_now(&path),
            PendingAction::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens `path`, asking first about unsaved changes.
    pub fn open_path(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.guard(PendingAction::OpenPath(path), ctx);
    }

    /// Loads `path`; on failure the current plan stays and the error is shown.
    fn open_now(&mut self, path: &Path) {
        match load_plan(path) {
            Ok(plan) => {
                self.replace_document(plan, Some(path.to_owned()), true);
                self.disk = files::DiskState::read(path).ok();
                files::push_recent(&mut self.settings.recent, path);
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.modal = Some(Modal::Error {
                    title: "Could not open the plan".into(),
                    message: e.to_string(),
                });
                self.status = "Open failed; the current plan is unchanged".into();
            }
        }
    }

    /// Saves to `to` (or the current path); with neither, asks where. Returns true when saved.
    fn save(&mut self, to: Option<PathBuf>, ctx: &egui::Context) -> bool {
        let Some(path) = to.or_else(|| self.path.clone()) else {
            self.choose_file(DialogPurpose::SaveAs(None), ctx);
            return false;
        };
        let same_file = self.path.as_deref() == Some(path.as_path());
        if same_file && self.disk.as_ref().is_some_and(|d| d.changed(&path)) {
            self.modal = Some(Modal::SaveConflict(None));
            return false;
        }
        self.save_unchecked(path)
    }

    /// Saves to `path` without asking about changes on disk.
    fn save_unchecked(&mut self, path: PathBuf) -> bool {
        match save_plan(self.doc.plan(), &path) {
            Ok(()) => {
                self.doc.mark_saved();
                self.disk = files::DiskState::read(&path).ok();
                if let Some(r) = &mut self.recovery {
                    r.clear();
                }
                self.display_name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                files::push_recent(&mut self.settings.recent, &path);
                self.status = format!("Saved {}", path.display());
                self.path = Some(path);
                true
            }
            Err(e) => {
                self.modal = Some(Modal::Error {
                    title: "Could not save".into(),
                    message: format!("{e}\n\nYour changes are still here, unsaved."),
                });
                false
            }
        }
    }

    /// Asks for a file: a native dialog off the UI thread, or the in-app path field.
    fn choose_file(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.native_dialogs && self.running_dialog.is_none() {
            let suggested = self.suggested_path(&purpose);
            self.running_dialog = Some(RunningDialog::start(purpose, ctx, suggested.as_deref()));
        } else if self.running_dialog.is_none() {
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
            _ => self.path.clone(),
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
            (DialogPurpose::Open, _) => std::env::current_dir()
                .map(|d| format!("{}/", d.display()))
                .unwrap_or_default(),
        };
        self.modal = Some(Modal::PathPrompt { purpose, text });
    }

    /// Acts on a chosen path.
    fn path_chosen(&mut self, purpose: DialogPurpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            DialogPurpose::Export(kind) => self.export_to(kind, &path),
            DialogPurpose::Open => self.open_now(&path),
            DialogPurpose::SaveAs(then) => {
                let path = files::with_ron_extension(path);
                if self.save(Some(path), ctx)
                    && let Some(action) = then
                {
                    self.proceed(action, ctx);
                }
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

    /// The answer to the Save / Discard / Cancel question.
    fn resolve_discard(
        &mut self,
        action: PendingAction,
        choice: dialogs_ui::DiscardChoice,
        ctx: &egui::Context,
    ) {
        use dialogs_ui::DiscardChoice;
        match choice {
            DiscardChoice::Save => {
                if self.path.is_some() {
                    if self.save(None, ctx) {
                        self.proceed(action, ctx);
                    } else if let Some(Modal::SaveConflict(then)) = &mut self.modal {
                        *then = Some(action);
                    }
                } else {
                    self.choose_file(DialogPurpose::SaveAs(Some(action)), ctx);
                }
            }
            DiscardChoice::Discard => self.proceed(action, ctx),
            DiscardChoice::Cancel => {}
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for command in Command::WITH_SHORTCUTS {
                if command.is_plain_key() && typing {
                    continue;
                }
                let shortcuts = command
                    .shortcut()
                    .into_iter()
                    .chain(command.alternative_shortcuts().iter().copied());
                for s in shortcuts {
                    if i.consume_shortcut(&s) {
                        fired.push(command);
                        break;
                    }
                }
            }
        });
        for command in fired {
            self.run_command(command, ctx);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "ron"))
        {
            self.open_path(path, ctx);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::ConfirmDiscard(PendingAction::Quit));
            } else {
                self.allow_close = true;
            }
        }
    }

    fn sync_window_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The whole UI for one frame. Independent of eframe's `Frame`, so tests and benchmarks can drive it.
    pub fn ui_body(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.refresh();
        self.poll_dialog(&ctx);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        if self.presentation {
            self.presentation_keys(ui);
        }
        self.handle_shortcuts(&ctx);
        self.refresh();

        if self.presentation {
            self.presentation_ui(ui);
        } else {
            self.desktop_ui(ui);
        }
        dialogs_ui::modal_ui(self, &ctx);
        self.watch_disk(&ctx);
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
        self.settings.view = Some(self.timeline.view.clone());
        self.settings.snap = Some(self.timeline.snap);
        self.settings.last_file = self.path.clone();
        self.sync_window_title(&ctx);
    }

    /// Every few seconds: has someone else changed the open file? With no local edits, offer to reload; with local
    /// edits, saving will ask.
    fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.path.is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        if now >= self.next_disk_check_s && self.modal.is_none() {
            self.next_disk_check_s = now + DISK_CHECK_INTERVAL_S;
            self.check_disk_now();
        }
        // Every frame asks for the next check, or an idle app would never look again.
        let wait = (self.next_disk_check_s - now).max(0.1);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
    }

    /// Checks the open file against what was last read or written.
    pub fn check_disk_now(&mut self) {
        let (Some(path), Some(disk)) = (&self.path, &self.disk) else {
            return;
        };
        if disk.changed(path) {
            if self.doc.is_dirty() {
                self.status = format!(
                    "{} has changed on disk; saving will ask what to do",
                    path.display()
                );
            } else {
                self.modal = Some(Modal::ChangedOnDisk);
            }
        }
    }

    /// Restores the unsaved work an earlier run left.
    fn restore(&mut self, file: recovery::RecoveryFile) {
        if let Some(plan) = file.plan() {
            self.replace_document(plan, file.source.clone(), false);
            if let Some(p) = &file.source {
                self.disk = files::DiskState::read(p).ok();
            }
            self.status = format!("Restored unsaved work from {}", file.saved_at_text());
        }
    }

    /// Drops the unsaved work an earlier run left.
    fn discard_recovery(&mut self) {
        if let Some(r) = &mut self.recovery {
            r.clear();
        }
    }

    /// The answer to "the file changed on disk; saving would overwrite it".
    fn resolve_conflict(
        &mut self,
        choice: dialogs_ui::ConflictChoice,
        then: Option<PendingAction>,
        ctx: &egui::Context,
    ) {
        use dialogs_ui::ConflictChoice;
        match choice {
            ConflictChoice::Reload => {
                self.reload();
                if let Some(action) = then {
                    self.proceed(action, ctx);
                }
            }
            ConflictChoice::Overwrite => {
                if let Some(path) = self.path.clone()
                    && self.save_unchecked(path)
                    && let Some(action) = then
                {
                    self.proceed(action, ctx);
                }
            }
            ConflictChoice::SaveAs => self.choose_file(DialogPurpose::SaveAs(then), ctx),
            ConflictChoice::Cancel => {}
        }
    }

    /// Reloads the open file from disk, dropping local edits.
    fn reload(&mut self) {
        if let Some(path) = self.path.clone() {
            self.open_now(&path);
        }
    }

    /// Keeps the version in the app although the file changed: it now differs from disk, so it counts as unsaved.
    fn keep_mine(&mut self) {
        if let Some(path) = &self.path {
            self.disk = files::DiskState::read(path).ok();
        }
        self.doc.mark_unsaved();
    }

    /// Esc leaves (unless it is cancelling a drag); arrows and Page Up/Down step through the rows.
    fn presentation_keys(&mut self, ui: &egui::Ui) {
        if self.modal.is_some() {
            return;
        }
        if self.timeline.drag.is_none()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.set_presentation(false, ui.ctx());
            return;
        }
        if let Some(step) = presentation_ui::step_from_keys(ui) {
            ui.input_mut(|i| {
                use egui::Key::*;
                for key in [
                    ArrowDown, ArrowRight, PageDown, Space, ArrowUp, ArrowLeft, PageUp, Home, End,
                ] {
                    i.consume_key(egui::Modifiers::NONE, key);
                }
            });
            let current = self
                .selected_index()
                .and_then(|m| self.analysis.row_of.get(m).copied().flatten());
            if let Some(row) = presentation_ui::stepped(current, step, self.analysis.rows.len()) {
                self.select(self.analysis.rows[row]);
            }
        }
    }

    fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("presentation-title").show(ui, |ui| {
            presentation_ui::title_bar_ui(ui, self.doc.plan(), &self.analysis);
        });
        egui::Panel::bottom("presentation-legend").show(ui, legend_ui::legend_strip_ui);
        egui::Panel::right("presentation-card")
            .resizable(false)
            .exact_size(380.0)
            .show(ui, |ui| {
                presentation_ui::card_ui(
                    ui,
                    self.doc.plan(),
                    &self.analysis,
                    self.selected_index(),
                );
            });
        self.timeline_panel_ui(ui);
    }

    fn desktop_ui(&mut self, ui: &mut egui::Ui) {
        menu_ui::menu_bar_ui(self, ui);
        self.status_bar_ui(ui);
        if self.show_warnings {
            egui::Panel::bottom("warnings")
                .resizable(true)
                .default_size(130.0)
                .size_range(60.0..=400.0)
                .show(ui, |ui| self.bottom_panel_ui(ui));
        }
        egui::Panel::right("details")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=640.0)
            .show(ui, |ui| {
                let out = details_panel_ui::details_panel_ui(
                    ui,
                    self.doc.plan(),
                    &self.analysis,
                    self.selected_index(),
                );
                if let Some((edit, label, key)) = out.edit {
                    self.apply_merging(edit, label, key);
                }
                if let Some(m) = out.select {
                    self.select(m);
                }
            });
        self.timeline_panel_ui(ui);
    }

    fn bottom_panel_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let n = self.analysis.warnings.len();
            ui.selectable_value(
                &mut self.bottom_tab,
                BottomTab::Warnings,
                format!("⚠ Warnings ({n})"),
            );
            ui.selectable_value(
                &mut self.bottom_tab,
                BottomTab::Meetings,
                "Meetings and agendas",
            );
            ui.selectable_value(
                &mut self.bottom_tab,
                BottomTab::Slippage,
                "Slippage since baseline",
            );
        });
        ui.separator();
        match self.bottom_tab {
            BottomTab::Warnings => {
                if let Some(m) =
                    warnings_panel_ui::warnings_panel_ui(ui, &self.analysis, self.selected_index())
                {
                    self.reveal(m);
                }
            }
            BottomTab::Meetings => {
                let out = meetings_panel_ui::meetings_panel_ui(
                    ui,
                    self.doc.plan(),
                    &self.analysis,
                    &mut self.show_past_meetings,
                );
                if let Some(meeting) = out.filter_meeting {
                    self.filter.meeting = meeting;
                    self.refresh();
                    self.timeline.request_fit();
                }
                if let Some(m) = out.select {
                    self.reveal(m);
                }
            }
            BottomTab::Slippage => {
                if let Some(m) =
                    meetings_panel_ui::slippage_panel_ui(ui, self.doc.plan(), &self.analysis)
                {
                    self.reveal(m);
                }
            }
        }
    }

    /// Selects `m`, clearing a filter that hides it.
    fn reveal(&mut self, m: usize) {
        if self.analysis.row_of.get(m).copied().flatten().is_none() {
            self.filter = RowFilter::default();
            self.refresh();
        }
        self.select(m);
    }

    fn timeline_panel_ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            let selected = self.selected_index();
            let out = timeline_ui::timeline_ui(
                ui,
                &mut self.timeline,
                self.doc.plan(),
                &self.analysis,
                selected,
            );
            if let Some(m) = out.select {
                self.select(m);
            }
            if let Some((edit, label)) = out.edit {
                self.apply(edit, label);
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let plan = self.doc.plan();
                let where_ = self.path.as_deref().map_or_else(
                    || format!("{} (not saved to disk)", self.display_name),
                    |p| p.display().to_string(),
                );
                ui.label(where_);
                ui.separator();
                ui.label(format!(
                    "{} modifications · status date {}",
                    plan.modifications.len(),
                    crate::model::format_date(plan.meta.status_date)
                ));
                ui.separator();
                let n = self.analysis.warnings.len();
                let text =
                    egui::RichText::new(format!("⚠ {n} warning{}", if n == 1 { "" } else { "s" }))
                        .color(if n > 0 {
                            theme::WARNING
                        } else {
                            ui.visuals().weak_text_color()
                        });
                if ui.selectable_label(self.show_warnings, text).clicked() {
                    self.show_warnings = !self.show_warnings;
                }
                if let Some(day) = self.timeline.hovered_day {
                    ui.separator();
                    let what = match plan.calendar.holiday(day) {
                        Some(h) => h.name.clone(),
                        None if plan.calendar.is_working_day(day) => "working day".to_owned(),
                        None => "not a working day".to_owned(),
                    };
                    ui.label(format!(
                        "{} {} · {what}",
                        day.strftime("%a"),
                        crate::model::format_date(day)
                    ));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(egui::RichText::new(&self.status).weak());
                });
            });
        });
    }

    /// Settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

impl eframe::App for TimetableApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_body(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // A clean exit: the user saved, or chose to discard.
        if let Some(r) = &mut self.recovery {
            r.clear_now();
        }
    }
}

/// Type and spacing tuned for a shared screen: slightly larger text, calm light theme.
pub fn setup_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        for (text_style, font) in style.text_styles.iter_mut() {
            font.size = match text_style {
                egui::TextStyle::Small => 11.0,
                egui::TextStyle::Body | egui::TextStyle::Button => 13.5,
                egui::TextStyle::Monospace => 13.0,
                egui::TextStyle::Heading => 18.0,
                egui::TextStyle::Name(_) => font.size,
            };
        }
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// Opens the window; returns the process exit code.
pub fn run(plan: Option<PathBuf>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SEC Timetable")
            .with_app_id("sec-timetable")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    match eframe::run_native(
        "sec-timetable",
        options,
        Box::new(move |cc| Ok(Box::new(TimetableApp::from_creation_context(cc, plan)))),
    ) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            1
        }
    }
}
