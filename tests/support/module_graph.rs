//! The `use` graph of a crate's modules, read from its source text, and a cycle finder.
//!
//! Shared by the app's and the engine's structure tests (`#[path]`-included), so both
//! crates are held to the same reading of "A imports B":
//! - every path that starts with `crate::`, `super::` or `self::` (in a `use` statement,
//!   brace groups expanded, or inline in code) is an edge from the module whose file
//!   it is written in to the longest module prefix of that path;
//! - a module naming one of its own descendants (`scenes/mod.rs` dispatching to
//!   `scenes::tcp`) is ownership, not a dependency, and makes no edge; the reverse
//!   direction (a child using its parent's items) does;
//! - comments are ignored; `mod tests { … }` blocks count like the rest of the file,
//!   with `super::` resolved from inside them.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One edge: `from` names `to` at `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    /// Importing module (`scenes::tcp`; the crate root is `crate`).
    pub from: String,
    /// Imported module.
    pub to: String,
    /// Where, for the failure message.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// The modules of a crate (by path, `crate` for the root) and the edges between them.
#[derive(Debug, Default)]
pub struct Graph {
    /// Module path → its source file.
    pub modules: BTreeMap<String, PathBuf>,
    /// Every edge found (deduplicated per module pair and line).
    pub edges: Vec<Edge>,
}

