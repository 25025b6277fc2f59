//! The comparison of two timetables (model/compare.rs): every kind of change, its working days, its sentence, and
//! the cover note drafted from them.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

use jiff::civil::date;
use sec_timetable::io::bundled_plan;
use sec_timetable::io::diff_report::{PaperName, changes_json, changes_markdown};
use sec_timetable::model::baseline::baseline_from;
use sec_timetable::model::compare::{Change, ChangeKind, Older, compare};
use sec_timetable::model::*;

fn march() -> Plan {
    bundled_plan()
}

fn index(p: &Plan, id: &str) -> usize {
    p.modification_index(id).unwrap()
}

fn changes_of(old: &Plan, new: &Plan) -> Vec<Change> {
    compare(Older::Plan(old), new)
}

fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "{changes:#?}");
    &changes[0]
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    let p = march();
    assert!(changes_of(&p, &p).is_empty());
    let b = baseline_from(&p, p.meta.status_date, "same");
    let c = compare(Older::Baseline(&b), &p);
    // A baseline knows no paper reference of its own beyond the one it was made with: nothing changed.
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn panel_return_moves_are_told_in_months_and_working_days() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0007");
    // From the April Panel (12 April) to the May Panel (17 May).
    new.modifications[i].milestones[2].date = date(2019, 5, 17);
    let c = changes_of(&old, &new);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::PanelReturn);
    assert_eq!(c.modification.as_deref(), Some("SECMP0007"));
    assert_eq!(c.working_days, Some(22));
    assert_eq!(
        c.line(),
        "SECMP0007: Panel return moves from April to May 2019 (+22 working days)."
    );
}

#[test]
fn working_group_and_modification_report_moves_have_their_own_kinds() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0010");
    new.modifications[i].milestones[1].date = date(2019, 6, 5);
    let j = index(&new, "SECMP0062");
    let k = new.modifications[j]
        .milestones
        .iter()
        .position(|x| x.kind == MilestoneKind::ModificationReport)
        .unwrap();
    let was = new.modifications[j].milestones[k].date;
    new.modifications[j].milestones[k].date = date(2019, 6, 21);
    let c = changes_of(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].kind, ChangeKind::WorkingGroup);
    assert_eq!(
        c[0].text,
        "Working Group moves from May to June 2019 (+23 working days)."
    );
    assert_eq!(c[1].kind, ChangeKind::ModificationReport);
    assert_eq!(
        c[1].working_days,
        Some(new.calendar.working_days_between(was, date(2019, 6, 21)))
    );
    assert!(
        c[1].text
            .starts_with("Modification Report to the Panel moves from May to June 2019")
    );
}

#[test]
fn other_milestones_are_named_with_their_days() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0007");
    // The updated Preliminary Assessment comes a week late.
    new.modifications[i].milestones[0].date = date(2019, 3, 22);
    let c = changes_of(&old, &new);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::Milestone);
    assert_eq!(
        c.text,
        "“Updated Preliminary Assessment returned” moves from 15 March to 22 March 2019 (+5 working days)."
    );
}

#[test]
fn milestones_added_and_dropped() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0053");
    let mut report = new.modifications[i].milestones[2].clone();
    report.kind = MilestoneKind::ModificationReport;
    report.date = date(2019, 5, 17);
    report.label = "Modification Report".into();
    new.modifications[i].milestones.push(report);
    let j = index(&new, "SECMP0012");
    new.modifications[j].milestones.remove(0);
    let c = changes_of(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    // In plan order: SECMP0012 first.
    assert_eq!(c[0].kind, ChangeKind::WorkingGroup);
    assert_eq!(c[0].to, None);
    assert_eq!(
        c[0].line(),
        "SECMP0012: Working Group (April 2019) is no longer planned."
    );
    assert_eq!(c[1].kind, ChangeKind::ModificationReport);
    assert_eq!(c[1].from, None);
    assert_eq!(
        c[1].line(),
        "SECMP0053: Modification Report to the Panel now planned for May 2019."
    );
}

#[test]
fn marking_done_is_progress_not_a_change() {
    let old = march();
    let mut new = old.clone();
    new.modifications[0].milestones[0].done = true;
    new.modifications[0].milestones[0].actual = Some(date(2019, 3, 18));
    new.modifications[0].work_packages[0].done = true;
    new.modifications[0].work_packages[0].actual_end = Some(date(2019, 3, 15));
    assert!(changes_of(&old, &new).is_empty());
}

#[test]
fn modifications_added_removed_and_with_a_new_status() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0015");
    new.modifications[i].status = Status::Consultation;
    let gone = index(&new, "SECMP0066");
    new.modifications.remove(gone);
    let mut fresh = Modification::new("SECMP0070");
    fresh.title = "A new one".into();
    new.modifications.push(fresh);
    let c = changes_of(&old, &new);
    let kinds: Vec<ChangeKind> = c.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [ChangeKind::Status, ChangeKind::Added, ChangeKind::Removed]
    );
    assert_eq!(
        c[0].line(),
        "SECMP0015: status now Consultation (was Impact Assessment)."
    );
    assert_eq!(c[1].line(), "SECMP0070: new modification “A new one”.");
    assert_eq!(c[2].modification.as_deref(), Some("SECMP0066"));
    assert!(
        c[2].text.ends_with("is no longer in the plan."),
        "{}",
        c[2].text
    );
}

