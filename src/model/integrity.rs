//! Integrity checks: what makes a plan invalid (a load error), as opposed to the warnings of
//! [`crate::model::validate`], which a valid plan may carry.

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use super::chain::{self, LinkProblem};
use super::plan::{At, Modification, Plan};

/// One reason a plan is not valid. Each names the item it is about.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntegrityError {
    /// Two items of one kind share an id.
    #[error("duplicate {what} id \"{id}\"")]
    DuplicateId {
        /// "modification", "meeting", "release" or "group".
        what: &'static str,
        /// The repeated id.
        id: String,
    },
    /// An id is empty.
    #[error("a {what} has an empty id")]
    EmptyId {
        /// "modification", "meeting", "release" or "group".
        what: &'static str,
    },
    /// A work package ends before it starts.
    #[error(
        "{modification}: work package \"{work_package}\" ends ({end}) before it starts ({start})"
    )]
    EndBeforeStart {
        /// Modification id.
        modification: String,
        /// Work package name.
        work_package: String,
        /// Its start.
        start: jiff::civil::Date,
        /// Its end.
        end: jiff::civil::Date,
    },
    /// A dependency names a modification that is not in the plan.
    #[error("{modification}: depends on unknown modification \"{on}\"")]
    UnknownDependency {
        /// Modification id.
        modification: String,
        /// The missing id.
        on: String,
    },
    /// A modification depends on itself.
    #[error("{modification}: depends on itself")]
    SelfDependency {
        /// Modification id.
        modification: String,
    },
    /// Ordering dependencies form a loop.
    #[error("{modification}: dependency cycle {}", cycle.join(" → "))]
    DependencyCycle {
        /// The modification this report is about (one per member of the cycle).
        modification: String,
        /// The loop, starting and ending at `modification`.
        cycle: Vec<String>,
    },
    /// A modification names a group that is not in the plan.
    #[error("{modification}: unknown group \"{group}\"")]
    UnknownGroup {
        /// Modification id.
        modification: String,
        /// The missing group id.
        group: String,
    },
    /// A modification names a release that is not in the plan.
    #[error("{modification}: unknown target release \"{release}\"")]
    UnknownRelease {
        /// Modification id.
        modification: String,
        /// The missing release id.
        release: String,
    },
    /// A release's cut-off names a meeting that is not in the plan.
    #[error("release \"{release}\": cut-off meeting \"{meeting}\" is not a meeting of this plan")]
    UnknownCutoffMeeting {
        /// Release id.
        release: String,
        /// The missing meeting id.
        meeting: String,
    },
    /// A dependency's lag is negative or absurdly long.
    #[error(
        "{modification}: lag of {lag_days} working days on {on} is out of range (0 to {MAX_LAG_DAYS})"
    )]
    BadLag {
        /// Modification id.
        modification: String,
        /// The other modification.
        on: String,
        /// The lag in the file.
        lag_days: i32,
    },
    /// The meeting series expand to more meetings than any plan needs (a hostile or broken file).
    #[error("meeting series expand to {count} meetings; at most {MAX_SERIES_MEETINGS} are allowed")]
    TooManyMeetings {
        /// How many the series would make.
        count: u64,
    },
    /// The calendar has no working days, so no working-day arithmetic is possible.
    #[error("calendar: working_days is empty; at least one weekday must be worked")]
    NoWorkingDays,
    /// A meeting series is malformed.
    #[error("meeting series \"{series}\": {problem}")]
    BadSeries {
        /// Series id.
        series: String,
        /// What is wrong.
        problem: String,
    },
    /// Two work packages or milestones of one modification share an id.
    #[error("{modification}: two items have the id \"{id}\"; links need each id once")]
    DuplicateItemId {
        /// Modification id.
        modification: String,
        /// The repeated id.
        id: String,
    },
    /// An item follows an id that no item of its modification has.
    #[error(
        "{modification}: \"{item}\" follows \"{on}\", which is not the id of a work package or milestone of {modification}"
    )]
    UnknownLinkTarget {
        /// Modification id.
        modification: String,
        /// The linking item's name.
        item: String,
        /// The missing id.
        on: String,
    },
    /// Links inside a modification loop back on themselves.
    #[error(
        "{modification}: the links loop back: \"{item}\" follows \"{on}\", which follows \"{item}\" (directly or through others)"
    )]
    LinkCycle {
        /// Modification id.
        modification: String,
        /// Id of an item on the loop.
        item: String,
        /// The id it follows on the loop.
        on: String,
    },
    /// A milestone at "the next Working Group / Panel" follows nothing.
    #[error(
        "{modification}: milestone \"{milestone}\" is at the next meeting after its inputs, but follows nothing; give it `after`"
    )]
    AutoMeetingWithoutInput {
        /// Modification id.
        modification: String,
        /// The milestone's label.
        milestone: String,
    },
    /// A milestone is attached to a meeting the plan does not have.
    #[error(
        "{modification}: milestone \"{milestone}\" is at meeting \"{meeting}\", which is not a meeting of this plan"
    )]
    UnknownMeeting {
        /// Modification id.
        modification: String,
        /// The milestone's label.
        milestone: String,
        /// The missing meeting id.
        meeting: String,
    },
    /// A dependency waits until an item the other modification does not have.
    #[error(
        "{modification}: waits for {on} until \"{until}\", which is not the id of an item of {on}"
    )]
    UnknownUntil {
        /// Modification id.
        modification: String,
        /// The other modification.
        on: String,
        /// The missing item id.
        until: String,
    },
    /// A link's lag is absurdly long.
    #[error(
        "{modification}: lag of {lag_days} working days after \"{on}\" is out of range (-{MAX_LAG_DAYS} to {MAX_LAG_DAYS})"
    )]
    BadLinkLag {
        /// Modification id.
        modification: String,
        /// The item followed.
        on: String,
        /// The lag in the file.
        lag_days: i32,
    },
}

