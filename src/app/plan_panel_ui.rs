//! The "Plan" tab: what belongs to the plan as a whole rather than to one modification — the paper's title,
//! reference, status date and author; one-off meetings (confirm a date, add, remove, and ✏ for the meeting editor:
//! name, kind, notice rule); monthly meeting series (how long each runs, ✏ to skip a month); releases and their
//! cut-off Panels; groups (rename, add, remove, members). Every change is returned as an edit, one undo step each.

use egui::{ComboBox, RichText, Ui};

use super::analysis::Analysis;
use super::details::LabelledEdit;
use super::details::fields::{date_field, text_field};
use super::meeting_edit_ui::meeting_day_ui;
use crate::model::{
    Edit, Group, ListEdit, Meeting, MeetingKind, Plan, PlanMeta, Precision, Release, add_days,
    edit::set_modification,
};

/// What the Plan tab asks the app to do.
#[derive(Debug, Default)]
pub struct PlanPanelOutput {
    /// Apply this edit.
    pub edit: Option<LabelledEdit>,
    /// Open the editor of this meeting or series (by id).
    pub edit_meeting: Option<String>,
}

/// The Plan tab for one frame.
pub fn plan_panel_ui(ui: &mut Ui, plan: &Plan, a: &Analysis) -> PlanPanelOutput {
    let mut out = PlanPanelOutput::default();
    egui::ScrollArea::vertical()
        .id_salt("plan-panel")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let sections: [(&str, Section); 4] = [
                ("Paper", paper_ui),
                ("Meetings", meetings_ui),
                ("Releases", releases_ui),
                ("Groups", groups_ui),
            ];
            ui.columns(sections.len(), |columns| {
                for ((heading, section), ui) in sections.into_iter().zip(columns) {
                    ui.label(RichText::new(heading).strong());
                    section(ui, plan, a, &mut out);
                }
            });
        });
    out
}

type Section = fn(&mut Ui, &Plan, &Analysis, &mut PlanPanelOutput);

/// A small ✏ button that opens the meeting editor for `id`.
fn edit_meeting_button_ui(ui: &mut Ui, id: &str, name: &str, out: &mut PlanPanelOutput) {
    let response = ui.small_button("✏").on_hover_text(format!("Edit {name}…"));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Edit {name}"))
    });
    if response.clicked() {
        out.edit_meeting = Some(id.to_owned());
    }
}

/// A name in `width_px`, left-aligned, cut with "…" when too long and shown whole on hover.
fn name_label_ui(ui: &mut Ui, text: &str, width_px: f32) {
    let size = egui::vec2(width_px, ui.spacing().interact_size.y);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_width(width_px);
        ui.add(egui::Label::new(text).truncate())
            .on_hover_text(text);
    });
}

/// A text field's width: what the column has left after `beside_px` for the controls beside it.
fn field_width(ui: &Ui, beside_px: f32) -> f32 {
    (ui.available_width() - beside_px - 12.0).max(60.0)
}

/// Title, paper reference, status date and author.
fn paper_ui(ui: &mut Ui, plan: &Plan, _a: &Analysis, out: &mut PlanPanelOutput) {
    let meta = &plan.meta;
    let mut set = |value: PlanMeta, what: &str, merge: bool| {
        out.edit = Some((
            Edit::Meta(value),
            format!("Change the plan's {what}"),
            merge.then(|| format!("meta:{what}")),
        ));
    };
    let width = field_width(ui, 90.0);
    egui::Grid::new("plan-meta").num_columns(2).show(ui, |ui| {
        ui.label("Title");
        if let Some(title) = text_field(ui, &meta.title, "plan-title", "Title", width) {
            set(
                PlanMeta {
                    title,
                    ..meta.clone()
                },
                "title",
                true,
            );
        }
        ui.end_row();
        ui.label("Paper");
        if let Some(paper_ref) =
            text_field(ui, &meta.paper_ref, "plan-ref", "Paper reference", width)
        {
            set(
                PlanMeta {
                    paper_ref,
                    ..meta.clone()
                },
                "paper reference",
                true,
            );
        }
        ui.end_row();
        ui.label("Status date");
        if let Some(status_date) = date_field(ui, meta.status_date, "plan-status-date") {
            set(
                PlanMeta {
                    status_date,
                    ..meta.clone()
                },
                "status date",
                false,
            );
        }
        ui.end_row();
        ui.label("Author");
        if let Some(author) = text_field(ui, &meta.author, "plan-author", "Author", width) {
            set(
                PlanMeta {
                    author,
                    ..meta.clone()
                },
                "author",
                true,
            );
        }
        ui.end_row();
    });
}