#[test]
fn work_packages_moved_reowned_renamed_added_and_removed() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0007");
    let wps = &mut new.modifications[i].work_packages;
    // The review ends a week later and moves to the DCC.
    wps[1].end = date(2019, 4, 3);
    wps[1].owner = Owner::Dcc;
    // The Preliminary Assessment gets a new name (paired by position).
    wps[0].name = "DCC Preliminary Assessment".into();
    let j = index(&new, "SECMP0010");
    new.modifications[j].work_packages.remove(1);
    new.modifications[j].work_packages.push(WorkPackage {
        name: "DCC Impact Assessment".into(),
        start: date(2019, 6, 3),
        end: date(2019, 6, 28),
        owner: Owner::Dcc,
        ..Default::default()
    });
    let c = changes_of(&old, &new);
    assert!(
        c.iter().all(|c| c.kind == ChangeKind::WorkPackage),
        "{c:#?}"
    );
    let lines: Vec<String> = c.iter().map(Change::line).collect();
    assert_eq!(
        lines,
        [
            "SECMP0007: “DCC updated Preliminary Assessment (two options)” is now called “DCC Preliminary Assessment”.",
            "SECMP0007: “Review response with the Proposer; agree option” now ends 3 April 2019, not 27 March 2019 \
             (+5 working days); “Review response with the Proposer; agree option” is now with DCC, not SECAS.",
            "SECMP0010: new work package “DCC Impact Assessment”, 3 June to 28 June 2019 (DCC).",
            "SECMP0010: work package “Review response with the Proposer” removed.",
        ]
    );
    assert_eq!(c[1].working_days, Some(5));
}

#[test]
fn dependencies_added_removed_and_relagged() {
    let old = march();
    let mut new = old.clone();
    let held = index(&new, "SECMP0028");
    new.modifications[held].dependencies[0].lag_days = 5;
    let i = index(&new, "SECMP0037");
    new.modifications[i].dependencies.clear();
    let k = index(&new, "SECMP0063");
    new.modifications[k].dependencies.push(Dependency {
        kind: DependencyKind::FinishToStart,
        on: "SECMP0067".into(),
        ..Default::default()
    });
    let c = changes_of(&old, &new);
    assert!(c.iter().all(|c| c.kind == ChangeKind::Dependency), "{c:#?}");
    let lines: Vec<String> = c.iter().map(Change::line).collect();
    assert_eq!(
        lines,
        [
            "SECMP0028: on hold pending SECMP0067 with a lag of 5 working days (was 0).",
            "SECMP0037: no longer in parallel with SECMP0032.",
            "SECMP0063: now starts after SECMP0067.",
        ]
    );
}

#[test]
fn costs_added_removed_and_changed() {
    let old = march();
    let mut new = old.clone();
    let i = index(&new, "SECMP0062");
    new.modifications[i].costs[0].amount_gbp = Some(21_500);
    new.modifications[i].costs[0].approximate = false;
    let j = index(&new, "SECMP0015");
    new.modifications[j].costs.push(Cost {
        item: "DCC Impact Assessment".into(),
        amount_gbp: None,
        approximate: false,
        notes: String::new(),
    });
    let c = changes_of(&old, &new);
    let lines: Vec<String> = c.iter().map(Change::line).collect();
    assert_eq!(
        lines,
        [
            "SECMP0015: new cost “DCC Impact Assessment”, amount not known.",
            "SECMP0062: cost “DCC Impact Assessment” now £21,500 (was circa £17,000).",
        ]
    );
    assert!(c.iter().all(|c| c.kind == ChangeKind::Cost));
    let mut none = new.clone();
    none.modifications[i].costs.clear();
    let c = changes_of(&new, &none);
    assert_eq!(
        only(&c).line(),
        "SECMP0062: cost “DCC Impact Assessment” (£21,500) no longer in the plan."
    );
}

