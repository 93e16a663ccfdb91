//! Shared test helpers for the wire tests: frames built with smoltcp's own `wire` emitters
//! (so checksums and option layouts are smoltcp's, not ours), and hex helpers.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

pub mod tshark;

use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{
    ArpOperation, ArpPacket, ArpRepr, EthernetAddress, EthernetFrame, EthernetProtocol,
    EthernetRepr, IpAddress, IpProtocol, Ipv4Address, Ipv4Packet, Ipv4Repr, TcpControl, TcpPacket,
    TcpRepr, TcpSeqNumber, TcpTimestampRepr, UdpPacket, UdpRepr,
};

/// One end of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ep {
    pub mac: [u8; 6],
    pub ip: [u8; 4],
    pub port: u16,
}

impl Ep {
    pub const fn new(mac: [u8; 6], ip: [u8; 4], port: u16) -> Self {
        Ep { mac, ip, port }
    }
}

/// A client and a server on 192.168.1.0/24.
pub const CLIENT: Ep = Ep::new([0x02, 0, 0, 0, 0, 0x01], [192, 168, 1, 10], 49152);
pub const SERVER: Ep = Ep::new([0x02, 0, 0, 0, 0, 0x02], [192, 168, 1, 20], 80);

/// Parses a hex string (whitespace ignored).
pub fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn v4(ip: [u8; 4]) -> Ipv4Address {
    Ipv4Address::new(ip[0], ip[1], ip[2], ip[3])
}

/// Ethernet + IPv4 around an L4 payload of `l4_len` bytes written by `fill`.
pub fn eth_ipv4(
    src: &Ep,
    dst: &Ep,
    proto: IpProtocol,
    ttl: u8,
    l4_len: usize,
    fill: impl FnOnce(&mut [u8]),
) -> Vec<u8> {
    let mut buf = vec![0u8; 14 + 20 + l4_len];
    let eth = EthernetRepr {
        src_addr: EthernetAddress(src.mac),
        dst_addr: EthernetAddress(dst.mac),
        ethertype: EthernetProtocol::Ipv4,
    };
    eth.emit(&mut EthernetFrame::new_unchecked(&mut buf[..]));
    let ip = Ipv4Repr {
        src_addr: v4(src.ip),
        dst_addr: v4(dst.ip),
        next_header: proto,
        payload_len: l4_len,
        hop_limit: ttl,
    };
    ip.emit(
        &mut Ipv4Packet::new_unchecked(&mut buf[14..]),
        &ChecksumCapabilities::default(),
    );
    fill(&mut buf[34..]);
    buf
}

/// What a TCP segment carries.
#[derive(Debug, Clone, Default)]
pub struct Seg {
    pub control: Ctl,
    pub seq: u32,
    pub ack: Option<u32>,
    pub window: u16,
    pub mss: Option<u16>,
    pub wscale: Option<u8>,
    pub sack_perm: bool,
    pub sack: Option<(u32, u32)>,
    pub timestamp: Option<(u32, u32)>,
    pub payload: Vec<u8>,
}

/// TCP control (smoltcp's `TcpControl`, defaultable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Ctl {
    #[default]
    None,
    Psh,
    Syn,
    Fin,
    Rst,
}

/// A TCP segment in Ethernet + IPv4, emitted by smoltcp.
pub fn tcp(src: &Ep, dst: &Ep, s: &Seg) -> Vec<u8> {
    let repr = TcpRepr {
        src_port: src.port,
        dst_port: dst.port,
        control: match s.control {
            Ctl::None => TcpControl::None,
            Ctl::Psh => TcpControl::Psh,
            Ctl::Syn => TcpControl::Syn,
            Ctl::Fin => TcpControl::Fin,
            Ctl::Rst => TcpControl::Rst,
        },
        seq_number: TcpSeqNumber(s.seq as i32),
        ack_number: s.ack.map(|a| TcpSeqNumber(a as i32)),
        window_len: s.window,
        window_scale: s.wscale,
        max_seg_size: s.mss,
        sack_permitted: s.sack_perm,
        sack_ranges: [s.sack, None, None],
        timestamp: s.timestamp.map(|(v, e)| TcpTimestampRepr::new(v, e)),
        payload: &s.payload,
    };
    let (sa, da) = (IpAddress::Ipv4(v4(src.ip)), IpAddress::Ipv4(v4(dst.ip)));
    eth_ipv4(src, dst, IpProtocol::Tcp, 64, repr.buffer_len(), |b| {
        repr.emit(
            &mut TcpPacket::new_unchecked(b),
            &sa,
            &da,
            &ChecksumCapabilities::default(),
        )
    })
}

