//! Dependencies both ways, as links, with what lifts each (and its lag); add and remove. Then the holds on events
//! outside the plan.

use egui::{ComboBox, DragValue, RichText, Ui};
use strum::IntoEnumIterator;

use super::DetailsOutput;
use crate::app::analysis::Analysis;
use crate::model::chain;
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
        ui.horizontal(|ui| {
            ui.label(d.kind.phrase());
            let link = ui.link(RichText::new(&d.on).monospace());
            if link.clicked()
                && let Some(j) = a.index.get(&d.on)
            {
                out.select = Some(j);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
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
        });
        if let Some(other) = a.index.get(&d.on).map(|j| &plan.modifications[j])
            && d.kind != DependencyKind::InParallelWith
        {
            let changed = ui
                .horizontal(|ui| {
                    ui.add_space(12.0);
                    ui.label("until");
                    dependency_detail_ui(ui, (mi, k), d, other)
                })
                .inner;
            if let Some((value, lag)) = changed {
                out.set(
                    Edit::Dependencies {
                        m: mi,
                        op: ListEdit::Set { index: k, value },
                    },
                    format!("Change the dependency of {} on {}", m.id, d.on),
                    // Steps of a dragged lag are one undo step.
                    lag.then(|| format!("dep-lag:{mi}:{k}")),
                );
            }
        }
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
        let kind_combo = ComboBox::from_id_salt(("dep-kind", mi))
            .selected_text(kind.phrase())
            .width(110.0)
            .show_ui(ui, |ui| {
                for kd in DependencyKind::iter() {
                    ui.selectable_value(&mut kind, kd, kd.phrase());
                }
            })
            .response
            .on_hover_text("Dependency kind");
        ui.ctx().accesskit_node_builder(kind_combo.id, |b| {
            b.set_label("Kind of the new dependency");
        });
        let on_combo = ComboBox::from_id_salt(("dep-on", mi))
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
        ui.ctx().accesskit_node_builder(on_combo.id, |b| {
            b.set_label("Modification it depends on");
        });
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
    ui.add_space(4.0);
    super::holds_ui::holds_ui(ui, plan, (m, mi), out);
}

/// What lifts an ordering dependency — the end of all the other's work, or one of its items (its Panel return, say)
/// — and, for finish-to-start, the lag. Returns the dependency as changed, and whether the lag is what changed.
fn dependency_detail_ui(
    ui: &mut Ui,
    (mi, k): (usize, usize),
    d: &Dependency,
    other: &Modification,
) -> Option<(Dependency, bool)> {
    let mut changed = None;
    let named = |id: &str| {
        chain::find_item(other, id)
            .map_or_else(|| format!("{id} (unknown)"), |i| i.name(other).to_owned())
    };
    let current = d.until.as_deref().map_or_else(
        || "its work ends".to_owned(),
        |id| format!("“{}”", named(id)),
    );
    let mut until = d.until.clone();
    // Leave room for the lag; a long item name is cut short here and whole in the menu.
    let room_px = if d.kind == DependencyKind::FinishToStart {
        70.0
    } else {
        8.0
    };
    let combo = ComboBox::from_id_salt(("dep-until", mi, k))
        .selected_text(current)
        .truncate()
        .width((ui.available_width() - room_px - 24.0).max(120.0))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut until, None, "its work ends");
            for item in chain::items(other) {
                let id = item.id(other);
                if !id.is_empty() {
                    ui.selectable_value(&mut until, Some(id.to_owned()), item.name(other));
                }
            }
        })
        .response
        .on_hover_text(
            "Until: what of the other modification lifts it (items without an id are named in the file first)",
        );
    let spoken = format!("What of {} lifts it", other.id);
    ui.ctx()
        .accesskit_node_builder(combo.id, |b| b.set_label(spoken));
    if until != d.until {
        changed = Some((Dependency { until, ..d.clone() }, false));
    }
    if d.kind == DependencyKind::FinishToStart {
        let mut lag = d.lag_days;
        let response = ui
            .add(
                DragValue::new(&mut lag)
                    .range(-60..=250)
                    .prefix("+")
                    .suffix(" wd"),
            )
            .on_hover_text("Working days after that before work here starts");
        let spoken = format!("Lag after {}", other.id);
        ui.ctx()
            .accesskit_node_builder(response.id, |b| b.set_label(spoken));
        if response.changed() && lag != d.lag_days {
            changed = Some((
                Dependency {
                    lag_days: lag,
                    ..d.clone()
                },
                true,
            ));
        }
    }
    changed
}
