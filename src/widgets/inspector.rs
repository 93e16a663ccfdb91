//! The frame inspector: a field tree by layer (like Wireshark's details pane) beside a
//! hex dump with offsets and ASCII. Hovering or focusing a field lights its bytes, and
//! hovering or moving the cursor onto a byte lights the field it belongs to.
//!
//! Beyond Wireshark's tree it explains: bit fields bit by bit (`.... ..1.`), what each
//! checksum covers (the TCP/UDP pseudo-header included, recomputed from the frame's
//! bytes by [`crate::widgets::frame_bytes`]) with a verified mark, a MAC split into vendor (OUI) and serial with its I/G and
//! U/L bits, and an IPv4 address dotted and in binary.
//!
//! The tree is a real `role="tree"`: one item in the tab order (roving tabindex), ↑/↓ move,
//! → opens or goes to the first child, ← closes or goes to the parent, Home/End, Enter or
//! Space opens/closes. The hex dump is one tab stop whose ←/→/↑/↓ move a byte cursor that
//! is announced. Lit bytes are outlined and bold, not only coloured.

mod tree;

use crate::i18n::{lookup, sentence_gap, t, t_dyn, tf, Lang};
use crate::widgets::frame_bytes::{
    bit_pattern, breakable, coverage, field_at, ipv4_binary, mac_parts, value_bytes,
};
use crate::widgets::narrow::use_narrow;
use std::collections::BTreeSet;
use std::ops::Range;
use tree::{field_key, focus_in, layer_key, tree_key, visible_nodes, TreeMove};
use wirewalk_engine::trace::Frame;
use wirewalk_engine::wire::{fmt_ipv4, AnnotatedFrame, Field};
use yew::prelude::*;

/// Props of the inspector.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct InspectorProps {
    /// Display language.
    pub lang: Lang,
    /// The frame shown.
    pub frame: Frame,
    /// Layers to mark as the current topic (e.g. `["ip"]` in the encapsulation scene).
    #[prop_or_default]
    pub focus: Vec<String>,
}

/// The inspector under a ladder: a titled section (`title_id` labels it) with the frame
/// picked on the ladder, or the hint to pick one.
pub fn inspector_section(
    lang: Lang,
    title_id: &'static str,
    title_key: &'static str,
    frame: Option<&Frame>,
) -> Html {
    html! {
        <section class="ww-tcp-inspector" aria-labelledby={title_id}>
            <h2 id={title_id}>{ t(lang, title_key) }</h2>
            if let Some(f) = frame {
                <Inspector {lang} frame={f.clone()} />
            } else {
                <p class="ww-inspector-empty">{ t(lang, "scene.tcp.inspector.hint") }</p>
            }
        </section>
    }
}

/// A field's note: what the field means and, beside a frame this app's stack produced,
/// what that stack puts there (the `<key>.here` message, e.g. "smoltcp sends 64"). A
/// loaded capture (`captured`) was never produced by it: it gets the general note only.
/// `None` for a field with no note.
#[must_use]
pub fn field_note(lang: Lang, key: &str, captured: bool) -> Option<String> {
    let general = lookup(lang, key)?;
    let here = if captured {
        None
    } else {
        lookup(lang, &format!("{key}.here"))
    };
    Some(match here {
        None => general.to_owned(),
        Some(h) => format!("{general}{}{h}", sentence_gap(lang)),
    })
}

/// What is lit: byte ranges, the field (tree key) they came from, and whether it is a
/// checksum's coverage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Lit {
    ranges: Vec<Range<usize>>,
    key: Option<String>,
    cover: bool,
}

impl Lit {
    fn field(f: &Field) -> Lit {
        Lit {
            ranges: std::iter::once(value_bytes(f)).collect(),
            key: Some(field_key(f)),
            cover: false,
        }
    }
    fn has(&self, o: usize) -> bool {
        self.ranges.iter().any(|r| r.contains(&o))
    }
}

struct Ctx<'a> {
    lang: Lang,
    a: &'a AnnotatedFrame,
    bytes: &'a [u8],
    lit: &'a UseStateHandle<Lit>,
    active: &'a UseStateHandle<Option<String>>,
    closed: &'a UseStateHandle<BTreeSet<String>>,
    tab_key: String,
}

