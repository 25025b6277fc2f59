//! The menu bar and the toolbar beside it.

use egui::Ui;

use super::TimetableApp;
use super::commands::Command;
use crate::io::appendix::PaperSize;

fn command_button(ui: &mut Ui, app: &mut TimetableApp, command: Command, enabled: bool) {
    let shortcut = command.shortcut_text(ui.ctx());
    let button = egui::Button::new(command.text()).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        app.run_command(command, &ui.ctx().clone());
        ui.close();
    }
}

/// The top bar: File, Edit, View menus, then the view controls.
pub fn menu_bar_ui(app: &mut TimetableApp, ui: &mut Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_button(ui, app, Command::New, true);
                command_button(ui, app, Command::Open, true);
                let recent = app.settings.recent.clone();
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("Open Recent", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                app.open_path(path, &ui.ctx().clone());
                                ui.close();
                            }
                        }
                    });
                });
                ui.separator();
                command_button(ui, app, Command::Save, true);
                command_button(ui, app, Command::SaveAs, true);
                ui.separator();
                ui.menu_button("Export", |ui| {
                    for kind in super::files::ExportKind::ALL {
                        if ui.button(kind.text()).clicked() {
                            app.export(kind, &ui.ctx().clone());
                            ui.close();
                        }
                    }
                    ui.separator();
                    ui.label("Appendix A page");
                    ui.horizontal(|ui| {
                        for size in [PaperSize::A4, PaperSize::A3, PaperSize::Letter] {
                            ui.radio_value(&mut app.export_page.0, size, format!("{size:?}"));
                        }
                    });
                    ui.checkbox(&mut app.export_page.1, "Portrait");
                    ui.add(egui::Slider::new(&mut app.export_dpi, 72.0..=600.0).text("PNG dpi"));
                });
                ui.separator();
                command_button(ui, app, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let undo = app.document().undo_label().map(|l| format!("Undo {l}"));
                let redo = app.document().redo_label().map(|l| format!("Redo {l}"));
                let ctx = ui.ctx().clone();
                let b = egui::Button::new(undo.unwrap_or_else(|| "Undo".into()))
                    .shortcut_text(Command::Undo.shortcut_text(&ctx));
                if ui.add_enabled(app.document().undo_depth() > 0, b).clicked() {
                    app.run_command(Command::Undo, &ctx);
                    ui.close();
                }
                let b = egui::Button::new(redo.unwrap_or_else(|| "Redo".into()))
                    .shortcut_text(Command::Redo.shortcut_text(&ctx));
                if ui.add_enabled(app.document().redo_depth() > 0, b).clicked() {
                    app.run_command(Command::Redo, &ctx);
                    ui.close();
                }
                ui.separator();
                if ui.button("Add modification").clicked() {
                    app.add_modification();
                    ui.close();
                }
                ui.separator();
                if ui
                    .button("Set baseline")
                    .on_hover_text("Store the current timetable as the one the Panel agreed, to measure slippage against")
                    .clicked()
                {
                    app.run_command(Command::SetBaseline, &ctx);
                    ui.close();
                }
                if ui
                    .add_enabled(app.plan().baseline.is_some(), egui::Button::new("Clear baseline"))
                    .clicked()
                {
                    app.apply(crate::model::Edit::Baseline(None), "Clear baseline");
                    ui.close();
                }
            });
            ui.menu_button("View", |ui| {
                command_button(ui, app, Command::TogglePresentation, true);
                ui.separator();
                command_button(ui, app, Command::FitAll, true);
                command_button(ui, app, Command::GoToStatusDate, true);
                command_button(ui, app, Command::ZoomIn, true);
                command_button(ui, app, Command::ZoomOut, true);
                ui.separator();
                ui.checkbox(&mut app.show_warnings, "Warnings, meetings and slippage panel");
                ui.checkbox(&mut app.timeline.snap, "Snap to working days and meetings");
            });
            ui.separator();
            let ctx = ui.ctx().clone();
            if ui
                .button("⛶ Fit all")
                .on_hover_text("Show every row and date (F)")
                .clicked()
            {
                app.run_command(Command::FitAll, &ctx);
            }
            if ui
                .button("⏵ Status date")
                .on_hover_text("Centre on the status date (Home)")
                .clicked()
            {
                app.run_command(Command::GoToStatusDate, &ctx);
            }
            if ui.button(" + ").on_hover_text("Zoom in (+)").clicked() {
                app.run_command(Command::ZoomIn, &ctx);
            }
            if ui.button(" − ").on_hover_text("Zoom out (−)").clicked() {
                app.run_command(Command::ZoomOut, &ctx);
            }
            ui.toggle_value(&mut app.timeline.snap, "Snap")
                .on_hover_text(
                    "Snap drags to working days, and Working Group / Panel milestones to meetings",
                );
            if ui.button("Present").on_hover_text("Presentation mode (F5)").clicked() {
                app.run_command(Command::TogglePresentation, &ctx);
            }
            ui.separator();
            let (shown, total) = (app.analysis().rows.len(), app.analysis().total);
            super::filter_bar_ui::filter_bar_ui(ui, app.doc.plan(), &mut app.filter, shown, total);
        });
    });
}
