//! The LAN scene's drawing: hosts, switches and the router placed for each view, the
//! cables with the frames on them at the cursor, and the pullable cable of the storm.

use super::model::{self, *};
use super::path::{fmt_n, pt, quad, rounded, Curve};
use crate::i18n::{t, tf, Lang};
use crate::widgets::num::fixed;
use wirewalk_engine::scenario::ScenarioName;
use wirewalk_engine::trace::{HostKind, Trace};
use yew::prelude::*;

/// How the topology is laid out: wide (desktop), upright (phones: hosts below what they
/// are cabled to, about one unit per CSS pixel), or the upright layout spread sideways
/// for a slide, whose box is wider than tall (the upright drawing, fitted to its height,
/// left about 110 px blank on each side of it at 960×540). `Across`: the wide layout in a
/// 4:3 slide, without the band above the switch (40 units, 60-90 px blank there at
/// 1024×768). `Broad`: the storm's slide in a large 16:9 frame (1280×720), wider still
/// and without the 18 units of nothing under the hosts' addresses: its box there is wider
/// than the slide drawing (79 px blank each side in en). Its box keeps one shape because
/// the storm's narration there keeps three lines' height (styles/present.css).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Wide,
    Upright,
    Slide,
    Across,
    Broad,
}

impl Shape {
    /// Whether the upright layout's placement and type apply (upright and slides).
    fn upright(self) -> bool {
        matches!(self, Shape::Upright | Shape::Slide | Shape::Broad)
    }
}

/// The slide layout's width for a scenario, and the margin its outermost nodes keep from
/// the sides (that of the upright layout, where their address lines just fit). The
/// router's stays upright: its box in a slide, beside the hop diff, is about square.
fn slide_width(trace: &Trace, shape: Shape) -> (f64, f64) {
    match model::scenario_of(trace).as_str() {
        "storm" if shape == Shape::Broad => (452.0, 64.0),
        "storm" => (400.0, 64.0),
        "router" => (300.0, 76.0),
        _ => (460.0, 66.0),
    }
}

/// The SVG's width: wide, upright (phones, about one unit per CSS pixel, so the same type
/// sizes stay readable; the nodes are re-laid out, never cut off) or slide.
fn width(trace: &Trace, shape: Shape) -> f64 {
    match shape {
        Shape::Wide | Shape::Across => 600.0,
        Shape::Upright => 300.0,
        Shape::Slide | Shape::Broad => slide_width(trace, shape).0,
    }
}

/// The SVG's height for a scenario.
fn height(trace: &Trace, shape: Shape) -> f64 {
    match (model::scenario_of(trace).as_str(), shape.upright()) {
        // Level with the hosts, the loop's cables bowing ±55 units and their counts
        // above and below, the pulled cable's ends and label under the switches: 12
        // units free at the top and 6 under the label (a 250-unit box left 50 blank above
        // and below, 80 px on a projector).
        ("storm", false) => 176.0,
        // The broad slide: the hosts' addresses end at 287 units (pulled cable or not).
        ("storm", true) if shape == Shape::Broad => 292.0,
        ("router", false) => 270.0,
        (_, false) => 296.0,
        ("storm", true) => 310.0,
        ("router", true) => 340.0,
        (_, true) => 400.0,
    }
}

/// Where a node sits. Upright layouts put the hosts below what they are cabled to, so a
/// cable enters a host from above and never crosses the addresses written under it; the
/// slide's spreads them sideways, its outermost nodes as far from the sides.
fn node_pos(trace: &Trace, name: &str, shape: Shape) -> (f64, f64) {
    if matches!(shape, Shape::Slide | Shape::Broad) {
        let (w, m) = slide_width(trace, shape);
        let (x, y) = node_pos(trace, name, Shape::Upright);
        return (m + (x - m) * (w - 2.0 * m) / (300.0 - 2.0 * m), y);
    }
    if shape == Shape::Upright {
        return match model::scenario_of(trace).as_str() {
            // Ports 1, 2, 3 left to right along the switch's lower edge: PC 2 below it,
            // PC 1 and PC 3 to the sides.
            "switch" => match (name, switch_port_of(trace, name).unwrap_or(0)) {
                ("switch", _) => (150.0, 48.0),
                (_, 0) => (66.0, 190.0),
                (_, 1) => (150.0, 318.0),
                _ => (234.0, 190.0),
            },
            "storm" => match name {
                "client" => (66.0, 236.0),
                "switch1" => (64.0, 80.0),
                "switch2" => (236.0, 80.0),
                _ => (234.0, 236.0),
            },
            _ => match name {
                "client" => (76.0, 262.0),
                "router" => (150.0, 140.0),
                _ => (224.0, 262.0),
            },
        };
    }
    match model::scenario_of(trace).as_str() {
        "switch" => {
            if name == "switch" {
                return (300.0, 62.0);
            }
            let port = switch_port_of(trace, name).unwrap_or(0) as f64;
            (100.0 + 200.0 * port, 222.0)
        }
        // The hosts' MAC addresses (17 characters, 123 units wide in 12-unit mono type)
        // are centred under them: 68 units in, they clear the sides (at 56 both ends'
        // first and last characters were cut off).
        "storm" => match name {
            "client" => (68.0, 85.0),
            "switch1" => (220.0, 85.0),
            "switch2" => (380.0, 85.0),
            _ => (532.0, 85.0),
        },
        _ => match name {
            "client" => (95.0, 150.0),
            "router" => (300.0, 150.0),
            _ => (505.0, 150.0),
        },
    }
}

