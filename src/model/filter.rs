//! Which modifications to show: by text, status, group, owner, and "due at meeting X"; closed ones only when asked.

use super::agenda::AgendaIndex;
use super::plan::{Owner, Plan, Status};
use super::schedule::Schedule;

/// A filter over modifications; the default shows every open modification (closed ones are hidden until
/// `show_closed`, or until the status criterion names their status).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RowFilter {
    /// Case-insensitive text in the id, title, summary or notes.
    pub text: String,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this group (id).
    pub group: Option<String>,
    /// Only modifications with a work package of this owner.
    pub owner: Option<Owner>,
    /// Only modifications due at this meeting (id on the schedule).
    pub meeting: Option<String>,
    /// Show modifications that have closed (rejected, withdrawn, implemented, closed) too.
    pub show_closed: bool,
}

impl RowFilter {
    /// True when the user's criteria (text, status, group, owner, meeting) narrow the rows; closed rows aside.
    pub fn narrows(&self) -> bool {
        self.without_criteria() != *self
    }

    /// True when the filter can hide anything: criteria, or closed modifications not shown.
    pub fn is_active(&self) -> bool {
        self.narrows() || !self.show_closed
    }

    /// The same filter with no criteria: every open row, and the closed ones if they are shown.
    pub fn without_criteria(&self) -> RowFilter {
        RowFilter {
            show_closed: self.show_closed,
            ..RowFilter::default()
        }
    }

    /// The indices of the modifications that pass, in `order`.
    pub fn apply(&self, plan: &Plan, schedule: &Schedule, order: &[usize]) -> Vec<usize> {
        if !self.is_active() {
            return order.to_vec();
        }
        let needle = self.text.trim().to_lowercase();
        let due: Option<Vec<bool>> = self.meeting.as_deref().map(|id| {
            let mut due = vec![false; plan.modifications.len()];
            if let Some(meeting) = schedule.by_id(id) {
                for item in AgendaIndex::build(plan).items(meeting) {
                    due[item.modification] = true;
                }
            }
            due
        });
        order
            .iter()
            .copied()
            .filter(|&i| {
                let m = &plan.modifications[i];
                let text_ok = needle.is_empty()
                    || [&m.id, &m.title, &m.summary, &m.notes]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&needle));
                let shown =
                    self.show_closed || !m.status.is_closed() || self.status == Some(m.status);
                shown
                    && text_ok
                    && self.status.is_none_or(|s| m.status == s)
                    && self
                        .group
                        .as_deref()
                        .is_none_or(|g| m.group.as_deref() == Some(g))
                    && self
                        .owner
                        .is_none_or(|o| m.work_packages.iter().any(|w| w.owner == o))
                    && due.as_ref().is_none_or(|d| d[i])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::io::bundled_plan()
    }

    fn ids(plan: &Plan, f: &RowFilter) -> Vec<String> {
        let s = Schedule::build(plan);
        let order: Vec<usize> = (0..plan.modifications.len()).collect();
        f.apply(plan, &s, &order)
            .into_iter()
            .map(|i| plan.modifications[i].id.clone())
            .collect()
    }

    #[test]
    fn each_criterion_narrows() {
        let p = plan();
        assert_eq!(ids(&p, &RowFilter::default()).len(), 18);
        let text = RowFilter {
            text: "ppmid".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&p, &text),
            ["SECMP0007", "SECMP0037", "SECMP0038", "SECMP0056"]
        );
        let status = RowFilter {
            status: Some(Status::OnHold),
            ..Default::default()
        };
        assert_eq!(ids(&p, &status), ["SECMP0012", "SECMP0028"]);
        let group = RowFilter {
            group: Some("prepayment".into()),
            ..Default::default()
        };
        assert_eq!(ids(&p, &group), ["SECMP0032", "SECMP0037", "SECMP0038"]);
        let owner = RowFilter {
            owner: Some(Owner::Industry),
            ..Default::default()
        };
        assert_eq!(ids(&p, &owner), ["SECMP0062"]);
        let meeting = RowFilter {
            meeting: Some("wg-2019-04".into()),
            ..Default::default()
        };
        assert_eq!(
            ids(&p, &meeting),
            ["SECMP0007", "SECMP0012", "SECMP0053", "SECMP0066"]
        );
        let both = RowFilter {
            meeting: Some("wg-2019-04".into()),
            status: Some(Status::OnHold),
            ..Default::default()
        };
        assert_eq!(ids(&p, &both), ["SECMP0012"]);
    }

    #[test]
    fn closed_rows_are_hidden_until_shown_or_asked_for() {
        let mut p = plan();
        p.modifications[1].status = Status::Withdrawn;
        let default = RowFilter::default();
        assert!(!default.narrows() && default.is_active());
        let shown = ids(&p, &default);
        assert_eq!(shown.len(), 17);
        assert!(!shown.contains(&"SECMP0010".to_owned()));
        let all = RowFilter {
            show_closed: true,
            ..Default::default()
        };
        assert!(!all.is_active());
        assert_eq!(ids(&p, &all).len(), 18);
        let withdrawn = RowFilter {
            status: Some(Status::Withdrawn),
            ..Default::default()
        };
        assert_eq!(ids(&p, &withdrawn), ["SECMP0010"]);
        assert_eq!(withdrawn.without_criteria(), default);
    }
}
