//! The trace: everything that happened in one scenario run, in order.
//!
//! A [`Trace`] is what the app plays: the hosts and links of the topology, every frame that
//! crossed a link (delivered or dropped, with its exact bytes), and the [`Event`]s — frames,
//! socket calls, TCP state changes, switch learning and explanatory notes — on one virtual
//! clock in microseconds. The player's step is an index into [`Trace::events`]; the cursor
//! helpers here answer "what did the world look like at step N".

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;

/// Every note key the engine emits ([`EventKind::Note`]), for the UI's message catalogue.
pub const NOTE_KEYS: &[&str] = &[
    "note.no_padding_fcs",
    "note.arp_broadcast",
    "note.arp_reply_unicast",
    "note.smoltcp_syn_options",
    "note.random_isn",
    "note.window_free_buffer",
    "note.delayed_ack",
    "note.rst_closed_port",
    "note.retransmission_rto",
    "note.frame_lost",
    "note.udp_no_handshake",
    "note.three_segment_close",
    "note.simultaneous_close",
    "note.time_wait_10s",
    "note.time_wait_expired",
    "note.router_rewrites_macs",
    "note.router_ttl_decrement",
    "note.router_ttl_expired",
    "note.router_no_route",
    "note.storm_capped",
];

/// TCP connection states with their RFC 793 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TcpState {
    /// No connection.
    Closed,
    /// Waiting for a SYN (server after `listen()`).
    Listen,
    /// SYN sent, waiting for the SYN-ACK (client inside `connect()`).
    SynSent,
    /// SYN received and SYN-ACK sent, waiting for the final handshake ACK.
    SynReceived,
    /// Handshake done: data may flow both ways.
    Established,
    /// We sent a FIN, waiting for its ACK.
    FinWait1,
    /// Our FIN was acknowledged, waiting for the peer's FIN.
    FinWait2,
    /// The peer sent a FIN; the application has not closed yet.
    CloseWait,
    /// Both sides sent a FIN at the same time; waiting for the ACK of ours.
    Closing,
    /// We closed after the peer; waiting for the ACK of our FIN.
    LastAck,
    /// Both FINs acknowledged; waiting so late segments die out (smoltcp: 10 s).
    TimeWait,
}

impl TcpState {
    /// The RFC name with underscores, as `netstat` prints it: `"SYN_SENT"`.
    pub fn name(self) -> &'static str {
        match self {
            TcpState::Closed => "CLOSED",
            TcpState::Listen => "LISTEN",
            TcpState::SynSent => "SYN_SENT",
            TcpState::SynReceived => "SYN_RECEIVED",
            TcpState::Established => "ESTABLISHED",
            TcpState::FinWait1 => "FIN_WAIT_1",
            TcpState::FinWait2 => "FIN_WAIT_2",
            TcpState::CloseWait => "CLOSE_WAIT",
            TcpState::Closing => "CLOSING",
            TcpState::LastAck => "LAST_ACK",
            TcpState::TimeWait => "TIME_WAIT",
        }
    }
}

impl fmt::Display for TcpState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<smoltcp::socket::tcp::State> for TcpState {
    fn from(s: smoltcp::socket::tcp::State) -> Self {
        use smoltcp::socket::tcp::State as S;
        match s {
            S::Closed => TcpState::Closed,
            S::Listen => TcpState::Listen,
            S::SynSent => TcpState::SynSent,
            S::SynReceived => TcpState::SynReceived,
            S::Established => TcpState::Established,
            S::FinWait1 => TcpState::FinWait1,
            S::FinWait2 => TcpState::FinWait2,
            S::CloseWait => TcpState::CloseWait,
            S::Closing => TcpState::Closing,
            S::LastAck => TcpState::LastAck,
            S::TimeWait => TcpState::TimeWait,
        }
    }
}

/// What a node of the topology is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostKind {
    /// An end host running smoltcp and a socket script.
    Host,
    /// A learning Ethernet switch.
    Switch,
    /// An IPv4 router joining two subnets.
    Router,
}

/// One node of the topology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostInfo {
    /// `"client"`, `"server"`, `"pc3"`, `"switch"`, `"switch1"`, `"router"`...
    pub name: String,
    /// What kind of node it is.
    pub kind: HostKind,
    /// MAC address of each interface (`"02:00:00:00:00:0a"`); empty for a switch.
    pub macs: Vec<String>,
    /// IPv4 address with prefix of each interface (`"192.168.1.10/24"`); empty for a switch.
    pub ips: Vec<String>,
    /// Default gateway, if the host has one.
    pub gateway: Option<String>,
    /// Number of ports (1 for a host).
    pub ports: usize,
    /// The host's socket program as Python lines (empty when it runs none).
    pub code: Vec<String>,
}

