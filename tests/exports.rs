//! Appendix A (SVG, PNG), the timetable (CSV, Markdown), the section 3 draft, and the agenda command.

use std::path::Path;
use std::process::Command;

use sec_timetable::io::appendix::{AppendixInput, Page, PaperSize, appendix_svg, svg_to_png};
use sec_timetable::io::export::{ExportInput, ExportKind, ExportSettings, render};
use sec_timetable::io::export_text::{
    section3_markdown, section3_paragraph, timetable_csv, timetable_markdown, timetable_rows,
};
use sec_timetable::io::load_plan;
use sec_timetable::model::layout::row_order;
use sec_timetable::model::{Plan, Schedule, Warning, validate};

const BUNDLED: &str = "saves/secp_66_1503_12.ron";

fn bundled() -> (Plan, Schedule, Vec<Warning>) {
    let plan = load_plan(Path::new(BUNDLED)).expect("the bundled plan loads");
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    (plan, schedule, warnings)
}

fn svg_of(plan: &Plan, schedule: &Schedule, warnings: &[Warning], page: Page) -> String {
    let rows = row_order(plan);
    appendix_svg(
        &AppendixInput {
            plan,
            schedule,
            warnings,
            rows: &rows,
        },
        page,
    )
}

#[test]
fn appendix_svg_parses_and_names_every_modification() {
    let (plan, schedule, warnings) = bundled();
    let svg = svg_of(&plan, &schedule, &warnings, Page::default());
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    assert!(
        (tree.size().width() - 297.0 * 96.0 / 25.4).abs() < 1.0,
        "A4 landscape"
    );
    for m in &plan.modifications {
        assert!(
            svg.contains(&format!("\n{}\n</text>", m.id)),
            "{} missing",
            m.id
        );
    }
    assert!(svg.contains("Appendix A: SEC Modification Timetables"));
    assert!(svg.contains("Status as of 8 Mar 2019"));
    assert!(svg.contains("November 2019 cut-off"));
    assert!(
        svg.contains("\nMarch 2019\n") && svg.contains("\nJuly 2019\n"),
        "month axis"
    );
    assert!(svg.contains("on hold — pending SECMP0067"));
    assert!(svg.contains("Release cut-off"), "legend");
}

#[test]
fn a_large_plan_still_exports_every_row() {
    let plan = sec_timetable::synthetic::generate(300, 5);
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    let svg = svg_of(
        &plan,
        &schedule,
        &warnings,
        Page::paper(PaperSize::A3, false),
    );
    for m in &plan.modifications {
        assert!(
            svg.contains(&format!("\n{}\n</text>", m.id)),
            "{} missing",
            m.id
        );
    }
    resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
}

#[test]
fn appendix_png_has_the_requested_size() {
    let (plan, schedule, warnings) = bundled();
    for (page, dpi) in [
        (Page::default(), 100.0),
        (Page::paper(PaperSize::A3, true), 60.0),
    ] {
        let svg = svg_of(&plan, &schedule, &warnings, page);
        let (w, h) = page.pixels(dpi);
        let png = svg_to_png(&svg, w, h).unwrap();
        let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((image.width(), image.height()), (w, h));
        // Not blank: the bars are in colour.
        let coloured = image
            .pixels()
            .iter()
            .filter(|p| p.red() != p.green() || p.green() != p.blue())
            .count();
        assert!(
            coloured > (w * h / 100) as usize,
            "{coloured} coloured pixels"
        );
    }
    assert_eq!(Page::default().pixels(150.0), (1754, 1240));
}

