//! Editing the links of one modification: which items an item may follow without a loop, and the modification as it
//! is after a link is added, removed or given a new lag, or a milestone is put on a meeting. Each answer is a whole
//! changed [`Modification`], so that the app makes one undoable edit of it.

use super::{Item, find_item, items};
use crate::model::plan::{At, Link, Modification};

/// The items `item` could follow: not itself, not one it already follows, and none that (through links) follows it,
/// which would make a loop.
pub fn link_candidates(m: &Modification, item: Item) -> Vec<Item> {
    let followers = followers_of(m, item);
    let current: Vec<&str> = item.links(m).iter().map(|l| l.on.as_str()).collect();
    items(m)
        .filter(|&other| other != item && !followers.contains(&other))
        .filter(|&other| {
            let id = other.id(m);
            id.is_empty() || !current.contains(&id)
        })
        .collect()
}

/// Every item that follows `item`, directly or through others.
fn followers_of(m: &Modification, item: Item) -> Vec<Item> {
    let mut found: Vec<Item> = Vec::new();
    let mut todo = vec![item];
    while let Some(x) = todo.pop() {
        let id = x.id(m);
        if id.is_empty() {
            continue;
        }
        for other in items(m) {
            if !found.contains(&other) && other.links(m).iter().any(|l| l.on == id) {
                found.push(other);
                todo.push(other);
            }
        }
    }
    found
}

/// `m` with `item` following `on` by `lag_days`. If `on` has no id yet, it is given one made from its name, unique
/// in the modification.
pub fn with_link(m: &Modification, item: Item, on: Item, lag_days: i32) -> Modification {
    let mut changed = m.clone();
    let id = ensure_id(&mut changed, on);
    links_mut(&mut changed, item).push(Link { on: id, lag_days });
    changed
}

/// `m` without `item`'s link number `index`. A milestone left following nothing cannot find "the next meeting", so
/// it stays on the day it has (its `at` is dropped).
pub fn without_link(m: &Modification, item: Item, index: usize) -> Modification {
    let mut changed = m.clone();
    let links = links_mut(&mut changed, item);
    if index < links.len() {
        links.remove(index);
    }
    if let Item::Milestone(k) = item
        && let Some(x) = changed.milestones.get_mut(k)
        && x.after.is_empty()
        && matches!(x.at, Some(At::NextWorkingGroup | At::NextPanel))
    {
        x.at = None;
    }
    changed
}

/// `m` with the lag of `item`'s link number `index` set to `lag_days`.
pub fn with_lag(m: &Modification, item: Item, index: usize, lag_days: i32) -> Modification {
    let mut changed = m.clone();
    if let Some(link) = links_mut(&mut changed, item).get_mut(index) {
        link.lag_days = lag_days;
    }
    changed
}

/// `m` with milestone `k` on `at` (or on its own day, for `None`).
pub fn with_at(m: &Modification, k: usize, at: Option<At>) -> Modification {
    let mut changed = m.clone();
    if let Some(x) = changed.milestones.get_mut(k) {
        x.at = at;
    }
    changed
}

/// The item `link` points at, if any.
pub fn link_target(m: &Modification, link: &Link) -> Option<Item> {
    find_item(m, &link.on)
}

fn links_mut(m: &mut Modification, item: Item) -> &mut Vec<Link> {
    match item {
        Item::WorkPackage(w) => &mut m.work_packages[w].after,
        Item::Milestone(k) => &mut m.milestones[k].after,
    }
}

