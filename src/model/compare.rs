//! Comparing two timetables: what changed from one paper to the next. The older side is another plan (the last
//! paper's file) or a stored [`Baseline`], read back as a plan view: its work packages and milestones per
//! modification, the rest taken as unchanged. The same pairing of items feeds `sec-timetable diff`, "Changes since"
//! in the app and the slippage badges ([`crate::model::baseline`]).

use jiff::civil::Date;
use serde::Serialize;
use strum::{EnumIter, IntoStaticStr};

use super::calendar::Calendar;
use super::date::Precision;
use super::plan::{
    Baseline, BaselineEntry, Cost, Dependency, DependencyKind, Milestone, MilestoneKind,
    Modification, Owner, Plan, Status, WorkPackage,
};

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, IntoStaticStr, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ChangeKind {
    /// A modification that is new since the older timetable.
    Added,
    /// A modification that has left the plan.
    Removed,
    /// A new status.
    Status,
    /// A Working Group milestone moved, added or dropped.
    WorkingGroup,
    /// A Panel return moved, added or dropped.
    PanelReturn,
    /// A Modification Report to the Panel moved, added or dropped.
    ModificationReport,
    /// Any other milestone moved, added or dropped.
    Milestone,
    /// A work package moved, re-owned, renamed, added or removed.
    WorkPackage,
    /// A dependency on another modification added, removed or changed.
    Dependency,
    /// A cost added, removed or changed.
    Cost,
    /// Plan-wide: the status date, the paper reference or the title.
    Meta,
}

impl ChangeKind {
    /// snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One side of a change, as `sec-timetable diff --json` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A Working Group, Panel return or Modification Report day.
    Date(Date),
    /// A status.
    Status(Status),
    /// A modification's title (added, removed).
    Title {
        /// The title.
        title: String,
    },
    /// Any other milestone.
    Milestone {
        /// Its label.
        label: String,
        /// Its day.
        date: Date,
        /// How precisely the day is known.
        precision: Precision,
    },
    /// A work package.
    WorkPackage {
        /// Its name.
        name: String,
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
        /// Who does it.
        owner: Owner,
    },
    /// A dependency.
    Dependency {
        /// The relation.
        kind: DependencyKind,
        /// The other modification.
        on: String,
        /// Working days of lag.
        lag_days: i32,
    },
    /// A cost.
    Cost {
        /// What for.
        item: String,
        /// Pounds, when known.
        amount_gbp: Option<u64>,
        /// "circa".
        approximate: bool,
    },
    /// The plan's status date.
    StatusDate {
        /// The day.
        status_date: Date,
    },
    /// The plan's paper reference.
    PaperRef {
        /// The reference.
        paper_ref: String,
    },
}

/// One change between two timetables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The modification it is about; `None` for plan-wide changes.
    pub modification: Option<String>,
    /// What changed.
    pub kind: ChangeKind,
    /// Before (`None`: did not exist).
    pub from: Option<Value>,
    /// After (`None`: no longer exists).
    pub to: Option<Value>,
    /// How far a date moved, in working days (positive: later).
    #[serde(skip)]
    pub working_days: Option<i32>,
    /// The change in the paper's words, without the modification id: "Panel return moves from April to May 2019
    /// (+25 working days)".
    #[serde(skip)]
    pub text: String,
}

