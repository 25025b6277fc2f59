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

/// Sentences each modification's section 3 paragraph must contain, from the Panel paper.
const SECTION_3: [(&str, &[&str]); 18] = [
    (
        "SECMP0007",
        &[
            "### SECMP0007 'Firmware updates to IHDs and PPMIDs'",
            "We expect the DCC's response on 15 March 2019.",
            "We will present this modification to the Working Group at the monthly meeting on 3 April 2019 for review and comment.",
            "We will return to the Panel at the April 2019 meeting to provide an update on this modification and agree the next set of dates.",
        ],
    ),
    (
        "SECMP0010",
        &[
            "We expect the DCC's response by early April 2019.",
            "monthly meeting on 1 May 2019",
            "at the May 2019 meeting",
        ],
    ),
    (
        "SECMP0012",
        &[
            "on 3 April 2019",
            "at the May 2019 meeting",
            "Risk: No appetite to either progress or close",
        ],
    ),
    (
        "SECMP0013",
        &[
            "Review NCSC response; engage with the SSC (the Sub-Committee) is planned to complete on 24 April 2019.",
            "at the May 2019 meeting",
        ],
    ),
    (
        "SECMP0015",
        &[
            "We expect to issue the industry consultation in March 2019.",
            "at the May 2019 meeting",
            "Risk: The Impact Assessment cannot be completed",
        ],
    ),
    (
        "SECMP0024",
        &[
            "by the end of March 2019",
            "We will request the DCC's assessment by the end of March 2019.",
            "monthly meeting on 5 June 2019",
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
            "Agree next steps with the Proposer (SECAS) is planned to complete on 5 April 2019.",
            "at the April 2019 meeting",
            "Risk: A complex and in-depth topic",
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
            "We will discuss this modification at the Working Group meeting on 20 March 2019.",
            "We will request the DCC's assessment by early April 2019.",
            "We expect the DCC's response by mid-May 2019.",
            "at the June 2019 meeting",
        ],
    ),
    (
        "SECMP0053",
        &[
            "We expect the DCC's response by mid-March 2019.",
            "at the April 2019 meeting",
            "SECMP0053 is a candidate for the November 2019 SEC Release; to be included, the Modification Report needs to be submitted to the Panel at the May 2019 meeting.",
        ],
    ),
    (
        "SECMP0055",
        &[
            "We will discuss it with the TABASC on 21 March 2019.",
            "We expect to return to the Panel with the Modification Report at the April 2019 meeting.",
        ],
    ),
    (
        "SECMP0056",
        &["by early April 2019", "at the May 2019 meeting"],
    ),
    (
        "SECMP0062",
        &[
            "We expect to issue the industry consultation by mid-March 2019.",
            "We expect to return to the Panel with the Modification Report at the May 2019 meeting.",
            "The DCC Impact Assessment of circa £17,000 needs agreement.",
            "candidate for the November 2019 SEC Release",
        ],
    ),
    (
        "SECMP0063",
        &[
            "by the end of April 2019",
            "We will request the DCC's assessment by mid-May 2019.",
            "monthly meeting on 3 July 2019",
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
            "We will discuss it with the TABASC on 21 March 2019.",
            "We will request the DCC's assessment by early April 2019.",
            "monthly meeting on 5 June 2019",
            "at the June 2019 meeting",
        ],
    ),
];

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
    }
    let all = section3_markdown(&plan, &schedule, &warnings);
    assert_eq!(all.matches("\n### SECMP").count(), 18);
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
