//! Every message key written in the app's source exists in the catalogue (in both
//! languages: the catalogue's own test checks that).

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use wirewalk::i18n::{all_messages, TABLES};

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// String literals of the form `"prefix.rest"` where `prefix` is a namespace the
/// catalogue uses (`scene`, `notice`, …).
fn key_literals(src: &str, prefixes: &BTreeSet<&str>) -> Vec<String> {
    let mut keys = Vec::new();
    for part in src.split('"').skip(1).step_by(2) {
        let Some((head, rest)) = part.split_once('.') else {
            continue;
        };
        let looks_like_key = !rest.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
        if looks_like_key && prefixes.contains(head) {
            keys.push(part.to_owned());
        }
    }
    keys
}

#[test]
fn every_key_in_the_source_is_in_the_catalogue() {
    let all = all_messages;
    let prefixes: BTreeSet<&str> = all().filter_map(|m| m.key.split('.').next()).collect();
    let known: BTreeSet<&str> = all().map(|m| m.key).collect();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 5, "found only {files:?}");
    let mut missing = Vec::new();
    let mut used = 0;
    for f in files.iter().filter(|f| {
        !TABLES
            .iter()
            .any(|(name, _)| f.ends_with(format!("i18n/{name}")))
    }) {
        let src = std::fs::read_to_string(f).expect("read source");
        for k in key_literals(&src, &prefixes) {
            used += 1;
            if !known.contains(k.as_str()) {
                missing.push(format!("{}: {k}", f.display()));
            }
        }
    }
    assert!(
        used > 20,
        "the scan found only {used} keys: is it still finding them?"
    );
    assert!(
        missing.is_empty(),
        "keys missing from the catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_scanner_finds_a_missing_key() {
    let prefixes: BTreeSet<&str> = ["scene"].into_iter().collect();
    let found = key_literals(
        r#"t(lang, "scene.nope.title") + "Scene.x" + "a.b""#,
        &prefixes,
    );
    assert_eq!(found, vec!["scene.nope.title".to_owned()]);
}