/// A link's curve: straight, or bowed when two cables join the same pair of nodes.
fn link_curve(trace: &Trace, index: usize, shape: Shape) -> Curve {
    let l = &trace.links[index];
    let (a, b) = (
        cable_end(trace, &l.a, l.a_port, shape),
        cable_end(trace, &l.b, l.b_port, shape),
    );
    let twins: Vec<usize> = trace
        .links
        .iter()
        .filter(|m| (m.a == l.a && m.b == l.b) || (m.a == l.b && m.b == l.a))
        .map(|m| m.index)
        .collect();
    if twins.len() < 2 {
        return Curve { a, c: None, b };
    }
    let k = twins.iter().position(|&i| i == index).unwrap_or(0);
    // Bowed enough to leave the switches' boxes by their upper and lower edges, so the
    // port badges at both ends leave room between them for an envelope.
    let bow = if k == 0 { -110.0 } else { 110.0 };
    let c = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + bow);
    Curve { a, c: Some(c), b }
}

/// Where a cable plugs into node `name` on `port`: the node's centre, but the learning
/// switch's cables leave its lower edge side by side, port 1 on the left, so their port
/// badges sit in order and apart.
fn cable_end(trace: &Trace, name: &str, port: usize, shape: Shape) -> (f64, f64) {
    let p = node_pos(trace, name, shape);
    if model::scenario_of(trace) == ScenarioName::Switch && model::is_switch(trace, name) {
        (p.0 + (port.min(2) as f64 - 1.0) * 40.0, p.1 + 22.0)
    } else {
        p
    }
}

/// Radius of a port badge.
const PORT_R: f64 = 9.0;

/// Whether `p` is clear of the drawing of node `name` at `at` by `margin` units: a
/// switch's box (116 × 44), the router's circle (r 34), a host's screen and stand
/// (52 × 44 from 24 above its centre).
fn clear_of_node(trace: &Trace, name: &str, at: (f64, f64), p: (f64, f64), margin: f64) -> bool {
    let (dx, dy) = (p.0 - at.0, p.1 - at.1);
    match trace.hosts.iter().find(|h| h.name == name).map(|h| h.kind) {
        Some(HostKind::Switch) => dx.abs() > 58.0 + margin || dy.abs() > 22.0 + margin,
        Some(HostKind::Router) => dx.hypot(dy) > 34.0 + margin,
        _ => dx.abs() > 26.0 + margin || dy < -24.0 - margin || dy > 20.0 + margin,
    }
}

/// Whether node `name` wears a port badge on its cables (switches and the router).
fn has_ports(trace: &Trace, name: &str) -> bool {
    trace
        .hosts
        .iter()
        .any(|h| h.name == name && matches!(h.kind, HostKind::Switch | HostKind::Router))
}

/// Where on link `index` the port badge of its end `from_a` (true: `a`) sits: on the
/// cable, just outside the node's drawing (2 units between badge and node).
fn port_at(trace: &Trace, index: usize, from_a: bool, shape: Shape) -> (f64, f64) {
    let l = &trace.links[index];
    let curve = link_curve(trace, index, shape);
    let name = if from_a { &l.a } else { &l.b };
    let at = node_pos(trace, name, shape);
    let t = curve.leave(from_a, |p| clear_of_node(trace, name, at, p, PORT_R + 2.0));
    curve.at(t)
}

