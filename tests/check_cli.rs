//! `sec-timetable check`: exit codes, messages, and the JSON document checked fact by fact against the paper
//! SECP_66_1503_12.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const BUNDLED: &str = "saves/secp_66_1503_12.ron";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run sec-timetable")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn bundled_json() -> Value {
    let o = run(&["check", BUNDLED, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("one JSON document on stdout")
}

fn modification<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["modifications"]
        .as_array()
        .expect("a modifications array")
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

/// Dates of a modification's milestones of one kind.
fn milestone_dates(m: &Value, kind: &str) -> Vec<String> {
    m["milestones"]
        .as_array()
        .expect("a milestones array")
        .iter()
        .filter(|x| x["kind"] == kind)
        .map(|x| x["date"].as_str().expect("a date string").to_owned())
        .collect()
}

fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("the file is written");
    (dir, path)
}

#[test]
fn bundled_plan_checks_with_only_warnings_a_planner_agrees_with() {
    let o = run(&["check", BUNDLED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("valid — 18 modifications"), "{out}");
    // SECMP0053 is a November 2019 candidate with no Modification Report planned: the paper's own stated risk.
    assert!(
        out.contains("warning[release_cutoff_unplanned] SECMP0053:"),
        "{out}"
    );
    // The paper's two holds nobody can date, and four timetables that run past three months (June and July).
    assert_eq!(out.matches("warning[hold_unresolved]").count(), 2, "{out}");
    assert_eq!(out.matches("warning[horizon]").count(), 4, "{out}");
    assert_eq!(out.matches("warning[").count(), 7, "{out}");
}

#[test]
fn json_lists_all_eighteen_modifications_in_paper_order() {
    let json = bundled_json();
    let ids: Vec<&str> = json["modifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "SECMP0007",
            "SECMP0010",
            "SECMP0012",
            "SECMP0013",
            "SECMP0015",
            "SECMP0024",
            "SECMP0028",
            "SECMP0032",
            "SECMP0037",
            "SECMP0038",
            "SECMP0046",
            "SECMP0053",
            "SECMP0055",
            "SECMP0056",
            "SECMP0062",
            "SECMP0063",
            "SECMP0066",
            "SECMP0067"
        ]
    );
    for m in json["modifications"].as_array().unwrap() {
        for key in [
            "id",
            "title",
            "status",
            "group",
            "target_release",
            "costs",
            "work_packages",
            "milestones",
            "dependencies",
        ] {
            assert!(m.get(key).is_some(), "{} lacks {key}", m["id"]);
        }
        assert!(!m["summary"].as_str().unwrap().is_empty());
    }
}

#[test]
fn json_titles_and_statuses_match_the_paper() {
    let json = bundled_json();
    let expect = [
        (
            "SECMP0007",
            "Firmware updates to IHDs and PPMIDs",
            "awaiting_dcc_assessment",
        ),
        (
            "SECMP0012",
            "Channel selection to support Shared HAN solutions",
            "on_hold",
        ),
        (
            "SECMP0015",
            "GPF timestamp for reading instantaneous Gas values",
            "impact_assessment",
        ),
        ("SECMP0028", "Prioritising Service Requests", "on_hold"),
        (
            "SECMP0055",
            "Incorporation of multiple Issue Resolution Proposals into the SEC",
            "consultation",
        ),
        (
            "SECMP0062",
            "Northbound Application Traffic Management — Alert Storm Protection",
            "consultation",
        ),
        (
            "SECMP0067",
            "Service Request Traffic Management",
            "in_refinement",
        ),
    ];
    for (id, title, status) in expect {
        let m = modification(&json, id);
        assert_eq!(m["title"], title, "{id}");
        assert_eq!(m["status"], status, "{id}");
    }
    assert_eq!(modification(&json, "SECMP0067")["proposer"], "DCC");
}

