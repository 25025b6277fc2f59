//! The legend on screen, from the one list in [`crate::legend`]: a compact grid for the side panel and a wrapped
//! strip with larger text for presentation mode.

use egui::{Color32, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

use super::theme;
use crate::legend::{self, LegendEntry, Swatch};

/// Sizes of one way of drawing the legend.
struct Style {
    /// Room for a sample.
    swatch: Vec2,
    /// Half-diagonal of a diamond.
    diamond_r_px: f32,
    /// Width of a line sample's stroke.
    line_px: f32,
}

const GRID: Style = Style {
    swatch: vec2(22.0, 12.0),
    diamond_r_px: 6.0,
    line_px: 2.0,
};

const STRIP: Style = Style {
    swatch: vec2(22.0, 14.0),
    diamond_r_px: 7.0,
    line_px: 2.5,
};

/// Text size in presentation mode.
const STRIP_TEXT_PX: f32 = 15.0;

/// Allocates room for `entry`'s sample and paints it.
fn swatch_ui(ui: &mut Ui, entry: &LegendEntry, style: &Style) {
    let (rect, _) = ui.allocate_exact_size(style.swatch, Sense::hover());
    let colour = theme::c(entry.colour);
    let painter = ui.painter();
    match entry.swatch {
        Swatch::Bar => {
            painter.rect_filled(rect, 3.0, colour);
        }
        Swatch::Diamond => {
            painter.add(theme::diamond(
                rect.center(),
                style.diamond_r_px,
                colour,
                Stroke::NONE,
            ));
        }
        Swatch::Actual => {
            let y = rect.center().y;
            let r = style.diamond_r_px * 0.55;
            let (plan, done) = (pos2(rect.left() + r, y), pos2(rect.right() - r, y));
            painter.add(theme::diamond(
                plan,
                r,
                Color32::from_gray(200),
                Stroke::NONE,
            ));
            painter.line_segment([plan, done], Stroke::new(1.5, colour));
            painter.add(theme::diamond(done, r, colour, Stroke::NONE));
        }
        Swatch::Line(_) => {
            let y = rect.center().y;
            let ends = [pos2(rect.left(), y), pos2(rect.right(), y)];
            let stroke = Stroke::new(style.line_px, colour);
            if entry.swatch.dashed() {
                painter.extend(Shape::dashed_line(&ends, stroke, 4.0, 3.0));
            } else {
                painter.line_segment(ends, stroke);
            }
        }
    }
}

/// The legend for the side panel: a heading, one entry per line, and the footnote in small print; it scrolls when
/// the panel is shorter than the legend.
pub fn legend_grid_ui(ui: &mut Ui) {
    ui.label(RichText::new("Legend").strong());
    egui::ScrollArea::vertical()
        .id_salt("legend-scroll")
        .show(ui, |ui| {
            egui::Grid::new("legend")
                .num_columns(2)
                .spacing([8.0, 0.0])
                .show(ui, |ui| {
                    for entry in legend::entries() {
                        swatch_ui(ui, &entry, &GRID);
                        ui.label(entry.text);
                        ui.end_row();
                    }
                });
            ui.label(RichText::new(legend::FOOTNOTE).small().weak());
        });
}

/// The legend for presentation mode: entries side by side, wrapping, in larger text, then the footnote.
pub fn legend_strip_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for entry in legend::entries() {
            // An entry (swatch and words) stays together: when it would not fit on this line, it starts the next.
            let font = egui::FontId::proportional(STRIP_TEXT_PX);
            let text_px = ui.fonts_mut(|f| {
                f.layout_no_wrap(entry.text.to_string(), font, Color32::BLACK)
                    .size()
                    .x
            });
            let remaining_px = ui.max_rect().right() - ui.cursor().min.x;
            if remaining_px < STRIP.swatch.x + text_px + 24.0 {
                ui.end_row();
            }
            swatch_ui(ui, &entry, &STRIP);
            ui.add(egui::Label::new(RichText::new(entry.text).size(STRIP_TEXT_PX)).extend());
            ui.add_space(8.0);
        }
        ui.label(
            RichText::new(legend::FOOTNOTE)
                .size(STRIP_TEXT_PX)
                .color(Color32::from_gray(60)),
        );
    });
}
