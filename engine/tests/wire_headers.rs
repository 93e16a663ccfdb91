//! Golden-byte tests of the field tables: parse known frames (checked against tshark 4.0 when
//! they were written), exact errors for every truncation, fields tiling each header, checksum
//! helpers, relative sequence numbers, the physical view.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{hex, Ctl, Seg, CLIENT, SERVER};
use wirewalk_engine::wire::{
    self, arp, checksum, ethernet, ipv4, physical, tcp, udp, AnnotatedFrame, Annotator, Field,
    LayerId, WireError,
};

/// ARP request 192.168.1.10 → who has 192.168.1.20.
const ARP_REQUEST: &str = "ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 c0a8010a 000000000000 c0a80114";
/// SYN with MSS 1460, NOP, WS 0, SACK-permitted, EOL, EOL; IP id 0x1234, DF.
const TCP_SYN: &str = "020000000002 020000000001 0800 \
    4500 0034 1234 4000 4006 a521 c0a8010a c0a80114 \
    c000 0050 000003e8 00000000 8002 faf0 2d81 0000 020405b4 01030300 04020000";
/// UDP 5000 → 53 carrying "你好x" (odd length, non-ASCII).
const UDP_DGRAM: &str = "020000000002 020000000001 0800 \
    4500 0023 1234 4000 4011 a527 c0a8010a c0a80114 \
    1388 0035 000f c542 e4bda0e5a5bd78";

fn annotate(bytes: &[u8]) -> AnnotatedFrame {
    Annotator::new().annotate(bytes).expect("annotates")
}

fn show(a: &AnnotatedFrame, id: &str) -> String {
    a.field(id)
        .unwrap_or_else(|| panic!("no field {id}"))
        .show
        .clone()
}

fn get<'a>(a: &'a AnnotatedFrame, id: &str) -> &'a Field {
    a.field(id).unwrap_or_else(|| panic!("no field {id}"))
}

#[test]
fn test_parse_ethernet_and_arp() {
    let a = annotate(&hex(ARP_REQUEST));
    assert_eq!(a.len, 42);
    let ids: Vec<&str> = a.layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["eth", "arp"]);
    assert_eq!(show(&a, "eth.dst"), "ff:ff:ff:ff:ff:ff");
    assert_eq!(show(&a, "eth.src"), "02:00:00:00:00:01");
    assert_eq!(show(&a, "eth.type"), "0x0806");
    let ig = get(&a, "eth.dst.ig");
    assert_eq!(
        (ig.offset, ig.len, ig.mask, ig.show.as_str()),
        (0, 3, 0x01_0000, "1")
    );
    assert_eq!(show(&a, "eth.src.lg"), "1");
    for (id, v) in [
        ("arp.hw.type", "1"),
        ("arp.proto.type", "0x0800"),
        ("arp.hw.size", "6"),
        ("arp.proto.size", "4"),
        ("arp.opcode", "1"),
        ("arp.src.hw_mac", "02:00:00:00:00:01"),
        ("arp.src.proto_ipv4", "192.168.1.10"),
        ("arp.dst.hw_mac", "00:00:00:00:00:00"),
        ("arp.dst.proto_ipv4", "192.168.1.20"),
    ] {
        assert_eq!(show(&a, id), v, "{id}");
    }
    assert_eq!(get(&a, "arp.dst.proto_ipv4").offset, 38);
    let s = &a.summary;
    assert_eq!(s.protocol.as_str(), "ARP");
    assert!(s.broadcast);
    assert_eq!(s.arp_op, Some(arp::OP_REQUEST));
    assert_eq!(
        s.arp_text.as_deref(),
        Some("Who has 192.168.1.20? Tell 192.168.1.10")
    );
}

