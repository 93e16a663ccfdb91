//! Strings files: one per bundle and language, fetched by the page instead of compiled
//! into its wasm.
//!
//! At build time `cargo run --example strings` (run by `scripts/bundles.mjs`) writes, for
//! every bundle ([`crate::bundle`]) and language, the text of the bundle's tables
//! ([`super::bundle_tables`]: the shell's, then its scene tables) one message per line,
//! in the tables' key order, after a header line:
//!
//! ```text
//! wirewalk-strings 1 <lang> <count> <checksum of the keys, 8 hex digits>
//! ```
//!
//! The wasm keeps the keys only; before it shows words in a language it checks that the
//! file has that language, as many lines as it has keys and the same [`checksum`] of
//! them (a file of another build or bundle is a [`StringsError::Mismatch`], shown, never
//! a panic), and keeps the file for the rest of the page's life. A key's text is then
//! the line at the key's position in the bundle ([`text`]).

use super::{Lang, Msg};
use std::sync::OnceLock;

/// The header's first word.
pub const MAGIC: &str = "wirewalk-strings";
/// The format's version (the header's second word).
pub const VERSION: &str = "1";

/// FNV-1a (32 bits) of the keys, each followed by a newline: changes when a key is
/// added, removed, renamed or moved.
#[must_use]
pub fn checksum<'a>(keys: impl IntoIterator<Item = &'a str>) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for key in keys {
        for &b in key.as_bytes().iter().chain(b"\n") {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// Why a strings file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringsError {
    /// The file could not be fetched (network, HTTP status); the detail is technical.
    Fetch {
        /// The language asked for.
        lang: Lang,
        /// What went wrong.
        detail: String,
    },
    /// The file is not this bundle's, in this language, of this build.
    Mismatch {
        /// The language asked for.
        lang: Lang,
        /// What did not match.
        detail: String,
    },
}

impl StringsError {
    /// The message in `shown` (a resident word: it needs no strings file).
    #[must_use]
    pub fn message(&self, shown: Lang) -> String {
        let t = |key| super::lookup(shown, key).unwrap_or(key);
        match self {
            StringsError::Fetch { lang, detail } => {
                let name = t(lang_name_key(*lang));
                super::fill(t("strings.error.fetch"), &[name, &super::echo(detail)])
            }
            StringsError::Mismatch { detail, .. } => {
                super::fill(t("strings.error.mismatch"), &[&super::echo(detail)])
            }
        }
    }
}

fn lang_name_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "strings.error.lang_name.zh",
        Lang::En => "strings.error.lang_name.en",
    }
}

/// The header line (without its newline) of a `lang` file for `tables`.
pub fn header<'a>(lang: Lang, tables: impl Iterator<Item = &'a [Msg]> + Clone) -> String {
    let count: usize = tables.clone().map(<[Msg]>::len).sum();
    let sum = checksum(tables.flat_map(|t| t.iter().map(|m| m.key)));
    format!("{MAGIC} {VERSION} {} {count} {sum:08x}", lang.code())
}

/// The strings file of `tables` in `lang` (build time). A message holding a newline
/// cannot be written (a test keeps every message on one line).
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
pub fn write<'a>(
    lang: Lang,
    tables: impl Iterator<Item = &'a [Msg]> + Clone,
) -> Result<String, String> {
    let mut out = header(lang, tables.clone());
    out.push('\n');
    for m in tables.flat_map(|t| t.iter()) {
        let text = m.get(lang);
        if text.contains(['\n', '\r']) {
            return Err(format!("{} holds a line break", m.key));
        }
        out.push_str(text);
        out.push('\n');
    }
    Ok(out)
}

