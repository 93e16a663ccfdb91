//! Values stay whole when a line wraps (issue 16): in every message, a range's en dash
//! between numbers (`0–1023`, `{1}–{2}`) is joined to both numbers by word joiners
//! (U+2060), and a number keeps its unit or its `×` by a no-break space (U+00A0):
//! `64 KB`, `{0} ms`, `4.3 × 10⁹`. A browser may otherwise end a line after the dash
//! ("0–" / "1023") or at the space ("4.3" / "× 10⁹", "159" / "MB").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/typography.rs"]
mod typography;

use typography::operator_may_start_a_line;
use wirewalk::i18n::{Lang, TABLES};

/// A digit (superscripts too) or the close of a placeholder.
fn is_num_end(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '}')
}

/// The places in `s` where a line could split a value: `[(what, around)]`.
fn splits(s: &str) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = s.chars().collect();
    let around = |i: usize| {
        chars[i.saturating_sub(6)..(i + 7).min(chars.len())]
            .iter()
            .collect::<String>()
    };
    let mut out = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        let (a, c, b) = (chars[i - 1], chars[i], chars[i + 1]);
        if c == '–' && is_num_end(a) && (b.is_ascii_digit() || b == '{') {
            out.push(("range dash not joined", around(i)));
        }
        if c == ' ' && is_num_end(a) {
            let word: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '×' || **c == 'µ')
                .collect();
            if ["×", "MB", "KB", "GB", "bit", "bits", "ms", "µs", "Mbps"].contains(&word.as_str())
            {
                out.push(("number and unit split at a space", around(i)));
            }
        }
        if c == ' '
            && a == '×'
            && (b.is_ascii_digit() || b == '{')
            && i >= 2
            && chars[i - 2] == '\u{a0}'
        {
            out.push(("× and number split at a space", around(i)));
        }
    }
    out
}

#[test]
fn no_message_lets_a_line_split_a_value() {
    let mut found = Vec::new();
    for (table, msgs) in TABLES {
        for m in *msgs {
            for lang in [Lang::Zh, Lang::En] {
                for (what, at) in splits(m.get(lang)) {
                    found.push(format!("{table} {} ({lang:?}): {what}: «{at}»", m.key));
                }
                for at in operator_may_start_a_line(m.get(lang)) {
                    found.push(format!(
                        "{table} {} ({lang:?}): line may start with the operator: «{at}»",
                        m.key
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_each_kind_of_split() {
    assert_eq!(splits("知名端口 0–1023").len(), 1);
    assert_eq!(splits("use {1}–{2}.").len(), 1);
    assert_eq!(splits("exceed 64 KB;").len(), 1);
    assert_eq!(splits("≈ 4.3 × 10⁹").len(), 1);
    assert_eq!(splits("{0}\u{a0}ms").len(), 0);
    assert_eq!(
        splits("0\u{2060}–\u{2060}1023; 4.3\u{a0}×\u{a0}10⁹").len(),
        0
    );
    assert_eq!(
        operator_may_start_a_line("C = the client's state, A → B").len(),
        2
    );
    assert!(operator_may_start_a_line("C\u{a0}= the client's state, x=1, A\u{a0}→ B").is_empty());
    // Words that only start like a unit, and dashes between words, are left alone.
    assert_eq!(splits("3 bitsy 5 msgs a–b").len(), 0);
}

/// Chinese terms that a drawing's caption must not split across two lines ("路由/器",
/// "数/据报", "交/换机" under the LAN drawings).
const ZH_TERMS: &[&str] = &[
    "路由器",
    "交换机",
    "集线器",
    "服务器",
    "服务端",
    "客户端",
    "数据报",
    "数据包",
    "报文段",
    "网关",
    "网卡",
    "主机",
    "广播",
    "单播",
    "端口",
    "协议栈",
    "时间片",
];

/// The captions beside or under a drawing: the LAN lessons, the storm chart's and the
/// router's notes, the state diagram's caption and the signal's note. Running text
/// elsewhere may break between any two Chinese characters, as Chinese is typeset.
fn is_caption(key: &str) -> bool {
    [
        "scene.lan.lesson.",
        "scene.lan.storm.",
        "scene.lan.router.",
        "scene.encapsulation.bits.",
    ]
    .iter()
    .any(|p| key.starts_with(p))
        || key == "scene.tcp.sd.caption"
}

/// The terms of `ZH_TERMS` in `s` that a line may split: some pair of their neighbouring
/// characters is not held together by a word joiner (U+2060).
fn split_terms(s: &str) -> Vec<&'static str> {
    // Each character, and whether a word joiner holds it to the next one.
    let mut chars: Vec<(char, bool)> = Vec::new();
    for c in s.chars() {
        match (c, chars.last_mut()) {
            ('\u{2060}', Some(last)) => last.1 = true,
            _ => chars.push((c, false)),
        }
    }
    let mut out = Vec::new();
    for term in ZH_TERMS {
        let t: Vec<char> = term.chars().collect();
        for w in chars.windows(t.len()) {
            if w.iter().map(|x| x.0).eq(t.iter().copied()) && !w[..t.len() - 1].iter().all(|x| x.1)
            {
                out.push(*term);
            }
        }
    }
    out
}

#[test]
fn drawing_captions_keep_chinese_terms_whole() {
    let mut found = Vec::new();
    for (table, msgs) in TABLES {
        for m in msgs.iter().filter(|m| is_caption(m.key)) {
            for term in split_terms(m.get(Lang::Zh)) {
                found.push(format!("{table} {}: «{term}» may split", m.key));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_term_check_sees_a_term_without_joiners() {
    assert_eq!(split_terms("交给网关（路由器）"), ["路由器", "网关"]);
    assert_eq!(
        split_terms("交给网\u{2060}关（路\u{2060}由器）"),
        ["路由器"]
    );
    assert!(split_terms("交给网\u{2060}关（路\u{2060}由\u{2060}器）").is_empty());
    assert!(split_terms("路由").is_empty());
}
