//! The LAN scene's pure logic: which engine scenario a view runs (switch, storm, router)
//! and with what, the switch's MAC table at a cursor (from the trace's `SwitchLearn`
//! events), flood vs unicast decisions, the storm's growth, and the router's hop diff
//! (which header fields a router changed, read from the annotated frames' bytes).
//! Everything here reads the engine's trace; nothing is made up. The storm's chart is in
//! [`storm`], the router's hop in [`router`], the per-step sentences in [`narrate`]; all
//! are re-exported here, flat.

pub mod narrate;
pub mod questions;
pub mod router;
pub mod storm;

pub use narrate::*;
pub use questions::*;
pub use router::*;
pub use storm::*;

use crate::i18n::{t, tf, Lang};
use crate::scenes::params::{apply_and_run, frame_events};
use std::collections::BTreeMap;
use std::rc::Rc;
use wirewalk_engine::scenario::{Scenario, ScenarioError, ScenarioName};
use wirewalk_engine::trace::{EventKind, HostKind, Trace};

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

/// How the switch that sent frame `index` forwarded it, read from the frame's own
/// destination MAC and the switch's table when it decided: ff:ff:ff:ff:ff:ff is a
/// broadcast (flooded whatever the table holds); a unicast destination the table holds
/// goes out of its one port; one it does not hold is flooded. (Identical copies sent at
/// one instant are not a flood by themselves: in a loop, each copy of a reply is its own
/// unicast decision.) `None` for a frame a host sent, or a multicast one.
#[must_use]
pub fn forwarding(trace: &Trace, index: usize) -> Option<Forwarding> {
    let f = trace.frames.get(index)?;
    if !is_switch(trace, &f.from) {
        return None;
    }
    let dst: [u8; 6] = f.bytes.get(..6)?.try_into().ok()?;
    if dst == [0xff; 6] {
        return Some(Forwarding::FloodBroadcast);
    }
    if dst[0] & 1 == 1 {
        return None;
    }
    let cursor = trace.event_of_frame(index)?;
    let mac = wirewalk_engine::wire::fmt_mac(dst);
    Some(if table_holds(trace, &f.from, &mac, cursor) {
        Forwarding::Unicast
    } else {
        Forwarding::FloodUnknown
    })
}

/// Whether `switch` had learned `mac` during the first `cursor` events.
fn table_holds(trace: &Trace, switch: &str, mac: &str, cursor: usize) -> bool {
    trace.events.iter().take(cursor).any(|e| {
        matches!(&e.kind, EventKind::SwitchLearn { switch: s, mac: m, .. } if s == switch && m == mac)
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
}
