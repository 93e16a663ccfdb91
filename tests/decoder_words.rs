//! The words the app builds at run time from the decoder's output keep the typography of
//! the i18n tables: every frame of every scenario, rendered in the inspector (field tree,
//! notes, MAC and address breakdowns, checksum coverage) and as a frame label (ladder,
//! frame lists, narration), in zh and en. The tables' own check (tests/wording.rs) cannot
//! see a `format!` join or a value from the engine put into a template.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/inspector.rs"]
mod inspector;
#[path = "support/typography.rs"]
mod typography;

use inspector::render;
use typography::{
    ascii_punctuation_in_chinese_sentence, ascii_punctuation_touching_chinese,
    operator_may_start_a_line, space_after_full_width_mark, symbol_after_full_width_mark,
};
use wirewalk::i18n::Lang;
use wirewalk::widgets::frame_text::frame_label;
use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::trace::Trace;

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The words of rendered HTML a reader meets: each text node and each `aria-label` /
/// `title` value. Elements marked `lang="en"` (Wireshark's own Info text) are English in
/// every language: their text is left out.
fn words(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    // Depth of open elements inside a `lang="en"` element (0: outside).
    let mut english = 0usize;
    while let Some(open) = rest.find('<') {
        let text = unescape(&rest[..open]);
        if english == 0 && !text.trim().is_empty() {
            out.push(text);
        }
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c);
        let tag = &rest[open + 1..close];
        for attr in ["aria-label=\"", "title=\""] {
            if let Some(a) = tag.find(attr) {
                let v = &tag[a + attr.len()..];
                out.push(unescape(&v[..v.find('"').unwrap_or(v.len())]));
            }
        }
        let void = tag.ends_with('/') || tag.starts_with("!--");
        if tag.starts_with('/') {
            english = english.saturating_sub(1);
        } else if !void && (english > 0 || tag.contains("lang=\"en\"")) {
            english += 1;
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    if !rest.trim().is_empty() {
        out.push(unescape(rest));
    }
    out
}

/// English count nouns after the number one ("Padding (1 bytes)").
fn plural_after_one(text: &str) -> Vec<String> {
    let nouns = ["bytes", "bits", "frames", "segments", "times", "octets"];
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|p| chars.get(p));
        if c != '1' || before.is_some_and(|b| b.is_ascii_alphanumeric() || *b == '.') {
            continue;
        }
        let after: String = chars[i + 1..].iter().take(12).collect();
        let Some(word) = after.strip_prefix([' ', '\u{a0}']) else {
            continue;
        };
        if nouns.iter().any(|n| {
            word.starts_with(n)
                && !word[n.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        }) {
            found.push(
                chars[i.saturating_sub(10)..(i + 9).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

/// Problems of one piece of text in `lang`.
fn problems(lang: Lang, text: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for c in operator_may_start_a_line(text) {
        bad.push(format!("a line may start with the operator …{c}…"));
    }
    match lang {
        Lang::Zh => {
            for c in ascii_punctuation_touching_chinese(text) {
                bad.push(format!("ASCII mark next to Chinese …{c}…"));
            }
            for c in ascii_punctuation_in_chinese_sentence(text) {
                bad.push(format!("ASCII mark in a Chinese sentence …{c}…"));
            }
            for c in space_after_full_width_mark(text) {
                bad.push(format!("space after a full-width mark …{c}…"));
            }
            for c in symbol_after_full_width_mark(text) {
                bad.push(format!("symbol after a full-width mark …{c}…"));
            }
        }
        Lang::En => {
            for c in plural_after_one(text) {
                bad.push(format!("plural after one …{c}…"));
            }
        }
    }
    bad
}

/// Every named scenario's trace, and the storm with the loop's cable pulled.
fn traces() -> Vec<(String, Trace)> {
    let mut out: Vec<(String, Trace)> = ScenarioName::ALL
        .iter()
        .map(|n| {
            let name = n.as_str();
            (
                name.to_owned(),
                wirewalk_engine::run(&Scenario::named(name).unwrap()).unwrap(),
            )
        })
        .collect();
    let mut pulled = Scenario::named("storm").unwrap();
    pulled.set("storm.pulled", "true").unwrap();
    out.push((
        "storm pulled".to_owned(),
        wirewalk_engine::run(&pulled).unwrap(),
    ));
    out
}

#[tokio::test]
async fn decoded_frames_read_well_in_both_languages() {
    let mut bad = Vec::new();
    let mut frames = 0;
    for (name, trace) in traces() {
        // A storm repeats the same few frames: the first 60 of each trace show every kind.
        for f in trace.frames.iter().take(60) {
            frames += 1;
            for lang in Lang::ALL {
                let mut texts = words(&render(lang, f).await);
                texts.push(frame_label(f, lang));
                for text in texts {
                    for p in problems(lang, &text) {
                        bad.push(format!("{name} frame {} {lang:?}: {p}", f.index + 1));
                    }
                }
            }
        }
    }
    assert!(frames > 150, "only {frames} frames checked");
    bad.sort();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_checks_catch_planted_mistakes() {
    assert_eq!(
        words("<p>第 1 帧：<span lang=\"en\">Who <b>has</b> 1.2.3.4? Tell</span> 好</p>"),
        vec!["第 1 帧：", " 好"]
    );
    assert_eq!(
        words("<g aria-label=\"谁有 1.1.1.1?\"><br/>x &amp; y</g>"),
        vec!["谁有 1.1.1.1?", "x & y"]
    );
    assert_eq!(
        problems(Lang::Zh, "ARP 请求：谁有 10.0.0.1? 请告诉").len(),
        1
    );
    assert_eq!(problems(Lang::Zh, "Info 列: SYN").len(), 1);
    assert_eq!(problems(Lang::Zh, "端口 8001。 请求").len(), 1);
    assert_eq!(problems(Lang::En, "Padding (1 bytes)").len(), 1);
    assert_eq!(problems(Lang::En, "1\u{a0}bits").len(), 1);
    for fine in ["Padding (11 bytes)", "1 byte", "10.0.0.1 bytes", "x1 bytes"] {
        assert!(problems(Lang::En, fine).is_empty(), "{fine}");
    }
}
