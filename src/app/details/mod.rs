//! The side panel: everything about the selected modification, editable. Each change becomes an [`Edit`]; the
//! panel never touches the plan itself. One file per section.

mod chain_ui;
mod costs_ui;
mod dependencies_ui;
pub(crate) mod fields;
mod holds_ui;
mod links_ui;
mod milestones_ui;
mod progress_ui;
mod work_packages_ui;

use egui::{ComboBox, RichText, TextEdit, Ui};
use strum::IntoEnumIterator;

use fields::{text_area, text_field};

use crate::app::analysis::Analysis;
use crate::app::theme;
use crate::model::{
    Edit, Modification, Plan, Status, edit::rename_modification, edit::set_modification,
    format_date,
};

/// An edit with its undo label and, for typing, a merge key.
pub type LabelledEdit = (Edit, String, Option<String>);

/// What the panel asks the app to do.
#[derive(Debug, Default)]
pub struct DetailsOutput {
    /// Apply this edit.
    pub edit: Option<LabelledEdit>,
    /// Select this modification (a dependency link was clicked).
    pub select: Option<usize>,
}

impl DetailsOutput {
    pub(super) fn set(&mut self, edit: Edit, label: impl Into<String>, merge_key: Option<String>) {
        self.edit = Some((edit, label.into(), merge_key));
    }
}

/// The details panel for one frame.
pub fn details_panel_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    selected: Option<usize>,
) -> DetailsOutput {
    let mut out = DetailsOutput::default();
    let Some(mi) = selected.filter(|&i| i < plan.modifications.len()) else {
        ui.add_space(8.0);
        ui.heading(&plan.meta.title);
        ui.label(
            RichText::new(format!(
                "{} · status date {}",
                plan.meta.paper_ref,
                format_date(plan.meta.status_date)
            ))
            .weak(),
        );
        ui.add_space(8.0);
        ui.label("Select a modification — click its row or a bar — to see and edit its details.");
        ui.add_space(8.0);
        crate::app::legend_ui::legend_grid_ui(ui);
        return out;
    };
    let m = &plan.modifications[mi];
    egui::ScrollArea::vertical()
        .id_salt("details-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, plan, m, mi, &mut out);
            ui.separator();
            fields_ui(ui, plan, m, mi, &mut out);
            progress_ui::closing_ui(ui, plan, m, mi, &mut out);
            let warnings: Vec<_> = a.warnings_of(mi).collect();
            if !warnings.is_empty() {
                ui.separator();
                for w in warnings {
                    ui.colored_label(theme::WARNING, format!("⚠ {}", w.message));
                }
            }
            ui.separator();
            dependencies_ui::dependencies_ui(ui, plan, a, m, mi, &mut out);
            ui.separator();
            work_packages_ui::work_packages_ui(ui, plan, m, mi, &mut out);
            ui.separator();
            milestones_ui::milestones_ui(ui, plan, a, m, mi, &mut out);
            ui.separator();
            chain_ui::why_ui(ui, plan, a, m, mi, &mut out);
            ui.separator();
            costs_ui::costs_risks_notes_ui(ui, m, mi, &mut out);
            ui.add_space(12.0);
            if ui.button("🗑 Delete this modification").clicked() {
                out.set(
                    crate::model::edit::remove_modification(plan, mi),
                    format!("Delete {}", m.id),
                    None,
                );
            }
        });
    out
}