impl IntegrityError {
    /// The modification this error is about, if any.
    pub fn modification(&self) -> Option<&str> {
        match self {
            IntegrityError::EndBeforeStart { modification, .. }
            | IntegrityError::UnknownDependency { modification, .. }
            | IntegrityError::SelfDependency { modification }
            | IntegrityError::DependencyCycle { modification, .. }
            | IntegrityError::UnknownGroup { modification, .. }
            | IntegrityError::UnknownRelease { modification, .. }
            | IntegrityError::BadLag { modification, .. }
            | IntegrityError::DuplicateItemId { modification, .. }
            | IntegrityError::UnknownLinkTarget { modification, .. }
            | IntegrityError::LinkCycle { modification, .. }
            | IntegrityError::AutoMeetingWithoutInput { modification, .. }
            | IntegrityError::UnknownMeeting { modification, .. }
            | IntegrityError::UnknownUntil { modification, .. }
            | IntegrityError::BadLinkLag { modification, .. } => Some(modification),
            IntegrityError::DuplicateId {
                what: "modification",
                id,
            } => Some(id),
            _ => None,
        }
    }
}

/// Longest finish-to-start lag a plan may ask for: ten years of working days.
pub const MAX_LAG_DAYS: i32 = 2_600;

/// Most meetings all series together may expand to.
pub const MAX_SERIES_MEETINGS: u64 = 12_000;

fn check_ids<'a>(
    what: &'static str,
    ids: impl Iterator<Item = &'a str>,
    errors: &mut Vec<IntegrityError>,
) {
    let mut seen = HashSet::new();
    let mut reported = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            errors.push(IntegrityError::EmptyId { what });
        } else if !seen.insert(id) && reported.insert(id) {
            errors.push(IntegrityError::DuplicateId {
                what,
                id: id.to_owned(),
            });
        }
    }
}

/// True when `m`'s own fields keep the rules they alone decide: every work package ends on or after its start, and
/// its group and target release are in `plan`. (Its id and dependencies are judged against the whole plan by
/// [`check_integrity`].)
pub fn own_fields_are_sound(plan: &Plan, m: &Modification) -> bool {
    let mut links = Vec::new();
    check_links(plan, m, &mut links);
    links.is_empty()
        && m.work_packages.iter().all(|w| w.end >= w.start)
        && m.group.as_deref().is_none_or(|g| plan.group(g).is_some())
        && m.target_release
            .as_deref()
            .is_none_or(|r| plan.release(r).is_some())
}

/// True when `id` names a one-off meeting of `plan` or an occurrence of one of its series (`"<series>-YYYY-MM"`).
fn is_meeting_id(plan: &Plan, id: &str) -> bool {
    plan.meetings.iter().any(|m| m.id == id)
        || plan.meeting_series.iter().any(|s| {
            id.strip_prefix(s.id.as_str())
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|ym| {
                    ym.len() == 7
                        && ym.as_bytes()[4] == b'-'
                        && ym
                            .bytes()
                            .enumerate()
                            .all(|(i, b)| i == 4 || b.is_ascii_digit())
                })
        })
}

