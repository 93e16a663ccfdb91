//! The engine's module graph has no cycle, and every module imports only layers below it
//! (docs/ARCHITECTURE.md): wire → trace → net → program → scenario → narrate → lib.

#[path = "support/module_graph.rs"]
mod module_graph;

use std::path::Path;

use module_graph::{find_cycle, fold, graph, Graph};

/// The engine's top-level modules, bottom layer first. A module may import only modules
/// of an earlier entry; modules in the same entry may not import each other.
const LAYERS: &[&[&str]] = &[
    &["wire"],
    &["trace", "pcap"],
    &["net"],
    &["program"],
    &["scenario"],
    &["narrate"],
    &["json"],
    &[""],
];

fn engine_graph() -> Graph {
    graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or_default();
    LAYERS.iter().position(|l| l.contains(&top))
}

#[test]
fn no_module_imports_in_a_cycle() {
    let g = engine_graph();
    assert!(
        g.contains_key("wire::tcp") && g.contains_key("scenario"),
        "{g:?}"
    );
    assert_eq!(find_cycle(&g), None, "a cycle among engine files");
    assert_eq!(
        find_cycle(&fold(&g, 1)),
        None,
        "a cycle among engine modules"
    );
}

#[test]
fn every_module_imports_only_lower_layers() {
    let g = fold(&engine_graph(), 1);
    let mut wrong = Vec::new();
    for (m, deps) in &g {
        let Some(lm) = layer_of(m) else {
            wrong.push(format!("{m} is in no layer"));
            continue;
        };
        for d in deps {
            match layer_of(d) {
                Some(ld) if ld < lm => {}
                _ => wrong.push(format!("{m} imports {d}")),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:#?}");
}

#[test]
fn the_checker_sees_a_cycle_and_an_upward_import() {
    // The same reader over a small crate written here: `a` ⇄ `b` through `super::` and a
    // braced `use crate::{…}`, and an inline `crate::c::f()` path.
    let dir = std::env::temp_dir().join(format!("wirewalk-modgraph-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("a")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a; mod b; mod c;\n").unwrap();
    std::fs::write(
        src.join("a/mod.rs"),
        "use super::b::B; // crate::c is a comment\n",
    )
    .unwrap();
    std::fs::write(
        src.join("b.rs"),
        "use crate::{a::{self}, x};\nfn f() { crate::c::f() }\n",
    )
    .unwrap();
    std::fs::write(src.join("c.rs"), "pub fn f() {}\n").unwrap();
    let g = graph(&src);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(g["a"].iter().collect::<Vec<_>>(), ["b"]);
    assert_eq!(g["b"].iter().collect::<Vec<_>>(), ["a", "c"]);
    let cycle = find_cycle(&g).expect("a ⇄ b");
    assert!(cycle.contains(&"a".to_string()) && cycle.contains(&"b".to_string()));
}
