//! Holds on events outside the plan (the DCC's approach to costs, a Proposer's decision): what is awaited, when it
//! is expected if anyone knows (and how precisely), add and remove. Each change is one undoable edit.

use egui::{RichText, Ui};

use super::DetailsOutput;
use super::fields::{date_field, precision_field, text_field};
use crate::model::edit::set_modification;
use crate::model::{Hold, Modification, Plan};

/// The "Waits for (outside the plan)" list of the selected modification.
pub(super) fn holds_ui(
    ui: &mut Ui,
    plan: &Plan,
    (m, mi): (&Modification, usize),
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Waits for (outside the plan)").strong())
        .on_hover_text(
            "Events the plan does not schedule: a hold with no expected date is flagged (hold_unresolved)",
        );
    let with_hold = |k: usize, hold: Hold| {
        let mut changed = m.clone();
        changed.holds[k] = hold;
        set_modification(mi, changed)
    };
    for (k, h) in m.holds.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("⏸");
                if let Some(event) = text_field(
                    ui,
                    &h.event,
                    ("hold-event", mi, k),
                    "What is awaited, e.g. the Proposer's decision",
                    (ui.available_width() - 40.0).max(60.0),
                ) {
                    out.set(
                        with_hold(k, Hold { event, ..h.clone() }),
                        format!("Edit what {} waits for", m.id),
                        Some(format!("hold:{mi}:{k}")),
                    );
                }
                if ui
                    .small_button("✖")
                    .on_hover_text("It no longer waits for this")
                    .clicked()
                {
                    let mut changed = m.clone();
                    changed.holds.remove(k);
                    out.set(
                        set_modification(mi, changed),
                        format!("Lift the hold of {} on “{}”", m.id, h.event),
                        None,
                    );
                }
            });
            ui.horizontal_wrapped(|ui| {
                let mut known = h.expected.is_some();
                if ui
                    .checkbox(&mut known, "Expected")
                    .on_hover_text("Untick when nobody knows when it will happen")
                    .changed()
                {
                    let expected = known.then_some(plan.meta.status_date);
                    let what = if known {
                        "Expect"
                    } else {
                        "No expected date for"
                    };
                    out.set(
                        with_hold(
                            k,
                            Hold {
                                expected,
                                ..h.clone()
                            },
                        ),
                        format!("{what} “{}” ({})", h.event, m.id),
                        None,
                    );
                }
                if let Some(day) = h.expected {
                    if let Some(d) = date_field(ui, day, &format!("hold-date-{mi}-{k}")) {
                        out.set(
                            with_hold(
                                k,
                                Hold {
                                    expected: Some(d),
                                    ..h.clone()
                                },
                            ),
                            format!("Expect “{}” on another day ({})", h.event, m.id),
                            None,
                        );
                    }
                    if let Some(p) = precision_field(ui, h.precision, ("hold-p", mi, k)) {
                        out.set(
                            with_hold(
                                k,
                                Hold {
                                    precision: p,
                                    ..h.clone()
                                },
                            ),
                            format!("Change the precision of “{}” ({})", h.event, m.id),
                            None,
                        );
                    }
                } else {
                    ui.label(RichText::new("not known").weak());
                }
            });
        });
    }
    if ui
        .button("+ Waits for an event")
        .on_hover_text("A hold on something outside the plan, e.g. a decision or a report")
        .clicked()
    {
        let mut changed = m.clone();
        changed.holds.push(Hold {
            event: "An event outside the plan".into(),
            ..Default::default()
        });
        out.set(
            set_modification(mi, changed),
            format!("Add a hold on an event to {}", m.id),
            None,
        );
    }
}
