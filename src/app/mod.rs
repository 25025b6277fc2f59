//! The desktop app: a thin [`TimetableApp`] that lays out panels and routes what they ask for. One concern per
//! file: the open document's lifecycle is the [`session`], user actions are [`commands`] queued as [`actions`] and
//! applied after the frame in [`dispatch`], the timeline has its own folder.

pub mod actions;
pub mod analysis;
pub mod changes_panel_ui;
pub mod commands;
pub mod details;
mod dialogs_ui;
pub mod disk_watch;
pub mod dispatch;
pub mod file_jobs;
pub mod files;
mod filter_bar_ui;
pub mod legend_ui;
pub mod meeting_edit_ui;
pub mod meetings_panel_ui;
mod menu_ui;
pub mod modal;
pub mod next_paper_ui;
mod panels_ui;
pub mod plan_panel_ui;
pub mod presentation_ui;
pub mod recovery;
pub mod session;
pub mod settings;
pub mod theme;
pub mod timeline;
pub mod warnings_panel_ui;

use std::path::{Path, PathBuf};

use crate::io::export::ExportSettings;
use crate::model::filter::RowFilter;
use crate::model::{Document, Plan};
use actions::{Action, ActionQueue};
use analysis::{Analysis, Reference};
use commands::{KeyContext, KeyMode};
pub use modal::Modal;
use session::Session;
pub use settings::Settings;
use timeline::TimelineState;

pub use crate::io::{BUNDLED_NAME, BUNDLED_PLAN, bundled_plan};

/// Tabs of the bottom panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BottomTab {
    /// Validation warnings.
    Warnings,
    /// The agenda view.
    Meetings,
    /// Changes since a baseline or another plan file: slippage in working days, and what else changed.
    Changes,
    /// The checklist of what fell due since the last paper: mark done or move.
    SinceLastPaper,
    /// The plan as a whole: paper, meetings, releases, groups.
    Plan,
}

/// What the panels around the timeline show.
#[derive(Debug, Clone, PartialEq)]
pub struct Panels {
    /// Bottom panel (warnings, meetings, slippage) shown.
    pub show_bottom: bool,
    /// Which tab of the bottom panel.
    pub bottom_tab: BottomTab,
    /// Meetings panel: include meetings before the status date.
    pub show_past_meetings: bool,
    /// Presentation mode shows the card of the selected modification.
    pub card_shown: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels {
            show_bottom: true,
            bottom_tab: BottomTab::Warnings,
            show_past_meetings: false,
            card_shown: false,
        }
    }
}

/// The app.
pub struct TimetableApp {
    session: Session,
    analysis: Analysis,
    /// Id of the selected modification.
    pub selected: Option<String>,
    /// Timeline view and drag state.
    pub timeline: TimelineState,
    /// Persisted settings.
    pub settings: Settings,
    /// Last status-bar message.
    pub status: String,
    /// What the surrounding panels show.
    pub panels: Panels,
    /// Which modifications the timeline shows.
    pub filter: RowFilter,
    /// Presentation mode, when on.
    pub presentation: bool,
    /// Page and resolution of Appendix A exports.
    pub export: ExportSettings,
    /// What "Changes since", slippage and the timeline's ghosts compare the plan with.
    pub reference: Reference,
    /// The "Start next paper" dialog, while open.
    pub next_paper: Option<next_paper_ui::NextPaperForm>,
    /// The meeting whose editor is open (an id on the schedule).
    pub editing_meeting: Option<String>,
    /// A plan file being read to compare with.
    compare_job: Option<changes_panel_ui::CompareJob>,
    actions: ActionQueue,
    window_title: String,
}

