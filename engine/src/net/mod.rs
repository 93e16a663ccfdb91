//! The discrete-event network: hosts running smoltcp, switches, routers, and the links
//! between them, all on one virtual clock.
//!
//! Time is a `u64` count of microseconds. The loop takes the earliest thing that must
//! happen — a frame reaching the end of a link, or a host's timer (a smoltcp
//! retransmission or TIME_WAIT timer, the end of a `time.sleep`) — advances the clock to
//! it, delivers every frame due then, and lets every host [`Host::step`] (ingress →
//! program → egress). Frames a node sends are put on the link at the same instant and
//! arrive `latency_us` later, unless the link's [`LossRule`] drops them. Nothing here
//! reads a real clock or a random source; the run stops when the network is quiet or a
//! cap is hit, so every input gives a finite, identical trace.
//!
//! This layer only simulates: it records frames, socket calls, state changes, switch
//! learning and router drops, and writes no teaching notes (that is `narrate`'s job). The
//! programs the hosts run plug in through the [`HostApp`] trait.

pub mod app;
pub mod device;
pub mod host;
pub mod link;
pub mod rng;
pub mod router;
pub mod switch;

use core::cmp::Reverse;
use core::fmt;
use std::collections::{BTreeMap, BinaryHeap};

use serde::{Deserialize, Serialize};

pub use app::{HostApp, HostCtx, StateWatch};
pub use host::{Host, HostConfig};
pub use link::{Direction, Link, LossRule};
pub use rng::SplitMix64;
pub use router::{Router, RouterPort};
pub use switch::Switch;

use crate::trace::{Event, EventKind, Frame, HostInfo, HostKind, LinkInfo};
use crate::wire::{classify, fmt_ipv4, fmt_mac, Conversations};

/// What can go wrong while building a network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetError {
    /// An address smoltcp refuses (e.g. a multicast MAC).
    BadAddress(String),
    /// The host's route table is full.
    RouteTable(String),
    /// A link names a node or port that does not exist, or a port already cabled.
    BadLink(String),
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetError::BadAddress(s) => write!(f, "address not usable: {s}"),
            NetError::RouteTable(s) => write!(f, "route table full on {s}"),
            NetError::BadLink(s) => write!(f, "bad link: {s}"),
        }
    }
}

impl std::error::Error for NetError {}

/// A node of the network.
#[derive(Debug)]
pub enum Node {
    /// An end host.
    Host(Box<Host>),
    /// A learning switch.
    Switch(Switch),
    /// A router.
    Router(Router),
}

impl Node {
    fn name(&self) -> &str {
        match self {
            Node::Host(h) => &h.name,
            Node::Switch(s) => &s.name,
            Node::Router(r) => &r.name,
        }
    }

    fn info(&self) -> HostInfo {
        match self {
            Node::Host(h) => HostInfo {
                name: h.name.clone(),
                kind: HostKind::Host,
                macs: vec![fmt_mac(h.config.mac.0)],
                ips: vec![format!(
                    "{}/{}",
                    fmt_ipv4(h.config.ip.octets()),
                    h.config.prefix_len
                )],
                gateway: h.config.gateway.map(|g| fmt_ipv4(g.octets())),
                ports: 1,
                code: h.code(),
            },
            Node::Switch(s) => HostInfo {
                name: s.name.clone(),
                kind: HostKind::Switch,
                macs: Vec::new(),
                ips: Vec::new(),
                gateway: None,
                ports: s.ports,
                code: Vec::new(),
            },
            Node::Router(r) => HostInfo {
                name: r.name.clone(),
                kind: HostKind::Router,
                macs: r.ports.iter().map(|p| fmt_mac(p.mac.0)).collect(),
                ips: r
                    .ports
                    .iter()
                    .map(|p| format!("{}/{}", fmt_ipv4(p.ip.octets()), p.prefix_len))
                    .collect(),
                gateway: None,
                ports: r.ports.len(),
                code: Vec::new(),
            },
        }
    }
}

/// When a run stops even if the network is not quiet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Virtual time limit, µs.
    pub max_time_us: u64,
    /// Most frames put on links.
    pub max_frames: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_time_us: 120_000_000,
            max_frames: 5_000,
        }
    }
}

