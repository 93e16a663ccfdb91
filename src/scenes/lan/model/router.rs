//! The router's hop: which header fields a router changed (read from the annotated
//! frames' bytes), the hop pair at a cursor, and ARP on each side.

use super::is_switch;
use wirewalk_engine::scenario::ScenarioName;
use wirewalk_engine::trace::{Frame, HostKind, Trace};
use wirewalk_engine::wire::Field;

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
    for la in a.layers().iter().filter(|l| l.id.as_str() != "data") {
        let Some(lb) = b.layers().iter().find(|l| l.id == la.id) else {
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
        let ip = a.layers().iter().find(|l| l.id.as_str() == "ip")?;
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

#[cfg(test)]
mod tests {
    use super::super::build;
    use super::*;
    use crate::scenes::params::url_params as params;

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
}
