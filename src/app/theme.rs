//! Colours and sizes. One palette (Okabe–Ito, safe for colour-blind viewers) for owners, milestones and meetings,
//! chosen to stay distinct on a projector and through video compression.

use egui::Color32;

use crate::model::{MeetingKind, MilestoneKind, Owner};

/// Okabe–Ito colours.
pub mod okabe_ito {
    use egui::Color32;
    /// Orange.
    pub const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    /// Sky blue.
    pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
    /// Bluish green.
    pub const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    /// Yellow.
    pub const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
    /// Blue.
    pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    /// Vermillion.
    pub const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
}

use okabe_ito::*;

/// Fill colour of a work package bar.
pub fn owner_colour(owner: Owner) -> Color32 {
    match owner {
        Owner::Secas => BLUE,
        Owner::Dcc => ORANGE,
        Owner::Proposer => GREEN,
        Owner::SubCommittee => PURPLE,
        Owner::WorkingGroup => SKY_BLUE,
        Owner::Industry => VERMILLION,
        Owner::Panel => Color32::from_rgb(0x55, 0x55, 0x55),
    }
}

/// Text colour that reads on top of `fill`.
pub fn text_on(fill: Color32) -> Color32 {
    let [r, g, b, _] = fill.to_array();
    let luma = 0.299 * r as f32 + 0.587 * g as f32 + 0.114 * b as f32;
    if luma > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Fill colour of a milestone diamond.
pub fn milestone_colour(kind: MilestoneKind) -> Color32 {
    match kind {
        MilestoneKind::DccRequest | MilestoneKind::DccResponseDue => ORANGE,
        MilestoneKind::WorkingGroup => GREEN,
        MilestoneKind::SubCommittee => PURPLE,
        MilestoneKind::PanelReturn => Color32::from_rgb(0x1A, 0x1A, 0x1A),
        MilestoneKind::ConsultationIssue | MilestoneKind::ConsultationClose => VERMILLION,
        MilestoneKind::ModificationReport => BLUE,
        MilestoneKind::Other => Color32::from_gray(120),
    }
}

/// Colour of a meeting's vertical line.
pub fn meeting_colour(kind: MeetingKind) -> Color32 {
    match kind {
        MeetingKind::Panel => Color32::from_rgb(0x1A, 0x1A, 0x1A),
        MeetingKind::WorkingGroup => GREEN,
        MeetingKind::SubCommittee => PURPLE,
        MeetingKind::Other => Color32::from_gray(140),
    }
}

/// The status-date line.
pub const STATUS_DATE: Color32 = Color32::from_rgb(0xC0, 0x1C, 0x28);
/// Release cut-off lines.
pub const CUTOFF: Color32 = Color32::from_rgb(0x6A, 0x1B, 0x9A);
/// Warning marks.
pub const WARNING: Color32 = Color32::from_rgb(0xB3, 0x5C, 0x00);
/// Outline of items that carry a warning.
pub const WARNING_OUTLINE: Color32 = Color32::from_rgb(0xC0, 0x1C, 0x28);
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
