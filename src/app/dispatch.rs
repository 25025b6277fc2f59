//! Applying what the frame queued: each [`Action`] and [`Command`] in one place, after the UI has been drawn.

use super::TimetableApp;
use super::actions::Action;
use super::commands::Command;
use super::files::push_recent;
use super::session::{FileRequest, SessionEvent};
use super::timeline::TimelineStyle;
use crate::io::export::{ExportInput, ExportKind, export_to_path};
use crate::model::roll::{NextPaper, roll_forward};
use crate::model::standard::standard_modification;
use crate::model::{Edit, ListEdit};

/// Which way to step through the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next row.
    Next,
    /// The previous row.
    Previous,
    /// The first row.
    First,
    /// The last row.
    Last,
}

/// The row to go to from `current` (a row index) among `n` rows. With nothing selected, Previous starts from the
/// end when `wrap_start` (presenting), else from the top.
pub fn stepped(current: Option<usize>, step: Step, n: usize, wrap_start: bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    Some(match (current, step) {
        (_, Step::First) | (None, Step::Next) => 0,
        (None, Step::Previous) if !wrap_start => 0,
        (_, Step::Last) | (None, Step::Previous) => n - 1,
        (Some(r), Step::Next) => (r + 1).min(n - 1),
        (Some(r), Step::Previous) => r.saturating_sub(1),
    })
}

impl TimetableApp {
    /// Applies everything the frame queued, oldest first; returns true when there was anything.
    pub(super) fn apply_actions(&mut self, ctx: &egui::Context) -> bool {
        let actions = self.actions.take();
        let any = !actions.is_empty();
        for action in actions {
            self.run_action(action, ctx);
        }
        any
    }