#[test]
fn json_working_groups_and_panel_returns_match_the_paper() {
    let json = bundled_json();
    // (id, Working Group dates still to come, Panel return dates) as section 3 states them.
    let expect: [(&str, &[&str], &[&str]); 14] = [
        ("SECMP0007", &["2019-04-03"], &["2019-04-12"]),
        ("SECMP0010", &["2019-05-01"], &["2019-05-17"]),
        ("SECMP0012", &["2019-04-03"], &["2019-05-17"]),
        ("SECMP0013", &["2019-05-01"], &["2019-05-17"]),
        ("SECMP0015", &[], &["2019-05-17"]),
        ("SECMP0024", &["2019-02-25", "2019-06-05"], &["2019-06-21"]),
        ("SECMP0032", &["2019-02-26"], &["2019-04-12"]),
        ("SECMP0046", &["2019-03-20", "2019-06-05"], &["2019-06-21"]),
        ("SECMP0053", &["2019-04-03"], &["2019-04-12"]),
        ("SECMP0056", &["2019-05-01"], &["2019-05-17"]),
        ("SECMP0063", &["2019-07-03"], &["2019-07-19"]),
        ("SECMP0066", &["2019-04-03"], &["2019-04-12"]),
        ("SECMP0067", &["2019-06-05"], &["2019-06-21"]),
        ("SECMP0037", &["2019-02-26"], &["2019-04-12"]),
    ];
    for (id, wgs, panels) in expect {
        let m = modification(&json, id);
        assert_eq!(
            milestone_dates(m, "working_group"),
            wgs,
            "{id} Working Groups"
        );
        assert_eq!(
            milestone_dates(m, "panel_return"),
            panels,
            "{id} Panel returns"
        );
    }
    // Modification Reports: SECMP0055 in April, SECMP0062 in May.
    assert_eq!(
        milestone_dates(modification(&json, "SECMP0055"), "modification_report"),
        ["2019-04-12"]
    );
    assert_eq!(
        milestone_dates(modification(&json, "SECMP0062"), "modification_report"),
        ["2019-05-17"]
    );
}