#[test]
fn test_parse_ipv4_tcp_syn() {
    let a = annotate(&hex(TCP_SYN));
    let ids: Vec<&str> = a.layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["eth", "ip", "tcp"]);
    for (id, v) in [
        ("ip.version", "4"),
        ("ip.hdr_len", "20"),
        ("ip.dsfield", "0x00"),
        ("ip.dsfield.dscp", "0"),
        ("ip.dsfield.ecn", "0"),
        ("ip.len", "52"),
        ("ip.id", "0x1234"),
        ("ip.flags", "0x02"),
        ("ip.flags.rb", "0"),
        ("ip.flags.df", "1"),
        ("ip.flags.mf", "0"),
        ("ip.frag_offset", "0"),
        ("ip.ttl", "64"),
        ("ip.proto", "6"),
        ("ip.checksum", "0xa521"),
        ("ip.src", "192.168.1.10"),
        ("ip.dst", "192.168.1.20"),
        ("tcp.srcport", "49152"),
        ("tcp.dstport", "80"),
        ("tcp.seq", "0"),
        ("tcp.seq_raw", "1000"),
        ("tcp.ack", "0"),
        ("tcp.ack_raw", "0"),
        ("tcp.hdr_len", "32"),
        ("tcp.flags", "0x0002"),
        ("tcp.flags.syn", "1"),
        ("tcp.flags.ack", "0"),
        ("tcp.flags.str", "··········S·"),
        ("tcp.window_size_value", "64240"),
        ("tcp.checksum", "0x2d81"),
        ("tcp.urgent_pointer", "0"),
        ("tcp.options", "02:04:05:b4:01:03:03:00:04:02:00:00"),
        ("tcp.options.mss", "02:04:05:b4"),
        ("tcp.options.mss_val", "1460"),
        ("tcp.options.nop", "01"),
        ("tcp.options.wscale.shift", "0"),
        ("tcp.options.wscale.multiplier", "1"),
        ("tcp.options.sack_perm", "04:02"),
        ("tcp.options.eol", "00"),
    ] {
        assert_eq!(show(&a, id), v, "{id}");
    }
    let flags = get(&a, "ip.flags");
    assert_eq!((flags.offset, flags.len, flags.mask), (20, 1, 0xe0));
    let frag = get(&a, "ip.frag_offset");
    assert_eq!((frag.offset, frag.len, frag.mask), (20, 2, 0x1fff));
    let tf = get(&a, "tcp.flags");
    assert_eq!((tf.offset, tf.len, tf.mask), (46, 2, 0x0fff));
    let syn = get(&a, "tcp.flags.syn");
    assert_eq!((syn.offset, syn.len, syn.mask), (47, 1, 0x02));
    let mss = get(&a, "tcp.options.mss_val");
    assert_eq!((mss.offset, mss.len), (56, 2));
    let tcp = a.layer(LayerId::Tcp).expect("tcp");
    assert_eq!((tcp.offset, tcp.len), (34, 32));
    let eols = tcp
        .fields
        .iter()
        .flat_map(|f| f.walk())
        .filter(|f| f.id == "tcp.options.eol")
        .count();
    assert_eq!(eols, 2);
    let s = &a.summary;
    assert_eq!(s.protocol.as_str(), "TCP");
    assert_eq!((s.src_port, s.dst_port), (Some(49152), Some(80)));
    assert_eq!(s.tcp_flags, tcp::SYN);
    assert_eq!(s.tcp_flags_text, "SYN");
    assert_eq!(
        (s.seq, s.ack, s.seq_raw, s.ack_raw),
        (Some(0), None, Some(1000), Some(0))
    );
    assert_eq!(s.next_seq, Some(1));
    assert_eq!((s.mss, s.wscale, s.sack_perm), (Some(1460), Some(0), true));
    assert_eq!(
        (s.ip_checksum_ok, s.l4_checksum_ok),
        (Some(true), Some(true))
    );
    assert_eq!(
        s.info,
        "49152 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 WS=1 SACK_PERM"
    );
}

#[test]
fn test_parse_udp_with_payload() {
    let a = annotate(&hex(UDP_DGRAM));
    let ids: Vec<&str> = a.layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["eth", "ip", "udp", "data"]);
    for (id, v) in [
        ("udp.srcport", "5000"),
        ("udp.dstport", "53"),
        ("udp.length", "15"),
        ("udp.checksum", "0xc542"),
        ("data.data", "e4:bd:a0:e5:a5:bd:78"),
    ] {
        assert_eq!(show(&a, id), v, "{id}");
    }
    let data = a.layer(LayerId::Data).expect("data");
    assert_eq!((data.offset, data.len), (42, 7));
    assert_eq!(a.summary.payload_len, 7);
    assert_eq!(a.summary.l4_checksum_ok, Some(true));
}

#[test]
fn test_parse_padding() {
    let mut f = hex(ARP_REQUEST);
    f.resize(60, 0);
    let a = annotate(&f);
    let pad = a.layer(LayerId::Padding).expect("padding layer");
    assert_eq!((pad.offset, pad.len), (42, 18));
    assert_eq!(pad.fields[0].id, "eth.padding");
    f.resize(64, 0xaa);
    let a = annotate(&f);
    let trailer = a.field("eth.trailer").expect("trailer");
    assert_eq!(
        (trailer.offset, trailer.len, trailer.show.as_str()),
        (60, 4, "aa:aa:aa:aa")
    );
}

