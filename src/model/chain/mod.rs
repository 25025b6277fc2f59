//! The chain: work packages and milestones that follow other items (finish-to-start, lag in working days),
//! milestones that sit on a named meeting or on the first meeting whose papers deadline the work can make, and
//! modifications that wait for others. Items keep their dates in the plan; [`reschedule`] recomputes the dates that
//! links decide, so the plan is always its own schedule (a fixed point: rescheduling again changes nothing).

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

use super::calendar::Calendar;
use super::date::format_date;
use super::plan::{At, DependencyKind, MeetingKind, MilestoneKind, Modification, Plan};
use super::schedule::{Schedule, ScheduledMeeting};

/// One item of a modification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// Work package at this index.
    WorkPackage(usize),
    /// Milestone at this index.
    Milestone(usize),
}

impl Item {
    /// The item's `id` in `m` (empty when it has none).
    pub fn id(self, m: &Modification) -> &str {
        match self {
            Item::WorkPackage(w) => m.work_packages.get(w).map_or("", |x| x.id.as_str()),
            Item::Milestone(k) => m.milestones.get(k).map_or("", |x| x.id.as_str()),
        }
    }

    /// The item's name (work package) or label (milestone), quoted as a planner reads it.
    pub fn name(self, m: &Modification) -> &str {
        match self {
            Item::WorkPackage(w) => m.work_packages.get(w).map_or("", |x| x.name.as_str()),
            Item::Milestone(k) => m.milestones.get(k).map_or("", |x| x.label.as_str()),
        }
    }

    /// The last day of the item: a work package's end, a milestone's day.
    pub fn end(self, m: &Modification) -> Option<Date> {
        match self {
            Item::WorkPackage(w) => m.work_packages.get(w).map(|x| x.end),
            Item::Milestone(k) => m.milestones.get(k).map(|x| x.date),
        }
    }

    fn links(self, m: &Modification) -> &[super::plan::Link] {
        match self {
            Item::WorkPackage(w) => m.work_packages.get(w).map_or(&[], |x| x.after.as_slice()),
            Item::Milestone(k) => m.milestones.get(k).map_or(&[], |x| x.after.as_slice()),
        }
    }

    fn pinned(self, m: &Modification) -> bool {
        match self {
            Item::WorkPackage(w) => m.work_packages.get(w).is_some_and(|x| x.pinned),
            Item::Milestone(k) => m.milestones.get(k).is_some_and(|x| x.pinned),
        }
    }
}

/// Every item of `m`: work packages, then milestones.
pub fn items(m: &Modification) -> impl Iterator<Item = Item> + '_ {
    (0..m.work_packages.len())
        .map(Item::WorkPackage)
        .chain((0..m.milestones.len()).map(Item::Milestone))
}

/// The item of `m` with `id`.
pub fn find_item(m: &Modification, id: &str) -> Option<Item> {
    if id.is_empty() {
        return None;
    }
    items(m).find(|i| i.id(m) == id)
}

/// What is wrong with the links of one modification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// Two items share an id.
    DuplicateId(String),
    /// `item` follows an id no item has.
    UnknownTarget {
        /// The item's name.
        item: String,
        /// The missing id.
        on: String,
    },
    /// Links loop back: `item` (by id) follows `on`, which (through others) follows `item`.
    Cycle {
        /// Id of an item on the loop.
        item: String,
        /// The id it follows on the loop.
        on: String,
    },
    /// A milestone at "the next Working Group / Panel" follows nothing, so there is nothing to find it from.
    AutoMeetingWithoutInput {
        /// The milestone's label.
        milestone: String,
    },
}

