//! Text exports: the timetable as CSV and Markdown (one row per modification), and a Markdown draft of the paper's
//! section 3, one paragraph per modification in the paper's own style.

use jiff::civil::Date;

use crate::model::{
    DependencyKind, MeetingKind, Milestone, MilestoneKind, Modification, Plan, Precision, Schedule,
    Status, Warning, format_approx, format_date,
};

/// One modification's line of the timetable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimetableRow {
    /// Modification id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Status, as words.
    pub status: String,
    /// The work package under way at the status date, else the next one.
    pub current_work_package: Option<String>,
    /// Its end.
    pub current_work_package_end: Option<(Date, Precision)>,
    /// The next Working Group it goes to.
    pub next_working_group: Option<Date>,
    /// The Panel meeting it returns to.
    pub panel_return: Option<Date>,
    /// Links both ways, e.g. "on hold pending SECMP0067".
    pub dependencies: Vec<String>,
    /// Warning messages.
    pub warnings: Vec<String>,
}

fn next_of_kind(m: &Modification, kind: MilestoneKind, from: Date) -> Option<&Milestone> {
    m.milestones
        .iter()
        .filter(|x| x.kind == kind && !x.done && x.date >= from)
        .min_by_key(|x| x.date)
}

/// Dependencies of modification `i` in both directions, as phrases.
pub fn dependency_phrases(plan: &Plan, i: usize) -> Vec<String> {
    let m = &plan.modifications[i];
    let mut out: Vec<String> = m
        .dependencies
        .iter()
        .map(|d| format!("{} {}", d.kind.phrase(), d.on))
        .collect();
    for other in &plan.modifications {
        for d in other.dependencies.iter().filter(|d| d.on == m.id) {
            out.push(format!("{} {}", other.id, d.kind.reverse_phrase()));
        }
    }
    out
}

/// The timetable, one row per modification in plan order.
pub fn timetable_rows(plan: &Plan, warnings: &[Warning]) -> Vec<TimetableRow> {
    let status = plan.meta.status_date;
    plan.modifications
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let wp = m.current_work_package(status);
            TimetableRow {
                id: m.id.clone(),
                title: m.title.clone(),
                status: m.status.label().to_owned(),
                current_work_package: wp.map(|w| w.name.clone()),
                current_work_package_end: wp.map(|w| (w.end, w.end_precision)),
                next_working_group: next_of_kind(m, MilestoneKind::WorkingGroup, status)
                    .map(|x| x.date),
                panel_return: m.panel_return().map(|x| x.date),
                dependencies: dependency_phrases(plan, i),
                warnings: warnings
                    .iter()
                    .filter(|w| w.index == i)
                    .map(|w| w.message.clone())
                    .collect(),
            }
        })
        .collect()
}

/// The timetable as CSV with a header row; dates as YYYY-MM-DD.
pub fn timetable_csv(rows: &[TimetableRow]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "title",
        "status",
        "current_work_package",
        "current_work_package_end",
        "current_work_package_end_precision",
        "next_working_group",
        "panel_return",
        "dependencies",
        "warnings",
    ])?;
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in rows {
        w.write_record([
            r.id.as_str(),
            &r.title,
            &r.status,
            r.current_work_package.as_deref().unwrap_or(""),
            &date(r.current_work_package_end.map(|(d, _)| d)),
            r.current_work_package_end.map_or("", |(_, p)| p.as_str()),
            &date(r.next_working_group),
            &date(r.panel_return),
            &r.dependencies.join("; "),
            &r.warnings.join(" | "),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The timetable as a Markdown table, with the plan's title and status date above it.
pub fn timetable_markdown(plan: &Plan, rows: &[TimetableRow]) -> String {
    let mut out = format!(
        "# {} — timetable\n\nStatus date: {}{}\n\n",
        plan.meta.title,
        format_date(plan.meta.status_date),
        if plan.meta.paper_ref.is_empty() {
            String::new()
        } else {
            format!(" · {}", plan.meta.paper_ref)
        }
    );
    out.push_str("| Modification | Title | Status | Current work package | Ends | Next Working Group | Panel return | Dependencies | Warnings |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    let date = |d: Option<Date>| d.map(format_date).unwrap_or_else(|| "—".into());
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            md_cell(&r.title),
            r.status,
            md_cell(r.current_work_package.as_deref().unwrap_or("—")),
            r.current_work_package_end
                .map_or_else(|| "—".into(), |(d, p)| format_approx(d, p)),
            date(r.next_working_group),
            date(r.panel_return),
            md_cell(&if r.dependencies.is_empty() {
                "—".into()
            } else {
                r.dependencies.join("; ")
            }),
            md_cell(&if r.warnings.is_empty() {
                "—".into()
            } else {
                r.warnings.join(" ")
            }),
        ));
    }
    out
}

/// A date as the paper says it in running text: "on 3 April 2019", "by early April 2019", "by mid-May 2019",
/// "by the end of March 2019", "in May 2019".
pub fn prose_date(date: Date, precision: Precision) -> String {
    let month = date.strftime("%B %Y");
    match precision {
        Precision::Exact => format!("on {}", date.strftime("%-d %B %Y")),
        Precision::Early => format!("by early {month}"),
        Precision::Mid => format!("by mid-{month}"),
        Precision::Late => format!("by the end of {month}"),
        Precision::Month => format!("in {month}"),
    }
}

fn owner_phrase(owner: crate::model::Owner) -> &'static str {
    use crate::model::Owner;
    match owner {
        Owner::Secas => "SECAS",
        Owner::Dcc => "the DCC",
        Owner::Proposer => "the Proposer",
        Owner::SubCommittee => "the Sub-Committee",
        Owner::WorkingGroup => "the Working Group",
        Owner::Industry => "industry",
        Owner::Panel => "the Panel",
    }
}

