//! Files: loading and saving plans, exports, and machine-readable reports.

pub mod appendix;
pub mod atomic_save;
pub mod diff_report;
pub mod export;
pub mod export_text;
pub mod ics;
pub mod json_report;
mod locate;
pub mod plan_file;
pub mod section3;

pub use plan_file::{
    LoadError, Loaded, Location, SaveError, load_plan, load_plan_reporting, parse_plan,
    parse_plan_reporting, plan_to_string, save_plan,
};

use crate::model::Plan;

/// The Panel's March 2019 plan (`saves/secp_66_1503_12.ron`), built into the binary so the app opens it from any
/// directory.
pub const BUNDLED_PLAN: &str = include_str!("../../saves/secp_66_1503_12.ron");
/// Name shown for the bundled plan until it is saved somewhere.
pub const BUNDLED_NAME: &str = "secp_66_1503_12.ron";

/// The bundled plan, parsed (a test proves it parses).
pub fn bundled_plan() -> Plan {
    parse_plan(BUNDLED_PLAN.as_bytes(), std::path::Path::new(BUNDLED_NAME))
        .unwrap_or_else(|_| Plan::new_empty(jiff::civil::date(2019, 3, 8)))
}