fn bits_view(lang: Lang, f: &Field, bytes: &[u8]) -> Html {
    let pattern = bit_pattern(f, bytes);
    if pattern.is_empty() {
        return Html::default();
    }
    let label: String = pattern
        .iter()
        .map(|b| b.map_or('.', |v| if v == 1 { '1' } else { '0' }))
        .collect();
    html! {
        <span class="ww-bitpat" aria-label={tf(lang, "scene.encapsulation.insp.bits", &[&label])}>
            { for pattern.iter().enumerate().map(|(i, b)| html! {
                <>
                    if i > 0 && i % 4 == 0 { <span class="ww-bitgap" aria-hidden="true">{ " " }</span> }
                    <span class={classes!("ww-bit", b.map(|_| "is-in"), (*b == Some(1)).then_some("is-one"))} aria-hidden="true">
                        { b.map_or_else(|| ".".to_owned(), |v| v.to_string()) }
                    </span>
                </>
            }) }
        </span>
    }
}

fn explain(ctx: &Ctx<'_>, f: &Field) -> Html {
    let lang = ctx.lang;
    let raw = ctx.bytes.get(f.offset..f.offset + f.len).unwrap_or(&[]);
    match f.id.as_str() {
        "eth.dst" | "eth.src" => {
            let Some(m) = mac_parts(raw) else {
                return Html::default();
            };
            if m.broadcast {
                // All 48 bits are 1: no vendor number, no serial, no choice of U/L.
                return html! {
                    <div class="ww-explain ww-mac" data-explain="mac">
                        <span class="ww-mac-part is-broadcast">{ t(lang, "scene.encapsulation.insp.mac_all_ones") }</span>
                    </div>
                };
            }
            let cast = if m.group {
                "scene.encapsulation.insp.mac_multicast"
            } else {
                "scene.encapsulation.insp.mac_unicast"
            };
            let admin = if m.local {
                "scene.encapsulation.insp.mac_local"
            } else {
                "scene.encapsulation.insp.mac_global"
            };
            html! {
                <div class="ww-explain ww-mac" data-explain="mac">
                    <span class="ww-mac-part is-oui"><b>{ &m.oui }</b>{ t(lang, "scene.encapsulation.insp.mac_oui") }</span>
                    <span class="ww-mac-part is-serial"><b>{ &m.serial }</b>{ t(lang, "scene.encapsulation.insp.mac_serial") }</span>
                    <span class="ww-mac-bit" data-bit="ig">{ tf(lang, "scene.encapsulation.insp.mac_ig", &[if m.group { "1" } else { "0" }, t(lang, cast)]) }</span>
                    <span class="ww-mac-bit" data-bit="lg">{ tf(lang, "scene.encapsulation.insp.mac_lg", &[if m.local { "1" } else { "0" }, t(lang, admin)]) }</span>
                </div>
            }
        }
        "ip.src" | "ip.dst" if raw.len() == 4 => {
            // The binary address is one box: it goes to the next line whole where it fits
            // there, and breaks between octets only where it does not ("11000000.10101000."
            // ended one line and "00000001.00001010" began the next beside the sentence).
            let text = tf(
                lang,
                "scene.encapsulation.insp.ipv4_binary",
                &[&f.show, "\u{1}"],
            );
            let (before, after) = text.split_once('\u{1}').unwrap_or((text.as_str(), ""));
            html! {
                <div class="ww-explain ww-ipbin" data-explain="ipv4">
                    { before }<span class="ww-ipbin-value">{ breakable(&ipv4_binary(raw)).into_owned() }</span>{ after }
                </div>
            }
        }
        "ip.checksum" | "tcp.checksum" | "udp.checksum" => {
            let Some(c) = coverage(ctx.a, ctx.bytes, &f.id) else {
                return Html::default();
            };
            let lit = ctx.lit.clone();
            let on = {
                let v = Lit {
                    ranges: c.ranges.clone(),
                    key: Some(field_key(f)),
                    cover: true,
                };
                Callback::from(move |_: MouseEvent| lit.set(v.clone()))
            };
            let on_focus = {
                let lit = ctx.lit.clone();
                let v = Lit {
                    ranges: c.ranges.clone(),
                    key: Some(field_key(f)),
                    cover: true,
                };
                Callback::from(move |e: FocusEvent| {
                    e.stop_propagation();
                    lit.set(v.clone());
                })
            };
            let what = match &c.pseudo {
                None => tf(
                    lang,
                    "scene.encapsulation.insp.cover_ip",
                    &[&c.ranges[0].start.to_string(), &c.ranges[0].end.to_string()],
                ),
                Some(_) => tf(
                    lang,
                    "scene.encapsulation.insp.cover_l4",
                    &[&c.ranges[2].start.to_string(), &c.ranges[2].end.to_string()],
                ),
            };
            html! {
                <div class="ww-explain ww-cover" data-explain="checksum">
                    <button type="button" class="ww-cover-btn" onmouseenter={on} onfocus={on_focus}>{ t(lang, "scene.encapsulation.insp.cover_show") }</button>
                    <span>{ what }</span>
                    if let Some(p) = c.pseudo {
                        <span class="ww-pseudo" data-pseudo={p.iter().map(|b| format!("{b:02x}")).collect::<String>()}>
                            { tf(lang, "scene.encapsulation.insp.pseudo", &[
                                &fmt_ipv4([p[0], p[1], p[2], p[3]]),
                                &fmt_ipv4([p[4], p[5], p[6], p[7]]),
                                &p[9].to_string(),
                                &u16::from_be_bytes([p[10], p[11]]).to_string(),
                            ]) }
                        </span>
                    }
                    <span class={classes!("ww-sum", (c.sum == 0xffff).then_some("is-ok"))}>
                        { tf(lang, "scene.encapsulation.insp.sum", &[&format!("0x{:04x}", c.sum)]) }
                    </span>
                </div>
            }
        }
        _ => Html::default(),
    }
}

