//! UDP, switch, router and storm scenarios: what each box does to frames.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smoltcp::wire::{
    ArpOperation, ArpPacket, ArpRepr, EthernetAddress, EthernetFrame, EthernetProtocol, Ipv4Packet,
    TcpPacket,
};
use wirewalk_engine::run;
use wirewalk_engine::scenario::Scenario;
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, HostKind, NoteKey, Trace};

fn trace(name: &str, sets: &[(&str, &str)]) -> Trace {
    let mut s = Scenario::named(name).expect("known scenario");
    for (k, v) in sets {
        s.set(k, v).expect("valid parameter");
    }
    run(&s).expect("scenario runs")
}

fn returned<'a>(t: &'a Trace, host: &str, call: &str) -> Vec<&'a str> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SocketCall {
                host: h,
                call: c,
                phase: CallPhase::Returned,
                result,
                ..
            } if h == host && c == call => Some(result.as_str()),
            _ => None,
        })
        .collect()
}

fn eth(f: &Frame) -> EthernetFrame<&[u8]> {
    EthernetFrame::new_checked(&f.bytes[..]).unwrap()
}

#[test]
fn udp_exchanges_datagrams_without_handshake() {
    let t = trace("udp", &[]);
    let roles: Vec<_> = t
        .frames
        .iter()
        .filter_map(|f| f.role.map(|r| r.as_str()))
        .collect();
    assert_eq!(roles, ["arp_request", "arp_reply", "udp", "udp"]);
    assert_eq!(returned(&t, "client", "sendto"), ["5"]);
    assert_eq!(returned(&t, "server", "recvfrom").len(), 1);
    assert!(returned(&t, "server", "recvfrom")[0].starts_with("(b'hello', ('192.168.1.10', "));
    assert_eq!(
        returned(&t, "client", "recvfrom"),
        ["(b'HELLO', ('192.168.1.20', 8080))"]
    );
    assert!(t.state_sequence("client").is_empty(), "UDP has no states");
    assert!(t.notes().contains(&NoteKey::UdpNoHandshake));
}

#[test]
fn switch_floods_the_arp_broadcast_and_unicasts_the_rest() {
    let t = trace("switch", &[]);
    assert!(t.hosts.iter().any(|h| h.kind == HostKind::Switch));
    assert!(t.hosts.iter().any(|h| h.name == "pc3"));
    // The broadcast reaches every other port: server and pc3.
    let req: Vec<&Frame> = t
        .frames
        .iter()
        .filter(|f| f.role.map(|r| r.as_str()) == Some("arp_request") && f.from == "switch")
        .collect();
    let mut to: Vec<&str> = req.iter().map(|f| f.to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["pc3", "server"]);
    // Everything after the broadcast leaves the switch on one port only; pc3 hears nothing else.
    let later: Vec<&Frame> = t
        .frames
        .iter()
        .filter(|f| f.from == "switch" && f.role.map(|r| r.as_str()) != Some("arp_request"))
        .collect();
    assert!(!later.is_empty());
    assert!(later.iter().all(|f| f.to != "pc3"));
    // The table: client on port 0, server on port 1, learned in that order.
    let learned: Vec<(String, usize)> = t
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SwitchLearn { mac, port, .. } => Some((mac.clone(), *port)),
            _ => None,
        })
        .collect();
    assert_eq!(
        learned,
        [
            ("02:00:00:00:00:0a".to_string(), 0),
            ("02:00:00:00:00:14".to_string(), 1)
        ]
    );
    // A switch never changes a byte.
    for f in t.frames.iter().filter(|f| f.from == "switch") {
        assert!(t
            .frames
            .iter()
            .any(|g| g.to == "switch" && g.bytes == f.bytes));
    }
    assert_eq!(
        returned(&t, "client", "recvfrom"),
        ["(b'HELLO', ('192.168.1.20', 8080))"]
    );
}

#[test]
fn switch_avoids_an_address_clash_with_pc3() {
    let t = trace("switch", &[("server.ip", "192.168.1.30")]);
    let pc3 = t.hosts.iter().find(|h| h.name == "pc3").unwrap();
    assert_ne!(pc3.ips[0], "192.168.1.30/24");
}

fn ipv4_pair<'a>(t: &'a Trace, role: &str, from_a: &str, from_b: &str) -> (&'a Frame, &'a Frame) {
    let a = t
        .frames
        .iter()
        .find(|f| f.role.map(|r| r.as_str()) == Some(role) && f.from == from_a)
        .unwrap();
    let b = t
        .frames
        .iter()
        .find(|f| f.role.map(|r| r.as_str()) == Some(role) && f.from == from_b)
        .unwrap();
    (a, b)
}