/// The items of `m` in an order where every item comes after those it follows, or what stops there being one.
pub fn order(m: &Modification) -> Result<Vec<Item>, LinkProblem> {
    let all: Vec<Item> = items(m).collect();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (n, item) in all.iter().enumerate() {
        let id = item.id(m);
        if !id.is_empty() && by_id.insert(id, n).is_some() {
            return Err(LinkProblem::DuplicateId(id.to_owned()));
        }
    }
    let mut indegree = vec![0usize; all.len()];
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
    for (n, item) in all.iter().enumerate() {
        for link in item.links(m) {
            let Some(&from) = by_id.get(link.on.as_str()) else {
                return Err(LinkProblem::UnknownTarget {
                    item: item.name(m).to_owned(),
                    on: link.on.clone(),
                });
            };
            indegree[n] += 1;
            followers[from].push(n);
        }
        if let Item::Milestone(k) = *item
            && matches!(
                m.milestones[k].at,
                Some(At::NextWorkingGroup | At::NextPanel)
            )
            && item.links(m).is_empty()
        {
            return Err(LinkProblem::AutoMeetingWithoutInput {
                milestone: m.milestones[k].label.clone(),
            });
        }
    }
    // Kahn's algorithm, taking ready items in file order so that the order is deterministic.
    let mut out = Vec::with_capacity(all.len());
    let mut ready: std::collections::BTreeSet<usize> =
        (0..all.len()).filter(|&n| indegree[n] == 0).collect();
    while let Some(n) = ready.pop_first() {
        out.push(all[n]);
        for &f in &followers[n] {
            indegree[f] -= 1;
            if indegree[f] == 0 {
                ready.insert(f);
            }
        }
    }
    if out.len() < all.len() {
        // Every item left is on a loop or after one; walk back from one along links that stay among them.
        let left: HashSet<usize> = (0..all.len()).filter(|&n| indegree[n] > 0).collect();
        let mut n = *left.iter().min().unwrap_or(&0);
        let mut seen = HashSet::new();
        loop {
            let link = all[n]
                .links(m)
                .iter()
                .find(|l| by_id.get(l.on.as_str()).is_some_and(|x| left.contains(x)));
            let Some(link) = link else { break };
            let prev = by_id[link.on.as_str()];
            if !seen.insert(n) {
                return Err(LinkProblem::Cycle {
                    item: all[n].id(m).to_owned(),
                    on: link.on.clone(),
                });
            }
            n = prev;
        }
        return Err(LinkProblem::Cycle {
            item: all[n].id(m).to_owned(),
            on: String::new(),
        });
    }
    Ok(out)
}

/// The meetings a milestone can land on, by kind, sorted by the deadline a paper must make.
#[derive(Debug, Clone)]
pub struct MeetingFinder<'a> {
    schedule: &'a Schedule,
    by_deadline: HashMap<MeetingKind, Vec<(Date, usize)>>,
}

impl<'a> MeetingFinder<'a> {
    /// Indexes `schedule`.
    pub fn new(schedule: &'a Schedule) -> Self {
        let mut by_deadline: HashMap<MeetingKind, Vec<(Date, usize)>> = HashMap::new();
        for (i, m) in schedule.meetings.iter().enumerate() {
            by_deadline
                .entry(m.kind)
                .or_default()
                .push((m.papers_due.unwrap_or(m.date), i));
        }
        #[allow(
            clippy::iter_over_hash_type,
            reason = "each list is sorted on its own: the order they are visited in does not matter"
        )]
        for list in by_deadline.values_mut() {
            list.sort_unstable();
        }
        MeetingFinder {
            schedule,
            by_deadline,
        }
    }

    /// The first meeting of `kind` whose papers deadline (its day, without a notice rule) is on or after `ready`.
    pub fn first_for(&self, kind: MeetingKind, ready: Date) -> Option<&'a ScheduledMeeting> {
        let list = self.by_deadline.get(&kind)?;
        let at = list.partition_point(|(d, _)| *d < ready);
        list.get(at).map(|&(_, i)| &self.schedule.meetings[i])
    }

    /// The meeting with `id`.
    pub fn by_id(&self, id: &str) -> Option<&'a ScheduledMeeting> {
        self.schedule.by_id(id)
    }
}

/// Why an item is on its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Dated by hand, follows nothing.
    Fixed,
    /// Pinned by hand: links do not move it.
    Pinned,
    /// Follows `input`, which ends on `input_end`, by `lag_days`.
    After {
        /// The latest of the items it follows.
        input: Item,
        /// Its end.
        input_end: Date,
        /// The link's lag.
        lag_days: i32,
    },
    /// Sits on a named meeting.
    NamedMeeting {
        /// The meeting's id.
        meeting: String,
    },
    /// On the first meeting of its kind whose papers deadline the input makes.
    NextMeeting {
        /// The meeting's id.
        meeting: String,
        /// The latest of the items it follows.
        input: Item,
        /// The day the input is ready (its end plus the lag).
        ready: Date,
    },
    /// Would be on the next meeting, but the plan has none late enough: left where it was.
    NoMeeting {
        /// The latest of the items it follows.
        input: Item,
        /// The day the input is ready.
        ready: Date,
    },
    /// Pushed after another modification it waits for.
    Waits {
        /// The other modification's id.
        on: String,
        /// The day that modification's work (or the named item) ends.
        end: Date,
    },
}

