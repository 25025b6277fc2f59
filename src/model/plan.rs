//! The plan as data: everything the Panel paper states about meetings, releases and modifications.
//!
//! Field order here is the order in plan files; optional fields that are empty are left out of files so that
//! they stay short and diff-friendly.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::date::{Precision, WeekDay};

/// The plan file format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

/// A whole timetable: what a plan file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// File format version; see [`FORMAT_VERSION`].
    pub version: u32,
    /// Title, paper reference, status date, author.
    pub meta: PlanMeta,
    /// Working week and bank holidays.
    pub calendar: Calendar,
    /// Recurring meetings, e.g. the monthly Working Group; expanded by [`crate::model::Schedule`].
    #[serde(default)]
    pub meeting_series: Vec<MeetingSeries>,
    /// Individual meetings: Panel meetings and one-offs.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// SEC releases and their Modification Report cut-offs.
    #[serde(default)]
    pub releases: Vec<Release>,
    /// Groups of modifications progressed together.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The open Modification Proposals.
    #[serde(default)]
    pub modifications: Vec<Modification>,
    /// The timetable the Panel last agreed, for slippage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
}

/// Plan metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeta {
    /// E.g. "SEC Modification Timetables".
    pub title: String,
    /// Paper reference, e.g. "SECP_66_1503_12".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub paper_ref: String,
    /// The "as of" date: what is before it is past.
    pub status_date: Date,
    /// Who wrote the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Free text about the plan and its conventions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// What kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// SEC Panel meeting.
    Panel,
    /// Working Group: the monthly one or a standalone one.
    WorkingGroup,
    /// A Sub-Committee: TABASC, SSC, Operations Group, Change Sub-Committee.
    SubCommittee,
    /// Anything else.
    Other,
}

impl MeetingKind {
    /// All kinds, for pickers and legends.
    pub const ALL: [MeetingKind; 4] = [
        MeetingKind::Panel,
        MeetingKind::WorkingGroup,
        MeetingKind::SubCommittee,
        MeetingKind::Other,
    ];

    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Panel => "panel",
            MeetingKind::WorkingGroup => "working_group",
            MeetingKind::SubCommittee => "sub_committee",
            MeetingKind::Other => "other",
        }
    }

    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Panel => "Panel",
            MeetingKind::WorkingGroup => "Working Group",
            MeetingKind::SubCommittee => "Sub-Committee",
            MeetingKind::Other => "Other meeting",
        }
    }
}

/// How much notice a meeting's attendees get, in working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// The agenda is confirmed at least this many working days before (10 for the monthly Working Group).
    pub agenda_days: u32,
    /// Papers are published at least this many working days before (5 for the monthly Working Group).
    pub papers_days: u32,
}

/// One meeting on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Unique among meetings, e.g. "panel-66".
    pub id: String,
    /// Panel, Working Group, ...
    pub kind: MeetingKind,
    /// E.g. "Panel 66", "TABASC".
    pub name: String,
    /// The day.
    pub date: Date,
    /// True when the day is a plausible guess rather than a published date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Notice rule, when the meeting has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A monthly meeting on the `nth` `weekday` of each month, e.g. the Working Group on the first Wednesday.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSeries {
    /// Unique among series and meetings; occurrences get ids `"<id>-YYYY-MM"`.
    pub id: String,
    /// Kind of every occurrence.
    pub kind: MeetingKind,
    /// Occurrences are named "<name> <Month YYYY>".
    pub name: String,
    /// Which weekday of the month: 1 is the first.
    pub nth: i8,
    /// The weekday.
    pub weekday: WeekDay,
    /// First possible day.
    pub from: Date,
    /// Last possible day.
    pub until: Date,
    /// Notice rule for every occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A SEC release and the Panel meeting by which a Modification Report must arrive to be in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Unique, e.g. "nov-2019".
    pub id: String,
    /// E.g. "November 2019 SEC Release".
    pub name: String,
    /// Implementation date.
    pub date: Date,
    /// How precisely the implementation date is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
    /// Id of the Panel meeting that is the Modification Report cut-off.
    pub cutoff_meeting: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Modifications progressed together, e.g. the prepayment group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique, e.g. "prepayment".
    pub id: String,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Where a modification is in the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Refinement Process: requirements being developed or reviewed.
    InRefinement,
    /// Waiting for a DCC Preliminary (or Impact) Assessment response.
    AwaitingDccAssessment,
    /// Parked: no work until something else happens.
    OnHold,
    /// Industry consultation being prepared, open, or its responses reviewed.
    Consultation,
    /// DCC Impact Assessment under way.
    ImpactAssessment,
    /// Modification Report being prepared for the Panel.
    ModificationReport,
    /// Decided, withdrawn or closed.
    Closed,
}

