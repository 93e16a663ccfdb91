//! One conversation of a capture as a [`Trace`]: frames annotated, roles from the one
//! conversation tracker (with its capture analysis), and both ends' RFC 9293 states
//! inferred from the segments as the capture point saw them.
//!
//! The inference reads each segment twice: its sender's own move (sending a SYN or a FIN)
//! goes before the frame's event, the receiver's (a SYN-ACK, an ACK of its FIN, the peer's
//! FIN) after it. The server's LISTEN happened before anything was on the wire, so it is
//! put first with a note saying it was not seen; a capture that starts mid-connection
//! starts both ends in ESTABLISHED, with a note. TIME_WAIT's end is never on the wire.

use super::{Capture, Conversation, Flow, Packet, Transport};
use crate::trace::{
    Event, EventKind, Frame, HostInfo, HostKind, LinkInfo, NoteKey, TcpState, Trace,
};
use crate::wire::tcp::{ACK, FIN, RST, SYN};
use crate::wire::{ipv4, tcp, udp, Annotator, Conversations, FrameRole, LinkType};

/// Where the IPv4 header starts in a frame of this link type, if it carries IPv4.
fn ip_offset(p: &Packet) -> Option<usize> {
    let b = &p.bytes;
    let be16 = |at: usize| Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]));
    match p.link {
        LinkType::Ethernet => (be16(12)? == 0x0800).then_some(14),
        LinkType::Sll => (be16(14)? == 0x0800).then_some(16),
        LinkType::Sll2 => (be16(0)? == 0x0800).then_some(20),
        LinkType::Null => {
            let le = u32::from_le_bytes([*b.first()?, *b.get(1)?, *b.get(2)?, *b.get(3)?]);
            let family = if le > 0xffff { le.swap_bytes() } else { le };
            (family == crate::wire::link::AF_INET).then_some(4)
        }
        LinkType::RawIp => (b.first()? >> 4 == 4).then_some(0),
    }
}

/// The IPv4 packet of a frame, if it has one.
fn ip_packet(p: &Packet) -> Option<ipv4::Packet<'_>> {
    let ip = ipv4::Packet::new_checked(p.bytes.get(ip_offset(p)?..)?).ok()?;
    (!ip.is_fragment()).then_some(ip)
}

/// The transport, 4-tuple and TCP flags of a frame, if it is TCP or UDP over IPv4.
pub(super) fn flow(p: &Packet) -> Option<Flow> {
    let ip = ip_packet(p)?;
    match ip.protocol() {
        ipv4::PROTO_TCP => {
            let seg = tcp::Segment::new_checked(ip.payload()).ok()?;
            Some(Flow {
                transport: Transport::Tcp,
                from: (ip.src(), seg.src_port()),
                to: (ip.dst(), seg.dst_port()),
                flags: seg.flags(),
            })
        }
        ipv4::PROTO_UDP => {
            let d = udp::Datagram::new_checked(ip.payload()).ok()?;
            Some(Flow {
                transport: Transport::Udp,
                from: (ip.src(), d.src_port()),
                to: (ip.dst(), d.dst_port()),
                flags: 0,
            })
        }
        _ => None,
    }
}

/// Whether a frame is a TCP SYN without ACK.
pub(super) fn is_syn(p: &Packet) -> bool {
    flow(p).is_some_and(|f| f.transport == Transport::Tcp && f.flags & (SYN | ACK) == SYN)
}

/// What each end has shown so far, for the state inference.
struct Ends {
    state: [TcpState; 2],
    /// Sequence number each end's FIN occupies.
    fin: [Option<u32>; 2],
}

const NAMES: [&str; 2] = ["client", "server"];

fn seq_le(a: u32, b: u32) -> bool {
    (b.wrapping_sub(a) as i32) >= 0
}

/// Appends a state change of end `who` to `to`, if it is one.
fn change(ends: &mut Ends, events: &mut Vec<Event>, time_us: u64, who: usize, to: TcpState) {
    let from = ends.state[who];
    if from != to {
        ends.state[who] = to;
        events.push(Event {
            time_us,
            kind: EventKind::StateChange {
                host: NAMES[who].to_string(),
                from,
                to,
            },
        });
    }
}