/// One-off meetings (date, approximate, edit, remove, add) and how long each monthly series runs.
fn meetings_ui(ui: &mut Ui, plan: &Plan, _a: &Analysis, out: &mut PlanPanelOutput) {
    let mut edit = None;
    for (i, m) in plan.meetings.iter().enumerate() {
        ui.horizontal(|ui| {
            let set = |value: Meeting, what: &str| {
                (
                    Edit::Meetings(ListEdit::Set { index: i, value }),
                    format!("{what} {}", m.name),
                    None,
                )
            };
            // The name gives way to the controls: a long one is cut, and shown whole on hover.
            let name_px = (ui.available_width() - 245.0).max(40.0);
            name_label_ui(ui, &m.name, name_px);
            edit_meeting_button_ui(ui, &m.id, &m.name, out);
            if let Some((value, what)) =
                meeting_day_ui(ui, m, &format!("meeting-date-{i}"), "approx.")
            {
                edit = Some(set(value, what));
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this meeting")
                .clicked()
            {
                edit = Some((
                    Edit::Meetings(ListEdit::Remove { index: i }),
                    format!("Remove {}", m.name),
                    None,
                ));
            }
        });
    }
    ui.horizontal(|ui| {
        if ui.small_button("+ Panel meeting").clicked() {
            edit = Some(new_meeting(plan, MeetingKind::Panel));
        }
        if ui
            .small_button("+ Other meeting")
            .on_hover_text(
                "A standalone Working Group, a Sub-Committee, any other meeting: ✏ sets its kind",
            )
            .clicked()
        {
            let added = new_meeting(plan, MeetingKind::Other);
            if let Edit::Meetings(ListEdit::Insert { value, .. }) = &added.0 {
                out.edit_meeting = Some(value.id.clone());
            }
            edit = Some(added);
        }
    });
    for (i, s) in plan.meeting_series.iter().enumerate() {
        ui.horizontal(|ui| {
            let name_px = (ui.available_width() - 170.0).max(40.0);
            name_label_ui(ui, &format!("{} until", s.name), name_px);
            edit_meeting_button_ui(ui, &s.id, &s.name, out);
            if let Some(until) = date_field(ui, s.until, &format!("series-until-{i}")) {
                let value = crate::model::MeetingSeries { until, ..s.clone() };
                edit = Some((
                    Edit::MeetingSeries(ListEdit::Set { index: i, value }),
                    format!("Change when {} ends", s.name),
                    None,
                ));
            }
        });
    }
    if edit.is_some() {
        out.edit = edit;
    }
}

/// A new meeting of `kind` a month after the last one of its kind (or the status date), marked approximate.
fn new_meeting(plan: &Plan, kind: MeetingKind) -> LabelledEdit {
    let after = plan
        .meetings
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.date)
        .max()
        .unwrap_or(plan.meta.status_date);
    let date = plan.calendar.working_day_on_or_after(add_days(after, 28));
    let mut n = plan.meetings.len() + 1;
    let id = loop {
        let id = format!("meeting-{n}");
        if plan.meetings.iter().all(|m| m.id != id)
            && plan.meeting_series.iter().all(|s| s.id != id)
        {
            break id;
        }
        n += 1;
    };
    let (name, what) = match kind {
        MeetingKind::Panel => ("New Panel meeting", "Add a Panel meeting"),
        _ => ("New meeting", "Add a meeting"),
    };
    let value = Meeting {
        id,
        kind,
        name: name.into(),
        date,
        approximate: true,
        notice: None,
        notes: String::new(),
    };
    (
        Edit::Meetings(ListEdit::Insert {
            index: plan.meetings.len(),
            value,
        }),
        what.into(),
        None,
    )
}