/// Where the envelope of a frame on link `index` sits: half-way along the stretch of
/// cable clear of both ends' drawings and port badges (4 units from each), set back by
/// the length of its direction arrow (it spans 13 units behind its centre, 24 ahead).
fn envelope_at(trace: &Trace, index: usize, towards_b: bool, shape: Shape) -> (f64, f64) {
    let l = &trace.links[index];
    let curve = link_curve(trace, index, shape);
    // An envelope reaches 13 units across its cable either side (its half-width).
    let room = 13.0 + 4.0;
    let end = |from_a: bool| {
        let name = if from_a { &l.a } else { &l.b };
        let at = node_pos(trace, name, shape);
        let badge = has_ports(trace, name).then(|| port_at(trace, index, from_a, shape));
        curve.leave(from_a, |p| {
            clear_of_node(trace, name, at, p, room)
                && badge.is_none_or(|q| (p.0 - q.0).hypot(p.1 - q.1) > PORT_R + room)
        })
    };
    let (ta, tb) = (end(true), end(false));
    let mid = curve.at((ta + tb) / 2.0);
    // Set back against the direction of travel, so the arrow's tip has room too.
    let (p, q) = (curve.at(ta), curve.at(tb));
    let len = (q.0 - p.0).hypot(q.1 - p.1).max(1.0);
    let back = if towards_b { -5.5 } else { 5.5 };
    (
        mid.0 + (q.0 - p.0) / len * back,
        mid.1 + (q.1 - p.1) / len * back,
    )
}

