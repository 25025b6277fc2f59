//! Small editing widgets of the details panel: each returns the new value when the user changed it.

use egui::{ComboBox, TextEdit, Ui};
use egui_extras::DatePickerButton;
use jiff::civil::Date;
use strum::IntoEnumIterator;

use crate::model::Precision;

/// A one-line text field; returns the new text when the user changed it.
pub(crate) fn text_field(
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
pub(crate) fn text_area(
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

pub(crate) fn text_area_narrow(
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

pub(crate) fn date_field(ui: &mut Ui, date: Date, salt: &str) -> Option<Date> {
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

pub(crate) fn precision_field(
    ui: &mut Ui,
    value: Precision,
    salt: impl std::hash::Hash + std::fmt::Debug,
) -> Option<Precision> {
    let mut v = value;
    ComboBox::from_id_salt(salt)
        .width(64.0)
        .selected_text(value.as_str())
        .show_ui(ui, |ui| {
            for p in Precision::iter() {
                ui.selectable_value(&mut v, p, p.as_str());
            }
        })
        .response
        .on_hover_text("Precision");
    (v != value).then_some(v)
}
