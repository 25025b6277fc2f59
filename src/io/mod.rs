//! Files: loading and saving plans, and machine-readable reports.

pub mod appendix;
pub mod export_text;
pub mod json_report;
pub mod plan_file;

pub use plan_file::{
    LoadError, Location, SaveError, load_plan, parse_plan, plan_to_string, save_plan,
};