/// The id of `item`, giving it one (from its name: lower case, words joined by '-') when it has none.
fn ensure_id(m: &mut Modification, item: Item) -> String {
    let existing = item.id(m);
    if !existing.is_empty() {
        return existing.to_owned();
    }
    let base = slug(item.name(m));
    let base = if base.is_empty() {
        "item".to_owned()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while find_item(m, &id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    match item {
        Item::WorkPackage(w) => m.work_packages[w].id.clone_from(&id),
        Item::Milestone(k) => m.milestones[k].id.clone_from(&id),
    }
    id
}

/// At most five words of `name`, lower case, joined by '-'.
fn slug(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Milestone, MilestoneKind, WorkPackage};

    fn d(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    fn chain() -> Modification {
        let mut m = Modification::new("SECMP0099");
        m.work_packages.push(WorkPackage {
            name: "DCC Preliminary Assessment".into(),
            start: d("2019-04-01"),
            end: d("2019-04-12"),
            ..Default::default()
        });
        m.work_packages.push(WorkPackage {
            id: "review".into(),
            name: "Review with the Proposer".into(),
            start: d("2019-04-15"),
            end: d("2019-04-26"),
            ..Default::default()
        });
        m.milestones.push(Milestone {
            id: "wg".into(),
            kind: MilestoneKind::WorkingGroup,
            date: d("2019-05-01"),
            label: "Working Group".into(),
            after: vec![Link {
                on: "review".into(),
                lag_days: 0,
            }],
            at: Some(At::NextWorkingGroup),
            ..Default::default()
        });
        m
    }

    #[test]
    fn candidates_exclude_itself_what_it_follows_and_what_follows_it() {
        let m = chain();
        // The review is followed by the Working Group: it may follow only the assessment.
        assert_eq!(
            link_candidates(&m, Item::WorkPackage(1)),
            vec![Item::WorkPackage(0)]
        );
        // The Working Group already follows the review.
        assert_eq!(
            link_candidates(&m, Item::Milestone(0)),
            vec![Item::WorkPackage(0)]
        );
        // The assessment is followed by nothing yet: anything else.
        assert_eq!(
            link_candidates(&m, Item::WorkPackage(0)),
            vec![Item::WorkPackage(1), Item::Milestone(0)]
        );
    }

    #[test]
    fn candidates_exclude_followers_through_others() {
        let mut m = with_link(&chain(), Item::WorkPackage(1), Item::WorkPackage(0), 0);
        // assessment -> review -> Working Group: the assessment may follow neither.
        assert!(link_candidates(&m, Item::WorkPackage(0)).is_empty());
        m.work_packages[1].after.clear();
        assert_eq!(link_candidates(&m, Item::WorkPackage(0)).len(), 2);
    }

    #[test]
    fn linking_to_an_item_without_an_id_names_it_uniquely() {
        let mut m = chain();
        m.milestones[0].id = "dcc-preliminary-assessment".into();
        let changed = with_link(&m, Item::WorkPackage(1), Item::WorkPackage(0), 2);
        assert_eq!(changed.work_packages[0].id, "dcc-preliminary-assessment-2");
        assert_eq!(
            changed.work_packages[1].after,
            vec![Link {
                on: "dcc-preliminary-assessment-2".into(),
                lag_days: 2
            }]
        );
        // Nothing else changed.
        assert_eq!(changed.milestones, m.milestones);
    }

    #[test]
    fn removing_the_last_link_of_an_automatic_milestone_keeps_its_day() {
        let m = chain();
        let changed = without_link(&m, Item::Milestone(0), 0);
        assert!(changed.milestones[0].after.is_empty());
        assert_eq!(changed.milestones[0].at, None);
        assert_eq!(changed.milestones[0].date, d("2019-05-01"));
        // A named meeting stays named.
        let mut m = chain();
        m.milestones[0].at = Some(At::Meeting("wg-2019-05".into()));
        let changed = without_link(&m, Item::Milestone(0), 0);
        assert_eq!(
            changed.milestones[0].at,
            Some(At::Meeting("wg-2019-05".into()))
        );
    }

    #[test]
    fn lag_and_meeting_are_set_in_place() {
        let m = chain();
        let changed = with_lag(&m, Item::Milestone(0), 0, 3);
        assert_eq!(changed.milestones[0].after[0].lag_days, 3);
        let changed = with_at(&changed, 0, Some(At::NextPanel));
        assert_eq!(changed.milestones[0].at, Some(At::NextPanel));
        assert_eq!(
            link_target(&changed, &changed.milestones[0].after[0]),
            Some(Item::WorkPackage(1))
        );
    }
}
