//! Modal windows: Save / Discard / Cancel, errors, restore, changes on disk, and the path field used when no native
//! dialog is available. Each draws the session's open [`Modal`] and returns the answer, if one was given this frame.

use std::path::PathBuf;

use egui::{Id, RichText};

use super::files::{DialogPurpose, PendingAction};
use super::modal::{ConflictChoice, DiscardChoice, Modal, ModalAnswer, RecoverChoice};
use super::recovery::RecoveryFile;

/// A modal with a heading, a message and a row of buttons. Returns `Some(Some(i))` for the button clicked,
/// `Some(None)` when closed with Esc or a click outside (callers take the safe choice), `None` while open.
fn choice_modal(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    message: &str,
    buttons: &[&str],
) -> Option<Option<usize>> {
    let mut clicked = None;
    let response = egui::Modal::new(Id::unique(id)).show(ctx, |ui| {
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

fn action_text(action: &PendingAction) -> &'static str {
    match action {
        PendingAction::New => "starting a new plan",
        PendingAction::Open | PendingAction::OpenPath(_) => "opening another plan",
        PendingAction::Quit => "quitting",
    }
}

/// What a modal says about the open plan.
pub struct OpenDocument {
    /// The file's name.
    pub name: String,
    /// It has changes not saved.
    pub unsaved: bool,
}

/// Shows `modal`; returns its answer once given.
pub fn modal_ui(
    ctx: &egui::Context,
    modal: &mut Modal,
    document: &OpenDocument,
) -> Option<ModalAnswer> {
    let name = &document.name;
    match modal {
        Modal::ConfirmDiscard(action) => {
            let message = format!(
                "{name} has changes that are not saved. Save them before {}?",
                action_text(action)
            );
            let choice = choice_modal(
                ctx,
                "confirm-discard",
                "Unsaved changes",
                &message,
                &["Save", "Discard", "Cancel"],
            )?;
            Some(ModalAnswer::Discard(match choice {
                Some(0) => DiscardChoice::Save,
                Some(1) => DiscardChoice::Discard,
                _ => DiscardChoice::Cancel,
            }))
        }
        Modal::Recover(left) => recover_ui(ctx, &left.file, !document.unsaved),
        Modal::ChangedOnDisk => {
            let message = format!(
                "{name} has been changed by someone else (a shared drive, a git pull). You have no unsaved changes here."
            );
            let choice = choice_modal(
                ctx,
                "changed-on-disk",
                "The file changed on disk",
                &message,
                &["Reload", "Keep this version"],
            )?;
            Some(ModalAnswer::ChangedOnDisk {
                reload: choice == Some(0),
            })
        }
        Modal::SaveConflict(_) => save_conflict_ui(ctx, name),
        Modal::Error { title, message } => error_ui(ctx, title, message),
        Modal::PathPrompt { purpose, text } => path_prompt_ui(ctx, purpose, text),
    }
}

/// "Restore unsaved work?": Restore, Discard, or Later (also Esc, or closing the window) to keep the file for the
/// next start. While the open plan has unsaved changes of its own, restoring would drop them: only Later and
/// Discard are offered.
fn recover_ui(ctx: &egui::Context, file: &RecoveryFile, can_restore: bool) -> Option<ModalAnswer> {
    let from = file
        .source
        .as_deref()
        .map_or("a plan that was never saved".to_owned(), |p| {
            p.display().to_string()
        });
    let mut message = format!(
        "SEC Timetable did not close cleanly. Unsaved work from {from}, kept on {}, can be restored.",
        file.saved_at_text()
    );
    let buttons: &[&str] = if can_restore {
        &["Restore", "Discard", "Later"]
    } else {
        message
            .push_str(" Save or discard the plan open now to restore it; until then it is kept.");
        &["Later", "Discard"]
    };
    let choice = choice_modal(ctx, "recover", "Restore unsaved work?", &message, buttons)?;
    let chosen = choice.map(|i| buttons[i]);
    Some(ModalAnswer::Recover(match chosen {
        Some("Restore") => RecoverChoice::Restore,
        Some("Discard") => RecoverChoice::Discard,
        // Later, or closed without choosing: keep the file for next time.
        _ => RecoverChoice::Later,
    }))
}

fn save_conflict_ui(ctx: &egui::Context, name: &str) -> Option<ModalAnswer> {
    let message = format!(
        "{name} has changed on disk since you opened it. Saving now would overwrite those changes."
    );
    let choice = choice_modal(
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
    )?;
    Some(ModalAnswer::Conflict(match choice {
        Some(0) => ConflictChoice::Reload,
        Some(1) => ConflictChoice::Overwrite,
        Some(2) => ConflictChoice::SaveAs,
        _ => ConflictChoice::Cancel,
    }))
}

fn error_ui(ctx: &egui::Context, title: &str, message: &str) -> Option<ModalAnswer> {
    let mut close = false;
    let response = egui::Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(title);
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                ui.label(RichText::new(message).monospace());
            });
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            close = true;
        }
    });
    (close || response.should_close()).then_some(ModalAnswer::Dismiss)
}

/// The path field: typed into `text`; Enter or the OK button answers with the path, Cancel or Esc with `None`.
fn path_prompt_ui(
    ctx: &egui::Context,
    purpose: &DialogPurpose,
    text: &mut String,
) -> Option<ModalAnswer> {
    let mut result: Option<Option<PathBuf>> = None;
    let (heading, ok) = match purpose {
        DialogPurpose::Open => ("Open plan", "Open"),
        DialogPurpose::Compare => ("Compare with plan", "Compare"),
        DialogPurpose::SaveAs(_) => ("Save plan as", "Save"),
        DialogPurpose::Export(kind) => (kind.text().trim_end_matches('…'), "Export"),
    };
    let response = egui::Modal::new(Id::unique("path-prompt")).show(ctx, |ui| {
        ui.set_min_width(520.0);
        let heading = ui.heading(heading);
        ui.label(
            RichText::new("No system file dialog is available here; type the file's path.").weak(),
        );
        let edit = ui
            .add(
                egui::TextEdit::singleline(text)
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
    result.map(ModalAnswer::Path)
}
