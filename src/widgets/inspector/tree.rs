//! The inspector's field tree as a keyboard widget: the visible nodes in order (children
//! of closed nodes left out) and what a key press does (move focus, open or close).

use std::collections::BTreeSet;
use wirewalk_engine::wire::{AnnotatedFrame, Field};
use yew::prelude::*;

/// A node of the tree in display order: its key, depth, parent and whether it has children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) key: String,
    pub(super) parent: Option<String>,
    pub(super) has_children: bool,
}

pub(super) fn layer_key(id: &str) -> String {
    format!("L:{id}")
}

pub(super) fn field_key(f: &Field) -> String {
    format!("F:{}@{}", f.id, f.offset)
}

/// The visible nodes (children of closed nodes left out), in order.
pub(super) fn visible_nodes(a: &AnnotatedFrame, closed: &BTreeSet<String>) -> Vec<Node> {
    fn walk(fields: &[Field], parent: &str, closed: &BTreeSet<String>, out: &mut Vec<Node>) {
        for f in fields {
            let key = field_key(f);
            out.push(Node {
                key: key.clone(),
                parent: Some(parent.to_owned()),
                has_children: !f.children.is_empty(),
            });
            if !closed.contains(&key) {
                walk(&f.children, &key, closed, out);
            }
        }
    }
    let mut out = Vec::new();
    for l in a.layers() {
        let key = layer_key(l.id.as_str());
        out.push(Node {
            key: key.clone(),
            parent: None,
            has_children: !l.fields.is_empty(),
        });
        if !closed.contains(&key) {
            walk(&l.fields, &key, closed, &mut out);
        }
    }
    out
}

/// What a tree key press does: the node to move to and a node to open or close.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct TreeMove {
    pub(super) focus: Option<String>,
    pub(super) toggle: Option<String>,
}

pub(super) fn tree_key(
    nodes: &[Node],
    closed: &BTreeSet<String>,
    active: &str,
    key: &str,
) -> TreeMove {
    let Some(i) = nodes.iter().position(|n| n.key == active) else {
        return TreeMove {
            focus: nodes.first().map(|n| n.key.clone()),
            toggle: None,
        };
    };
    let n = &nodes[i];
    let is_closed = closed.contains(&n.key);
    let to = |j: usize| TreeMove {
        focus: nodes.get(j).map(|n| n.key.clone()),
        toggle: None,
    };
    match key {
        "ArrowDown" => to((i + 1).min(nodes.len() - 1)),
        "ArrowUp" => to(i.saturating_sub(1)),
        "Home" => to(0),
        "End" => to(nodes.len() - 1),
        "ArrowRight" if n.has_children && is_closed => TreeMove {
            focus: None,
            toggle: Some(n.key.clone()),
        },
        "ArrowRight" if n.has_children => to(i + 1),
        "ArrowLeft" if n.has_children && !is_closed => TreeMove {
            focus: None,
            toggle: Some(n.key.clone()),
        },
        "ArrowLeft" => TreeMove {
            focus: n.parent.clone(),
            toggle: None,
        },
        "Enter" | " " if n.has_children => TreeMove {
            focus: None,
            toggle: Some(n.key.clone()),
        },
        _ => TreeMove::default(),
    }
}

#[cfg(target_arch = "wasm32")]
pub(super) fn focus_in(root: &NodeRef, key: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = root.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(item)) = el.query_selector(&format!("[data-key=\"{key}\"]")) {
        if let Ok(h) = item.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn focus_in(_root: &NodeRef, _key: &str) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::frame_bytes::tests::data_frame;
    use std::collections::BTreeMap;

    #[test]
    fn the_tree_moves_like_a_tree() {
        let fr = data_frame("tcp");
        let a = fr.annotated.as_ref().unwrap();
        let mut closed = BTreeSet::new();
        let nodes = visible_nodes(a, &closed);
        assert_eq!(nodes[0].key, "L:eth");
        assert_eq!(nodes[1].key, "F:eth.dst@0");
        let down = tree_key(&nodes, &closed, "L:eth", "ArrowDown");
        assert_eq!(down.focus.as_deref(), Some("F:eth.dst@0"));
        // ← on an open node closes it; ← on a leaf goes to its parent.
        let left = tree_key(&nodes, &closed, "L:eth", "ArrowLeft");
        assert_eq!(left.toggle.as_deref(), Some("L:eth"));
        closed.insert("L:eth".to_owned());
        let fewer = visible_nodes(a, &closed);
        assert_eq!(fewer[1].key, "L:ip");
        let right = tree_key(&fewer, &closed, "L:eth", "ArrowRight");
        assert_eq!(right.toggle.as_deref(), Some("L:eth"));
        let up = tree_key(&nodes, &BTreeSet::new(), "F:eth.type@12", "ArrowLeft");
        assert_eq!(up.focus.as_deref(), Some("L:eth"));
        let end = tree_key(&nodes, &BTreeSet::new(), "L:eth", "End");
        assert_eq!(end.focus, nodes.last().map(|n| n.key.clone()));
        let keys: BTreeMap<_, _> = nodes.iter().map(|n| (n.key.clone(), ())).collect();
        assert_eq!(keys.len(), nodes.len(), "keys are unique");
    }
}
