//! The warnings panel: every warning of the plan, updated on every edit; clicking one selects and reveals its
//! modification.

use egui::{RichText, Ui};

use super::analysis::Analysis;
use super::theme;

/// The warnings list for one frame; returns the modification to select when a warning is clicked.
pub fn warnings_panel_ui(ui: &mut Ui, a: &Analysis, selected: Option<usize>) -> Option<usize> {
    let mut clicked = None;
    if a.warnings.is_empty() {
        ui.label(RichText::new("No warnings: every modification has a dated next step and its dates fit the calendar.").weak());
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // Only the rows on screen are laid out, however many warnings there are.
    egui::ScrollArea::vertical()
        .id_salt("warnings-scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, a.warnings.len(), |ui, range| {
            for w in &a.warnings[range] {
                let text = RichText::new(format!("⚠ {}  ·  {}", w.code.as_str(), w.message))
                    .color(theme::WARNING);
                let response = ui.selectable_label(Some(w.index) == selected, text);
                if response.clicked() {
                    clicked = Some(w.index);
                }
            }
        });
    clicked
}
