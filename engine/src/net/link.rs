//! Links (cables) with a latency and a loss rule, and the role of each frame in the story.
//!
//! A [`LossRule`] drops the Nth frame in one direction, or the first `count` frames with a
//! given role ("the first data segment", "the SYN-ACK", "the final ACK"). Roles come from
//! [`RoleTracker`], which reads each frame with smoltcp's `wire` module and remembers per
//! TCP connection what was already sent, so it can tell a retransmission from new data and
//! the ACK of the second FIN (the final ACK) from any other ACK.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use smoltcp::wire::{
    ArpOperation, ArpPacket, EthernetFrame, EthernetProtocol, IpProtocol, Ipv4Packet, TcpPacket,
};

/// Which way a frame crosses a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Direction {
    /// From end A to end B (on the client's link: client → server).
    AtoB,
    /// From end B to end A.
    BtoA,
}

/// When a link loses a frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LossRule {
    /// Never.
    None,
    /// The `n`th frame (1-based) crossing in `dir`.
    Nth {
        /// Direction counted.
        dir: Direction,
        /// 1-based frame number in that direction.
        n: usize,
    },
    /// The first `count` frames whose role is `role` (`"data"` also matches its
    /// retransmissions, so `count` 2 loses a segment and its first retransmission).
    Role {
        /// A role name (see [`crate::trace::Frame::role`]).
        role: String,
        /// How many to lose.
        count: usize,
    },
}

/// A cable between two node ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Node index and port at end A.
    pub a: (usize, usize),
    /// Node index and port at end B.
    pub b: (usize, usize),
    /// One-way latency, µs (at least 1).
    pub latency_us: u64,
    /// Loss rule.
    pub loss: LossRule,
    sent: [usize; 2],
    role_losses: usize,
}

impl Link {
    /// A link without loss.
    pub fn new(a: (usize, usize), b: (usize, usize), latency_us: u64) -> Self {
        Link {
            a,
            b,
            latency_us: latency_us.max(1),
            loss: LossRule::None,
            sent: [0; 2],
            role_losses: 0,
        }
    }

    /// Count a frame entering the link and decide whether the link loses it.
    pub fn admit(&mut self, dir: Direction, role: Option<&str>) -> bool {
        let i = match dir {
            Direction::AtoB => 0,
            Direction::BtoA => 1,
        };
        self.sent[i] += 1;
        match &self.loss {
            LossRule::None => false,
            LossRule::Nth { dir: d, n } => *d == dir && self.sent[i] == *n,
            LossRule::Role { role: want, count } => {
                let matches = match role {
                    Some(r) => r == want || (want == "data" && r == "retransmission"),
                    None => false,
                };
                if matches && self.role_losses < *count {
                    self.role_losses += 1;
                    true
                } else {
                    false
                }
            }
        }
    }
}

/// One direction of a TCP connection, keyed by (src ip, src port, dst ip, dst port).
type FlowKey = ([u8; 4], u16, [u8; 4], u16);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct FlowState {
    /// Highest sequence number + length sent so far.
    max_end: Option<u32>,
    /// Sequence number of our FIN, if sent.
    fin_seq: Option<u32>,
    /// Sequence number of our SYN-ACK, if sent.
    syn_ack_seq: Option<u32>,
}

/// Gives each frame its role in the story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleTracker {
    flows: BTreeMap<FlowKey, FlowState>,
}

fn seq_lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl RoleTracker {
    /// An empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// The role of `frame`, or `None` for what it cannot parse.
    pub fn classify(&mut self, frame: &[u8]) -> Option<String> {
        let eth = EthernetFrame::new_checked(frame).ok()?;
        match eth.ethertype() {
            EthernetProtocol::Arp => {
                let arp = ArpPacket::new_checked(eth.payload()).ok()?;
                Some(
                    match arp.operation() {
                        ArpOperation::Request => "arp_request",
                        ArpOperation::Reply => "arp_reply",
                        _ => "arp",
                    }
                    .to_string(),
                )
            }
            EthernetProtocol::Ipv4 => {
                let ip = Ipv4Packet::new_checked(eth.payload()).ok()?;
                match ip.next_header() {
                    IpProtocol::Udp => Some("udp".into()),
                    IpProtocol::Tcp => {
                        let tcp = TcpPacket::new_checked(ip.payload()).ok()?;
                        let src = ip.src_addr().octets();
                        let dst = ip.dst_addr().octets();
                        let key = (src, tcp.src_port(), dst, tcp.dst_port());
                        let rkey = (dst, tcp.dst_port(), src, tcp.src_port());
                        Some(self.tcp_role(key, rkey, &tcp))
                    }
                    _ => Some("ipv4".into()),
                }
            }
            _ => None,
        }
    }

    fn tcp_role(&mut self, key: FlowKey, rkey: FlowKey, tcp: &TcpPacket<&[u8]>) -> String {
        let seq = tcp.seq_number().0 as u32;
        let ack = tcp.ack_number().0 as u32;
        let payload = tcp.payload().len() as u32;
        let seg_len = payload + u32::from(tcp.syn()) + u32::from(tcp.fin());
        let end = seq.wrapping_add(seg_len);
        let peer = self.flows.get(&rkey).cloned().unwrap_or_default();
        let me = self.flows.entry(key).or_default();
        let retransmitted = seg_len > 0 && me.max_end.is_some_and(|m| !seq_lt(m, end));
        if seg_len > 0 && !retransmitted {
            me.max_end = Some(end);
        }
        let role = if tcp.rst() {
            "rst"
        } else if tcp.syn() && tcp.ack() {
            me.syn_ack_seq = Some(seq);
            if retransmitted {
                "syn_ack_retransmission"
            } else {
                "syn_ack"
            }
        } else if tcp.syn() {
            if retransmitted {
                "syn_retransmission"
            } else {
                "syn"
            }
        } else if tcp.fin() {
            me.fin_seq = Some(seq.wrapping_add(payload));
            if retransmitted {
                "fin_retransmission"
            } else {
                "fin"
            }
        } else if payload > 0 {
            if retransmitted {
                "retransmission"
            } else {
                "data"
            }
        } else if peer.fin_seq.is_some_and(|f| f.wrapping_add(1) == ack) {
            if me.fin_seq.is_some() {
                "final_ack"
            } else {
                "ack_fin"
            }
        } else if peer.syn_ack_seq.is_some_and(|s| s.wrapping_add(1) == ack)
            && me.max_end.is_some_and(|m| m == seq)
            && peer.max_end.is_none_or(|m| m == ack)
        {
            "handshake_ack"
        } else {
            "ack"
        };
        role.to_string()
    }
}
