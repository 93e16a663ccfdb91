//! Property tests: `annotate` never panics on any bytes, and on frames emitted by smoltcp
//! it reads back exactly the values that were emitted.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Ctl, Ep, Seg};
use proptest::prelude::*;
use wirewalk_engine::wire::{physical, tcp, Annotator, LayerId};

fn ep() -> impl Strategy<Value = Ep> {
    (any::<[u8; 6]>(), any::<[u8; 4]>(), 1u16..=65535).prop_map(|(mut mac, ip, port)| {
        mac[0] &= 0xfe; // unicast
        Ep::new(mac, ip, port)
    })
}

fn ctl() -> impl Strategy<Value = Ctl> {
    prop_oneof![
        Just(Ctl::None),
        Just(Ctl::Psh),
        Just(Ctl::Syn),
        Just(Ctl::Fin),
        Just(Ctl::Rst)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn annotate_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Annotator::new().annotate(&bytes);
        let _ = physical(&bytes);
    }

    #[test]
    fn annotate_never_panics_on_mutated_frames(
        pick in 0usize..1000,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        extra in proptest::collection::vec(any::<u8>(), 0..40),
    ) {
        let frames = common::hand_built_frames();
        let mut f = frames[pick % frames.len()].1.clone();
        for (i, b) in edits {
            let at = i.index(f.len());
            f[at] = b;
        }
        f.truncate(cut.index(f.len() + 1));
        f.extend(extra);
        let mut ann = Annotator::new();
        if let Ok(a) = ann.annotate(&f) {
            // Every field lies inside the frame.
            for fld in a.all_fields() {
                prop_assert!(fld.offset + fld.len <= f.len(), "{} beyond the frame", fld.id);
            }
        }
    }

    #[test]
    fn tcp_round_trips(
        src in ep(), dst in ep(), control in ctl(),
        seq in any::<u32>(), ack in proptest::option::of(any::<u32>()),
        window in any::<u16>(), mss in proptest::option::of(1u16..=65535),
        wscale in proptest::option::of(0u8..=14), sack_perm in any::<bool>(),
        timestamp in proptest::option::of((any::<u32>(), any::<u32>())),
        payload in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let s = Seg { control, seq, ack, window, mss, wscale, sack_perm, sack: None, timestamp, payload: payload.clone() };
        let frame = common::tcp(&src, &dst, &s);
        let a = Annotator::new().annotate(&frame).expect("smoltcp frame annotates");
        let sum = &a.summary;
        prop_assert_eq!(sum.protocol.as_str(), "TCP");
        prop_assert_eq!(sum.src_port, Some(src.port));
        prop_assert_eq!(sum.dst_port, Some(dst.port));
        prop_assert_eq!(sum.seq_raw, Some(seq));
        prop_assert_eq!(sum.ack_raw, Some(ack.unwrap_or(0)));
        prop_assert_eq!(sum.ack.is_some(), ack.is_some());
        prop_assert_eq!(sum.window, Some(window));
        prop_assert_eq!(sum.payload_len, payload.len());
        prop_assert_eq!(sum.ip_checksum_ok, Some(true));
        prop_assert_eq!(sum.l4_checksum_ok, Some(true));
        prop_assert_eq!(sum.src_ip.clone(), Some(format!("{}.{}.{}.{}", src.ip[0], src.ip[1], src.ip[2], src.ip[3])));
        let want_flags = match control {
            Ctl::Syn => tcp::SYN, Ctl::Fin => tcp::FIN, Ctl::Rst => tcp::RST, Ctl::Psh => tcp::PSH, Ctl::None => 0,
        } | if ack.is_some() { tcp::ACK } else { 0 };
        prop_assert_eq!(sum.tcp_flags, want_flags);
        prop_assert_eq!(sum.mss, mss);
        prop_assert_eq!(sum.wscale, wscale);
        prop_assert_eq!(sum.sack_perm, sack_perm);
        let seq_raw = a.field("tcp.seq_raw").expect("seq_raw").show.clone();
        prop_assert_eq!(seq_raw, seq.to_string());
        if let Some((tsval, tsecr)) = timestamp {
            prop_assert_eq!(a.field("tcp.options.timestamp.tsval").map(|f| f.show.clone()), Some(tsval.to_string()));
            prop_assert_eq!(a.field("tcp.options.timestamp.tsecr").map(|f| f.show.clone()), Some(tsecr.to_string()));
        }
        if !payload.is_empty() {
            let data = a.layer(LayerId::Data).expect("data layer");
            prop_assert_eq!(&frame[data.offset..data.offset + data.len], &payload[..]);
        }
    }

    #[test]
    fn udp_and_arp_round_trip(src in ep(), dst in ep(), payload in proptest::collection::vec(any::<u8>(), 0..64), reply in any::<bool>()) {
        let a = Annotator::new().annotate(&common::udp(&src, &dst, &payload)).expect("udp annotates");
        prop_assert_eq!(a.summary.protocol.as_str(), "UDP");
        prop_assert_eq!((a.summary.src_port, a.summary.dst_port), (Some(src.port), Some(dst.port)));
        prop_assert_eq!(a.summary.payload_len, payload.len());
        prop_assert_eq!(a.summary.l4_checksum_ok, Some(true));
        prop_assert_eq!(a.field("udp.length").map(|f| f.show.clone()), Some((8 + payload.len()).to_string()));

        let a = Annotator::new().annotate(&common::arp(&src, &dst, reply)).expect("arp annotates");
        prop_assert_eq!(a.summary.arp_op, Some(if reply { 2 } else { 1 }));
        prop_assert_eq!(a.summary.broadcast, !reply);
        let mac = src.mac.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
        prop_assert_eq!(a.field("arp.src.hw_mac").map(|f| f.show.clone()), Some(mac));
    }

    #[test]
    fn physical_fcs_always_checks(frame in proptest::collection::vec(any::<u8>(), 0..200)) {
        let p = physical(&frame);
        prop_assert!(p.fcs_ok());
        // An independent CRC-32 (IEEE 802.3's polynomial, the crc32fast crate) over the
        // frame and its padding gives the same FCS, sent least significant byte first.
        let mut padded = frame.clone();
        padded.resize(frame.len().max(60), 0);
        let independent = crc32fast::hash(&padded);
        prop_assert_eq!(p.fcs, independent);
        prop_assert_eq!(p.segment_bytes("fcs"), &independent.to_le_bytes()[..]);
        prop_assert_eq!(p.bytes.len(), 8 + frame.len().max(60) + 4);
    }
}