#[test]
fn router_changes_macs_and_ttl_but_not_ips_or_ports() {
    let t = trace("router", &[]);
    let (before, after) = ipv4_pair(&t, "syn", "client", "router");
    let (e1, e2) = (eth(before), eth(after));
    let (ip1, ip2) = (
        Ipv4Packet::new_checked(e1.payload()).unwrap(),
        Ipv4Packet::new_checked(e2.payload()).unwrap(),
    );
    assert_eq!(ip1.hop_limit(), 64);
    assert_eq!(ip2.hop_limit(), 63);
    assert!(ip2.verify_checksum(), "checksum recomputed");
    assert_ne!(ip1.checksum(), ip2.checksum());
    assert_eq!(ip1.src_addr(), ip2.src_addr());
    assert_eq!(ip1.dst_addr(), ip2.dst_addr());
    assert_eq!(e1.src_addr(), EthernetAddress([2, 0, 0, 0, 0, 0x0a]));
    assert_eq!(
        e1.dst_addr(),
        EthernetAddress([2, 0, 0, 0, 1, 1]),
        "client → router port"
    );
    assert_eq!(
        e2.src_addr(),
        EthernetAddress([2, 0, 0, 0, 2, 1]),
        "router's other port"
    );
    assert_eq!(e2.dst_addr(), EthernetAddress([2, 0, 0, 0, 0, 0x14]));
    let (t1, t2) = (
        TcpPacket::new_checked(ip1.payload()).unwrap(),
        TcpPacket::new_checked(ip2.payload()).unwrap(),
    );
    assert_eq!(
        (t1.src_port(), t1.dst_port()),
        (t2.src_port(), t2.dst_port())
    );
    assert_eq!(t1.payload(), t2.payload());
    assert!(t.notes().contains(&NoteKey::RouterRewritesMacs));
    assert_eq!(returned(&t, "client", "recv"), ["b'HELLO'"]);
}

#[test]
fn router_answers_arp_for_the_gateway_and_arps_for_the_next_hop() {
    let t = trace("router", &[]);
    let arps: Vec<(String, ArpOperation, [u8; 4])> = t
        .frames
        .iter()
        .filter(|f| eth(f).ethertype() == EthernetProtocol::Arp)
        .map(|f| {
            let e = eth(f);
            let ArpRepr::EthernetIpv4 {
                operation,
                target_protocol_addr,
                ..
            } = ArpRepr::parse(&ArpPacket::new_checked(e.payload()).unwrap()).unwrap()
            else {
                panic!()
            };
            (f.from.clone(), operation, target_protocol_addr.octets())
        })
        .collect();
    assert!(arps.contains(&("client".into(), ArpOperation::Request, [192, 168, 1, 1])));
    assert!(arps.contains(&("router".into(), ArpOperation::Reply, [192, 168, 1, 10])));
    assert!(arps.contains(&("router".into(), ArpOperation::Request, [192, 168, 2, 20])));
    assert!(arps.contains(&("server".into(), ArpOperation::Reply, [192, 168, 2, 1])));
}

#[test]
fn router_works_for_other_address_ranges() {
    let t = trace(
        "router",
        &[("client.ip", "10.0.0.5"), ("server.ip", "172.16.9.200")],
    );
    assert_eq!(returned(&t, "client", "recv"), ["b'HELLO'"]);
    let r = t.hosts.iter().find(|h| h.kind == HostKind::Router).unwrap();
    assert_eq!(r.ips, ["10.0.0.1/24", "172.16.9.1/24"]);
}

#[test]
fn storm_multiplies_and_is_capped() {
    let t = trace("storm", &[]);
    assert!(t.capped);
    assert!(t.notes().contains(&NoteKey::StormCapped));
    let ticks = &t.frames_per_tick;
    assert!(ticks.len() > 10);
    assert_eq!(ticks[0], 1, "one broadcast to begin with");
    let late = ticks[ticks.len() - 2];
    assert!(late > 10 * ticks[0], "{ticks:?}");
    assert_eq!(ticks.iter().sum::<usize>(), t.frames.len());
    // The MAC table flaps: the client's address is learned again and again.
    let flaps = t
        .events
        .iter()
        .filter(
            |e| matches!(&e.kind, EventKind::SwitchLearn { mac, .. } if mac == "02:00:00:00:00:0a"),
        )
        .count();
    assert!(flaps > 10);
}

fn learned(t: &Trace) -> Vec<(String, String, usize)> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SwitchLearn { switch, mac, port } => {
                Some((switch.clone(), mac.clone(), *port))
            }
            _ => None,
        })
        .collect()
}

