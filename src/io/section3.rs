//! Section 3 of the paper in the paper's own voice: one paragraph per modification, built from the plan's data
//! (status, the work under way and who does it, the next Working Group, the Panel return, dependencies, releases,
//! costs and risks) in sentences a SECAS author would sign:
//!
//! > This modification is currently with the DCC for Preliminary Assessment, and we expect to receive a response
//! > by early April 2019. Following review by SECAS and the Proposer, we expect to present this modification to the
//! > Working Group at the monthly meeting in May 2019 for review and comment.
//!
//! The presentation card's "Next step" uses [`current_step`], the first of those sentences.

use jiff::civil::Date;

use super::export_text::prose_date;
use crate::model::{
    DependencyKind, MeetingKind, Milestone, MilestoneKind, Modification, Owner, Plan, Precision,
    Schedule, Status, Warning, WarningCode, WorkPackage, format_date,
};

/// Words a work package's name may start with that make it an action ("Prepare industry consultation") rather
/// than a thing ("Business requirements with the DCC").
const VERBS: [&str; 22] = [
    "agree", "assess", "complete", "confirm", "consider", "develop", "discuss", "draft", "engage",
    "finalise", "hold", "issue", "prepare", "present", "publish", "raise", "request", "review",
    "revise", "seek", "submit", "update",
];

/// A work package's name as part of a sentence: the first word in lower case when it is a verb or an ordinary word
/// (not an acronym, nor the start of a proper name like "Impact Assessment"), and "; " read as " and ".
fn in_sentence(name: &str) -> String {
    let name = name.trim().trim_end_matches('.').replace("; ", " and ");
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    if capitalised(first) && (starts_with_verb(first) || !capitalised(second)) {
        lower_first(&name)
    } else {
        name
    }
}

/// `s` with its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A risk, which is a sentence of its own, after "We note a risk to this timetable: ": only a leading article or
/// "No" goes to lower case ("May 2019 is the latest …" keeps its month).
fn risk_clause(risk: &str) -> String {
    let risk = risk.trim().trim_end_matches('.');
    let first = risk.split(' ').next().unwrap_or_default();
    if ["A", "An", "The", "No", "This", "There"].contains(&first) {
        lower_first(risk)
    } else {
        risk.to_owned()
    }
}

fn starts_with_verb(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    VERBS.contains(&first.to_lowercase().as_str())
}

/// "to prepare industry consultation" or "on the business requirements with the DCC (Proposer)".
fn work_object(name: &str) -> String {
    if starts_with_verb(name) {
        format!("to {}", in_sentence(name))
    } else {
        format!("on the {}", in_sentence(name))
    }
}

/// Which assessment a DCC work package or milestone is: "Preliminary Assessment", "Impact Assessment", or plain
/// "assessment".
fn assessment(text: &str) -> &'static str {
    if text.contains("Impact Assessment") {
        "Impact Assessment"
    } else if text.contains("Preliminary Assessment") {
        "Preliminary Assessment"
    } else {
        "assessment"
    }
}

/// "a Preliminary Assessment", "an Impact Assessment", "an assessment".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// When work finishes: "by 5 April 2019", "by early April 2019", "in May 2019".
fn by_date(date: Date, precision: Precision) -> String {
    match precision {
        Precision::Exact => format!("by {}", date.strftime("%-d %B %Y")),
        _ => prose_date(date, precision),
    }
}

/// A meeting as the paper names it: the day for one this month or next ("on 3 April 2019"), the month for one
/// further off ("in May 2019"), whose day readers will look up nearer the time.
fn meeting_when(date: Date, status: Date) -> String {
    let horizon = status
        .first_of_month()
        .checked_add(jiff::Span::new().months(2))
        .unwrap_or(status);
    if date < horizon {
        format!("on {}", date.strftime("%-d %B %Y"))
    } else {
        format!("in {}", date.strftime("%B %Y"))
    }
}