/// A modification's dates as the chain computes them, item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Per work package: (start, end).
    pub work_packages: Vec<(Date, Date)>,
    /// Per milestone: its day.
    pub milestones: Vec<Date>,
    /// Per item (work packages then milestones): why it is there.
    pub why: Vec<(Item, Why)>,
}

/// The latest day another modification's dependency lets `m`'s own work start from: the end of what it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Floor {
    /// Id of the modification waited for.
    pub on: String,
    /// The day its work (or the named item) ends.
    pub end: Date,
    /// Working days to wait after that.
    pub lag_days: i32,
}

/// The dates `m`'s links decide. `floor` is what other modifications let it start from (see [`floor_of`]).
pub fn plan_dates(
    m: &Modification,
    cal: &Calendar,
    meetings: &MeetingFinder<'_>,
    floor: Option<&Floor>,
) -> Planned {
    let mut wps: Vec<(Date, Date)> = m.work_packages.iter().map(|w| (w.start, w.end)).collect();
    let mut mss: Vec<Date> = m.milestones.iter().map(|x| x.date).collect();
    let mut why = Vec::new();
    let Ok(order) = order(m) else {
        // A plan with broken links is refused before it gets here; leave its dates alone.
        return Planned {
            work_packages: wps,
            milestones: mss,
            why: items(m).map(|i| (i, Why::Fixed)).collect(),
        };
    };
    let end_of = |item: Item, wps: &[(Date, Date)], mss: &[Date]| match item {
        Item::WorkPackage(w) => wps[w].1,
        Item::Milestone(k) => mss[k],
    };
    for item in order {
        if item.pinned(m) {
            why.push((item, Why::Pinned));
            continue;
        }
        let is_wp = matches!(item, Item::WorkPackage(_));
        // The latest input, with the day it lets this item happen.
        let mut latest: Option<(Date, Item, Date, i32)> = None;
        for link in item.links(m) {
            let Some(input) = find_item(m, &link.on) else {
                continue;
            };
            let input_end = end_of(input, &wps, &mss);
            let ready = cal.add_working_days(input_end, link.lag_days + i32::from(is_wp));
            if latest.is_none_or(|(r, ..)| ready > r) {
                latest = Some((ready, input, input_end, link.lag_days));
            }
        }
        match item {
            Item::WorkPackage(w) => {
                let (start, end) = wps[w];
                let new_start = match (latest, floor) {
                    (Some((ready, input, input_end, lag_days)), _) => {
                        why.push((
                            item,
                            Why::After {
                                input,
                                input_end,
                                lag_days,
                            },
                        ));
                        ready
                    }
                    (None, Some(f)) => {
                        let ready = cal.add_working_days(f.end, f.lag_days + 1);
                        if ready >= start {
                            why.push((
                                item,
                                Why::Waits {
                                    on: f.on.clone(),
                                    end: f.end,
                                },
                            ));
                            ready
                        } else {
                            why.push((item, Why::Fixed));
                            start
                        }
                    }
                    (None, None) => {
                        why.push((item, Why::Fixed));
                        start
                    }
                };
                if new_start != start {
                    let length = cal.working_days_between(start, end);
                    wps[w] = (new_start, cal.add_working_days(new_start, length));
                }
            }
            Item::Milestone(k) => {
                let ms = &m.milestones[k];
                let (day, reason) = milestone_day(ms, latest, meetings, floor, cal);
                mss[k] = day;
                why.push((item, reason));
            }
        }
    }
    why.sort_by_key(|(i, _)| *i);
    Planned {
        work_packages: wps,
        milestones: mss,
        why,
    }
}