/// What a run produced; the scenario layer wraps it into a [`crate::trace::Trace`].
#[derive(Debug, Clone, PartialEq)]
pub struct RunOutput {
    /// Node descriptions.
    pub hosts: Vec<HostInfo>,
    /// Link descriptions.
    pub links: Vec<LinkInfo>,
    /// Frames in send order.
    pub frames: Vec<Frame>,
    /// Events in time order.
    pub events: Vec<Event>,
    /// Time of the last event, µs.
    pub end_us: u64,
    /// A limit stopped the run.
    pub capped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct InFlight {
    node: usize,
    port: usize,
    bytes: Vec<u8>,
}

/// The simulated network.
#[derive(Debug)]
pub struct Network {
    nodes: Vec<Node>,
    links: Vec<Link>,
    ports: BTreeMap<(usize, usize), (usize, Direction)>,
    queue: BinaryHeap<Reverse<(u64, u64)>>,
    inflight: BTreeMap<u64, InFlight>,
    seq: u64,
    now: u64,
    frames: Vec<Frame>,
    events: Vec<Event>,
    roles: BTreeMap<usize, Conversations>,
    capped: bool,
    limits: Limits,
}

impl Default for Network {
    fn default() -> Self {
        Self::new()
    }
}

impl Network {
    /// An empty network at time 0.
    pub fn new() -> Self {
        Network {
            nodes: Vec::new(),
            links: Vec::new(),
            ports: BTreeMap::new(),
            queue: BinaryHeap::new(),
            inflight: BTreeMap::new(),
            seq: 0,
            now: 0,
            frames: Vec::new(),
            events: Vec::new(),
            roles: BTreeMap::new(),
            capped: false,
            limits: Limits::default(),
        }
    }

    /// Add an end host running `app` (or no program); returns its node index.
    ///
    /// # Errors
    /// Whatever [`Host::new`] refuses.
    pub fn add_host(
        &mut self,
        config: HostConfig,
        app: Option<Box<dyn HostApp>>,
    ) -> Result<usize, NetError> {
        let host = Host::new(config, app, self.now)?;
        self.nodes.push(Node::Host(Box::new(host)));
        Ok(self.nodes.len() - 1)
    }

    /// Add a switch; returns its node index.
    pub fn add_switch(&mut self, switch: Switch) -> usize {
        self.nodes.push(Node::Switch(switch));
        self.nodes.len() - 1
    }

    /// Add a router; returns its node index.
    pub fn add_router(&mut self, router: Router) -> usize {
        self.nodes.push(Node::Router(router));
        self.nodes.len() - 1
    }

    /// Cable `(node_a, port_a)` to `(node_b, port_b)`; returns the link index.
    ///
    /// # Errors
    /// [`NetError::BadLink`] if a node does not exist or a port is already cabled.
    pub fn connect(
        &mut self,
        a: (usize, usize),
        b: (usize, usize),
        latency_us: u64,
    ) -> Result<usize, NetError> {
        if a.0 >= self.nodes.len() || b.0 >= self.nodes.len() {
            return Err(NetError::BadLink(format!("{a:?} - {b:?}")));
        }
        if self.ports.contains_key(&a) || self.ports.contains_key(&b) || a == b {
            return Err(NetError::BadLink(format!("port in use: {a:?} - {b:?}")));
        }
        let idx = self.links.len();
        self.links.push(Link::new(a, b, latency_us));
        self.ports.insert(a, (idx, Direction::AtoB));
        self.ports.insert(b, (idx, Direction::BtoA));
        Ok(idx)
    }

    /// Set the loss rule of a link (ignored for a link that does not exist).
    pub fn set_loss(&mut self, link: usize, loss: LossRule) {
        if let Some(l) = self.links.get_mut(link) {
            l.loss = loss;
        }
    }

    /// Set the run limits.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    fn push(&mut self, kind: EventKind) {
        self.events.push(Event {
            time_us: self.now,
            kind,
        });
    }