/// What happens next, in date order, as sentences.
fn next_steps(plan: &Plan, schedule: &Schedule, m: &Modification) -> Vec<String> {
    let status = plan.meta.status_date;
    // (date, sentence) for what lies ahead.
    let mut steps: Vec<(Date, String)> = Vec::new();
    for w in m.work_packages.iter().filter(|w| w.end >= status) {
        steps.push((
            w.start,
            format!(
                "{} ({}) is planned to complete {}.",
                w.name,
                owner_phrase(w.owner),
                prose_date(w.end, w.end_precision)
            ),
        ));
    }
    for x in m
        .milestones
        .iter()
        .filter(|x| !x.done && x.date >= status)
        .filter(|x| {
            !matches!(
                x.kind,
                MilestoneKind::PanelReturn | MilestoneKind::ModificationReport
            )
        })
    {
        let when = prose_date(x.date, x.precision);
        let sentence = match x.kind {
            MilestoneKind::DccRequest => format!("We will request the DCC's assessment {when}."),
            MilestoneKind::DccResponseDue => format!("We expect the DCC's response {when}."),
            MilestoneKind::WorkingGroup => {
                let meeting = schedule.on(x.date, MeetingKind::WorkingGroup);
                match meeting {
                    Some(mt) if mt.series.is_some() => format!(
                        "We will present this modification to the Working Group at the monthly meeting {when} for review and comment."
                    ),
                    _ => format!(
                        "We will discuss this modification at the Working Group meeting {when}."
                    ),
                }
            }
            MilestoneKind::SubCommittee => {
                let name = schedule
                    .on(x.date, MeetingKind::SubCommittee)
                    .map_or("the Sub-Committee".to_owned(), |mt| {
                        format!("the {}", mt.name)
                    });
                format!("We will discuss it with {name} {when}.")
            }
            MilestoneKind::ConsultationIssue => {
                format!("We expect to issue the industry consultation {when}.")
            }
            MilestoneKind::ConsultationClose => format!("The industry consultation closes {when}."),
            _ => format!("{} {when}.", x.label),
        };
        steps.push((x.date, sentence));
    }
    steps.sort_by_key(|(d, _)| *d);
    steps.into_iter().map(|(_, s)| s).collect()
}

