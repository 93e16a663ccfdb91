//! The first paint before WebAssembly: cuts the pieces the build pre-renders (the
//! header, and a scene's opening up to its intro) out of the shell's server-side
//! rendered HTML. Native only; `examples/prepaint.rs` writes the pieces and
//! `scripts/prepaint.mjs` puts them into `index.html`, where a small inline script
//! shows the right ones for the URL until the app mounts and removes them
//! ([`crate::platform::remove_prepaint`]).
//!
//! The pieces are the real components' markup, so the app replaces them in place
//! without moving anything on screen. Yew's component markers are dropped, and the
//! pre-rendered `<main>` says `data-ready="false"`: only the app's own `<main>` is ready.

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Drops Yew's server-side component markers (`<!--<[…]>-->`, `<!--</[…]>-->`).
fn without_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The skip link and the `<header>` of the rendered shell.
#[must_use]
pub fn header_of(html: &str) -> Option<String> {
    let html = without_markers(html);
    let skip = html.find("<a href=\"#scene\"")?;
    let end = html.find("</header>")? + "</header>".len();
    (skip < end).then(|| html[skip..end].to_owned())
}

/// The scene's `<main>` from its start through the intro paragraph, with every element
/// left open there closed again.
#[must_use]
pub fn scene_opening_of(html: &str) -> Option<String> {
    let html = without_markers(html);
    let start = html.find("<main ")?;
    let intro = start + html[start..].find("class=\"ww-scene-intro\"")?;
    let end = intro + html[intro..].find("</p>")? + "</p>".len();
    let mut piece = html[start..end].replacen("data-ready=\"true\"", "data-ready=\"false\"", 1);
    for tag in open_elements(&piece)?.iter().rev() {
        piece.push_str("</");
        piece.push_str(tag);
        piece.push('>');
    }
    Some(piece)
}

/// The scene's whole `<main>`, for scenes whose default page the build pre-renders in
/// full (see `FULL` in `examples/prepaint.rs`).
#[must_use]
pub fn scene_main_of(html: &str) -> Option<String> {
    let html = without_markers(html);
    let start = html.find("<main ")?;
    let end = start + html[start..].find("</main>")? + "</main>".len();
    let piece = html[start..end].replacen("data-ready=\"true\"", "data-ready=\"false\"", 1);
    open_elements(&piece)?.is_empty().then_some(piece)
}

/// The elements opened and not yet closed at the end of `html` (outermost first), or
/// `None` when a closing tag does not match.
fn open_elements(html: &str) -> Option<Vec<String>> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop()? != name.trim() {
                return None;
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        stack.push(name);
    }
    Some(stack)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = concat!(
        "<!--<[wirewalk::app::Shell]>--><div class=\"ww-app\"><a href=\"#scene\" class=\"ww-skip\">Skip</a>",
        "<header class=\"ww-header\"><nav><a href=\"#/tcp\">TCP</a></nav></header>",
        "<main id=\"scene\" data-ready=\"true\"><!--<[Scene]>--><div class=\"ww-tcp\"><div class=\"head\">",
        "<h1 id=\"scene-title\">Title</h1><input type=\"text\"><p class=\"ww-scene-intro\">Intro <b>x</b></p>",
        "<p>more</p></div></div><!--</[Scene]>--></main></div>"
    );

    #[test]
    fn header_is_the_skip_link_and_the_header_without_markers() {
        assert_eq!(
            header_of(PAGE).as_deref(),
            Some(concat!(
                "<a href=\"#scene\" class=\"ww-skip\">Skip</a>",
                "<header class=\"ww-header\"><nav><a href=\"#/tcp\">TCP</a></nav></header>"
            ))
        );
    }

    #[test]
    fn opening_stops_after_the_intro_and_closes_what_is_open() {
        assert_eq!(
            scene_opening_of(PAGE).as_deref(),
            Some(concat!(
                "<main id=\"scene\" data-ready=\"false\"><div class=\"ww-tcp\"><div class=\"head\">",
                "<h1 id=\"scene-title\">Title</h1><input type=\"text\"><p class=\"ww-scene-intro\">Intro <b>x</b></p>",
                "</div></div></main>"
            ))
        );
    }

    #[test]
    fn the_whole_main_is_cut_out_when_it_is_balanced() {
        let main = scene_main_of(PAGE).unwrap_or_default();
        assert!(main.starts_with("<main id=\"scene\" data-ready=\"false\"><div class=\"ww-tcp\">"));
        assert!(main.ends_with("<p>more</p></div></div></main>"));
        assert!(!main.contains("<!--"));
        assert_eq!(scene_main_of("<main id=x><div></main>"), None);
    }

    #[test]
    fn pages_without_the_markup_give_none() {
        assert_eq!(header_of("<main></main>"), None);
        assert_eq!(scene_opening_of("<main id=x><p>no intro</p></main>"), None);
        assert_eq!(open_elements("<div></span>"), None);
    }
}