fn field_rows(ctx: &Ctx<'_>, fields: &[Field], depth: usize) -> Html {
    let lang = ctx.lang;
    let verified = |f: &Field| -> Option<bool> {
        match f.id.as_str() {
            "ip.checksum" => ctx.a.summary.ip_checksum_ok,
            "tcp.checksum" | "udp.checksum" => ctx.a.summary.l4_checksum_ok,
            _ => None,
        }
    };
    html! {
        { for fields.iter().map(|f| {
            let key = field_key(f);
            let enter = {
                let lit = ctx.lit.clone();
                let v = Lit::field(f);
                Callback::from(move |_: MouseEvent| lit.set(v.clone()))
            };
            let focus = {
                let lit = ctx.lit.clone();
                let active = ctx.active.clone();
                let v = Lit::field(f);
                let key = key.clone();
                Callback::from(move |e: FocusEvent| {
                    e.stop_propagation();
                    lit.set(v.clone());
                    active.set(Some(key.clone()));
                })
            };
            let toggle = {
                let closed = ctx.closed.clone();
                let key = key.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut c = (*closed).clone();
                    if !c.remove(&key) { c.insert(key.clone()); }
                    closed.set(c);
                })
            };
            let meaning = field_note(lang, &f.meaning, ctx.a.summary.captured);
            let is_lit = ctx.lit.key.as_deref() == Some(key.as_str());
            let has_children = !f.children.is_empty();
            let open = has_children && !ctx.closed.contains(&key);
            html! {
                <li key={key.clone()} role="treeitem" data-key={key.clone()} tabindex={if ctx.tab_key == key { "0" } else { "-1" }}
                    aria-expanded={has_children.then_some(if open { "true" } else { "false" })}
                    aria-level={depth.to_string()}
                    class={classes!("ww-field", is_lit.then_some("is-lit"))} data-field={f.id.clone()} onfocus={focus}>
                    <span class="ww-field-row" onmouseenter={enter}>
                        if has_children {
                            <span class="ww-twisty" onclick={toggle} aria-hidden="true">
                                <svg viewBox="0 0 10 10" width="10" height="10"><path d={if open { "M1 3h8L5 8z" } else { "M3 1v8l5-4z" }} /></svg>
                            </span>
                        }
                        <code class="ww-field-id">{ &f.id }</code>
                        <span class="ww-field-show">{ breakable(&f.show).into_owned() }</span>
                        if let Some(ok) = verified(f) {
                            <span class={classes!("ww-check", if ok { "is-ok" } else if ctx.a.summary.captured { "is-offload" } else { "is-bad" })}>
                                { if ok { t(lang, "inspector.checksum_ok") } else if ctx.a.summary.captured { t(lang, "inspector.checksum_offload") } else { t(lang, "inspector.checksum_bad") } }
                            </span>
                        }
                        { bits_view(lang, f, ctx.bytes) }
                        <span class="ww-field-pos">{ { let r = value_bytes(f); format!("[{}..{}]", r.start, r.end) } }</span>
                        if let Some(meaning) = meaning {
                            <span class="ww-field-meaning">{ meaning }</span>
                        }
                        { explain(ctx, f) }
                    </span>
                    if open {
                        <ul role="group">{ field_rows(ctx, &f.children, depth + 1) }</ul>
                    }
                </li>
            }
        }) }
    }
}