#[test]
fn the_status_date_and_paper_reference_are_plan_wide() {
    let old = march();
    let mut new = old.clone();
    new.meta.status_date = date(2019, 4, 5);
    new.meta.paper_ref = "SECP_67_1204_10".into();
    let c = changes_of(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert!(
        c.iter()
            .all(|c| c.kind == ChangeKind::Meta && c.modification.is_none())
    );
    assert_eq!(c[0].text, "Status date moves from 8 March to 5 April 2019.");
    assert_eq!(c[0].working_days, Some(20));
    assert_eq!(
        c[1].text,
        "Paper reference SECP_67_1204_10 (was SECP_66_1503_12)."
    );
}

#[test]
fn json_has_exactly_modification_kind_from_and_to() {
    let old = march();
    let mut new = old.clone();
    new.meta.status_date = date(2019, 4, 5);
    new.modifications[0].milestones[2].date = date(2019, 5, 17);
    new.modifications[0].status = Status::Consultation;
    let json: serde_json::Value =
        serde_json::from_str(&changes_json(&changes_of(&old, &new))).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3);
    for c in changes {
        let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["from", "kind", "modification", "to"]);
    }
    assert_eq!(changes[0]["modification"], serde_json::Value::Null);
    assert_eq!(changes[0]["kind"], "meta");
    assert_eq!(changes[0]["from"]["status_date"], "2019-03-08");
    assert_eq!(changes[0]["to"]["status_date"], "2019-04-05");
    assert_eq!(changes[1]["modification"], "SECMP0007");
    assert_eq!(changes[1]["kind"], "status");
    assert_eq!(changes[1]["from"], "awaiting_dcc_assessment");
    assert_eq!(changes[1]["to"], "consultation");
    assert_eq!(changes[2]["kind"], "panel_return");
    assert_eq!(changes[2]["from"], "2019-04-12");
    assert_eq!(changes[2]["to"], "2019-05-17");
}

#[test]
fn every_kind_has_its_snake_case_name() {
    use strum::IntoEnumIterator;
    let names: Vec<&str> = ChangeKind::iter().map(ChangeKind::as_str).collect();
    assert_eq!(
        names,
        [
            "added",
            "removed",
            "status",
            "working_group",
            "panel_return",
            "modification_report",
            "milestone",
            "work_package",
            "dependency",
            "cost",
            "meta"
        ]
    );
}

#[test]
fn the_cover_note_names_both_papers_and_lists_every_change() {
    let old = march();
    let mut new = old.clone();
    new.meta.status_date = date(2019, 4, 5);
    new.meta.paper_ref = "SECP_67_1204_10".into();
    let i = index(&new, "SECMP0010");
    // The Panel return moves from the May to the June Panel.
    new.modifications[i].milestones[2].date = date(2019, 6, 21);
    fn name(p: &Plan) -> PaperName<'_> {
        PaperName {
            paper_ref: &p.meta.paper_ref,
            status_date: p.meta.status_date,
        }
    }
    let md = changes_markdown(name(&old), name(&new), &changes_of(&old, &new));
    assert_eq!(
        md,
        "# Changes since SECP_66_1503_12 (status date 8 March 2019)\n\n\
         SECP_67_1204_10 (status date 5 April 2019) updates the timetables of SECP_66_1503_12 (status date 8 March \
         2019). Since then:\n\n\
         - Status date moves from 8 March to 5 April 2019.\n\
         - Paper reference SECP_67_1204_10 (was SECP_66_1503_12).\n\
         - SECMP0010: Panel return moves from May to June 2019 (+24 working days).\n"
    );
    let same = changes_markdown(name(&old), name(&old), &[]);
    assert!(same.contains("No timetable has changed"), "{same}");
}

#[test]
fn a_baseline_keeps_status_dependencies_costs_and_titles() {
    let mut p = march();
    let b = baseline_from(&p, p.meta.status_date, "March");
    p.modifications[0].status = Status::Consultation;
    p.modifications[0].milestones[2].date = date(2019, 5, 17);
    p.modifications[0].dependencies.push(Dependency {
        kind: DependencyKind::InParallelWith,
        on: "SECMP0013".into(),
        until: None,
        lag_days: 0,
        notes: String::new(),
    });
    p.modifications[0].costs.push(Cost {
        item: "DCC Impact Assessment".into(),
        amount_gbp: Some(5000),
        approximate: false,
        notes: String::new(),
    });
    let gone = p.modifications.remove(1);
    let c = compare(Older::Baseline(&b), &p);
    let kinds: Vec<ChangeKind> = c.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Status,
            ChangeKind::PanelReturn,
            ChangeKind::Dependency,
            ChangeKind::Cost,
            ChangeKind::Removed
        ],
        "{c:#?}"
    );
    assert_eq!(
        c[4].text,
        format!("“{}” is no longer in the plan.", gone.title)
    );
}

#[test]
fn a_baseline_stored_without_status_compares_only_its_dates() {
    let mut p = march();
    let mut b = baseline_from(&p, p.meta.status_date, "March");
    // As baselines were stored before they kept more than dates.
    for e in &mut b.modifications {
        e.title.clear();
        e.status = None;
        e.dependencies = None;
        e.costs = None;
    }
    p.modifications[0].status = Status::Consultation;
    p.modifications[0].costs.clear();
    p.modifications[0].milestones[2].date = date(2019, 5, 17);
    let c = compare(Older::Baseline(&b), &p);
    assert_eq!(only(&c).kind, ChangeKind::PanelReturn);
}
