//! `sec-timetable roll` and `sec-timetable diff`: from the March paper to the April one on the command line — exit
//! codes, the refusal to roll back, the file written, and the changes as text, JSON and a cover note.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

use std::path::Path;
use std::process::{Command, Output};

use jiff::civil::date;
use sec_timetable::io::{load_plan, save_plan};
use sec_timetable::model::At;
use serde_json::Value;

const BUNDLED: &str = "saves/secp_66_1503_12.ron";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
        .args(args)
        .output()
        .expect("run sec-timetable")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `roll` of the bundled March plan to the paper of 5 April 2019 (SECP_67_1204_10), written to `out`; it succeeds.
fn roll_to_april(out: &Path) -> Output {
    let o = run(&[
        "roll",
        BUNDLED,
        "--status-date",
        "2019-04-05",
        "--paper-ref",
        "SECP_67_1204_10",
        "-o",
        path(out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

#[test]
fn roll_keeps_march_as_a_baseline_and_dates_the_plan_for_april() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("april.ron");
    let o = roll_to_april(&out);
    let march = load_plan(Path::new(BUNDLED)).unwrap();
    let april = load_plan(&out).unwrap();
    assert_eq!(april.meta.status_date, date(2019, 4, 5));
    assert_eq!(april.meta.paper_ref, "SECP_67_1204_10");
    assert_eq!(april.baselines.len(), march.baselines.len() + 1);
    let kept = april.latest_baseline().unwrap();
    assert_eq!(
        (kept.date, kept.paper_ref.as_str()),
        (date(2019, 3, 8), "SECP_66_1503_12")
    );
    assert_eq!(april.modifications, march.modifications);
    let text = stdout(&o);
    assert!(
        text.contains("status date 5 Apr 2019, paper SECP_67_1204_10"),
        "{text}"
    );
    // The checklist: SECMP0007's updated Preliminary Assessment of 15 March is among what fell due.
    assert!(
        text.contains("Since the last paper (8 Mar 2019 to 5 Apr 2019)"),
        "{text}"
    );
    assert!(
        text.contains("15 Mar 2019 SECMP0007: “Updated Preliminary Assessment returned”"),
        "{text}"
    );
    // The file is in canonical form, as every save.
    let o = run(&["format", path(&out), "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn rolling_back_in_time_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("earlier.ron");
    let o = run(&[
        "roll",
        BUNDLED,
        "--status-date",
        "2019-03-01",
        "-o",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("the new status date 1 Mar 2019 is before the plan's status date 8 Mar 2019"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary left"
    );
}

#[test]
fn rolling_a_file_in_place_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(BUNDLED, &plan).unwrap();
    let o = run(&[
        "roll",
        path(&plan),
        "--status-date",
        "2019-04-05",
        "-o",
        path(&plan),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rolled = load_plan(&plan).unwrap();
    assert_eq!(rolled.meta.status_date, date(2019, 4, 5));
    // Without --paper-ref the reference stays.
    assert_eq!(rolled.meta.paper_ref, "SECP_66_1503_12");
}

#[test]
fn roll_exit_codes_for_unloadable_files_unwritable_outputs_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    // A plan that cannot be loaded: 1.
    let o = run(&[
        "roll",
        "no/such/plan.ron",
        "--status-date",
        "2019-04-05",
        "-o",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
    // An output in a missing folder: 1, nothing written.
    let missing = dir.path().join("missing").join("out.ron");
    let o = run(&[
        "roll",
        BUNDLED,
        "--status-date",
        "2019-04-05",
        "-o",
        path(&missing),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!missing.exists());
    // Wrong usage: 2.
    for args in [
        vec!["roll", BUNDLED, "--status-date", "2019-04-05"],
        vec![
            "roll",
            BUNDLED,
            "--status-date",
            "5 April",
            "-o",
            path(&out),
        ],
        vec!["roll", BUNDLED, "-o", path(&out)],
    ] {
        assert_eq!(run(&args).status.code(), Some(2), "{args:?}");
    }
    assert!(!out.exists());
}

/// The March plan and an April one in which SECMP0010's Panel return moved from May to June.
fn two_papers() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let april = dir.path().join("april.ron");
    roll_to_april(&april);
    let mut plan = load_plan(&april).unwrap();
    let i = plan.modification_index("SECMP0010").unwrap();
    // Put on the June Panel by name: the chain keeps it there.
    let panel = plan.modifications[i]
        .milestones
        .iter_mut()
        .find(|x| x.id == "panel")
        .unwrap();
    panel.date = date(2019, 6, 21);
    panel.at = Some(At::Meeting("panel-69".into()));
    save_plan(&plan, &april).unwrap();
    let april = path(&april).to_owned();
    (dir, BUNDLED.to_owned(), april)
}

#[test]
fn diff_prints_the_changes_as_lines() {
    let (_dir, march, april) = two_papers();
    let o = run(&["diff", &march, &april]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Status date moves from 8 March to 5 April 2019.\n\
         Paper reference SECP_67_1204_10 (was SECP_66_1503_12).\n\
         SECMP0010: Panel return moves from May to June 2019 (+24 working days).\n"
    );
    let o = run(&["diff", &march, &march]);
    assert_eq!(stdout(&o), "No changes.\n");
}

#[test]
fn diff_json_is_a_list_of_changes() {
    let (_dir, march, april) = two_papers();
    let o = run(&["diff", &march, &april, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 1, "only \"changes\"");
    let changes = json["changes"].as_array().unwrap();
    let expected = serde_json::json!([
        {"modification": null, "kind": "meta", "from": {"status_date": "2019-03-08"}, "to": {"status_date": "2019-04-05"}},
        {"modification": null, "kind": "meta", "from": {"paper_ref": "SECP_66_1503_12"}, "to": {"paper_ref": "SECP_67_1204_10"}},
        {"modification": "SECMP0010", "kind": "panel_return", "from": "2019-05-17", "to": "2019-06-21"},
    ]);
    assert_eq!(Value::Array(changes.clone()), expected);
}

#[test]
fn diff_md_drafts_the_cover_note() {
    let (_dir, march, april) = two_papers();
    let o = run(&["diff", &march, &april, "--md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("# Changes since SECP_66_1503_12 (status date 8 March 2019)\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "\n- SECMP0010: Panel return moves from May to June 2019 (+24 working days).\n"
        ),
        "{md}"
    );
}

#[test]
fn diff_exit_codes() {
    let (_dir, march, april) = two_papers();
    let o = run(&["diff", &march, "no/such/plan.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/plan.ron"), "{}", stderr(&o));
    assert_eq!(
        run(&["diff", &march, &april, "--json", "--md"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["diff", &march]).status.code(), Some(2));
}