#[test]
fn csv_and_markdown_hold_every_modification() {
    let (plan, _, warnings) = bundled();
    let rows = timetable_rows(&plan, &warnings);
    let csv = timetable_csv(&rows).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert!(headers.iter().any(|h| h == "next_working_group"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 18);
    let r0007 = records.iter().find(|r| &r[0] == "SECMP0007").unwrap();
    assert_eq!(
        &r0007[3],
        "DCC updated Preliminary Assessment (two options)"
    );
    assert_eq!(&r0007[4], "2019-03-15");
    assert_eq!(&r0007[6], "2019-04-03");
    assert_eq!(&r0007[7], "2019-04-12");
    let r0028 = records.iter().find(|r| &r[0] == "SECMP0028").unwrap();
    assert_eq!(&r0028[8], "on hold pending SECMP0067");
    let r0067 = records.iter().find(|r| &r[0] == "SECMP0067").unwrap();
    assert_eq!(&r0067[8], "SECMP0028 waits for this");
    let r0053 = records.iter().find(|r| &r[0] == "SECMP0053").unwrap();
    assert!(r0053[9].contains("no Modification Report is planned"));

    let md = timetable_markdown(&plan, &rows);
    for m in &plan.modifications {
        assert!(md.contains(&format!("| {} |", m.id)), "{} missing", m.id);
    }
    assert_eq!(md.lines().filter(|l| l.starts_with("| SECMP")).count(), 18);
}

/// What each modification's section 3 paragraph must say, from the Panel paper: the facts (who has it, when, which
/// meeting) in the paper's own phrases where the paper has one.
const SECTION_3: [(&str, &[&str]); 18] = [
    (
        "SECMP0007",
        &[
            "### SECMP0007 'Firmware updates to IHDs and PPMIDs'",
            // Paper: "The DCC's updated Preliminary Assessment is expected to be returned on 15 March 2019".
            "currently with the DCC for Preliminary Assessment, and we expect to receive a response on 15 March 2019.",
            // Paper: "we will review the response with the Proposer ... before presenting this to the Working Group
            // meeting on 3 April 2019 for review and comment."
            "Following review by SECAS and the Proposer, we expect to present this modification to the Working Group at the monthly meeting on 3 April 2019 for review and comment.",
            "We will return to the Panel at the April 2019 meeting to provide an update on this modification and agree the next set of dates, which will be subject to the outcome of the Working Group meeting.",
        ],
    ),
    (
        "SECMP0010",
        &[
            "currently with the DCC for Preliminary Assessment, and we expect to receive a response by early April 2019.",
            "Working Group at the monthly meeting in May 2019 for review and comment",
            "at the May 2019 meeting",
        ],
    ),
    (
        "SECMP0012",
        &[
            "This modification is on hold.",
            "Working Group at the monthly meeting on 3 April 2019",
            "We will return to the Panel at the May 2019 meeting",
            "no appetite to either progress or close",
        ],
    ),
    (
        "SECMP0013",
        &[
            "currently with the DCC for Preliminary Assessment, and we expect to receive a response by early April 2019.",
            // Paper: "In parallel to this, ... we will need to further engage with the Sub-Committee".
            "In parallel, we are working to review NCSC response and engage with the SSC, and expect to complete this by 24 April 2019",
            "monthly meeting in May 2019",
            "at the May 2019 meeting",
        ],
    ),
    (
        "SECMP0015",
        &[
            "currently with the DCC for Impact Assessment",
            "We expect to issue the industry consultation in March 2019.",
            "at the May 2019 meeting",
            "the Impact Assessment cannot be completed until an enduring approach to DCC implementation costs is agreed",
        ],
    ),
    (
        "SECMP0024",
        &[
            "update business requirements (original and alternative), and expect to complete this by the end of March 2019.",
            "We will request a Preliminary Assessment from the DCC by the end of March 2019.",
            // The paper's own sentence.
            "The response would then be received from the DCC and reviewed by SECAS and the Proposer by early May 2019.",
            "monthly meeting in June 2019",
            "at the June 2019 meeting",
        ],
    ),
    (
        "SECMP0028",
        &[
            "SECMP0028 is on hold pending the outcome of SECMP0067; we will take no further action on it until then.",
        ],
    ),
    (
        "SECMP0032",
        &[
            "We are currently working to agree next steps with the Proposer, and expect to complete this around 5 April 2019.",
            "at the April 2019 meeting",
            "a complex and in-depth topic",
        ],
    ),
    (
        "SECMP0037",
        &[
            "SECMP0037 will now progress in parallel with SECMP0032.",
            "at the April 2019 meeting",
        ],
    ),
    (
        "SECMP0038",
        &[
            "SECMP0038 will now progress in parallel with SECMP0032.",
            "at the April 2019 meeting",
        ],
    ),
    (
        "SECMP0046",
        &[
            // Paper: "A standalone Working Group meeting is being held on 20 March 2019 ... After this meeting, we
            // will work with the Proposer and the DCC to finalise the business requirements".
            "We will discuss this modification at a standalone Working Group meeting on 20 March 2019. We will finalise business requirements with the Proposer and DCC by early April 2019.",
            "We will request a Preliminary Assessment from the DCC by early April 2019.",
            "reviewed by SECAS and the Proposer by mid-May 2019",
            "monthly meeting in June 2019",
            "at the June 2019 meeting",
        ],
    ),
    (
        "SECMP0053",
        &[
            // The paper's own sentence.
            "This modification is currently with the DCC for Preliminary Assessment, and we expect to receive a response by mid-March 2019.",
            "Following review by SECAS and the Proposer, we expect to present this modification to the Working Group at the monthly meeting on 3 April 2019 for review and comment.",
            "at the April 2019 meeting",
            "SECMP0053 is a candidate for the November 2019 SEC Release, but to be included, the Modification Report needs to be submitted to the Panel at the May 2019 meeting.",
        ],
    ),
    (
        "SECMP0055",
        &[
            "review consultation responses and confirm final list of IRPs",
            "We will be engaging with the TABASC at its meeting on 21 March 2019.",
            "We expect to return to the Panel with the Modification Report at the April 2019 meeting.",
        ],
    ),
    (
        "SECMP0056",
        &[
            // The (and the paper's) sentences.
            "This modification is currently with the DCC for Preliminary Assessment, and we expect to receive a response by early April 2019. Following review by SECAS and the Proposer, we expect to present this modification to the Working Group at the monthly meeting in May 2019",
            "We will return to the Panel at the May 2019 meeting to provide an update on this modification and agree the next set of dates",
        ],
    ),
    (
        "SECMP0062",
        &[
            "We expect to issue the industry consultation by mid-March 2019.",
            "We expect to return to the Panel with the Modification Report at the May 2019 meeting.",
            "We ask the Panel to agree to incur the costs of the DCC Impact Assessment of circa £17,000.",
            "candidate for the November 2019 SEC Release",
            "May 2019 is the latest the Modification Report can return",
        ],
    ),
    (
        "SECMP0063",
        &[
            "working with the Sub-Committee",
            "by the end of April 2019",
            "We will request a Preliminary Assessment from the DCC by mid-May 2019.",
            "monthly meeting in July 2019",
            "at the July 2019 meeting",
        ],
    ),
    (
        "SECMP0066",
        &[
            "monthly meeting on 3 April 2019",
            "at the April 2019 meeting",
        ],
    ),
    (
        "SECMP0067",
        &[
            "We are currently working on the business requirements with the DCC (Proposer), and expect to complete this by early April 2019.",
            "We will be engaging with the TABASC at its meeting in March 2019.",
            "We will request a Preliminary Assessment from the DCC by early April 2019.",
            "monthly meeting in June 2019",
            "at the June 2019 meeting",
        ],
    ),
];

/// Field dumps the old draft made: a work package name followed by its owner in brackets, "is planned to complete",
/// "Risk:" labels.
fn field_dumps(text: &str) -> Vec<&'static str> {
    [
        "(the DCC)",
        "(SECAS)",
        "(the Sub-Committee)",
        "(the Proposer)",
        "is planned to complete",
        "Risk:",
        "needs agreement",
        "..",
    ]
    .into_iter()
    .filter(|d| text.contains(d))
    .collect()
}

