//! The chain: work packages and milestones that follow other items (finish-to-start, lag in working days),
//! milestones that sit on a named meeting or on the first meeting whose papers deadline the work can make, and
//! modifications that wait for others. Items keep their dates in the plan; [`reschedule`] recomputes the dates that
//! links decide, so the plan is always its own schedule (a fixed point: rescheduling again changes nothing).

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

use super::calendar::Calendar;
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

/// The latest of the items one item follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    /// The item followed.
    pub item: Item,
    /// Its end.
    pub end: Date,
    /// The link's lag.
    pub lag_days: i32,
    /// The day it lets the follower happen: a milestone on `end` plus the lag, a work package the working day after.
    pub ready: Date,
}

/// The input of `item` (of `m`) that lets it happen last, with item ends read through `end_of` (the plan's dates, or
/// those being worked out). The scheduler places items here; the warnings judge them against it.
pub fn latest_input(
    m: &Modification,
    item: Item,
    cal: &Calendar,
    end_of: impl Fn(Item) -> Option<Date>,
) -> Option<Input> {
    let after_days = i32::from(matches!(item, Item::WorkPackage(_)));
    item.links(m)
        .iter()
        .filter_map(|link| {
            let input = find_item(m, &link.on)?;
            let end = end_of(input)?;
            Some(Input {
                item: input,
                end,
                lag_days: link.lag_days,
                ready: cal.add_working_days(end, link.lag_days + after_days),
            })
        })
        // The first of equals, as links are listed.
        .fold(None, |best: Option<Input>, x| match best {
            Some(b) if b.ready >= x.ready => Some(b),
            _ => Some(x),
        })
}

/// The meeting milestone `x` sits on: its named meeting, else the meeting of its kind on its day.
pub fn meeting_of<'a>(
    x: &super::plan::Milestone,
    schedule: &'a Schedule,
) -> Option<&'a ScheduledMeeting> {
    match &x.at {
        Some(At::Meeting(id)) => schedule.by_id(id),
        _ => x.kind.meeting_kind().and_then(|k| schedule.on(x.date, k)),
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
    for item in order {
        if item.pinned(m) {
            why.push((item, Why::Pinned));
            continue;
        }
        // Inputs come before their followers in `order`, so their ends here are already the new ones.
        let latest = latest_input(m, item, cal, |input| match input {
            Item::WorkPackage(w) => wps.get(w).map(|x| x.1),
            Item::Milestone(k) => mss.get(k).copied(),
        });
        match item {
            Item::WorkPackage(w) => {
                let (start, end) = wps[w];
                let new_start = match (latest, floor) {
                    (Some(input), _) => {
                        why.push((
                            item,
                            Why::After {
                                input: input.item,
                                input_end: input.end,
                                lag_days: input.lag_days,
                            },
                        ));
                        input.ready
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
    latest: Option<Input>,
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
        (Some(at @ (At::NextWorkingGroup | At::NextPanel)), Some(input)) => {
            let Input {
                item: input, ready, ..
            } = input;
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
        (_, Some(input)) => (
            input.ready,
            Why::After {
                input: input.item,
                input_end: input.end,
                lag_days: input.lag_days,
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

/// True when `a` and `b` are the same to the scheduler: the same id, work package and milestone days, ids, links,
/// meeting anchors and pins, and the same dependencies. Rescheduling one gives what rescheduling the other does.
pub fn same_schedule(a: &Modification, b: &Modification) -> bool {
    fn wp(w: &super::plan::WorkPackage) -> (&str, Date, Date, &[super::plan::Link], bool) {
        (&w.id, w.start, w.end, &w.after, w.pinned)
    }
    fn ms(
        x: &super::plan::Milestone,
    ) -> (
        &str,
        MilestoneKind,
        Date,
        &[super::plan::Link],
        Option<&At>,
        bool,
    ) {
        (&x.id, x.kind, x.date, &x.after, x.at.as_ref(), x.pinned)
    }
    fn dep(d: &super::plan::Dependency) -> (DependencyKind, &str, Option<&str>, i32) {
        (d.kind, &d.on, d.until.as_deref(), d.lag_days)
    }
    a.id == b.id
        && a.dependencies
            .iter()
            .map(dep)
            .eq(b.dependencies.iter().map(dep))
        && a.work_packages
            .iter()
            .map(wp)
            .eq(b.work_packages.iter().map(wp))
        && a.milestones.iter().map(ms).eq(b.milestones.iter().map(ms))
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
    if out.len() < members.len() {
        let placed: HashSet<usize> = out.iter().copied().collect();
        out.extend(members.into_iter().filter(|i| !placed.contains(i)));
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
    // Only modifications something waits for are ever looked up: index just those (no copy of every id per edit).
    let waited_for: HashSet<&str> = plan
        .modifications
        .iter()
        .flat_map(|m| &m.dependencies)
        .filter(|d| d.kind.is_ordering())
        .map(|d| d.on.as_str())
        .collect();
    let index: HashMap<String, usize> = plan
        .modifications
        .iter()
        .enumerate()
        .filter(|(_, m)| waited_for.contains(m.id.as_str()))
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

mod links;
pub use links::{link_candidates, link_target, with_at, with_lag, with_link, without_link};
mod why;
pub use why::{earliest_panel_return, explain, waits};

#[cfg(test)]
mod tests;
