//! The app's module graph: no import cycles, and every import points down the layers of
//! `docs/ARCHITECTURE.md` (platform → i18n → widgets → player → scenes → route → state → app).

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/module_graph.rs"]
mod module_graph;

use module_graph::{explain, find_cycle, read, Graph};
use std::path::Path;

fn app() -> Graph {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// The layer a module belongs to: (rank, unit). Imports go to a lower rank, or stay in
/// the same unit. Each scene is its own unit, so scenes cannot import each other; they
/// share `scenes` (the scene list and page props) and `scenes::params`, one rank lower.
fn layer(module: &str) -> Option<(u8, String)> {
    let top = module.split("::").next().unwrap_or(module);
    let unit = |rank: u8, name: &str| Some((rank, name.to_owned()));
    match top {
        "platform" => unit(0, "platform"),
        "i18n" => unit(1, "i18n"),
        // Engine jobs run in the tools worker (or directly, natively).
        "tools" => unit(1, "tools"),
        "widgets" => unit(2, "widgets"),
        "player" => unit(3, "player"),
        "scenes" => match module.split("::").nth(1) {
            None | Some("params") | Some("predict") => unit(4, "scenes (shared)"),
            Some(scene) => unit(5, &format!("scenes::{scene}")),
        },
        "route" => unit(6, "route"),
        "state" => unit(7, "state"),
        "app" => unit(8, "app"),
        // Build time only (native): cuts the pre-rendered first paint out of the shell's
        // server-side rendering; imports nothing of ours.
        "prepaint" => unit(8, "prepaint"),
        // Which scenes and tables a wasm holds: registers them in `scenes` and `i18n`.
        "bundle" => unit(9, "bundle"),
        "crate" => unit(9, "crate"),
        _ => None,
    }
}

#[test]
fn the_reader_sees_the_imports_that_are_there() {
    let g = app();
    for m in [
        "app",
        "state",
        "route",
        "platform",
        "scenes",
        "scenes::tcp::model",
    ] {
        assert!(g.modules.contains_key(m), "module {m} not found");
    }
    let has = |from: &str, to: &str| g.edges.iter().any(|e| e.from == from && e.to == to);
    // `use crate::state::{Action, AppState};` in app.rs.
    assert!(has("app", "state"));
    // `use crate::route::{Route, Theme, UrlProblem};` in state.rs.
    assert!(has("state", "route"));
    // `use super::PageProps;` from a scene to its parent.
    assert!(has("scenes::tcp", "scenes"));
    // A parent naming its own children is ownership, not an edge.
    assert!(!has("scenes", "scenes::tcp"));
}

#[test]
fn the_app_has_no_import_cycle() {
    let g = app();
    if let Some(c) = find_cycle(&g) {
        panic!("import cycle {}:\n{}", c.join(" → "), explain(&g, &c));
    }
}

#[test]
fn every_import_points_down_the_layers() {
    let g = app();
    let mut wrong = Vec::new();
    for m in g.modules.keys() {
        assert!(
            layer(m).is_some(),
            "module {m} has no layer: add it to layer() and to docs/ARCHITECTURE.md"
        );
    }
    for e in &g.edges {
        let (Some((rf, uf)), Some((rt, ut))) = (layer(&e.from), layer(&e.to)) else {
            continue;
        };
        if uf != ut && rt >= rf {
            wrong.push(format!(
                "  {} ({uf}) → {} ({ut}) at {}:{}",
                e.from, e.to, e.file, e.line
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways:\n{}",
        wrong.join("\n")
    );
}

/// Widgets that draw nothing: a scene's model may read frames through them.
const PURE_WIDGETS: [&str; 3] = [
    "widgets::frame_bytes",
    "widgets::frame_text",
    "widgets::num",
];

#[test]
fn a_model_never_imports_a_view() {
    let g = app();
    let wrong: Vec<String> = g
        .edges
        .iter()
        .filter(|e| e.from.ends_with("::model") || e.from.contains("::model::"))
        .filter(|e| e.to.starts_with("widgets") && !PURE_WIDGETS.contains(&e.to.as_str()))
        .map(|e| format!("  {} → {} at {}:{}", e.from, e.to, e.file, e.line))
        .collect();
    assert!(
        wrong.is_empty(),
        "models importing views:\n{}",
        wrong.join("\n")
    );
    assert!(g
        .edges
        .iter()
        .any(|e| e.from == "scenes::addresses::model" && e.to == "widgets::frame_bytes"));
}

/// Files a person can hold: no code file over 600 lines; message tables (`src/i18n/`)
/// are data and exempt.
#[test]
fn no_code_file_is_over_600_lines() {
    let g = app();
    let mut long = Vec::new();
    for (m, file) in &g.modules {
        if m == "i18n" || m.starts_with("i18n::") {
            continue;
        }
        let lines = std::fs::read_to_string(file).unwrap().lines().count();
        if lines > 600 {
            long.push(format!("  {} ({lines} lines)", file.display()));
        }
    }
    assert!(
        g.modules.len() > 20,
        "only {} modules found",
        g.modules.len()
    );
    assert!(
        long.is_empty(),
        "files over 600 lines:\n{}",
        long.join("\n")
    );
}

/// scripts/test.sh runs the wasm-bindgen tests with `--test web` only (linking every other
/// test target into a wasm of its own costs CI a minute and runs nothing), so a
/// wasm-bindgen test anywhere else would never run.
#[test]
fn every_wasm_test_lives_in_tests_web() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in ["src", "tests", "examples"] {
        walk(&root.join(d), &mut files);
    }
    let needle = concat!("wasm_bindgen", "_test");
    let with: Vec<_> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains(needle))
        .map(|f| f.strip_prefix(root).unwrap().to_path_buf())
        .collect();
    assert!(files.len() > 50, "only {} files found", files.len());
    assert_eq!(with, [Path::new("tests/web.rs")], "files with wasm tests");
}

/// The cycle finder itself, on a made-up crate: it must find a three-module loop, and
/// must not call a parent using its child a loop.
#[test]
fn the_cycle_finder_finds_a_cycle_and_only_a_cycle() {
    let dir = std::env::temp_dir().join(format!("ww-modgraph-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("a")).unwrap();
    let write = |p: &str, t: &str| std::fs::write(src.join(p), t).unwrap();
    write("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n");
    write("a/mod.rs", "pub mod kid;\nuse self::kid::X;\n");
    write(
        "a/kid.rs",
        "use super::Y; // child → parent\npub struct X;\n",
    );
    write("b.rs", "use crate::{a::kid::X as Z, c};\n");
    write(
        "c.rs",
        "// use crate::a; is a comment\nfn f() -> &'static str { \"crate::a\" }\n",
    );
    let g = read(&src);
    assert_eq!(find_cycle(&g), None, "{:?}", g.edges);
    assert!(g.edges.iter().any(|e| e.from == "b" && e.to == "a::kid"));
    assert!(g.edges.iter().any(|e| e.from == "b" && e.to == "c"));
    assert!(g.edges.iter().any(|e| e.from == "a::kid" && e.to == "a"));

    write(
        "c.rs",
        "mod tests {\n    use super::*;\n    fn g() { crate::b::h(); }\n}\n",
    );
    write("a/mod.rs", "pub mod kid;\npub fn f() { super::c::g(); }\n");
    write("b.rs", "use crate::a::kid::X;\n");
    let g = read(&src);
    let cycle = find_cycle(&g).expect("a → c → b → a::kid → a is a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 5, "{cycle:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
