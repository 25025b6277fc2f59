//! Costs, risks and notes of a modification.

use egui::{RichText, Ui};

use super::DetailsOutput;
use super::fields::*;
use crate::model::{Cost, Modification, edit::set_modification};

pub(super) fn costs_risks_notes_ui(
    ui: &mut Ui,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Costs").weak());
    for (k, c) in m.costs.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            // Each kind of change is its own undo step: typing in the item field, or dragging the amount, merges
            // into one; a click (circa, remove) never merges with anything.
            let mut changed: Option<(Cost, Option<&str>)> = None;
            if let Some(item) = text_field(ui, &c.item, ("cost-item", mi, k), "What for", 110.0) {
                changed = Some((Cost { item, ..c.clone() }, Some("item")));
            }
            ui.label("£");
            let mut amount = c.amount_gbp.unwrap_or(0);
            if ui
                .add(egui::DragValue::new(&mut amount).speed(100.0))
                .on_hover_text("Amount in pounds")
                .changed()
            {
                let value = Cost {
                    amount_gbp: (amount > 0).then_some(amount),
                    ..c.clone()
                };
                changed = Some((value, Some("amount")));
            }
            let mut approx = c.approximate;
            if ui.checkbox(&mut approx, "circa").changed() {
                let value = Cost {
                    approximate: approx,
                    ..c.clone()
                };
                changed = Some((value, None));
            }
            let remove = ui
                .small_button("✖")
                .on_hover_text("Remove this cost")
                .clicked();
            if remove {
                let mut x = m.clone();
                x.costs.remove(k);
                out.set(
                    set_modification(mi, x),
                    format!("Remove a cost from {}", m.id),
                    None,
                );
            } else if let Some((value, field)) = changed {
                let mut x = m.clone();
                x.costs[k] = value;
                out.set(
                    set_modification(mi, x),
                    format!("Edit costs of {}", m.id),
                    field.map(|f| format!("cost:{mi}:{k}:{f}")),
                );
            }
        });
        if !c.notes.is_empty() {
            ui.label(RichText::new(&c.notes).small().weak());
        }
    }
    if ui.small_button("+ Cost").clicked() {
        let mut x = m.clone();
        x.costs.push(Cost {
            item: "Impact Assessment".into(),
            amount_gbp: None,
            approximate: false,
            notes: String::new(),
        });
        out.set(
            set_modification(mi, x),
            format!("Add a cost to {}", m.id),
            None,
        );
    }

    ui.label(RichText::new("Risks").weak());
    for (k, r) in m.risks.iter().enumerate() {
        ui.horizontal(|ui| {
            let edited = text_area_narrow(ui, r, ("risk", mi, k));
            let remove = ui
                .small_button("✖")
                .on_hover_text("Remove this risk")
                .clicked();
            if remove {
                let mut x = m.clone();
                x.risks.remove(k);
                out.set(
                    set_modification(mi, x),
                    format!("Remove a risk from {}", m.id),
                    None,
                );
            } else if let Some(text) = edited {
                let mut x = m.clone();
                x.risks[k] = text;
                out.set(
                    set_modification(mi, x),
                    format!("Edit risks of {}", m.id),
                    Some(format!("risk:{mi}:{k}")),
                );
            }
        });
    }
    if ui.small_button("+ Risk").clicked() {
        let mut x = m.clone();
        x.risks.push(String::new());
        out.set(
            set_modification(mi, x),
            format!("Add a risk to {}", m.id),
            None,
        );
    }

    ui.label(RichText::new("Notes").weak());
    if let Some(notes) = text_area(ui, &m.notes, ("notes", mi), "Notes") {
        let mut x = m.clone();
        x.notes = notes;
        out.set(
            set_modification(mi, x),
            format!("Edit notes of {}", m.id),
            Some(format!("notes:{mi}")),
        );
    }
}
