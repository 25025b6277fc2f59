//! The layering ARCHITECTURE.md describes, checked on the source: nothing reaches back up.

use std::path::Path;

fn source(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rust_files(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("readable source");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

/// The timeline's files, bottom first: each may use only those before it.
const TIMELINE_LAYERS: [&str; 14] = [
    "style",
    "view",
    "state",
    "geometry",
    "paint",
    "axis_ui",
    "meetings_ui",
    "arrows_ui",
    "items_ui",
    "rows_ui",
    "tooltip_ui",
    "labels_ui",
    "interaction",
    "mod",
];

/// Sibling modules a timeline file names, through `super::x` or `timeline::x`.
fn siblings_used(text: &str) -> Vec<&'static str> {
    TIMELINE_LAYERS
        .iter()
        .copied()
        .filter(|m| {
            text.contains(&format!("super::{m}::"))
                || text.contains(&format!("super::{m};"))
                || text.contains(&format!("timeline::{m}::"))
        })
        .collect()
}

#[test]
fn timeline_files_use_only_the_layers_below_them() {
    for (i, name) in TIMELINE_LAYERS.iter().enumerate() {
        let text = source(&format!("src/app/timeline/{name}.rs"));
        for used in siblings_used(&text) {
            let j = TIMELINE_LAYERS
                .iter()
                .position(|m| *m == used)
                .expect("a listed layer");
            assert!(
                j < i || *name == "mod",
                "timeline/{name}.rs uses timeline/{used}.rs, which sits above it"
            );
        }
    }
    // And every file in the folder has its place in the list.
    for (path, _) in rust_files("src/app/timeline") {
        let stem = Path::new(&path)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        assert!(
            TIMELINE_LAYERS.contains(&stem),
            "{path} is not in the layer list"
        );
    }
}

#[test]
fn the_model_and_io_know_nothing_of_egui_or_the_app() {
    for dir in ["src/model", "src/io"] {
        for (path, text) in rust_files(dir) {
            for word in ["egui::", "use egui", "crate::app", "eframe::"] {
                assert!(!text.contains(word), "{path} mentions {word}");
            }
        }
    }
}

#[test]
fn the_session_menus_and_dialogs_never_reach_into_the_app() {
    for file in [
        "src/app/session.rs",
        "src/app/menu_ui.rs",
        "src/app/dialogs_ui.rs",
        "src/app/modal.rs",
        "src/app/commands.rs",
        "src/app/actions.rs",
    ] {
        let text = source(file);
        assert!(
            !text.contains("TimetableApp"),
            "{file} reaches into TimetableApp"
        );
    }
}

#[test]
fn no_source_file_is_longer_than_800_lines() {
    for (path, text) in rust_files("src") {
        let lines = text.lines().count();
        assert!(lines <= 800, "{path} has {lines} lines");
    }
}
