//! A learning Ethernet switch.
//!
//! For every frame it learns "source MAC is behind the incoming port" (a
//! [`EventKind::SwitchLearn`] when the table changes), then forwards: broadcast, multicast
//! and unknown destinations are flooded out of every port but the incoming one; a known
//! unicast destination goes out of its one port (and is filtered if that is the incoming
//! port). It forwards in zero time and never changes a byte.

use std::collections::BTreeMap;

use smoltcp::wire::{EthernetAddress, EthernetFrame};

use crate::trace::EventKind;

/// A learning switch with `ports` ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    /// Switch name.
    pub name: String,
    /// Number of ports.
    pub ports: usize,
    /// MAC table: address → port.
    pub table: BTreeMap<[u8; 6], usize>,
}

impl Switch {
    /// An empty switch.
    pub fn new(name: &str, ports: usize) -> Self {
        Switch {
            name: name.to_string(),
            ports,
            table: BTreeMap::new(),
        }
    }

    /// A frame came in on `port`: learn, then return `(out_port, frame)` copies.
    pub fn receive(
        &mut self,
        port: usize,
        frame: &[u8],
        events: &mut Vec<EventKind>,
    ) -> Vec<(usize, Vec<u8>)> {
        let Ok(eth) = EthernetFrame::new_checked(frame) else {
            return Vec::new();
        };
        let src = eth.src_addr();
        let dst = eth.dst_addr();
        if src.is_unicast() && self.table.get(&src.0) != Some(&port) {
            self.table.insert(src.0, port);
            events.push(EventKind::SwitchLearn {
                switch: self.name.clone(),
                mac: crate::wire::fmt_mac(src.0),
                port,
            });
        }
        let flood = |ports: usize| -> Vec<(usize, Vec<u8>)> {
            (0..ports)
                .filter(|&p| p != port)
                .map(|p| (p, frame.to_vec()))
                .collect()
        };
        if dst == EthernetAddress::BROADCAST || dst.is_multicast() {
            return flood(self.ports);
        }
        match self.table.get(&dst.0) {
            Some(&out) if out == port => Vec::new(),
            Some(&out) => vec![(out, frame.to_vec())],
            None => flood(self.ports),
        }
    }
}
