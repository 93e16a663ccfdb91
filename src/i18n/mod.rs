//! The one i18n layer: every visible word goes through [`t`] or [`tf`].
//!
//! One catalogue, kept as a few sorted tables so each part of the app owns its
//! words: the shell (`catalogue.rs`), the engine's keys (`engine.rs`),
//! the shared widgets' (`widgets.rs`), and one table per scene. Each scene's wasm
//! bundle holds the first three and its scene's tables only ([`register_scene_tables`]). Tests check that every table is sorted, that no key is
//! in two tables, that every key has both languages, and that every key used in the
//! source exists.
//!
//! The text is not in the browser's wasm: there a [`Msg`] is its key only, and the
//! running bundle's words arrive as one strings file per language ([`strings`]), written
//! at build time from these same tables, in the same key order. Only the few
//! [`resident::RESIDENT`] words (the panic overlay, the strings file's own errors) keep
//! their text everywhere. Natively (tests, the pre-render, the strings files' writer), and
//! in a wasm built with the `inline-text` feature (the browser component tests), every
//! message has its text.

pub mod addresses;
pub mod architecture;
pub mod capture_scene;
mod catalogue;
pub mod encapsulation;
mod engine;
pub mod lan;
pub mod layers;
pub mod narration;
pub mod playground;
pub mod quiz;
pub mod resident;
pub mod strings;
pub mod tcp;
mod widgets;

pub use catalogue::CATALOGUE;
pub use engine::{error_message, ENGINE_MESSAGES};

/// The tables every bundle has ([`crate::bundle`]): the shell (with
/// every scene's navigation label and title), the engine's words, and the shared widgets'.
pub static SHELL_TABLES: &[(&str, &[Msg])] = &[
    ("catalogue.rs", CATALOGUE),
    ("engine.rs", ENGINE_MESSAGES),
    ("widgets.rs", widgets::MESSAGES),
];

/// Every scene's table: a bundle holds those of its scenes ([`register_scene_tables`]).
pub static SCENE_TABLES: &[(&str, &[Msg])] = &[
    ("layers.rs", layers::MESSAGES),
    ("encapsulation.rs", encapsulation::MESSAGES),
    ("lan.rs", lan::MESSAGES),
    ("architecture.rs", architecture::MESSAGES),
    ("addresses.rs", addresses::MESSAGES),
    ("playground.rs", playground::MESSAGES),
    ("quiz.rs", quiz::MESSAGES),
    ("capture_scene.rs", capture_scene::MESSAGES),
    ("tcp.rs", tcp::MESSAGES),
    ("narration.rs", narration::MESSAGES),
];

/// Every table of the catalogue, with its name (for test messages); natively, where a
/// resident word is a [`Msg`] too, the resident table first.
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
pub static TABLES: &[(&str, &[Msg])] = &[
    ("resident.rs", resident::RESIDENT),
    ("catalogue.rs", CATALOGUE),
    ("engine.rs", ENGINE_MESSAGES),
    ("widgets.rs", widgets::MESSAGES),
    ("layers.rs", layers::MESSAGES),
    ("encapsulation.rs", encapsulation::MESSAGES),
    ("lan.rs", lan::MESSAGES),
    ("architecture.rs", architecture::MESSAGES),
    ("addresses.rs", addresses::MESSAGES),
    ("playground.rs", playground::MESSAGES),
    ("quiz.rs", quiz::MESSAGES),
    ("capture_scene.rs", capture_scene::MESSAGES),
    ("tcp.rs", tcp::MESSAGES),
    ("narration.rs", narration::MESSAGES),
];

static REGISTERED: OnceLock<&'static [(&'static str, &'static [Msg])]> = OnceLock::new();

/// Makes `tables` the scene tables [`lookup`] searches after [`SHELL_TABLES`] (the running
/// bundle's); the first call wins. Before any call: every scene table natively, none in
/// the browser (so no bin links words it did not ask for).
pub fn register_scene_tables(tables: &'static [(&'static str, &'static [Msg])]) {
    let _first = REGISTERED.set(tables);
}