impl Change {
    /// The line a cover note gives it: "SECMP0010: Panel return moves from April to May 2019 (+25 working days)".
    pub fn line(&self) -> String {
        match &self.modification {
            Some(id) => format!("{id}: {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// One modification as the older timetable knew it. What it does not know (`None`) is not compared.
#[derive(Debug, Clone, Copy)]
pub struct Then<'a> {
    /// Its title, when known.
    pub title: &'a str,
    /// Its status, when known.
    pub status: Option<Status>,
    /// Its work packages.
    pub work_packages: &'a [WorkPackage],
    /// Its milestones.
    pub milestones: &'a [Milestone],
    /// Its dependencies, when known.
    pub dependencies: Option<&'a [Dependency]>,
    /// Its costs, when known.
    pub costs: Option<&'a [Cost]>,
}

impl<'a> Then<'a> {
    /// Everything about `m`.
    pub fn of(m: &'a Modification) -> Self {
        Then {
            title: &m.title,
            status: Some(m.status),
            work_packages: &m.work_packages,
            milestones: &m.milestones,
            dependencies: Some(&m.dependencies),
            costs: Some(&m.costs),
        }
    }

    /// What a baseline entry knows: its work packages and milestones, and (in baselines stored since they were
    /// kept) its title, status, dependencies and costs.
    pub fn of_entry(e: &'a BaselineEntry) -> Self {
        Then {
            title: &e.title,
            status: e.status,
            work_packages: &e.work_packages,
            milestones: &e.milestones,
            dependencies: e.dependencies.as_deref(),
            costs: e.costs.as_deref(),
        }
    }
}

/// The older timetable: the last paper's plan, or a baseline stored in the plan.
#[derive(Debug, Clone, Copy)]
pub enum Older<'a> {
    /// A whole plan.
    Plan(&'a Plan),
    /// A stored baseline.
    Baseline(&'a Baseline),
}

impl<'a> Older<'a> {
    /// Modification `id` as this timetable knew it.
    pub fn then(self, id: &str) -> Option<Then<'a>> {
        match self {
            Older::Plan(p) => p.modification(id).map(Then::of),
            Older::Baseline(b) => b
                .modifications
                .iter()
                .find(|e| e.id == id)
                .map(Then::of_entry),
        }
    }

    /// Its status date.
    pub fn status_date(self) -> Date {
        match self {
            Older::Plan(p) => p.meta.status_date,
            Older::Baseline(b) => b.date,
        }
    }

    /// Its paper reference.
    pub fn paper_ref(self) -> &'a str {
        match self {
            Older::Plan(p) => &p.meta.paper_ref,
            Older::Baseline(b) => &b.paper_ref,
        }
    }

    /// The ids of its modifications, in order, with their titles where known.
    fn ids(self) -> Vec<(&'a str, &'a str)> {
        match self {
            Older::Plan(p) => p
                .modifications
                .iter()
                .map(|m| (m.id.as_str(), m.title.as_str()))
                .collect(),
            Older::Baseline(b) => b
                .modifications
                .iter()
                .map(|e| (e.id.as_str(), e.title.as_str()))
                .collect(),
        }
    }
}

/// Every change from `older` to `newer`: plan-wide ones first, then each modification in `newer`'s order, then the
/// modifications that left.
pub fn compare(older: Older<'_>, newer: &Plan) -> Vec<Change> {
    let mut out = meta_changes(older, newer);
    for m in &newer.modifications {
        out.extend(compare_modification(&newer.calendar, older.then(&m.id), m));
    }
    out.extend(removed(older, newer));
    out
}

/// The plan-wide changes: status date and paper reference (and the title, between two plans).
pub fn meta_changes(older: Older<'_>, newer: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    let (was, is) = (older.status_date(), newer.meta.status_date);
    if was != is {
        out.push(Change {
            modification: None,
            kind: ChangeKind::Meta,
            from: Some(Value::StatusDate { status_date: was }),
            to: Some(Value::StatusDate { status_date: is }),
            working_days: Some(newer.calendar.working_days_between(was, is)),
            text: format!(
                "Status date moves {}.",
                range_text(when(was), when(is), false)
            ),
        });
    }
    let (was, is) = (older.paper_ref(), newer.meta.paper_ref.as_str());
    if was != is {
        let text = match (was.is_empty(), is.is_empty()) {
            (true, _) => format!("Paper reference {is}."),
            (_, true) => format!("No paper reference (was {was})."),
            _ => format!("Paper reference {is} (was {was})."),
        };
        out.push(Change {
            modification: None,
            kind: ChangeKind::Meta,
            from: Some(Value::PaperRef {
                paper_ref: was.to_owned(),
            }),
            to: Some(Value::PaperRef {
                paper_ref: is.to_owned(),
            }),
            working_days: None,
            text,
        });
    }
    out
}

/// The modifications of `older` that `newer` no longer has, in `older`'s order.
pub fn removed(older: Older<'_>, newer: &Plan) -> Vec<Change> {
    older
        .ids()
        .into_iter()
        .filter(|(id, _)| newer.modification(id).is_none())
        .map(|(id, title)| Change {
            modification: Some(id.to_owned()),
            kind: ChangeKind::Removed,
            from: Some(Value::Title {
                title: title.to_owned(),
            }),
            to: None,
            working_days: None,
            text: if title.is_empty() {
                "no longer in the plan.".to_owned()
            } else {
                format!("“{title}” is no longer in the plan.")
            },
        })
        .collect()
}

/// What changed in one modification since `then` (`None`: it is new).
pub fn compare_modification(
    cal: &Calendar,
    then: Option<Then<'_>>,
    now: &Modification,
) -> Vec<Change> {
    let id = Some(now.id.clone());
    let change = |kind, from, to, working_days, text: String| Change {
        modification: id.clone(),
        kind,
        from,
        to,
        working_days,
        text,
    };
    let Some(then) = then else {
        let title = Value::Title {
            title: now.title.clone(),
        };
        let text = format!("new modification “{}”.", now.title);
        return vec![change(ChangeKind::Added, None, Some(title), None, text)];
    };
    let mut out = Vec::new();
    if let Some(was) = then.status.filter(|s| *s != now.status) {
        let text = format!("status now {} (was {}).", now.status.label(), was.label());
        let (from, to) = (Some(Value::Status(was)), Some(Value::Status(now.status)));
        out.push(change(ChangeKind::Status, from, to, None, text));
    }
    for (a, b) in pair_milestones(then.milestones, &now.milestones) {
        let (a, b) = (
            a.map(|k| &then.milestones[k]),
            b.map(|k| &now.milestones[k]),
        );
        out.extend(
            milestone_change(cal, a, b)
                .map(|(kind, from, to, wd, text)| change(kind, from, to, wd, text)),
        );
    }
    for (a, b) in pair_work_packages(then.work_packages, &now.work_packages) {
        let (a, b) = (
            a.map(|k| &then.work_packages[k]),
            b.map(|k| &now.work_packages[k]),
        );
        if let Some((wd, text)) = work_package_text(cal, a, b) {
            out.push(change(
                ChangeKind::WorkPackage,
                a.map(wp_value),
                b.map(wp_value),
                wd,
                text,
            ));
        }
    }
    if let Some(deps) = then.dependencies {
        for (from, to, text) in dependency_changes(deps, &now.dependencies) {
            out.push(change(ChangeKind::Dependency, from, to, None, text));
        }
    }
    if let Some(costs) = then.costs {
        for (from, to, text) in cost_changes(costs, &now.costs) {
            out.push(change(ChangeKind::Cost, from, to, None, text));
        }
    }
    out
}

/// Pairs the milestones of two versions of a modification: by `id` where both have one, then by kind and label,
/// then by kind in list order. Each index appears once; unpaired ones are added or dropped.
pub fn pair_milestones(
    old: &[Milestone],
    new: &[Milestone],
) -> Vec<(Option<usize>, Option<usize>)> {
    let by_id = |a: &Milestone, b: &Milestone| !a.id.is_empty() && a.id == b.id;
    let by_label = |a: &Milestone, b: &Milestone| a.kind == b.kind && a.label == b.label;
    let by_kind = |a: &Milestone, b: &Milestone| a.kind == b.kind;
    pair(old, new, &[&by_id, &by_label, &by_kind])
}

/// Pairs the work packages of two versions of a modification: by `id` where both have one, then by name, then in
/// list order where the two have the same owner or overlap in time (a package renamed); the rest are added or
/// removed.
pub fn pair_work_packages(
    old: &[WorkPackage],
    new: &[WorkPackage],
) -> Vec<(Option<usize>, Option<usize>)> {
    let by_id = |a: &WorkPackage, b: &WorkPackage| !a.id.is_empty() && a.id == b.id;
    let by_name = |a: &WorkPackage, b: &WorkPackage| a.name == b.name;
    let renamed = |a: &WorkPackage, b: &WorkPackage| {
        a.owner == b.owner || (a.start <= b.end && b.start <= a.end)
    };
    pair(old, new, &[&by_id, &by_name, &renamed])
}

type Rule<'r, T> = &'r dyn Fn(&T, &T) -> bool;

/// Pairs `old` and `new` by each rule in turn, first unpaired match in list order; then the unpaired of both.
/// Sorted by the new index (dropped ones, which have none, last in old order).
fn pair<T>(old: &[T], new: &[T], rules: &[Rule<'_, T>]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_of: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for rule in rules {
        for (j, b) in new.iter().enumerate() {
            if old_of[j].is_some() {
                continue;
            }
            if let Some(i) = (0..old.len()).find(|&i| !taken[i] && rule(&old[i], b)) {
                taken[i] = true;
                old_of[j] = Some(i);
            }
        }
    }
    let mut out: Vec<_> = old_of
        .into_iter()
        .enumerate()
        .map(|(j, i)| (i, Some(j)))
        .collect();
    out.extend(
        (0..old.len())
            .filter(|&i| !taken[i])
            .map(|i| (Some(i), None)),
    );
    out
}

type Found = (
    ChangeKind,
    Option<Value>,
    Option<Value>,
    Option<i32>,
    String,
);

/// The change between two paired milestones (either may be missing), if their day differs.
fn milestone_change(cal: &Calendar, a: Option<&Milestone>, b: Option<&Milestone>) -> Option<Found> {
    let x = b.or(a)?;
    let (kind, name) = match x.kind {
        MilestoneKind::WorkingGroup => (ChangeKind::WorkingGroup, "Working Group".to_owned()),
        MilestoneKind::PanelReturn => (ChangeKind::PanelReturn, "Panel return".to_owned()),
        MilestoneKind::ModificationReport => (
            ChangeKind::ModificationReport,
            "Modification Report to the Panel".to_owned(),
        ),
        _ => (ChangeKind::Milestone, format!("“{}”", x.label)),
    };
    let meeting = kind != ChangeKind::Milestone;
    let value = |m: &Milestone| {
        if meeting {
            Value::Date(m.date)
        } else {
            Value::Milestone {
                label: m.label.clone(),
                date: m.date,
                precision: m.precision,
            }
        }
    };
    let at = |m: &Milestone| (m.date, m.precision);
    let (working_days, text) = match (a, b) {
        (Some(a), Some(b)) if a.date == b.date => return None,
        (Some(a), Some(b)) => {
            let wd = cal.working_days_between(a.date, b.date);
            let text = format!(
                "{name} moves {} {}.",
                range_text(at(a), at(b), meeting),
                working_days_text(wd)
            );
            (Some(wd), text)
        }
        (None, Some(b)) => (
            None,
            format!("{name} now planned for {}.", when_text(at(b), meeting)),
        ),
        (Some(a), None) => (
            None,
            format!(
                "{name} ({}) is no longer planned.",
                when_text(at(a), meeting)
            ),
        ),
        (None, None) => return None,
    };
    Some((kind, a.map(value), b.map(value), working_days, text))
}

fn wp_value(w: &WorkPackage) -> Value {
    Value::WorkPackage {
        name: w.name.clone(),
        start: w.start,
        end: w.end,
        owner: w.owner,
    }
}

/// What changed between two paired work packages, and the working days its end (else its start) moved.
fn work_package_text(
    cal: &Calendar,
    a: Option<&WorkPackage>,
    b: Option<&WorkPackage>,
) -> Option<(Option<i32>, String)> {
    let span = |w: &WorkPackage| {
        range_text(
            (w.start, w.start_precision),
            (w.end, w.end_precision),
            false,
        )
        .trim_start_matches("from ")
        .to_owned()
    };
    let (a, b) = match (a, b) {
        (None, Some(b)) => {
            return Some((
                None,
                format!(
                    "new work package “{}”, {} ({}).",
                    b.name,
                    span(b),
                    b.owner.label()
                ),
            ));
        }
        (Some(a), None) => return Some((None, format!("work package “{}” removed.", a.name))),
        (Some(a), Some(b)) => (a, b),
        (None, None) => return None,
    };
    let mut parts = Vec::new();
    let mut working_days = None;
    if a.name != b.name {
        parts.push(format!("“{}” is now called “{}”", a.name, b.name));
    }
    let (start_moved, end_moved) = (a.start != b.start, a.end != b.end);
    let end = |w: &WorkPackage| (w.end, w.end_precision);
    let start = |w: &WorkPackage| (w.start, w.start_precision);
    if end_moved {
        let wd = cal.working_days_between(a.end, b.end);
        working_days = Some(wd);
        let what = if start_moved {
            format!("now runs {}, not {}", span(b), span(a))
        } else {
            format!(
                "now ends {}, not {}",
                when_text(end(b), false),
                when_text(end(a), false)
            )
        };
        parts.push(format!("“{}” {what} {}", b.name, working_days_text(wd)));
    } else if start_moved {
        let wd = cal.working_days_between(a.start, b.start);
        working_days = Some(wd);
        parts.push(format!(
            "“{}” now starts {}, not {} {}",
            b.name,
            when_text(start(b), false),
            when_text(start(a), false),
            working_days_text(wd)
        ));
    }
    if a.owner != b.owner {
        parts.push(format!(
            "“{}” is now with {}, not {}",
            b.name,
            b.owner.label(),
            a.owner.label()
        ));
    }
    (!parts.is_empty()).then(|| (working_days, format!("{}.", parts.join("; "))))
}

type ValueChange = (Option<Value>, Option<Value>, String);

/// Dependencies added, removed or with a new lag (matched by kind and the other modification).
fn dependency_changes(old: &[Dependency], new: &[Dependency]) -> Vec<ValueChange> {
    let value = |d: &Dependency| Value::Dependency {
        kind: d.kind,
        on: d.on.clone(),
        lag_days: d.lag_days,
    };
    let same = |a: &Dependency, b: &Dependency| a.kind == b.kind && a.on == b.on;
    let mut out = Vec::new();
    for (a, b) in pair(old, new, &[&same]) {
        match (a.map(|i| &old[i]), b.map(|j| &new[j])) {
            (Some(a), Some(b)) if a.lag_days != b.lag_days => out.push((
                Some(value(a)),
                Some(value(b)),
                format!(
                    "{} {} with a lag of {} working days (was {}).",
                    b.kind.phrase(),
                    b.on,
                    b.lag_days,
                    a.lag_days
                ),
            )),
            (None, Some(b)) => out.push((
                None,
                Some(value(b)),
                format!("now {} {}.", b.kind.phrase(), b.on),
            )),
            (Some(a), None) => out.push((
                Some(value(a)),
                None,
                format!("no longer {} {}.", a.kind.phrase(), a.on),
            )),
            _ => {}
        }
    }
    out
}

/// Costs added, removed or changed (matched by item).
fn cost_changes(old: &[Cost], new: &[Cost]) -> Vec<ValueChange> {
    let value = |c: &Cost| Value::Cost {
        item: c.item.clone(),
        amount_gbp: c.amount_gbp,
        approximate: c.approximate,
    };
    let same = |a: &Cost, b: &Cost| a.item == b.item;
    let mut out = Vec::new();
    for (a, b) in pair(old, new, &[&same]) {
        match (a.map(|i| &old[i]), b.map(|j| &new[j])) {
            (Some(a), Some(b))
                if (a.amount_gbp, a.approximate) != (b.amount_gbp, b.approximate) =>
            {
                out.push((
                    Some(value(a)),
                    Some(value(b)),
                    format!("cost “{}” now {} (was {}).", b.item, money(b), money(a)),
                ))
            }
            (None, Some(b)) => out.push((
                None,
                Some(value(b)),
                format!("new cost “{}”, {}.", b.item, money(b)),
            )),
            (Some(a), None) => out.push((
                Some(value(a)),
                None,
                format!("cost “{}” ({}) no longer in the plan.", a.item, money(a)),
            )),
            _ => {}
        }
    }
    out
}

/// "circa £17,000", "£2,500", "amount not known".
pub fn money(c: &Cost) -> String {
    let Some(amount) = c.amount_gbp else {
        return "amount not known".to_owned();
    };
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}£{grouped}", if c.approximate { "circa " } else { "" })
}

/// An exact date as a point in time to compare.
fn when(d: Date) -> (Date, Precision) {
    (d, Precision::Exact)
}

/// A day as the paper says it, with or without its year: "15 March", "early April 2019", "mid-May", "end of April",
/// "May 2019", "about 12 April". A meeting (`month`) is named by its month alone.
fn day_text((d, p): (Date, Precision), month: bool, year: bool) -> String {
    let month_name = d.strftime("%B").to_string();
    let text = match p {
        _ if month => month_name,
        Precision::Exact => format!("{} {month_name}", d.day()),
        Precision::Early => format!("early {month_name}"),
        Precision::Mid => format!("mid-{month_name}"),
        Precision::Late => format!("end of {month_name}"),
        Precision::Month => month_name,
        Precision::Approximate => format!("about {} {month_name}", d.day()),
    };
    if year {
        format!("{text} {}", d.year())
    } else {
        text
    }
}

/// A day with its year: "15 March 2019", "May 2019" for a meeting.
fn when_text(at: (Date, Precision), meeting: bool) -> String {
    day_text(at, meeting, true)
}

/// "from April to May 2019", "from 15 March to 22 March 2019", "from December 2019 to January 2020". A meeting is
/// named by its month unless both days are in the same month.
fn range_text(a: (Date, Precision), b: (Date, Precision), meeting: bool) -> String {
    let same_month = (a.0.year(), a.0.month()) == (b.0.year(), b.0.month());
    let month = meeting && !same_month;
    let same_year = a.0.year() == b.0.year();
    format!(
        "from {} to {}",
        day_text(a, month, !same_year),
        day_text(b, month, true)
    )
}

/// "(+25 working days)", "(-1 working day)", "(no working days)" (moved across a weekend).
pub fn working_days_text(n: i32) -> String {
    match n {
        0 => "(no working days)".to_owned(),
        1 | -1 => format!("({n:+} working day)"),
        _ => format!("({n:+} working days)"),
    }
}
