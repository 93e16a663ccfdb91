//! Property tests: random valid scenarios never panic and give well-formed frames; random
//! strings for every parameter give an error or a trace, never a panic.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use smoltcp::wire::{
    EthernetFrame, EthernetProtocol, IpAddress, IpProtocol, Ipv4Packet, TcpPacket, UdpPacket,
};
use wirewalk_engine::run;
use wirewalk_engine::scenario::{Scenario, ScenarioName, KEYS};
use wirewalk_engine::trace::{EventKind, Trace};

fn assert_well_formed(t: &Trace) {
    for f in &t.frames {
        let eth = EthernetFrame::new_checked(&f.bytes[..]).expect("ethernet");
        assert!(f.annotated.is_some(), "frame {} annotated", f.index);
        if eth.ethertype() != EthernetProtocol::Ipv4 {
            continue;
        }
        let ip = Ipv4Packet::new_checked(eth.payload()).expect("ipv4");
        assert!(ip.verify_checksum(), "ip checksum of frame {}", f.index);
        let (src, dst) = (
            IpAddress::Ipv4(ip.src_addr()),
            IpAddress::Ipv4(ip.dst_addr()),
        );
        match ip.next_header() {
            IpProtocol::Tcp => {
                let tcp = TcpPacket::new_checked(ip.payload()).expect("tcp");
                assert!(
                    tcp.verify_checksum(&src, &dst),
                    "tcp checksum of frame {}",
                    f.index
                );
            }
            IpProtocol::Udp => {
                let udp = UdpPacket::new_checked(ip.payload()).expect("udp");
                assert!(
                    udp.verify_checksum(&src, &dst),
                    "udp checksum of frame {}",
                    f.index
                );
            }
            other => panic!("unexpected protocol {other}"),
        }
    }
    for w in t.events.windows(2) {
        assert!(w[0].time_us <= w[1].time_us, "events in time order");
    }
    for e in &t.events {
        if let EventKind::Frame { frame } = e.kind {
            assert!(frame < t.frames.len());
        }
    }
}

fn unicast_mac() -> impl Strategy<Value = [u8; 6]> {
    any::<[u8; 6]>()
        .prop_map(|mut m| {
            m[0] &= 0xfe;
            m
        })
        .prop_filter("not zero, not the router's", |m| {
            *m != [0; 6] && *m != [2, 0, 0, 0, 1, 1] && *m != [2, 0, 0, 0, 2, 1]
        })
}

fn mac_text(m: [u8; 6]) -> String {
    m.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn payload() -> impl Strategy<Value = String> {
    "\\PC{1,300}".prop_filter("fits one segment", |s| !s.is_empty() && s.len() <= 1460)
}

const LOSSES: &[&str] = &[
    "none",
    "data",
    "data*2",
    "syn",
    "syn_ack",
    "handshake_ack",
    "fin",
    "ack_fin",
    "final_ack",
    "ack",
    "c2s:1",
    "c2s:4",
    "s2c:2",
    "s2c:5",
    "udp",
    "arp_request",
];

prop_compose! {
    fn valid_scenario()(
        name in prop::sample::select(ScenarioName::ALL.iter().map(|n| n.as_str()).collect::<Vec<_>>()),
        net in (1u8..224).prop_filter("not loopback", |a| *a != 127),
        net2 in 0u8..=255,
        other_net in 1u8..=255,
        c in 2u8..=254,
        s in 2u8..=254,
        cmac in unicast_mac(),
        smac in unicast_mac(),
        cport in prop::option::of(1u16..=65535),
        sport in 1u16..=65535,
        cpay in payload(),
        spay in payload(),
        loss in prop::sample::select(LOSSES),
        cthink in 0u64..400,
        sthink in 0u64..400,
        delayed_ack in any::<bool>(),
        seed in any::<u64>(),
        latency in 1u64..20_000,
    ) -> Option<Scenario> {
        let mut sc = Scenario::named(name).ok()?;
        let routed = name == "router";
        let client_ip = format!("{net}.{net2}.1.{c}");
        let server_ip = if routed {
            format!("{net}.{net2}.{}.{s}", if other_net == 1 { 2 } else { other_net })
        } else {
            format!("{net}.{net2}.1.{s}")
        };
        if cmac == smac || client_ip == server_ip || (routed && (c == 1 || s == 1)) {
            return None;
        }
        let cport = cport.map_or("auto".to_string(), |p| p.to_string());
        for (k, v) in [
            ("client.ip", client_ip.as_str()),
            ("server.ip", server_ip.as_str()),
            ("client.mac", mac_text(cmac).as_str()),
            ("server.mac", mac_text(smac).as_str()),
            ("client.port", cport.as_str()),
            ("server.port", sport.to_string().as_str()),
            ("client.payload", cpay.as_str()),
            ("server.payload", spay.as_str()),
            ("loss", loss),
            ("client.think_ms", cthink.to_string().as_str()),
            ("server.think_ms", sthink.to_string().as_str()),
            ("delayed_ack", if delayed_ack { "true" } else { "false" }),
            ("seed", seed.to_string().as_str()),
            ("latency_us", latency.to_string().as_str()),
        ] {
            sc.set(k, v).ok()?;
        }
        Some(sc)
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_valid_scenarios_run_and_give_well_formed_frames(s in valid_scenario()) {
        if let Some(s) = s {
            prop_assert_eq!(s.validate(), Ok(()));
            let t = run(&s).expect("a valid scenario runs");
            assert_well_formed(&t);
        }
    }

    #[test]
    fn random_strings_for_every_key_never_panic(
        name in prop::sample::select(ScenarioName::ALL.iter().map(|n| n.as_str()).collect::<Vec<_>>()),
        key in prop::sample::select(KEYS),
        value in "\\PC{0,40}|[0-9.:-]{0,20}",
    ) {
        let mut s = Scenario::named(name).expect("catalogue");
        match s.set(key, &value) {
            Ok(()) => {
                if let Ok(t) = run(&s) {
                    assert_well_formed(&t);
                }
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert!(e.message_key().starts_with("error."));
            }
        }
    }

    #[test]
    fn random_keys_are_refused(key in "\\PC{0,20}") {
        let mut s = Scenario::named("tcp").expect("tcp");
        let r = s.set(&key, "1");
        if !KEYS.contains(&key.as_str()) {
            prop_assert!(r.is_err());
        }
    }
}