#[test]
fn test_truncated_every_length() {
    let arp_f = hex(ARP_REQUEST);
    let syn = hex(TCP_SYN);
    let udp_f = hex(UDP_DGRAM);
    for n in 0..14 {
        assert_eq!(
            Annotator::new().annotate(&syn[..n]),
            Err(WireError::Truncated {
                layer: "eth",
                need: 14,
                got: n
            })
        );
    }
    for n in 14..42 {
        let want = if n < 22 {
            WireError::Truncated {
                layer: "arp",
                need: 8,
                got: n - 14,
            }
        } else {
            WireError::Truncated {
                layer: "arp",
                need: 28,
                got: n - 14,
            }
        };
        assert_eq!(
            Annotator::new().annotate(&arp_f[..n]),
            Err(want),
            "arp cut at {n}"
        );
    }
    for n in 14..syn.len() {
        let want = if n < 34 {
            WireError::Truncated {
                layer: "ip",
                need: 20,
                got: n - 14,
            }
        } else {
            WireError::Truncated {
                layer: "ip",
                need: 52,
                got: n - 14,
            }
        };
        assert_eq!(
            Annotator::new().annotate(&syn[..n]),
            Err(want),
            "ip cut at {n}"
        );
    }
    // The headers themselves, cut at every length.
    let seg = &syn[34..];
    for n in 0..seg.len() {
        let want = if n < 20 {
            WireError::Truncated {
                layer: "tcp",
                need: 20,
                got: n,
            }
        } else {
            WireError::Truncated {
                layer: "tcp",
                need: 32,
                got: n,
            }
        };
        assert_eq!(
            tcp::Segment::new_checked(&seg[..n]).err(),
            Some(want),
            "tcp cut at {n}"
        );
    }
    let dgram = &udp_f[34..];
    for n in 0..dgram.len() {
        let need = if n < 8 { 8 } else { 15 };
        assert_eq!(
            udp::Datagram::new_checked(&dgram[..n]).err(),
            Some(WireError::Truncated {
                layer: "udp",
                need,
                got: n
            })
        );
    }
    assert!(ipv4::Packet::new_checked(&syn[14..]).is_ok());
    assert!(ethernet::Frame::new_checked(&syn[..14]).is_ok());
}

#[test]
fn test_malformed_and_unsupported() {
    let mut f = hex(TCP_SYN);
    f[14] = 0x44; // IHL 4
    assert!(matches!(
        Annotator::new().annotate(&f),
        Err(WireError::Malformed { layer: "ip", .. })
    ));
    f[14] = 0x65; // version 6
    assert!(matches!(
        Annotator::new().annotate(&f),
        Err(WireError::Unsupported { layer: "ip", .. })
    ));
    let mut f = hex(TCP_SYN);
    f[46] = 0x40; // data offset 4
    let e = Annotator::new().annotate(&f).unwrap_err();
    assert!(matches!(e, WireError::Malformed { layer: "tcp", .. }));
    assert_eq!(e.to_string(), "tcp: malformed, header length 16 below 20");
    let mut f = hex(ARP_REQUEST);
    f[15] = 6; // hardware type 6
    assert!(matches!(
        Annotator::new().annotate(&f),
        Err(WireError::Unsupported { layer: "arp", .. })
    ));
    // Unknown EtherType: not an error, the body is data.
    let mut f = hex(ARP_REQUEST);
    f[12..14].copy_from_slice(&[0x88, 0xb5]);
    let a = annotate(&f);
    assert_eq!(
        a.layers().iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        ["eth", "data"]
    );
}

