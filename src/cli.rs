//! Command line: `sec-timetable [PLAN]` opens the app; subcommands work headless.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::io::json_report::report_json;
use crate::io::plan_file::write_atomically;
use crate::io::{load_plan, plan_to_string};
use crate::model::{Schedule, validate};

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
    }
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
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_LOAD_ERROR;
        }
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
