//! The JSON document `sec-timetable check --json` prints: the plan as loaded, its expanded meetings, and its
//! warnings. Field names and kinds are part of the CLI's contract (see README.md).

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{
    At, DependencyKind, MeetingKind, MilestoneKind, Owner, Plan, Precision, Schedule, Status,
    Warning, WarningCode, chain,
};

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Plan metadata.
    pub plan: PlanInfo<'a>,
    /// Every modification.
    pub modifications: Vec<ModificationReport<'a>>,
    /// Every meeting, series expanded, in date order.
    pub meetings: Vec<MeetingReport<'a>>,
    /// Every release.
    pub releases: Vec<ReleaseReport<'a>>,
    /// Every warning.
    pub warnings: Vec<WarningReport<'a>>,
    /// The stored timetables of earlier papers, oldest first.
    pub baselines: Vec<BaselineReport<'a>>,
}

/// One stored baseline.
#[derive(Debug, Serialize)]
pub struct BaselineReport<'a> {
    pub name: &'a str,
    pub paper_ref: &'a str,
    pub status_date: Date,
}

/// Plan metadata.
#[derive(Debug, Serialize)]
pub struct PlanInfo<'a> {
    pub title: &'a str,
    pub paper_ref: &'a str,
    pub status_date: Date,
    pub author: &'a str,
}

/// One modification.
#[derive(Debug, Serialize)]
pub struct ModificationReport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub status: Status,
    pub proposer: Option<&'a str>,
    pub group: Option<&'a str>,
    pub target_release: Option<&'a str>,
    pub costs: Vec<CostReport<'a>>,
    pub risks: &'a [String],
    pub notes: &'a str,
    pub work_packages: Vec<WorkPackageReport<'a>>,
    pub milestones: Vec<MilestoneReport<'a>>,
    pub dependencies: Vec<DependencyReport<'a>>,
    pub closed_on: Option<Date>,
    pub closing_reason: &'a str,
    pub holds: Vec<HoldReport<'a>>,
}

/// One hold on an event outside the plan.
#[derive(Debug, Serialize)]
pub struct HoldReport<'a> {
    pub event: &'a str,
    pub expected: Option<Date>,
    pub precision: Precision,
}

/// One link to an item of the same modification.
#[derive(Debug, Serialize)]
pub struct LinkReport<'a> {
    pub on: &'a str,
    pub lag_days: i32,
}

/// One cost.
#[derive(Debug, Serialize)]
pub struct CostReport<'a> {
    pub item: &'a str,
    pub amount_gbp: Option<u64>,
    pub approximate: bool,
    pub notes: &'a str,
}

/// One work package.
#[derive(Debug, Serialize)]
pub struct WorkPackageReport<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub short_name: Option<&'a str>,
    pub start: Date,
    pub start_precision: Precision,
    pub end: Date,
    pub end_precision: Precision,
    pub owner: Owner,
    pub working_days: i32,
    pub after: Vec<LinkReport<'a>>,
    /// True when links set its dates.
    pub auto: bool,
    pub notes: &'a str,
    pub done: bool,
    pub actual_end: Option<Date>,
}

/// One milestone.
#[derive(Debug, Serialize)]
pub struct MilestoneReport<'a> {
    pub id: &'a str,
    pub kind: MilestoneKind,
    pub date: Date,
    pub precision: Precision,
    pub label: &'a str,
    pub done: bool,
    pub actual: Option<Date>,
    pub after: Vec<LinkReport<'a>>,
    /// Id of the meeting it sits on: named, found from its inputs, or the meeting of its kind on its day.
    pub meeting: Option<String>,
    /// True when its date is computed (from links or a meeting), not typed.
    pub auto: bool,
}

/// One dependency.
#[derive(Debug, Serialize)]
pub struct DependencyReport<'a> {
    pub kind: DependencyKind,
    pub on: &'a str,
    pub until: Option<&'a str>,
    pub lag_days: i32,
}

/// One meeting.
#[derive(Debug, Serialize)]
pub struct MeetingReport<'a> {
    pub id: &'a str,
    pub kind: MeetingKind,
    pub date: Date,
    pub name: &'a str,
    pub approximate: bool,
    pub agenda_due: Option<Date>,
    pub papers_due: Option<Date>,
}

/// One release.
#[derive(Debug, Serialize)]
pub struct ReleaseReport<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub date: Date,
    pub precision: Precision,
    pub cutoff_meeting: &'a str,
    pub cutoff_date: Option<Date>,
}

