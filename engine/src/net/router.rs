//! An IPv4 router joining subnets, one per port.
//!
//! It answers ARP requests for its own addresses (and learns the asker), ARPs for a next
//! hop it does not know yet (queueing the packet meanwhile), and forwards IPv4: TTL − 1,
//! header checksum recomputed, source MAC = its outgoing port, destination MAC = the next
//! hop's. IP addresses and ports are never touched. A packet whose TTL would reach 0 is
//! dropped (a real router would also send ICMP Time Exceeded; this one records the drop).
//! Parsing and emitting use smoltcp's `wire` module.

use std::collections::BTreeMap;

use smoltcp::wire::{
    ArpOperation, ArpPacket, ArpRepr, EthernetAddress, EthernetFrame, EthernetProtocol,
    EthernetRepr, Ipv4Address, Ipv4Packet,
};

use crate::trace::{DropReason, EventKind};

/// One router interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouterPort {
    /// Its MAC.
    pub mac: EthernetAddress,
    /// Its address (the hosts' gateway).
    pub ip: Ipv4Address,
    /// Prefix length of the subnet behind it.
    pub prefix_len: u8,
}

impl RouterPort {
    fn contains(&self, addr: Ipv4Address) -> bool {
        let bits = u32::from(self.prefix_len.min(32));
        let mask = if bits == 0 {
            0
        } else {
            u32::MAX << (32 - bits)
        };
        u32::from(self.ip) & mask == u32::from(addr) & mask
    }
}

/// Most packets queued per unresolved next hop.
const PENDING_MAX: usize = 16;

/// An IPv4 router.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Router {
    /// Router name.
    pub name: String,
    /// Its interfaces, indexed by port.
    pub ports: Vec<RouterPort>,
    arp: BTreeMap<Ipv4Address, EthernetAddress>,
    pending: BTreeMap<Ipv4Address, Vec<Vec<u8>>>,
}

fn arp_frame(src_mac: EthernetAddress, dst_mac: EthernetAddress, arp: ArpRepr) -> Vec<u8> {
    let eth = EthernetRepr {
        src_addr: src_mac,
        dst_addr: dst_mac,
        ethertype: EthernetProtocol::Arp,
    };
    let mut buf = vec![0u8; eth.buffer_len() + arp.buffer_len()];
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    eth.emit(&mut frame);
    arp.emit(&mut ArpPacket::new_unchecked(frame.payload_mut()));
    buf
}

impl Router {
    /// A router with the given interfaces.
    pub fn new(name: &str, ports: Vec<RouterPort>) -> Self {
        Router {
            name: name.to_string(),
            ports,
            arp: BTreeMap::new(),
            pending: BTreeMap::new(),
        }
    }

    /// A frame came in on `port`: return the frames to send, `(out_port, bytes)`.
    pub fn receive(
        &mut self,
        port: usize,
        frame: &[u8],
        events: &mut Vec<EventKind>,
    ) -> Vec<(usize, Vec<u8>)> {
        let Some(me) = self.ports.get(port).cloned() else {
            return Vec::new();
        };
        let Ok(eth) = EthernetFrame::new_checked(frame) else {
            return Vec::new();
        };
        if eth.dst_addr() != me.mac && !eth.dst_addr().is_broadcast() {
            return Vec::new();
        }
        match eth.ethertype() {
            EthernetProtocol::Arp => self.arp_in(port, &me, eth.payload()),
            EthernetProtocol::Ipv4 => self.ipv4_in(frame, events),
            _ => Vec::new(),
        }
    }

    fn arp_in(&mut self, port: usize, me: &RouterPort, payload: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let Ok(pkt) = ArpPacket::new_checked(payload) else {
            return Vec::new();
        };
        let Ok(ArpRepr::EthernetIpv4 {
            operation,
            source_hardware_addr,
            source_protocol_addr,
            target_protocol_addr,
            ..
        }) = ArpRepr::parse(&pkt)
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if source_hardware_addr.is_unicast() && me.contains(source_protocol_addr) {
            self.arp.insert(source_protocol_addr, source_hardware_addr);
            // Flush what waited for this neighbour.
            if let Some(queued) = self.pending.remove(&source_protocol_addr) {
                for mut f in queued {
                    if let Ok(mut e) = EthernetFrame::new_checked(&mut f[..]) {
                        e.set_dst_addr(source_hardware_addr);
                    }
                    out.push((port, f));
                }
            }
        }
        if operation == ArpOperation::Request && target_protocol_addr == me.ip {
            let reply = ArpRepr::EthernetIpv4 {
                operation: ArpOperation::Reply,
                source_hardware_addr: me.mac,
                source_protocol_addr: me.ip,
                target_hardware_addr: source_hardware_addr,
                target_protocol_addr: source_protocol_addr,
            };
            out.insert(0, (port, arp_frame(me.mac, source_hardware_addr, reply)));
        }
        out
    }

    fn ipv4_in(&mut self, frame: &[u8], events: &mut Vec<EventKind>) -> Vec<(usize, Vec<u8>)> {
        let mut buf = frame.to_vec();
        let Ok(mut eth) = EthernetFrame::new_checked(&mut buf[..]) else {
            return Vec::new();
        };
        let Ok(mut ip) = Ipv4Packet::new_checked(eth.payload_mut()) else {
            return Vec::new();
        };
        if !ip.verify_checksum() {
            return Vec::new();
        }
        let dst = ip.dst_addr();
        if self.ports.iter().any(|p| p.ip == dst) {
            // Addressed to the router itself: nothing listens here.
            return Vec::new();
        }
        let Some(out_port) = self.ports.iter().position(|p| p.contains(dst)) else {
            events.push(EventKind::RouterDrop {
                router: self.name.clone(),
                reason: DropReason::NoRoute,
            });
            return Vec::new();
        };
        let ttl = ip.hop_limit();
        if ttl <= 1 {
            events.push(EventKind::RouterDrop {
                router: self.name.clone(),
                reason: DropReason::TtlExpired,
            });
            return Vec::new();
        }
        ip.set_hop_limit(ttl - 1);
        ip.fill_checksum();
        let Some(port) = self.ports.get(out_port).cloned() else {
            return Vec::new();
        };
        eth.set_src_addr(port.mac);
        match self.arp.get(&dst) {
            Some(mac) => {
                eth.set_dst_addr(*mac);
                vec![(out_port, buf)]
            }
            None => {
                let queue = self.pending.entry(dst).or_default();
                let first = queue.is_empty();
                if queue.len() < PENDING_MAX {
                    queue.push(buf);
                }
                if !first {
                    return Vec::new();
                }
                let req = ArpRepr::EthernetIpv4 {
                    operation: ArpOperation::Request,
                    source_hardware_addr: port.mac,
                    source_protocol_addr: port.ip,
                    target_hardware_addr: EthernetAddress([0; 6]),
                    target_protocol_addr: dst,
                };
                vec![(
                    out_port,
                    arp_frame(port.mac, EthernetAddress::BROADCAST, req),
                )]
            }
        }
    }
}