/// The topology with the frames on the wire at the cursor.
pub(super) fn topology(
    trace: &Trace,
    built: &Built,
    lang: Lang,
    step: usize,
    pulled: bool,
    on_pull: Option<Callback<MouseEvent>>,
    shape: Shape,
) -> Html {
    let node_pos = |trace: &Trace, name: &str| node_pos(trace, name, shape);
    let w = width(trace, shape);
    let narrow = shape.upright();
    let lit = lit_frames(trace, &built.frame_event, step);
    let counts = link_counts(trace, step);
    // The port a switch has just learned an address on (its table's fresh row).
    let learned: Vec<(String, usize)> = model::tables_at(trace, step)
        .into_iter()
        .flat_map(|(sw, rows)| {
            rows.into_iter()
                .filter(|r| r.fresh)
                .map(move |r| (sw.clone(), r.port))
        })
        .collect();
    let is_router = model::scenario_of(trace) == ScenarioName::Router;
    let lans = if is_router {
        let r = trace.hosts.iter().find(|h| h.kind == HostKind::Router);
        let subnet = |i: usize| {
            r.and_then(|r| r.ips.get(i))
                .map(|ip| {
                    let (addr, len) = ip.split_once('/').unwrap_or((ip, "24"));
                    let o: Vec<&str> = addr.split('.').collect();
                    format!(
                        "{}.{}.{}.0/{len}",
                        o[0],
                        o.get(1).unwrap_or(&""),
                        o.get(2).unwrap_or(&"")
                    )
                })
                .unwrap_or_default()
        };
        // A LAN's name and subnet: one line, or two in the narrow drawing.
        let net_label = |n: usize, x: f64, anchor: &'static str| {
            let top = if narrow { 4.0 } else { 24.0 };
            let (num, sub) = (n.to_string(), subnet(n - 1));
            if narrow {
                html! {
                    <text class="ww-lan-net-label" x={fmt_n(x)} y={fmt_n(top + 20.0)} text-anchor={anchor}>
                        { tf(lang, "scene.lan.router.lan", &[&num, ""]).trim_end().to_owned() }
                        <tspan x={fmt_n(x)} dy="15">{ sub }</tspan>
                    </text>
                }
            } else {
                html! {
                    <text class="ww-lan-net-label" x={fmt_n(x)} y={fmt_n(top + 22.0)} text-anchor={anchor}>{ tf(lang, "scene.lan.router.lan", &[&num, &sub]) }</text>
                }
            }
        };
        // Two LANs side by side, the router on their border.
        let (half, h) = (w / 2.0, height(trace, shape));
        let (pad, gap, top) = if narrow {
            (2.0, 1.0, 4.0)
        } else {
            (8.0, 4.0, 24.0)
        };
        // Each LAN's border steps around the router (its circle and its name under it),
        // so no dashed line runs through them.
        let r = r.map_or((half, h / 2.0), |r| node_pos(trace, &r.name));
        let (notch_x, notch_top, notch_bottom) = (
            r.0 - 42.0,
            r.1 - 42.0,
            r.1 + if narrow { 76.0 } else { 60.0 },
        );
        let outline = |flip: bool| {
            let x = |v: f64| if flip { w - v } else { v };
            let (x0, x1, y1) = (pad, half - gap, h - 8.0);
            rounded(
                &[
                    (x(x0), top),
                    (x(x1), top),
                    (x(x1), notch_top),
                    (x(notch_x), notch_top),
                    (x(notch_x), notch_bottom),
                    (x(x1), notch_bottom),
                    (x(x1), y1),
                    (x(x0), y1),
                ],
                &[14.0, 3.0, 8.0, 8.0, 8.0, 3.0, 14.0, 14.0],
            )
        };
        html! {
            <g class="ww-lan-nets">
                <path class="ww-lan-net" d={outline(false)} />
                <path class="ww-lan-net is-second" d={outline(true)} />
                { net_label(1, pad + 10.0, "start") }
                { net_label(2, w - pad - 10.0, "end") }
            </g>
        }
    } else {
        Html::default()
    };
    let links = trace.links.iter().map(|l| {
        let curve = link_curve(trace, l.index, shape);
        let d = curve.d();
        let mid = curve.at(0.5);
        let active = lit.iter().any(|&f| trace.frames[f].link == l.index);
        let n = counts.get(l.index).copied().unwrap_or(0);
        let port_label = |node: &str, port: usize, from_a: bool| {
            if !has_ports(trace, node) {
                return Html::default();
            }
            let (x, y) = port_at(trace, l.index, from_a, shape);
            let fresh = learned.iter().any(|(sw, p)| sw == node && *p == port);
            html! {
                <g class={classes!("ww-lan-port", fresh.then_some("is-learned"))} data-port={(port + 1).to_string()}>
                    <circle cx={fmt_n(x)} cy={fmt_n(y)} r={fmt_n(PORT_R)} />
                    <text x={fmt_n(x)} y={fmt_n(y + 4.0)} text-anchor="middle">{ (port + 1).to_string() }</text>
                </g>
            }
        };
        let pullable = model::scenario_of(trace) == ScenarioName::Storm
            && l.a_port == 2
            && model::is_switch(trace, &l.a)
            && model::is_switch(trace, &l.b);
        let onclick = on_pull.clone().filter(|_| pullable);
        let count_at = {
            // The cable's own ends (a switch's cables leave its edge, not its centre).
            let (a, b) = (curve.a, curve.b);
            let straight = curve.c.is_none();
            let is_host = |n: &str| trace.hosts.iter().any(|h| h.name == n && h.kind == HostKind::Host);
            if straight && (b.1 - a.1).abs() * 4.0 < (b.0 - a.0).abs() {
                // Level cable: over its middle, clear of the boxes at its ends (beside
                // its first quarter it ran under switch 2's box in the storm view).
                (mid.0, mid.1 - 14.0, "middle")
            } else if straight && (is_host(&l.a) || is_host(&l.b)) {
                // Slanting or upright cable to a host: just above the host's screen, on
                // the side away from the cable's other end, clear of the frame drawn at
                // the cable's middle and of the box at its other end.
                let (h, o) = if is_host(&l.a) { (a, b) } else { (b, a) };
                let len = ((o.0 - h.0).powi(2) + (o.1 - h.1).powi(2)).sqrt().max(1.0);
                let (x, y) = (h.0 + (o.0 - h.0) / len * 52.0, h.1 + (o.1 - h.1) / len * 52.0);
                if o.0 > h.0 + 1.0 {
                    (x - 10.0, y, "end")
                } else {
                    (x + 10.0, y, "start")
                }
            } else if straight {
                (a.0 + (b.0 - a.0) * 0.38 + 10.0, a.1 + (b.1 - a.1) * 0.38 - 8.0, "start")
            } else {
                (mid.0 + 22.0, mid.1 + if mid.1 < a.1 { -8.0 } else { 18.0 }, "start")
            }
        };
        html! {
            <g key={l.index} class={classes!("ww-lan-link", active.then_some("is-active"), pullable.then_some("is-pullable"))}
               data-link={l.index.to_string()} data-count={n.to_string()} {onclick}>
                if pullable {
                    <title>{ t(lang, "scene.lan.storm.pull") }</title>
                    <path class="ww-lan-cable-hit" d={d.clone()} />
                }
                <path class="ww-lan-cable" d={d} />
                { port_label(&l.a, l.a_port, true) }
                { port_label(&l.b, l.b_port, false) }
                if n > 0 {
                    <text class="ww-lan-count" x={fmt_n(count_at.0)} y={fmt_n(count_at.1)} text-anchor={count_at.2}>{ format!("×{n}") }</text>
                }
            </g>
        }
    });
    // The pulled cable of the storm view, drawn unplugged.
    let pulled_cable = if model::scenario_of(trace) == ScenarioName::Storm && pulled {
        let (a, b) = (node_pos(trace, "switch1"), node_pos(trace, "switch2"));
        let end = |p: (f64, f64), dir: f64| {
            format!(
                "M{} {}",
                pt((p.0 + 32.0 * dir, p.1 + 22.0)),
                if narrow {
                    quad(
                        (p.0 + 50.0 * dir, p.1 + 60.0),
                        (p.0 + 40.0 * dir, p.1 + 90.0),
                    )
                } else {
                    quad(
                        (p.0 + 46.0 * dir, p.1 + 45.0),
                        (p.0 + 38.0 * dir, p.1 + 64.0),
                    )
                }
            )
        };
        html! {
            <g class="ww-lan-pulled" data-pulled="true">
                <path class="ww-lan-cable is-pulled" d={end(a, 1.0)} />
                <path class="ww-lan-cable is-pulled" d={end(b, -1.0)} />
                <text class="ww-lan-pulled-label" x={fmt_n(w / 2.0)} y={fmt_n(a.1 + if narrow { -44.0 } else { 84.0 })} text-anchor="middle">{ t(lang, "scene.lan.storm.unplugged") }</text>
            </g>
        }
    } else {
        Html::default()
    };
    let nodes = trace.hosts.iter().map(|h| {
        let (x, y) = node_pos(trace, &h.name);
        let label = host_label(trace, lang, &h.name);
        let role = match (model::scenario_of(trace).as_str(), h.name.as_str()) {
            ("switch", "client") => Some(("is-sender", t(lang, "scene.lan.role.sender"))),
            ("switch", "server") => Some(("is-receiver", t(lang, "scene.lan.role.receiver"))),
            ("switch", _) if h.kind == HostKind::Host => Some(("is-idle", t(lang, "scene.lan.role.idle"))),
            _ => None,
        };
        match h.kind {
            HostKind::Switch => html! {
                <g key={h.name.clone()} class="ww-lan-node is-switch" data-node={h.name.clone()}>
                    <rect x={fmt_n(x - 58.0)} y={fmt_n(y - 22.0)} width="116" height="44" rx="8" />
                    <SwitchIcon x={x - 46.0} y={y - 8.0} />
                    <text x={fmt_n(x + 10.0)} y={fmt_n(y + 5.0)} text-anchor="middle">{ label }</text>
                </g>
            },
            HostKind::Router => html! {
                <g key={h.name.clone()} class="ww-lan-node is-router" data-node={h.name.clone()}>
                    <circle cx={fmt_n(x)} cy={fmt_n(y)} r="34" />
                    <path class="ww-lan-router-arrows" d={format!("M{} {} h28 m-8 -6 l8 6 l-8 6 M{} {} h-28 m8 -6 l-8 6 l8 6", fmt_n(x - 14.0), fmt_n(y - 8.0), fmt_n(x + 14.0), fmt_n(y + 8.0))} />
                    <text x={fmt_n(x)} y={fmt_n(y + if narrow { 66.0 } else { 52.0 })} text-anchor="middle">{ label }</text>
                    { for h.ips.iter().zip(&h.macs).enumerate().map(|(i, (ip, mac))| {
                        let left = i == 0;
                        // Wide: beside the router. Narrow: above it, in the middle of its LAN.
                        let (tx, ty, anchor) = match (narrow, left) {
                            // Outside the notch the LANs' borders make round the router.
                            (false, true) => (x - 48.0, y - 48.0, "end"),
                            (false, false) => (x + 48.0, y - 48.0, "start"),
                            (true, true) => (w / 4.0, y - 66.0, "middle"),
                            (true, false) => (w * 3.0 / 4.0, y - 66.0, "middle"),
                        };
                        html! {
                            <text class="ww-lan-addr" x={fmt_n(tx)} y={fmt_n(ty)} text-anchor={anchor}>
                                <tspan x={fmt_n(tx)} dy="0">{ ip.clone() }</tspan>
                                <tspan x={fmt_n(tx)} dy={if narrow { "16" } else { "13" }}>{ mac.clone() }</tspan>
                            </text>
                        }
                    }) }
                </g>
            },
            HostKind::Host => html! {
                <g key={h.name.clone()} class={classes!("ww-lan-node", "is-host", role.map(|r| r.0))} data-node={h.name.clone()}>
                    <rect class="ww-lan-screen" x={fmt_n(x - 26.0)} y={fmt_n(y - 24.0)} width="52" height="34" rx="4" />
                    <path class="ww-lan-stand" d={format!("M{} {} h16 M{} {} v6", fmt_n(x - 8.0), fmt_n(y + 16.0), fmt_n(x), fmt_n(y + 10.0))} />
                    <text class="ww-lan-host-name" x={fmt_n(x)} y={fmt_n(y - 3.0)} text-anchor="middle">{ label }</text>
                    <text class="ww-lan-addr" x={fmt_n(x)} y={fmt_n(y + 32.0)} text-anchor="middle">{ h.macs.first().cloned().unwrap_or_default() }</text>
                    <text class="ww-lan-addr" x={fmt_n(x)} y={fmt_n(y + 48.0)} text-anchor="middle">{ h.ips.first().map(|ip| ip.trim_end_matches("/24").to_owned()).unwrap_or_default() }</text>
                    if let Some((_, r)) = role {
                        // Under the addresses, where no cable arrives (above the screen, the
                        // cable from the switch ran through it).
                        <text class="ww-lan-role" x={fmt_n(x)} y={fmt_n(y + 64.0)} text-anchor="middle">{ r }</text>
                    }
                </g>
            },
        }
    });
    // Frames on the wire now: an envelope two-thirds along each lit link, pointing on.
    let packets = lit.iter().map(|&i| {
        let f = &trace.frames[i];
        let (a, b) = (node_pos(trace, &f.from), node_pos(trace, &f.to));
        let towards_b = trace.links.get(f.link).is_some_and(|l| l.b == f.to);
        let (x, y) = envelope_at(trace, f.link, towards_b, shape);
        let broadcast = f.annotated.as_ref().is_some_and(|a| a.summary.broadcast);
        let angle = (b.1 - a.1).atan2(b.0 - a.0).to_degrees();
        html! {
            <g key={format!("p{i}")} class={classes!("ww-lan-packet", if broadcast { "is-broadcast" } else { "is-unicast" }, f.dropped.then_some("is-dropped"))}
               data-frame={i.to_string()} data-from={f.from.clone()} data-to={f.to.clone()}
               transform={format!("translate({} {})", fmt_n(x), fmt_n(y))}>
                <rect x="-13" y="-9" width="26" height="18" rx="3" />
                <path class="ww-lan-packet-flap" d="M-13 -9 L0 1 L13 -9" />
                <path class="ww-lan-packet-dir" transform={format!("rotate({})", fixed(angle, 0))} d="M16 -5 L24 0 L16 5 Z" />
            </g>
        }
    });
    // With the loop's second cable pulled, the wide drawing has no lower bow and no upper
    // one (the one cable left runs straight): the box starts just above the hosts.
    let storm_pulled = model::scenario_of(trace) == ScenarioName::Storm && pulled && !narrow;
    let (y0, h) = if storm_pulled {
        (48.0, height(trace, shape) - 48.0)
    } else if shape == Shape::Across {
        (30.0, height(trace, shape) - 30.0)
    } else {
        (0.0, height(trace, shape))
    };
    html! {
        <svg class={classes!("ww-lan-topo", narrow.then_some("is-narrow"))} viewBox={format!("0 {} {} {}", fmt_n(y0), fmt_n(w), fmt_n(h))} role="img" aria-label={t(lang, "scene.lan.topology")}>
            { lans }
            { for links }
            { pulled_cable }
            { for nodes }
            { for packets }
        </svg>
    }
}

#[derive(PartialEq, Properties)]
struct IconProps {
    x: f64,
    y: f64,
}

/// A switch glyph: four arrows, two each way.
#[function_component(SwitchIcon)]
fn switch_icon(p: &IconProps) -> Html {
    let d = format!(
        "M{x} {y1} h20 m-5 -4 l5 4 l-5 4 M{x2} {y2} h-20 m5 -4 l-5 4 l5 4",
        x = fmt_n(p.x),
        y1 = fmt_n(p.y + 2.0),
        x2 = fmt_n(p.x + 20.0),
        y2 = fmt_n(p.y + 14.0)
    );
    html! { <path class="ww-lan-switch-arrows" d={d} /> }
}
