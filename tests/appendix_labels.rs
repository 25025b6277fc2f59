//! Appendix A names bars by the same rule as the timeline: full names wherever they fit, inside or beside, else
//! whole words with "…" — never a stub cut mid-word; row titles are cut between words too. (Every full name is in
//! the PDF's key pages: tests/appendix_pdf.rs.)

use sec_timetable::io::appendix::{AppendixInput, Page, appendix_svg};
use sec_timetable::io::bundled_plan;
use sec_timetable::model::layout::row_order;
use sec_timetable::model::{Schedule, validate};

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim().replace("&amp;", "&"))
        })
        .collect()
}

#[test]
fn bar_names_are_whole_or_cut_between_words() {
    let plan = bundled_plan();
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    let rows = row_order(&plan);
    let input = AppendixInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
        rows: &rows,
    };
    let svg = appendix_svg(&input, Page::default());
    let texts = texts(&svg);
    let names: Vec<&str> = plan
        .modifications
        .iter()
        .flat_map(|m| m.work_packages.iter().map(|w| w.name.as_str()))
        .collect();
    let titles: Vec<&str> = plan
        .modifications
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    let mut cut = 0;
    // Every shortened text is whole words of a real name or title, with an ellipsis.
    for t in texts.iter().filter(|t| t.ends_with('…')) {
        let stem = t.trim_end_matches('…');
        let source = names
            .iter()
            .chain(&titles)
            .find(|n| n.starts_with(stem) && n.len() > stem.len())
            .unwrap_or_else(|| panic!("“{t}” is not the start of any name or title"));
        let next = source[stem.len()..].chars().next();
        assert!(
            matches!(next, Some(' ' | ';' | ',' | ':')),
            "“{t}” cuts “{source}” mid-word"
        );
        cut += 1;
    }
    assert!(
        cut > 10,
        "the bundled plan's long names are cut between words ({cut})"
    );
    // Names that fit are whole.
    assert!(
        texts
            .iter()
            .any(|t| t == "Impact Assessment (awaits approach to DCC costs)")
    );
}