/// The links of one modification: ids, targets, loops, lags, meetings named.
fn check_links(plan: &Plan, m: &Modification, errors: &mut Vec<IntegrityError>) {
    let modification = || m.id.clone();
    match chain::order(m) {
        Ok(_) => {}
        Err(LinkProblem::DuplicateId(id)) => errors.push(IntegrityError::DuplicateItemId {
            modification: modification(),
            id,
        }),
        Err(LinkProblem::UnknownTarget { item, on }) => {
            errors.push(IntegrityError::UnknownLinkTarget {
                modification: modification(),
                item,
                on,
            });
        }
        Err(LinkProblem::Cycle { item, on }) => errors.push(IntegrityError::LinkCycle {
            modification: modification(),
            item,
            on,
        }),
        Err(LinkProblem::AutoMeetingWithoutInput { milestone }) => {
            errors.push(IntegrityError::AutoMeetingWithoutInput {
                modification: modification(),
                milestone,
            });
        }
    }
    let links = m
        .work_packages
        .iter()
        .flat_map(|w| &w.after)
        .chain(m.milestones.iter().flat_map(|x| &x.after));
    for link in links {
        if !(-MAX_LAG_DAYS..=MAX_LAG_DAYS).contains(&link.lag_days) {
            errors.push(IntegrityError::BadLinkLag {
                modification: modification(),
                on: link.on.clone(),
                lag_days: link.lag_days,
            });
        }
    }
    for x in &m.milestones {
        if let Some(At::Meeting(id)) = &x.at
            && !is_meeting_id(plan, id)
        {
            errors.push(IntegrityError::UnknownMeeting {
                modification: modification(),
                milestone: x.label.clone(),
                meeting: id.clone(),
            });
        }
    }
}

/// Every integrity problem of `plan`, in file order. An empty list means the plan is valid.
pub fn check_integrity(plan: &Plan) -> Vec<IntegrityError> {
    let mut errors = Vec::new();
    if plan.calendar.working_days.is_empty() {
        errors.push(IntegrityError::NoWorkingDays);
    }
    check_ids(
        "modification",
        plan.modifications.iter().map(|m| m.id.as_str()),
        &mut errors,
    );
    check_ids(
        "meeting",
        plan.meetings
            .iter()
            .map(|m| m.id.as_str())
            .chain(plan.meeting_series.iter().map(|s| s.id.as_str())),
        &mut errors,
    );
    check_ids(
        "release",
        plan.releases.iter().map(|r| r.id.as_str()),
        &mut errors,
    );
    check_ids(
        "group",
        plan.groups.iter().map(|g| g.id.as_str()),
        &mut errors,
    );

    for s in &plan.meeting_series {
        if !(1..=5).contains(&s.nth) {
            errors.push(IntegrityError::BadSeries {
                series: s.id.clone(),
                problem: format!("nth is {}, expected 1 to 5", s.nth),
            });
        }
        if s.until < s.from {
            errors.push(IntegrityError::BadSeries {
                series: s.id.clone(),
                problem: format!("until ({}) is before from ({})", s.until, s.from),
            });
        }
    }

    let occurrences: u64 = plan
        .meeting_series
        .iter()
        .filter(|s| s.until >= s.from)
        .map(|s| {
            let months = (s.until.year() as i64 - s.from.year() as i64) * 12
                + (s.until.month() as i64 - s.from.month() as i64)
                + 1;
            months.clamp(0, 1_200) as u64
        })
        .sum();
    if occurrences > MAX_SERIES_MEETINGS {
        errors.push(IntegrityError::TooManyMeetings { count: occurrences });
    }

    let meeting_ids: HashSet<&str> = plan.meetings.iter().map(|m| m.id.as_str()).collect();
    for r in &plan.releases {
        if !meeting_ids.contains(r.cutoff_meeting.as_str()) {
            errors.push(IntegrityError::UnknownCutoffMeeting {
                release: r.id.clone(),
                meeting: r.cutoff_meeting.clone(),
            });
        }
    }

    let mod_ids: HashSet<&str> = plan.modifications.iter().map(|m| m.id.as_str()).collect();
    for m in &plan.modifications {
        for w in &m.work_packages {
            if w.end < w.start {
                errors.push(IntegrityError::EndBeforeStart {
                    modification: m.id.clone(),
                    work_package: w.name.clone(),
                    start: w.start,
                    end: w.end,
                });
            }
        }
        for d in &m.dependencies {
            if !(0..=MAX_LAG_DAYS).contains(&d.lag_days) {
                errors.push(IntegrityError::BadLag {
                    modification: m.id.clone(),
                    on: d.on.clone(),
                    lag_days: d.lag_days,
                });
            }
            if d.on == m.id {
                errors.push(IntegrityError::SelfDependency {
                    modification: m.id.clone(),
                });
            } else if !mod_ids.contains(d.on.as_str()) {
                errors.push(IntegrityError::UnknownDependency {
                    modification: m.id.clone(),
                    on: d.on.clone(),
                });
            }
        }
        check_links(plan, m, &mut errors);
        for d in &m.dependencies {
            if let Some(until) = &d.until
                && let Some(other) = plan.modification(&d.on)
                && chain::find_item(other, until).is_none()
            {
                errors.push(IntegrityError::UnknownUntil {
                    modification: m.id.clone(),
                    on: d.on.clone(),
                    until: until.clone(),
                });
            }
        }
        if let Some(g) = &m.group
            && plan.group(g).is_none()
        {
            errors.push(IntegrityError::UnknownGroup {
                modification: m.id.clone(),
                group: g.clone(),
            });
        }
        if let Some(r) = &m.target_release
            && plan.release(r).is_none()
        {
            errors.push(IntegrityError::UnknownRelease {
                modification: m.id.clone(),
                release: r.clone(),
            });
        }
    }
    errors.extend(find_cycles(plan));
    errors
}

