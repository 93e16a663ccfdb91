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

/// The source files whose keys a one-scene bundle must hold: the scene's own files, its
/// `predict` panel when it uses one, and everything outside `src/scenes/` (shell, player,
/// widgets, platform) plus the scenes' shared `mod.rs` and `params.rs`.
fn bundle_sources(slug: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let scenes = src.join("scenes");
    let mut all = Vec::new();
    rust_files(&src, &mut all);
    let own: Vec<_> = all
        .iter()
        .filter(|f| f.starts_with(scenes.join(slug)) || **f == scenes.join(format!("{slug}.rs")))
        .cloned()
        .collect();
    assert!(!own.is_empty(), "no source for scene {slug}");
    let uses_predict = own
        .iter()
        .any(|f| std::fs::read_to_string(f).unwrap().contains("predict::"));
    all.into_iter()
        .filter(|f| {
            let in_scenes = f.starts_with(&scenes);
            let shared = *f == scenes.join("mod.rs") || *f == scenes.join("params.rs");
            let predict = f.starts_with(scenes.join("predict")) || *f == scenes.join("predict.rs");
            let table = f.starts_with(src.join("i18n"))
                && TABLES
                    .iter()
                    .any(|(name, _)| f.ends_with(format!("i18n/{name}")));
            !table && (!in_scenes || shared || own.contains(f) || (uses_predict && predict))
        })
        .collect()
}

