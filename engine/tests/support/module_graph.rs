//! The `use` graph of a Rust crate's modules, read from its source files, and its cycles.
//!
//! Each file under `src/` is a module (`src/a/b.rs` and `src/a/b/mod.rs` are `a::b`; `lib.rs`
//! and `main.rs` are the root, `""`). A module depends on another when its text names it
//! by a path starting with `crate::`, `super::` or `self::` (in a `use`, braces expanded, or
//! inline in code); the path is resolved to the longest existing module. Comments are
//! skipped. Edges between a module and its own ancestors or descendants are containment,
//! not dependencies, and are left out. Standalone: any crate's tests may include it with
//! `#[path = ".../module_graph.rs"] mod module_graph;`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path → the modules it depends on.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `src`, as (module path, text). Binaries (`src/bin/`) are left out.
pub fn modules(src: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(src, src, &mut out);
    out.sort();
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "bin") && dir == root {
                continue;
            }
            walk(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((parts.join("::"), text));
        }
    }
}

/// The text without `//` comments (doc comments included) and string literals' contents.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_str && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str {
                kept.push(c);
            }
            prev = c;
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// Expand `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or(tree).trim().to_string()];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..].trim_end().trim_end_matches('}');
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// Every `crate::`/`super::`/`self::` path the code names.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` statements, braces expanded.
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before_ok = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let after = &rest[at + 4..];
        let Some(end) = after.find(';') else {
            break;
        };
        if before_ok {
            out.extend(expand(&after[..end].replace(['\n', ' '], "")));
        }
        rest = &after[end..];
    }
    // Inline paths anywhere.
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            let before_ok =
                at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            if before_ok {
                out.push(code[at..end].trim_end_matches(':').to_string());
            }
            from = end.max(at + 1);
        }
    }
    out
}

/// The module a path starting in module `here` names (the longest known module prefix).
fn resolve(here: &str, path: &str, known: &BTreeSet<String>) -> Option<String> {
    let mut base: Vec<&str> = if here.is_empty() {
        Vec::new()
    } else {
        here.split("::").collect()
    };
    let mut segs = path.split("::").filter(|s| !s.is_empty()).peekable();
    match segs.peek().copied() {
        Some("crate") => {
            base.clear();
            segs.next();
        }
        Some("self") => {
            segs.next();
        }
        Some("super") => {
            while segs.peek() == Some(&"super") {
                segs.next();
                base.pop();
            }
        }
        _ => return None,
    }
    let mut best = base.join("::");
    let mut cur = base;
    for s in segs {
        cur.push(s);
        let name = cur.join("::");
        if known.contains(&name) {
            best = name;
        } else {
            break;
        }
    }
    Some(best)
}

fn related(a: &str, b: &str) -> bool {
    let inside = |outer: &str, inner: &str| {
        outer.is_empty() || inner == outer || inner.starts_with(&format!("{outer}::"))
    };
    inside(a, b) || inside(b, a)
}

/// The dependency graph of the crate whose sources are in `src`.
pub fn graph(src: &Path) -> Graph {
    let mods = modules(src);
    let known: BTreeSet<String> = mods.iter().map(|(m, _)| m.clone()).collect();
    let mut g = Graph::new();
    for (m, text) in &mods {
        let deps = g.entry(m.clone()).or_default();
        for p in paths(&code_only(text)) {
            if let Some(to) = resolve(m, &p, &known) {
                if !related(m, &to) {
                    deps.insert(to);
                }
            }
        }
    }
    g
}

/// The graph with every module folded into its ancestor at `depth` path segments
/// (`depth` 1: `wire::tcp` counts as `wire`); edges inside one folded module are dropped.
pub fn fold(g: &Graph, depth: usize) -> Graph {
    let cut = |m: &str| m.split("::").take(depth).collect::<Vec<_>>().join("::");
    let mut out = Graph::new();
    for (m, deps) in g {
        let from = cut(m);
        let entry = out.entry(from.clone()).or_default();
        for d in deps {
            let to = cut(d);
            if to != from && !related(&from, &to) {
                entry.insert(to);
            }
        }
    }
    out
}

/// One cycle of `g` (its modules in order, the first repeated at the end), if any.
pub fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        g: &Graph,
        m: &str,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(m.to_string(), Mark::Open);
        stack.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            match marks.get(d).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == d).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(d.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(g, d, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(m.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for m in g.keys() {
        if marks.get(m).copied().unwrap_or(Mark::New) == Mark::New {
            let mut stack = Vec::new();
            if let Some(c) = visit(g, m, &mut marks, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}