fn milestone_day(
    ms: &super::plan::Milestone,
    latest: Option<(Date, Item, Date, i32)>,
    meetings: &MeetingFinder<'_>,
    floor: Option<&Floor>,
    cal: &Calendar,
) -> (Date, Why) {
    match (&ms.at, latest) {
        (Some(At::Meeting(id)), _) => match meetings.by_id(id) {
            Some(meeting) => (
                meeting.date,
                Why::NamedMeeting {
                    meeting: id.clone(),
                },
            ),
            None => (ms.date, Why::Fixed),
        },
        (Some(at @ (At::NextWorkingGroup | At::NextPanel)), Some((ready, input, ..))) => {
            let kind = if *at == At::NextPanel {
                MeetingKind::Panel
            } else {
                MeetingKind::WorkingGroup
            };
            match meetings.first_for(kind, ready) {
                Some(meeting) => (
                    meeting.date,
                    Why::NextMeeting {
                        meeting: meeting.id.clone(),
                        input,
                        ready,
                    },
                ),
                None => (ms.date, Why::NoMeeting { input, ready }),
            }
        }
        (_, Some((ready, input, input_end, lag_days))) => (
            ready,
            Why::After {
                input,
                input_end,
                lag_days,
            },
        ),
        (_, None) => match floor {
            // A Panel update on a held modification is not progress: it stays where the planner put it.
            Some(f) if !matches!(ms.kind, MilestoneKind::PanelReturn | MilestoneKind::Other) => {
                let ready = cal.add_working_days(f.end, f.lag_days);
                if ready >= ms.date {
                    (
                        ready,
                        Why::Waits {
                            on: f.on.clone(),
                            end: f.end,
                        },
                    )
                } else {
                    (ms.date, Why::Fixed)
                }
            }
            _ => (ms.date, Why::Fixed),
        },
    }
}

/// The end of what a dependency waits for in `other`: the named item's end, else the end of all its work (its
/// latest work package, or failing that its latest milestone).
pub fn dependency_end(other: &Modification, until: Option<&str>) -> Option<Date> {
    if let Some(item) = until.and_then(|u| find_item(other, u)) {
        return item.end(other);
    }
    other
        .work_end()
        .or_else(|| other.milestones.iter().map(|x| x.date).max())
}

/// The latest end among the modifications `m` waits for (on hold pending, starts after), with its lag.
pub fn floor_of<'a>(
    m: &Modification,
    get: impl Fn(&str) -> Option<&'a Modification>,
    cal: &Calendar,
) -> Option<Floor> {
    let mut best: Option<(Date, Floor)> = None;
    for d in &m.dependencies {
        if !matches!(
            d.kind,
            DependencyKind::OnHoldPending | DependencyKind::FinishToStart
        ) {
            continue;
        }
        let Some(end) = get(&d.on).and_then(|o| dependency_end(o, d.until.as_deref())) else {
            continue;
        };
        let ready = cal.add_working_days(end, d.lag_days);
        if best.as_ref().is_none_or(|(r, _)| ready > *r) {
            best = Some((
                ready,
                Floor {
                    on: d.on.clone(),
                    end,
                    lag_days: d.lag_days,
                },
            ));
        }
    }
    best.map(|(_, f)| f)
}

/// Writes `planned` into `m`; true when a date changed.
fn write(m: &mut Modification, planned: &Planned) -> bool {
    let mut changed = false;
    for (w, &(start, end)) in m.work_packages.iter_mut().zip(&planned.work_packages) {
        if (w.start, w.end) != (start, end) {
            (w.start, w.end) = (start, end);
            changed = true;
        }
    }
    for (x, &day) in m.milestones.iter_mut().zip(&planned.milestones) {
        if x.date != day {
            x.date = day;
            changed = true;
        }
    }
    changed
}

fn differs(m: &Modification, planned: &Planned) -> bool {
    m.work_packages
        .iter()
        .zip(&planned.work_packages)
        .any(|(w, &(s, e))| (w.start, w.end) != (s, e))
        || m.milestones
            .iter()
            .zip(&planned.milestones)
            .any(|(x, &d)| x.date != d)
}

/// Which modifications to reschedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// All of them (meetings or the calendar changed, or the plan was just loaded).
    All,
    /// These, and every modification that waits for them.
    From(Vec<usize>),
}

/// For each modification, the modifications that wait for it (by index).
fn waiting_for(plan: &Plan) -> HashMap<&str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in plan.modifications.iter().enumerate() {
        for d in &m.dependencies {
            if d.kind.is_ordering() {
                out.entry(d.on.as_str()).or_default().push(i);
            }
        }
    }
    out
}

