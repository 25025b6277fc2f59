//! The plan as data: everything the Panel paper states about meetings, releases and modifications.
//!
//! Field order here is the order in plan files; optional fields that are empty are left out of files so that
//! they stay short and diff-friendly.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumMessage, IntoStaticStr};

use super::calendar::Calendar;
use super::date::{Precision, WeekDay};
pub use super::plan_items::{At, Link, Milestone, MilestoneKind, Owner, WorkPackage};

/// The plan file format version this build writes.
pub const FORMAT_VERSION: u32 = 2;

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

pub(crate) fn is_zero(n: &i32) -> bool {
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
    /// The timetables of earlier papers, oldest first: what slippage and "Changes since" compare against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<Baseline>,
    /// Format 1's single baseline; read only, moved into [`Plan::baselines`] by [`Plan::migrate`].
    #[serde(default, skip_serializing, rename = "baseline")]
    pub legacy_baseline: Option<Baseline>,
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
#[derive(EnumIter, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum MeetingKind {
    /// SEC Panel meeting.
    #[strum(message = "Panel")]
    Panel,
    /// Working Group: the monthly one or a standalone one.
    #[strum(message = "Working Group")]
    WorkingGroup,
    /// A Sub-Committee: TABASC, SSC, Operations Group, Change Sub-Committee.
    #[strum(message = "Sub-Committee")]
    SubCommittee,
    /// Anything else.
    #[strum(message = "Other meeting")]
    Other,
}

