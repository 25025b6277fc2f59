//! A new modification's first timetable: the paper's standard chain (section 2.2) — business requirements with the
//! Proposer and the DCC, the DCC's Preliminary Assessment, review of the response with the Proposer, the next
//! monthly Working Group, then the next Panel. Each item has an id and follows the one before, and the meetings are
//! "the next Working Group / Panel", so the chain scheduler keeps it together as the planner adjusts it.

use jiff::civil::Date;

use super::calendar::Calendar;
use super::chain::{MeetingFinder, plan_dates};
use super::plan::{At, Link, Milestone, MilestoneKind, Modification, Owner, Status, WorkPackage};
use super::schedule::Schedule;

/// Working days each step of the standard chain takes at first: requirements, Preliminary Assessment, review.
pub const STEP_DAYS: [i32; 3] = [15, 20, 10];

fn after(on: &str) -> Vec<Link> {
    vec![Link {
        on: on.to_owned(),
        lag_days: 0,
    }]
}

fn package(id: &str, name: &str, owner: Owner, follows: Option<&str>) -> WorkPackage {
    WorkPackage {
        id: id.to_owned(),
        name: name.to_owned(),
        owner,
        after: follows.map(after).unwrap_or_default(),
        ..Default::default()
    }
}

fn milestone(
    id: &str,
    kind: MilestoneKind,
    label: &str,
    follows: &str,
    at: Option<At>,
) -> Milestone {
    Milestone {
        id: id.to_owned(),
        kind,
        label: label.to_owned(),
        after: after(follows),
        at,
        ..Default::default()
    }
}

/// A new modification `id` whose work starts the first working day after `status_date`, with the standard chain
/// dated on `schedule`'s meetings. A Working Group or Panel with no meeting late enough stays on the day its input
/// is ready (and the planner is warned that it is not on a meeting).
pub fn standard_modification(
    id: &str,
    status_date: Date,
    cal: &Calendar,
    schedule: &Schedule,
) -> Modification {
    let mut m = Modification::new(id);
    m.title = "New modification".into();
    m.status = Status::InRefinement;
    m.work_packages = vec![
        package(
            "requirements",
            "Business requirements with the Proposer and the DCC",
            Owner::Secas,
            None,
        ),
        package(
            "pa",
            "DCC Preliminary Assessment",
            Owner::Dcc,
            Some("requirements"),
        ),
        package(
            "review",
            "Review the response with the Proposer",
            Owner::Secas,
            Some("pa"),
        ),
    ];
    m.work_packages[1].short_name = Some("DCC PA".into());
    m.milestones = vec![
        milestone(
            "pa-request",
            MilestoneKind::DccRequest,
            "Preliminary Assessment requested",
            "requirements",
            None,
        ),
        milestone(
            "pa-response",
            MilestoneKind::DccResponseDue,
            "Preliminary Assessment response",
            "pa",
            None,
        ),
        milestone(
            "wg",
            MilestoneKind::WorkingGroup,
            "Working Group: review and comment",
            "review",
            Some(At::NextWorkingGroup),
        ),
        milestone(
            "panel",
            MilestoneKind::PanelReturn,
            "Panel: update and next dates",
            "wg",
            Some(At::NextPanel),
        ),
    ];
    // Every package starts where the first does, with its length; the chain then puts each after the one before.
    let start = cal.add_working_days(status_date, 1);
    for (w, days) in m.work_packages.iter_mut().zip(STEP_DAYS) {
        w.start = start;
        w.end = cal.add_working_days(start, days - 1);
    }
    for x in &mut m.milestones {
        x.date = start;
    }
    let planned = plan_dates(&m, cal, &MeetingFinder::new(schedule), None);
    for (w, (start, end)) in m.work_packages.iter_mut().zip(planned.work_packages) {
        (w.start, w.end) = (start, end);
    }
    for (x, day) in m.milestones.iter_mut().zip(planned.milestones) {
        x.date = day;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chain::order;
    use jiff::civil::date;

    #[test]
    fn the_standard_chain_follows_the_paper_and_lands_on_meetings() {
        let p = crate::io::bundled_plan();
        let schedule = Schedule::build(&p);
        let m = standard_modification("SECMP0070", p.meta.status_date, &p.calendar, &schedule);
        assert!(order(&m).is_ok());
        let names: Vec<&str> = m.work_packages.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Business requirements with the Proposer and the DCC",
                "DCC Preliminary Assessment",
                "Review the response with the Proposer"
            ]
        );
        let w = &m.work_packages;
        // Requirements from Monday 11 March (the working day after 8 March), three weeks.
        assert_eq!(
            (w[0].start, w[0].end),
            (date(2019, 3, 11), date(2019, 3, 29))
        );
        // Each package starts the working day after the one before ends.
        for pair in w.windows(2) {
            assert_eq!(pair[1].start, p.calendar.add_working_days(pair[0].end, 1));
        }
        for (w, days) in w.iter().zip(STEP_DAYS) {
            assert_eq!(p.calendar.working_days_in(w.start, w.end), days);
        }
        let wg = &m.milestones[2];
        let panel = &m.milestones[3];
        assert_eq!(wg.at, Some(At::NextWorkingGroup));
        assert_eq!(panel.at, Some(At::NextPanel));
        assert_eq!(wg.after[0].on, "review");
        assert_eq!(panel.after[0].on, "wg");
        // The review ends in May; its papers make the June Working Group (5 June), then the June Panel.
        assert_eq!(
            schedule
                .on(wg.date, crate::model::MeetingKind::WorkingGroup)
                .map(|x| x.id.as_str()),
            Some("wg-2019-06")
        );
        assert!(
            schedule
                .on(panel.date, crate::model::MeetingKind::Panel)
                .is_some()
        );
        assert!(panel.date > wg.date);
    }
}