/// The paragraph of section 3 for modification `i`.
pub fn section3_paragraph(
    plan: &Plan,
    schedule: &Schedule,
    warnings: &[Warning],
    i: usize,
) -> String {
    let m = &plan.modifications[i];
    let mut paragraphs: Vec<String> = Vec::new();
    paragraphs.push(format!("### {} '{}'", m.id, m.title));
    if !m.summary.is_empty() {
        paragraphs.push(m.summary.clone());
    }

    let mut now: Vec<String> = Vec::new();
    for d in &m.dependencies {
        match d.kind {
            DependencyKind::OnHoldPending => now.push(format!(
                "{} is on hold pending the outcome of {}; we will take no further action on it until then.",
                m.id, d.on
            )),
            DependencyKind::InParallelWith => {
                now.push(format!("{} will now progress in parallel with {}.", m.id, d.on))
            }
            DependencyKind::FinishToStart => now.push(format!(
                "Work on {} starts once {} completes{}.",
                m.id,
                d.on,
                if d.lag_days > 0 {
                    format!(", plus {} working days", d.lag_days)
                } else {
                    String::new()
                }
            )),
        }
    }
    if m.status == Status::OnHold && m.dependencies.is_empty() {
        now.push("This modification is currently on hold.".into());
    }
    now.extend(next_steps(plan, schedule, m));
    if !now.is_empty() {
        paragraphs.push(now.join(" "));
    }

    let mut panel: Vec<String> = Vec::new();
    if let Some(x) = m.panel_return() {
        let month = x.date.strftime("%B %Y");
        panel.push(match x.kind {
            MilestoneKind::ModificationReport => {
                format!("We expect to return to the Panel with the Modification Report at the {month} meeting.")
            }
            _ => format!(
                "We will return to the Panel at the {month} meeting to provide an update on this modification and agree the next set of dates."
            ),
        });
    } else if !warnings
        .iter()
        .any(|w| w.index == i && w.code == crate::model::WarningCode::BlackHole)
    {
        // Held modifications wait on another; nothing to add.
    } else {
        panel.push("No date has yet been set for this modification to return to the Panel.".into());
    }
    if let Some(r) = m.target_release.as_deref().and_then(|r| plan.release(r)) {
        let cutoff = schedule
            .by_id(&r.cutoff_meeting)
            .map_or(String::new(), |c| {
                format!(" at the {} meeting", c.date.strftime("%B %Y"))
            });
        panel.push(format!(
            "{} is a candidate for the {}; to be included, the Modification Report needs to be submitted to the Panel{}.",
            m.id, r.name, cutoff
        ));
    }
    for c in &m.costs {
        let amount = c.amount_gbp.map_or(String::new(), |a| {
            format!(
                " of {}£{}",
                if c.approximate { "circa " } else { "" },
                thousands(a)
            )
        });
        panel.push(format!("The {}{amount} needs agreement.", c.item));
    }
    for r in &m.risks {
        panel.push(format!("Risk: {r}"));
    }
    if !panel.is_empty() {
        paragraphs.push(panel.join(" "));
    }
    paragraphs.join("\n\n")
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A Markdown draft of the paper's section 3 for the whole plan.
pub fn section3_markdown(plan: &Plan, schedule: &Schedule, warnings: &[Warning]) -> String {
    let mut out = format!(
        "## 3. Proposed modification work packages and timelines\n\n_Draft generated from the plan, status date {}._\n\n",
        format_date(plan.meta.status_date)
    );
    let parts: Vec<String> = (0..plan.modifications.len())
        .map(|i| section3_paragraph(plan, schedule, warnings, i))
        .collect();
    out.push_str(&parts.join("\n\n"));
    out.push('\n');
    out
}

/// The agenda of each meeting in `meetings`: what is due and why, with the notice deadlines.
pub fn agenda_text(plan: &Plan, meetings: &[crate::model::agenda::AgendaEntry<'_>]) -> String {
    let mut out = String::new();
    for entry in meetings {
        let m = entry.meeting;
        out.push_str(&m.heading());
        out.push('\n');
        if let (Some(agenda), Some(papers)) = (m.agenda_due, m.papers_due) {
            out.push_str(&format!(
                "  agenda confirmed by {} {} · papers published by {} {}\n",
                agenda.strftime("%a"),
                format_date(agenda),
                papers.strftime("%a"),
                format_date(papers)
            ));
        }
        if entry.items.is_empty() {
            out.push_str("  nothing due\n");
        }
        for item in &entry.items {
            let x = &plan.modifications[item.modification];
            let why = &x.milestones[item.milestone];
            out.push_str(&format!("  {} {} — {}\n", x.id, x.title, why.label));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn prose_dates_read_like_the_paper() {
        assert_eq!(
            prose_date(date(2019, 4, 3), Precision::Exact),
            "on 3 April 2019"
        );
        assert_eq!(
            prose_date(date(2019, 4, 5), Precision::Early),
            "by early April 2019"
        );
        assert_eq!(
            prose_date(date(2019, 5, 15), Precision::Mid),
            "by mid-May 2019"
        );
        assert_eq!(
            prose_date(date(2019, 3, 29), Precision::Late),
            "by the end of March 2019"
        );
        assert_eq!(
            prose_date(date(2019, 5, 15), Precision::Month),
            "in May 2019"
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(17000), "17,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
