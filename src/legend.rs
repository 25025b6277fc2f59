//! The one legend of the timeline, its presentation mode and Appendix A: what each colour and symbol means, in order,
//! as plain data so that the SVG export and the app draw the same entries.

use strum::IntoEnumIterator;

use crate::model::{MeetingKind, MilestoneKind, Owner};
use crate::palette::{self, Rgb};

/// The note under the legend's entries.
pub const FOOTNOTE: &str =
    "Hollow diamonds and faded bar ends: approximate dates. Hatched rows: on hold.";

/// A vertical line across the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartLine {
    /// The plan's status date.
    StatusDate,
    /// A release's Modification Report cut-off.
    ReleaseCutoff,
    /// A meeting of this kind.
    Meeting(MeetingKind),
}

impl ChartLine {
    /// The line's colour.
    pub fn colour(self) -> Rgb {
        match self {
            ChartLine::StatusDate => palette::STATUS_DATE,
            ChartLine::ReleaseCutoff => palette::CUTOFF,
            ChartLine::Meeting(kind) => palette::meeting(kind),
        }
    }

    /// True when the line is drawn dashed. A Panel's line is solid once its day is published (`approximate` false);
    /// every other meeting's line is dashed.
    pub fn dashed(self, approximate: bool) -> bool {
        match self {
            ChartLine::StatusDate => false,
            ChartLine::ReleaseCutoff => true,
            ChartLine::Meeting(MeetingKind::Panel) => approximate,
            ChartLine::Meeting(_) => true,
        }
    }
}

/// How a legend entry's sample is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A work package bar.
    Bar,
    /// A milestone diamond.
    Diamond,
    /// A short stretch of a chart line, as the line is drawn when its date is known.
    Line(ChartLine),
    /// What happened: a faded planned item, then a black line to the black mark of the day it really happened.
    Actual,
}

impl Swatch {
    /// True for a dashed line sample.
    pub fn dashed(self) -> bool {
        match self {
            Swatch::Line(line) => line.dashed(false),
            Swatch::Bar | Swatch::Diamond | Swatch::Actual => false,
        }
    }
}

/// One entry of the legend: a sample and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegendEntry {
    /// The sample's shape.
    pub swatch: Swatch,
    /// The sample's colour.
    pub colour: Rgb,
    /// What it means.
    pub text: &'static str,
}

/// The chart lines the legend explains, in order, with their text.
const LINES: [(ChartLine, &str); 4] = [
    (ChartLine::StatusDate, "Status date"),
    (ChartLine::ReleaseCutoff, "Release cut-off"),
    (
        ChartLine::Meeting(MeetingKind::Panel),
        "Panel (dashed: date not published)",
    ),
    (
        ChartLine::Meeting(MeetingKind::WorkingGroup),
        "Working Group",
    ),
];

/// What the actual-date sample says.
pub const ACTUAL_TEXT: &str = "Done (plan faded; black: when it happened)";

/// The legend's entries in reading order: the owners' bar colours, the milestone kinds worth explaining, the chart
/// lines, then how progress is drawn.
pub fn entries() -> Vec<LegendEntry> {
    let bars = Owner::iter().map(|o| LegendEntry {
        swatch: Swatch::Bar,
        colour: palette::owner(o),
        text: o.label(),
    });
    let diamonds = MilestoneKind::LEGEND.into_iter().map(|k| LegendEntry {
        swatch: Swatch::Diamond,
        colour: palette::milestone(k),
        text: k.label(),
    });
    let lines = LINES.into_iter().map(|(line, text)| LegendEntry {
        swatch: Swatch::Line(line),
        colour: line.colour(),
        text,
    });
    let actual = LegendEntry {
        swatch: Swatch::Actual,
        colour: palette::INK,
        text: ACTUAL_TEXT,
    };
    bars.chain(diamonds)
        .chain(lines)
        .chain(std::iter::once(actual))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_owners_then_milestones_then_lines_then_progress() {
        let all = entries();
        let owners = Owner::iter().count();
        let kinds = MilestoneKind::LEGEND.len();
        assert_eq!(all.len(), owners + kinds + LINES.len() + 1);
        let last = all.last().expect("entries");
        assert_eq!((last.swatch, last.text), (Swatch::Actual, ACTUAL_TEXT));
        assert!(all[..owners].iter().all(|e| e.swatch == Swatch::Bar));
        assert!(
            all[owners..owners + kinds]
                .iter()
                .all(|e| e.swatch == Swatch::Diamond)
        );
        let first_owner = Owner::iter().next().expect("owners");
        assert_eq!(all[0].text, first_owner.label());
        assert_eq!(all[0].colour, palette::owner(first_owner));
        assert_eq!(
            all[owners].colour,
            palette::milestone(MilestoneKind::LEGEND[0])
        );
        let texts: Vec<_> = all[owners + kinds..owners + kinds + LINES.len()]
            .iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(
            texts,
            [
                "Status date",
                "Release cut-off",
                "Panel (dashed: date not published)",
                "Working Group"
            ]
        );
    }

    #[test]
    fn line_samples_carry_their_colour_and_dashing() {
        let lines: Vec<_> = entries()
            .into_iter()
            .filter(|e| matches!(e.swatch, Swatch::Line(_)))
            .collect();
        let dashed: Vec<_> = lines.iter().map(|e| e.swatch.dashed()).collect();
        assert_eq!(dashed, [false, true, false, true]);
        assert_eq!(lines[0].colour, palette::STATUS_DATE);
        assert_eq!(lines[1].colour, palette::CUTOFF);
        assert_eq!(lines[2].colour, palette::INK);
        assert_eq!(lines[3].colour, palette::GREEN);
    }

    #[test]
    fn approximate_panels_are_dashed_and_known_ones_solid() {
        let panel = ChartLine::Meeting(MeetingKind::Panel);
        assert!(!panel.dashed(false));
        assert!(panel.dashed(true));
        assert!(ChartLine::Meeting(MeetingKind::SubCommittee).dashed(false));
        assert!(!ChartLine::StatusDate.dashed(true));
    }
}
