//! The LAN scene's drawing: hosts, switches and the router placed for each view, the
//! cables with the frames on them at the cursor, and the pullable cable of the storm.

use super::model::{self, *};
use crate::i18n::{t, tf, Lang};
use crate::widgets::num::fixed;
use wirewalk_engine::scenario::ScenarioName;
use wirewalk_engine::trace::{HostKind, Trace};
use yew::prelude::*;

/// The SVG's width: wide, or narrow (phones, about one unit per CSS pixel, so the
/// same type sizes stay readable; the nodes are re-laid out, never cut off).
fn width(narrow: bool) -> f64 {
    if narrow {
        300.0
    } else {
        600.0
    }
}

/// The SVG's height for a scenario.
fn height(trace: &Trace, narrow: bool) -> f64 {
    match (model::scenario_of(trace).as_str(), narrow) {
        ("storm", false) => 250.0,
        ("router", false) => 270.0,
        (_, false) => 296.0,
        ("storm", true) => 310.0,
        ("router", true) => 340.0,
        (_, true) => 400.0,
    }
}

/// Where a node sits. Narrow layouts put the hosts below what they are cabled to, so a
/// cable enters a host from above and never crosses the addresses written under it.
fn node_pos(trace: &Trace, name: &str, narrow: bool) -> (f64, f64) {
    if narrow {
        return match model::scenario_of(trace).as_str() {
            "switch" => match (name, switch_port_of(trace, name).unwrap_or(0)) {
                ("switch", _) => (150.0, 48.0),
                (_, 0) => (66.0, 190.0),
                (_, 1) => (234.0, 190.0),
                _ => (150.0, 318.0),
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
        "storm" => match name {
            "client" => (64.0, 125.0),
            "switch1" => (212.0, 125.0),
            "switch2" => (388.0, 125.0),
            _ => (536.0, 125.0),
        },
        _ => match name {
            "client" => (95.0, 150.0),
            "router" => (300.0, 150.0),
            _ => (505.0, 150.0),
        },
    }
}

pub(super) fn fmt_n(x: f64) -> String {
    fixed(x, 1)
}

/// The path of a link: straight, or bowed when two cables join the same pair of nodes.
fn link_path(trace: &Trace, index: usize, narrow: bool) -> (String, (f64, f64)) {
    let l = &trace.links[index];
    let (a, b) = (node_pos(trace, &l.a, narrow), node_pos(trace, &l.b, narrow));
    let twins: Vec<usize> = trace
        .links
        .iter()
        .filter(|m| (m.a == l.a && m.b == l.b) || (m.a == l.b && m.b == l.a))
        .map(|m| m.index)
        .collect();
    if twins.len() < 2 {
        let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let d = format!(
            "M{} {} L{} {}",
            fmt_n(a.0),
            fmt_n(a.1),
            fmt_n(b.0),
            fmt_n(b.1)
        );
        return (d, mid);
    }
    let k = twins.iter().position(|&i| i == index).unwrap_or(0);
    let bow = if k == 0 { -70.0 } else { 70.0 };
    let c = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + bow);
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + bow / 2.0);
    let d = format!(
        "M{} {} Q{} {} {} {}",
        fmt_n(a.0),
        fmt_n(a.1),
        fmt_n(c.0),
        fmt_n(c.1),
        fmt_n(b.0),
        fmt_n(b.1)
    );
    (d, mid)
}

