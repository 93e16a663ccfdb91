//! The LAN scene's pure logic: which engine scenario a view runs (switch, storm, router)
//! and with what, the switch's MAC table at a cursor (from the trace's `SwitchLearn`
//! events), flood vs unicast decisions, the storm's growth, and the router's hop diff
//! (which header fields a router changed, read from the annotated frames' bytes).
//! Everything here reads the engine's trace; nothing is made up.

use crate::i18n::{t, t_dyn, tf, Lang};
use crate::scenes::params::{apply_and_run, frame_events};
use crate::widgets::frame_text::frame_label;
use std::collections::BTreeMap;
use std::rc::Rc;
use wirewalk_engine::scenario::{Scenario, ScenarioError, ScenarioName};
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, HostKind, NoteKey, Trace};
use wirewalk_engine::wire::Field;

/// The three views of the scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Three PCs on one learning switch.
    Switch,
    /// Two switches joined twice: a broadcast storm.
    Storm,
    /// Two LANs joined by a router.
    Router,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 3] = [View::Switch, View::Storm, View::Router];

    /// URL value (`view=storm`) and engine scenario name.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            View::Switch => "switch",
            View::Storm => "storm",
            View::Router => "router",
        }
    }

    /// The view for a URL value.
    #[must_use]
    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }

    /// The tab label's i18n key.
    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            View::Switch => "scene.lan.view.switch",
            View::Storm => "scene.lan.view.storm",
            View::Router => "scene.lan.view.router",
        }
    }
}

/// Number of PCs on the switch (one per switch port).
pub const PCS: usize = 3;

/// The PCs of the switch view: each keeps its MAC and IPv4 whatever role it plays,
/// so the table a student watches is about machines, not roles. PC n sits on port n.
pub const PC_IDS: [(&str, &str); PCS] = [
    ("02:00:00:00:00:0a", "192.168.1.10"),
    ("02:00:00:00:00:14", "192.168.1.20"),
    ("02:00:00:00:00:1e", "192.168.1.30"),
];

/// Scene keys that are not engine keys.
pub const SCENE_KEYS: [&str; 3] = ["view", "sender", "receiver"];

/// Engine keys a view sets itself (from `sender` / `receiver`), not taken from the URL.
const DERIVED: [&str; 6] = [
    "client.switch_port",
    "server.switch_port",
    "client.mac",
    "client.ip",
    "server.mac",
    "server.ip",
];

/// A computed view: the scenario run, its trace and what was rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The view.
    pub view: View,
    /// Sender PC (1-based) in the switch view.
    pub sender: usize,
    /// Receiver PC (1-based) in the switch view.
    pub receiver: usize,
    /// The scenario with every accepted parameter.
    pub scenario: Scenario,
    /// Its trace.
    pub trace: Rc<Trace>,
    /// Rejected parameters with the engine's error.
    pub errors: Vec<(String, ScenarioError)>,
    /// For each frame, the index of its event in `trace.events`.
    pub frame_event: Vec<usize>,
    /// Storm view: the same scenario with the cable the other way (pulled ↔ plugged), for
    /// comparing the two curves on one scale.
    pub other: Option<Rc<Trace>>,
}

fn pc_param(params: &BTreeMap<String, String>, key: &str, default: usize) -> Option<usize> {
    match params.get(key) {
        None => Some(default),
        Some(v) => v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=PCS).contains(n)),
    }
}