/// `start` and everything that waits for it, in an order where each comes after what it waits for.
fn closure_in_order<'a>(
    plan: &'a Plan,
    get: &dyn Fn(usize) -> &'a Modification,
    start: &[usize],
) -> Vec<usize> {
    let waiting = waiting_for(plan);
    let mut members: Vec<usize> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut stack: Vec<usize> = start.to_vec();
    while let Some(i) = stack.pop() {
        if i >= plan.modifications.len() || !seen.insert(i) {
            continue;
        }
        members.push(i);
        if let Some(w) = waiting.get(get(i).id.as_str()) {
            stack.extend(w.iter().copied());
        }
    }
    members.sort_unstable();
    // Kahn within the members: edges from what is waited for to what waits.
    let index: HashMap<&str, usize> = members.iter().map(|&i| (get(i).id.as_str(), i)).collect();
    let mut indegree: BTreeMap<usize, usize> = members.iter().map(|&i| (i, 0)).collect();
    for &i in &members {
        for d in &get(i).dependencies {
            if d.kind.is_ordering() && index.contains_key(d.on.as_str()) && d.on != get(i).id {
                *indegree.entry(i).or_default() += 1;
            }
        }
    }
    let mut ready: std::collections::BTreeSet<usize> = indegree
        .iter()
        .filter(|&(_, &n)| n == 0)
        .map(|(&i, _)| i)
        .collect();
    let mut out = Vec::with_capacity(members.len());
    while let Some(i) = ready.pop_first() {
        out.push(i);
        if let Some(w) = waiting.get(get(i).id.as_str()) {
            for &j in w {
                if let Some(n) = indegree.get_mut(&j)
                    && *n > 0
                {
                    *n -= 1;
                    if *n == 0 {
                        ready.insert(j);
                    }
                }
            }
        }
    }
    // Dependency cycles are refused by the integrity check; anything left is taken as it is.
    for i in members {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Recomputes the dates links decide, for `scope`, in place. Returns each changed modification as it was before,
/// so that the caller can undo the cascade.
pub fn reschedule(plan: &mut Plan, scope: &Scope) -> Vec<(usize, Modification)> {
    let schedule = Schedule::build(plan);
    let finder = MeetingFinder::new(&schedule);
    let order: Vec<usize> = {
        let get = |i: usize| &plan.modifications[i];
        match scope {
            Scope::All => closure_in_order(
                plan,
                &get,
                &(0..plan.modifications.len()).collect::<Vec<_>>(),
            ),
            Scope::From(start) => closure_in_order(plan, &get, start),
        }
    };
    let index: HashMap<String, usize> = plan
        .modifications
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    let mut before = Vec::new();
    for i in order {
        let planned = {
            let m = &plan.modifications[i];
            let floor = floor_of(
                m,
                |id| index.get(id).map(|&j| &plan.modifications[j]),
                &plan.calendar,
            );
            plan_dates(m, &plan.calendar, &finder, floor.as_ref())
        };
        if differs(&plan.modifications[i], &planned) {
            before.push((i, plan.modifications[i].clone()));
            write(&mut plan.modifications[i], &planned);
        }
    }
    before
}

/// What a change to one modification would move: `changed` (modification `i` as it would be) rescheduled, and
/// every modification that waits for it, as they would be. Only those that differ from the plan are returned,
/// `i` first. The plan is not touched: this is what a drag previews.
pub fn cascade(
    plan: &Plan,
    schedule: &Schedule,
    index: &super::IdIndex,
    i: usize,
    changed: Modification,
) -> Vec<(usize, Modification)> {
    let finder = MeetingFinder::new(schedule);
    let mut overlay: HashMap<usize, Modification> = HashMap::new();
    overlay.insert(i, changed);
    let order = {
        let get = |j: usize| overlay.get(&j).unwrap_or(&plan.modifications[j]);
        closure_in_order(plan, &get, &[i])
    };
    for j in order {
        let planned = {
            let get = |id: &str| -> Option<&Modification> {
                let k = index.get(id)?;
                Some(overlay.get(&k).unwrap_or(&plan.modifications[k]))
            };
            let m = overlay.get(&j).unwrap_or(&plan.modifications[j]);
            let floor = floor_of(m, get, &plan.calendar);
            plan_dates(m, &plan.calendar, &finder, floor.as_ref())
        };
        let current = overlay.get(&j).unwrap_or(&plan.modifications[j]);
        if differs(current, &planned) {
            let mut m = current.clone();
            write(&mut m, &planned);
            overlay.insert(j, m);
        }
    }
    let mut out: Vec<(usize, Modification)> = overlay
        .into_iter()
        .filter(|(j, m)| plan.modifications.get(*j) != Some(m))
        .collect();
    out.sort_by_key(|(j, _)| (*j != i, *j));
    out
}

/// Why each item of modification `i` is on its day, in plain English, per item.
pub fn explain(plan: &Plan, schedule: &Schedule, i: usize) -> Vec<(Item, String)> {
    let Some(m) = plan.modifications.get(i) else {
        return Vec::new();
    };
    let finder = MeetingFinder::new(schedule);
    let floor = floor_of(m, |id| plan.modification(id), &plan.calendar);
    let planned = plan_dates(m, &plan.calendar, &finder, floor.as_ref());
    planned
        .why
        .iter()
        .map(|(item, why)| (*item, describe(m, *item, why, schedule)))
        .collect()
}

fn describe(m: &Modification, item: Item, why: &Why, schedule: &Schedule) -> String {
    let day = item.end(m).map(format_date).unwrap_or_default();
    let quoted = |i: Item| format!("'{}'", i.name(m));
    match why {
        Why::Fixed => "Dated by hand; follows nothing.".to_owned(),
        Why::Pinned => "Pinned by hand: links do not move it.".to_owned(),
        Why::After {
            input,
            input_end,
            lag_days,
        } => {
            let lag = match lag_days {
                0 => String::new(),
                n => format!(" and {n} working days"),
            };
            match item {
                Item::WorkPackage(_) => format!(
                    "Starts the working day after {} ends on {}{lag}.",
                    quoted(*input),
                    format_date(*input_end)
                ),
                Item::Milestone(_) => format!(
                    "On {day}: when {} ends ({}){lag}.",
                    quoted(*input),
                    format_date(*input_end)
                ),
            }
        }
        Why::NamedMeeting { meeting } => {
            let name = schedule
                .by_id(meeting)
                .map_or(meeting.clone(), |x| x.name.clone());
            format!("At {name} ({day}), named by hand; moves with the meeting.")
        }
        Why::NextMeeting {
            meeting,
            input,
            ready,
        } => match schedule.by_id(meeting) {
            Some(x) => match x.papers_due {
                Some(papers) => format!(
                    "{}, {}: the first whose papers deadline, {}, is on or after the end of {} ({}).",
                    x.name,
                    format_date(x.date),
                    format_date(papers),
                    quoted(*input),
                    format_date(*ready)
                ),
                None => format!(
                    "{}, {}: the first on or after the end of {} ({}).",
                    x.name,
                    format_date(x.date),
                    quoted(*input),
                    format_date(*ready)
                ),
            },
            None => format!("At meeting {meeting}."),
        },
        Why::NoMeeting { input, ready } => format!(
            "No meeting in the plan is late enough for {} (ready {}): left on {day}. Extend the meeting series.",
            quoted(*input),
            format_date(*ready)
        ),
        Why::Waits { on, end } => format!(
            "Waits for {on}, whose work ends on {}: starts after it.",
            format_date(*end)
        ),
    }
}

/// The earliest Panel that `m` could return to given its inputs today: the first Panel whose papers deadline is on
/// or after the end of its work (or of what its Panel return follows). `None` when it has no work and no Panel
/// return, or the plan has no Panel late enough.
pub fn earliest_panel_return<'a>(
    plan: &Plan,
    finder: &MeetingFinder<'a>,
    m: &Modification,
) -> Option<&'a ScheduledMeeting> {
    let status = plan.meta.status_date;
    let ret = m.panel_return();
    let ready = ret
        .and_then(|r| {
            r.after
                .iter()
                .filter_map(|l| {
                    let input = find_item(m, &l.on)?;
                    Some(plan.calendar.add_working_days(input.end(m)?, l.lag_days))
                })
                .max()
        })
        .or_else(|| m.work_end())?;
    finder.first_for(MeetingKind::Panel, ready.max(status))
}

#[cfg(test)]
mod tests;