    /// Put `bytes` on the link at `(node, port)`.
    fn transmit(&mut self, node: usize, port: usize, bytes: Vec<u8>) {
        let Some(&(li, dir)) = self.ports.get(&(node, port)) else {
            return; // an uncabled port: the frame goes nowhere
        };
        if self.frames.len() >= self.limits.max_frames {
            self.capped = true;
            return;
        }
        // Roles are per link: the same segment crossing a second link is not a retransmission.
        let role = classify(&bytes, self.roles.entry(li).or_default());
        let Some(link) = self.links.get_mut(li) else {
            return;
        };
        let dropped = link.admit(dir, role);
        let (to_node, to_port) = match dir {
            Direction::AtoB => link.b,
            Direction::BtoA => link.a,
        };
        let arrive = self.now.saturating_add(link.latency_us);
        let from = self
            .nodes
            .get(node)
            .map(|n| n.name().to_string())
            .unwrap_or_default();
        let to = self
            .nodes
            .get(to_node)
            .map(|n| n.name().to_string())
            .unwrap_or_default();
        let index = self.frames.len();
        self.frames.push(Frame {
            index,
            time_us: self.now,
            arrive_us: arrive,
            link: li,
            from,
            to,
            dropped,
            bytes: bytes.clone(),
            annotated: None,
            annotation_error: None,
            role,
        });
        self.push(EventKind::Frame { frame: index });
        if dropped {
            return;
        }
        self.seq += 1;
        self.inflight.insert(
            self.seq,
            InFlight {
                node: to_node,
                port: to_port,
                bytes,
            },
        );
        self.queue.push(Reverse((arrive, self.seq)));
    }

    fn deliver(&mut self, d: InFlight) {
        let mut kinds = Vec::new();
        let out = match self.nodes.get_mut(d.node) {
            Some(Node::Host(h)) => {
                h.receive(d.bytes);
                Vec::new()
            }
            Some(Node::Switch(s)) => s.receive(d.port, &d.bytes, &mut kinds),
            Some(Node::Router(r)) => r.receive(d.port, &d.bytes, &mut kinds),
            None => Vec::new(),
        };
        for k in kinds {
            self.push(k);
        }
        for (port, bytes) in out {
            self.transmit(d.node, port, bytes);
        }
    }

    fn step_hosts(&mut self) {
        for i in 0..self.nodes.len() {
            let mut kinds = Vec::new();
            let sent = match self.nodes.get_mut(i) {
                Some(Node::Host(h)) => h.step(self.now, &mut kinds),
                _ => continue,
            };
            for k in kinds {
                self.push(k);
            }
            for f in sent {
                self.transmit(i, 0, f);
            }
        }
    }

    fn next_time(&mut self) -> Option<u64> {
        let mut next = self.queue.peek().map(|Reverse((t, _))| *t);
        let now = self.now;
        for n in &mut self.nodes {
            if let Node::Host(h) = n {
                if let Some(w) = h.next_wake(now) {
                    next = Some(next.map_or(w, |x| x.min(w)));
                }
            }
        }
        next
    }

    /// Run until quiet or a limit; consumes the network.
    pub fn run(mut self) -> RunOutput {
        self.step_hosts();
        let mut iterations = 0u32;
        while let Some(t) = self.next_time() {
            iterations += 1;
            if t > self.limits.max_time_us || self.capped || iterations > 1_000_000 {
                self.capped = true;
                break;
            }
            self.now = t;
            while let Some(Reverse((at, seq))) = self.queue.peek().copied() {
                if at > t {
                    break;
                }
                self.queue.pop();
                if let Some(d) = self.inflight.remove(&seq) {
                    self.deliver(d);
                }
            }
            self.step_hosts();
        }
        let end_us = self.events.last().map_or(0, |e| e.time_us);
        let hosts = self.nodes.iter().map(Node::info).collect();
        let links = self
            .links
            .iter()
            .enumerate()
            .map(|(index, l)| LinkInfo {
                index,
                a: self
                    .nodes
                    .get(l.a.0)
                    .map(|n| n.name().to_string())
                    .unwrap_or_default(),
                a_port: l.a.1,
                b: self
                    .nodes
                    .get(l.b.0)
                    .map(|n| n.name().to_string())
                    .unwrap_or_default(),
                b_port: l.b.1,
                latency_us: l.latency_us,
            })
            .collect();
        RunOutput {
            hosts,
            links,
            frames: self.frames,
            events: self.events,
            end_us,
            capped: self.capped,
        }
    }
}