/// Builds and runs the view's scenario for `params` (`view`, `sender`, `receiver` plus
/// engine keys). A rejected value is reported and left at its default.
///
/// # Errors
/// Only when even the defaults fail to run (an engine bug): the engine's error.
pub fn build(params: &BTreeMap<String, String>) -> Result<Built, ScenarioError> {
    let mut errors = Vec::new();
    let view = match params.get("view") {
        None => View::Switch,
        Some(v) => View::from_slug(v).unwrap_or_else(|| {
            errors.push(("view".to_owned(), ScenarioError::UnknownScenario(v.clone())));
            View::Switch
        }),
    };
    let out_of_range = |key: &str| ScenarioError::OutOfRange {
        key: key.to_owned(),
        value: params.get(key).cloned().unwrap_or_default(),
        min: 1,
        max: PCS as u64,
    };
    let mut sender = pc_param(params, "sender", 1).unwrap_or_else(|| {
        errors.push(("sender".to_owned(), out_of_range("sender")));
        1
    });
    let mut receiver = pc_param(params, "receiver", 2).unwrap_or_else(|| {
        errors.push(("receiver".to_owned(), out_of_range("receiver")));
        2
    });
    if sender == receiver {
        errors.push((
            "receiver".to_owned(),
            ScenarioError::DuplicateAddress {
                key: "receiver".to_owned(),
                value: receiver.to_string(),
                other: "client".to_owned(),
            },
        ));
        (sender, receiver) = (1, 2);
    }
    let defaults = {
        let mut s = Scenario::named(view.slug())?;
        if view == View::Switch {
            let (cm, ci) = PC_IDS[sender - 1];
            let (sm, si) = PC_IDS[receiver - 1];
            for (k, v) in [
                ("client.switch_port", (sender - 1).to_string()),
                ("server.switch_port", (receiver - 1).to_string()),
                ("client.mac", cm.to_owned()),
                ("client.ip", ci.to_owned()),
                ("server.mac", sm.to_owned()),
                ("server.ip", si.to_owned()),
            ] {
                s.set(k, &v)?;
            }
        }
        s
    };
    let pairs = params
        .iter()
        .filter(|(k, _)| !SCENE_KEYS.contains(&k.as_str()))
        .filter(|(k, _)| view != View::Switch || !DERIVED.contains(&k.as_str()));
    let (s, trace) = apply_and_run(&defaults, pairs, wirewalk_engine::run, &mut errors)?;
    let frame_event = frame_events(&trace)?;
    let other = (view == View::Storm)
        .then(|| {
            let mut o = s.clone();
            o.params.storm_pulled = !o.params.storm_pulled;
            wirewalk_engine::run(&o).ok().map(Rc::new)
        })
        .flatten();
    Ok(Built {
        other,
        view,
        sender,
        receiver,
        scenario: s,
        trace: Rc::new(trace),
        errors,
        frame_event,
    })
}

/// One row of a switch's MAC table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The MAC address.
    pub mac: String,
    /// The port it was last seen on (the engine's 0-based number).
    pub port: usize,
    /// How many times this MAC was (re)learned so far (more than 1 = the table flaps).
    pub learned: usize,
    /// Learned by the last applied event.
    pub fresh: bool,
}

/// Every switch's MAC table after the first `cursor` events, in the order the addresses
/// were first learned. Switch names in topology order; a switch with no entry yet is
/// listed with an empty table.
#[must_use]
pub fn tables_at(trace: &Trace, cursor: usize) -> Vec<(String, Vec<TableRow>)> {
    let mut out: Vec<(String, Vec<TableRow>)> = trace
        .hosts
        .iter()
        .filter(|h| h.kind == HostKind::Switch)
        .map(|h| (h.name.clone(), Vec::new()))
        .collect();
    let last = cursor.checked_sub(1);
    for (i, e) in trace.events.iter().enumerate().take(cursor) {
        if let EventKind::SwitchLearn { switch, mac, port } = &e.kind {
            let Some((_, rows)) = out.iter_mut().find(|(n, _)| n == switch) else {
                continue;
            };
            match rows.iter_mut().find(|r| &r.mac == mac) {
                Some(r) => {
                    r.port = *port;
                    r.learned += 1;
                }
                None => rows.push(TableRow {
                    mac: mac.clone(),
                    port: *port,
                    learned: 1,
                    fresh: false,
                }),
            }
            if Some(i) == last {
                if let Some(r) = rows.iter_mut().find(|r| &r.mac == mac) {
                    r.fresh = true;
                }
            }
        }
    }
    out
}

/// How a switch sent a frame on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forwarding {
    /// Broadcast: out of every port but the one it came in on.
    FloodBroadcast,
    /// Unknown unicast destination: flooded like a broadcast.
    FloodUnknown,
    /// Known destination: out of its one port.
    Unicast,
}

