//! From one paper to the next, in the app: the "Start next paper" dialog (the new status date and reference), and
//! the "Since the last paper" checklist — everything due between the last paper's status date and this one's, each
//! marked done (on its planned day unless told otherwise) or moved, in place, one undo step each.

use egui::{Id, RichText, Ui};
use egui_extras::DatePickerButton;
use jiff::civil::Date;

use super::details::LabelledEdit;
use super::theme;
use crate::model::chain::Item;
use crate::model::progress::{DueItem, move_item, set_done, since_last_paper, to_next_meeting};
use crate::model::roll::{NextPaper, baseline_name};
use crate::model::{MeetingKind, Plan, Precision, Schedule, add_days, format_approx, format_date};

/// What the "Start next paper" dialog holds while open.
#[derive(Debug, Clone, PartialEq)]
pub struct NextPaperForm {
    /// The next paper's status date.
    pub status_date: Date,
    /// The date as typed (YYYY-MM-DD).
    pub date_text: String,
    /// The next paper's reference.
    pub paper_ref: String,
    /// Why the last attempt was refused.
    pub error: Option<String>,
}

impl NextPaperForm {
    /// The form for `plan`'s next paper: four weeks after its status date (on a working day), its reference to edit.
    pub fn new(plan: &Plan) -> Self {
        let status_date = plan
            .calendar
            .working_day_on_or_after(add_days(plan.meta.status_date, 28));
        NextPaperForm {
            status_date,
            date_text: status_date.to_string(),
            paper_ref: plan.meta.paper_ref.clone(),
            error: None,
        }
    }

    /// The date typed, if it is one.
    fn typed_date(&self) -> Option<Date> {
        self.date_text.trim().parse().ok()
    }
}