impl TimetableApp {
    /// The app showing `plan`, loaded from `path` (or unsaved when `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>, settings: Settings) -> Self {
        Self::with_session(Session::new(plan, path), settings)
    }

    fn with_session(session: Session, mut settings: Settings) -> Self {
        let mut timeline = TimelineState::default();
        match &settings.view {
            Some(view) => timeline.view = view.clone(),
            None => timeline.request_fit(),
        }
        timeline.snap = settings.snap.unwrap_or(true);
        let filter = RowFilter {
            show_closed: settings.show_closed.unwrap_or(false),
            ..RowFilter::default()
        };
        let reference = settings
            .compare_baseline
            .map_or(Reference::LatestBaseline, Reference::Baseline);
        if let Some(path) = session.path() {
            files::push_recent(&mut settings.recent, path);
        }
        let analysis = Analysis::compute_with(
            session.plan(),
            session.document().revision(),
            &filter,
            reference.clone(),
        );
        TimetableApp {
            session,
            analysis,
            selected: None,
            timeline,
            settings,
            status: String::new(),
            panels: Panels::default(),
            filter,
            presentation: false,
            export: ExportSettings::default(),
            reference,
            next_paper: None,
            editing_meeting: None,
            compare_job: None,
            actions: ActionQueue::default(),
            window_title: String::new(),
        }
    }

    /// The app as `sec-timetable [PLAN]` starts it: `plan_arg`, else the last file, else the bundled plan. A file
    /// that fails to load is reported and the bundled plan opens instead.
    pub fn startup(plan_arg: Option<PathBuf>, settings: Settings) -> Self {
        let candidate = plan_arg.or_else(|| settings.last_file.clone());
        Self::with_session(Session::startup(candidate), settings)
    }

    /// Keeps unsaved work in a recovery file in `dir`, and offers to restore what an earlier run left there.
    pub fn with_recovery_dir(mut self, dir: &Path) -> Self {
        self.session = self.session.with_recovery_dir(dir);
        self
    }

    /// Creates the app from eframe's creation context (restoring settings).
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        plan_arg: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, settings::SETTINGS_KEY))
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
        self.session = self.session.without_native_dialogs();
        self
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.session.plan()
    }

    /// The document (plan and history).
    pub fn document(&self) -> &Document {
        self.session.document()
    }

    /// Derived data for the current plan.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The file the plan came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.session.path()
    }

    /// "name.ron* — SEC Timetable".
    pub fn title(&self) -> String {
        self.session.title()
    }

    /// The modal waiting for an answer, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.session.modal()
    }

    /// Settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Index of the selected modification.
    pub fn selected_index(&self) -> Option<usize> {
        self.selected
            .as_deref()
            .and_then(|id| self.analysis.index.get(id))
    }

    /// Checks now whether the open file changed on disk (the app also checks every few seconds).
    pub fn check_disk_now(&mut self, ctx: &egui::Context) {
        let events = self.session.check_disk_now();
        self.handle_session_events(events, ctx);
    }

    /// A clean exit (the user saved, or chose to discard): this window's recovery file goes.
    pub fn exit_cleanly(&mut self) {
        self.session.on_exit();
    }

    /// True while a save or open, or the reading of a file to compare with, runs on a worker thread.
    pub fn is_busy(&self) -> bool {
        self.session.is_busy() || self.is_comparing()
    }

    /// Queues an action, as a panel or test would; it is applied after the next frame's UI.
    pub fn queue(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Brings derived data up to date if the plan or the filter changed, re-deriving only what the changes since
    /// the last refresh affected.
    fn refresh(&mut self) {
        let document = self.session.document();
        let revision = document.revision();
        if self.analysis.revision != revision || self.analysis.filter != self.filter {
            let affected = document.affected_since(self.analysis.revision);
            self.analysis
                .update(document.plan(), revision, &affected, &self.filter);
        }
        if self.analysis.reference != self.reference {
            self.analysis
                .set_reference(document.plan(), self.reference.clone());
        }
    }

    /// The whole UI for one frame. Independent of eframe's `Frame`, so tests and benchmarks can drive it.
    pub fn ui_body(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let events = self.session.poll(&ctx);
        self.handle_session_events(events, &ctx);
        if ctx.input(|i| i.viewport().close_requested()) {
            self.session.on_close_requested(&ctx);
        }
        self.queue_dropped_files(&ctx);
        self.queue_shortcuts(&ctx);
        self.refresh();

        if self.presentation {
            self.presentation_layout_ui(ui);
        } else {
            self.desktop_layout_ui(ui);
        }
        let document = dialogs_ui::OpenDocument {
            name: self.session.display_name().to_owned(),
            unsaved: self.session.is_dirty(),
        };
        if let Some(modal) = self.session.modal_mut() {
            if let Some(answer) = dialogs_ui::modal_ui(&ctx, modal, &document) {
                self.actions.push(Action::Answer(answer));
            }
        } else {
            // The app's own windows (next paper, meeting editor) wait while the session asks something.
            self.windows_ui(&ctx);
        }
        self.poll_compare_job();

        if self.apply_actions(&ctx) {
            // What the actions changed is drawn by the next frame.
            ctx.request_repaint();
        }
        self.settings.view = Some(self.timeline.view.clone());
        self.settings.snap = Some(self.timeline.snap);
        self.settings.show_closed = Some(self.filter.show_closed);
        self.settings.compare_baseline = match self.reference {
            Reference::Baseline(k) => Some(k),
            _ => None,
        };
        self.settings.last_file = self.session.path().map(Path::to_owned);
        self.sync_window_title(&ctx);
    }

    fn queue_shortcuts(&mut self, ctx: &egui::Context) {
        if self.session.modal().is_some() || self.next_paper.is_some() {
            return;
        }
        let keys = KeyContext {
            mode: if self.presentation {
                KeyMode::Presentation
            } else {
                KeyMode::Desktop
            },
            typing: ctx.text_edit_focused(),
            dragging: self.timeline.drag.is_some(),
        };
        for command in commands::commands_from_input(ctx, keys) {
            self.actions.command(command);
        }
    }

    fn queue_dropped_files(&mut self, ctx: &egui::Context) {
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
            self.actions.push(Action::OpenPath(path));
        }
    }

    fn sync_window_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

impl eframe::App for TimetableApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_body(ui);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // The glyph atlas is as wide as the largest texture the driver allows (16,384 px under Mesa): rows that long
        // waste memory twice, in the app and in the driver. Every GPU has 2,048.
        raw_input.max_texture_side = Some(raw_input.max_texture_side.map_or(2048, |s| s.min(2048)));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.exit_cleanly();
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
        // A blinking cursor asks for a frame twice a second for as long as a text field has focus: an idle window
        // should draw nothing.
        style.visuals.text_cursor.blink = false;
        // No fades: each animated frame costs a full redraw (tens of milliseconds under software rendering, a
        // stutter in a shared screen), and a calm screen reads better in a meeting.
        style.animation_time = 0.0;
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
        // OpenGL through glow: on the machines this runs on (software rendering under Xvfb included) it starts in
        // a third of wgpu's CPU time and with less memory. (The snapshot tests render with wgpu on their own.)
        renderer: eframe::Renderer::Glow,
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