/// The bits a layer's top-level fields cover, each exactly once, are exactly its bytes.
fn assert_tiles(a: &AnnotatedFrame) {
    // tcp.seq_raw / tcp.ack_raw are the wire view of the same bytes as tcp.seq / tcp.ack.
    const ALIASES: [&str; 2] = ["tcp.seq_raw", "tcp.ack_raw"];
    for layer in a.layers() {
        let mut seen = vec![0u8; layer.len * 8];
        for f in layer
            .fields
            .iter()
            .filter(|f| !ALIASES.contains(&f.id.as_str()))
        {
            for b in f.bits() {
                let i = b.checked_sub(layer.offset * 8).filter(|i| *i < seen.len());
                let i = i.unwrap_or_else(|| panic!("{} bit {b} outside layer {}", f.id, layer.id));
                seen[i] += 1;
            }
            // Children stay inside their parent's bytes.
            for c in f.walk().into_iter().skip(1) {
                assert!(
                    c.offset >= f.offset && c.offset + c.len <= f.offset + f.len,
                    "{} outside parent {}",
                    c.id,
                    f.id
                );
            }
        }
        if let Some(i) = seen.iter().position(|&n| n != 1) {
            panic!(
                "layer {}: bit {} (byte {}) covered {} times",
                layer.id,
                i,
                layer.offset + i / 8,
                seen[i]
            );
        }
    }
    // Layers themselves tile the frame.
    let mut end = 0;
    for layer in a.layers() {
        assert_eq!(
            layer.offset, end,
            "layer {} does not start where the last ended",
            layer.id
        );
        end = layer.offset + layer.len;
    }
    assert_eq!(end, a.len, "layers do not reach the end of the frame");
}

#[test]
fn fields_tile_every_header() {
    let mut ann = Annotator::new();
    for (_, f) in common::hand_built_frames() {
        assert_tiles(&ann.annotate(&f).expect("annotates"));
    }
    for g in [ARP_REQUEST, TCP_SYN, UDP_DGRAM] {
        assert_tiles(&annotate(&hex(g)));
    }
}

#[test]
fn field_bits_follow_masks() {
    let a = annotate(&hex(TCP_SYN));
    assert_eq!(get(&a, "ip.version").bits(), (112..116).collect::<Vec<_>>());
    assert_eq!(get(&a, "ip.hdr_len").bits(), (116..120).collect::<Vec<_>>());
    // tshark's mask for tcp.flags.res is relative to the 16-bit flags word.
    assert_eq!(
        get(&a, "tcp.flags.res").bits(),
        vec![46 * 8 + 4, 46 * 8 + 5, 46 * 8 + 6]
    );
    assert_eq!(get(&a, "tcp.flags.ae").bits(), vec![46 * 8 + 7]);
    assert_eq!(get(&a, "tcp.flags.fin").bits(), vec![47 * 8 + 7]);
    assert_eq!(get(&a, "eth.dst.ig").bits(), vec![7]);
    assert_eq!(
        get(&a, "ip.frag_offset").bits(),
        (20 * 8 + 3..22 * 8).collect::<Vec<_>>()
    );
}

#[test]
fn checksums_verify_and_recompute() {
    let syn = hex(TCP_SYN);
    assert!(checksum::verify_ipv4_header(&syn[14..34]));
    assert_eq!(checksum::ipv4_header(&syn[14..34]), 0xa521);
    let (src, dst) = ([192, 168, 1, 10], [192, 168, 1, 20]);
    assert!(checksum::verify_l4(src, dst, 6, &syn[34..]));
    assert_eq!(checksum::l4(src, dst, 6, &syn[34..], 16), 0x2d81);
    let u = hex(UDP_DGRAM);
    assert_eq!(checksum::udp(src, dst, &u[34..]), 0xc542);
    let d = udp::Datagram::new_checked(&u[34..]).expect("udp");
    assert_eq!(d.expected_checksum(src, dst), 0xc542);
    let p = ipv4::Packet::new_checked(&syn[14..]).expect("ip");
    assert_eq!(p.expected_checksum(), p.checksum());
    // Corrupt the TTL: both checks fail and the summary says so.
    let mut bad = syn.clone();
    bad[22] = 63;
    let a = annotate(&bad);
    assert_eq!(a.summary.ip_checksum_ok, Some(false));
    assert_eq!(a.summary.l4_checksum_ok, Some(true));
    bad[60] ^= 1;
    assert_eq!(annotate(&bad).summary.l4_checksum_ok, Some(false));
    // UDP without checksum: nothing to verify.
    let mut none = u.clone();
    none[40..42].copy_from_slice(&[0, 0]);
    assert_eq!(annotate(&none).summary.l4_checksum_ok, None);
}

