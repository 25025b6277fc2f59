//! The items on a modification's row: work packages (bars) and milestones (diamonds), who owns them, and the links
//! that chain them (see [`crate::model::chain`]).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumMessage, IntoStaticStr};

use super::date::Precision;
use super::plan::{MeetingKind, is_false, is_zero};

/// Who carries out a work package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(EnumIter, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum Owner {
    /// The SEC Administrator and Secretary.
    #[default]
    #[strum(message = "SECAS")]
    Secas,
    /// The Data Communications Company.
    #[strum(message = "DCC")]
    Dcc,
    /// The Proposer of the modification.
    #[strum(message = "Proposer")]
    Proposer,
    /// A Sub-Committee (TABASC, SSC, Operations Group, ...).
    #[strum(message = "Sub-Committee")]
    SubCommittee,
    /// The Working Group.
    #[strum(message = "Working Group")]
    WorkingGroup,
    /// Industry (consultation respondents).
    #[strum(message = "Industry")]
    Industry,
    /// The SEC Panel or Change Board.
    #[strum(message = "Panel / Change Board")]
    Panel,
}

impl Owner {
    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Human name: the variant's `message`.
    pub fn label(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

/// A finish-to-start link from an item to another item of the same modification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The `id` of the work package or milestone this item follows.
    pub on: String,
    /// Working days between the end of that item and this one (a work package starts the working day after).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lag_days: i32,
}

/// Which meeting a milestone sits on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum At {
    /// A named meeting ("panel-67", or a series occurrence such as "wg-2019-05"): the milestone moves with it.
    Meeting(String),
    /// The first Working Group whose papers deadline is on or after the end of what the milestone follows.
    NextWorkingGroup,
    /// The first Panel whose papers deadline (its day, without a notice rule) is on or after the end of what the
    /// milestone follows.
    NextPanel,
}

/// A package of work: a bar on the timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPackage {
    /// Names the item for links (`after`), unique among the modification's work packages and milestones.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// E.g. "DCC Preliminary Assessment".
    pub name: String,
    /// A short form for where the name does not fit (e.g. "DCC PA"); the full name is always in the tooltip, the
    /// side panel and the presentation card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// First day.
    pub start: Date,
    /// How precisely the start is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub start_precision: Precision,
    /// Last day (inclusive).
    pub end: Date,
    /// How precisely the end is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub end_precision: Precision,
    /// Who does it.
    pub owner: Owner,
    /// The items it follows: it starts the working day after the last of them ends (plus the lag), keeping its
    /// length in working days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Link>,
    /// Fixed by hand: links never move it (they warn instead).
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// True once the work is finished.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
    /// The day it really finished, when done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_end: Option<Date>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl WorkPackage {
    /// True when links decide its dates (it follows something and is not pinned).
    pub fn is_automatic(&self) -> bool {
        !self.pinned && !self.after.is_empty()
    }
}

/// What a milestone marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(EnumIter, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum MilestoneKind {
    /// A Preliminary or Impact Assessment request sent to the DCC.
    #[strum(message = "DCC request")]
    DccRequest,
    /// The DCC's response is due.
    #[strum(message = "DCC response due")]
    DccResponseDue,
    /// Presented at a Working Group meeting.
    #[strum(message = "Working Group")]
    WorkingGroup,
    /// Discussed with a Sub-Committee.
    #[strum(message = "Sub-Committee")]
    SubCommittee,
    /// Returned to the Panel for an update and the next work package.
    #[strum(message = "Panel return")]
    PanelReturn,
    /// Industry consultation issued.
    #[strum(message = "Consultation issued")]
    ConsultationIssue,
    /// Industry consultation closes.
    #[strum(message = "Consultation closes")]
    ConsultationClose,
    /// Modification Report presented to the Panel.
    #[strum(message = "Modification Report to Panel")]
    ModificationReport,
    /// Anything else.
    #[default]
    #[strum(message = "Other")]
    Other,
}

impl MilestoneKind {
    /// The kinds a legend shows.
    pub const LEGEND: [MilestoneKind; 6] = [
        MilestoneKind::DccResponseDue,
        MilestoneKind::WorkingGroup,
        MilestoneKind::PanelReturn,
        MilestoneKind::ModificationReport,
        MilestoneKind::ConsultationIssue,
        MilestoneKind::SubCommittee,
    ];

    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Human name: the variant's `message`.
    pub fn label(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    /// The kind of meeting this milestone must sit on, if any.
    pub fn meeting_kind(self) -> Option<MeetingKind> {
        match self {
            MilestoneKind::WorkingGroup => Some(MeetingKind::WorkingGroup),
            MilestoneKind::PanelReturn | MilestoneKind::ModificationReport => {
                Some(MeetingKind::Panel)
            }
            _ => None,
        }
    }
}

/// A dated event: a diamond on the timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Names the item for links (`after`), unique among the modification's work packages and milestones.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What it marks.
    pub kind: MilestoneKind,
    /// The day (for approximate dates, the conventional day; see [`Precision`]).
    pub date: Date,
    /// How precisely the day is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
    /// Short text, e.g. "Working Group 3 April".
    pub label: String,
    /// The items it follows: without `at` it falls on the day the last of them ends (plus the lag).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Link>,
    /// The meeting it sits on, named or found from what it follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<At>,
    /// Fixed by hand: links never move it (they warn instead).
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// True once it has happened.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
    /// The day it really happened, when done and different from `date`'s plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Date>,
}

impl Milestone {
    /// True when links decide its date (it follows something or sits on a meeting, and is not pinned).
    pub fn is_automatic(&self) -> bool {
        !self.pinned && (!self.after.is_empty() || self.at.is_some())
    }
}