/// A UDP datagram in Ethernet + IPv4, emitted by smoltcp.
pub fn udp(src: &Ep, dst: &Ep, payload: &[u8]) -> Vec<u8> {
    let repr = UdpRepr {
        src_port: src.port,
        dst_port: dst.port,
    };
    let (sa, da) = (IpAddress::Ipv4(v4(src.ip)), IpAddress::Ipv4(v4(dst.ip)));
    eth_ipv4(src, dst, IpProtocol::Udp, 64, 8 + payload.len(), |b| {
        repr.emit(
            &mut UdpPacket::new_unchecked(b),
            &sa,
            &da,
            payload.len(),
            |p| p.copy_from_slice(payload),
            &ChecksumCapabilities::default(),
        )
    })
}

/// An ARP request (`reply == false`, broadcast) or reply, emitted by smoltcp.
pub fn arp(src: &Ep, dst: &Ep, reply: bool) -> Vec<u8> {
    let mut buf = vec![0u8; 42];
    let eth = EthernetRepr {
        src_addr: EthernetAddress(src.mac),
        dst_addr: if reply {
            EthernetAddress(dst.mac)
        } else {
            EthernetAddress::BROADCAST
        },
        ethertype: EthernetProtocol::Arp,
    };
    eth.emit(&mut EthernetFrame::new_unchecked(&mut buf[..]));
    let repr = ArpRepr::EthernetIpv4 {
        operation: if reply {
            ArpOperation::Reply
        } else {
            ArpOperation::Request
        },
        source_hardware_addr: EthernetAddress(src.mac),
        source_protocol_addr: v4(src.ip),
        target_hardware_addr: if reply {
            EthernetAddress(dst.mac)
        } else {
            EthernetAddress([0; 6])
        },
        target_protocol_addr: v4(dst.ip),
    };
    repr.emit(&mut ArpPacket::new_unchecked(&mut buf[14..]));
    buf
}

/// A whole TCP conversation as smoltcp would send it: ARP, handshake with smoltcp's SYN
/// options, data both ways, four-way close. Times 1 ms apart.
pub fn conversation(
    c: &Ep,
    s: &Ep,
    isn_c: u32,
    isn_s: u32,
    req: &[u8],
    resp: &[u8],
) -> Vec<(u64, Vec<u8>)> {
    let syn_opts = |seg: Seg| Seg {
        mss: Some(1460),
        wscale: Some(0),
        sack_perm: true,
        ..seg
    };
    let (mut cs, mut ss) = (isn_c, isn_s);
    let mut frames = vec![arp(c, s, false), arp(s, c, true)];
    frames.push(tcp(
        c,
        s,
        &syn_opts(Seg {
            control: Ctl::Syn,
            seq: cs,
            window: 64240,
            ..Seg::default()
        }),
    ));
    cs = cs.wrapping_add(1);
    frames.push(tcp(
        s,
        c,
        &syn_opts(Seg {
            control: Ctl::Syn,
            seq: ss,
            ack: Some(cs),
            window: 64240,
            ..Seg::default()
        }),
    ));
    ss = ss.wrapping_add(1);
    frames.push(tcp(
        c,
        s,
        &Seg {
            seq: cs,
            ack: Some(ss),
            window: 64240,
            ..Seg::default()
        },
    ));
    frames.push(tcp(
        c,
        s,
        &Seg {
            control: Ctl::Psh,
            seq: cs,
            ack: Some(ss),
            window: 64240,
            payload: req.to_vec(),
            ..Seg::default()
        },
    ));
    cs = cs.wrapping_add(req.len() as u32);
    frames.push(tcp(
        s,
        c,
        &Seg {
            seq: ss,
            ack: Some(cs),
            window: 64240 - req.len() as u16,
            ..Seg::default()
        },
    ));
    frames.push(tcp(
        s,
        c,
        &Seg {
            control: Ctl::Psh,
            seq: ss,
            ack: Some(cs),
            window: 64240,
            payload: resp.to_vec(),
            ..Seg::default()
        },
    ));
    ss = ss.wrapping_add(resp.len() as u32);
    frames.push(tcp(
        c,
        s,
        &Seg {
            seq: cs,
            ack: Some(ss),
            window: 64240,
            ..Seg::default()
        },
    ));
    frames.push(tcp(
        c,
        s,
        &Seg {
            control: Ctl::Fin,
            seq: cs,
            ack: Some(ss),
            window: 64240,
            ..Seg::default()
        },
    ));
    cs = cs.wrapping_add(1);
    frames.push(tcp(
        s,
        c,
        &Seg {
            seq: ss,
            ack: Some(cs),
            window: 64240,
            ..Seg::default()
        },
    ));
    frames.push(tcp(
        s,
        c,
        &Seg {
            control: Ctl::Fin,
            seq: ss,
            ack: Some(cs),
            window: 64240,
            ..Seg::default()
        },
    ));
    ss = ss.wrapping_add(1);
    frames.push(tcp(
        c,
        s,
        &Seg {
            seq: cs,
            ack: Some(ss),
            window: 64240,
            ..Seg::default()
        },
    ));
    frames
        .into_iter()
        .enumerate()
        .map(|(i, f)| (i as u64 * 1000, f))
        .collect()
}

