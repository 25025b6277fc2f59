//! The side panel: everything about the selected modification, editable. Each change becomes an [`Edit`]; the
//! panel never touches the plan itself.

use egui::{ComboBox, RichText, TextEdit, Ui};
use egui_extras::DatePickerButton;
use jiff::civil::Date;

use super::analysis::Analysis;
use super::theme;
use crate::model::{
    Cost, Dependency, DependencyKind, Edit, ListEdit, Milestone, MilestoneKind, Modification,
    Owner, Plan, Precision, Status, WorkPackage, edit::rename_modification, edit::set_modification,
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
    fn set(&mut self, edit: Edit, label: impl Into<String>, merge_key: Option<String>) {
        self.edit = Some((edit, label.into(), merge_key));
    }
}

/// A one-line text field; returns the new text when the user changed it.
fn text_field(
    ui: &mut Ui,
    value: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    hint: &str,
    width: f32,
) -> Option<String> {
    let mut buf = value.to_owned();
    let response = ui
        .add(
            TextEdit::singleline(&mut buf)
                .id_salt(salt)
                .hint_text(hint)
                .desired_width(width),
        )
        .on_hover_text(hint);
    (response.changed() && buf != value).then_some(buf)
}

/// A multi-line text field; returns the new text when the user changed it.
fn text_area(
    ui: &mut Ui,
    value: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    hint: &str,
) -> Option<String> {
    let mut buf = value.to_owned();
    let response = ui
        .add(
            TextEdit::multiline(&mut buf)
                .id_salt(salt)
                .hint_text(hint)
                .desired_rows(2)
                .desired_width(ui.available_width() - 12.0),
        )
        .on_hover_text(hint);
    (response.changed() && buf != value).then_some(buf)
}

fn date_field(ui: &mut Ui, date: Date, salt: &str) -> Option<Date> {
    let mut d = date;
    let response = ui.add(
        DatePickerButton::new(&mut d)
            .id_salt(salt)
            .format("%-d %b %Y")
            .show_icon(false)
            .calendar_week(false),
    );
    (response.changed() && d != date).then_some(d)
}