/// Reads `text` as the `lang` strings file of `tables`: its lines, one per key, in order.
pub fn parse<'t, 'a>(
    lang: Lang,
    tables: impl Iterator<Item = &'a [Msg]> + Clone,
    text: &'t str,
) -> Result<Vec<&'t str>, StringsError> {
    let mismatch = |detail: String| StringsError::Mismatch { lang, detail };
    let expected = header(lang, tables.clone());
    let (head, body) = text.split_once('\n').unwrap_or((text, ""));
    if head != expected {
        return Err(mismatch(format!("{} ≠ {expected}", super::echo(head))));
    }
    let count: usize = tables.map(<[Msg]>::len).sum();
    let body = body.strip_suffix('\n').unwrap_or(body);
    let mut lines = Vec::with_capacity(count);
    for line in body.split('\n') {
        if lines.len() == count {
            return Err(mismatch(format!("more than {count} lines")));
        }
        lines.push(line);
    }
    if lines.len() != count || count == 0 {
        return Err(mismatch(format!("{} of {count} lines", lines.len())));
    }
    Ok(lines)
}

/// The loaded files' lines, per language ([`Lang::ALL`] order).
static LOADED: [OnceLock<Vec<&'static str>>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Vec<&'static str>> {
    match lang {
        Lang::Zh => &LOADED[0],
        Lang::En => &LOADED[1],
    }
}

/// Whether the words of `lang` can be shown (always, where the text is compiled in).
#[must_use]
pub fn loaded(lang: Lang) -> bool {
    cfg!(any(not(target_arch = "wasm32"), feature = "inline-text")) || slot(lang).get().is_some()
}

/// Checks `text` as the running bundle's `lang` file and keeps it for the page's life
/// (a language is kept once: at most two files per page).
pub fn install(lang: Lang, text: String) -> Result<(), StringsError> {
    if slot(lang).get().is_some() {
        return Ok(());
    }
    parse(lang, super::bundle_tables(), &text)?;
    // Checked: keep it. At most one file per language, so at most two leaks per page.
    let text: &'static str = Box::leak(text.into_boxed_str());
    let lines = parse(lang, super::bundle_tables(), text)?;
    let _first = slot(lang).set(lines);
    Ok(())
}

/// The line at `index` of the loaded `lang` file.
#[must_use]
pub fn text(lang: Lang, index: usize) -> Option<&'static str> {
    slot(lang).get().and_then(|lines| lines.get(index).copied())
}

/// Fetches (through the page's `wwStrings(lang)`, put there by the inline loader or the
/// one-file build) and installs the running bundle's `lang` file, unless it is loaded.
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang) -> Result<(), StringsError> {
    use wasm_bindgen::{JsCast, JsValue};
    if loaded(lang) {
        return Ok(());
    }
    let detail = |e: JsValue| {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_default()
    };
    let fetch = |detail: String| StringsError::Fetch { lang, detail };
    let promise = js::ww_strings(lang.code()).map_err(|e| fetch(detail(e)))?;
    let value = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| fetch(detail(e)))?;
    let text = value
        .as_string()
        .ok_or_else(|| fetch("not text".to_owned()))?;
    install(lang, text)
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The page's strings loader (`scripts/loader.js`, `scripts/onefile.mjs`): a
        /// promise of the running bundle's file in the language with this code.
        #[wasm_bindgen(catch, js_name = wwStrings)]
        pub fn ww_strings(lang: &str) -> Result<js_sys::Promise, JsValue>;
    }
}

#[cfg(all(test, any(not(target_arch = "wasm32"), feature = "inline-text")))]
mod tests {
    use super::*;
    #[test]
    fn errors_are_told_in_the_shown_language() {
        let e = StringsError::Fetch {
            lang: Lang::En,
            detail: "HTTP 404".to_owned(),
        };
        assert_eq!(
            e.message(Lang::Zh),
            "无法载入英文界面文字（HTTP 404）。请检查网络后再试；页面仍可继续使用。"
        );
        assert!(e
            .message(Lang::En)
            .starts_with("Could not load the English words (HTTP 404)"));
        let m = StringsError::Mismatch {
            lang: Lang::Zh,
            detail: "x".to_owned(),
        };
        assert!(m.message(Lang::En).contains("does not belong"));
    }
}
