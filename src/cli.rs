//! Command line: `sec-timetable [PLAN]` opens the app; subcommands work headless.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::io::appendix::{AppendixInput, Page, PaperSize, appendix_svg, svg_to_png};
use crate::io::export_text::{
    agenda_text, section3_markdown, timetable_csv, timetable_markdown, timetable_rows,
};
use crate::io::json_report::report_json;
use crate::io::plan_file::write_atomically;
use crate::io::{load_plan, plan_to_string};
use crate::model::agenda::agendas;
use crate::model::layout::row_order;
use crate::model::{Schedule, format_date, validate};

/// Exit code for a file that cannot be loaded.
pub const EXIT_LOAD_ERROR: i32 = 1;
/// Exit code for wrong usage (clap uses the same).
pub const EXIT_USAGE: i32 = 2;

/// SEC Timetable: plan and present SEC Modification Proposal timetables.
#[derive(Debug, Parser)]
#[command(
    name = "sec-timetable",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file to open in the app (default: the last file, or the bundled Panel plan).
    pub plan: Option<PathBuf>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate a plan: exit 0 if valid (warnings are printed), 1 if it cannot be loaded.
    Check {
        /// The plan file.
        plan: PathBuf,
        /// Print one JSON document (plan, meetings, releases, warnings) on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Export Appendix A (SVG, PNG), the timetable (CSV, Markdown) or a draft of section 3 (Markdown).
    /// Give one or more outputs; `-` writes a text output to stdout.
    #[command(group(clap::ArgGroup::new("outputs").required(true).multiple(true)))]
    Export {
        /// The plan file.
        plan: PathBuf,
        /// Appendix A as SVG.
        #[arg(long, group = "outputs")]
        svg: Option<PathBuf>,
        /// Appendix A as PNG.
        #[arg(long, group = "outputs")]
        png: Option<PathBuf>,
        /// The timetable as CSV, one row per modification.
        #[arg(long, group = "outputs")]
        csv: Option<PathBuf>,
        /// The timetable as a Markdown table.
        #[arg(long, group = "outputs")]
        md: Option<PathBuf>,
        /// A Markdown draft of the paper's section 3, one paragraph per modification.
        #[arg(long, group = "outputs")]
        section3: Option<PathBuf>,
        /// Paper size of the appendix.
        #[arg(long, value_enum, default_value_t = PaperSize::A4)]
        size: PaperSize,
        /// Portrait instead of landscape.
        #[arg(long)]
        portrait: bool,
        /// Resolution of the PNG, in dots per inch.
        #[arg(long, default_value_t = 150.0, value_parser = parse_dpi)]
        dpi: f64,
    },
    /// What is due at each meeting, and why, with agenda and paper deadlines.
    Agenda {
        /// The plan file.
        plan: PathBuf,
        /// Only the meeting(s) on this day (YYYY-MM-DD).
        #[arg(long)]
        meeting: Option<jiff::civil::Date>,
        /// Include meetings before the status date and meetings with nothing due.
        #[arg(long)]
        all: bool,
    },
    /// Test helper: saves two synthetic plans to PATH in turn, forever, so a test can kill it mid-save.
    #[command(name = "__save-loop", hide = true)]
    SaveLoop {
        /// Where to save.
        path: PathBuf,
    },
    /// Rewrite a plan file in canonical form (the form the app saves), like a code formatter.
    Format {
        /// The plan file.
        plan: PathBuf,
        /// Only check: exit 1 if the file is not in canonical form, write nothing.
        #[arg(long)]
        check: bool,
    },
}

/// Runs a headless command; returns the process exit code. Output goes to the given writers.
pub fn run_command(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Check { plan, json } => check(&plan, json, out, err),
        Command::Format { plan, check } => format(&plan, check, out, err),
        Command::Export {
            plan,
            svg,
            png,
            csv,
            md,
            section3,
            size,
            portrait,
            dpi,
        } => {
            let outputs = ExportOutputs {
                svg,
                png,
                csv,
                md,
                section3,
            };
            export(&plan, &outputs, Page::paper(size, portrait), dpi, out, err)
        }
        Command::Agenda { plan, meeting, all } => agenda(&plan, meeting, all, out, err),
        Command::SaveLoop { path } => {
            let plans = [
                crate::synthetic::generate(400, 1),
                crate::synthetic::generate(400, 2),
            ];
            for plan in plans.iter().cycle() {
                if let Err(e) = crate::io::save_plan(plan, &path) {
                    let _ = writeln!(err, "error: {e}");
                    return EXIT_LOAD_ERROR;
                }
            }
            0
        }
    }
}