fn precision_field(
    ui: &mut Ui,
    value: Precision,
    salt: impl std::hash::Hash + std::fmt::Debug,
) -> Option<Precision> {
    let mut v = value;
    ComboBox::from_id_salt(salt)
        .width(64.0)
        .selected_text(value.as_str())
        .show_ui(ui, |ui| {
            for p in Precision::ALL {
                ui.selectable_value(&mut v, p, p.as_str());
            }
        })
        .response
        .on_hover_text("Precision");
    (v != value).then_some(v)
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
        super::legend_ui::legend_grid_ui(ui);
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
            let warnings: Vec<_> = a.warnings_of(mi).collect();
            if !warnings.is_empty() {
                ui.separator();
                for w in warnings {
                    ui.colored_label(theme::WARNING, format!("⚠ {}", w.message));
                }
            }
            ui.separator();
            dependencies_ui(ui, plan, a, m, mi, &mut out);
            ui.separator();
            work_packages_ui(ui, plan, m, mi, &mut out);
            ui.separator();
            milestones_ui(ui, plan, a, m, mi, &mut out);
            ui.separator();
            costs_risks_notes_ui(ui, m, mi, &mut out);
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
            ui.label("Status");
            let mut status = m.status;
            ComboBox::from_id_salt(("status", mi))
                .selected_text(status.label())
                .show_ui(ui, |ui| {
                    for s in Status::ALL {
                        ui.selectable_value(&mut status, s, s.label());
                    }
                })
                .response
                .on_hover_text("Status");
            if status != m.status {
                let mut x = m.clone();
                x.status = status;
                out.set(
                    set_modification(mi, x),
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

fn costs_risks_notes_ui(ui: &mut Ui, m: &Modification, mi: usize, out: &mut DetailsOutput) {
    ui.label(RichText::new("Costs").weak());
    for (k, c) in m.costs.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let mut changed: Option<Cost> = None;
            if let Some(item) = text_field(ui, &c.item, ("cost-item", mi, k), "What for", 110.0) {
                changed = Some(Cost { item, ..c.clone() });
            }
            ui.label("£");
            let mut amount = c.amount_gbp.unwrap_or(0);
            if ui
                .add(egui::DragValue::new(&mut amount).speed(100.0))
                .on_hover_text("Amount in pounds")
                .changed()
            {
                changed = Some(Cost {
                    amount_gbp: (amount > 0).then_some(amount),
                    ..c.clone()
                });
            }
            let mut approx = c.approximate;
            if ui.checkbox(&mut approx, "circa").changed() {
                changed = Some(Cost {
                    approximate: approx,
                    ..c.clone()
                });
            }
            let remove = ui
                .small_button("✖")
                .on_hover_text("Remove this cost")
                .clicked();
            if changed.is_some() || remove {
                let mut x = m.clone();
                if remove {
                    x.costs.remove(k);
                } else if let Some(c) = changed {
                    x.costs[k] = c;
                }
                out.set(
                    set_modification(mi, x),
                    format!("Edit costs of {}", m.id),
                    Some(format!("cost:{mi}:{k}")),
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
            if edited.is_some() || remove {
                let mut x = m.clone();
                match edited {
                    Some(text) if !remove => x.risks[k] = text,
                    _ => {
                        x.risks.remove(k);
                    }
                }
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

fn text_area_narrow(
    ui: &mut Ui,
    value: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
) -> Option<String> {
    let mut buf = value.to_owned();
    let response = ui
        .add(
            TextEdit::multiline(&mut buf)
                .id_salt(salt)
                .desired_rows(1)
                .desired_width((ui.available_width() - 40.0).max(60.0)),
        )
        .on_hover_text("Risk");
    (response.changed() && buf != value).then_some(buf)
}

fn work_packages_ui(
    ui: &mut Ui,
    plan: &Plan,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Work packages").strong());
    for (w, wp) in m.work_packages.iter().enumerate() {
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
            ui.horizontal_wrapped(|ui| {
                ui.label("From");
                if let Some(d) = date_field(ui, wp.start, &format!("wp-start-{mi}-{w}")) {
                    set(
                        out,
                        WorkPackage {
                            start: d,
                            ..wp.clone()
                        },
                        "Change start",
                        false,
                    );
                }
                if let Some(p) = precision_field(ui, wp.start_precision, ("wp-sp", mi, w)) {
                    set(
                        out,
                        WorkPackage {
                            start_precision: p,
                            ..wp.clone()
                        },
                        "Change start precision",
                        false,
                    );
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("To   ");
                if let Some(d) = date_field(ui, wp.end, &format!("wp-end-{mi}-{w}")) {
                    set(
                        out,
                        WorkPackage {
                            end: d,
                            ..wp.clone()
                        },
                        "Change end",
                        false,
                    );
                }
                if let Some(p) = precision_field(ui, wp.end_precision, ("wp-ep", mi, w)) {
                    set(
                        out,
                        WorkPackage {
                            end_precision: p,
                            ..wp.clone()
                        },
                        "Change end precision",
                        false,
                    );
                }
            });
            ui.horizontal_wrapped(|ui| {
                let mut owner = wp.owner;
                ComboBox::from_id_salt(("wp-owner", mi, w))
                    .selected_text(owner.label())
                    .show_ui(ui, |ui| {
                        for o in Owner::ALL {
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
    if ui.button("+ Work package").clicked() {
        let start = m
            .work_end()
            .map_or(plan.meta.status_date, |e| crate::model::add_days(e, 1));
        let start = plan.calendar.working_day_on_or_after(start);
        let value = WorkPackage {
            name: "New work package".into(),
            start,
            start_precision: Precision::Exact,
            end: plan.calendar.add_working_days(start, 9),
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
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

fn milestones_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Milestones").strong());
    for (k, x) in m.milestones.iter().enumerate() {
        let set = |out: &mut DetailsOutput, value: Milestone, what: &str, merge: bool| {
            out.set(
                Edit::Milestones {
                    m: mi,
                    op: ListEdit::Set { index: k, value },
                },
                format!("{what} of “{}” ({})", x.label, m.id),
                merge.then(|| format!("ms:{mi}:{k}:{what}")),
            );
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                let mut done = x.done;
                if ui.checkbox(&mut done, "").on_hover_text("Done").changed() {
                    set(out, Milestone { done, ..x.clone() }, "Mark done", false);
                }
                if let Some(label) = text_field(
                    ui,
                    &x.label,
                    ("ms-label", mi, k),
                    "Label",
                    (ui.available_width() - 40.0).max(60.0),
                ) {
                    set(out, Milestone { label, ..x.clone() }, "Relabel", true);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this milestone")
                    .clicked()
                {
                    out.set(
                        Edit::Milestones {
                            m: mi,
                            op: ListEdit::Remove { index: k },
                        },
                        format!("Remove “{}” ({})", x.label, m.id),
                        None,
                    );
                }
            });
            ui.horizontal_wrapped(|ui| {
                let mut kind = x.kind;
                ComboBox::from_id_salt(("ms-kind", mi, k))
                    .selected_text(kind.label())
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for kd in MilestoneKind::ALL {
                            ui.selectable_value(&mut kind, kd, kd.label());
                        }
                    })
                    .response
                    .on_hover_text("Milestone kind");
                if kind != x.kind {
                    set(out, Milestone { kind, ..x.clone() }, "Change kind", false);
                }
                if let Some(d) = date_field(ui, x.date, &format!("ms-date-{mi}-{k}")) {
                    set(
                        out,
                        Milestone {
                            date: d,
                            ..x.clone()
                        },
                        "Change date",
                        false,
                    );
                }
                if let Some(p) = precision_field(ui, x.precision, ("ms-p", mi, k)) {
                    set(
                        out,
                        Milestone {
                            precision: p,
                            ..x.clone()
                        },
                        "Change precision",
                        false,
                    );
                }
            });
            if let Some(meeting) = x
                .kind
                .meeting_kind()
                .and_then(|kind| a.schedule.on(x.date, kind))
            {
                ui.label(RichText::new(format!("At {}", meeting.name)).weak().small());
            }
        });
    }
    if ui.button("+ Milestone").clicked() {
        let date = a
            .schedule
            .next_on_or_after(plan.meta.status_date, crate::model::MeetingKind::Panel)
            .map_or(plan.meta.status_date, |p| p.date);
        let value = Milestone {
            kind: MilestoneKind::PanelReturn,
            date,
            precision: Precision::Exact,
            label: format!("Panel {}", date.strftime("%B %Y")),
            done: false,
        };
        out.set(
            Edit::Milestones {
                m: mi,
                op: ListEdit::Insert {
                    index: m.milestones.len(),
                    value,
                },
            },
            format!("Add a milestone to {}", m.id),
            None,
        );
    }
}

fn dependencies_ui(
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
                for kd in DependencyKind::ALL {
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
