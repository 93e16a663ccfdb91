//! The engine's module graph has no cycle, and every module imports only layers below it
//! (docs/ARCHITECTURE.md): wire → trace → capture → net → program → python → scenario → narrate → lib.
//! Read with the same reader as the app's `tests/structure.rs`.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/support/module_graph.rs"]
mod module_graph;

use std::path::Path;

use module_graph::{explain, find_cycle, read, Graph};

/// The engine's top-level modules, bottom layer first. A module may import modules of an
/// earlier entry, and its own top-level module; modules in one entry may not import each
/// other. `crate` is `lib.rs` (run, to_json, to_pcap).
const LAYERS: &[&[&str]] = &[
    &["wire"],
    &["trace", "pcap"],
    &["capture"],
    &["net"],
    &["program"],
    &["python"],
    &["scenario"],
    &["narrate"],
    &["json"],
    &["crate"],
    &["job"],
];

fn engine() -> Graph {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top(module)))
}

#[test]
fn the_reader_sees_the_engine() {
    let g = engine();
    for m in [
        "wire::tcp",
        "trace",
        "net::host",
        "program",
        "scenario::topology",
        "narrate",
    ] {
        assert!(g.modules.contains_key(m), "module {m} not found");
    }
    let has = |from: &str, to: &str| g.edges.iter().any(|e| e.from == from && e.to == to);
    // `use crate::trace::{…}` in net/host.rs, `use crate::net::{HostApp, HostCtx}` in the runner.
    assert!(has("net::host", "trace"));
    assert!(has("program::runner", "net"));
}

#[test]
fn no_module_imports_in_a_cycle() {
    let g = engine();
    if let Some(cycle) = find_cycle(&g) {
        panic!("an import cycle in the engine:\n{}", explain(&g, &cycle));
    }
}

#[test]
fn every_module_imports_only_lower_layers() {
    let g = engine();
    let mut wrong = Vec::new();
    for e in &g.edges {
        if top(&e.from) == top(&e.to) {
            continue;
        }
        match (layer_of(&e.from), layer_of(&e.to)) {
            (Some(a), Some(b)) if b < a => {}
            _ => wrong.push(format!("{} → {} ({}:{})", e.from, e.to, e.file, e.line)),
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}