/// The frames a switch sent at the same instant as frame `index` with the same bytes: the
/// copies of one forwarding decision (one per output port). Empty if a host sent it.
#[must_use]
pub fn copies(trace: &Trace, index: usize) -> Vec<usize> {
    let Some(f) = trace.frames.get(index) else {
        return Vec::new();
    };
    if !is_switch(trace, &f.from) {
        return Vec::new();
    }
    trace
        .frames
        .iter()
        .filter(|g| g.from == f.from && g.time_us == f.time_us && g.bytes == f.bytes)
        .map(|g| g.index)
        .collect()
}

/// Whether `name` is a switch of the trace.
#[must_use]
pub fn is_switch(trace: &Trace, name: &str) -> bool {
    trace
        .hosts
        .iter()
        .any(|h| h.name == name && h.kind == HostKind::Switch)
}

/// How the switch that sent frame `index` forwarded it.
#[must_use]
pub fn forwarding(trace: &Trace, index: usize) -> Option<Forwarding> {
    let f = trace.frames.get(index)?;
    if !is_switch(trace, &f.from) {
        return None;
    }
    let broadcast = f.annotated.as_ref().is_some_and(|a| a.summary.broadcast);
    Some(if broadcast {
        Forwarding::FloodBroadcast
    } else if copies(trace, index).len() > 1 {
        Forwarding::FloodUnknown
    } else {
        Forwarding::Unicast
    })
}

/// The frame of the last applied event, if that event is a frame.
#[must_use]
pub fn current_frame(trace: &Trace, cursor: usize) -> Option<usize> {
    match cursor
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))?
        .kind
    {
        EventKind::Frame { frame } => Some(frame),
        _ => None,
    }
}

/// The frames to draw as "on the wire now": the current frame and, when a switch sent
/// it, its sibling copies already applied (a flood shows on every port at once).
#[must_use]
pub fn lit_frames(trace: &Trace, frame_event: &[usize], cursor: usize) -> Vec<usize> {
    let Some(cur) = current_frame(trace, cursor) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = copies(trace, cur)
        .into_iter()
        .filter(|&i| frame_event.get(i).is_some_and(|&e| e < cursor))
        .collect();
    if out.is_empty() {
        out.push(cur);
    }
    out
}

/// Frames put on each link during the first `cursor` events.
#[must_use]
pub fn link_counts(trace: &Trace, cursor: usize) -> Vec<usize> {
    let mut counts = vec![0; trace.links.len()];
    for f in trace.frames_until(cursor) {
        if let Some(c) = counts.get_mut(f.link) {
            *c += 1;
        }
    }
    counts
}

/// The tick (index into `frames_per_tick`) the cursor is in.
#[must_use]
pub fn tick_at(trace: &Trace, cursor: usize) -> usize {
    let now = cursor
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .map_or(0, |e| e.time_us);
    usize::try_from(now / trace.tick_us.max(1)).unwrap_or(usize::MAX)
}

/// Most bars the storm chart draws, whatever the run's length.
pub const MAX_BARS: usize = 120;

/// The storm chart's bars: `ticks` summed into at most `max_bars` bins of equal width.
/// Returns the ticks per bar (at least 1) and each bar's frame count.
#[must_use]
pub fn bin_ticks(ticks: &[usize], max_bars: usize) -> (usize, Vec<usize>) {
    let per = ticks.len().div_ceil(max_bars.max(1)).max(1);
    (per, bin_by(ticks, per))
}

/// `ticks` summed into bins of `per` ticks each.
#[must_use]
pub fn bin_by(ticks: &[usize], per: usize) -> Vec<usize> {
    ticks
        .chunks(per.max(1))
        .map(|c| c.iter().fold(0usize, |a, &n| a.saturating_add(n)))
        .collect()
}

/// What the storm view's run amounted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StormVerdict {
    /// A broadcast went round the loop until the engine cut the run off.
    Storm,
    /// The second cable is pulled: no loop, the network went quiet.
    LoopBroken,
    /// The loop is there but no broadcast went round it (say, the only one was lost):
    /// the run merely stopped, or ended, with a quiet network.
    NoStorm,
}

/// Whether a switch forwarded the same bytes over the same link in the same direction
/// twice: a frame that came back round a loop.
#[must_use]
pub fn circulated(trace: &Trace) -> bool {
    let mut seen = std::collections::HashSet::new();
    trace
        .frames
        .iter()
        .filter(|f| is_switch(trace, &f.from))
        .any(|f| !seen.insert((f.link, f.from.as_str(), f.bytes.as_slice())))
}

