//! The appendix SVG as it is exported: every glyph drawn as a path in the app's own font, so any renderer draws it
//! as ours does, with the text kept beside it (invisible) for search, selection and screen readers.
//!
//! Why not `@font-face` or `textLength`: librsvg (GNOME, `rsvg-convert`, many converters) ignores both, and lays the
//! text out in whatever system font it finds, wider than ours, so ids run into titles. Paths are drawn alike by all.

use resvg::usvg;

use super::{RasterError, app_font_options};

/// `svg_text` (from [`super::appendix_svg`]) with its text turned into outlines of the app's font. The page keeps its
/// size in millimetres; the original `<text>` elements follow in a transparent group, so the words are still found.
pub fn portable_svg(svg_text: &str) -> Result<String, RasterError> {
    let options = app_font_options();
    let tree =
        usvg::Tree::from_str(svg_text, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
    let outlined = tree.to_string(&usvg::WriteOptions {
        preserve_text: false,
        coordinates_precision: 3,
        transforms_precision: 5,
        ..usvg::WriteOptions::default()
    });
    let (width_px, height_px) = (tree.size().width(), tree.size().height());
    let (width_attr, height_attr) = (attribute(svg_text, "width"), attribute(svg_text, "height"));
    let width_user = viewbox_width(svg_text).unwrap_or(width_px);
    let body_start = outlined.find('>').map_or(0, |i| i + 1);
    let body_end = outlined.rfind("</svg>").unwrap_or(outlined.len());
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{}\" height=\"{}\" viewBox=\"0 0 {width_px} {height_px}\">",
        width_attr.unwrap_or_else(|| width_px.to_string()),
        height_attr.unwrap_or_else(|| height_px.to_string()),
    );
    out.push_str(&outlined[body_start..body_end]);
    // The words themselves, drawn by nobody: the same coordinates as the original, scaled to the outlines' pixels.
    out.push_str(&format!(
        "<g opacity=\"0\" transform=\"scale({})\">\n",
        width_px / width_user
    ));
    for element in text_elements(svg_text) {
        out.push_str(element);
        out.push('\n');
    }
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

/// The value of the root element's attribute `name`.
fn attribute(svg_text: &str, name: &str) -> Option<String> {
    let root_end = svg_text.find('>')?;
    let root = &svg_text[..root_end];
    let key = format!(" {name}=\"");
    let start = root.find(&key)? + key.len();
    let len = root[start..].find('"')?;
    Some(root[start..start + len].to_owned())
}

/// The width of the root's viewBox, in user units.
fn viewbox_width(svg_text: &str) -> Option<f32> {
    attribute(svg_text, "viewBox")?
        .split_whitespace()
        .nth(2)?
        .parse()
        .ok()
}

/// Every `<text …>…</text>` element, in order (the appendix writes no nested text).
fn text_elements(svg_text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = svg_text;
    while let Some(start) = rest.find("<text") {
        let Some(len) = rest[start..].find("</text>") else {
            break;
        };
        let end = start + len + "</text>".len();
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="50mm" viewBox="0 0 100 50"><text x="10" y="20" font-size="5">
SECMP0007
</text><rect x="1" y="1" width="5" height="5" fill="red"/></svg>"#;

    #[test]
    fn text_becomes_paths_and_stays_findable() {
        let out = portable_svg(SMALL).unwrap();
        assert!(out.contains(r#"width="100mm" height="50mm""#), "{out}");
        assert!(out.contains("<path"), "outlines");
        // Exactly one text element: the invisible copy.
        assert_eq!(out.matches("<text").count(), 1);
        assert!(out.contains("<g opacity=\"0\""));
        assert!(out.contains("\nSECMP0007\n</text>"));
        usvg::Tree::from_str(&out, &usvg::Options::default()).unwrap();
    }
}
