//! Writes a synthetic plan to stdout: `cargo run --release --example generate_plan -- 2000 > big.ron`.
//! An optional second argument is the random seed (default 1).

use std::process::ExitCode;

use sec_timetable::io::plan_to_string;
use sec_timetable::synthetic::generate;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let parse = |s: Option<String>, default: u64| -> Result<u64, String> {
        s.map_or(Ok(default), |s| {
            s.parse().map_err(|e| format!("not a number: {s} ({e})"))
        })
    };
    let n = parse(args.next(), 2000);
    let seed = parse(args.next(), 1);
    match (n, seed) {
        (Ok(n), Ok(seed)) => match plan_to_string(&generate(n as usize, seed)) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("usage: generate_plan [MODIFICATIONS] [SEED]\nerror: {e}");
            ExitCode::from(2)
        }
    }
}
