//! The work packages of a modification: name, dates with precision, owner, notes; add and remove.

use egui::{ComboBox, RichText, Ui};
use strum::IntoEnumIterator;

use super::DetailsOutput;
use super::fields::*;
use crate::app::theme;
use crate::model::chain::Item;
use crate::model::{Edit, ListEdit, Modification, Owner, Plan, Precision, WorkPackage};

pub(super) fn work_packages_ui(
    ui: &mut Ui,
    plan: &Plan,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Work packages").strong());
    for (w, wp) in m.work_packages.iter().enumerate() {
        work_package_ui(ui, plan, (m, mi), (w, wp), out);
    }
    if ui.button("+ Work package").clicked() {
        let start = m
            .work_end()
            .map_or(plan.meta.status_date, |e| crate::model::add_days(e, 1));
        let start = plan.calendar.working_day_on_or_after(start);
        let value = WorkPackage {
            name: "New work package".into(),
            short_name: None,
            start,
            start_precision: Precision::Exact,
            end: plan.calendar.add_working_days(start, 9),
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
            ..Default::default()
        };
        out.set(
            Edit::WorkPackages {
                m: mi,
                op: ListEdit::Insert {
                    index: m.work_packages.len(),
                    value,
                },
            },
            format!("Add a work package to {}", m.id),
            None,
        );
    }
}

/// One work package as a card: name and remove, dates with precision, owner and length, notes.
fn work_package_ui(
    ui: &mut Ui,
    plan: &Plan,
    (m, mi): (&Modification, usize),
    (w, wp): (usize, &WorkPackage),
    out: &mut DetailsOutput,
) {
    let set = |out: &mut DetailsOutput, value: WorkPackage, what: &str, merge: bool| {
        out.set(
            Edit::WorkPackages {
                m: mi,
                op: ListEdit::Set { index: w, value },
            },
            format!("{what} of “{}” ({})", wp.name, m.id),
            merge.then(|| format!("wp:{mi}:{w}:{what}")),
        );
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            let swatch = egui::Rect::from_min_size(
                ui.cursor().min + egui::vec2(0.0, 4.0),
                egui::vec2(10.0, 10.0),
            );
            ui.painter()
                .rect_filled(swatch, 2.0, theme::owner_colour(wp.owner));
            ui.add_space(14.0);
            if let Some(name) = text_field(
                ui,
                &wp.name,
                ("wp-name", mi, w),
                "Name",
                (ui.available_width() - 40.0).max(60.0),
            ) {
                set(out, WorkPackage { name, ..wp.clone() }, "Rename", true);
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this work package")
                .clicked()
            {
                out.set(
                    Edit::WorkPackages {
                        m: mi,
                        op: ListEdit::Remove { index: w },
                    },
                    format!("Remove “{}” ({})", wp.name, m.id),
                    None,
                );
            }
        });
        let short = wp.short_name.as_deref().unwrap_or("");
        if let Some(text) = text_field(
            ui,
            short,
            ("wp-short", mi, w),
            "Short form, shown where the name does not fit (e.g. DCC PA)",
            ui.available_width() - 12.0,
        ) {
            let short_name = (!text.trim().is_empty()).then_some(text);
            set(
                out,
                WorkPackage {
                    short_name,
                    ..wp.clone()
                },
                "Edit short form",
                true,
            );
        }
        if let Some((value, what)) = dates_ui(ui, wp, (mi, w)) {
            set(out, value, what, false);
        }
        super::links_ui::follows_ui(ui, (m, mi), Item::WorkPackage(w), out);
        super::progress_ui::work_package_progress_ui(ui, (m, mi), (wp, w), out);
        ui.horizontal_wrapped(|ui| {
            let mut owner = wp.owner;
            ComboBox::from_id_salt(("wp-owner", mi, w))
                .selected_text(owner.label())
                .show_ui(ui, |ui| {
                    for o in Owner::iter() {
                        ui.selectable_value(&mut owner, o, o.label());
                    }
                })
                .response
                .on_hover_text("Owner");
            if owner != wp.owner {
                set(
                    out,
                    WorkPackage {
                        owner,
                        ..wp.clone()
                    },
                    "Change owner",
                    false,
                );
            }
            ui.label(
                RichText::new(format!(
                    "{} working days",
                    plan.calendar.working_days_in(wp.start, wp.end)
                ))
                .weak(),
            );
        });
        if let Some(notes) = text_field(
            ui,
            &wp.notes,
            ("wp-notes", mi, w),
            "Notes",
            ui.available_width() - 12.0,
        ) {
            set(
                out,
                WorkPackage {
                    notes,
                    ..wp.clone()
                },
                "Edit notes",
                true,
            );
        }
    });
}

/// The From and To lines of a work package: dates and their precision. Returns the package as changed, and what
/// changed.
fn dates_ui(
    ui: &mut Ui,
    wp: &WorkPackage,
    (mi, w): (usize, usize),
) -> Option<(WorkPackage, &'static str)> {
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("From");
        // Links decide when it starts; its end (its length) stays the planner's.
        let start = ui.add_enabled_ui(!wp.is_automatic(), |ui| {
            date_field(ui, wp.start, &format!("wp-start-{mi}-{w}"))
        });
        start.response.on_disabled_hover_text(
            "Set by what it follows: pin it, or unlink it, to set it by hand",
        );
        if let Some(start) = start.inner {
            changed = Some((
                WorkPackage {
                    start,
                    ..wp.clone()
                },
                "Change start",
            ));
        }
        if let Some(p) = precision_field(ui, wp.start_precision, ("wp-sp", mi, w)) {
            let value = WorkPackage {
                start_precision: p,
                ..wp.clone()
            };
            changed = Some((value, "Change start precision"));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("To   ");
        if let Some(end) = date_field(ui, wp.end, &format!("wp-end-{mi}-{w}")) {
            changed = Some((WorkPackage { end, ..wp.clone() }, "Change end"));
        }
        if let Some(p) = precision_field(ui, wp.end_precision, ("wp-ep", mi, w)) {
            let value = WorkPackage {
                end_precision: p,
                ..wp.clone()
            };
            changed = Some((value, "Change end precision"));
        }
    });
    changed
}