fn header_ui(ui: &mut Ui, plan: &Plan, m: &Modification, mi: usize, out: &mut DetailsOutput) {
    ui.horizontal_wrapped(|ui| {
        // The id is committed on Enter or when the field loses focus: half-typed ids would clash.
        let id = egui::Id::unique(("details-id-buffer", mi));
        let mut buf: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| m.id.clone());
        let response = ui
            .add(
                TextEdit::singleline(&mut buf)
                    .id_salt(("id", mi))
                    .font(egui::TextStyle::Monospace)
                    .desired_width(100.0),
            )
            .on_hover_text("Modification id (Enter renames it everywhere)");
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(id, buf.clone()));
        }
        if response.lost_focus() {
            ui.data_mut(|d| d.remove::<String>(id));
            if buf != m.id
                && !buf.trim().is_empty()
                && let Some(edit) = rename_modification(plan, mi, buf.trim())
            {
                out.set(edit, format!("Rename {} to {}", m.id, buf.trim()), None);
            }
        } else if !response.has_focus() && buf != m.id {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        ui.label(RichText::new(m.status.label()).color(theme::ACCENT));
    });
    if let Some(title) = text_field(
        ui,
        &m.title,
        ("title", mi),
        "Title",
        ui.available_width() - 12.0,
    ) {
        let mut x = m.clone();
        x.title = title;
        out.set(
            set_modification(mi, x),
            format!("Edit title of {}", m.id),
            Some(format!("title:{mi}")),
        );
    }
    ui.label(RichText::new("Summary").weak());
    if let Some(summary) = text_area(
        ui,
        &m.summary,
        ("summary", mi),
        "One paragraph: what it proposes",
    ) {
        let mut x = m.clone();
        x.summary = summary;
        out.set(
            set_modification(mi, x),
            format!("Edit summary of {}", m.id),
            Some(format!("summary:{mi}")),
        );
    }
}

fn fields_ui(ui: &mut Ui, plan: &Plan, m: &Modification, mi: usize, out: &mut DetailsOutput) {
    egui::Grid::new(("fields", mi))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let label = ui.label("Status");
            let mut status = m.status;
            ComboBox::from_id_salt(("status", mi))
                .selected_text(status.label())
                .show_ui(ui, |ui| {
                    for s in Status::iter() {
                        ui.selectable_value(&mut status, s, s.label());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Status: the whole SEC path, from Draft Proposal to implemented or closed",
                );
            if status != m.status {
                out.set(
                    progress_ui::status_edit(plan, m, mi, status),
                    format!("Set status of {} to {}", m.id, status.label()),
                    None,
                );
            }
            ui.end_row();

            ui.label("Proposer");
            if let Some(p) = text_field(
                ui,
                m.proposer.as_deref().unwrap_or(""),
                ("proposer", mi),
                "not known",
                (ui.available_width() - 8.0).clamp(60.0, 180.0),
            ) {
                let mut x = m.clone();
                x.proposer = (!p.trim().is_empty()).then_some(p);
                out.set(
                    set_modification(mi, x),
                    format!("Edit proposer of {}", m.id),
                    Some(format!("proposer:{mi}")),
                );
            }
            ui.end_row();

            ui.label("Group");
            let mut group = m.group.clone();
            let group_name = |g: &Option<String>| {
                g.as_deref().map_or("none".to_owned(), |id| {
                    plan.group(id).map_or(id.to_owned(), |g| g.name.clone())
                })
            };
            ComboBox::from_id_salt(("group", mi))
                .selected_text(group_name(&group))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut group, None, "none");
                    for g in &plan.groups {
                        ui.selectable_value(&mut group, Some(g.id.clone()), &g.name);
                    }
                })
                .response
                .on_hover_text("Group");
            if group != m.group {
                let mut x = m.clone();
                x.group = group;
                out.set(
                    set_modification(mi, x),
                    format!("Change group of {}", m.id),
                    None,
                );
            }
            ui.end_row();

            ui.label("Target release");
            let mut release = m.target_release.clone();
            let release_name = |r: &Option<String>| {
                r.as_deref().map_or("none".to_owned(), |id| {
                    plan.release(id).map_or(id.to_owned(), |r| r.name.clone())
                })
            };
            ComboBox::from_id_salt(("release", mi))
                .selected_text(release_name(&release))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut release, None, "none");
                    for r in &plan.releases {
                        ui.selectable_value(&mut release, Some(r.id.clone()), &r.name);
                    }
                })
                .response
                .on_hover_text("Target release");
            if release != m.target_release {
                let mut x = m.clone();
                x.target_release = release;
                out.set(
                    set_modification(mi, x),
                    format!("Change target release of {}", m.id),
                    None,
                );
            }
            ui.end_row();
        });
}