/// The storm view's verdict: a storm only when a frame circulated and the run was cut
/// off; a run that merely stopped on the time cap with a quiet network is no storm.
#[must_use]
pub fn storm_verdict(trace: &Trace) -> StormVerdict {
    if trace.capped && circulated(trace) {
        StormVerdict::Storm
    } else if storm_pulled(trace) {
        StormVerdict::LoopBroken
    } else {
        StormVerdict::NoStorm
    }
}

/// A tick length in milliseconds, as short as exact (`1`, `0.5`, `0.001`).
#[must_use]
pub fn ms_label(us: u64) -> String {
    let whole = us / 1000;
    let frac = us % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        let f = format!("{frac:03}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
}

/// One row of the router's hop diff: a header field on both hops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRow {
    /// Wireshark field id (`ip.ttl`).
    pub id: String,
    /// Its value on the first hop.
    pub before: String,
    /// Its value on the second hop.
    pub after: String,
    /// The bytes under the field differ.
    pub changed: bool,
}

fn field_bytes<'a>(frame: &'a Frame, f: &Field) -> &'a [u8] {
    frame.bytes.get(f.offset..f.offset + f.len).unwrap_or(&[])
}

/// The top-level header fields of Ethernet, IPv4 and the transport layer on the two hops
/// of one packet, with the ones whose bytes the router changed marked.
#[must_use]
pub fn hop_diff(before: &Frame, after: &Frame) -> Vec<DiffRow> {
    let (Some(a), Some(b)) = (&before.annotated, &after.annotated) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for la in a.layers.iter().filter(|l| l.id.as_str() != "data") {
        let Some(lb) = b.layers.iter().find(|l| l.id == la.id) else {
            continue;
        };
        for fa in &la.fields {
            let Some(fb) = lb.fields.iter().find(|f| f.id == fa.id) else {
                continue;
            };
            rows.push(DiffRow {
                id: fa.id.clone(),
                before: fa.show.clone(),
                after: fb.show.clone(),
                changed: field_bytes(before, fa) != field_bytes(after, fb),
            });
        }
    }
    rows
}

/// The two hops of one packet through the router: the frame a host sent to the router and
/// the router's copy of it on the other side (same IP packet from the IP header's
/// addresses on, TTL aside). Prefers the pair around `near` (a frame index).
#[must_use]
pub fn hop_pair(trace: &Trace, near: Option<usize>) -> Option<(usize, usize)> {
    let is_ip = |f: &Frame| {
        f.annotated
            .as_ref()
            .is_some_and(|a| a.summary.protocol.as_str() != "ARP" && a.summary.src_ip.is_some())
    };
    let ip_key = |f: &Frame| {
        let a = f.annotated.as_ref()?;
        let ip = a.layers.iter().find(|l| l.id.as_str() == "ip")?;
        // Everything after the IP header's TTL and checksum: addresses and the payload.
        f.bytes.get(ip.offset + 12..).map(<[u8]>::to_vec)
    };
    let pairs: Vec<(usize, usize)> = trace
        .frames
        .iter()
        .filter(|f| is_ip(f) && f.to == "router")
        .filter_map(|f| {
            let key = ip_key(f)?;
            trace
                .frames
                .iter()
                .skip(f.index + 1)
                .find(|g| g.from == "router" && is_ip(g) && ip_key(g).as_ref() == Some(&key))
                .map(|g| (f.index, g.index))
        })
        .collect();
    near.and_then(|n| pairs.iter().copied().find(|&(x, y)| x == n || y == n))
        .or_else(|| near.and_then(|n| pairs.iter().copied().rev().find(|&(x, _)| x <= n)))
        .or_else(|| pairs.first().copied())
}

/// The ARP frames on each of the router's links, `(link, frames)`, in link order.
#[must_use]
pub fn arp_by_link(trace: &Trace) -> Vec<(usize, Vec<usize>)> {
    trace
        .links
        .iter()
        .map(|l| {
            let frames = trace
                .frames
                .iter()
                .filter(|f| f.link == l.index)
                .filter(|f| {
                    f.annotated
                        .as_ref()
                        .is_some_and(|a| a.summary.protocol.as_str() == "ARP")
                })
                .map(|f| f.index)
                .collect();
            (l.index, frames)
        })
        .collect()
}