fn switch_port_of(t: &Trace, name: &str) -> usize {
    t.links
        .iter()
        .find_map(|l| {
            if l.a == name && l.b == "switch" {
                Some(l.b_port)
            } else if l.b == name && l.a == "switch" {
                Some(l.a_port)
            } else {
                None
            }
        })
        .unwrap()
}

#[test]
fn switch_hosts_can_sit_on_any_ports() {
    // PC3 (…:1e, .30) sends to PC1 (…:0a, .10): the idle host is PC2 on port 1.
    let t = trace(
        "switch",
        &[
            ("client.switch_port", "2"),
            ("server.switch_port", "0"),
            ("client.mac", "02:00:00:00:00:1e"),
            ("client.ip", "192.168.1.30"),
            ("server.mac", "02:00:00:00:00:0a"),
            ("server.ip", "192.168.1.10"),
        ],
    );
    let idle = t.hosts.iter().find(|h| h.name == "pc2").expect("pc2");
    assert_eq!(idle.ips, ["192.168.1.20/24"]);
    assert_eq!(idle.macs, ["02:00:00:00:00:14"]);
    assert!(t.hosts.iter().all(|h| h.name != "pc3"));
    assert_eq!(
        (
            switch_port_of(&t, "client"),
            switch_port_of(&t, "server"),
            switch_port_of(&t, "pc2")
        ),
        (2, 0, 1)
    );
    // Link 0 is still the client's (the loss rule's link).
    assert!(t.links[0].a == "client" || t.links[0].b == "client");
    // The broadcast floods ports 0 and 1; the table learns the client on 2, the server on 0.
    let mut flood: Vec<&str> = t
        .frames
        .iter()
        .filter(|f| f.role.map(|r| r.as_str()) == Some("arp_request") && f.from == "switch")
        .map(|f| f.to.as_str())
        .collect();
    flood.sort_unstable();
    assert_eq!(flood, ["pc2", "server"]);
    let expected: Vec<(String, String, usize)> = vec![
        ("switch".into(), "02:00:00:00:00:1e".into(), 2),
        ("switch".into(), "02:00:00:00:00:0a".into(), 0),
    ];
    assert_eq!(learned(&t), expected);
    assert_eq!(
        returned(&t, "client", "recvfrom"),
        ["(b'HELLO', ('192.168.1.10', 8080))"]
    );
}

#[test]
fn switch_idle_host_never_clashes_and_ports_must_differ() {
    let t = trace(
        "switch",
        &[("client.switch_port", "1"), ("server.switch_port", "2")],
    );
    let idle = t.hosts.iter().find(|h| h.name == "pc1").expect("pc1");
    assert_ne!(idle.ips[0], "192.168.1.10/24");
    assert_ne!(idle.macs[0], "02:00:00:00:00:0a");
    let mut s = Scenario::named("switch").unwrap();
    s.set("server.switch_port", "0").unwrap();
    assert_eq!(
        s.validate().unwrap_err().message_key(),
        "error.duplicate_address"
    );
    assert_eq!(
        s.set("client.switch_port", "3").unwrap_err().message_key(),
        "error.out_of_range"
    );
}

#[test]
fn storm_stops_when_a_loop_cable_is_pulled() {
    let t = trace("storm", &[("storm.pulled", "true")]);
    assert!(!t.capped);
    assert!(!t.notes().contains(&NoteKey::StormCapped));
    let between = t
        .links
        .iter()
        .filter(|l| l.a.starts_with("switch") && l.b.starts_with("switch"))
        .count();
    assert_eq!(between, 1);
    // One broadcast crosses each link once: client → s1 → s2 → server.
    let requests = t
        .frames
        .iter()
        .filter(|f| f.role.map(|r| r.as_str()) == Some("arp_request"))
        .count();
    assert_eq!(requests, 3);
    assert!(t.frames_per_tick.iter().all(|&n| n <= 1));
    assert_eq!(t.frames_per_tick.iter().sum::<usize>(), t.frames.len());
    assert_eq!(
        returned(&t, "client", "recvfrom"),
        ["(b'HELLO', ('192.168.1.20', 8080))"]
    );
}

#[test]
fn router_carries_udp_too() {
    let t = trace("router", &[("router.udp", "true")]);
    let (before, after) = ipv4_pair(&t, "udp", "client", "router");
    let (ip1, ip2) = (
        Ipv4Packet::new_checked(eth(before).payload()).unwrap(),
        Ipv4Packet::new_checked(eth(after).payload()).unwrap(),
    );
    assert_eq!((ip1.hop_limit(), ip2.hop_limit()), (64, 63));
    assert_eq!(
        ip1.payload(),
        ip2.payload(),
        "UDP header and data untouched"
    );
    assert_eq!(
        returned(&t, "client", "recvfrom"),
        ["(b'HELLO', ('192.168.2.20', 8080))"]
    );
}
