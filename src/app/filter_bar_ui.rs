//! Filter and search: by text, status, group, owner (and meeting, from the meetings panel). The timeline, and
//! presentation mode, show only the rows that pass.

use egui::{ComboBox, RichText, TextEdit, Ui};
use strum::IntoEnumIterator;

use crate::model::filter::RowFilter;
use crate::model::{Owner, Plan, Status};

/// The filter controls, inline; edits `filter` in place.
pub fn filter_bar_ui(ui: &mut Ui, plan: &Plan, filter: &mut RowFilter, shown: usize, total: usize) {
    ui.add(
        TextEdit::singleline(&mut filter.text)
            .id_salt("filter-text")
            .hint_text("Search…")
            .desired_width(130.0),
    )
    .on_hover_text("Search ids, titles, summaries and notes");
    let status_text = filter.status.map_or("Any status", Status::label);
    ComboBox::from_id_salt("filter-status")
        .selected_text(status_text)
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.status, None, "Any status");
            for s in Status::iter() {
                ui.selectable_value(&mut filter.status, Some(s), s.label());
            }
        })
        .response
        .on_hover_text("Status filter");
    if !plan.groups.is_empty() {
        let group_text = filter.group.as_deref().map_or("Any group".to_owned(), |g| {
            plan.group(g).map_or(g.to_owned(), |g| g.name.clone())
        });
        ComboBox::from_id_salt("filter-group")
            .selected_text(group_text)
            .width(100.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.group, None, "Any group");
                for g in &plan.groups {
                    ui.selectable_value(&mut filter.group, Some(g.id.clone()), &g.name);
                }
            })
            .response
            .on_hover_text("Group filter");
    }
    ComboBox::from_id_salt("filter-owner")
        .selected_text(filter.owner.map_or("Any owner", Owner::label))
        .width(100.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.owner, None, "Any owner");
            for o in Owner::iter() {
                ui.selectable_value(&mut filter.owner, Some(o), o.label());
            }
        })
        .response
        .on_hover_text("Owner filter: modifications with a work package of this owner");
    if filter.narrows() {
        ui.label(RichText::new(format!("{shown} of {total}")).strong());
        if ui.small_button("Clear filter").clicked() {
            *filter = filter.without_criteria();
        }
    }
}