/// The frame inspector.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let InspectorProps { lang, frame, focus } = props;
    let lang = *lang;
    let lit = use_state_eq(Lit::default);
    let active = use_state_eq(|| None::<String>);
    let closed = use_state_eq(BTreeSet::<String>::new);
    let cursor = use_state_eq(|| None::<usize>);
    // Bytes a hex row: 16, or 8 on a phone, where 16 would run off the pane.
    let per_row = if use_narrow() { 8 } else { 16 };
    let tree_ref = use_node_ref();
    let Some(a) = &frame.annotated else {
        return html! { <p class="ww-inspector-empty">{ t(lang, "scene.tcp.inspector.unparsed") }</p> };
    };
    let nodes = visible_nodes(a, &closed);
    let tab_key = active
        .as_ref()
        .filter(|k| nodes.iter().any(|n| &n.key == *k))
        .cloned()
        .or_else(|| nodes.first().map(|n| n.key.clone()))
        .unwrap_or_default();
    let on_tree_key = {
        let closed = closed.clone();
        let active = active.clone();
        let tree_ref = tree_ref.clone();
        let nodes = nodes.clone();
        let tab_key = tab_key.clone();
        Callback::from(move |e: KeyboardEvent| {
            let m = tree_key(&nodes, &closed, &tab_key, &e.key());
            if m == TreeMove::default() {
                return;
            }
            e.prevent_default();
            if let Some(k) = m.toggle {
                let mut c = (*closed).clone();
                if !c.remove(&k) {
                    c.insert(k);
                }
                closed.set(c);
            }
            if let Some(k) = m.focus {
                active.set(Some(k.clone()));
                focus_in(&tree_ref, &k);
            }
        })
    };
    let all_fields: Vec<Field> = a
        .layers()
        .iter()
        .flat_map(|l| l.fields.iter().cloned())
        .collect();
    let layer_of = |o: usize| {
        a.layers()
            .iter()
            .rev()
            .find(|l| o >= l.offset && o < l.offset + l.len)
            .map(|l| l.id.to_string())
    };
    let n = frame.bytes.len();
    let on_hex_key = {
        let cursor = cursor.clone();
        let lit = lit.clone();
        let all_fields = all_fields.clone();
        Callback::from(move |e: KeyboardEvent| {
            let cur = *cursor;
            let next = match (e.key().as_str(), cur) {
                (_, _) if n == 0 => return,
                ("ArrowRight", Some(c)) => (c + 1).min(n - 1),
                ("ArrowLeft", Some(c)) => c.saturating_sub(1),
                ("ArrowDown", Some(c)) => (c + per_row).min(n - 1),
                ("ArrowUp", Some(c)) => c.saturating_sub(per_row),
                ("Home", _) => 0,
                ("End", _) => n - 1,
                ("ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", None) => 0,
                _ => return,
            };
            e.prevent_default();
            cursor.set(Some(next));
            if let Some(f) = field_at(&all_fields, next) {
                lit.set(Lit::field(f));
            }
        })
    };
    let hex_status = cursor.and_then(|c| {
        let b = frame.bytes.get(c)?;
        let f = field_at(&all_fields, c)
            .map(|f| f.id.clone())
            .unwrap_or_default();
        Some(tf(
            lang,
            "scene.encapsulation.insp.byte",
            &[&format!("{c:04x}"), &format!("{b:02x}"), &f],
        ))
    });
    let hex_rows = frame.bytes.chunks(per_row).enumerate().map(|(r, chunk)| {
        let base = r * per_row;
        html! {
            <div key={r} class="ww-hex-row">
                <span class="ww-hex-off" aria-hidden="true">{ format!("{base:04x}") }</span>
                <span class="ww-hex-bytes">
                { for chunk.iter().enumerate().map(|(i, b)| {
                    let o = base + i;
                    let in_lit = lit.has(o);
                    let in_cover = in_lit && lit.cover;
                    let layer = layer_of(o);
                    let in_focus = layer.as_ref().is_some_and(|l| focus.contains(l));
                    let f = field_at(&all_fields, o).map(Lit::field);
                    let lit = lit.clone();
                    let enter = Callback::from(move |_: MouseEvent| if let Some(f) = &f { lit.set(f.clone()) });
                    html! {
                        <span key={i} class={classes!("ww-byte", layer.map(|l| format!("layer-{l}")), in_lit.then_some("is-lit"),
                                                       in_cover.then_some("is-cover"), in_focus.then_some("is-focus"),
                                                       (*cursor == Some(o)).then_some("is-cursor"))}
                              data-offset={o.to_string()} onmouseenter={enter}>{ format!("{b:02x}") }</span>
                    }
                }) }
                </span>
                <span class="ww-hex-ascii" aria-hidden="true">
                    { chunk.iter().map(|b| if b.is_ascii_graphic() || *b == b' ' { *b as char } else { '·' }).collect::<String>() }
                </span>
            </div>
        }
    });
    let ctx = Ctx {
        lang,
        a,
        bytes: &frame.bytes,
        lit: &lit,
        active: &active,
        closed: &closed,
        tab_key: tab_key.clone(),
    };
    let clear = {
        let lit = lit.clone();
        Callback::from(move |_: MouseEvent| lit.set(Lit::default()))
    };
    html! {
        <div class="ww-inspector" onmouseleave={clear}>
            <p class="ww-inspector-summary">
                { tf(lang, "inspector.summary", &[&(frame.index + 1).to_string(), &frame.bytes.len().to_string()]) }
                // Wireshark's own Info text is English in every language: its own element,
                // marked as English (fonts, screen readers, the zh typography checks).
                if lang == Lang::En { { " " } }
                <span class="ww-inspector-info" lang="en">{ &a.summary.info }</span>
            </p>
            <div class="ww-inspector-panes">
                <ul class="ww-tree" role="tree" aria-label={t(lang, "inspector.tree")} ref={tree_ref} onkeydown={on_tree_key}>
                    { for a.layers().iter().map(|l| {
                        let key = layer_key(l.id.as_str());
                        let open = !closed.contains(&key);
                        let on_focus = {
                            let active = active.clone();
                            let lit = lit.clone();
                            let key = key.clone();
                            let range = l.offset..l.offset + l.len;
                            Callback::from(move |e: FocusEvent| {
                                e.stop_propagation();
                                active.set(Some(key.clone()));
                                lit.set(Lit { ranges: std::iter::once(range.clone()).collect(), key: Some(key.clone()), cover: false });
                            })
                        };
                        let toggle = {
                            let closed = closed.clone();
                            let key = key.clone();
                            Callback::from(move |_: MouseEvent| {
                                let mut c = (*closed).clone();
                                if !c.remove(&key) { c.insert(key.clone()); }
                                closed.set(c);
                            })
                        };
                        html! {
                            <li key={key.clone()} role="treeitem" data-key={key.clone()} aria-level="1"
                                tabindex={if tab_key == key { "0" } else { "-1" }} aria-expanded={if open { "true" } else { "false" }}
                                onfocus={on_focus}
                                class={classes!("ww-layer", format!("layer-{}", l.id), focus.iter().any(|f| f == l.id.as_str()).then_some("is-focus"))}>
                                <span class="ww-layer-name" onclick={toggle}>
                                    <span class="ww-twisty" aria-hidden="true">
                                        <svg viewBox="0 0 10 10" width="10" height="10"><path d={if open { "M1 3h8L5 8z" } else { "M3 1v8l5-4z" }} /></svg>
                                    </span>
                                    { t_dyn(lang, &format!("layer.{}", l.id)) }
                                    <span class="ww-field-pos">{ format!(" [{}..{}]", l.offset, l.offset + l.len) }</span>
                                </span>
                                if open {
                                    <ul role="group">{ field_rows(&ctx, &l.fields, 2) }</ul>
                                }
                            </li>
                        }
                    }) }
                </ul>
                <div class="ww-hex-wrap">
                    <div class={classes!("ww-hex", (per_row == 8).then_some("is-narrow"))} role="group" tabindex="0" aria-label={t(lang, "inspector.hex")}
                         aria-describedby="ww-hex-help" onkeydown={on_hex_key}>{ for hex_rows }</div>
                    <p id="ww-hex-help" class="ww-hex-help">
                        <span class="ww-for-keys">{ t(lang, "scene.encapsulation.insp.hex_help") }</span>
                        <span class="ww-for-touch">{ t(lang, "scene.encapsulation.insp.hex_help_touch") }</span>
                    </p>
                    <p class="ww-hex-status" aria-live="polite">{ hex_status.unwrap_or_default() }</p>
                </div>
            </div>
        </div>
    }
}