/// Ordering dependencies (on hold pending, finish-to-start) that loop back on themselves. Each modification on a
/// loop gets its own error, so every one is named.
fn find_cycles(plan: &Plan) -> Vec<IntegrityError> {
    let index: HashMap<&str, usize> = plan
        .modifications
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = plan
        .modifications
        .iter()
        .map(|m| {
            m.dependencies
                .iter()
                .filter(|d| d.kind.is_ordering() && d.on != m.id)
                .filter_map(|d| index.get(d.on.as_str()).copied())
                .collect()
        })
        .collect();

    // Iterative depth-first search with colours; a grey target is a back edge and closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let n = plan.modifications.len();
    let mut colour = vec![Colour::White; n];
    let mut on_cycle = vec![false; n];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    for root in 0..n {
        if colour[root] != Colour::White {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        colour[root] = Colour::Grey;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match colour[to] {
                    Colour::White => {
                        colour[to] = Colour::Grey;
                        stack.push((to, 0));
                    }
                    Colour::Grey => {
                        let start = stack.iter().position(|&(v, _)| v == to).unwrap_or(0);
                        let cycle: Vec<usize> = stack[start..].iter().map(|&(v, _)| v).collect();
                        if cycle.iter().any(|&v| !on_cycle[v]) {
                            for &v in &cycle {
                                on_cycle[v] = true;
                            }
                            cycles.push(cycle);
                        }
                    }
                    Colour::Black => {}
                }
            } else {
                colour[node] = Colour::Black;
                stack.pop();
            }
        }
    }

    let mut errors = Vec::new();
    for cycle in cycles {
        for k in 0..cycle.len() {
            let mut names: Vec<String> = (0..=cycle.len())
                .map(|j| plan.modifications[cycle[(k + j) % cycle.len()]].id.clone())
                .collect();
            names.dedup();
            errors.push(IntegrityError::DependencyCycle {
                modification: plan.modifications[cycle[k]].id.clone(),
                cycle: names,
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn plan_with(ids: &[&str]) -> Plan {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        for id in ids {
            p.modifications.push(Modification::new(*id));
        }
        p
    }

    fn dep(kind: DependencyKind, on: &str) -> Dependency {
        Dependency {
            kind,
            on: on.into(),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        }
    }

    #[test]
    fn a_clean_plan_has_no_errors() {
        let mut p = plan_with(&["A", "B"]);
        p.modifications[0]
            .dependencies
            .push(dep(DependencyKind::OnHoldPending, "B"));
        assert_eq!(check_integrity(&p), vec![]);
    }

    #[test]
    fn duplicates_and_empty_ids() {
        let p = plan_with(&["A", "B", "A", "A", ""]);
        let e = check_integrity(&p);
        assert_eq!(
            e,
            vec![
                IntegrityError::DuplicateId {
                    what: "modification",
                    id: "A".into()
                },
                IntegrityError::EmptyId {
                    what: "modification"
                }
            ]
        );
        assert_eq!(e[0].modification(), Some("A"));
    }

    #[test]
    fn end_before_start_names_the_package() {
        let mut p = plan_with(&["A"]);
        p.modifications[0].work_packages.push(WorkPackage {
            name: "Review".into(),
            short_name: None,
            start: date(2019, 4, 2),
            start_precision: Precision::Exact,
            end: date(2019, 4, 1),
            end_precision: Precision::Exact,
            owner: Owner::Secas,
            notes: String::new(),
            ..Default::default()
        });
        let e = check_integrity(&p);
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].to_string(),
            "A: work package \"Review\" ends (2019-04-01) before it starts (2019-04-02)"
        );
    }

    #[test]
    fn unknown_and_self_dependencies() {
        let mut p = plan_with(&["A"]);
        p.modifications[0]
            .dependencies
            .push(dep(DependencyKind::OnHoldPending, "Z"));
        p.modifications[0]
            .dependencies
            .push(dep(DependencyKind::FinishToStart, "A"));
        let e = check_integrity(&p);
        assert_eq!(
            e,
            vec![
                IntegrityError::UnknownDependency {
                    modification: "A".into(),
                    on: "Z".into()
                },
                IntegrityError::SelfDependency {
                    modification: "A".into()
                },
            ]
        );
    }

    #[test]
    fn cycles_name_every_member_and_parallel_links_are_not_cycles() {
        let mut p = plan_with(&["A", "B", "C", "D"]);
        p.modifications[0]
            .dependencies
            .push(dep(DependencyKind::OnHoldPending, "B"));
        p.modifications[1]
            .dependencies
            .push(dep(DependencyKind::FinishToStart, "C"));
        p.modifications[2]
            .dependencies
            .push(dep(DependencyKind::OnHoldPending, "A"));
        // Parallel links go both ways by nature.
        p.modifications[3]
            .dependencies
            .push(dep(DependencyKind::InParallelWith, "A"));
        p.modifications[0]
            .dependencies
            .push(dep(DependencyKind::InParallelWith, "D"));
        let e = check_integrity(&p);
        let named: Vec<_> = e.iter().filter_map(|e| e.modification()).collect();
        assert_eq!(named, ["A", "B", "C"]);
        assert_eq!(e[0].to_string(), "A: dependency cycle A → B → C → A");
    }

    #[test]
    fn unknown_group_release_and_cutoff() {
        let mut p = plan_with(&["A"]);
        p.modifications[0].group = Some("g".into());
        p.modifications[0].target_release = Some("r".into());
        p.releases.push(Release {
            id: "nov".into(),
            name: "Nov".into(),
            date: date(2019, 11, 7),
            precision: Precision::Exact,
            cutoff_meeting: "panel-x".into(),
            notes: String::new(),
        });
        let e = check_integrity(&p);
        assert!(matches!(e[0], IntegrityError::UnknownCutoffMeeting { .. }));
        assert!(matches!(e[1], IntegrityError::UnknownGroup { .. }));
        assert!(matches!(e[2], IntegrityError::UnknownRelease { .. }));
    }

    #[test]
    fn hostile_lags_and_series_are_refused() {
        let mut p = plan_with(&["A", "B"]);
        p.modifications[0].dependencies.push(Dependency {
            kind: DependencyKind::FinishToStart,
            on: "B".into(),
            lag_days: i32::MAX,
            notes: String::new(),
            ..Default::default()
        });
        for i in 0..20 {
            p.meeting_series.push(MeetingSeries {
                id: format!("s{i}"),
                kind: MeetingKind::Other,
                name: "S".into(),
                nth: 1,
                weekday: crate::model::date::WeekDay::Monday,
                from: date(1000, 1, 1),
                until: date(9000, 1, 1),
                notice: None,
                skip: Vec::new(),
                notes: String::new(),
            });
        }
        let e = check_integrity(&p);
        assert!(
            e.iter().any(|e| matches!(e, IntegrityError::BadLag { .. })),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|e| matches!(e, IntegrityError::TooManyMeetings { count: 24_000 })),
            "{e:?}"
        );
    }

    #[test]
    fn calendar_and_series_problems() {
        let mut p = plan_with(&[]);
        p.calendar.working_days.clear();
        p.meeting_series.push(MeetingSeries {
            id: "wg".into(),
            kind: MeetingKind::WorkingGroup,
            name: "WG".into(),
            nth: 7,
            weekday: crate::model::date::WeekDay::Wednesday,
            from: date(2019, 4, 1),
            until: date(2019, 1, 1),
            notice: None,
            skip: Vec::new(),
            notes: String::new(),
        });
        let e = check_integrity(&p);
        assert_eq!(e.len(), 3);
        assert_eq!(e[0], IntegrityError::NoWorkingDays);
    }
}