/// One warning.
#[derive(Debug, Serialize)]
pub struct WarningReport<'a> {
    pub code: WarningCode,
    pub modification: &'a str,
    pub message: &'a str,
}

/// Builds the report for `plan`.
pub fn build_report<'a>(
    plan: &'a Plan,
    schedule: &'a Schedule,
    warnings: &'a [Warning],
) -> Report<'a> {
    Report {
        plan: PlanInfo {
            title: &plan.meta.title,
            paper_ref: &plan.meta.paper_ref,
            status_date: plan.meta.status_date,
            author: &plan.meta.author,
        },
        modifications: plan
            .modifications
            .iter()
            .map(|m| ModificationReport {
                id: &m.id,
                title: &m.title,
                summary: &m.summary,
                status: m.status,
                proposer: m.proposer.as_deref(),
                group: m.group.as_deref(),
                target_release: m.target_release.as_deref(),
                costs: m
                    .costs
                    .iter()
                    .map(|c| CostReport {
                        item: &c.item,
                        amount_gbp: c.amount_gbp,
                        approximate: c.approximate,
                        notes: &c.notes,
                    })
                    .collect(),
                risks: &m.risks,
                notes: &m.notes,
                work_packages: m
                    .work_packages
                    .iter()
                    .map(|w| WorkPackageReport {
                        id: &w.id,
                        name: &w.name,
                        short_name: w.short_name.as_deref(),
                        start: w.start,
                        start_precision: w.start_precision,
                        end: w.end,
                        end_precision: w.end_precision,
                        owner: w.owner,
                        working_days: plan.calendar.working_days_in(w.start, w.end),
                        after: links(&w.after),
                        auto: w.is_automatic(),
                        notes: &w.notes,
                        done: w.done,
                        actual_end: w.actual_end,
                    })
                    .collect(),
                milestones: m
                    .milestones
                    .iter()
                    .map(|x| MilestoneReport {
                        id: &x.id,
                        kind: x.kind,
                        date: x.date,
                        precision: x.precision,
                        label: &x.label,
                        done: x.done,
                        actual: x.actual,
                        after: links(&x.after),
                        meeting: match &x.at {
                            // Named: the name, even if the plan has no such meeting day.
                            Some(At::Meeting(id)) => Some(id.clone()),
                            _ => chain::meeting_of(x, schedule).map(|mt| mt.id.clone()),
                        },
                        auto: x.is_automatic(),
                    })
                    .collect(),
                dependencies: m
                    .dependencies
                    .iter()
                    .map(|d| DependencyReport {
                        kind: d.kind,
                        on: &d.on,
                        until: d.until.as_deref(),
                        lag_days: d.lag_days,
                    })
                    .collect(),
                closed_on: m.closed_on,
                closing_reason: &m.closing_reason,
                holds: m
                    .holds
                    .iter()
                    .map(|h| HoldReport {
                        event: &h.event,
                        expected: h.expected,
                        precision: h.precision,
                    })
                    .collect(),
            })
            .collect(),
        meetings: schedule
            .meetings
            .iter()
            .map(|m| MeetingReport {
                id: &m.id,
                kind: m.kind,
                date: m.date,
                name: &m.name,
                approximate: m.approximate,
                agenda_due: m.agenda_due,
                papers_due: m.papers_due,
            })
            .collect(),
        releases: plan
            .releases
            .iter()
            .map(|r| ReleaseReport {
                id: &r.id,
                name: &r.name,
                date: r.date,
                precision: r.precision,
                cutoff_meeting: &r.cutoff_meeting,
                cutoff_date: schedule.by_id(&r.cutoff_meeting).map(|m| m.date),
            })
            .collect(),
        warnings: warnings
            .iter()
            .map(|w| WarningReport {
                code: w.code,
                modification: &w.modification,
                message: &w.message,
            })
            .collect(),
        baselines: plan
            .baselines
            .iter()
            .map(|b| BaselineReport {
                name: &b.name,
                paper_ref: &b.paper_ref,
                status_date: b.date,
            })
            .collect(),
    }
}

/// The report as pretty JSON.
pub fn report_json(plan: &Plan, schedule: &Schedule, warnings: &[Warning]) -> String {
    serde_json::to_string_pretty(&build_report(plan, schedule, warnings))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn links(after: &[crate::model::Link]) -> Vec<LinkReport<'_>> {
    after
        .iter()
        .map(|l| LinkReport {
            on: &l.on,
            lag_days: l.lag_days,
        })
        .collect()
}