/// Whether a MAC address appears (as source or destination) in any frame on `link`.
#[must_use]
pub fn mac_seen_on_link(trace: &Trace, mac: &str, link: usize) -> bool {
    trace.frames.iter().filter(|f| f.link == link).any(|f| {
        f.annotated
            .as_ref()
            .is_some_and(|a| a.summary.src_mac == mac || a.summary.dst_mac == mac)
    })
}

/// Which LAN scenario `trace` ran, read from its topology: a router makes `router`, two
/// switches make `storm`, one makes `switch`.
#[must_use]
pub fn scenario_of(trace: &Trace) -> ScenarioName {
    let count = |k: HostKind| trace.hosts.iter().filter(|h| h.kind == k).count();
    if count(HostKind::Router) > 0 {
        ScenarioName::Router
    } else if count(HostKind::Switch) > 1 {
        ScenarioName::Storm
    } else {
        ScenarioName::Switch
    }
}

/// Whether a storm trace's loop is broken: fewer than two cables join its switches.
#[must_use]
pub fn storm_pulled(trace: &Trace) -> bool {
    let between_switches = trace
        .links
        .iter()
        .filter(|l| is_switch(trace, &l.a) && is_switch(trace, &l.b))
        .count();
    between_switches < 2
}

/// The PC number (1-based, by switch port) of a host of the switch view, or its name.
#[must_use]
pub fn host_label(trace: &Trace, lang: Lang, name: &str) -> String {
    if let Some(port) =
        switch_port_of(trace, name).filter(|_| scenario_of(trace) == ScenarioName::Switch)
    {
        return tf(lang, "scene.lan.pc", &[&(port + 1).to_string()]);
    }
    match name {
        "client" => t(lang, "scene.lan.host.client").to_owned(),
        "server" => t(lang, "scene.lan.host.server").to_owned(),
        "router" => t(lang, "scene.lan.host.router").to_owned(),
        "switch" => t(lang, "scene.lan.host.switch").to_owned(),
        "switch1" => tf(lang, "scene.lan.host.switch_n", &["1"]),
        "switch2" => tf(lang, "scene.lan.host.switch_n", &["2"]),
        other => other.to_owned(),
    }
}

/// The switch port (0-based) a host's cable is plugged into, if it is on a switch.
#[must_use]
pub fn switch_port_of(trace: &Trace, name: &str) -> Option<usize> {
    trace.links.iter().find_map(|l| {
        if l.a == name && is_switch(trace, &l.b) {
            Some(l.b_port)
        } else if l.b == name && is_switch(trace, &l.a) {
            Some(l.a_port)
        } else {
            None
        }
    })
}