#[test]
fn section_3_reads_like_the_paper_for_all_eighteen() {
    let (plan, schedule, warnings) = bundled();
    let para = |id: &str| {
        let i = plan.modification_index(id).unwrap();
        section3_paragraph(&plan, &schedule, &warnings, i)
    };
    for (id, sentences) in SECTION_3 {
        let text = para(id);
        assert!(text.starts_with(&format!("### {id} '")), "{text}");
        for s in sentences {
            assert!(text.contains(s), "{id} lacks {s:?}:\n{text}");
        }
        assert!(
            field_dumps(&text).is_empty(),
            "{id}: {:?}\n{text}",
            field_dumps(&text)
        );
    }
    let all = section3_markdown(&plan, &schedule, &warnings);
    assert_eq!(all.matches("\n### SECMP").count(), 18);
}

#[test]
fn section_3_says_what_the_paper_says_for_four_modifications() {
    let (plan, schedule, warnings) = bundled();
    let para = |id: &str| {
        let i = plan.modification_index(id).unwrap();
        section3_paragraph(&plan, &schedule, &warnings, i)
    };
    // Each fact of the paper's paragraph, in order: (who has it now, when, the next meeting, the Panel).
    let in_order = |text: &str, facts: &[&str]| {
        let mut from = 0;
        for f in facts {
            let at = text[from..]
                .find(f)
                .unwrap_or_else(|| panic!("{f:?} missing or out of order:\n{text}"));
            from += at + f.len();
        }
    };
    in_order(
        &para("SECMP0007"),
        &[
            "with the DCC",
            "on 15 March 2019",
            "SECAS and the Proposer",
            "Working Group",
            "3 April 2019",
            "April 2019 meeting",
        ],
    );
    in_order(
        &para("SECMP0056"),
        &[
            "with the DCC",
            "Preliminary Assessment",
            "early April 2019",
            "SECAS and the Proposer",
            "Working Group",
            "May 2019",
            "return to the Panel at the May 2019 meeting",
        ],
    );
    // On hold: nothing planned, no Panel date, no Working Group.
    let held = para("SECMP0028");
    in_order(
        &held,
        &[
            "on hold pending the outcome of SECMP0067",
            "no further action",
        ],
    );
    assert!(
        !held.contains("Working Group") && !held.contains("return to the Panel"),
        "{held}"
    );
    in_order(
        &para("SECMP0062"),
        &[
            "industry consultation",
            "mid-March 2019",
            "Impact Assessment",
            "Modification Report at the May 2019 meeting",
            "November 2019 SEC Release",
            "circa £17,000",
        ],
    );
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
}

