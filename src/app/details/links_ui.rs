//! The links of one item in its card: what it follows (and by how many working days), and for a milestone the meeting
//! it sits on. Each change is one undoable edit of the whole modification, and the schedule follows at once.

use egui::{Align, ComboBox, DragValue, Label, Layout, RichText, Ui};

use super::DetailsOutput;
use crate::app::analysis::Analysis;
use crate::model::chain::{self, Item};
use crate::model::edit::set_modification;
use crate::model::{At, Modification, format_date};

/// Named meetings offered for "at": those from this many days before the status date on.
const MEETINGS_BEFORE_STATUS_DAYS: i64 = 62;

/// "Follows …" lines with their lags, and a menu to add one.
pub(super) fn follows_ui(
    ui: &mut Ui,
    (m, mi): (&Modification, usize),
    item: Item,
    out: &mut DetailsOutput,
) {
    let name = item.name(m).to_owned();
    let links = match item {
        Item::WorkPackage(w) => &m.work_packages[w].after,
        Item::Milestone(k) => &m.milestones[k].after,
    };
    for (n, link) in links.iter().enumerate() {
        let target = chain::link_target(m, link).map_or_else(
            || format!("“{}” (missing)", link.on),
            |t| format!("“{}”", t.name(m)),
        );
        ui.horizontal(|ui| {
            ui.label("Follows").on_hover_text(follows_hint(item));
            // Right to left: unlink and lag keep their place at the right, the name takes what is left.
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let unlink = ui
                    .small_button("✖")
                    .on_hover_text("Stop following it (the item keeps its dates)");
                let spoken = format!("Unlink “{name}” from {target}");
                ui.ctx()
                    .accesskit_node_builder(unlink.id, |b| b.set_label(spoken));
                if unlink.clicked() {
                    out.set(
                        set_modification(mi, chain::without_link(m, item, n)),
                        format!("Unlink “{name}” ({})", m.id),
                        None,
                    );
                }
                let mut lag = link.lag_days;
                let response = ui
                    .add(DragValue::new(&mut lag).range(-60..=250).suffix(" wd"))
                    .on_hover_text(
                        "Lag in working days after it ends (negative: overlap). Drag or type.",
                    );
                let spoken = format!("Lag of “{name}” after {target}");
                ui.ctx()
                    .accesskit_node_builder(response.id, |b| b.set_label(spoken));
                if response.changed() && lag != link.lag_days {
                    out.set(
                        set_modification(mi, chain::with_lag(m, item, n, lag)),
                        format!("Set the lag of “{name}” ({})", m.id),
                        Some(format!("lag:{mi}:{item:?}:{n}")),
                    );
                }
                ui.add(Label::new(RichText::new(&target).strong()).truncate())
                    .on_hover_text(&target);
            });
        });
    }
    let candidates = chain::link_candidates(m, item);
    if candidates.is_empty() {
        return;
    }
    let mut chosen = None;
    let add = ComboBox::from_id_salt(("follows-add", mi, item))
        .selected_text("+ Follows…")
        .width(150.0)
        .show_ui(ui, |ui| {
            for c in candidates {
                let end = c.end(m).map(format_date).unwrap_or_default();
                if ui
                    .selectable_label(false, format!("{} (ends {end})", c.name(m)))
                    .clicked()
                {
                    chosen = Some(c);
                }
            }
        })
        .response
        .on_hover_text(follows_hint(item));
    let spoken = format!("Add what “{name}” follows");
    ui.ctx()
        .accesskit_node_builder(add.id, |b| b.set_label(spoken));
    if let Some(on) = chosen {
        out.set(
            set_modification(mi, chain::with_link(m, item, on, 0)),
            format!("Link “{name}” to “{}” ({})", on.name(m), m.id),
            None,
        );
    }
}

fn follows_hint(item: Item) -> &'static str {
    match item {
        Item::WorkPackage(_) => {
            "It starts the working day after the last item it follows ends (plus the lag), keeping its length"
        }
        Item::Milestone(_) => {
            "Without a meeting, it falls on the day the last item it follows ends (plus the lag)"
        }
    }
}

/// The meeting milestone `k` sits on: its own day, the next Working Group or Panel its inputs make, or a named
/// meeting.
pub(super) fn at_ui(
    ui: &mut Ui,
    a: &Analysis,
    status_date: jiff::civil::Date,
    (m, mi): (&Modification, usize),
    k: usize,
    out: &mut DetailsOutput,
) {
    let x = &m.milestones[k];
    let current = at_text(a, x.at.as_ref());
    let follows_something = !x.after.is_empty();
    let mut chosen: Option<Option<At>> = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("At");
        let combo = ComboBox::from_id_salt(("ms-at", mi, k))
            .selected_text(current)
            .width(200.0)
            .height(320.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(x.at.is_none(), "its own day").clicked() {
                    chosen = Some(None);
                }
                for (at, text) in [
                    (At::NextWorkingGroup, "the next Working Group after its inputs"),
                    (At::NextPanel, "the next Panel after its inputs"),
                ] {
                    let selected = x.at.as_ref() == Some(&at);
                    let response = ui
                        .add_enabled(follows_something, egui::Button::selectable(selected, text))
                        .on_disabled_hover_text(
                            "It follows nothing yet: add what it follows first",
                        );
                    if response.clicked() {
                        chosen = Some(Some(at));
                    }
                }
                ui.separator();
                let from = status_date
                    .checked_sub(jiff::Span::new().days(MEETINGS_BEFORE_STATUS_DAYS))
                    .unwrap_or(status_date);
                let kind = x.kind.meeting_kind();
                for meeting in a
                    .schedule
                    .meetings
                    .iter()
                    .filter(|s| s.date >= from && kind.is_none_or(|k| s.kind == k))
                {
                    let at = At::Meeting(meeting.id.clone());
                    let selected = x.at.as_ref() == Some(&at);
                    if ui
                        .selectable_label(selected, meeting.heading())
                        .clicked()
                    {
                        chosen = Some(Some(at));
                    }
                }
            })
            .response
            .on_hover_text(
                "A named meeting carries the milestone when it moves; the next Working Group or Panel is found \
                 from the papers deadline its inputs make",
            );
        let spoken = format!("Meeting of “{}”", x.label);
        ui.ctx()
            .accesskit_node_builder(combo.id, |b| b.set_label(spoken));
    });
    if let Some(at) = chosen.filter(|at| *at != x.at) {
        let what = at_text(a, at.as_ref());
        out.set(
            set_modification(mi, chain::with_at(m, k, at)),
            format!("Put “{}” at {what} ({})", x.label, m.id),
            None,
        );
    }
}

fn at_text(a: &Analysis, at: Option<&At>) -> String {
    match at {
        None => "its own day".to_owned(),
        Some(At::NextWorkingGroup) => "the next Working Group".to_owned(),
        Some(At::NextPanel) => "the next Panel".to_owned(),
        Some(At::Meeting(id)) => a
            .schedule
            .by_id(id)
            .map_or_else(|| format!("{id} (unknown)"), |s| s.name.clone()),
    }
}