/// Releases: name, implementation date, cut-off Panel; add and remove.
fn releases_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, out: &mut PlanPanelOutput) {
    let mut edit = None;
    let panels: Vec<_> = a
        .schedule
        .meetings
        .iter()
        .filter(|m| m.kind == MeetingKind::Panel)
        .collect();
    for (i, r) in plan.releases.iter().enumerate() {
        let set = |value: Release, what: &str| {
            (
                Edit::Releases(ListEdit::Set { index: i, value }),
                format!("{what} of {}", r.name),
                None,
            )
        };
        ui.horizontal(|ui| {
            if let Some(name) = text_field(
                ui,
                &r.name,
                ("release-name", i),
                "Release name",
                field_width(ui, 120.0),
            ) {
                edit = Some((
                    Edit::Releases(ListEdit::Set {
                        index: i,
                        value: Release { name, ..r.clone() },
                    }),
                    format!("Rename release {}", r.id),
                    Some(format!("release-name:{i}")),
                ));
            }
            if let Some(date) = date_field(ui, r.date, &format!("release-date-{i}")) {
                edit = Some(set(Release { date, ..r.clone() }, "Change the date"));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Cut-off");
            let mut cutoff = r.cutoff_meeting.clone();
            let name = |id: &str| {
                a.schedule
                    .by_id(id)
                    .map_or(id.to_owned(), |m| m.name.clone())
            };
            ComboBox::from_id_salt(("release-cutoff", i))
                .selected_text(name(&cutoff))
                .show_ui(ui, |ui| {
                    for m in &panels {
                        ui.selectable_value(&mut cutoff, m.id.clone(), &m.name);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The Panel a Modification Report must reach to make this release");
            if cutoff != r.cutoff_meeting {
                edit = Some(set(
                    Release {
                        cutoff_meeting: cutoff,
                        ..r.clone()
                    },
                    "Change the cut-off",
                ));
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this release")
                .clicked()
            {
                edit = Some((
                    Edit::Releases(ListEdit::Remove { index: i }),
                    format!("Remove {}", r.name),
                    None,
                ));
            }
        });
    }
    if let Some(first) = panels.iter().find(|m| m.date >= plan.meta.status_date)
        && ui.small_button("+ Release").clicked()
    {
        edit = Some(new_release(plan, &first.id));
    }
    if edit.is_some() {
        out.edit = edit;
    }
}

/// A new release, six months after the status date, cut off at `cutoff_meeting`.
fn new_release(plan: &Plan, cutoff_meeting: &str) -> LabelledEdit {
    let mut n = plan.releases.len() + 1;
    let id = loop {
        let id = format!("release-{n}");
        if plan.release(&id).is_none() {
            break id;
        }
        n += 1;
    };
    let value = Release {
        id,
        name: "New SEC Release".into(),
        date: add_days(plan.meta.status_date, 182),
        precision: Precision::Month,
        cutoff_meeting: cutoff_meeting.to_owned(),
        notes: String::new(),
    };
    (
        Edit::Releases(ListEdit::Insert {
            index: plan.releases.len(),
            value,
        }),
        "Add a release".into(),
        None,
    )
}

/// Groups: rename, members (remove, add), remove (a group with members cannot be removed: the edit is refused and
/// says why), add.
fn groups_ui(ui: &mut Ui, plan: &Plan, _a: &Analysis, out: &mut PlanPanelOutput) {
    let mut edit = None;
    for (i, g) in plan.groups.iter().enumerate() {
        ui.horizontal(|ui| {
            if let Some(name) = text_field(
                ui,
                &g.name,
                ("group-name", i),
                "Group name",
                field_width(ui, 110.0),
            ) {
                edit = Some((
                    Edit::Groups(ListEdit::Set {
                        index: i,
                        value: Group { name, ..g.clone() },
                    }),
                    format!("Rename group {}", g.id),
                    Some(format!("group-name:{i}")),
                ));
            }
            let members = plan
                .modifications
                .iter()
                .filter(|m| m.group.as_deref() == Some(g.id.as_str()))
                .count();
            ui.label(RichText::new(format!("{members} members")).weak());
            if ui
                .small_button("✖")
                .on_hover_text("Remove this group")
                .clicked()
            {
                edit = Some((
                    Edit::Groups(ListEdit::Remove { index: i }),
                    format!("Remove group {}", g.name),
                    None,
                ));
            }
        });
        if let Some(e) = members_ui(ui, plan, g) {
            edit = Some(e);
        }
    }
    if ui.small_button("+ Group").clicked() {
        let mut n = plan.groups.len() + 1;
        let id = loop {
            let id = format!("group-{n}");
            if plan.group(&id).is_none() {
                break id;
            }
            n += 1;
        };
        edit = Some((
            Edit::Groups(ListEdit::Insert {
                index: plan.groups.len(),
                value: Group {
                    id,
                    name: "New group".into(),
                    notes: String::new(),
                },
            }),
            "Add a group".into(),
            None,
        ));
    }
    if edit.is_some() {
        out.edit = edit;
    }
}

/// A group's members, each with a button to take it out, and a list to add another modification.
fn members_ui(ui: &mut Ui, plan: &Plan, g: &Group) -> Option<LabelledEdit> {
    let mut edit = None;
    let regroup = |mi: usize, group: Option<String>, what: String| {
        let mut x = plan.modifications[mi].clone();
        x.group = group;
        (set_modification(mi, x), what, None)
    };
    ui.horizontal_wrapped(|ui| {
        for (mi, m) in plan.modifications.iter().enumerate() {
            if m.group.as_deref() != Some(g.id.as_str()) {
                continue;
            }
            let response = ui
                .small_button(format!("{} ✖", m.id))
                .on_hover_text(format!("Take {} out of {}", m.id, g.name));
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Take {} out of {}", m.id, g.name),
                )
            });
            if response.clicked() {
                edit = Some(regroup(
                    mi,
                    None,
                    format!("Take {} out of {}", m.id, g.name),
                ));
            }
        }
        let mut added = None;
        let combo = ComboBox::from_id_salt(("group-add", &g.id))
            .selected_text("+ member")
            .width(90.0)
            .show_ui(ui, |ui| {
                for (mi, m) in plan.modifications.iter().enumerate() {
                    if m.group.as_deref() != Some(g.id.as_str()) {
                        ui.selectable_value(&mut added, Some(mi), &m.id);
                    }
                }
            })
            .response
            .on_hover_text(format!("Add a modification to {}", g.name));
        combo.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::ComboBox,
                true,
                format!("Add a member to {}", g.name),
            )
        });
        if let Some(mi) = added {
            let id = &plan.modifications[mi].id;
            edit = Some(regroup(
                mi,
                Some(g.id.clone()),
                format!("Add {id} to {}", g.name),
            ));
        }
    });
    edit
}
