//! The menu bar and the toolbar beside it, generated from [`Command`]: each item's text, tooltip and shortcut come
//! from there, and a click queues the command instead of running it.

use std::path::PathBuf;

use egui::Ui;

use super::actions::{Action, ActionQueue};
use super::commands::Command;
use crate::io::appendix::PaperSize;
use crate::io::export::ExportSettings;
use crate::model::filter::RowFilter;
use crate::model::{Document, Plan};

/// What the menus need to know to show each item's state.
pub struct MenuContext<'a> {
    /// For undo and redo: whether there is a step, and its name.
    pub document: &'a Document,
    /// The plan has a baseline (to clear).
    pub has_baseline: bool,
    /// Recent files, most recent first.
    pub recent: &'a [PathBuf],
    /// Snapping is on.
    pub snap: bool,
    /// The bottom panel is shown.
    pub show_bottom: bool,
    /// Closed modifications are shown.
    pub show_closed: bool,
    /// Rows the filter shows.
    pub shown_rows: usize,
    /// Modifications in the plan.
    pub total_rows: usize,
}

impl MenuContext<'_> {
    fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.document.undo_depth() > 0,
            Command::Redo => self.document.redo_depth() > 0,
            Command::ClearBaseline => self.has_baseline,
            _ => true,
        }
    }

    /// For toggles: whether it is on.
    fn checked(&self, command: Command) -> Option<bool> {
        match command {
            Command::ToggleSnap => Some(self.snap),
            Command::ToggleBottomPanel => Some(self.show_bottom),
            Command::ToggleClosed => Some(self.show_closed),
            _ => None,
        }
    }

    fn text(&self, command: Command) -> String {
        match command {
            Command::Undo => self.document.undo_label().map(|l| format!("Undo {l}")),
            Command::Redo => self.document.redo_label().map(|l| format!("Redo {l}")),
            _ => None,
        }
        .unwrap_or_else(|| command.text().to_owned())
    }
}

/// One menu item for `command`: its text (✔ when a toggle is on), shortcut and tooltip; a click queues it.
fn command_item_ui(
    ui: &mut Ui,
    menu: &MenuContext<'_>,
    command: Command,
    actions: &mut ActionQueue,
) {
    let shortcut = command.shortcut_text(ui.ctx());
    let mut button = match menu.checked(command) {
        Some(on) => egui::Button::selectable(on, menu.text(command)),
        None => egui::Button::new(menu.text(command)),
    };
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let response = ui
        .add_enabled(menu.enabled(command), button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        actions.command(command);
        ui.close();
    }
}

/// The top bar: File, Edit, View menus, the toolbar, then the filter.
pub fn menu_bar_ui(
    ui: &mut Ui,
    menu: &MenuContext<'_>,
    plan: &Plan,
    filter: &mut RowFilter,
    export: &mut ExportSettings,
    actions: &mut ActionQueue,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, menu, export, actions));
            ui.menu_button("Edit", |ui| {
                for command in [Command::Undo, Command::Redo] {
                    command_item_ui(ui, menu, command, actions);
                }
                ui.separator();
                command_item_ui(ui, menu, Command::AddModification, actions);
                ui.separator();
                for command in [Command::SetBaseline, Command::ClearBaseline] {
                    command_item_ui(ui, menu, command, actions);
                }
            });
            ui.menu_button("View", |ui| {
                command_item_ui(ui, menu, Command::TogglePresentation, actions);
                ui.separator();
                for command in [
                    Command::FitAll,
                    Command::GoToStatusDate,
                    Command::ZoomIn,
                    Command::ZoomOut,
                ] {
                    command_item_ui(ui, menu, command, actions);
                }
                ui.separator();
                for command in [
                    Command::ToggleBottomPanel,
                    Command::ShowChanges,
                    Command::ToggleClosed,
                    Command::ToggleSnap,
                ] {
                    command_item_ui(ui, menu, command, actions);
                }
            });
            ui.separator();
            toolbar_ui(ui, menu, actions);
            ui.separator();
            super::filter_bar_ui::filter_bar_ui(ui, plan, filter, menu.shown_rows, menu.total_rows);
        });
    });
}

fn file_menu_ui(
    ui: &mut Ui,
    menu: &MenuContext<'_>,
    export: &mut ExportSettings,
    actions: &mut ActionQueue,
) {
    command_item_ui(ui, menu, Command::New, actions);
    command_item_ui(ui, menu, Command::Open, actions);
    ui.add_enabled_ui(!menu.recent.is_empty(), |ui| {
        ui.menu_button("Open Recent", |ui| {
            for path in menu.recent {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
    ui.separator();
    command_item_ui(ui, menu, Command::Save, actions);
    command_item_ui(ui, menu, Command::SaveAs, actions);
    ui.separator();
    command_item_ui(ui, menu, Command::StartNextPaper, actions);
    command_item_ui(ui, menu, Command::CompareWithFile, actions);
    ui.separator();
    ui.menu_button("Export", |ui| {
        for command in Command::iter_exports() {
            command_item_ui(ui, menu, command, actions);
        }
        ui.separator();
        ui.label("Appendix A page");
        ui.horizontal(|ui| {
            for size in [PaperSize::A4, PaperSize::A3, PaperSize::Letter] {
                ui.radio_value(&mut export.paper, size, format!("{size:?}"));
            }
        });
        ui.checkbox(&mut export.portrait, "Portrait");
        ui.add(egui::Slider::new(&mut export.dpi, 72.0..=600.0).text("PNG dpi"));
    });
    ui.separator();
    command_item_ui(ui, menu, Command::Quit, actions);
}

/// Buttons for the commands with a toolbar text; toggles show whether they are on.
fn toolbar_ui(ui: &mut Ui, menu: &MenuContext<'_>, actions: &mut ActionQueue) {
    for command in Command::toolbar() {
        let Some(text) = command.toolbar_text() else {
            continue;
        };
        let response = match menu.checked(command) {
            Some(on) => ui.selectable_label(on, text),
            None => ui.button(text),
        };
        // The tooltip's text is built only when it shows.
        let response = response.on_hover_ui(|ui| {
            ui.label(command.tooltip_with_shortcut(ui.ctx()));
        });
        if response.clicked() {
            actions.command(command);
        }
    }
}