impl MeetingKind {
    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Human name: the variant's `message`.
    pub fn label(self) -> &'static str {
        self.get_message().unwrap_or_default()
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
    /// Occurrences left out (no meeting that month, e.g. in August), each named by a day of its month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<Date>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl MeetingSeries {
    /// True when the occurrence in `date`'s month is left out.
    pub fn skips(&self, date: Date) -> bool {
        self.skip
            .iter()
            .any(|s| (s.year(), s.month()) == (date.year(), date.month()))
    }
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

impl Release {
    /// The label of the release's cut-off line: "November 2019 SEC Release" → "November 2019 cut-off".
    pub fn cutoff_label(&self) -> String {
        format!("{} cut-off", self.name.replace(" SEC Release", ""))
    }
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
#[derive(EnumIter, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Raised as a Draft Proposal, before the Panel converts it into a Modification Proposal.
    #[strum(message = "Draft proposal")]
    DraftProposal,
    /// Refinement Process: requirements being developed or reviewed.
    #[strum(message = "In refinement")]
    InRefinement,
    /// Waiting for a DCC Preliminary (or Impact) Assessment response.
    #[strum(message = "Awaiting DCC assessment")]
    AwaitingDccAssessment,
    /// Parked: no work until something else happens.
    #[strum(message = "On hold")]
    OnHold,
    /// Industry consultation being prepared, open, or its responses reviewed.
    #[strum(message = "Consultation")]
    Consultation,
    /// DCC Impact Assessment under way.
    #[strum(message = "Impact Assessment")]
    ImpactAssessment,
    /// Modification Report being prepared for the Panel.
    #[strum(message = "Modification Report")]
    ModificationReport,
    /// Report Phase: the Panel has the Modification Report and consults on it.
    #[strum(message = "Report phase")]
    ReportPhase,
    /// With the Change Board or the Authority for a decision.
    #[strum(message = "Awaiting decision")]
    AwaitingDecision,
    /// Approved, awaiting implementation in its release.
    #[strum(message = "Approved")]
    Approved,
    /// Rejected: closed.
    #[strum(message = "Rejected")]
    Rejected,
    /// Withdrawn by the Proposer: closed.
    #[strum(message = "Withdrawn")]
    Withdrawn,
    /// Implemented in a SEC release: closed.
    #[strum(message = "Implemented")]
    Implemented,
    /// Closed for any other reason.
    #[strum(message = "Closed")]
    Closed,
}

impl Status {
    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Human name: the variant's `message`.
    pub fn label(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    /// True once the modification has left the process: rejected, withdrawn, implemented or closed.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Rejected | Status::Withdrawn | Status::Implemented | Status::Closed
        )
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

/// How one modification depends on another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(EnumIter, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum DependencyKind {
    /// No work until the other modification's work ends (SECMP0028 pending SECMP0067).
    #[default]
    #[strum(message = "on hold pending")]
    OnHoldPending,
    /// Progressed alongside the other (SECMP0037 with SECMP0032); no scheduling constraint.
    #[strum(message = "in parallel with")]
    InParallelWith,
    /// Work starts only after the other's work ends, plus a lag in working days.
    #[strum(message = "starts after")]
    FinishToStart,
}

impl DependencyKind {
    /// snake_case name as in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// How the dependent side reads (the variant's `message`): "on hold pending SECMP0067".
    pub fn phrase(self) -> &'static str {
        self.get_message().unwrap_or_default()
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// The relation.
    pub kind: DependencyKind,
    /// Id of the other modification.
    pub on: String,
    /// The `id` of the item of the other modification whose end lifts the hold or lets work start (e.g. its Panel
    /// return); without it, the end of all its work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Working days between the other's end and this one's start (finish-to-start only).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lag_days: i32,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A hold on something outside the plan: the DCC's approach to costs, a Proposer's decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    /// What is awaited, e.g. "the Proposer's decision on SECMP0067".
    pub event: String,
    /// When it is expected, if anyone knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Date>,
    /// How precisely the expected date is known.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
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
    /// Holds on events outside the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds: Vec<Hold>,
    /// The day it closed (decided, withdrawn, implemented), once it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<Date>,
    /// Why it closed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub closing_reason: String,
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
            holds: Vec::new(),
            closed_on: None,
            closing_reason: String::new(),
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
    /// The status date of the paper it comes from (or the day it was set).
    pub date: Date,
    /// E.g. "Timetable agreed at Panel 66 (March 2019)".
    pub name: String,
    /// The reference of the paper it comes from, e.g. "SECP_66_1503_12".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub paper_ref: String,
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
    /// Its title then (empty in baselines stored before titles were kept).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Its status then, when the baseline kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its dependencies then, when the baseline kept them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<Vec<Dependency>>,
    /// Its costs then, when the baseline kept them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<Vec<Cost>>,
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
            baselines: Vec::new(),
            legacy_baseline: None,
        }
    }

    /// Brings a plan read from an older format up to [`FORMAT_VERSION`]; returns the version it was read as when
    /// that was older. Format 1 had one optional baseline; it becomes the first of the list.
    pub fn migrate(&mut self) -> Option<u32> {
        let from = self.version;
        if let Some(b) = self.legacy_baseline.take() {
            self.baselines.insert(0, b);
        }
        self.version = FORMAT_VERSION;
        (from < FORMAT_VERSION).then_some(from)
    }

    /// The newest baseline, if any.
    pub fn latest_baseline(&self) -> Option<&Baseline> {
        self.baselines.last()
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

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::model::WarningCode;

    /// For every variant of each enum: `as_str` (strum's name) is what serde writes in RON and JSON, and whatever
    /// further checks are given hold.
    macro_rules! for_every_variant {
        ($($enum:ty),+ $(,)?; |$v:ident| $check:block) => {
            $(
                let mut seen = 0;
                for $v in <$enum>::iter() {
                    let name = $v.as_str();
                    assert_eq!(ron::to_string(&$v).unwrap(), name, "{:?} in RON", $v);
                    assert_eq!(
                        serde_json::to_string(&$v).unwrap(),
                        format!("\"{name}\""),
                        "{:?} in JSON",
                        $v
                    );
                    $check;
                    seen += 1;
                }
                assert!(seen > 1, "{} lists its variants", stringify!($enum));
            )+
        };
    }

    #[test]
    fn strum_names_are_the_serde_names_and_labels_are_filled_in() {
        for_every_variant!(Precision, WarningCode; |v| {});
        for_every_variant!(MeetingKind, Status, Owner, MilestoneKind; |v| {
            assert!(!v.label().trim().is_empty(), "{v:?} has a label");
        });
        for_every_variant!(DependencyKind; |v| {
            assert!(!v.phrase().trim().is_empty(), "{v:?} has a phrase");
        });
    }

    #[test]
    fn labels_sit_beside_their_variants() {
        assert_eq!(MeetingKind::WorkingGroup.label(), "Working Group");
        assert_eq!(
            Status::AwaitingDccAssessment.label(),
            "Awaiting DCC assessment"
        );
        assert_eq!(Owner::Panel.label(), "Panel / Change Board");
        assert_eq!(
            MilestoneKind::ModificationReport.label(),
            "Modification Report to Panel"
        );
        assert_eq!(DependencyKind::OnHoldPending.phrase(), "on hold pending");
    }
}
