//! Modal windows: Save / Discard / Cancel, errors, and the path field used when no native dialog is available.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::files::{DialogPurpose, PendingAction};
use super::{Modal as AppModal, TimetableApp};

/// The answer to "save changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardChoice {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Load the version on disk, dropping local edits.
    Reload,
    /// Write the app's version over it.
    Overwrite,
    /// Keep both: save the app's version elsewhere.
    SaveAs,
    /// Do nothing.
    Cancel,
}

/// A modal with a heading, a message and a row of buttons; returns the index of the button clicked (or `None`
/// when closed with Esc or a click outside, which callers treat as the safe choice).
fn choice_modal(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    message: &str,
    buttons: &[&str],
) -> Option<Option<usize>> {
    let mut clicked = None;
    let response = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(heading);
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (i, b) in buttons.iter().enumerate() {
                if ui.button(*b).clicked() {
                    clicked = Some(i);
                }
            }
        });
    });
    match clicked {
        Some(i) => Some(Some(i)),
        None if response.should_close() => Some(None),
        None => None,
    }
}

fn action_text(action: &PendingAction) -> String {
    match action {
        PendingAction::New => "starting a new plan".into(),
        PendingAction::Open | PendingAction::OpenPath(_) => "opening another plan".into(),
        PendingAction::Quit => "quitting".into(),
    }
}

/// Shows the open modal, if any, and acts on its answer.
pub fn modal_ui(app: &mut TimetableApp, ctx: &egui::Context) {
    let Some(modal) = app.modal.clone() else {
        return;
    };
    match modal {
        AppModal::ConfirmDiscard(action) => {
            let mut choice = None;
            let response = Modal::new(Id::unique("confirm-discard")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "{} has changes that are not saved. Save them before {}?",
                    app.title()
                        .trim_end_matches(" — SEC Timetable")
                        .trim_end_matches('*'),
                    action_text(&action)
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(DiscardChoice::Save);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(DiscardChoice::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(DiscardChoice::Cancel);
                    }
                });
            });
            if response.should_close() && choice.is_none() {
                choice = Some(DiscardChoice::Cancel);
            }
            if let Some(choice) = choice {
                app.modal = None;
                app.resolve_discard(action, choice, ctx);
            }
        }
        AppModal::Recover(file) => {
            let from = file
                .source
                .as_deref()
                .map_or("a plan that was never saved".to_owned(), |p| {
                    p.display().to_string()
                });
            let message = format!(
                "SEC Timetable did not close cleanly last time. Unsaved work from {from}, kept on {}, can be restored.",
                file.saved_at_text()
            );
            if let Some(choice) = choice_modal(
                ctx,
                "recover",
                "Restore unsaved work?",
                &message,
                &["Restore", "Discard"],
            ) {
                app.modal = None;
                match choice {
                    Some(0) => app.restore(file),
                    Some(_) => app.discard_recovery(),
                    // Closed without choosing: keep the file for next time.
                    None => {}
                }
            }
        }
        AppModal::ChangedOnDisk => {
            let name = app
                .path()
                .map_or(String::new(), |p| p.display().to_string());
            let message = format!(
                "{name} has been changed by someone else (a shared drive, a git pull). You have no unsaved changes here."
            );
            if let Some(choice) = choice_modal(
                ctx,
                "changed-on-disk",
                "The file changed on disk",
                &message,
                &["Reload", "Keep this version"],
            ) {
                app.modal = None;
                match choice {
                    Some(0) => app.reload(),
                    _ => app.keep_mine(),
                }
            }
        }
        AppModal::SaveConflict(then) => {
            let name = app
                .path()
                .map_or(String::new(), |p| p.display().to_string());
            let message = format!(
                "{name} has changed on disk since you opened it. Saving now would overwrite those changes."
            );
            if let Some(choice) = choice_modal(
                ctx,
                "save-conflict",
                "The file changed on disk",
                &message,
                &[
                    "Reload theirs (discard mine)",
                    "Overwrite",
                    "Save As…",
                    "Cancel",
                ],
            ) {
                app.modal = None;
                let choice = match choice {
                    Some(0) => ConflictChoice::Reload,
                    Some(1) => ConflictChoice::Overwrite,
                    Some(2) => ConflictChoice::SaveAs,
                    _ => ConflictChoice::Cancel,
                };
                app.resolve_conflict(choice, then, ctx);
            }
        }
        AppModal::Error { title, message } => {
            let mut close = false;
            let response = Modal::new(Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(&title);
                ui.add_space(4.0);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new(&message).monospace());
                    });
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
            if close || response.should_close() {
                app.modal = None;
            }
        }
        AppModal::PathPrompt { purpose, mut text } => {
            let mut result: Option<Option<PathBuf>> = None;
            let heading = match purpose {
                DialogPurpose::Open => "Open plan",
                DialogPurpose::SaveAs(_) => "Save plan as",
                DialogPurpose::Export(kind) => kind.text().trim_end_matches('…'),
            };
            let response = Modal::new(Id::unique("path-prompt")).show(ctx, |ui| {
                ui.set_min_width(520.0);
                let heading = ui.heading(heading);
                ui.label(
                    RichText::new("No system file dialog is available here; type the file's path.")
                        .weak(),
                );
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt("path-prompt-text")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(heading.id);
                if ui.memory(|m| m.focused().is_none()) {
                    edit.request_focus();
                }
                let enter = (edit.has_focus() || edit.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = match purpose {
                        DialogPurpose::Open => "Open",
                        DialogPurpose::SaveAs(_) => "Save",
                        DialogPurpose::Export(_) => "Export",
                    };
                    if ui.button(ok).clicked() || enter {
                        result = Some(Some(PathBuf::from(text.trim())));
                    }
                    if ui.button("Cancel").clicked() {
                        result = Some(None);
                    }
                });
            });
            if response.should_close() && result.is_none() {
                result = Some(None);
            }
            match result {
                Some(Some(path)) if !path.as_os_str().is_empty() => {
                    app.modal = None;
                    app.path_chosen(purpose, path, ctx);
                }
                Some(_) => app.modal = None,
                None => app.modal = Some(AppModal::PathPrompt { purpose, text }),
            }
        }
    }
}
