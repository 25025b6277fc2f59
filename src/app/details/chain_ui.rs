//! "Why is it here?": for each item of the selected modification, what sets its date (the chain), the earliest Panel
//! it could return to given today's inputs, and a pin per item. (Holds on outside events are edited with the
//! dependencies.)

use egui::{RichText, Ui};

use super::DetailsOutput;
use crate::app::analysis::Analysis;
use crate::model::chain::{self, Item, MeetingFinder};
use crate::model::edit::set_modification;
use crate::model::{Modification, Plan, format_date};

/// The "Why these dates" section.
pub(super) fn why_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Why these dates").strong());
    for wait in chain::waits(plan, m) {
        ui.label(format!("⏸ {wait}"));
    }
    let finder = MeetingFinder::new(&a.schedule);
    let planned = m.panel_return().map(|x| x.date);
    match chain::earliest_panel_return(plan, &finder, m) {
        Some(earliest) => {
            let verdict = match planned {
                Some(p) if p == earliest.date => "as planned".to_owned(),
                Some(p) if p > earliest.date => format!("planned {}", format_date(p)),
                Some(p) => format!("planned {}, earlier than its inputs allow", format_date(p)),
                None => "none planned".to_owned(),
            };
            ui.label(format!(
                "Earliest feasible Panel return: {} ({}) — {verdict}.",
                earliest.name,
                format_date(earliest.date)
            ));
        }
        None => {
            ui.label(
                RichText::new("No Panel return can be worked out: it has no work and no return.")
                    .weak(),
            );
        }
    }
    for (item, why) in chain::explain(plan, &a.schedule, mi) {
        ui.horizontal_wrapped(|ui| {
            let pinned = match item {
                Item::WorkPackage(w) => m.work_packages[w].pinned,
                Item::Milestone(k) => m.milestones[k].pinned,
            };
            let mut pin = pinned;
            let name = item.name(m);
            if ui
                .checkbox(&mut pin, "")
                .on_hover_text("Pinned: links never move it (they warn instead)")
                .changed()
            {
                let mut changed = m.clone();
                match item {
                    Item::WorkPackage(w) => changed.work_packages[w].pinned = pin,
                    Item::Milestone(k) => changed.milestones[k].pinned = pin,
                }
                let verb = if pin { "Pin" } else { "Unpin" };
                out.set(
                    set_modification(mi, changed),
                    format!("{verb} “{name}”"),
                    None,
                );
            }
            ui.label(RichText::new(name).strong());
            ui.label(why);
        });
    }
}
