//! Appendix A beyond our own renderer: the exported SVG drawn by librsvg (`rsvg-convert`) looks like our PNG, and
//! the PDF holds every id and full work package name, over several A4 landscape pages for a long plan.
//! `rsvg-convert` (librsvg2-bin) and `pdftotext`/`pdfinfo` (poppler-utils) are installed by `.ci/run`.

use std::path::Path;
use std::process::Command;

use sec_timetable::io::appendix::{MIN_ROW_H_MM, Page, rows_per_sheet};
use sec_timetable::io::export::{ExportInput, ExportKind, ExportSettings, export_to_path, render};
use sec_timetable::model::{Plan, Schedule, validate};

fn bundled() -> Plan {
    sec_timetable::io::load_plan(Path::new("saves/secp_66_1503_12.ron"))
        .expect("the bundled plan loads")
}

fn rendered(plan: &Plan, kind: ExportKind, settings: &ExportSettings) -> Vec<u8> {
    let schedule = Schedule::build(plan);
    let warnings = validate(plan, &schedule);
    let input = ExportInput {
        plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    render(kind, &input, settings).expect("the export renders")
}

fn tool(name: &str) -> Command {
    Command::new(name)
}

/// Grey levels (0 dark … 255 white) of a PNG file.
fn grey(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let image = resvg::tiny_skia::Pixmap::decode_png(png).expect("a PNG");
    let values = image
        .pixels()
        .iter()
        .map(|p| {
            let p = p.demultiply();
            ((p.red() as u32 + p.green() as u32 + p.blue() as u32) / 3) as u8
        })
        .collect();
    (image.width(), image.height(), values)
}

/// The first dark column right of `x0` in rows `y0..y1`, i.e. where the first character of a text begins.
fn first_ink(img: &(u32, u32, Vec<u8>), x0: u32, x1: u32, y0: u32, y1: u32) -> Option<u32> {
    let (w, _, px) = img;
    (x0..x1).find(|&x| (y0..y1).any(|y| px[(y * w + x) as usize] < 128))
}

/// librsvg, given our exported SVG, draws what resvg draws: on average the grey levels differ by under 3 of 255
/// (anti-aliasing differs at every edge; a wrong font moves every word, which measured 8.2 on the SVG that kept its text as text),
/// and each row's title starts where ours does (within 2 px), not run into the id.
#[test]
fn librsvg_draws_the_exported_svg_like_our_png() {
    let plan = bundled();
    let settings = ExportSettings {
        dpi: 96.0,
        ..ExportSettings::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("a.svg");
    std::fs::write(
        &svg_path,
        rendered(&plan, ExportKind::AppendixSvg, &settings),
    )
    .unwrap();
    let ours = grey(&rendered(&plan, ExportKind::AppendixPng, &settings));
    let (w, h) = (ours.0, ours.1);
    let theirs_path = dir.path().join("r.png");
    let status = tool("rsvg-convert")
        .args([
            "-w",
            &w.to_string(),
            "-h",
            &h.to_string(),
            "-b",
            "white",
            "-o",
        ])
        .arg(&theirs_path)
        .arg(&svg_path)
        .status()
        .expect("rsvg-convert is installed (librsvg2-bin; .ci/run installs it)");
    assert!(status.success());
    let theirs = grey(&std::fs::read(&theirs_path).unwrap());
    assert_eq!((theirs.0, theirs.1), (w, h));
    let diff: u64 = ours
        .2
        .iter()
        .zip(&theirs.2)
        .map(|(a, b)| u64::from(a.abs_diff(*b)))
        .sum();
    let mean = diff as f64 / (w * h) as f64;
    eprintln!("mean grey difference {mean:.2}");
    assert!(mean < 3.0, "mean grey difference {mean:.2}");

    // The label column of each row: id from the margin, title after it. Rows as laid out for 18 rows on A4.
    let px_per_mm = f64::from(w) / 297.0;
    let rows_top_mm = 10.0 + 16.0 + 12.0;
    let row_h_mm = (210.0 - 64.0) / plan.modifications.len() as f64;
    let id_end_px = (32.5 * px_per_mm) as u32;
    let column_end_px = ((10.0 + 80.0) * px_per_mm) as u32;
    for r in 0..plan.modifications.len() {
        let y0 = ((rows_top_mm + (r as f64 + 0.25) * row_h_mm) * px_per_mm) as u32;
        let y1 = ((rows_top_mm + (r as f64 + 0.75) * row_h_mm) * px_per_mm) as u32;
        // The first ink after a gap following the id: the title's first character.
        let title_ours = first_ink(&ours, id_end_px, column_end_px, y0, y1);
        let title_theirs = first_ink(&theirs, id_end_px, column_end_px, y0, y1);
        let (Some(a), Some(b)) = (title_ours, title_theirs) else {
            panic!("row {r}: no title found ({title_ours:?}, {title_theirs:?})");
        };
        assert!(
            a.abs_diff(b) <= 2,
            "row {r}: title at {a} px here, {b} px in librsvg"
        );
    }
}

fn pdf_text(pdf: &Path) -> String {
    let out = tool("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils; .ci/run installs it)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// Page sizes in points, from `pdfinfo -f 1 -l N`.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let out = tool("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo is installed (poppler-utils)");
    String::from_utf8(out.stdout)
        .expect("UTF-8 text")
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .filter_map(|t| t.parse().ok())
                .collect();
            (v[1], v[2])
        })
        .collect()
}

#[test]
fn the_pdf_holds_every_id_and_every_full_work_package_name() {
    let plan = bundled();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(
        &path,
        rendered(&plan, ExportKind::AppendixPdf, &ExportSettings::default()),
    )
    .unwrap();
    // Line breaks and layout spacing aside, the words are there in order.
    let text: String = pdf_text(&path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for m in &plan.modifications {
        assert!(text.contains(&m.id), "{} missing", m.id);
        for wp in &m.work_packages {
            let name = wp.name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&name), "{}: “{name}” missing", m.id);
        }
    }
    assert!(text.contains("March 2019"));
    for (w, h) in page_sizes(&path) {
        assert!(
            (w - 841.89).abs() < 0.5 && (h - 595.28).abs() < 0.5,
            "{w}×{h}"
        );
    }
}