#[test]
fn every_key_a_scene_bundle_asks_for_is_in_that_bundle() {
    use wirewalk::bundle::SCENE_BUNDLES;
    use wirewalk::i18n::SHELL_TABLES;
    let prefixes: BTreeSet<&str> = all_messages()
        .filter_map(|m| m.key.split('.').next())
        .collect();
    let mut missing = Vec::new();
    for bundle in SCENE_BUNDLES {
        let slug = bundle.pages[0].0.slug();
        // The resident words are in every build, with their text (i18n/resident.rs).
        let known: BTreeSet<&str> = SHELL_TABLES
            .iter()
            .chain(bundle.tables)
            .flat_map(|(_, t)| t.iter().map(|m| m.key))
            .chain(wirewalk::i18n::resident::RESIDENT.iter().map(|m| m.key))
            .collect();
        let mut used = 0;
        for f in bundle_sources(slug) {
            let src = std::fs::read_to_string(&f).unwrap();
            for k in key_literals(&src, &prefixes) {
                used += 1;
                if !known.contains(k.as_str()) {
                    missing.push(format!("bundle {}: {}: {k}", bundle.name, f.display()));
                }
            }
        }
        assert!(
            used > 20,
            "bundle {}: the scan found only {used} keys",
            bundle.name
        );
        // Keys built at run time (`format!("scene.x.seg.{}", id)`): the bundle must hold
        // some key under that prefix (the family lives in one table).
        for f in bundle_sources(slug) {
            let src = std::fs::read_to_string(&f).unwrap();
            for prefix in dynamic_key_prefixes(&src, &prefixes) {
                if !known.iter().any(|k| k.starts_with(&prefix)) {
                    missing.push(format!(
                        "bundle {}: {}: keys built as {prefix}…",
                        bundle.name,
                        f.display()
                    ));
                }
            }
        }
        // Keys a scene builds at run time (format!) are not literals: a scene's own table
        // holds only keys under its own `scene.<slug>.` (or the predict/playground ones),
        // so such a key is in the bundle whenever the table is.
        for (name, table) in bundle.tables {
            for m in table.iter() {
                let scene_key = m.key.starts_with(&format!("scene.{slug}."));
                let shared = ["predict.", "play."].iter().any(|p| m.key.starts_with(p));
                // The engine's narration words, shared by the scenes that narrate a trace
                // (every_bundle_that_narrates_holds_the_narration_words).
                let narration = *name == "narration.rs";
                assert!(
                    scene_key || shared || narration,
                    "bundle {}: {name} has {}",
                    bundle.name,
                    m.key
                );
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys a scene bundle asks for but lacks (it would show the raw key):\n{}",
        missing.join("\n")
    );
}

/// The fixed starts of keys built with `format!("prefix.{…}")`, e.g. `scene.x.seg.`.
fn dynamic_key_prefixes(src: &str, prefixes: &BTreeSet<&str>) -> Vec<String> {
    src.split("format!(\"")
        .skip(1)
        .filter_map(|rest| {
            let end = rest.find(['{', '"'])?;
            let prefix = &rest[..end];
            let keyish = rest[end..].starts_with('{')
                && prefix.contains('.')
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
            (keyish && prefixes.contains(prefix.split('.').next()?)).then(|| prefix.to_owned())
        })
        .collect()
}

#[test]
fn the_dynamic_key_scan_finds_built_keys() {
    let prefixes: BTreeSet<&str> = ["scene", "role"].into_iter().collect();
    let found = dynamic_key_prefixes(
        r#"t_dyn(lang, &format!("scene.x.seg.{}", id)); format!("role.{role}"); format!("{a}.b"); format!("wirewalk-{n}.pcap")"#,
        &prefixes,
    );
    assert_eq!(found, vec!["scene.x.seg.".to_owned(), "role.".to_owned()]);
}

#[test]
fn the_bundle_check_sees_a_scene_key_outside_its_bundle() {
    // The TCP bundle lacks the LAN scene's words: its check would catch a TCP source
    // asking for one.
    use wirewalk::bundle::TCP;
    use wirewalk::i18n::SHELL_TABLES;
    let lan_key = "scene.lan.diff.title";
    assert!(all_messages().any(|m| m.key == lan_key));
    assert!(!SHELL_TABLES
        .iter()
        .chain(TCP.tables)
        .any(|(_, t)| t.iter().any(|m| m.key == lan_key)));
}

/// What in a source shows the engine's narration words (`i18n/narration.rs`): a note event
/// matched for display, a TCP state's words, a run limit's, a program error's, a capture
/// error's message key. These keys come from the engine's enums at run time, so the
/// literal-key scan above cannot see them. (Types alone, like `TcpState` in the state
/// diagram's geometry or `CaptureError` in the tools' signatures, show no words.)
const NARRATION_MARKERS: &[&str] = &[
    "EventKind::Note",
    "format!(\"state.",
    "limit.as_str()",
    "ProgramError",
    ".message_key()",
];

/// The bundles whose sources show narration words.
fn narrating_bundles() -> BTreeSet<&'static str> {
    use wirewalk::bundle::SCENE_BUNDLES;
    SCENE_BUNDLES
        .iter()
        .filter(|b| {
            bundle_sources(b.pages[0].0.slug()).iter().any(|f| {
                let src = std::fs::read_to_string(f).unwrap();
                NARRATION_MARKERS.iter().any(|m| src.contains(m))
            })
        })
        .map(|b| b.name)
        .collect()
}

#[test]
fn every_bundle_that_narrates_holds_the_narration_words() {
    use wirewalk::bundle::SCENE_BUNDLES;
    let narrating = narrating_bundles();
    for b in SCENE_BUNDLES {
        let holds = b.tables.iter().any(|(name, _)| *name == "narration.rs");
        assert!(
            holds || !narrating.contains(b.name),
            "bundle {} shows notes, states, limits or program/capture errors but lacks i18n/narration.rs (src/bundle.rs)",
            b.name
        );
    }
    // The scan is not blind: the scenes that narrate a trace are seen, and the landing
    // page's (which shows frames, not notes) is not, so its bundle may go without.
    for name in ["tcp", "lan", "capture"] {
        assert!(narrating.contains(name), "the scan missed bundle {name}");
    }
    assert!(!narrating.contains("architecture"), "{narrating:?}");
}
