//! How a plan is laid out in rows: display order (groups together) and lanes for overlapping work packages.
//! Shared by the timeline and the exports.

use jiff::civil::Date;

use super::plan::{Modification, Plan};

/// Lanes of one row: overlapping work packages are drawn one above the other.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    /// Lane of each work package, by index.
    pub lane_of: Vec<usize>,
    /// Number of lanes (at least 1).
    pub count: usize,
}

/// Greedy interval partitioning: each package goes in the first lane that is free on its start day.
pub fn lanes_for(m: &Modification) -> Lanes {
    let mut order: Vec<usize> = (0..m.work_packages.len()).collect();
    order.sort_by_key(|&i| (m.work_packages[i].start, m.work_packages[i].end));
    let mut lane_ends: Vec<Date> = Vec::new();
    let mut lane_of = vec![0; m.work_packages.len()];
    for i in order {
        let w = &m.work_packages[i];
        match lane_ends.iter().position(|&end| end < w.start) {
            Some(l) => {
                lane_ends[l] = w.end;
                lane_of[i] = l;
            }
            None => {
                lane_ends.push(w.end);
                lane_of[i] = lane_ends.len() - 1;
            }
        }
    }
    Lanes {
        lane_of,
        count: lane_ends.len().max(1),
    }
}

/// Display order: plan order, except that members of a group follow the group's first member.
pub fn row_order(plan: &Plan) -> Vec<usize> {
    let n = plan.modifications.len();
    let mut placed = vec![false; n];
    let mut rows = Vec::with_capacity(n);
    let mut by_group: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, m) in plan.modifications.iter().enumerate() {
        if let Some(g) = &m.group {
            by_group.entry(g.as_str()).or_default().push(i);
        }
    }
    for (i, m) in plan.modifications.iter().enumerate() {
        if placed[i] {
            continue;
        }
        match m.group.as_deref().and_then(|g| by_group.get(g)) {
            Some(members) => {
                for &j in members {
                    if !placed[j] {
                        placed[j] = true;
                        rows.push(j);
                    }
                }
            }
            None => {
                placed[i] = true;
                rows.push(i);
            }
        }
    }
    rows
}

/// First and last day of the modifications' work packages and milestones, and the status date: the span "fit all"
/// and the exports show.
pub fn date_range(plan: &Plan) -> (Date, Date) {
    let status = plan.meta.status_date;
    plan.modifications
        .iter()
        .filter_map(|m| m.date_range())
        .fold((status, status), |(a, b), (first, last)| {
            (a.min(first), b.max(last))
        })
}