impl Status {
    /// All statuses, for pickers and filters.
    pub const ALL: [Status; 7] = [
        Status::InRefinement,
        Status::AwaitingDccAssessment,
        Status::OnHold,
        Status::Consultation,
        Status::ImpactAssessment,
        Status::ModificationReport,
        Status::Closed,
    ];

    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InRefinement => "in_refinement",
            Status::AwaitingDccAssessment => "awaiting_dcc_assessment",
            Status::OnHold => "on_hold",
            Status::Consultation => "consultation",
            Status::ImpactAssessment => "impact_assessment",
            Status::ModificationReport => "modification_report",
            Status::Closed => "closed",
        }
    }

    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            Status::InRefinement => "In refinement",
            Status::AwaitingDccAssessment => "Awaiting DCC assessment",
            Status::OnHold => "On hold",
            Status::Consultation => "Consultation",
            Status::ImpactAssessment => "Impact Assessment",
            Status::ModificationReport => "Modification Report",
            Status::Closed => "Closed",
        }
    }
}

/// A cost the plan mentions, e.g. the ~£17,000 Impact Assessment of SECMP0062.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// What the money is for.
    pub item: String,
    /// Amount in pounds, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_gbp: Option<u64>,
    /// True for "circa" amounts.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Free text: who signs it off, what it depends on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Who carries out a work package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The SEC Administrator and Secretary.
    Secas,
    /// The Data Communications Company.
    Dcc,
    /// The Proposer of the modification.
    Proposer,
    /// A Sub-Committee (TABASC, SSC, Operations Group, ...).
    SubCommittee,
    /// The Working Group.
    WorkingGroup,
    /// Industry (consultation respondents).
    Industry,
    /// The SEC Panel or Change Board.
    Panel,
}

impl Owner {
    /// All owners, for pickers and legends.
    pub const ALL: [Owner; 7] = [
        Owner::Secas,
        Owner::Dcc,
        Owner::Proposer,
        Owner::SubCommittee,
        Owner::WorkingGroup,
        Owner::Industry,
        Owner::Panel,
    ];

    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Owner::Secas => "secas",
            Owner::Dcc => "dcc",
            Owner::Proposer => "proposer",
            Owner::SubCommittee => "sub_committee",
            Owner::WorkingGroup => "working_group",
            Owner::Industry => "industry",
            Owner::Panel => "panel",
        }
    }

    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            Owner::Secas => "SECAS",
            Owner::Dcc => "DCC",
            Owner::Proposer => "Proposer",
            Owner::SubCommittee => "Sub-Committee",
            Owner::WorkingGroup => "Working Group",
            Owner::Industry => "Industry",
            Owner::Panel => "Panel / Change Board",
        }
    }
}

/// A package of work: a bar on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPackage {
    /// E.g. "DCC Preliminary Assessment".
    pub name: String,
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
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// What a milestone marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A Preliminary or Impact Assessment request sent to the DCC.
    DccRequest,
    /// The DCC's response is due.
    DccResponseDue,
    /// Presented at a Working Group meeting.
    WorkingGroup,
    /// Discussed with a Sub-Committee.
    SubCommittee,
    /// Returned to the Panel for an update and the next work package.
    PanelReturn,
    /// Industry consultation issued.
    ConsultationIssue,
    /// Industry consultation closes.
    ConsultationClose,
    /// Modification Report presented to the Panel.
    ModificationReport,
    /// Anything else.
    Other,
}