/// The module path of a source file under `src` (`lib.rs` → `crate`, `a/mod.rs` and
/// `a.rs` → `a`, `a/b.rs` → `a::b`); `None` for `main.rs` and `bin/` (other crates).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.first().map(String::as_str) == Some("bin") {
        return None;
    }
    let mut segs: Vec<String> = parts.clone();
    let last = segs.pop()?;
    match last.as_str() {
        "lib.rs" if segs.is_empty() => return Some("crate".into()),
        "main.rs" if segs.is_empty() => return None,
        "mod.rs" => {}
        other => segs.push(other.strip_suffix(".rs")?.to_owned()),
    }
    Some(segs.join("::"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Removes `//` and `/* */` comments and the contents of string and char literals, keeping
/// line breaks (so line numbers stay right).
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < b.len() && !(b[i] == '*' && b.get(i + 1) == Some(&'/')) {
                if b[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('#') || next == Some('"')) && !ident_before(&b, i) {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match b.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| b.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some('\n') => out.push('\n'),
                    _ => {}
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                if b.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\'') or a lifetime ('a): skip only the former.
            let close = if next == Some('\\') {
                (i + 2..(i + 12).min(b.len())).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(k) => {
                    out.push_str("' '");
                    i = k + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// Expands a `use` tree (`crate::a::{self, b::{c, d}}`, as [`tidy`] leaves it) into paths.
fn expand(tree: &str) -> Vec<String> {
    let Some(open) = tree.find('{') else {
        return vec![tree.to_owned()];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..]
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (k, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            if p == "self" {
                vec![prefix.trim_end_matches("::").to_owned()]
            } else {
                expand(&format!("{prefix}{p}"))
            }
        })
        .collect()
}

/// Resolves `segs` (starting with `crate`, `super` or `self`) written in module `here`
/// into an absolute path below the crate root (no leading `crate`).
fn absolute(here: &[String], segs: &[&str]) -> Option<Vec<String>> {
    let mut base: Vec<String>;
    let mut rest = segs;
    match segs.first()? {
        &"crate" => {
            base = Vec::new();
            rest = &segs[1..];
        }
        &"self" | &"super" => {
            base = here.to_vec();
            while let Some(&s) = rest.first() {
                match s {
                    "self" => {}
                    "super" => {
                        base.pop()?;
                    }
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    base.extend(rest.iter().map(|s| (*s).to_owned()));
    Some(base)
}

/// A `use` tree with whitespace collapsed: none around `::`, braces and commas, one
/// space elsewhere (`Foo as Bar`).
fn tidy(stmt: &str) -> String {
    let mut s = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in ["::", "{", "}", ","] {
        s = s.replace(&format!(" {p}"), p).replace(&format!("{p} "), p);
    }
    s
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Reads every module under `src` and the edges between them.
#[must_use]
pub fn read(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut g = Graph::default();
    for f in &files {
        if let Some(m) = module_of(src, f) {
            g.modules.insert(m, f.clone());
        }
    }
    let known: BTreeSet<String> = g.modules.keys().cloned().collect();
    let mut seen = BTreeSet::new();
    for (module, file) in &g.modules.clone() {
        let text = strip(&std::fs::read_to_string(file).unwrap_or_default());
        let file_module: Vec<String> = if module == "crate" {
            Vec::new()
        } else {
            module.split("::").map(str::to_owned).collect()
        };
        let shown = file
            .strip_prefix(src.parent().unwrap_or(src))
            .unwrap_or(file)
            .display()
            .to_string();
        for (line, path) in paths_with_lines(&text, &file_module) {
            // Longest known module prefix of the path.
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .map(|p| if p.is_empty() { "crate".to_owned() } else { p })
                .find(|p| known.contains(p));
            let Some(to) = target else { continue };
            let descendant =
                to == *module || module == "crate" || to.starts_with(&format!("{module}::"));
            if descendant {
                continue;
            }
            if seen.insert((module.clone(), to.clone(), line)) {
                g.edges.push(Edge {
                    from: module.clone(),
                    to,
                    file: shown.clone(),
                    line,
                });
            }
        }
    }
    g.edges.sort();
    g
}

/// Every `crate::`/`super::`/`self::` path in `text` (already stripped), made absolute,
/// with its line. Tracks inline `mod name {` blocks so `super::` resolves from inside them.
fn paths_with_lines(text: &str, file_module: &[String]) -> Vec<(usize, Vec<String>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    // Stack of (inline module name, brace depth at which it closes).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut i = 0;
    let word_at = |i: usize| -> String {
        chars[i..]
            .iter()
            .take_while(|c| is_ident_char(**c))
            .collect()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c == '{' {
            depth += 1;
            i += 1;
            continue;
        }
        if c == '}' {
            depth = depth.saturating_sub(1);
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            i += 1;
            continue;
        }
        if !is_ident_char(c) || (i > 0 && (is_ident_char(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let word = word_at(i);
        let here: Vec<String> = file_module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        if word == "mod" {
            // `mod name {` opens an inline module; `mod name;` declares a file.
            let mut j = i + 3;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let name = word_at(j);
            let mut k = j + name.len();
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            if !name.is_empty() && chars.get(k) == Some(&'{') {
                inline.push((name, depth));
                depth += 1;
                i = k + 1;
                continue;
            }
            i += 3;
            continue;
        }
        if word == "use" {
            // The whole statement up to `;`, whitespace removed, braces expanded.
            let end = (i..chars.len())
                .find(|&k| chars[k] == ';')
                .unwrap_or(chars.len());
            let stmt = tidy(&chars[i + 3..end].iter().collect::<String>());
            let stmt_line = line;
            for c in &chars[i..end] {
                if *c == '\n' {
                    line += 1;
                }
            }
            for p in expand(&stmt) {
                let p = p.split(" as ").next().unwrap_or(&p).to_owned();
                let segs: Vec<&str> = p.split("::").filter(|s| *s != "*").collect();
                if let Some(abs) = absolute(&here, &segs) {
                    out.push((stmt_line, abs));
                }
            }
            i = end;
            continue;
        }
        if matches!(word.as_str(), "crate" | "super" | "self") {
            // An inline path: words joined by `::`.
            let mut segs = vec![word.clone()];
            let mut j = i + word.len();
            while chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                let w = word_at(j + 2);
                if w.is_empty() {
                    break;
                }
                j += 2 + w.len();
                segs.push(w);
            }
            if segs.len() > 1 {
                let refs: Vec<&str> = segs.iter().map(String::as_str).collect();
                if let Some(abs) = absolute(&here, &refs) {
                    out.push((line, abs));
                }
            }
            i = j;
            continue;
        }
        i += word.len();
    }
    out
}

/// A cycle in the module graph, as the list of modules around it, if there is one.
#[must_use]
pub fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in &g.edges {
        next.entry(e.from.as_str())
            .or_default()
            .insert(e.to.as_str());
    }
    // Iterative depth-first search with colours: 0 new, 1 on the stack, 2 done.
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    for start in g.modules.keys() {
        if colour.get(start.as_str()).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(
            start.as_str(),
            next.get(start.as_str())
                .map(|s| s.iter().copied().collect())
                .unwrap_or_default(),
        )];
        colour.insert(start.as_str(), 1);
        while let Some((node, todo)) = stack.last_mut() {
            let node = *node;
            match todo.pop() {
                Some(n) => match colour.get(n).copied().unwrap_or(0) {
                    0 => {
                        colour.insert(n, 1);
                        let succ = next
                            .get(n)
                            .map(|s| s.iter().copied().collect())
                            .unwrap_or_default();
                        stack.push((n, succ));
                    }
                    1 => {
                        let from = stack.iter().position(|(m, _)| *m == n).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            stack[from..].iter().map(|(m, _)| (*m).to_owned()).collect();
                        cycle.push(n.to_owned());
                        return Some(cycle);
                    }
                    _ => {}
                },
                None => {
                    colour.insert(node, 2);
                    stack.pop();
                }
            }
        }
    }
    None
}

/// The edges that make up `cycle` (each step's first occurrence), for a readable failure.
#[must_use]
pub fn explain(g: &Graph, cycle: &[String]) -> String {
    cycle
        .windows(2)
        .map(|w| {
            let e = g.edges.iter().find(|e| e.from == w[0] && e.to == w[1]);
            match e {
                Some(e) => format!("  {} → {} ({}:{})", e.from, e.to, e.file, e.line),
                None => format!("  {} → {}", w[0], w[1]),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