    /// Does one action now.
    pub fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Command(command) => self.run_command(command, ctx),
            Action::Select(m) => self.select(m),
            Action::Reveal(m) => self.reveal(m),
            Action::Apply {
                edit,
                label,
                merge_key,
            } => self.apply_merging(edit, label, merge_key),
            Action::OpenPath(path) => self.file_request(FileRequest::OpenPath(path), ctx),
            Action::Answer(answer) => {
                let events = self.session.answer(answer, ctx);
                self.handle_session_events(events, ctx);
            }
            Action::FilterMeeting(meeting) => {
                self.filter.meeting = meeting;
                self.refresh();
                self.timeline.request_fit();
            }
            Action::RollForward(next) => self.roll_forward(&next),
            Action::EditMeeting(id) => self.editing_meeting = id,
            Action::SetReference(reference) => {
                self.reference = reference;
                self.refresh();
            }
        }
    }

    /// Runs a command now (menu, shortcut, or a test).
    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        if let Some(kind) = command.export_kind() {
            self.file_request(FileRequest::Export(kind), ctx);
            return;
        }
        match command {
            Command::New => self.file_request(FileRequest::New, ctx),
            Command::Open => self.file_request(FileRequest::Open, ctx),
            Command::Save => self.file_request(FileRequest::Save, ctx),
            Command::SaveAs => self.file_request(FileRequest::SaveAs, ctx),
            Command::Quit => self.file_request(FileRequest::Quit, ctx),
            Command::Undo => {
                if self.session.undo() {
                    self.status = "Undone".into();
                }
                self.refresh();
            }
            Command::Redo => {
                if self.session.redo() {
                    self.status = "Redone".into();
                }
                self.refresh();
            }
            Command::AddModification => self.add_modification(),
            Command::SetBaseline => self.set_baseline(),
            Command::ClearBaseline => {
                if let Some(index) = self.plan().baselines.len().checked_sub(1) {
                    self.apply(
                        Edit::Baselines(crate::model::ListEdit::Remove { index }),
                        "Clear baseline",
                    );
                }
            }
            Command::TogglePresentation => self.set_presentation(!self.presentation, ctx),
            Command::FitAll => self.timeline.request_fit(),
            Command::GoToStatusDate => self.timeline.center_on(self.plan().meta.status_date),
            Command::ZoomIn => self.timeline.zoom_by(0.8),
            Command::ZoomOut => self.timeline.zoom_by(1.25),
            Command::PanEarlier => self.timeline.pan_by(-0.15),
            Command::PanLater => self.timeline.pan_by(0.15),
            Command::PageUp => self.timeline.scroll_pages(-1.0),
            Command::PageDown => self.timeline.scroll_pages(1.0),
            Command::SelectNext => self.select_step(Step::Next),
            Command::SelectPrevious => self.select_step(Step::Previous),
            Command::SelectFirst => self.select_step(Step::First),
            Command::SelectLast => self.select_step(Step::Last),
            Command::ToggleSnap => self.timeline.snap = !self.timeline.snap,
            Command::ToggleBottomPanel => self.panels.show_bottom = !self.panels.show_bottom,
            Command::ToggleClosed => {
                self.filter.show_closed = !self.filter.show_closed;
                self.refresh();
            }
            Command::ShowChanges => self.show_tab(super::BottomTab::Changes),
            Command::StartNextPaper => {
                self.next_paper = Some(super::next_paper_ui::NextPaperForm::new(self.plan()));
            }
            Command::CompareWithFile => self.file_request(FileRequest::Compare, ctx),
            Command::ExportAppendixSvg
            | Command::ExportAppendixPng
            | Command::ExportAppendixPdf
            | Command::ExportTimetableCsv
            | Command::ExportTimetableMarkdown
            | Command::ExportSection3
            | Command::ExportCalendar => {}
        }
    }

    fn file_request(&mut self, request: FileRequest, ctx: &egui::Context) {
        let events = self.session.request(request, ctx);
        self.handle_session_events(events, ctx);
    }

    /// Does in the app what the session says should happen next.
    pub(super) fn handle_session_events(&mut self, events: Vec<SessionEvent>, ctx: &egui::Context) {
        for event in events {
            match event {
                SessionEvent::Replaced => {
                    self.selected = None;
                    self.editing_meeting = None;
                    self.next_paper = None;
                    self.timeline.cancel_drag();
                    self.timeline.request_fit();
                    self.refresh();
                }
                SessionEvent::Remember(path) => push_recent(&mut self.settings.recent, &path),
                SessionEvent::Status(text) => self.status = text,
                SessionEvent::Export(kind, path) => self.export_to(kind, &path),
                SessionEvent::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                SessionEvent::CompareWith(path) => self.start_compare_job(path, ctx),
            }
        }
    }

    /// Applies an edit as one undo step; a refused edit is reported in the status bar.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) {
        self.apply_merging(edit, label.into(), None);
    }

    fn apply_merging(&mut self, edit: Edit, label: String, merge_key: Option<String>) {
        match self.session.apply(edit, label.clone(), merge_key) {
            Ok(()) => self.status = label,
            Err(e) => self.status = format!("Not applied: {e}"),
        }
        self.refresh();
    }

    /// Adds a modification at the end with the paper's standard chain, and selects it.
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
        let m = standard_modification(
            &id,
            plan.meta.status_date,
            &plan.calendar,
            &self.analysis.schedule,
        );
        let index = plan.modifications.len();
        self.apply(
            Edit::Modifications(ListEdit::Insert {
                index,
                value: Box::new(m),
            }),
            format!("Add {id}"),
        );
        self.select(index);
    }

    /// Rolls the plan forward to `next` as one undo step and opens the "Since the last paper" checklist; a refusal
    /// keeps the dialog open with the reason.
    pub fn roll_forward(&mut self, next: &NextPaper) {
        match roll_forward(self.plan(), next) {
            Ok(edit) => {
                let label = format!(
                    "Start the next paper (status date {})",
                    crate::model::format_date(next.status_date)
                );
                let revision = self.document().revision();
                self.apply(edit, label);
                if self.document().revision() != revision {
                    self.next_paper = None;
                    self.reference = super::analysis::Reference::LatestBaseline;
                    self.refresh();
                    self.show_tab(super::BottomTab::SinceLastPaper);
                }
            }
            Err(e) => {
                self.status = format!("Not rolled forward: {e}");
                if let Some(form) = &mut self.next_paper {
                    form.error = Some(e.to_string());
                }
            }
        }
    }

    /// Shows `tab` of the bottom panel.
    pub fn show_tab(&mut self, tab: super::BottomTab) {
        self.panels.bottom_tab = tab;
        self.panels.show_bottom = true;
    }

    /// Stores the current timetable as the agreed baseline, dated the status date.
    pub fn set_baseline(&mut self) {
        let plan = self.plan();
        let date = plan.meta.status_date;
        let name = format!("Timetable as of {}", crate::model::format_date(date));
        let baseline = crate::model::baseline::baseline_from(plan, date, name);
        let index = self.plan().baselines.len();
        self.apply(
            Edit::Baselines(crate::model::ListEdit::Insert {
                index,
                value: baseline,
            }),
            "Set baseline",
        );
        self.show_tab(super::BottomTab::Changes);
    }

    /// Enters or leaves presentation mode (full screen, larger type, no editing chrome).
    pub fn set_presentation(&mut self, on: bool, ctx: &egui::Context) {
        if on == self.presentation {
            return;
        }
        self.presentation = on;
        self.timeline.set_style(if on {
            TimelineStyle::PRESENTATION
        } else {
            TimelineStyle::DESKTOP
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.status = if on {
            "Presenting — Esc or F5 to leave".into()
        } else {
            String::new()
        };
    }

    /// Writes `kind` to `path`; a failure is shown and nothing else changes.
    fn export_to(&mut self, kind: ExportKind, path: &std::path::Path) {
        let a = &self.analysis;
        let input = ExportInput {
            plan: self.session.plan(),
            schedule: &a.schedule,
            warnings: &a.warnings,
        };
        match export_to_path(kind, &input, &self.export, path) {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(e) => self.session.show_error("Could not export", e.to_string()),
        }
    }

    fn select_step(&mut self, step: Step) {
        let current = self
            .selected_index()
            .and_then(|m| self.analysis.row_of.get(m).copied().flatten());
        if let Some(row) = stepped(current, step, self.analysis.rows.len(), self.presentation) {
            self.select(self.analysis.rows[row]);
        }
    }

    /// Selects modification `m` and scrolls it into view.
    pub fn select(&mut self, m: usize) {
        if let Some(x) = self.plan().modifications.get(m) {
            self.selected = Some(x.id.clone());
            if let Some(row) = self.analysis.row_of.get(m).copied().flatten() {
                self.timeline.reveal_row(row);
            }
        }
    }

    /// Selects `m`, clearing a filter that hides it.
    fn reveal(&mut self, m: usize) {
        if self.analysis.row_of.get(m).copied().flatten().is_none() {
            self.filter = self.filter.without_criteria();
            self.refresh();
        }
        if self.analysis.row_of.get(m).copied().flatten().is_none() {
            // Still hidden: it has closed.
            self.filter.show_closed = true;
            self.refresh();
        }
        self.select(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_stays_within_the_rows() {
        assert_eq!(stepped(None, Step::Next, 5, true), Some(0));
        assert_eq!(stepped(None, Step::Previous, 5, true), Some(4));
        assert_eq!(stepped(None, Step::Previous, 5, false), Some(0));
        assert_eq!(stepped(Some(4), Step::Next, 5, true), Some(4));
        assert_eq!(stepped(Some(0), Step::Previous, 5, false), Some(0));
        assert_eq!(stepped(Some(2), Step::First, 5, false), Some(0));
        assert_eq!(stepped(Some(2), Step::Last, 5, false), Some(4));
        assert_eq!(stepped(Some(2), Step::Next, 0, false), None);
    }
}