impl MilestoneKind {
    /// All kinds, for pickers and legends.
    pub const ALL: [MilestoneKind; 9] = [
        MilestoneKind::DccRequest,
        MilestoneKind::DccResponseDue,
        MilestoneKind::WorkingGroup,
        MilestoneKind::SubCommittee,
        MilestoneKind::PanelReturn,
        MilestoneKind::ConsultationIssue,
        MilestoneKind::ConsultationClose,
        MilestoneKind::ModificationReport,
        MilestoneKind::Other,
    ];

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
        match self {
            MilestoneKind::DccRequest => "dcc_request",
            MilestoneKind::DccResponseDue => "dcc_response_due",
            MilestoneKind::WorkingGroup => "working_group",
            MilestoneKind::SubCommittee => "sub_committee",
            MilestoneKind::PanelReturn => "panel_return",
            MilestoneKind::ConsultationIssue => "consultation_issue",
            MilestoneKind::ConsultationClose => "consultation_close",
            MilestoneKind::ModificationReport => "modification_report",
            MilestoneKind::Other => "other",
        }
    }

    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::DccRequest => "DCC request",
            MilestoneKind::DccResponseDue => "DCC response due",
            MilestoneKind::WorkingGroup => "Working Group",
            MilestoneKind::SubCommittee => "Sub-Committee",
            MilestoneKind::PanelReturn => "Panel return",
            MilestoneKind::ConsultationIssue => "Consultation issued",
            MilestoneKind::ConsultationClose => "Consultation closes",
            MilestoneKind::ModificationReport => "Modification Report to Panel",
            MilestoneKind::Other => "Other",
        }
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What it marks.
    pub kind: MilestoneKind,
    /// The day (for approximate dates, the conventional day; see [`Precision`]).
    pub date: Date,
    /// How precisely the day is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
    /// Short text, e.g. "Working Group 3 April".
    pub label: String,
    /// True once it has happened.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

/// How one modification depends on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// No work until the other modification's work ends (SECMP0028 pending SECMP0067).
    OnHoldPending,
    /// Progressed alongside the other (SECMP0037 with SECMP0032); no scheduling constraint.
    InParallelWith,
    /// Work starts only after the other's work ends, plus a lag in working days.
    FinishToStart,
}

impl DependencyKind {
    /// All kinds, for pickers.
    pub const ALL: [DependencyKind; 3] = [
        DependencyKind::OnHoldPending,
        DependencyKind::InParallelWith,
        DependencyKind::FinishToStart,
    ];

    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DependencyKind::OnHoldPending => "on_hold_pending",
            DependencyKind::InParallelWith => "in_parallel_with",
            DependencyKind::FinishToStart => "finish_to_start",
        }
    }

    /// How the dependent side reads: "on hold pending SECMP0067".
    pub fn phrase(self) -> &'static str {
        match self {
            DependencyKind::OnHoldPending => "on hold pending",
            DependencyKind::InParallelWith => "in parallel with",
            DependencyKind::FinishToStart => "starts after",
        }
    }

    /// How the other side reads: "SECMP0028 waits for this".
    pub fn reverse_phrase(self) -> &'static str {
        match self {
            DependencyKind::OnHoldPending | DependencyKind::FinishToStart => "waits for this",
            DependencyKind::InParallelWith => "progresses in parallel with this",
        }
    }

    /// True when the kind orders work in time (and so must not form a cycle).
    pub fn is_ordering(self) -> bool {
        !matches!(self, DependencyKind::InParallelWith)
    }
}

/// A link from the modification that holds it to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// The relation.
    pub kind: DependencyKind,
    /// Id of the other modification.
    pub on: String,
    /// Working days between the other's end and this one's start (finish-to-start only).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lag_days: i32,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One Modification Proposal: a row on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modification {
    /// Unique, e.g. "SECMP0007".
    pub id: String,
    /// E.g. "Firmware updates to IHDs and PPMIDs".
    pub title: String,
    /// One paragraph: what it proposes.
    pub summary: String,
    /// Where it is in the process.
    pub status: Status,
    /// Who raised it, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposer: Option<String>,
    /// Id of its [`Group`], if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Id of the [`Release`] it aims for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_release: Option<String>,
    /// Costs mentioned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<Cost>,
    /// Risks to the timetable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The packages of work, in order.
    #[serde(default)]
    pub work_packages: Vec<WorkPackage>,
    /// Dated events.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Links to other modifications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Dependency>,
}

