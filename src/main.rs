//! `sec-timetable`: opens the desktop app, or runs a headless command.

use std::process::ExitCode;

use clap::Parser;
use sec_timetable::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run_command(command, &mut std::io::stdout(), &mut std::io::stderr()),
        None => sec_timetable::app::run(cli.plan),
    };
    u8::try_from(code).map_or(ExitCode::FAILURE, ExitCode::from)
}
