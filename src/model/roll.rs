//! From one paper to the next: the current timetable is kept as a named baseline (its paper reference and status
//! date), and the plan takes the new status date and reference. One edit, so the app undoes it in one step and the
//! command line writes the result.

use jiff::civil::Date;
use thiserror::Error;

use super::baseline::baseline_from;
use super::date::format_date;
use super::edit::{Edit, EditError, ListEdit, apply};
use super::plan::{Plan, PlanMeta};

/// The next paper: its status date and, when it has one yet, its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextPaper {
    /// The new status date: on or after the current one.
    pub status_date: Date,
    /// The new paper reference; `None` keeps the current one.
    pub paper_ref: Option<String>,
}

/// Why a plan was not rolled forward.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RollError {
    /// The new status date is before the current one: a plan only rolls forward.
    #[error(
        "the new status date {} is before the plan's status date {}: a plan only rolls forward to a later paper",
        format_date(*new),
        format_date(*current)
    )]
    BeforeStatusDate {
        /// The plan's status date.
        current: Date,
        /// The date asked for.
        new: Date,
    },
    /// The plan could not take the edit (it is not valid as it stands).
    #[error("the plan cannot be rolled forward: {0}")]
    Edit(#[from] EditError),
}

/// The name the current timetable gets as a baseline: "SECP_66_1503_12 (status date 8 Mar 2019)".
pub fn baseline_name(plan: &Plan) -> String {
    let date = format_date(plan.meta.status_date);
    if plan.meta.paper_ref.trim().is_empty() {
        format!("Timetable as of {date}")
    } else {
        format!("{} (status date {date})", plan.meta.paper_ref.trim())
    }
}

/// The edit that rolls `plan` forward to `next`: the current timetable appended to the baselines, then the new
/// status date and reference. Refused, with nothing to apply, for a date before the current status date.
pub fn roll_forward(plan: &Plan, next: &NextPaper) -> Result<Edit, RollError> {
    let current = plan.meta.status_date;
    if next.status_date < current {
        return Err(RollError::BeforeStatusDate {
            current,
            new: next.status_date,
        });
    }
    let baseline = baseline_from(plan, current, baseline_name(plan));
    let meta = PlanMeta {
        status_date: next.status_date,
        paper_ref: next
            .paper_ref
            .as_ref()
            .map_or_else(|| plan.meta.paper_ref.clone(), |r| r.trim().to_owned()),
        ..plan.meta.clone()
    };
    Ok(Edit::Batch(vec![
        Edit::Baselines(ListEdit::Insert {
            index: plan.baselines.len(),
            value: baseline,
        }),
        Edit::Meta(meta),
    ]))
}

/// `plan` rolled forward to `next`, or why not (the plan is then unchanged).
pub fn rolled(plan: &Plan, next: &NextPaper) -> Result<Plan, RollError> {
    let edit = roll_forward(plan, next)?;
    let mut out = plan.clone();
    apply(&mut out, edit)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn april() -> NextPaper {
        NextPaper {
            status_date: date(2019, 4, 5),
            paper_ref: Some("SECP_67_1204_10".into()),
        }
    }

    #[test]
    fn rolling_keeps_the_march_timetable_and_takes_the_april_date_and_reference() {
        let march = crate::io::bundled_plan();
        let april_plan = rolled(&march, &april()).unwrap();
        assert_eq!(april_plan.meta.status_date, date(2019, 4, 5));
        assert_eq!(april_plan.meta.paper_ref, "SECP_67_1204_10");
        assert_eq!(april_plan.baselines.len(), march.baselines.len() + 1);
        let kept = april_plan.latest_baseline().unwrap();
        assert_eq!(kept.date, date(2019, 3, 8));
        assert_eq!(kept.paper_ref, "SECP_66_1503_12");
        assert_eq!(kept.name, "SECP_66_1503_12 (status date 8 Mar 2019)");
        assert_eq!(kept.modifications.len(), 18);
        let m7 = march.modification("SECMP0007").unwrap();
        assert_eq!(kept.modifications[0].milestones, m7.milestones);
        assert_eq!(kept.modifications[0].work_packages, m7.work_packages);
        // Everything else is as it was.
        assert_eq!(april_plan.modifications, march.modifications);
        assert_eq!(april_plan.meta.title, march.meta.title);
    }

    #[test]
    fn without_a_new_reference_the_current_one_stays() {
        let march = crate::io::bundled_plan();
        let next = NextPaper {
            paper_ref: None,
            ..april()
        };
        assert_eq!(
            rolled(&march, &next).unwrap().meta.paper_ref,
            "SECP_66_1503_12"
        );
    }

    #[test]
    fn rolling_back_in_time_is_refused_and_changes_nothing() {
        let march = crate::io::bundled_plan();
        let next = NextPaper {
            status_date: date(2019, 3, 7),
            ..april()
        };
        let err = rolled(&march, &next).unwrap_err();
        assert_eq!(
            err,
            RollError::BeforeStatusDate {
                current: date(2019, 3, 8),
                new: date(2019, 3, 7)
            }
        );
        assert_eq!(
            err.to_string(),
            "the new status date 7 Mar 2019 is before the plan's status date 8 Mar 2019: a plan only rolls \
             forward to a later paper"
        );
        assert!(roll_forward(&march, &next).is_err());
    }

    #[test]
    fn one_undo_step_puts_the_plan_back() {
        let march = crate::io::bundled_plan();
        let mut p = march.clone();
        let undo = apply(&mut p, roll_forward(&march, &april()).unwrap()).unwrap();
        assert_ne!(p, march);
        apply(&mut p, undo).unwrap();
        assert_eq!(p, march);
    }
}
