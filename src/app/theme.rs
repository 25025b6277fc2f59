//! Colours for the app, from the shared [`crate::palette`], plus the tints only the screen needs.

use egui::{Color32, Pos2, Shape, Stroke, vec2};

use crate::model::{MeetingKind, MilestoneKind, Owner};
use crate::palette::{self, Rgb};

/// egui colour of a palette entry.
pub const fn c(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// Fill colour of a work package bar.
pub fn owner_colour(owner: Owner) -> Color32 {
    c(palette::owner(owner))
}

/// Text colour that reads on top of `fill`.
pub fn text_on(fill: Color32) -> Color32 {
    c(palette::text_on([fill.r(), fill.g(), fill.b()]))
}

/// Fill colour of a milestone diamond.
pub fn milestone_colour(kind: MilestoneKind) -> Color32 {
    c(palette::milestone(kind))
}

/// Colour of a meeting's vertical line.
pub fn meeting_colour(kind: MeetingKind) -> Color32 {
    c(palette::meeting(kind))
}

/// Group bracket in the label column.
pub const GROUP: Color32 = c(palette::GREEN);
/// Accent for the status text in the side panel.
pub const ACCENT: Color32 = c(palette::BLUE);
/// The status-date line.
pub const STATUS_DATE: Color32 = c(palette::STATUS_DATE);
/// Release cut-off lines.
pub const CUTOFF: Color32 = c(palette::CUTOFF);
/// Warning marks.
pub const WARNING: Color32 = c(palette::WARNING);
/// Outline of items that carry a warning.
pub const WARNING_OUTLINE: Color32 = c(palette::STATUS_DATE);
/// Dependency arrows.
pub const ARROW: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);
/// The selected row's band.
pub const SELECTED_ROW: Color32 = Color32::from_rgba_premultiplied(0x00, 0x50, 0xA0, 0x22);
/// A grouped row's band.
pub const GROUP_BAND: Color32 = Color32::from_rgba_premultiplied(0x00, 0x9E, 0x73, 0x14);
/// Hatching of an on-hold row.
pub const ON_HOLD: Color32 = Color32::from_rgba_premultiplied(0x50, 0x50, 0x50, 0x60);
/// Grey wash over an on-hold row.
pub const ON_HOLD_WASH: Color32 = Color32::from_rgba_premultiplied(0x10, 0x10, 0x10, 0x10);

/// A milestone diamond of half-diagonal `r`.
pub fn diamond(center: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    Shape::convex_polygon(
        vec![
            center + vec2(0.0, -r),
            center + vec2(r, 0.0),
            center + vec2(0.0, r),
            center + vec2(-r, 0.0),
        ],
        fill,
        stroke,
    )
}