/// One or two plain sentences on what the last applied event did.
#[must_use]
pub fn narration(trace: &Trace, cursor: usize, lang: Lang) -> Vec<String> {
    let Some(event) = cursor.checked_sub(1).and_then(|i| trace.events.get(i)) else {
        let key = match scenario_of(trace).as_str() {
            "storm" => "scene.lan.narr.start_storm",
            "router" => "scene.lan.narr.start_router",
            _ => "scene.lan.narr.start_switch",
        };
        return vec![t_dyn(lang, key)];
    };
    let name = |n: &str| host_label(trace, lang, n);
    match &event.kind {
        EventKind::Frame { frame } => {
            let Some(f) = trace.frames.get(*frame) else {
                return Vec::new();
            };
            let (src, dst) = f
                .annotated
                .as_ref()
                .map(|a| (a.summary.src_mac.clone(), a.summary.dst_mac.clone()))
                .unwrap_or_default();
            let mut out = vec![tf(
                lang,
                "scene.lan.narr.frame",
                &[
                    &name(&f.from),
                    &name(&f.to),
                    &frame_label(f, lang),
                    &src,
                    &dst,
                ],
            )];
            match forwarding(trace, *frame) {
                Some(Forwarding::FloodBroadcast) => {
                    out.push(t(lang, "scene.lan.narr.flood").to_owned())
                }
                Some(Forwarding::FloodUnknown) => {
                    out.push(t(lang, "scene.lan.narr.flood_unknown").to_owned());
                }
                Some(Forwarding::Unicast) => out.push(tf(
                    lang,
                    "scene.lan.narr.unicast",
                    &[&dst, &(switch_out_port(trace, f) + 1).to_string()],
                )),
                None => {}
            }
            out
        }
        EventKind::SwitchLearn { switch, mac, port } => vec![tf(
            lang,
            "scene.lan.narr.learn",
            &[&name(switch), mac, &(port + 1).to_string()],
        )],
        // The engine notes every capped storm run; one that only hit the time cap with a
        // quiet network is told as what it is.
        EventKind::Note { key } if *key == NoteKey::StormCapped => {
            if storm_verdict(trace) == StormVerdict::Storm {
                vec![t_dyn(lang, key.as_str())]
            } else {
                vec![t(lang, "scene.lan.storm.no_storm").to_owned()]
            }
        }
        // The note the narrator puts right after it says why.
        EventKind::RouterDrop { .. } => Vec::new(),
        EventKind::Note { key } => vec![t_dyn(lang, key.as_str())],
        EventKind::SocketCall {
            host,
            call,
            phase,
            result,
            ..
        } => match phase {
            CallPhase::Blocked => vec![tf(lang, "scene.lan.narr.call", &[&name(host), call])],
            CallPhase::Returned => vec![tf(
                lang,
                "scene.lan.narr.returned",
                &[&name(host), call, result],
            )],
        },
        EventKind::StateChange { host, from, to } => vec![tf(
            lang,
            "scene.lan.narr.state",
            &[&name(host), from.name(), to.name()],
        )],
    }
}