fn scene_tables() -> &'static [(&'static str, &'static [Msg])] {
    #[cfg(not(target_arch = "wasm32"))]
    let unregistered = SCENE_TABLES;
    #[cfg(target_arch = "wasm32")]
    let unregistered: &'static [(&'static str, &'static [Msg])] = &[];
    REGISTERED.get().copied().unwrap_or(unregistered)
}

/// Every message of every table.
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
pub fn all_messages() -> impl Iterator<Item = &'static Msg> {
    TABLES.iter().flat_map(|(_, t)| t.iter())
}
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// 简体中文 — the course's language and the default for Chinese browsers.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, in switch order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The code used in URLs and storage (`zh`, `en`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The other language.
    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    #[must_use]
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a URL/storage code; also accepts browser tags such as `zh-CN` or `en-GB`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in a browser's preference list (`navigator.languages`),
    /// or English when none is supported (zh is the default only when the browser prefers it).
    #[must_use]
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or(Lang::En)
    }
}

/// A message with its text in both languages: every catalogue entry natively, and the
/// [`resident::RESIDENT`] words everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Dotted key, e.g. `nav.label`.
    pub key: &'static str,
    /// Simplified Chinese text.
    pub zh: &'static str,
    /// English text.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// One catalogue entry, with its text (natively, and with the `inline-text` feature).
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
pub type Msg = Text;

/// One catalogue entry in the browser: its key only; the text is in the bundle's strings
/// file ([`strings`]), so the wasm does not carry it.
#[cfg(all(target_arch = "wasm32", not(feature = "inline-text")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    /// Dotted key, e.g. `nav.label`.
    pub key: &'static str,
}

/// Makes a catalogue entry; in the browser the text is dropped at compile time (the
/// tables are statics, so the literals are never linked).
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
pub(crate) const fn m(key: &'static str, zh: &'static str, en: &'static str) -> Msg {
    Text { key, zh, en }
}

/// Makes a catalogue entry; in the browser the text is dropped at compile time (the
/// tables are statics, so the literals are never linked).
#[cfg(all(target_arch = "wasm32", not(feature = "inline-text")))]
pub(crate) const fn m(key: &'static str, _zh: &'static str, _en: &'static str) -> Msg {
    Msg { key }
}

/// The running bundle's tables in the order of its strings file: the shell's, then its
/// scene tables ([`register_scene_tables`]; natively every table).
pub fn bundle_tables() -> impl Iterator<Item = &'static [Msg]> + Clone {
    SHELL_TABLES
        .iter()
        .chain(scene_tables())
        .map(|(_, table)| *table)
}

/// Looks a key up in the resident words, the shell's tables and the running bundle's
/// scene tables ([`register_scene_tables`]; natively every table); `None` when none has
/// it, or when its text is in a strings file not loaded yet ([`strings`]).
#[must_use]
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    if let Ok(i) = resident::RESIDENT.binary_search_by(|m| m.key.cmp(key)) {
        return resident::RESIDENT.get(i).map(|m| m.get(lang));
    }
    let mut offset = 0;
    for table in bundle_tables() {
        if let Ok(i) = table.binary_search_by(|m| m.key.cmp(key)) {
            return text_of(lang, table.get(i)?, offset + i);
        }
        offset += table.len();
    }
    None
}

#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
fn text_of(lang: Lang, m: &Msg, _index: usize) -> Option<&'static str> {
    Some(m.get(lang))
}

#[cfg(all(target_arch = "wasm32", not(feature = "inline-text")))]
fn text_of(lang: Lang, _m: &Msg, index: usize) -> Option<&'static str> {
    strings::text(lang, index)
}

/// The message for `key` in `lang`. A missing key shows the key itself (and fails the
/// catalogue test), never a blank.
#[must_use]
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

/// Like [`t`] for a key computed at run time (e.g. a note key from the engine).
#[must_use]
pub fn t_dyn(lang: Lang, key: &str) -> String {
    lookup(lang, key).map_or_else(|| key.to_owned(), str::to_owned)
}