/// A cable between two node ports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInfo {
    /// Index in [`Trace::links`].
    pub index: usize,
    /// Name of the node at end A.
    pub a: String,
    /// Port number at end A.
    pub a_port: usize,
    /// Name of the node at end B.
    pub b: String,
    /// Port number at end B.
    pub b_port: usize,
    /// One-way latency in microseconds.
    pub latency_us: u64,
}

/// One frame crossing one link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// Index in [`Trace::frames`] (and in the pcap).
    pub index: usize,
    /// Virtual time the sender put it on the link, µs.
    pub time_us: u64,
    /// Virtual time it reaches the other end (if not dropped), µs.
    pub arrive_us: u64,
    /// Index of the link in [`Trace::links`].
    pub link: usize,
    /// Sending node's name.
    pub from: String,
    /// Receiving node's name.
    pub to: String,
    /// The link lost it (loss rule); it never arrives.
    pub dropped: bool,
    /// The exact bytes as captured at the sender: no preamble, no padding, no FCS.
    pub bytes: Vec<u8>,
    /// Field-by-field annotation (Wireshark ids, offsets, values).
    pub annotated: Option<crate::wire::AnnotatedFrame>,
    /// What the frame does in the story: `"arp_request"`, `"arp_reply"`, `"syn"`,
    /// `"syn_ack"`, `"handshake_ack"`, `"data"`, `"retransmission"`, `"ack"`, `"fin"`,
    /// `"ack_fin"` (the ACK of the first FIN), `"final_ack"` (the ACK of the second FIN),
    /// `"rst"`, `"udp"`, `"ipv4"`; `"syn_retransmission"` etc. for repeated control segments.
    pub role: Option<String>,
}

/// Where a socket call is: just called (and maybe blocking), or returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CallPhase {
    /// The program entered the call; it may block here (`accept`, `recv`, `connect`).
    Blocked,
    /// The call returned (`result` holds the Python-style return value or exception).
    Returned,
}

/// Something that happened at one virtual instant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Virtual time, µs since the scenario started.
    pub time_us: u64,
    /// What happened.
    pub kind: EventKind,
}

/// The kinds of [`Event`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    /// A frame was put on a link (index into [`Trace::frames`]).
    Frame {
        /// Index into [`Trace::frames`].
        frame: usize,
    },
    /// A host's program entered or left a socket call.
    SocketCall {
        /// Host name.
        host: String,
        /// `"socket"`, `"bind"`, `"listen"`, `"accept"`, `"connect"`, `"send"`, `"recv"`,
        /// `"close"`, `"sendto"`, `"recvfrom"`, `"sleep"`.
        call: String,
        /// 1-based line in the host's Python program ([`HostInfo::code`]).
        line: usize,
        /// Entered or returned.
        phase: CallPhase,
        /// Python-style result when returned (`"b'HELLO'"`, `"5"`, `"None"`,
        /// `"ConnectionRefusedError: [Errno 111] Connection refused"`); empty when entered.
        result: String,
    },
    /// A host's TCP socket changed state.
    StateChange {
        /// Host name.
        host: String,
        /// Old state.
        from: TcpState,
        /// New state.
        to: TcpState,
    },
    /// A switch learned (or moved) a MAC address to a port.
    SwitchLearn {
        /// Switch name.
        switch: String,
        /// The source MAC it saw.
        mac: String,
        /// The port it came in on.
        port: usize,
    },
    /// An explanation the UI shows at this point (an i18n key such as
    /// `"note.smoltcp_syn_options"`, `"note.time_wait_10s"`, `"note.rst_closed_port"`).
    Note {
        /// The i18n message key.
        key: String,
    },
}

/// A whole scenario run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// The scenario that produced it.
    pub scenario: Scenario,
    /// Nodes of the topology.
    pub hosts: Vec<HostInfo>,
    /// Cables between them.
    pub links: Vec<LinkInfo>,
    /// Every frame on every link, in the order they were sent.
    pub frames: Vec<Frame>,
    /// Every event, in time order.
    pub events: Vec<Event>,
    /// Virtual time of the last event, µs.
    pub end_us: u64,
    /// Length of one tick of [`Trace::frames_per_tick`], µs (the link latency).
    pub tick_us: u64,
    /// Frames put on links during each tick (the storm scenario's growth curve).
    pub frames_per_tick: Vec<usize>,
    /// The run hit a cap (frame count or virtual time) before the network went quiet.
    pub capped: bool,
}

impl Trace {
    /// The pcap file of every frame in trace order, dropped ones included (as captured at
    /// the sender), with microsecond timestamps from the virtual clock.
    pub fn pcap(&self) -> Vec<u8> {
        crate::pcap::write_pcap(self.frames.iter().map(|f| (f.time_us, f.bytes.as_slice())))
    }