#[test]
fn a_long_plan_flows_onto_pages_each_with_the_axis() {
    let plan = sec_timetable::synthetic::generate(200, 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.pdf");
    let settings = ExportSettings::default();
    std::fs::write(&path, rendered(&plan, ExportKind::AppendixPdf, &settings)).unwrap();
    let sheets = 200_usize.div_ceil(rows_per_sheet(settings.page()));
    assert!(sheets >= 5, "{sheets} sheets");
    assert!(rows_per_sheet(settings.page()) as f64 * MIN_ROW_H_MM <= 146.0);
    let sizes = page_sizes(&path);
    assert!(sizes.len() > sheets, "chart pages, then the key");
    for (w, h) in &sizes {
        assert!(
            (w - 841.89).abs() < 0.5 && (h - 595.28).abs() < 0.5,
            "{w}×{h}"
        );
    }
    let text = pdf_text(&path);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for (k, page) in pages.iter().take(sheets).enumerate() {
        assert!(
            months.iter().any(|m| page.contains(m)),
            "page {} has no month axis",
            k + 1
        );
        assert!(page.contains(&format!("page {} of {sheets}", k + 1)));
        assert!(page.contains("Appendix A:"));
    }
    for m in &plan.modifications {
        assert!(text.contains(&m.id), "{} missing", m.id);
    }
    assert_eq!(Page::default().pixels(72.0), (842, 595));
}

#[test]
fn a_pdf_that_cannot_be_written_leaves_no_file() {
    let plan = bundled();
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    let input = ExportInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("a.pdf");
    let err = export_to_path(
        ExportKind::AppendixPdf,
        &input,
        &ExportSettings::default(),
        &target,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "cannot write Appendix A (PDF) to {}",
            target.display()
        )),
        "{err}"
    );
    assert!(!target.exists());

    let out = Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
        .args(["export", "saves/secp_66_1503_12.ron", "--pdf"])
        .arg(dir.path().join("ok.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read(dir.path().join("ok.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
}