#[test]
fn relative_numbers_follow_wireshark() {
    let frames = common::conversation(&CLIENT, &SERVER, 0xffff_fff0, 5000, b"hello", b"HELLO");
    let mut ann = Annotator::new();
    let got: Vec<(String, Option<u32>, Option<u32>, usize)> = frames
        .iter()
        .skip(2) // ARP
        .map(|(_, f)| {
            let s = ann.annotate(f).expect("annotates").summary;
            (s.tcp_flags_text, s.seq, s.ack, s.payload_len)
        })
        .collect();
    let want = [
        ("SYN", Some(0), None, 0),
        ("SYN, ACK", Some(0), Some(1), 0),
        ("ACK", Some(1), Some(1), 0),
        ("PSH, ACK", Some(1), Some(1), 5),
        ("ACK", Some(1), Some(6), 0),
        ("PSH, ACK", Some(1), Some(6), 5),
        ("ACK", Some(6), Some(6), 0),
        ("FIN, ACK", Some(6), Some(6), 0),
        ("ACK", Some(6), Some(7), 0),
        ("FIN, ACK", Some(6), Some(7), 0),
        ("ACK", Some(7), Some(7), 0),
    ];
    let want: Vec<(String, Option<u32>, Option<u32>, usize)> = want
        .iter()
        .map(|(f, s, a, l)| (f.to_string(), *s, *a, *l))
        .collect();
    assert_eq!(got, want);

    // First segment seen mid-stream starts at 1; the peer's base comes from its ACK.
    let a = common::Ep {
        port: 50000,
        ..CLIENT
    };
    let b = common::Ep {
        port: 8080,
        ..SERVER
    };
    let mut ann = Annotator::new();
    let s1 = ann
        .annotate(&common::tcp(
            &a,
            &b,
            &Seg {
                control: Ctl::Psh,
                seq: 100,
                ack: Some(900),
                payload: b"ab".to_vec(),
                ..Seg::default()
            },
        ))
        .expect("annotates")
        .summary;
    assert_eq!((s1.seq, s1.ack, s1.next_seq), (Some(1), Some(1), Some(3)));
    let s2 = ann
        .annotate(&common::tcp(
            &b,
            &a,
            &Seg {
                seq: 900,
                ack: Some(102),
                ..Seg::default()
            },
        ))
        .expect("annotates")
        .summary;
    assert_eq!((s2.seq, s2.ack), (Some(1), Some(3)));

    // Refused: the RST,ACK's own base is seq - 1.
    let closed = common::Ep { port: 81, ..SERVER };
    let mut ann = Annotator::new();
    ann.annotate(&common::tcp(
        &CLIENT,
        &closed,
        &Seg {
            control: Ctl::Syn,
            seq: 7,
            ..Seg::default()
        },
    ))
    .expect("syn");
    let rst = ann
        .annotate(&common::tcp(
            &closed,
            &CLIENT,
            &Seg {
                control: Ctl::Rst,
                seq: 0,
                ack: Some(8),
                ..Seg::default()
            },
        ))
        .expect("rst")
        .summary;
    assert_eq!(
        (rst.tcp_flags_text.as_str(), rst.seq, rst.ack),
        ("RST, ACK", Some(1), Some(1))
    );
    // Port reuse: a new SYN with another ISN starts over at 0.
    let again = ann
        .annotate(&common::tcp(
            &CLIENT,
            &closed,
            &Seg {
                control: Ctl::Syn,
                seq: 99,
                ..Seg::default()
            },
        ))
        .expect("syn")
        .summary;
    assert_eq!(again.seq, Some(0));
}

#[test]
fn flags_text_and_str() {
    assert_eq!(tcp::flags_text(tcp::SYN | tcp::ACK), "SYN, ACK");
    assert_eq!(
        tcp::flags_text(tcp::FIN | tcp::PSH | tcp::ACK),
        "FIN, PSH, ACK"
    );
    assert_eq!(tcp::flags_text(0), "");
    assert_eq!(tcp::flags_str(tcp::SYN | tcp::ACK), "·······A··S·");
    assert_eq!(tcp::flags_str(0xfff), "RRRACEUAPRSF");
}

#[test]
fn physical_view() {
    let f = hex(ARP_REQUEST);
    let p = physical(&f);
    assert_eq!(p.segment_bytes("preamble"), &[0x55; 7]);
    assert_eq!(p.segment_bytes("sfd"), &[0xd5]);
    assert_eq!(p.segment_bytes("frame"), &f[..]);
    assert_eq!(p.segment_bytes("padding"), &[0u8; 18]);
    // zlib.crc32 of the padded frame is 0x9cc5cb34; the wire carries it little-endian.
    assert_eq!(p.fcs, 0x9cc5_cb34);
    assert_eq!(p.segment_bytes("fcs"), &[0x34, 0xcb, 0xc5, 0x9c]);
    assert!(p.fcs_ok());
    assert_eq!(p.bytes.len(), 72);
    assert_eq!(&p.bits()[..8], &[1, 0, 1, 0, 1, 0, 1, 0]);
    // A long frame gets no padding segment.
    let long = physical(&[0u8; 100]);
    assert!(long.segment("padding").is_none());
    assert_eq!(long.bytes.len(), 8 + 100 + 4);
    assert_eq!(wire::physical::crc32(b"123456789"), 0xcbf4_3926);
}

