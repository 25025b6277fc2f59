//! Where the panels go: the desk layout (menu bar, status bar, bottom panel, details panel, timeline) and the
//! presentation layout (title, legend, card, timeline). Panels report what they want as actions.

use egui::Ui;

use super::actions::Action;
use super::menu_ui::{MenuContext, menu_bar_ui};
use super::{BottomTab, TimetableApp, details, legend_ui, meetings_panel_ui, presentation_ui};
use super::{changes_panel_ui, meeting_edit_ui, next_paper_ui};
use super::{plan_panel_ui, theme, timeline, warnings_panel_ui};

impl TimetableApp {
    /// Menu bar, status bar, bottom and side panels, then the timeline in what is left.
    pub(super) fn desktop_layout_ui(&mut self, ui: &mut Ui) {
        let menu = MenuContext {
            document: self.session.document(),
            has_baseline: !self.session.plan().baselines.is_empty(),
            recent: &self.settings.recent,
            snap: self.timeline.snap,
            show_bottom: self.panels.show_bottom,
            show_closed: self.filter.show_closed,
            shown_rows: self.analysis.rows.len(),
            total_rows: self.analysis.total,
        };
        menu_bar_ui(
            ui,
            &menu,
            self.session.plan(),
            &mut self.filter,
            &mut self.export,
            &mut self.actions,
        );
        self.status_bar_ui(ui);
        if self.panels.show_bottom {
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
                let out = details::details_panel_ui(
                    ui,
                    self.session.plan(),
                    &self.analysis,
                    self.selected_index(),
                );
                self.actions.apply_labelled(out.edit);
                if let Some(m) = out.select {
                    self.actions.push(Action::Select(m));
                }
            });
        self.timeline_panel_ui(ui);
    }

    /// Title, legend and card around the timeline, for the Panel meeting.
    pub(super) fn presentation_layout_ui(&mut self, ui: &mut Ui) {
        egui::Panel::top("presentation-title").show(ui, |ui| {
            presentation_ui::title_bar_ui(ui, self.session.plan(), &self.analysis);
        });
        egui::Panel::bottom("presentation-legend").show(ui, legend_ui::legend_strip_ui);
        // The timeline has the whole width until a modification is stepped to; then a card narrow enough to leave
        // the timeline readable.
        // Not while dragging, though: the timeline must not change width under the pointer.
        if self.timeline.drag.is_none() {
            self.panels.card_shown = self.selected_index().is_some();
        }
        if let Some(m) = self.selected_index().filter(|_| self.panels.card_shown) {
            egui::Panel::right("presentation-card")
                .resizable(false)
                .exact_size(320.0)
                .show(ui, |ui| {
                    presentation_ui::card_ui(ui, self.session.plan(), &self.analysis, Some(m));
                });
        }
        self.timeline_panel_ui(ui);
    }

    fn bottom_panel_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let n = self.analysis.warnings.len();
            let tab = &mut self.panels.bottom_tab;
            ui.selectable_value(tab, BottomTab::Warnings, format!("⚠ Warnings ({n})"));
            ui.selectable_value(tab, BottomTab::Meetings, "Meetings and agendas");
            ui.selectable_value(tab, BottomTab::Changes, "Changes since…")
                .on_hover_text("What changed since a stored baseline or another plan file");
            ui.selectable_value(tab, BottomTab::SinceLastPaper, "Since the last paper")
                .on_hover_text("What fell due since the last paper: mark it done or move it");
            ui.selectable_value(tab, BottomTab::Plan, "Plan")
                .on_hover_text("Title, status date, meetings, releases and groups");
        });
        ui.separator();
        let plan = self.session.plan();
        let a = &self.analysis;
        match self.panels.bottom_tab {
            BottomTab::Warnings => {
                if let Some(m) = warnings_panel_ui::warnings_panel_ui(ui, a, self.selected_index())
                {
                    self.actions.push(Action::Reveal(m));
                }
            }
            BottomTab::Meetings => {
                let out = meetings_panel_ui::meetings_panel_ui(
                    ui,
                    plan,
                    a,
                    &mut self.panels.show_past_meetings,
                );
                if let Some(meeting) = out.filter_meeting {
                    self.actions.push(Action::FilterMeeting(meeting));
                }
                if let Some(m) = out.select {
                    self.actions.push(Action::Reveal(m));
                }
            }
            BottomTab::Plan => {
                let out = plan_panel_ui::plan_panel_ui(ui, plan, a);
                self.actions.apply_labelled(out.edit);
                if let Some(id) = out.edit_meeting {
                    self.actions.push(Action::EditMeeting(Some(id)));
                }
            }
            BottomTab::Changes => {
                let out = changes_panel_ui::changes_panel_ui(ui, plan, a);
                if let Some(m) = out.select {
                    self.actions.push(Action::Reveal(m));
                }
                if let Some(reference) = out.reference {
                    self.actions.push(Action::SetReference(reference));
                }
                if let Some(command) = out.command {
                    self.actions.command(command);
                }
            }
            BottomTab::SinceLastPaper => {
                let out = next_paper_ui::since_last_paper_ui(ui, plan, &a.schedule);
                self.actions.apply_labelled(out.edit);
                if let Some(m) = out.select {
                    self.actions.push(Action::Reveal(m));
                }
            }
        }
    }

    /// The app's own windows: the "Start next paper" dialog, the meeting editor.
    pub(super) fn windows_ui(&mut self, ctx: &egui::Context) {
        let plan = self.session.plan();
        if let Some(form) = &mut self.next_paper {
            match next_paper_ui::next_paper_dialog_ui(ctx, form, plan) {
                Some(Some(next)) => self.actions.push(Action::RollForward(next)),
                Some(None) => self.next_paper = None,
                None => {}
            }
            return;
        }
        if let Some(id) = &self.editing_meeting {
            let out = meeting_edit_ui::meeting_window_ui(ctx, plan, &self.analysis, id);
            self.actions.apply_labelled(out.edit);
            if out.close {
                self.actions.push(Action::EditMeeting(None));
            }
        }
    }

    fn timeline_panel_ui(&mut self, ui: &mut Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            let selected = self.selected_index();
            let out = timeline::timeline_ui(
                ui,
                &mut self.timeline,
                self.session.plan(),
                &self.analysis,
                selected,
            );
            if let Some(m) = out.select {
                self.actions.push(Action::Select(m));
            }
            if let Some((edit, label)) = out.edit {
                self.actions.apply(edit, label);
            }
            if let Some(id) = out.meeting {
                self.actions.push(Action::EditMeeting(Some(id)));
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let plan = self.session.plan();
                let where_ = self.session.path().map_or_else(
                    || format!("{} (not saved to disk)", self.session.display_name()),
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
                if ui.selectable_label(self.panels.show_bottom, text).clicked() {
                    self.actions
                        .command(super::commands::Command::ToggleBottomPanel);
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
}