/// The frames the oracle checks when no scenario catalogue is available: a conversation
/// with a non-ASCII odd-length payload, a refused connection (SYN → RST,ACK), UDP both ways,
/// SACK and timestamp options, a padded frame, a fragment, other address ranges, high ports.
pub fn hand_built_frames() -> Vec<(u64, Vec<u8>)> {
    let mut out = conversation(
        &CLIENT,
        &SERVER,
        0x1234_5678,
        0xfedc_ba98,
        "héllo, 世界!".as_bytes(),
        b"HELLO",
    );
    let far_c = Ep::new([0x00, 0x1b, 0x21, 0x3a, 0x4b, 0x5c], [10, 0, 0, 1], 65535);
    let far_s = Ep::new(
        [0xac, 0xde, 0x48, 0x00, 0x11, 0x22],
        [172, 16, 254, 1],
        9000,
    );
    out.extend(conversation(
        &far_c,
        &far_s,
        0xffff_fff0,
        7,
        "ü".as_bytes(),
        "こんにちは".as_bytes(),
    ));
    // Refused: SYN to a closed port, RST,ACK back.
    let closed = Ep { port: 81, ..SERVER };
    out.push((
        0,
        tcp(
            &CLIENT,
            &closed,
            &Seg {
                control: Ctl::Syn,
                seq: 1000,
                window: 64240,
                mss: Some(1460),
                wscale: Some(0),
                sack_perm: true,
                ..Seg::default()
            },
        ),
    ));
    out.push((
        0,
        tcp(
            &closed,
            &CLIENT,
            &Seg {
                control: Ctl::Rst,
                seq: 0,
                ack: Some(1001),
                ..Seg::default()
            },
        ),
    ));
    // SACK and timestamps, mid-stream (no SYN seen) on another conversation.
    let a = Ep {
        port: 50000,
        ..CLIENT
    };
    let b = Ep {
        port: 8080,
        ..SERVER
    };
    out.push((
        0,
        tcp(
            &a,
            &b,
            &Seg {
                control: Ctl::Psh,
                seq: 5000,
                ack: Some(9000),
                window: 1000,
                timestamp: Some((1, 2)),
                payload: b"abc".to_vec(),
                ..Seg::default()
            },
        ),
    ));
    out.push((
        0,
        tcp(
            &b,
            &a,
            &Seg {
                seq: 9000,
                ack: Some(5003),
                window: 1000,
                sack: Some((5010, 5020)),
                timestamp: Some((3, 1)),
                ..Seg::default()
            },
        ),
    ));
    // UDP both ways, odd non-ASCII payload, then an empty datagram.
    let uc = Ep {
        port: 54321,
        ..CLIENT
    };
    let us = Ep {
        port: 9999,
        ..SERVER
    };
    out.push((0, udp(&uc, &us, "你好x".as_bytes())));
    out.push((0, udp(&us, &uc, b"HELLO")));
    out.push((0, udp(&uc, &us, b"")));
    // Padded to 60 bytes as a NIC would: a bare ACK and an ARP request.
    let mut padded = tcp(
        &CLIENT,
        &SERVER,
        &Seg {
            seq: 1,
            ack: Some(1),
            window: 100,
            ..Seg::default()
        },
    );
    padded.resize(60, 0);
    out.push((0, padded));
    let mut padded_arp = arp(&far_c, &far_s, false);
    padded_arp.resize(60, 0);
    out.push((0, padded_arp));
    // A UDP first fragment (MF set): tshark shows its payload as data.
    let mut frag = udp(&uc, &us, b"fragment!");
    frag[14 + 6] = 0x20; // MF, offset 0
    frag[14 + 1] = 0xb8; // DSCP EF
    let c = wirewalk_engine::wire::checksum::ipv4_header(&frag[14..34]);
    frag[24..26].copy_from_slice(&c.to_be_bytes());
    out.push((0, frag));
    for (i, f) in out.iter_mut().enumerate() {
        f.0 = i as u64 * 1000;
    }
    out
}
