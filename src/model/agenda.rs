//! Agendas: which modifications are due at which meeting, and why.

use std::collections::HashMap;

use jiff::civil::Date;

use super::plan::{MeetingKind, MilestoneKind, Plan};
use super::schedule::{Schedule, ScheduledMeeting};

/// The kind of meeting a milestone of `kind` is presented at, for agendas (wider than validation's
/// [`MilestoneKind::meeting_kind`]: Sub-Committee discussions count too).
pub fn agenda_meeting_kind(kind: MilestoneKind) -> Option<MeetingKind> {
    match kind {
        MilestoneKind::SubCommittee => Some(MeetingKind::SubCommittee),
        other => other.meeting_kind(),
    }
}

/// One modification due at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// Modification index.
    pub modification: usize,
    /// Milestone index in that modification.
    pub milestone: usize,
}

/// A meeting and what is due there.
#[derive(Debug, Clone)]
pub struct AgendaEntry<'a> {
    /// The meeting.
    pub meeting: &'a ScheduledMeeting,
    /// What is due, in plan order.
    pub items: Vec<AgendaItem>,
}

/// Milestones by the meeting (day and kind) they belong to.
pub struct AgendaIndex(HashMap<(Date, MeetingKind), Vec<AgendaItem>>);

impl AgendaIndex {
    /// Indexes every milestone of `plan` that belongs at a meeting.
    pub fn build(plan: &Plan) -> Self {
        let mut map: HashMap<(Date, MeetingKind), Vec<AgendaItem>> = HashMap::new();
        for (m, modification) in plan.modifications.iter().enumerate() {
            for (k, x) in modification.milestones.iter().enumerate() {
                if let Some(kind) = agenda_meeting_kind(x.kind) {
                    map.entry((x.date, kind)).or_default().push(AgendaItem {
                        modification: m,
                        milestone: k,
                    });
                }
            }
        }
        AgendaIndex(map)
    }

    /// What is due at `meeting`.
    pub fn items(&self, meeting: &ScheduledMeeting) -> &[AgendaItem] {
        self.0
            .get(&(meeting.date, meeting.kind))
            .map_or(&[], Vec::as_slice)
    }
}

/// Every meeting of the schedule with what is due there, in date order.
pub fn agendas<'a>(plan: &Plan, schedule: &'a Schedule) -> Vec<AgendaEntry<'a>> {
    let index = AgendaIndex::build(plan);
    schedule
        .meetings
        .iter()
        .map(|meeting| AgendaEntry {
            meeting,
            items: index.items(meeting).to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    #[test]
    fn bundled_plan_agendas_match_the_paper() {
        let plan = crate::io::bundled_plan();
        let schedule = Schedule::build(&plan);
        let all = agendas(&plan, &schedule);
        let ids = |d: Date, kind: MeetingKind| -> Vec<&str> {
            all.iter()
                .find(|e| e.meeting.date == d && e.meeting.kind == kind)
                .unwrap()
                .items
                .iter()
                .map(|i| plan.modifications[i.modification].id.as_str())
                .collect()
        };
        // The first monthly Working Group, 3 April 2019.
        assert_eq!(
            ids(date(2019, 4, 3), MeetingKind::WorkingGroup),
            ["SECMP0007", "SECMP0012", "SECMP0053", "SECMP0066"]
        );
        assert_eq!(
            ids(date(2019, 5, 1), MeetingKind::WorkingGroup),
            ["SECMP0010", "SECMP0013", "SECMP0056"]
        );
        assert_eq!(
            ids(date(2019, 6, 5), MeetingKind::WorkingGroup),
            ["SECMP0024", "SECMP0046", "SECMP0067"]
        );
        // The April Panel: returns and the SECMP0055 Modification Report.
        assert_eq!(
            ids(date(2019, 4, 12), MeetingKind::Panel),
            [
                "SECMP0007",
                "SECMP0032",
                "SECMP0037",
                "SECMP0038",
                "SECMP0053",
                "SECMP0055",
                "SECMP0066"
            ]
        );
        assert_eq!(
            ids(date(2019, 3, 21), MeetingKind::SubCommittee),
            ["SECMP0055", "SECMP0067"]
        );
        assert_eq!(
            ids(date(2019, 3, 20), MeetingKind::WorkingGroup),
            ["SECMP0046"]
        );
    }
}
