//! SEC Timetable: plans for SEC Modification Proposals — model, files, and the desktop app.

pub mod app;
pub mod cli;
pub mod io;
pub mod legend;
pub mod model;
pub mod palette;
pub mod synthetic;
