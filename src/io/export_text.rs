//! Text exports: the timetable as CSV and Markdown (one row per modification), and the agendas. The section 3
//! draft is in [`super::section3`] and re-exported here.

use jiff::civil::Date;

pub use super::section3::{current_step, section3_markdown, section3_paragraph};
use crate::model::{
    Milestone, MilestoneKind, Modification, Plan, Precision, Warning, format_approx, format_date,
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
    // A closed modification waits for nothing any more.
    for other in plan.modifications.iter().filter(|o| !o.status.is_closed()) {
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
        // Closed modifications leave the timetable, as they leave the appendix.
        .filter(|(_, m)| !m.status.is_closed())
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
        Precision::Approximate => format!("around {}", date.strftime("%-d %B %Y")),
    }
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
}