/// The topology with the frames on the wire at the cursor.
pub(super) fn topology(
    trace: &Trace,
    built: &Built,
    lang: Lang,
    step: usize,
    pulled: bool,
    on_pull: Option<Callback<MouseEvent>>,
    narrow: bool,
) -> Html {
    let node_pos = |trace: &Trace, name: &str| node_pos(trace, name, narrow);
    let link_path = |trace: &Trace, index: usize| link_path(trace, index, narrow);
    let w = width(narrow);
    let lit = lit_frames(trace, &built.frame_event, step);
    let counts = link_counts(trace, step);
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
        let (half, h) = (w / 2.0, height(trace, narrow));
        let (pad, gap, top) = if narrow {
            (2.0, 1.0, 4.0)
        } else {
            (8.0, 4.0, 24.0)
        };
        let inner = half - pad - gap;
        html! {
            <g class="ww-lan-nets">
                <rect class="ww-lan-net" x={fmt_n(pad)} y={fmt_n(top)} width={fmt_n(inner)} height={fmt_n(h - top - 8.0)} rx="14" />
                <rect class="ww-lan-net is-second" x={fmt_n(half + gap)} y={fmt_n(top)} width={fmt_n(inner)} height={fmt_n(h - top - 8.0)} rx="14" />
                { net_label(1, pad + 10.0, "start") }
                { net_label(2, w - pad - 10.0, "end") }
            </g>
        }
    } else {
        Html::default()
    };
    let links = trace.links.iter().map(|l| {
        let (d, mid) = link_path(trace, l.index);
        let active = lit.iter().any(|&f| trace.frames[f].link == l.index);
        let n = counts.get(l.index).copied().unwrap_or(0);
        let port_label = |node: &str, port: usize, other: &str| {
            if !model::is_switch(trace, node) && trace.hosts.iter().find(|h| h.name == node).is_none_or(|h| h.kind != HostKind::Router) {
                return Html::default();
            }
            let (p, q) = (node_pos(trace, node), node_pos(trace, other));
            let (dx, dy) = (q.0 - p.0, q.1 - p.1);
            let (x, y) = if model::scenario_of(trace) == ScenarioName::Storm && model::is_switch(trace, other) {
                // The two loop cables leave a switch's facing side, upper and lower.
                let side = if dx > 0.0 { 70.0 } else { -70.0 };
                (p.0 + side, p.1 + if port == 1 { -14.0 } else { 14.0 })
            } else if model::is_switch(trace, node) {
                // Just outside the switch's box (116 × 44) along the cable.
                let t = (70.0 / dx.abs().max(0.01)).min(34.0 / dy.abs().max(0.01));
                (p.0 + dx * t, p.1 + dy * t)
            } else {
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                (p.0 + dx / len * 46.0, p.1 + dy / len * 46.0)
            };
            html! {
                <g class="ww-lan-port">
                    <circle cx={fmt_n(x)} cy={fmt_n(y)} r="9" />
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
            let (a, b) = (node_pos(trace, &l.a), node_pos(trace, &l.b));
            let straight = (mid.1 - (a.1 + b.1) / 2.0).abs() < 0.5;
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
                { port_label(&l.a, l.a_port, &l.b) }
                { port_label(&l.b, l.b_port, &l.a) }
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
                "M{} {} Q{} {} {} {}",
                fmt_n(p.0 + 70.0 * dir),
                fmt_n(p.1 + 14.0),
                fmt_n(p.0 + 85.0 * dir),
                fmt_n(p.1 + 60.0),
                fmt_n(p.0 + 70.0 * dir),
                fmt_n(p.1 + 90.0)
            )
        };
        html! {
            <g class="ww-lan-pulled" data-pulled="true">
                <path class="ww-lan-cable is-pulled" d={end(a, 1.0)} />
                <path class="ww-lan-cable is-pulled" d={end(b, -1.0)} />
                <text class="ww-lan-pulled-label" x={fmt_n(w / 2.0)} y={fmt_n(a.1 + if narrow { -44.0 } else { 100.0 })} text-anchor="middle">{ t(lang, "scene.lan.storm.unplugged") }</text>
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
                            (false, true) => (x - 40.0, y - 48.0, "end"),
                            (false, false) => (x + 40.0, y - 48.0, "start"),
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
        let (_, mid) = link_path(trace, f.link);
        let (x, y) = (mid.0 + (b.0 - a.0) * 0.06, mid.1 + (b.1 - a.1) * 0.06);
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
    html! {
        <svg class={classes!("ww-lan-topo", narrow.then_some("is-narrow"))} viewBox={format!("0 0 {} {}", fmt_n(w), fmt_n(height(trace, narrow)))} role="img" aria-label={t(lang, "scene.lan.topology")}>
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
