//! "Changes since…": what changed since a stored baseline or another plan file — the plan-wide changes, then each
//! modification's moves (in working days), new and removed modifications, work packages, dependencies and costs.
//! The reference chosen here is also what the slippage badges, the presentation card and the timeline's ghosts
//! compare with. A file to compare with is read on a worker thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{ComboBox, RichText, Ui};

use super::TimetableApp;
use super::analysis::{Analysis, Reference};
use super::commands::Command;
use super::theme;
use crate::io::LoadError;
use crate::model::Plan;
use crate::model::compare::{Change, meta_changes};

/// What the panel asks the app to do.
#[derive(Debug, Default)]
pub struct ChangesOutput {
    /// Select this modification.
    pub select: Option<usize>,
    /// Compare with this from now on.
    pub reference: Option<Reference>,
    /// Run this command (compare with a file).
    pub command: Option<Command>,
}

/// A plan file being read to compare with.
pub struct CompareJob {
    path: PathBuf,
    rx: Receiver<Result<Plan, LoadError>>,
}

impl TimetableApp {
    /// Starts reading `path` on a worker; `ctx` is repainted when it is read.
    pub(super) fn start_compare_job(&mut self, path: PathBuf, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let reading = path.clone();
        std::thread::spawn(move || {
            // The app may have closed meanwhile; then nobody waits for the answer.
            tx.send(crate::io::load_plan(&reading)).ok();
            ctx.request_repaint();
        });
        self.status = format!("Reading {}…", path.display());
        self.compare_job = Some(CompareJob { path, rx });
    }

    /// Once the file is read: compare with it and show the changes, or say why it could not be read.
    pub(super) fn poll_compare_job(&mut self) {
        let Some(job) = &self.compare_job else {
            return;
        };
        let result = match job.rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                self.compare_job = None;
                return;
            }
        };
        let path = job.path.clone();
        self.compare_job = None;
        match result {
            Ok(plan) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.status = format!("Comparing with {}", path.display());
                self.reference = Reference::File {
                    name,
                    plan: Arc::new(plan),
                };
                self.refresh();
                self.show_tab(super::BottomTab::Changes);
            }
            Err(e) => self
                .session
                .show_error("Could not compare with that file", e.to_string()),
        }
    }

    /// True while a file to compare with is being read.
    pub(super) fn is_comparing(&self) -> bool {
        self.compare_job.is_some()
    }
}

/// The reference chooser: the newest baseline, each stored baseline, the file compared with; and a button for
/// another file.
fn reference_chooser_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, out: &mut ChangesOutput) {
    ui.horizontal(|ui| {
        let label = ui.label("Changes since");
        let mut chosen = a.reference.clone();
        let selected = a
            .reference
            .name(plan)
            .unwrap_or_else(|| "nothing yet".into());
        ComboBox::from_id_salt("changes-reference")
            .selected_text(selected)
            .width(260.0)
            .show_ui(ui, |ui| {
                if let Some(newest) = plan.latest_baseline() {
                    let text = format!("Newest baseline: {}", newest.name);
                    ui.selectable_value(&mut chosen, Reference::LatestBaseline, text);
                }
                for (k, b) in plan.baselines.iter().enumerate().rev() {
                    ui.selectable_value(&mut chosen, Reference::Baseline(k), &b.name);
                }
                if let Reference::File { name, .. } = &a.reference {
                    ui.selectable_value(&mut chosen, a.reference.clone(), format!("File: {name}"));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "What the plan is compared with: a stored baseline, or another plan file",
            );
        if chosen != a.reference {
            out.reference = Some(chosen);
        }
        if ui
            .button(Command::CompareWithFile.text())
            .on_hover_text(Command::CompareWithFile.tooltip())
            .clicked()
        {
            out.command = Some(Command::CompareWithFile);
        }
    });
}

/// The changes since the chosen reference, for one frame.
pub fn changes_panel_ui(ui: &mut Ui, plan: &Plan, a: &Analysis) -> ChangesOutput {
    let mut out = ChangesOutput::default();
    reference_chooser_ui(ui, plan, a, &mut out);
    let Some(older) = a.reference.older(plan) else {
        ui.label(
            "No baseline yet. File > Start next paper… keeps this timetable as one; Edit > Set baseline stores it \
             as it stands; or compare with the last paper's file.",
        );
        return out;
    };
    let meta = meta_changes(older, plan);
    let changed: Vec<(usize, &Change)> = a
        .slippage
        .iter()
        .flatten()
        .flat_map(|s| s.changes.iter().map(move |c| (s.modification, c)))
        .collect();
    for c in &meta {
        ui.label(RichText::new(&c.text).weak());
    }
    if changed.is_empty() && a.removed.is_empty() {
        ui.label("No modification has changed.");
        return out;
    }
    let text_colour = ui.visuals().text_color();
    egui::ScrollArea::vertical()
        .id_salt("changes-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("changes")
                .striped(true)
                .num_columns(3)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for (i, c) in &changed {
                        let id = &plan.modifications[*i].id;
                        if ui.link(RichText::new(id).monospace()).clicked() {
                            out.select = Some(*i);
                        }
                        change_row_ui(ui, c, text_colour);
                    }
                    for c in &a.removed {
                        ui.label(
                            RichText::new(c.modification.as_deref().unwrap_or("")).monospace(),
                        );
                        change_row_ui(ui, c, text_colour);
                    }
                });
        });
    out
}

/// A change's text and how far it moved ("+22 wd", in the warning colour when later).
fn change_row_ui(ui: &mut Ui, c: &Change, text_colour: egui::Color32) {
    ui.label(&c.text);
    match c.working_days {
        Some(d) => {
            let colour = if d > 0 { theme::WARNING } else { text_colour };
            ui.colored_label(colour, format!("{d:+} wd"));
        }
        None => {
            ui.label("");
        }
    }
    ui.end_row();
}