impl Modification {
    /// A new, empty modification with the given id.
    pub fn new(id: impl Into<String>) -> Self {
        Modification {
            id: id.into(),
            title: String::new(),
            summary: String::new(),
            status: Status::InRefinement,
            proposer: None,
            group: None,
            target_release: None,
            costs: Vec::new(),
            risks: Vec::new(),
            notes: String::new(),
            work_packages: Vec::new(),
            milestones: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    /// The earliest work package start, if any.
    pub fn work_start(&self) -> Option<Date> {
        self.work_packages.iter().map(|w| w.start).min()
    }

    /// The latest work package end, if any.
    pub fn work_end(&self) -> Option<Date> {
        self.work_packages.iter().map(|w| w.end).max()
    }

    /// First and last day of anything dated on the row (work packages and milestones).
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let starts = self.work_packages.iter().map(|w| w.start);
        let ends = self.work_packages.iter().map(|w| w.end);
        let days = self.milestones.iter().map(|m| m.date);
        let first = starts.clone().chain(days.clone()).min()?;
        let last = ends.chain(days).max()?;
        Some((first, last))
    }

    /// The Panel return: the first milestone of kind panel return or Modification Report not yet done.
    pub fn panel_return(&self) -> Option<&Milestone> {
        self.milestones
            .iter()
            .filter(|m| {
                !m.done
                    && matches!(
                        m.kind,
                        MilestoneKind::PanelReturn | MilestoneKind::ModificationReport
                    )
            })
            .min_by_key(|m| m.date)
    }

    /// "on hold — pending SECMP0067" for an on-hold modification (just "on hold" when it waits on nothing named).
    pub fn on_hold_text(&self) -> Option<String> {
        if self.status != Status::OnHold {
            return None;
        }
        let pending: Vec<&str> = self
            .dependencies
            .iter()
            .filter(|d| d.kind == DependencyKind::OnHoldPending)
            .map(|d| d.on.as_str())
            .collect();
        Some(if pending.is_empty() {
            "on hold".to_owned()
        } else {
            format!("on hold — pending {}", pending.join(", "))
        })
    }

    /// The work package under way on `date`, else the next one to start after it.
    pub fn current_work_package(&self, date: Date) -> Option<&WorkPackage> {
        self.work_packages
            .iter()
            .filter(|w| w.end >= date)
            .min_by_key(|w| (w.start.max(date), w.end))
    }
}

/// The timetable as the Panel agreed it on a date: what slippage is measured against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// When it was agreed (or set).
    pub date: Date,
    /// E.g. "Timetable agreed at Panel 65 (February 2019)".
    pub name: String,
    /// Where the baseline comes from, and what in it is estimated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Per modification: its work packages and milestones then.
    pub modifications: Vec<BaselineEntry>,
}

/// One modification's agreed dates in a [`Baseline`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// Modification id.
    pub id: String,
    /// Work packages as agreed.
    #[serde(default)]
    pub work_packages: Vec<WorkPackage>,
    /// Milestones as agreed.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl Plan {
    /// An empty plan with the England & Wales calendar, dated `status_date`.
    pub fn new_empty(status_date: Date) -> Self {
        Plan {
            version: FORMAT_VERSION,
            meta: PlanMeta {
                title: "Untitled plan".into(),
                paper_ref: String::new(),
                status_date,
                author: String::new(),
                notes: String::new(),
            },
            calendar: Calendar::england_and_wales(),
            meeting_series: Vec::new(),
            meetings: Vec::new(),
            releases: Vec::new(),
            groups: Vec::new(),
            modifications: Vec::new(),
            baseline: None,
        }
    }

    /// Index of the modification with `id`.
    pub fn modification_index(&self, id: &str) -> Option<usize> {
        self.modifications.iter().position(|m| m.id == id)
    }

    /// The modification with `id`.
    pub fn modification(&self, id: &str) -> Option<&Modification> {
        self.modifications.iter().find(|m| m.id == id)
    }

    /// The release with `id`.
    pub fn release(&self, id: &str) -> Option<&Release> {
        self.releases.iter().find(|r| r.id == id)
    }

    /// The group with `id`.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}