#[test]
fn json_dcc_dates_and_precisions_match_the_paper() {
    let json = bundled_json();
    let dcc = |id: &str| -> Vec<(String, String)> {
        modification(&json, id)["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["kind"] == "dcc_response_due")
            .map(|x| {
                (
                    x["date"].as_str().unwrap().to_owned(),
                    x["precision"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |d: &str, p: &str| vec![(d.to_owned(), p.to_owned())];
    assert_eq!(dcc("SECMP0007"), pair("2019-03-15", "exact"));
    assert_eq!(dcc("SECMP0010"), pair("2019-04-05", "early"));
    assert_eq!(dcc("SECMP0013"), pair("2019-04-05", "early"));
    assert_eq!(dcc("SECMP0053"), pair("2019-03-15", "mid"));
    assert_eq!(dcc("SECMP0056"), pair("2019-04-05", "early"));
    // "received from the DCC and reviewed by SECAS and the Proposer by early May / mid-May": the review ends on the
    // paper's date; the day the DCC responds is not in the paper, so it is marked approximate.
    for (id, reviewed, precision, responded) in [
        ("SECMP0024", "2019-05-07", "early", "2019-04-29"),
        ("SECMP0046", "2019-05-15", "mid", "2019-05-08"),
        ("SECMP0067", "2019-05-15", "mid", "2019-05-08"),
    ] {
        assert_eq!(dcc(id), pair(responded, "approximate"), "{id}");
        let review = modification(&json, id)["work_packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["name"] == "SECAS and Proposer review the response")
            .unwrap_or_else(|| panic!("{id} has its review"))
            .clone();
        assert_eq!(review["owner"], "secas", "{id}");
        assert_eq!(review["end"], reviewed, "{id}");
        assert_eq!(review["end_precision"], precision, "{id}");
    }
    // "re-request the Preliminary Assessment by the end of March 2019"
    let req = &modification(&json, "SECMP0024")["milestones"][1];
    assert_eq!(req["kind"], "dcc_request");
    assert_eq!(req["date"], "2019-03-29");
    assert_eq!(req["precision"], "late");
}

#[test]
fn json_links_groups_costs_and_releases_match_the_paper() {
    let json = bundled_json();
    let deps = &modification(&json, "SECMP0028")["dependencies"];
    assert_eq!(deps[0]["kind"], "on_hold_pending");
    assert_eq!(deps[0]["on"], "SECMP0067");
    for id in ["SECMP0037", "SECMP0038"] {
        let d = &modification(&json, id)["dependencies"][0];
        assert_eq!(d["kind"], "in_parallel_with");
        assert_eq!(d["on"], "SECMP0032");
    }
    for id in ["SECMP0032", "SECMP0037", "SECMP0038"] {
        assert_eq!(modification(&json, id)["group"], "prepayment", "{id}");
    }
    let cost = &modification(&json, "SECMP0062")["costs"][0];
    assert_eq!(cost["amount_gbp"], 17000);
    assert_eq!(cost["approximate"], true);
    for id in ["SECMP0053", "SECMP0062"] {
        assert_eq!(modification(&json, id)["target_release"], "nov-2019");
    }
    let release = &json["releases"][0];
    assert_eq!(release["name"], "November 2019 SEC Release");
    assert_eq!(release["cutoff_meeting"], "panel-68");
    assert_eq!(release["cutoff_date"], "2019-05-17");
    let wp = &modification(&json, "SECMP0007")["work_packages"][0];
    assert_eq!(wp["owner"], "dcc");
    assert_eq!(wp["start"], "2019-03-11");
    assert_eq!(wp["end"], "2019-03-15");
    assert_eq!(wp["working_days"], 5);
}

#[test]
fn json_meetings_carry_notice_deadlines() {
    let json = bundled_json();
    let meetings = json["meetings"].as_array().unwrap();
    let find = |date: &str, kind: &str| {
        meetings
            .iter()
            .find(|m| m["date"] == date && m["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} on {date}"))
    };
    let april = find("2019-04-03", "working_group");
    assert_eq!(april["agenda_due"], "2019-03-20");
    assert_eq!(april["papers_due"], "2019-03-27");
    assert_eq!(april["name"], "Working Group April 2019");
    assert_eq!(
        find("2019-05-01", "working_group")["agenda_due"],
        "2019-04-15"
    );
    assert_eq!(find("2019-03-15", "panel")["name"], "Panel 66");
    assert_eq!(find("2019-03-15", "panel")["approximate"], false);
    assert_eq!(find("2019-04-12", "panel")["approximate"], true);
    assert_eq!(
        find("2019-03-20", "working_group")["agenda_due"],
        Value::Null
    );
    find("2019-03-21", "sub_committee");
    find("2019-02-26", "working_group");
    find("2019-02-25", "working_group");
    let wg_count = meetings
        .iter()
        // Series occurrences are "wg-YYYY-MM"; one-off meetings carry a full date in their id.
        .filter(|m| {
            let id = m["id"].as_str().unwrap();
            id.starts_with("wg-2019-") && id.len() == "wg-2019-04".len()
        })
        .count();
    assert_eq!(wg_count, 9, "monthly Working Groups April–December 2019");
    let w = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["modification"] == "SECMP0053")
        .unwrap();
    assert_eq!(w["code"], "release_cutoff_unplanned");
}

#[test]
fn json_lists_the_baselines_oldest_first() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let april = dir.path().join("april.ron");
    let o = run(&[
        "roll",
        BUNDLED,
        "--status-date",
        "2019-04-05",
        "--paper-ref",
        "SECP_67_1204_10",
        "-o",
        april.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = bundled_json()["baselines"].as_array().unwrap().len();
    let o = run(&["check", april.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let baselines = json["baselines"].as_array().unwrap();
    assert_eq!(baselines.len(), before + 1);
    for b in baselines {
        let mut keys: Vec<&str> = b.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["name", "paper_ref", "status_date"]);
    }
    // The newest last: the March paper, kept when April's was started.
    let last = baselines.last().unwrap();
    assert_eq!(last["name"], "SECP_66_1503_12 (status date 8 Mar 2019)");
    assert_eq!(last["paper_ref"], "SECP_66_1503_12");
    assert_eq!(last["status_date"], "2019-03-08");
    let dates: Vec<&str> = baselines
        .iter()
        .map(|b| b["status_date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn unloadable_files_exit_1_with_position() {
    let (_d, path) = temp_file(
        "broken.ron",
        b"(\n    version: 1,\n    meta: (title: 5),\n)",
    );
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:3:", path.display())),
        "names file and line: {err}"
    );
    assert!(stdout(&o).is_empty());

    let o = run(&["check", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.ron: cannot read the file"));

    let (_d, path) = temp_file("binary.ron", &[0, 159, 146, 150, 255, 1, 2]);
    let o = run(&["check", path.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not UTF-8"));
    assert!(stdout(&o).is_empty(), "no JSON for a failed load");
}

#[test]
fn wrong_usage_exits_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["check", "a.ron", "--bogus"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate", "x", "y"]).status.code(), Some(2));
}

#[test]
fn a_plan_saved_by_notepad_with_a_byte_order_mark_checks() {
    let text = std::fs::read(BUNDLED).expect("the bundled plan");
    let (_d, path) = temp_file("notepad.ron", &[b"\xef\xbb\xbf".as_slice(), &text].concat());
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("valid — 18 modifications"),
        "{}",
        stdout(&o)
    );

    // An error after the mark is placed where an editor shows it: line 1, column 1.
    let (_d, path) = temp_file("broken.ron", b"\xef\xbb\xbfplan");
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("error: {}:1:1: ", path.display())),
        "{}",
        stderr(&o)
    );
}

#[test]
fn utf16_plans_are_refused_with_a_clear_error() {
    let text = std::fs::read_to_string(BUNDLED).expect("the bundled plan");
    let little: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (bytes, first) in [(little, "0xff"), (big, "0xfe")] {
        let (_d, path) = temp_file("utf16.ron", &bytes);
        let o = run(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            stderr(&o).trim_end(),
            format!(
                "error: {}:1:1: the file is not UTF-8 text (byte {first}); expected a RON plan file",
                path.display()
            )
        );
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn json_milestones_say_which_meeting_and_whether_computed() {
    let json = bundled_json();
    let ms = |id: &str, label_part: &str| -> Value {
        modification(&json, id)["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["label"].as_str().unwrap().contains(label_part))
            .unwrap_or_else(|| panic!("{id} {label_part}"))
            .clone()
    };
    // Found from its inputs: the first Working Group whose papers deadline the review makes.
    let wg = ms("SECMP0056", "Working Group May 2019");
    assert_eq!(wg["meeting"], "wg-2019-05");
    assert_eq!(wg["auto"], true);
    assert_eq!(wg["date"], "2019-05-01");
    assert_eq!(ms("SECMP0056", "Panel May")["meeting"], "panel-68");
    // Named by hand: moves with its meeting.
    let named = ms("SECMP0037", "Panel April");
    assert_eq!(named["meeting"], "panel-67");
    assert_eq!(named["auto"], true);
    // Dated by hand, on a meeting's day: its meeting, not computed.
    let feb = ms("SECMP0024", "alternative approach");
    assert_eq!(feb["meeting"], "wg-2019-02-25");
    assert_eq!(feb["auto"], false);
    // Not a meeting at all.
    let request = ms("SECMP0024", "re-requested");
    assert_eq!(request["meeting"], Value::Null);
    assert_eq!(request["auto"], true, "follows the requirements");
}

#[test]
fn json_lists_the_new_warnings_of_the_bundled_plan() {
    let json = bundled_json();
    let codes: Vec<(String, String)> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap().to_owned(),
                w["modification"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let has = |code: &str, id: &str| codes.contains(&(code.to_owned(), id.to_owned()));
    // The two holds the paper cannot date.
    assert!(has("hold_unresolved", "SECMP0015"), "{codes:?}");
    assert!(has("hold_unresolved", "SECMP0028"), "{codes:?}");
    // July is more than three months after 8 March.
    assert!(has("horizon", "SECMP0063"), "{codes:?}");
    // Every computed date is the paper's, so nothing is out of order or late for papers.
    assert!(
        !codes
            .iter()
            .any(|(c, _)| c == "out_of_order" || c == "papers_late" || c == "no_panel_return"),
        "{codes:?}"
    );
}