    /// The trace as JSON: `frames` (index, time, link, from, to, dropped, role, hex bytes,
    /// layers with their fields) and `events` (time, kind and its details), in trace order,
    /// plus the scenario, hosts and links.
    pub fn to_json(&self) -> String {
        json::trace_to_json(self)
    }

    /// The TCP state of `host` after the first `cursor` events (`Closed` before any change).
    pub fn tcp_state_at(&self, host: &str, cursor: usize) -> TcpState {
        let mut state = TcpState::Closed;
        for e in self.events.iter().take(cursor) {
            if let EventKind::StateChange { host: h, to, .. } = &e.kind {
                if h == host {
                    state = *to;
                }
            }
        }
        state
    }

    /// The Python line `host` is on after the first `cursor` events: the line of its last
    /// socket call event, if any.
    pub fn code_line_at(&self, host: &str, cursor: usize) -> Option<usize> {
        self.events
            .iter()
            .take(cursor)
            .rev()
            .filter_map(|e| match &e.kind {
                EventKind::SocketCall { host: h, line, .. } if h == host => Some(*line),
                _ => None,
            })
            .next()
    }

    /// The frames whose events fall among the first `cursor` events.
    pub fn frames_until(&self, cursor: usize) -> impl Iterator<Item = &Frame> + '_ {
        self.events
            .iter()
            .take(cursor)
            .filter_map(|e| match e.kind {
                EventKind::Frame { frame } => self.frames.get(frame),
                _ => None,
            })
    }

    /// The state-change sequence of `host`, starting with the first `from`:
    /// e.g. `[Closed, SynSent, Established, ...]`.
    pub fn state_sequence(&self, host: &str) -> Vec<TcpState> {
        let mut seq = Vec::new();
        for e in &self.events {
            if let EventKind::StateChange { host: h, from, to } = &e.kind {
                if h == host {
                    if seq.is_empty() {
                        seq.push(*from);
                    }
                    seq.push(*to);
                }
            }
        }
        seq
    }

    /// The note keys in trace order.
    pub fn notes(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Note { key } => Some(key.as_str()),
                _ => None,
            })
            .collect()
    }
}

mod json {
    //! The `wirewalk-trace --json` format.

    use serde_json::{json, Value};

    use super::{EventKind, Trace};

    fn hex(bytes: &[u8]) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            s.push(DIGITS[(b >> 4) as usize] as char);
            s.push(DIGITS[(b & 15) as usize] as char);
        }
        s
    }

    pub(super) fn trace_to_json(t: &Trace) -> String {
        let frames: Vec<Value> = t
            .frames
            .iter()
            .map(|f| {
                json!({
                    "index": f.index,
                    "time_us": f.time_us,
                    "arrive_us": f.arrive_us,
                    "link": f.link,
                    "from": f.from,
                    "to": f.to,
                    "dropped": f.dropped,
                    "role": f.role,
                    "len": f.bytes.len(),
                    "hex": hex(&f.bytes),
                    "layers": f.annotated.as_ref().map(|a| serde_json::to_value(&a.layers).unwrap_or(Value::Null)),
                    "summary": f.annotated.as_ref().map(|a| serde_json::to_value(&a.summary).unwrap_or(Value::Null)),
                })
            })
            .collect();
        let events: Vec<Value> = t
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut v = match &e.kind {
                    EventKind::Frame { frame } => json!({"kind": "frame", "frame": frame}),
                    EventKind::SocketCall { host, call, line, phase, result } => json!({
                        "kind": "socket_call", "host": host, "call": call, "line": line,
                        "phase": match phase { super::CallPhase::Blocked => "blocked", super::CallPhase::Returned => "returned" },
                        "result": result,
                    }),
                    EventKind::StateChange { host, from, to } => json!({
                        "kind": "state_change", "host": host, "from": from.name(), "to": to.name(),
                    }),
                    EventKind::SwitchLearn { switch, mac, port } => json!({
                        "kind": "switch_learn", "switch": switch, "mac": mac, "port": port,
                    }),
                    EventKind::Note { key } => json!({"kind": "note", "key": key}),
                };
                if let Value::Object(m) = &mut v {
                    m.insert("index".into(), json!(i));
                    m.insert("time_us".into(), json!(e.time_us));
                }
                v
            })
            .collect();
        let doc = json!({
            "engine": crate::VERSION,
            "scenario": serde_json::to_value(&t.scenario).unwrap_or(Value::Null),
            "hosts": serde_json::to_value(&t.hosts).unwrap_or(Value::Null),
            "links": serde_json::to_value(&t.links).unwrap_or(Value::Null),
            "end_us": t.end_us,
            "capped": t.capped,
            "tick_us": t.tick_us,
            "frames_per_tick": t.frames_per_tick,
            "frames": frames,
            "events": events,
        });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }
}