/// The dialog. Returns `Some(Some(next))` when the user starts the next paper, `Some(None)` when they cancel,
/// `None` while it stays open.
pub fn next_paper_dialog_ui(
    ctx: &egui::Context,
    form: &mut NextPaperForm,
    plan: &Plan,
) -> Option<Option<NextPaper>> {
    let mut answer = None;
    let response = egui::Modal::new(Id::unique("next-paper")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Start the next paper");
        ui.label(format!(
            "The current timetable is kept as the baseline “{}”. The plan then takes the next paper's status date \
             and reference, and lists what fell due in between for you to mark done or move.",
            baseline_name(plan)
        ));
        ui.add_space(6.0);
        egui::Grid::new("next-paper-grid").num_columns(2).show(ui, |ui| {
            let label = ui.label("Status date");
            ui.horizontal(|ui| {
                let typed = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.date_text)
                            .id_salt("next-paper-date")
                            .hint_text("YYYY-MM-DD")
                            .desired_width(100.0),
                    )
                    .labelled_by(label.id);
                if typed.changed()
                    && let Some(d) = form.typed_date()
                {
                    form.status_date = d;
                }
                let mut picked = form.status_date;
                let response = ui.add(
                    DatePickerButton::new(&mut picked)
                        .id_salt("next-paper-picker")
                        .format("%-d %b %Y")
                        .show_icon(false)
                        .calendar_week(false),
                );
                if response.changed() {
                    form.status_date = picked;
                    form.date_text = picked.to_string();
                }
            });
            ui.end_row();
            let label = ui.label("Paper reference");
            ui.add(
                egui::TextEdit::singleline(&mut form.paper_ref)
                    .id_salt("next-paper-ref")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
        let problem = match form.typed_date() {
            None => Some("Type the status date as YYYY-MM-DD.".to_owned()),
            Some(d) if d < plan.meta.status_date => Some(format!(
                "The next paper's status date must be on or after this one's ({}).",
                format_date(plan.meta.status_date)
            )),
            Some(_) => form.error.clone(),
        };
        if let Some(problem) = &problem {
            ui.colored_label(theme::WARNING, problem);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = form.typed_date().is_some_and(|d| d >= plan.meta.status_date);
            if ui
                .add_enabled(ready, egui::Button::new("Start next paper"))
                .clicked()
            {
                answer = Some(Some(NextPaper {
                    status_date: form.status_date,
                    paper_ref: Some(form.paper_ref.trim().to_owned()),
                }));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if answer.is_none() && response.should_close() {
        answer = Some(None);
    }
    answer
}

/// What the checklist asks the app to do.
#[derive(Debug, Default)]
pub struct ChecklistOutput {
    /// Apply this edit.
    pub edit: Option<LabelledEdit>,
    /// Select this modification.
    pub select: Option<usize>,
}

/// The item's name and how precisely its due day is known.
fn item_text(plan: &Plan, d: &DueItem) -> (String, Precision) {
    let m = &plan.modifications[d.modification];
    match d.item {
        Item::WorkPackage(w) => {
            let x = &m.work_packages[w];
            (format!("work package “{}” ends", x.name), x.end_precision)
        }
        Item::Milestone(k) => {
            let x = &m.milestones[k];
            (format!("“{}”", x.label), x.precision)
        }
    }
}

/// The "Since the last paper" checklist for one frame.
pub fn since_last_paper_ui(ui: &mut Ui, plan: &Plan, schedule: &Schedule) -> ChecklistOutput {
    let mut out = ChecklistOutput::default();
    let Some((from, items)) = since_last_paper(plan) else {
        ui.label("No earlier paper yet: File > Start next paper… keeps this timetable and dates the plan for the next.");
        return out;
    };
    let open = items.iter().filter(|d| !d.done).count();
    ui.label(
        RichText::new(format!(
            "Due from {} to {}: {} item{}, {open} not marked done",
            format_date(from),
            format_date(plan.meta.status_date),
            items.len(),
            if items.len() == 1 { "" } else { "s" },
        ))
        .strong(),
    );
    let row_px = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("since-last-paper")
        .auto_shrink([false, false])
        .show_rows(ui, row_px, items.len(), |ui, range| {
            for d in &items[range] {
                ui.horizontal(|ui| checklist_row_ui(ui, (plan, schedule), d, &mut out));
            }
        });
    out
}

/// One item: done (with its actual day), or moved: to a day, a week later, or (a meeting milestone) to the next
/// meeting of its kind.
fn checklist_row_ui(
    ui: &mut Ui,
    (plan, schedule): (&Plan, &Schedule),
    d: &DueItem,
    out: &mut ChecklistOutput,
) {
    let m = &plan.modifications[d.modification];
    let (name, precision) = item_text(plan, d);
    let mut done = d.done;
    let check = ui.checkbox(&mut done, "done");
    let whole = format!("{} {name}", m.id);
    check.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, true, d.done, format!("Done: {whole}"))
    });
    if done != d.done {
        let what = if done { "Mark done" } else { "Mark not done" };
        out.edit = set_done(plan, d.modification, d.item, done, None)
            .map(|e| (e, format!("{what}: {whole}"), None));
    }
    if ui.link(RichText::new(&m.id).monospace()).clicked() {
        out.select = Some(d.modification);
    }
    ui.label(format!(
        "{name} · due {}",
        format_approx(d.planned, precision)
    ));
    if d.done {
        let actual = d.actual.unwrap_or(d.planned);
        ui.label(RichText::new("on").weak());
        if let Some(day) = day_picker_ui(ui, actual, ("actual", d.modification, d.item)) {
            out.edit = set_done(plan, d.modification, d.item, true, Some(day))
                .map(|e| (e, format!("Record when it happened: {whole}"), None));
        }
        return;
    }
    ui.label(RichText::new("move to").weak());
    if let Some(day) = day_picker_ui(ui, d.planned, ("move", d.modification, d.item)) {
        out.edit = move_item(plan, schedule, d.modification, d.item, day)
            .map(|e| (e, format!("Move {whole} to {}", format_date(day)), None));
    }
    let meeting = match d.item {
        Item::Milestone(k) => m.milestones[k].kind.meeting_kind(),
        Item::WorkPackage(_) => None,
    };
    let (text, hover, name) = match meeting {
        Some(MeetingKind::Panel) => ("next Panel", "Move it to the next Panel", "Next Panel"),
        Some(_) => (
            "next meeting",
            "Move it to the next meeting of its kind",
            "Next Working Group",
        ),
        None => ("+1 week", "Move it five working days later", "A week later"),
    };
    let button = ui.small_button(text).on_hover_text(hover);
    button.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{name}: {whole}"))
    });
    if button.clicked() {
        out.edit = match (meeting, d.item) {
            (Some(_), Item::Milestone(k)) => to_next_meeting(plan, schedule, d.modification, k)
                .map(|e| {
                    (
                        e,
                        format!("Move {whole} to the next {}", name.to_lowercase()),
                        None,
                    )
                }),
            _ => {
                let day = plan.calendar.add_working_days(d.planned, 5);
                move_item(plan, schedule, d.modification, d.item, day)
                    .map(|e| (e, format!("Move {whole} to {}", format_date(day)), None))
            }
        };
    }
}

/// A date picker; returns the day chosen when it changed.
fn day_picker_ui(ui: &mut Ui, day: Date, salt: (&str, usize, Item)) -> Option<Date> {
    let mut d = day;
    let response = ui.add(
        DatePickerButton::new(&mut d)
            .id_salt(&format!("{salt:?}"))
            .format("%-d %b %Y")
            .show_icon(false)
            .calendar_week(false),
    );
    (response.changed() && d != day).then_some(d)
}