/// The sender's own move: a SYN or a FIN it sends.
fn sent(ends: &mut Ends, ev: &mut Vec<Event>, t: u64, x: usize, seg: &tcp::Segment<'_>) {
    use TcpState as S;
    let flags = seg.flags();
    if flags & RST != 0 {
        return;
    }
    if flags & SYN != 0 {
        let to = if flags & ACK != 0 {
            S::SynReceived
        } else {
            S::SynSent
        };
        if matches!(ends.state[x], S::Closed | S::Listen) {
            change(ends, ev, t, x, to);
        }
    }
    if flags & FIN != 0 {
        let len = u32::try_from(seg.payload().len()).unwrap_or(0) + u32::from(flags & SYN != 0);
        ends.fin[x] = Some(seg.seq().wrapping_add(len));
        match ends.state[x] {
            S::Established | S::SynReceived => change(ends, ev, t, x, S::FinWait1),
            S::CloseWait => change(ends, ev, t, x, S::LastAck),
            _ => {}
        }
    }
}

/// The receiver's move: what the segment from `x` tells the other end.
fn received(ends: &mut Ends, ev: &mut Vec<Event>, t: u64, x: usize, seg: &tcp::Segment<'_>) {
    use TcpState as S;
    let y = 1 - x;
    let flags = seg.flags();
    if flags & RST != 0 {
        change(ends, ev, t, x, S::Closed);
        change(ends, ev, t, y, S::Closed);
        return;
    }
    if flags & (SYN | ACK) == SYN | ACK && ends.state[y] == S::SynSent {
        change(ends, ev, t, y, S::Established);
    }
    if flags & ACK != 0 {
        if flags & SYN == 0 && ends.state[y] == S::SynReceived {
            change(ends, ev, t, y, S::Established);
        }
        if ends.fin[y].is_some_and(|f| seq_le(f.wrapping_add(1), seg.ack())) {
            match ends.state[y] {
                S::FinWait1 => change(ends, ev, t, y, S::FinWait2),
                S::Closing => change(ends, ev, t, y, S::TimeWait),
                S::LastAck => change(ends, ev, t, y, S::Closed),
                _ => {}
            }
        }
    }
    if flags & FIN != 0 {
        match ends.state[y] {
            S::Established | S::SynReceived => change(ends, ev, t, y, S::CloseWait),
            S::FinWait1 => change(ends, ev, t, y, S::Closing),
            S::FinWait2 => change(ends, ev, t, y, S::TimeWait),
            _ => {}
        }
    }
}

/// A host of the trace: its address and, on Ethernet, its MAC.
fn host(name: &str, ip: &str, mac: Option<String>) -> HostInfo {
    HostInfo {
        name: name.to_string(),
        kind: HostKind::Host,
        macs: mac.into_iter().collect(),
        ips: vec![ip.to_string()],
        gateway: None,
        ports: 1,
        code: Vec::new(),
    }
}

/// The note a frame's role or checksum earns the first time it is seen.
fn role_note(role: Option<FrameRole>) -> Option<NoteKey> {
    match role? {
        r if r.is_retransmission() => Some(NoteKey::CaptureRetransmission),
        FrameRole::OutOfOrder => Some(NoteKey::CaptureOutOfOrder),
        FrameRole::DupAck => Some(NoteKey::CaptureDupAck),
        _ => None,
    }
}