/// The port a switch sent frame `f` out of (0-based).
fn switch_out_port(trace: &Trace, f: &Frame) -> usize {
    trace
        .links
        .get(f.link)
        .map_or(0, |l| if l.a == f.from { l.a_port } else { l.b_port })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::params::url_params as params;

    fn learns(trace: &Trace) -> Vec<(String, String, usize)> {
        trace
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::SwitchLearn { switch, mac, port } => {
                    Some((switch.clone(), mac.clone(), *port))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_storm_chart_is_binned_to_a_bounded_number_of_bars() {
        assert_eq!(bin_ticks(&[], MAX_BARS), (1, vec![]));
        assert_eq!(bin_ticks(&[1, 2, 3], MAX_BARS), (1, vec![1, 2, 3]));
        let long = vec![1usize; 1_000_000];
        let (per, bars) = bin_ticks(&long, MAX_BARS);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().sum::<usize>(), 1_000_000);
        assert_eq!(per, 8334);
        assert_eq!(bars[0], 8334);
        let odd: Vec<usize> = (0..241).collect();
        let (per, bars) = bin_ticks(&odd, MAX_BARS);
        assert_eq!((per, bars.len()), (3, 81));
        assert_eq!(bars.iter().sum::<usize>(), odd.iter().sum::<usize>());
        assert_eq!(bin_by(&[usize::MAX, 1], 2), vec![usize::MAX]);
    }

    #[test]
    fn a_long_storm_run_still_draws_few_bars() {
        let b = build(&params(&[
            ("view", "storm"),
            ("storm.pulled", "true"),
            ("latency_us", "1"),
            ("server.think_ms", "999"),
        ]))
        .unwrap();
        assert!(b.trace.frames_per_tick.len() > 100_000);
        let (_, bars) = bin_ticks(&b.trace.frames_per_tick, MAX_BARS);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().sum::<usize>(), b.trace.frames.len());
    }

    #[test]
    fn only_a_circulating_capped_run_is_a_storm() {
        let storm = build(&params(&[("view", "storm")])).unwrap();
        assert_eq!(storm_verdict(&storm.trace), StormVerdict::Storm);
        let pulled = build(&params(&[("view", "storm"), ("storm.pulled", "true")])).unwrap();
        assert!(!circulated(&pulled.trace));
        assert_eq!(storm_verdict(&pulled.trace), StormVerdict::LoopBroken);
        // One ARP request, lost on the client's cable: the loop is there, but nothing
        // goes round it; the engine stops on its time cap.
        let lost = build(&params(&[("view", "storm"), ("loss", "arp_request")])).unwrap();
        assert!(lost.trace.capped);
        assert_eq!(lost.trace.frames.len(), 1);
        assert!(!circulated(&lost.trace));
        assert_eq!(storm_verdict(&lost.trace), StormVerdict::NoStorm);
        for lang in [Lang::Zh, Lang::En] {
            let last = narration(&lost.trace, lost.trace.events.len(), lang);
            assert_eq!(last, vec![t(lang, "scene.lan.storm.no_storm").to_owned()]);
            let last = narration(&storm.trace, storm.trace.events.len(), lang);
            assert_eq!(last, vec![t_dyn(lang, "note.storm_capped")]);
        }
    }

    #[test]
    fn tick_lengths_read_exactly_in_milliseconds() {
        assert_eq!(ms_label(1000), "1");
        assert_eq!(ms_label(1), "0.001");
        assert_eq!(ms_label(1500), "1.5");
        assert_eq!(ms_label(120_250), "120.25");
        assert_eq!(ms_label(0), "0");
    }

    #[test]
    fn every_view_builds() {
        for v in View::ALL {
            let b = build(&params(&[("view", v.slug())])).unwrap();
            assert_eq!(b.view, v);
            assert!(b.errors.is_empty(), "{v:?}: {:?}", b.errors);
            assert_eq!(b.scenario.name.as_str(), v.slug());
            assert_eq!(scenario_of(&b.trace), b.scenario.name);
        }
        let bad = build(&params(&[("view", "mesh"), ("sender", "9")])).unwrap();
        assert_eq!(bad.view, View::Switch);
        assert_eq!(bad.errors.len(), 2);
    }

    #[test]
    fn the_table_fills_as_the_trace_says_for_every_sender_and_receiver() {
        for s in 1..=PCS {
            for r in (1..=PCS).filter(|&r| r != s) {
                let b = build(&params(&[
                    ("sender", &s.to_string()),
                    ("receiver", &r.to_string()),
                ]))
                .unwrap();
                assert!(b.errors.is_empty());
                let tr = &b.trace;
                // The sender's MAC is learned on its port first, then the receiver's.
                let expected = vec![
                    ("switch".to_owned(), PC_IDS[s - 1].0.to_owned(), s - 1),
                    ("switch".to_owned(), PC_IDS[r - 1].0.to_owned(), r - 1),
                ];
                assert_eq!(learns(tr), expected, "{s}->{r}");
                let n = tr.events.len();
                let end = tables_at(tr, n);
                assert_eq!(end.len(), 1);
                let rows: Vec<(String, usize)> =
                    end[0].1.iter().map(|r| (r.mac.clone(), r.port)).collect();
                assert_eq!(
                    rows,
                    vec![
                        (PC_IDS[s - 1].0.to_owned(), s - 1),
                        (PC_IDS[r - 1].0.to_owned(), r - 1)
                    ]
                );
                assert!(tables_at(tr, 0)[0].1.is_empty());
                // Every host keeps its PC's identity, by port.
                for h in tr.hosts.iter().filter(|h| h.kind == HostKind::Host) {
                    let port = switch_port_of(tr, &h.name).unwrap();
                    assert_eq!(h.macs[0], PC_IDS[port].0, "{}", h.name);
                    assert_eq!(h.ips[0], format!("{}/24", PC_IDS[port].1));
                }
                // The ARP request floods to both other PCs at once; the reply is unicast.
                let req = tr
                    .frames
                    .iter()
                    .find(|f| {
                        f.from == "switch" && f.role.map(|r| r.as_str()) == Some("arp_request")
                    })
                    .unwrap();
                assert_eq!(forwarding(tr, req.index), Some(Forwarding::FloodBroadcast));
                assert_eq!(copies(tr, req.index).len(), PCS - 1);
                let cur = b.frame_event[req.index] + 1;
                assert_eq!(lit_frames(tr, &b.frame_event, cur), vec![req.index]);
                let second = copies(tr, req.index)[1];
                assert_eq!(
                    lit_frames(tr, &b.frame_event, b.frame_event[second] + 1).len(),
                    2
                );
                let rep = tr
                    .frames
                    .iter()
                    .find(|f| f.from == "switch" && f.role.map(|r| r.as_str()) == Some("arp_reply"))
                    .unwrap();
                assert_eq!(forwarding(tr, rep.index), Some(Forwarding::Unicast));
            }
        }
        let same = build(&params(&[("sender", "2"), ("receiver", "2")])).unwrap();
        assert_eq!((same.sender, same.receiver), (1, 2));
        assert_eq!(same.errors[0].0, "receiver");
    }

    #[test]
    fn the_storm_grows_and_a_pulled_cable_stops_it() {
        let b = build(&params(&[("view", "storm")])).unwrap();
        assert!(b.trace.capped);
        let ticks = &b.trace.frames_per_tick;
        assert!(ticks.iter().max().unwrap() > &10);
        let flaps = tables_at(&b.trace, b.trace.events.len());
        assert_eq!(flaps.len(), 2);
        assert!(flaps[0].1.iter().any(|r| r.learned > 5));
        assert!(
            link_counts(&b.trace, b.trace.events.len())
                .iter()
                .sum::<usize>()
                > 100
        );
        let p = build(&params(&[("view", "storm"), ("storm.pulled", "true")])).unwrap();
        let other = p.other.as_ref().unwrap();
        assert!(other.capped && !storm_pulled(other), "the loop is cabled");
        assert_eq!(other.frames_per_tick, b.trace.frames_per_tick);
        assert!(!p.trace.capped);
        assert!(p.trace.frames_per_tick.iter().all(|&n| n <= 1));
        assert_eq!(p.trace.links.len(), 3);
    }

    #[test]
    fn the_router_changes_exactly_the_macs_ttl_and_checksum() {
        for udp in ["false", "true"] {
            let b = build(&params(&[("view", "router"), ("router.udp", udp)])).unwrap();
            let tr = &b.trace;
            let (x, y) = hop_pair(tr, None).unwrap();
            assert_eq!(tr.frames[x].from, "client");
            assert_eq!(tr.frames[y].from, "router");
            let rows = hop_diff(&tr.frames[x], &tr.frames[y]);
            let changed: Vec<&str> = rows
                .iter()
                .filter(|r| r.changed)
                .map(|r| r.id.as_str())
                .collect();
            assert_eq!(
                changed,
                ["eth.dst", "eth.src", "ip.ttl", "ip.checksum"],
                "udp={udp}"
            );
            let ttl = rows.iter().find(|r| r.id == "ip.ttl").unwrap();
            assert_eq!((ttl.before.as_str(), ttl.after.as_str()), ("64", "63"));
            for id in ["ip.src", "ip.dst"] {
                assert!(rows.iter().any(|r| r.id == id && !r.changed));
            }
            // Near a later frame, the pair around it.
            let last = tr
                .frames
                .iter()
                .rev()
                .find(|f| {
                    f.from == "router"
                        && f.role.map(|r| r.as_str()) != Some("arp_request")
                        && f.role.map(|r| r.as_str()) != Some("arp_reply")
                })
                .unwrap();
            let (_, y2) = hop_pair(tr, Some(last.index)).unwrap();
            assert_eq!(y2, last.index);
            // ARP on both sides; the client's MAC never reaches the server's LAN.
            let arps = arp_by_link(tr);
            assert_eq!(arps.len(), 2);
            assert!(arps.iter().all(|(_, f)| f.len() == 2));
            assert!(mac_seen_on_link(tr, "02:00:00:00:00:0a", 0));
            assert!(!mac_seen_on_link(tr, "02:00:00:00:00:0a", 1));
        }
    }

    #[test]
    fn narration_exists_for_every_step_in_both_languages() {
        for v in View::ALL {
            let b = build(&params(&[("view", v.slug())])).unwrap();
            let n = b.trace.events.len();
            for c in (0..=n).step_by(if v == View::Storm { 7 } else { 1 }) {
                for lang in Lang::ALL {
                    let lines = narration(&b.trace, c, lang);
                    assert!(!lines.is_empty());
                    for l in lines {
                        assert!(!l.contains("scene.") && !l.contains("note."), "{l}");
                    }
                }
            }
        }
    }
}