/// What goes between two sentences the app puts side by side: a space in English, none
/// in Chinese (a sentence ends in "。" and the next follows at once).
#[must_use]
pub fn sentence_gap(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "",
        Lang::En => " ",
    }
}

/// The message for `key` with `{0}`, `{1}`, … replaced by `args`.
#[must_use]
pub fn tf(lang: Lang, key: &'static str, args: &[&str]) -> String {
    fill(t(lang, key), args)
}

/// Replaces `{0}`, `{1}`, … in `template` with `args`, in one pass: braces inside an
/// argument (a user's value) are left as they are.
///
/// A template's space between a Chinese character and a placeholder is dropped when the
/// value put there starts (or ends) with a Chinese character too: "{0} 的" reads
/// "服务端的", yet "PC1 的" keeps its space. Spaces inside a value are never touched.
#[must_use]
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // Whether `out` ends with a space that the template (not a value) put there.
    let mut template_space = false;
    while let Some(open) = rest.find('{') {
        let text = &rest[..open];
        out.push_str(text);
        if !text.is_empty() {
            template_space = text.ends_with(' ');
        }
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let i: usize = after[..close].parse().ok()?;
            Some((args.get(i)?, close))
        });
        match arg {
            Some((a, close)) => {
                if template_space
                    && a.chars().next().is_some_and(is_cjk)
                    && out[..out.len() - 1].chars().next_back().is_some_and(is_cjk)
                {
                    out.pop();
                }
                out.push_str(a);
                rest = &after[close + 1..];
                if *a == "1" {
                    if let Some(n) = singular_noun(rest) {
                        out.push_str(&rest[..n]);
                        rest = &rest[n + 1..];
                    }
                }
                let mut chars = rest.chars();
                if a.chars().next_back().is_some_and(is_cjk)
                    && chars.next() == Some(' ')
                    && chars.next().is_some_and(is_cjk)
                {
                    rest = &rest[1..];
                }
                template_space = false;
            }
            None => {
                out.push('{');
                rest = after;
                template_space = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// English count nouns a template writes after a number (`{0} bytes`): after the value
/// `1` they lose their `s` ("1 byte"). Chinese has no plural, so zh templates never match.
const COUNT_NOUNS: &[&str] = &[
    "bytes", "bits", "frames", "segments", "packets", "times", "steps", "seconds", "ports",
    "hosts", "hops", "octets", "answers",
];

/// When `rest` (the template after a value) starts with a space (or no-break space) and a
/// plural count noun, the byte length up to the noun's final `s`.
fn singular_noun(rest: &str) -> Option<usize> {
    let gap = [" ", "\u{a0}"].iter().find(|g| rest.starts_with(**g))?;
    let word_at = gap.len();
    let noun = COUNT_NOUNS.iter().find(|n| {
        rest[word_at..].starts_with(**n)
            && !rest[word_at + n.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    })?;
    Some(word_at + noun.len() - 1)
}

/// A Chinese character or full-width mark (between two of these a space is never wanted).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Longest user-supplied value a message echoes back, in characters.
pub const ECHO_MAX: usize = 40;

/// Cuts a user-supplied value to [`ECHO_MAX`] characters (then `…`) for a message.
#[must_use]
pub fn echo(s: &str) -> String {
    match s.char_indices().nth(ECHO_MAX) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

// The tests read the text, so they need it compiled in.
#[cfg(all(test, any(not(target_arch = "wasm32"), feature = "inline-text")))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_placeholder_once_and_leaves_user_braces_alone() {
        assert_eq!(fill("{0} < {1}", &["a", "b"]), "a < b");
        assert_eq!(fill("{0} and {1}", &["{1}", "x"]), "{1} and x");
        assert_eq!(fill("{0}{0}", &["ab"]), "abab");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("值:{0}。", &["é"]), "值:é。");
    }

    #[test]
    fn one_of_a_count_noun_is_singular() {
        assert_eq!(fill("Padding ({0} bytes)", &["1"]), "Padding (1 byte)");
        assert_eq!(fill("{0}\u{a0}bits", &["1"]), "1\u{a0}bit");
        assert_eq!(
            fill("{0} frames, {1} bytes", &["1", "12"]),
            "1 frame, 12 bytes"
        );
        assert_eq!(fill("{0} bytes", &["11"]), "11 bytes");
        assert_eq!(fill("{0} bytesize", &["1"]), "1 bytesize");
        assert_eq!(fill("{0} 字节", &["1"]), "1 字节");
    }

    #[test]
    fn no_space_between_chinese_words_but_latin_keeps_its_space() {
        assert_eq!(
            fill("{0} 的 {1}() 返回", &["服务端", "recv"]),
            "服务端的 recv() 返回"
        );
        assert_eq!(fill("{0} 的 TCP 状态", &["PC1"]), "PC1 的 TCP 状态");
        assert_eq!(fill("交换机 {0} 记下", &["甲"]), "交换机甲记下");
        assert_eq!(fill("交换机 {0} 记下", &["2"]), "交换机 2 记下");
        // A value's own spaces are its own.
        assert_eq!(fill("内容：{0}", &["你 好"]), "内容：你 好");
        assert_eq!(fill("{0} 调用", &["服务端 "]), "服务端  调用");
        assert_eq!(fill("{0}{1} 的", &["a ", "客户端"]), "a 客户端的");
        // English templates have no Chinese beside a placeholder.
        assert_eq!(
            fill("{0} called {1}", &["服务端", "recv"]),
            "服务端 called recv"
        );
    }

    #[test]
    fn echoes_are_cut_to_a_bounded_length() {
        assert_eq!(echo("short"), "short");
        let long = "界".repeat(100);
        let e = echo(&long);
        assert_eq!(e.chars().count(), ECHO_MAX + 1);
        assert!(e.ends_with('…'));
        assert_eq!(echo(&"a".repeat(ECHO_MAX)), "a".repeat(ECHO_MAX));
    }

    #[test]
    fn lang_codes_round_trip_and_browser_tags_parse() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("zh-TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn preferences_pick_first_supported_and_fall_back_to_english() {
        assert_eq!(Lang::from_preferences(["fr-FR", "zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["en-US", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de", "ja"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{0} = {1}; again {0}", &["a", "b"]), "a = b; again a");
        assert!(tf(Lang::En, "notice.unknown_key", &["foo"]).contains("foo"));
    }

    #[test]
    fn catalogue_is_sorted_unique_and_complete() {
        for &(name, table) in TABLES {
            for pair in table.windows(2) {
                assert!(
                    pair[0].key < pair[1].key,
                    "{name} not sorted/unique at {:?} then {:?}",
                    pair[0].key,
                    pair[1].key
                );
            }
            for m in table {
                assert!(!m.zh.trim().is_empty(), "{} lacks zh", m.key);
                assert!(!m.en.trim().is_empty(), "{} lacks en", m.key);
                // Placeholders must match between the languages.
                for i in 0..4 {
                    let p = format!("{{{i}}}");
                    assert_eq!(
                        m.zh.contains(&p),
                        m.en.contains(&p),
                        "{} placeholder {p}",
                        m.key
                    );
                }
                assert_eq!(
                    lookup(Lang::Zh, m.key),
                    Some(m.zh),
                    "{} not found by lookup",
                    m.key
                );
                assert_eq!(
                    lookup(Lang::En, m.key),
                    Some(m.en),
                    "{} not found by lookup",
                    m.key
                );
            }
        }
        let mut seen = std::collections::BTreeMap::new();
        for &(name, table) in TABLES {
            for m in table {
                if let Some(other) = seen.insert(m.key, name) {
                    panic!("{} is in both {other} and {name}", m.key);
                }
            }
        }
    }

    #[test]
    fn a_missing_key_is_visible_not_blank() {
        assert_eq!(t(Lang::Zh, "no.such.key"), "no.such.key");
        assert_eq!(lookup(Lang::En, "no.such.key"), None);
    }
}
