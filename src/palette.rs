//! The one palette of the app and its exports (Okabe–Ito, safe for colour-blind viewers and distinct on a
//! projector), as plain RGB so that the SVG export needs no egui.

use crate::model::{MeetingKind, MilestoneKind, Owner};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Orange.
pub const ORANGE: Rgb = [0xE6, 0x9F, 0x00];
/// Sky blue.
pub const SKY_BLUE: Rgb = [0x56, 0xB4, 0xE9];
/// Bluish green.
pub const GREEN: Rgb = [0x00, 0x9E, 0x73];
/// Blue.
pub const BLUE: Rgb = [0x00, 0x72, 0xB2];
/// Vermillion.
pub const VERMILLION: Rgb = [0xD5, 0x5E, 0x00];
/// Reddish purple.
pub const PURPLE: Rgb = [0xCC, 0x79, 0xA7];
/// Near black, for Panel meetings and returns.
pub const INK: Rgb = [0x1A, 0x1A, 0x1A];
/// Grey for "other".
pub const GREY: Rgb = [0x78, 0x78, 0x78];
/// The status-date line.
pub const STATUS_DATE: Rgb = [0xC0, 0x1C, 0x28];
/// Release cut-off lines.
pub const CUTOFF: Rgb = [0x6A, 0x1B, 0x9A];
/// Warnings.
pub const WARNING: Rgb = [0xB3, 0x5C, 0x00];

/// Fill of a work package bar.
pub fn owner(owner: Owner) -> Rgb {
    match owner {
        Owner::Secas => BLUE,
        Owner::Dcc => ORANGE,
        Owner::Proposer => GREEN,
        Owner::SubCommittee => PURPLE,
        Owner::WorkingGroup => SKY_BLUE,
        Owner::Industry => VERMILLION,
        Owner::Panel => [0x55, 0x55, 0x55],
    }
}

/// Fill of a milestone diamond.
pub fn milestone(kind: MilestoneKind) -> Rgb {
    match kind {
        MilestoneKind::DccRequest | MilestoneKind::DccResponseDue => ORANGE,
        MilestoneKind::WorkingGroup => GREEN,
        MilestoneKind::SubCommittee => PURPLE,
        MilestoneKind::PanelReturn => INK,
        MilestoneKind::ConsultationIssue | MilestoneKind::ConsultationClose => VERMILLION,
        MilestoneKind::ModificationReport => BLUE,
        MilestoneKind::Other => GREY,
    }
}

/// A meeting's vertical line.
pub fn meeting(kind: MeetingKind) -> Rgb {
    match kind {
        MeetingKind::Panel => INK,
        MeetingKind::WorkingGroup => GREEN,
        MeetingKind::SubCommittee => PURPLE,
        MeetingKind::Other => [0x8C, 0x8C, 0x8C],
    }
}

/// Black or white, whichever reads on `fill`.
pub fn text_on(fill: Rgb) -> Rgb {
    let [r, g, b] = fill;
    let luma = 0.299 * r as f32 + 0.587 * g as f32 + 0.114 * b as f32;
    if luma > 150.0 {
        [0, 0, 0]
    } else {
        [0xFF, 0xFF, 0xFF]
    }
}

/// `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