/// Loads `path`, or writes the error to `err` and gives the exit code for it.
fn load_or_report(path: &std::path::Path, err: &mut dyn Write) -> Result<crate::model::Plan, i32> {
    load_plan(path).map_err(|e| {
        let _ = writeln!(err, "error: {e}");
        EXIT_LOAD_ERROR
    })
}

fn parse_dpi(s: &str) -> Result<f64, String> {
    let dpi: f64 = s.parse().map_err(|_| format!("not a number: {s}"))?;
    if (10.0..=1200.0).contains(&dpi) {
        Ok(dpi)
    } else {
        Err("expected a resolution from 10 to 1200 dpi".into())
    }
}

/// Where each export goes.
struct ExportOutputs {
    svg: Option<PathBuf>,
    png: Option<PathBuf>,
    csv: Option<PathBuf>,
    md: Option<PathBuf>,
    section3: Option<PathBuf>,
}

fn write_output(path: &std::path::Path, bytes: &[u8], out: &mut dyn Write) -> Result<(), String> {
    if path.as_os_str() == "-" {
        out.write_all(bytes).map_err(|e| e.to_string())
    } else {
        write_atomically(path, bytes).map_err(|e| e.to_string())
    }
}

fn export(
    path: &std::path::Path,
    outputs: &ExportOutputs,
    page: Page,
    dpi: f64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    let rows = row_order(&plan);
    let input = AppendixInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
        rows: &rows,
    };
    let result = (|| -> Result<(), String> {
        if outputs.svg.is_some() || outputs.png.is_some() {
            let svg = appendix_svg(&input, page);
            if let Some(p) = &outputs.svg {
                write_output(p, svg.as_bytes(), out)?;
            }
            if let Some(p) = &outputs.png {
                let (w, h) = page.pixels(dpi);
                let png = svg_to_png(&svg, w, h).map_err(|e| e.to_string())?;
                write_output(p, &png, out)?;
            }
        }
        let table = timetable_rows(&plan, &warnings);
        if let Some(p) = &outputs.csv {
            let csv = timetable_csv(&table).map_err(|e| e.to_string())?;
            write_output(p, csv.as_bytes(), out)?;
        }
        if let Some(p) = &outputs.md {
            write_output(p, timetable_markdown(&plan, &table).as_bytes(), out)?;
        }
        if let Some(p) = &outputs.section3 {
            write_output(
                p,
                section3_markdown(&plan, &schedule, &warnings).as_bytes(),
                out,
            )?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_LOAD_ERROR
        }
    }
}

fn agenda(
    path: &std::path::Path,
    meeting: Option<jiff::civil::Date>,
    all: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let status = plan.meta.status_date;
    let entries: Vec<_> = agendas(&plan, &schedule)
        .into_iter()
        .filter(|e| match meeting {
            Some(day) => e.meeting.date == day,
            None => all || (e.meeting.date >= status && !e.items.is_empty()),
        })
        .collect();
    if entries.is_empty() {
        let _ = match meeting {
            Some(day) => writeln!(out, "No meeting on {}.", format_date(day)),
            None => writeln!(
                out,
                "No meeting from {} has anything due.",
                format_date(status)
            ),
        };
        return 0;
    }
    let _ = write!(out, "{}", agenda_text(&plan, &entries));
    0
}

fn format(
    path: &std::path::Path,
    check_only: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let result = load_plan(path).map_err(|e| e.to_string()).and_then(|plan| {
        let text = plan_to_string(&plan).map_err(|e| e.to_string())?;
        let current = std::fs::read(path).map_err(|e| e.to_string())?;
        Ok((text, current))
    });
    match result {
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_LOAD_ERROR
        }
        Ok((text, current)) if text.as_bytes() == current.as_slice() => {
            let _ = writeln!(out, "{}: already canonical", path.display());
            0
        }
        Ok(_) if check_only => {
            let _ = writeln!(
                err,
                "{}: not in canonical form (run `sec-timetable format` on it)",
                path.display()
            );
            EXIT_LOAD_ERROR
        }
        Ok((text, _)) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                let _ = writeln!(out, "{}: rewritten in canonical form", path.display());
                0
            }
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                EXIT_LOAD_ERROR
            }
        },
    }
}

fn check(path: &std::path::Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    if json {
        let _ = writeln!(out, "{}", report_json(&plan, &schedule, &warnings));
    } else {
        let _ = writeln!(
            out,
            "{}: valid — {} modifications, {} meetings, {} warning{}",
            path.display(),
            plan.modifications.len(),
            schedule.meetings.len(),
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        );
        for w in &warnings {
            let _ = writeln!(
                out,
                "warning[{}] {}: {}",
                w.code.as_str(),
                w.modification,
                w.message
            );
        }
    }
    0
}