/// The work packages under way at the status date, earliest first. Work that goes on past the status date starts
/// on the next working day at the latest (the plan's convention), so what starts by then counts; a package that
/// starts later is a step ahead, not under way.
fn current_packages<'a>(plan: &Plan, m: &'a Modification) -> Vec<&'a WorkPackage> {
    let status = plan.meta.status_date;
    let began_by = plan
        .calendar
        .working_day_on_or_after(status.tomorrow().unwrap_or(status));
    let Some(first) = m
        .current_work_package(status)
        .filter(|w| w.start <= began_by)
    else {
        return Vec::new();
    };
    let mut out = vec![first];
    out.extend(
        m.work_packages
            .iter()
            .filter(|w| !std::ptr::eq(*w, first) && w.end >= status && w.start <= began_by),
    );
    out
}

/// The DCC response a DCC work package waits for: the first one due from the status date to its end.
fn response_of<'a>(m: &'a Modification, w: &WorkPackage, status: Date) -> Option<&'a Milestone> {
    m.milestones
        .iter()
        .filter(|x| x.kind == MilestoneKind::DccResponseDue && !x.done)
        .filter(|x| x.date >= status && x.date <= w.end)
        .min_by_key(|x| x.date)
}

/// The sentence for a work package under way; `parallel` for the second and later ones.
fn current_sentence(m: &Modification, w: &WorkPackage, status: Date, parallel: bool) -> String {
    let lead = if parallel { "In parallel, " } else { "" };
    let now = if parallel { "" } else { "currently " };
    let by = by_date(w.end, w.end_precision);
    let object = work_object(&w.name);
    match w.owner {
        Owner::Dcc => {
            let when = response_of(m, w, status).map_or(by, |x| prose_date(x.date, x.precision));
            let kind = assessment(&w.name);
            if parallel {
                format!(
                    "In parallel, the DCC is carrying out {} of this modification, and we expect to receive a response {when}.",
                    with_article(kind)
                )
            } else if kind == "assessment" {
                format!(
                    "The DCC is currently working {object}, and we expect to receive a response {when}."
                )
            } else {
                format!(
                    "This modification is currently with the DCC for {kind}, and we expect to receive a response {when}."
                )
            }
        }
        Owner::Secas => {
            let we = if parallel { "we" } else { "We" };
            format!("{lead}{we} are {now}working {object}, and expect to complete this {by}.")
        }
        Owner::SubCommittee => {
            let we = if parallel { "we" } else { "We" };
            format!(
                "{lead}{we} are {now}working with the Sub-Committee {object}, and expect to complete this {by}."
            )
        }
        Owner::Industry => format!(
            "{lead}{} is {now}under way and is expected to close {by}.",
            capitalise(&format!("the {}", in_sentence(&w.name)))
        ),
        Owner::Proposer | Owner::WorkingGroup | Owner::Panel => {
            let who = match w.owner {
                Owner::Proposer => "the Proposer",
                Owner::WorkingGroup => "the Working Group",
                _ => "the Panel",
            };
            let who = if parallel {
                who.to_owned()
            } else {
                capitalise(who)
            };
            format!("{lead}{who} is {now}working {object}, and we expect this to be complete {by}.")
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// True for a review by SECAS ahead of a Working Group, which the paper folds into "Following review by SECAS and
/// the Proposer, we expect to present …".
fn is_review(w: &WorkPackage) -> bool {
    w.owner == Owner::Secas && w.name.to_lowercase().starts_with("review")
}

/// True for the review of a DCC response that the paper states with it: "received from the DCC and reviewed by
/// SECAS and the Proposer by …".
fn is_response_review(w: &WorkPackage) -> bool {
    w.owner == Owner::Secas && w.name.to_lowercase().contains("review the response")
}

/// The sentence for a work package that starts later, unless a milestone's sentence already says it.
fn later_package_sentence(m: &Modification, w: &WorkPackage) -> Option<String> {
    let by = by_date(w.end, w.end_precision);
    match w.owner {
        // Its request and response milestones tell it.
        Owner::Dcc
            if m.milestones.iter().any(|x| {
                x.kind == MilestoneKind::DccResponseDue && x.date >= w.start && x.date <= w.end
            }) =>
        {
            None
        }
        Owner::Dcc => Some(format!(
            "We expect the DCC to complete the {} {by}.",
            assessment(&w.name)
        )),
        Owner::Secas if is_review(w) || is_response_review(w) => None,
        Owner::Secas if starts_with_verb(&w.name) => {
            Some(format!("We will {} {by}.", in_sentence(&w.name)))
        }
        Owner::Industry => Some(format!(
            "{} is expected to close {by}.",
            capitalise(&format!("the {}", in_sentence(&w.name)))
        )),
        _ => Some(format!(
            "We will then be working {} {by}.",
            work_object(&w.name)
        )),
    }
}

/// The sentence for a milestone ahead; `review` is the review folded into a Working Group sentence, if any.
fn milestone_sentence(
    x: &Milestone,
    schedule: &Schedule,
    status: Date,
    review: Option<&WorkPackage>,
) -> String {
    let when = prose_date(x.date, x.precision);
    match x.kind {
        MilestoneKind::DccRequest => format!(
            "We will request {} from the DCC {when}.",
            with_article(assessment(&x.label))
        ),
        MilestoneKind::DccResponseDue if x.label.to_lowercase().contains("review") => format!(
            "The response would then be received from the DCC and reviewed by SECAS and the Proposer {when}."
        ),
        MilestoneKind::DccResponseDue if review.is_some_and(is_response_review) => {
            let reviewed = review.map_or(when, |w| prose_date(w.end, w.end_precision));
            format!(
                "The response would then be received from the DCC and reviewed by SECAS and the Proposer {reviewed}."
            )
        }
        MilestoneKind::DccResponseDue => format!("We expect to receive the DCC's response {when}."),
        MilestoneKind::WorkingGroup => {
            let monthly = schedule
                .on(x.date, MeetingKind::WorkingGroup)
                .is_some_and(|mt| mt.series.is_some());
            let following = review.map(|w| {
                if w.name.contains("Proposer") {
                    "Following review by SECAS and the Proposer, we"
                } else {
                    "Following review by SECAS, we"
                }
            });
            if monthly {
                format!(
                    "{} expect to present this modification to the Working Group at the monthly meeting {} for review and comment.",
                    following.unwrap_or("We"),
                    meeting_when(x.date, status)
                )
            } else {
                format!(
                    "{} will discuss this modification at a standalone Working Group meeting on {}.",
                    following.unwrap_or("We"),
                    x.date.strftime("%-d %B %Y")
                )
            }
        }
        MilestoneKind::SubCommittee => {
            let name = schedule
                .on(x.date, MeetingKind::SubCommittee)
                .map_or("the Sub-Committee".to_owned(), |mt| {
                    format!("the {}", mt.name)
                });
            format!("We will be engaging with {name} at its meeting {when}.")
        }
        MilestoneKind::ConsultationIssue => {
            format!("We expect to issue the industry consultation {when}.")
        }
        MilestoneKind::ConsultationClose => format!("The industry consultation closes {when}."),
        _ => format!(
            "We expect to reach this step {when}: {}.",
            x.label.trim_end_matches('.')
        ),
    }
}

/// What happens after the work under way, in date order, as sentences.
fn later_steps(
    schedule: &Schedule,
    m: &Modification,
    status: Date,
    current: &[&WorkPackage],
) -> Vec<String> {
    let said_response: Vec<Date> = current
        .iter()
        .filter(|w| w.owner == Owner::Dcc)
        .filter_map(|w| response_of(m, w, status).map(|x| x.date))
        .collect();
    // (day, packages after milestones on the same day, sentence)
    let mut steps: Vec<(Date, u8, String)> = Vec::new();
    let later = m
        .work_packages
        .iter()
        .filter(|w| w.end >= status && !current.iter().any(|c| std::ptr::eq(*c, *w)));
    for w in later {
        if let Some(s) = later_package_sentence(m, w) {
            steps.push((w.start, 1, s));
        }
    }
    let ahead = m
        .milestones
        .iter()
        .filter(|x| !x.done && x.date >= status)
        .filter(|x| match x.kind {
            // The Panel paragraph says these.
            MilestoneKind::PanelReturn | MilestoneKind::ModificationReport => false,
            // The sentence on the DCC's work under way already gives this response's date.
            MilestoneKind::DccResponseDue => !said_response.contains(&x.date),
            _ => true,
        });
    let mut previous = status;
    let mut dated: Vec<&Milestone> = ahead.collect();
    dated.sort_by_key(|x| x.date);
    for x in dated {
        // A SECAS review that ends between the step before and this Working Group is read into its sentence; the
        // review of a DCC response, into the response's.
        let review = match x.kind {
            MilestoneKind::WorkingGroup => m
                .work_packages
                .iter()
                .filter(|w| is_review(w) && w.end >= previous && w.end <= x.date)
                .max_by_key(|w| w.end),
            MilestoneKind::DccResponseDue => m
                .work_packages
                .iter()
                .filter(|w| is_response_review(w) && w.start > x.date)
                .min_by_key(|w| w.start),
            _ => None,
        };
        steps.push((x.date, 0, milestone_sentence(x, schedule, status, review)));
        previous = x.date;
    }
    steps.sort_by_key(|(d, order, _)| (*d, *order));
    steps.into_iter().map(|(_, _, s)| s).collect()
}

/// Where modification `i` stands, as the paper says it: its dependencies, then the work under way ("This
/// modification is currently with the DCC for Preliminary Assessment, and we expect to receive a response by early
/// April 2019."). `None` when nothing is under way or planned and it waits on nothing.
pub fn current_step(plan: &Plan, schedule: &Schedule, i: usize) -> Option<String> {
    let m = plan.modifications.get(i)?;
    let status = plan.meta.status_date;
    let mut out = dependency_sentences(m);
    let current = current_packages(plan, m);
    for (k, w) in current.iter().enumerate() {
        out.push(current_sentence(m, w, status, k > 0));
    }
    if current.is_empty() {
        // Nothing under way: the next step is the first one ahead.
        out.extend(later_steps(schedule, m, status, &[]).into_iter().take(1));
    }
    (!out.is_empty()).then(|| out.join(" "))
}

fn dependency_sentences(m: &Modification) -> Vec<String> {
    let mut out = Vec::new();
    for d in &m.dependencies {
        out.push(match d.kind {
            DependencyKind::OnHoldPending => format!(
                "{} is on hold pending the outcome of {}; we will take no further action on it until then.",
                m.id, d.on
            ),
            DependencyKind::InParallelWith => {
                format!("{} will now progress in parallel with {}.", m.id, d.on)
            }
            DependencyKind::FinishToStart => format!(
                "Work on {} starts once {} completes{}.",
                m.id,
                d.on,
                if d.lag_days > 0 {
                    format!(", plus {} working days", d.lag_days)
                } else {
                    String::new()
                }
            ),
        });
    }
    if m.status == Status::OnHold && m.dependencies.is_empty() {
        out.push("This modification is on hold.".into());
    }
    out
}

/// The paragraph on the Panel: when it returns and why, the release it aims for, costs to agree, risks.
fn panel_sentences(
    plan: &Plan,
    schedule: &Schedule,
    warnings: &[Warning],
    i: usize,
) -> Vec<String> {
    let m = &plan.modifications[i];
    let status = plan.meta.status_date;
    let mut out: Vec<String> = Vec::new();
    if let Some(x) = m.panel_return() {
        let month = x.date.strftime("%B %Y");
        let after_wg = m.milestones.iter().any(|w| {
            w.kind == MilestoneKind::WorkingGroup && !w.done && w.date >= status && w.date <= x.date
        });
        out.push(match x.kind {
            MilestoneKind::ModificationReport => format!(
                "We expect to return to the Panel with the Modification Report at the {month} meeting."
            ),
            _ => format!(
                "We will return to the Panel at the {month} meeting to provide an update on this modification and agree the next set of dates{}.",
                if after_wg {
                    ", which will be subject to the outcome of the Working Group meeting"
                } else {
                    ""
                }
            ),
        });
    } else if warnings
        .iter()
        .any(|w| w.index == i && w.code == WarningCode::BlackHole)
    {
        out.push("No date has yet been set for this modification to return to the Panel.".into());
    }
    if let Some(r) = m.target_release.as_deref().and_then(|r| plan.release(r)) {
        let cutoff = schedule
            .by_id(&r.cutoff_meeting)
            .map_or(String::new(), |c| {
                format!(" at the {} meeting", c.date.strftime("%B %Y"))
            });
        out.push(format!(
            "{} is a candidate for the {}, but to be included, the Modification Report needs to be submitted to the Panel{cutoff}.",
            m.id, r.name
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
        out.push(format!(
            "We ask the Panel to agree to incur the costs of the {}{amount}.",
            c.item
        ));
    }
    for r in &m.risks {
        out.push(format!(
            "We note a risk to this timetable: {}.",
            risk_clause(r)
        ));
    }
    out
}

/// The paragraph of section 3 for modification `i`: heading, summary, where it stands and what follows, and the
/// return to the Panel.
pub fn section3_paragraph(
    plan: &Plan,
    schedule: &Schedule,
    warnings: &[Warning],
    i: usize,
) -> String {
    let m = &plan.modifications[i];
    let status = plan.meta.status_date;
    let mut paragraphs: Vec<String> = vec![format!("### {} '{}'", m.id, m.title)];
    if !m.summary.is_empty() {
        paragraphs.push(m.summary.clone());
    }
    let current = current_packages(plan, m);
    let mut now = dependency_sentences(m);
    for (k, w) in current.iter().enumerate() {
        now.push(current_sentence(m, w, status, k > 0));
    }
    now.extend(later_steps(schedule, m, status, &current));
    if !now.is_empty() {
        paragraphs.push(now.join(" "));
    }
    let panel = panel_sentences(plan, schedule, warnings, i);
    if !panel.is_empty() {
        paragraphs.push(panel.join(" "));
    }
    paragraphs.join("\n\n")
}

/// "17,000".
pub(crate) fn thousands(n: u64) -> String {
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
    // Closed modifications have no work package or timeline left to propose.
    let parts: Vec<String> = (0..plan.modifications.len())
        .filter(|&i| !plan.modifications[i].status.is_closed())
        .map(|i| section3_paragraph(plan, schedule, warnings, i))
        .collect();
    out.push_str(&parts.join("\n\n"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn names_read_as_part_of_a_sentence() {
        assert_eq!(
            in_sentence("Prepare industry consultation"),
            "prepare industry consultation"
        );
        assert_eq!(
            in_sentence("Review NCSC response; engage with the SSC"),
            "review NCSC response and engage with the SSC"
        );
        assert_eq!(
            in_sentence("Impact Assessment (awaits costs)"),
            "Impact Assessment (awaits costs)"
        );
        assert_eq!(
            in_sentence("DCC Preliminary Assessment"),
            "DCC Preliminary Assessment"
        );
        assert_eq!(
            work_object("Business requirements with the DCC (Proposer)"),
            "on the business requirements with the DCC (Proposer)"
        );
        assert_eq!(
            work_object("Agree next steps with the Proposer"),
            "to agree next steps with the Proposer"
        );
    }

    #[test]
    fn meetings_soon_have_a_day_and_later_ones_a_month() {
        let status = date(2019, 3, 8);
        assert_eq!(meeting_when(date(2019, 4, 3), status), "on 3 April 2019");
        assert_eq!(meeting_when(date(2019, 5, 1), status), "in May 2019");
        assert_eq!(
            by_date(date(2019, 4, 5), Precision::Exact),
            "by 5 April 2019"
        );
        assert_eq!(
            by_date(date(2019, 4, 5), Precision::Early),
            "by early April 2019"
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(17000), "17,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
