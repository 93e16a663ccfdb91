//! TCP conversation tracking: one tracker for relative numbers and for frame roles.
//!
//! [`Conversations`] remembers, per TCP conversation and direction, what Wireshark
//! remembers (the base sequence number behind relative `Seq=`/`Ack=`) and what the story
//! needs (how far each side has sent, where its SYN-ACK and FIN were), so one pass over
//! the segments in order gives both the relative numbers ([`Relative`]) and each
//! segment's [`FrameRole`]. The annotator keeps one tracker for a whole trace; the network
//! keeps one per link, because the same segment crossing a second link is not a
//! retransmission. [`classify`] gives any frame its role, reading it with this crate's own
//! checked parsers.

use std::collections::BTreeMap;

use super::role::FrameRole;
use super::tcp::{Relative, Segment, ACK, FIN, RST, SYN};
use super::{arp, ethernet, ipv4, tcp};

/// An IPv4 address and a port.
pub type Endpoint = ([u8; 4], u16);

/// What one direction of a conversation has shown so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Side {
    /// Base of relative sequence numbers (Wireshark's rule, see [`Conversations`]).
    base: Option<u32>,
    /// Highest sequence number + length sent so far.
    max_end: Option<u32>,
    /// Sequence number of this side's FIN, if sent.
    fin_seq: Option<u32>,
    /// Sequence number of this side's SYN-ACK, if sent.
    syn_ack_seq: Option<u32>,
    /// Capture analysis: ranges this side skipped (a later segment started past
    /// `max_end`), at most [`MAX_HOLES`]; a segment that fills one is out of order.
    holes: Vec<(u32, u32)>,
    /// Capture analysis: the acknowledgment number and window of this side's last ACK.
    last_ack: Option<(u32, u16)>,
    /// The window scale shift its SYN announced (`None`: no SYN seen, or none announced).
    wscale: Option<u8>,
}

/// How many skipped ranges a side remembers for the out-of-order check.
const MAX_HOLES: usize = 32;

/// Both directions of one conversation, the lower endpoint's first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Conversation {
    lo: Side,
    hi: Side,
}

/// Wireshark-style TCP conversation tracking, plus the role of each segment.
///
/// A direction's base is its SYN's sequence number, or `seq - 1` if its first segment seen
/// is not a SYN; a direction not seen yet gets `ack - 1` from the first ACK the other side
/// sends. A SYN (without ACK) whose sequence number differs from a known base starts a new
/// conversation on the same ports (port reuse), as in Wireshark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversations {
    map: BTreeMap<(Endpoint, Endpoint), Conversation>,
    /// Also label out-of-order segments and duplicate ACKs (for captures; the simulator's
    /// per-link roles keep the plain story).
    analyse: bool,
}

/// What tracking one segment tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tracked {
    /// Its relative numbers.
    pub relative: Relative,
    /// Its role in the story.
    pub role: FrameRole,
}

/// `a` comes before `b` in sequence space (RFC 9293 §3.4 comparisons, modulo 2³²).
fn seq_lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl Conversations {
    /// An empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// A tracker that also labels what Wireshark's TCP analysis labels in a capture: a
    /// segment that fills a range skipped earlier is [`FrameRole::OutOfOrder`] (not a
    /// retransmission), and a pure ACK repeating the previous one (same acknowledgment
    /// number and window) while the peer has sent beyond it is [`FrameRole::DupAck`].
    pub fn with_analysis() -> Self {
        Conversations {
            analyse: true,
            ..Self::default()
        }
    }

    /// Updates the conversation of `seg` (sent from `src` to `dst`) and returns its relative
    /// numbers and its role.
    pub fn track(&mut self, src: Endpoint, dst: Endpoint, seg: &Segment<'_>) -> Tracked {
        let (seq, ack, flags) = (seg.seq(), seg.ack(), seg.flags());
        let payload = u32::try_from(seg.payload().len()).unwrap_or(u32::MAX);
        let forward = src <= dst;
        let key = if forward { (src, dst) } else { (dst, src) };
        let conv = self.map.entry(key).or_default();
        let (me, peer) = if forward {
            (&mut conv.lo, &mut conv.hi)
        } else {
            (&mut conv.hi, &mut conv.lo)
        };
        let analysis = self.analyse.then(|| analyse(me, peer, seg));
        let role = match role(me, peer, seq, ack, flags, payload) {
            FrameRole::Retransmission if analysis == Some(Analysis::OutOfOrder) => {
                FrameRole::OutOfOrder
            }
            FrameRole::Ack if analysis == Some(Analysis::DupAck) => FrameRole::DupAck,
            r => r,
        };
        if flags & (SYN | ACK) == SYN && me.base.is_some_and(|b| b != seq) {
            me.base = None;
            peer.base = None;
        }
        let base = *me.base.get_or_insert(if flags & SYN != 0 {
            seq
        } else {
            seq.wrapping_sub(1)
        });
        if flags & ACK != 0 && peer.base.is_none() {
            peer.base = Some(ack.wrapping_sub(1));
        }
        let ack_rel = if flags & ACK != 0 {
            peer.base.map(|b| ack.wrapping_sub(b))
        } else {
            None
        };
        if flags & SYN != 0 {
            me.wscale = tcp::wscale_option(seg.options());
        }
        // Wireshark scales a window only when both SYNs announced a scale, and never a SYN's.
        let window = match (me.wscale, peer.wscale) {
            (Some(shift), Some(_)) if flags & SYN == 0 => {
                u32::from(seg.window()) << u32::from(shift.min(14))
            }
            _ => u32::from(seg.window()),
        };
        Tracked {
            relative: Relative {
                base,
                peer_base: peer.base,
                seq: seq.wrapping_sub(base),
                ack: ack_rel,
                window,
            },
            role,
        }
    }
}