#[test]
fn export_command_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    let out = bin()
        .args(["export", BUNDLED, "--svg"])
        .arg(p("a.svg"))
        .arg("--png")
        .arg(p("a.png"))
        .arg("--csv")
        .arg(p("t.csv"))
        .arg("--md")
        .arg(p("t.md"))
        .arg("--section3")
        .arg(p("s3.md"))
        .args(["--size", "a3", "--dpi", "50"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(p("a.png")).unwrap();
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!(
        (image.width(), image.height()),
        Page::paper(PaperSize::A3, false).pixels(50.0)
    );
    assert!(
        std::fs::read_to_string(p("a.svg"))
            .unwrap()
            .contains("SECMP0067")
    );
    assert!(
        std::fs::read_to_string(p("t.csv"))
            .unwrap()
            .contains("SECMP0067")
    );
    assert!(
        std::fs::read_to_string(p("t.md"))
            .unwrap()
            .contains("SECMP0067")
    );
    assert!(
        std::fs::read_to_string(p("s3.md"))
            .unwrap()
            .contains("### SECMP0067")
    );

    // Text to stdout with "-".
    let out = bin()
        .args(["export", BUNDLED, "--csv", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("\u{feff}id,title,status"),
        "the same bytes as the file, byte-order mark first"
    );

    // No output asked for: usage error.
    assert_eq!(
        bin().args(["export", BUNDLED]).status().unwrap().code(),
        Some(2)
    );
}

#[test]
fn export_command_writes_what_the_library_renders() {
    let (plan, schedule, warnings) = bundled();
    let input = ExportInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    let settings = ExportSettings {
        paper: PaperSize::Letter,
        portrait: true,
        ..ExportSettings::default()
    };
    let out = bin()
        .args([
            "export",
            BUNDLED,
            "--svg",
            "-",
            "--size",
            "letter",
            "--portrait",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        out.stdout,
        render(ExportKind::AppendixSvg, &input, &settings).unwrap()
    );
}

#[test]
fn export_command_names_what_it_could_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("t.csv");
    let out = bin()
        .args(["export", BUNDLED, "--csv"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: cannot write the timetable (CSV) to {}: the folder ",
            target.display()
        )),
        "{stderr}"
    );
    assert!(!target.exists());
}

#[test]
fn agenda_command_lists_what_is_due_and_the_deadlines() {
    let out = bin()
        .args(["agenda", BUNDLED, "--meeting", "2019-04-03"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Wed 3 Apr 2019 — Working Group April 2019"),
        "{text}"
    );
    assert!(
        text.contains("agenda confirmed by Wed 20 Mar 2019 · papers published by Wed 27 Mar 2019")
    );
    for id in ["SECMP0007", "SECMP0012", "SECMP0053", "SECMP0066"] {
        assert!(text.contains(&format!("  {id} ")), "{id}: {text}");
    }
    assert_eq!(text.lines().filter(|l| l.starts_with("  SECMP")).count(), 4);

    let out = bin().args(["agenda", BUNDLED]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Panel 67 (date approximate)"));
    assert!(text.contains("TABASC"));
    assert!(!text.contains("Panel 65"), "before the status date");

    let out = bin()
        .args(["agenda", BUNDLED, "--meeting", "2019-04-04"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "No meeting on 4 Apr 2019.\n"
    );
    assert_eq!(
        bin()
            .args(["agenda", BUNDLED, "--meeting", "2019-02-30"])
            .status()
            .unwrap()
            .code(),
        Some(2)
    );
}