/// Conversation `c` of `cap` as a trace.
pub(super) fn trace(cap: &Capture, c: &Conversation) -> Trace {
    let packets: Vec<&Packet> = c
        .frames
        .iter()
        .filter_map(|&i| cap.packets.get(i))
        .collect();
    let flows: Vec<Option<Flow>> = packets.iter().map(|p| flow(p)).collect();
    let client = flows
        .iter()
        .flatten()
        .find(|f| f.transport == Transport::Tcp && f.flags & (SYN | ACK) == SYN)
        .or_else(|| flows.iter().flatten().next())
        .map(|f| f.from);
    let t0 = packets.first().map_or(0, |p| p.time_us);
    let mut annotator = Annotator::new();
    let mut tracker = Conversations::with_analysis();
    let mut ends = Ends {
        state: [TcpState::Closed; 2],
        fin: [None; 2],
    };
    let mut events = Vec::new();
    let mut frames = Vec::new();
    let mut macs: [Option<String>; 2] = [None, None];
    let mut noted: Vec<NoteKey> = Vec::new();
    let mut note = |events: &mut Vec<Event>, t: u64, key: NoteKey| {
        if !noted.contains(&key) {
            noted.push(key);
            events.push(Event {
                time_us: t,
                kind: EventKind::Note { key },
            });
        }
    };
    if c.transport == Transport::Tcp {
        note(&mut events, 0, NoteKey::CaptureStatesInferred);
        if flows
            .first()
            .and_then(|f| f.as_ref())
            .is_some_and(|f| f.flags & (SYN | ACK) == SYN)
        {
            change(&mut ends, &mut events, 0, 1, TcpState::Listen);
            note(&mut events, 0, NoteKey::CaptureListenUnseen);
        } else {
            change(&mut ends, &mut events, 0, 0, TcpState::Established);
            change(&mut ends, &mut events, 0, 1, TcpState::Established);
            note(&mut events, 0, NoteKey::CaptureMidConnection);
        }
    } else {
        note(&mut events, 0, NoteKey::UdpNoHandshake);
    }
    let mut last_t = 0;
    for (k, (p, f)) in packets.iter().zip(&flows).enumerate() {
        // Keep the clock from running backwards (captures can be out of time order).
        let t = p.time_us.saturating_sub(t0).max(last_t);
        last_t = t;
        let x = usize::from(f.as_ref().map(|f| f.from) != client);
        let (annotated, annotation_error) = match annotator.annotate_link(&p.bytes, p.link) {
            Ok(mut a) => {
                a.summary.captured = true;
                (Some(a), None)
            }
            Err(e) => (None, Some(e.to_string())),
        };
        if let Some(a) = &annotated {
            if macs[x].is_none() && !a.summary.src_mac.is_empty() {
                macs[x] = Some(a.summary.src_mac.clone());
            }
        }
        let seg = ip_packet(p).and_then(|ip| {
            let seg = tcp::Segment::new_checked(ip.payload()).ok()?;
            Some((ip, seg))
        });
        let seg = seg.filter(|_| c.transport == Transport::Tcp);
        let role = match &seg {
            Some((ip, s)) => Some(
                tracker
                    .track((ip.src(), s.src_port()), (ip.dst(), s.dst_port()), s)
                    .role,
            ),
            None => (c.transport == Transport::Udp).then_some(FrameRole::Udp),
        };
        if let Some((_, s)) = &seg {
            sent(&mut ends, &mut events, t, x, s);
        }
        events.push(Event {
            time_us: t,
            kind: EventKind::Frame { frame: k },
        });
        if let Some((_, s)) = &seg {
            received(&mut ends, &mut events, t, x, s);
        }
        if let Some(key) = role_note(role) {
            note(&mut events, t, key);
        }
        let bad_sum = annotated.as_ref().is_some_and(|a| {
            a.summary.ip_checksum_ok == Some(false) || a.summary.l4_checksum_ok == Some(false)
        });
        if bad_sum {
            note(&mut events, t, NoteKey::ChecksumOffload);
        }
        frames.push(Frame {
            index: k,
            time_us: t,
            arrive_us: t,
            link: 0,
            from: NAMES[x].to_string(),
            to: NAMES[1 - x].to_string(),
            dropped: false,
            bytes: p.bytes.clone(),
            annotated,
            annotation_error,
            role,
        });
    }
    let [cm, sm] = macs;
    Trace {
        hosts: vec![
            host("client", &c.client_ip, cm),
            host("server", &c.server_ip, sm),
        ],
        links: vec![LinkInfo {
            index: 0,
            a: "client".into(),
            a_port: 0,
            b: "server".into(),
            b_port: 0,
            latency_us: 0,
        }],
        frames,
        end_us: last_t,
        events,
        tick_us: 0,
        frames_per_tick: Vec::new(),
        capped: false,
    }
}
