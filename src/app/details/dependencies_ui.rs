//! Dependencies both ways, as links; add and remove.

use egui::{ComboBox, RichText, Ui};
use strum::IntoEnumIterator;

use super::DetailsOutput;
use crate::app::analysis::Analysis;
use crate::model::{Dependency, DependencyKind, Edit, ListEdit, Modification, Plan};

pub(super) fn dependencies_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Dependencies").strong());
    for (k, d) in m.dependencies.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(d.kind.phrase());
            let link = ui.link(RichText::new(&d.on).monospace());
            if link.clicked()
                && let Some(j) = a.index.get(&d.on)
            {
                out.select = Some(j);
            }
            if d.lag_days != 0 {
                ui.label(format!("+{} working days", d.lag_days));
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this dependency")
                .clicked()
            {
                out.set(
                    Edit::Dependencies {
                        m: mi,
                        op: ListEdit::Remove { index: k },
                    },
                    format!("Remove dependency of {} on {}", m.id, d.on),
                    None,
                );
            }
        });
    }
    // The other direction: who depends on this one.
    for &(j, k) in a.referenced_by.get(mi).into_iter().flatten() {
        let (other, d) = (
            &plan.modifications[j],
            &plan.modifications[j].dependencies[k],
        );
        ui.horizontal_wrapped(|ui| {
            if ui.link(RichText::new(&other.id).monospace()).clicked() {
                out.select = Some(j);
            }
            ui.label(d.kind.reverse_phrase());
        });
    }
    // Add a dependency.
    ui.horizontal_wrapped(|ui| {
        let state_id = egui::Id::unique(("add-dependency", mi));
        let (mut kind, mut on): (DependencyKind, String) = ui
            .data(|data| data.get_temp(state_id))
            .unwrap_or((DependencyKind::OnHoldPending, String::new()));
        ComboBox::from_id_salt(("dep-kind", mi))
            .selected_text(kind.phrase())
            .width(110.0)
            .show_ui(ui, |ui| {
                for kd in DependencyKind::iter() {
                    ui.selectable_value(&mut kind, kd, kd.phrase());
                }
            })
            .response
            .on_hover_text("Dependency kind");
        ComboBox::from_id_salt(("dep-on", mi))
            .selected_text(if on.is_empty() {
                "choose…"
            } else {
                on.as_str()
            })
            .width(100.0)
            .show_ui(ui, |ui| {
                for other in plan.modifications.iter().filter(|o| o.id != m.id) {
                    ui.selectable_value(&mut on, other.id.clone(), &other.id);
                }
            })
            .response
            .on_hover_text("Depends on");
        if ui
            .add_enabled(!on.is_empty(), egui::Button::new("Add"))
            .clicked()
        {
            out.set(
                Edit::Dependencies {
                    m: mi,
                    op: ListEdit::Insert {
                        index: m.dependencies.len(),
                        value: Dependency {
                            kind,
                            on: on.clone(),
                            lag_days: 0,
                            notes: String::new(),
                            ..Default::default()
                        },
                    },
                },
                format!("{} {} {}", m.id, kind.phrase(), on),
                None,
            );
            on.clear();
        }
        ui.data_mut(|data| data.insert_temp(state_id, (kind, on)));
    });
}
