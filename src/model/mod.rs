//! The plan as data, the working-day calendar, validation and edits. Pure and deterministic: no egui, no files.

pub mod affected;
pub mod agenda;
pub mod baseline;
pub mod calendar;
pub mod chain;
mod chain_rules;
pub mod compare;
pub mod date;
pub mod document;
pub mod drag;
pub mod edit;
pub mod filter;
pub mod integrity;
pub mod label_fit;
pub mod layout;
pub mod plan;
pub mod plan_items;
pub mod progress;
pub mod roll;
pub mod schedule;
pub mod standard;
pub mod validate;

pub use affected::Affected;
pub use calendar::{Calendar, Holiday};
pub use date::{
    Precision, WeekDay, add_days, date_from_day_number, day_number, format_approx, format_date,
    format_month, next_month_start,
};
pub use document::Document;
pub use edit::{Edit, EditError, ListEdit, apply};
pub use integrity::{IntegrityError, check_integrity};
pub use plan::*;
pub use schedule::{Schedule, ScheduledMeeting};
pub use validate::{IdIndex, Subject, Warning, WarningCode, validate, validate_with};