/// What the capture analysis says of one segment, beyond its plain role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Analysis {
    Plain,
    OutOfOrder,
    DupAck,
}

/// Updates `me`'s holes and last ACK for `seg`; call before [`role`] updates `max_end`.
fn analyse(me: &mut Side, peer: &Side, seg: &Segment<'_>) -> Analysis {
    let (seq, ack, flags) = (seg.seq(), seg.ack(), seg.flags());
    let payload = u32::try_from(seg.payload().len()).unwrap_or(u32::MAX);
    let seg_len = payload + u32::from(flags & SYN != 0) + u32::from(flags & FIN != 0);
    let end = seq.wrapping_add(seg_len);
    let mut out = Analysis::Plain;
    if seg_len > 0 {
        if let Some(m) = me.max_end {
            if seq_lt(m, seq) && me.holes.len() < MAX_HOLES {
                me.holes.push((m, seq));
            }
        }
        if let Some(i) = me
            .holes
            .iter()
            .position(|&(a, b)| !seq_lt(seq, a) && !seq_lt(b, end))
        {
            let (a, b) = me.holes.remove(i);
            if a != seq {
                me.holes.push((a, seq));
            }
            if end != b {
                me.holes.push((end, b));
            }
            out = Analysis::OutOfOrder;
        }
    }
    if flags & ACK != 0 {
        let pure = seg_len == 0 && flags & RST == 0;
        let window = seg.window();
        if pure
            && me.last_ack == Some((ack, window))
            && peer.max_end.is_some_and(|m| seq_lt(ack, m))
        {
            out = Analysis::DupAck;
        }
        me.last_ack = Some((ack, window));
    }
    out
}

/// The role of a segment from `me` to `peer`, updating what `me` has sent.
fn role(me: &mut Side, peer: &Side, seq: u32, ack: u32, flags: u16, payload: u32) -> FrameRole {
    let (syn, fin) = (flags & SYN != 0, flags & FIN != 0);
    let seg_len = payload + u32::from(syn) + u32::from(fin);
    let end = seq.wrapping_add(seg_len);
    let retransmitted = seg_len > 0 && me.max_end.is_some_and(|m| !seq_lt(m, end));
    if seg_len > 0 && !retransmitted {
        me.max_end = Some(end);
    }
    let again = |first, repeat| if retransmitted { repeat } else { first };
    if flags & RST != 0 {
        FrameRole::Rst
    } else if syn && flags & ACK != 0 {
        me.syn_ack_seq = Some(seq);
        again(FrameRole::SynAck, FrameRole::SynAckRetransmission)
    } else if syn {
        again(FrameRole::Syn, FrameRole::SynRetransmission)
    } else if fin {
        me.fin_seq = Some(seq.wrapping_add(payload));
        again(FrameRole::Fin, FrameRole::FinRetransmission)
    } else if payload > 0 {
        again(FrameRole::Data, FrameRole::Retransmission)
    } else if peer.fin_seq.is_some_and(|f| f.wrapping_add(1) == ack) {
        if me.fin_seq.is_some() {
            FrameRole::FinalAck
        } else {
            FrameRole::AckFin
        }
    } else if peer.syn_ack_seq.is_some_and(|s| s.wrapping_add(1) == ack)
        && me.max_end.is_some_and(|m| m == seq)
        && peer.max_end.is_none_or(|m| m == ack)
    {
        FrameRole::HandshakeAck
    } else {
        FrameRole::Ack
    }
}

/// The role of `frame` (as captured: no FCS), tracking TCP in `convs`; `None` for bytes
/// that are not an Ethernet frame carrying well-formed ARP or IPv4.
pub fn classify(frame: &[u8], convs: &mut Conversations) -> Option<FrameRole> {
    let eth = ethernet::Frame::new_checked(frame).ok()?;
    match eth.ethertype() {
        ethernet::ETHERTYPE_ARP => {
            let pkt = arp::Packet::new_checked(eth.payload()).ok()?;
            Some(match pkt.opcode() {
                arp::OP_REQUEST => FrameRole::ArpRequest,
                arp::OP_REPLY => FrameRole::ArpReply,
                _ => FrameRole::Arp,
            })
        }
        ethernet::ETHERTYPE_IPV4 => {
            let ip = ipv4::Packet::new_checked(eth.payload()).ok()?;
            match ip.protocol() {
                ipv4::PROTO_UDP => Some(FrameRole::Udp),
                ipv4::PROTO_TCP => {
                    let seg = tcp::Segment::new_checked(ip.payload()).ok()?;
                    let src = (ip.src(), seg.src_port());
                    let dst = (ip.dst(), seg.dst_port());
                    Some(convs.track(src, dst, &seg).role)
                }
                _ => Some(FrameRole::Ipv4),
            }
        }
        _ => None,
    }
}