#[test]
fn serde_round_trip() {
    let a = annotate(&hex(TCP_SYN));
    let json = serde_json::to_string(&a).expect("serialize");
    let back: AnnotatedFrame = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(a, back);
    let p = physical(&hex(ARP_REQUEST));
    let back: wire::PhysicalFrame =
        serde_json::from_str(&serde_json::to_string(&p).expect("serialize")).expect("deserialize");
    assert_eq!(p, back);
}

#[test]
fn field_ids_lists_exactly_what_annotation_produces() {
    use std::collections::BTreeSet;
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    let mut seen = BTreeSet::new();
    let mut note = |a: &AnnotatedFrame| {
        for f in a.all_fields() {
            seen.insert(f.id.clone());
        }
    };
    let mut annotator = Annotator::new();
    for (_, bytes) in common::hand_built_frames() {
        note(
            &annotator
                .annotate(&bytes)
                .expect("hand-built frames annotate"),
        );
    }
    for name in ScenarioName::ALL {
        let t = wirewalk_engine::run(&Scenario::new(*name)).expect("catalogue runs");
        for f in &t.frames {
            note(f.annotated.as_ref().expect("annotated"));
        }
    }
    // Rarer shapes, made from real frames: an ARP frame with a trailer after its padding, a
    // SYN whose options are a NOP and an unknown kind, a UDP datagram with IPv4 options.
    let t = wirewalk_engine::run(&Scenario::new(ScenarioName::Tcp)).expect("tcp runs");
    let mut arp = t.frames[0].bytes.clone();
    arp.resize(70, 0xee);
    let mut syn = t.frames[2].bytes.clone();
    let hdr = usize::from(syn[34 + 12] >> 4) * 4;
    let opts = &mut syn[34 + 20..34 + hdr];
    let n = opts.len();
    opts.fill(0xab);
    opts[0] = 1;
    opts[1] = 254;
    opts[2] = u8::try_from(n - 1).unwrap();
    let u = wirewalk_engine::run(&Scenario::new(ScenarioName::Udp)).expect("udp runs");
    let plain = &u.frames[2].bytes;
    let mut udp = plain[..34].to_vec();
    udp.extend_from_slice(&[1, 1, 1, 0]);
    udp.extend_from_slice(&plain[34..]);
    udp[14] = 0x46;
    let total = u16::from_be_bytes([udp[16], udp[17]]) + 4;
    udp[16..18].copy_from_slice(&total.to_be_bytes());
    for bytes in [arp, syn, udp] {
        note(
            &Annotator::new()
                .annotate(&bytes)
                .expect("rare shapes annotate"),
        );
    }
    // Every link header a capture file can start with (the committed captures), and a
    // Linux cooked header whose source address is not 6 bytes long.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/captures");
    for name in ["sll.pcap", "sll2.pcap", "null-le.pcap", "raw101.pcap"] {
        let bytes = std::fs::read(dir.join(name)).expect("committed capture");
        let cap = wirewalk_engine::capture::read(&bytes).expect("reads");
        let mut annotator = Annotator::new();
        for p in &cap.packets {
            note(
                &annotator
                    .annotate_link(&p.bytes, p.link)
                    .expect("annotates"),
            );
        }
    }
    let mut sll = vec![0, 0, 0, 1, 0, 4, 10, 0, 0, 1, 0, 0, 0, 0, 0x12, 0x34];
    sll.extend_from_slice(b"other");
    note(
        &Annotator::new()
            .annotate_link(&sll, wire::LinkType::Sll)
            .expect("SLL with a 4-byte address"),
    );
    let listed: BTreeSet<String> = wire::FIELD_IDS.iter().map(|s| s.to_string()).collect();
    let unlisted: Vec<_> = seen.difference(&listed).collect();
    let never: Vec<_> = listed.difference(&seen).collect();
    assert!(
        unlisted.is_empty(),
        "produced but not in FIELD_IDS: {unlisted:?}"
    );
    assert!(
        never.is_empty(),
        "in FIELD_IDS but never produced: {never:?}"
    );
    let mut sorted = wire::FIELD_IDS.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, wire::FIELD_IDS);
}
