//! The trace: everything that happened in one run, in order. Plain data.
//!
//! A [`Trace`] is what the app plays: the hosts and links of the topology, every frame that
//! crossed a link (delivered or dropped, with its exact bytes), and the [`Event`]s — frames,
//! socket calls, TCP state changes, switch learning, router drops and explanatory notes —
//! on one virtual clock in microseconds. The player's step is an index into
//! [`Trace::events`]; the cursor helpers here answer "what did the world look like at step
//! N". This module imports only [`crate::wire`]: the simulator (`net`) fills a trace, the
//! narrator (`narrate`) adds its notes, and nothing here knows which scenario ran.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::wire::role::named_enum;
use crate::wire::{AnnotatedFrame, FrameRole};

/// An explanation the narrator adds to a trace ([`EventKind::Note`]); its i18n key is
/// [`NoteKey::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKey {
    /// The first frame: captured frames carry no preamble, padding or FCS.
    NoPaddingFcs,
    /// The first ARP request: broadcast.
    ArpBroadcast,
    /// The first ARP reply: unicast.
    ArpReplyUnicast,
    /// The first SYN: smoltcp's options.
    SmoltcpSynOptions,
    /// The first SYN: a random ISN.
    RandomIsn,
    /// The first SYN-ACK: the window is the free receive buffer.
    WindowFreeBuffer,
    /// The first data segment with delayed ACK on.
    DelayedAck,
    /// The first RST: nobody listens on that port.
    RstClosedPort,
    /// A segment sent again after its retransmission timeout.
    RetransmissionRto,
    /// A lost frame that occupies sequence space (SYN, FIN, data): the sender's RTO resends it.
    FrameLost,
    /// A lost pure ACK: never resent on a timer; the other side resends what it acknowledged.
    FrameLostAck,
    /// A lost UDP datagram: nothing resends it.
    FrameLostUdp,
    /// A lost ARP frame: ARP asks again later (smoltcp after 1 s).
    FrameLostArp,
    /// The first UDP datagram: no handshake.
    UdpNoHandshake,
    /// The server closed at once: its FIN rides on the ACK, three segments.
    ThreeSegmentClose,
    /// Both sides closed at once: CLOSING.
    SimultaneousClose,
    /// A host entered TIME_WAIT (10 s in smoltcp).
    TimeWait10s,
    /// TIME_WAIT ended.
    TimeWaitExpired,
    /// The first routed frame: the router rewrites the MACs.
    RouterRewritesMacs,
    /// The first routed frame: TTL goes down by one.
    RouterTtlDecrement,
    /// A router dropped a packet whose TTL ran out.
    RouterTtlExpired,
    /// A router dropped a packet it has no route for.
    RouterNoRoute,
    /// The storm hit the run's cap.
    StormCapped,
    /// A capture: the states are inferred from the segments, not seen.
    CaptureStatesInferred,
    /// A capture: the server's LISTEN came before anything was on the wire.
    CaptureListenUnseen,
    /// A capture that starts after the handshake: both ends start in ESTABLISHED.
    CaptureMidConnection,
    /// A capture: a segment sent again.
    CaptureRetransmission,
    /// A capture: a segment that fills a gap left earlier.
    CaptureOutOfOrder,
    /// A capture: a duplicate ACK.
    CaptureDupAck,
    /// A capture: a checksum that does not check out, likely left to the network card.
    ChecksumOffload,
    /// Playground: both programs wait for each other (see [`Trace::waiting`]), so nothing
    /// is on the wire any more.
    Deadlock,
    /// Playground: one `recv` returned the bytes of more than one `send` (粘包): TCP keeps
    /// no message boundaries. It follows that `recv`'s return event.
    StickyPacket,
    /// Playground: a `recv(n)` with a small n returned only part of what one `send` sent.
    PartialRead,
    /// Playground: the server bound its port but never called `listen()`, so the
    /// client's SYN was answered with a RST (or `accept()` failed).
    ForgotListen,
    /// Playground: the client connected to 127.0.0.1, its own computer, where nothing
    /// listens; the server is at the server's address.
    LoopbackRefused,
    /// Playground: a program ran into the instruction limit (a loop that never blocks).
    RunawayLoop,
}

named_enum!(NoteKey {
    NoPaddingFcs => "note.no_padding_fcs",
    ArpBroadcast => "note.arp_broadcast",
    ArpReplyUnicast => "note.arp_reply_unicast",
    SmoltcpSynOptions => "note.smoltcp_syn_options",
    RandomIsn => "note.random_isn",
    WindowFreeBuffer => "note.window_free_buffer",
    DelayedAck => "note.delayed_ack",
    RstClosedPort => "note.rst_closed_port",
    RetransmissionRto => "note.retransmission_rto",
    FrameLost => "note.frame_lost",
    FrameLostAck => "note.frame_lost_ack",
    FrameLostUdp => "note.frame_lost_udp",
    FrameLostArp => "note.frame_lost_arp",
    UdpNoHandshake => "note.udp_no_handshake",
    ThreeSegmentClose => "note.three_segment_close",
    SimultaneousClose => "note.simultaneous_close",
    TimeWait10s => "note.time_wait_10s",
    TimeWaitExpired => "note.time_wait_expired",
    RouterRewritesMacs => "note.router_rewrites_macs",
    RouterTtlDecrement => "note.router_ttl_decrement",
    RouterTtlExpired => "note.router_ttl_expired",
    RouterNoRoute => "note.router_no_route",
    StormCapped => "note.storm_capped",
    CaptureStatesInferred => "note.capture_states_inferred",
    CaptureListenUnseen => "note.capture_listen_unseen",
    CaptureMidConnection => "note.capture_mid_connection",
    CaptureRetransmission => "note.capture_retransmission",
    CaptureOutOfOrder => "note.capture_out_of_order",
    CaptureDupAck => "note.capture_dup_ack",
    ChecksumOffload => "note.checksum_offload",
    Deadlock => "note.deadlock",
    StickyPacket => "note.sticky_packet",
    PartialRead => "note.partial_read",
    ForgotListen => "note.forgot_listen",
    LoopbackRefused => "note.loopback_refused",
    RunawayLoop => "note.runaway_loop",
});

/// A limit of the engine that stopped a playground program ([`EventKind::Stopped`]); its
/// i18n key is [`RunLimit::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunLimit {
    /// Too many instructions: a loop that never waits for the network.
    Instructions,
    /// A str, bytes or list grew too large.
    ValueSize,
    /// `print` wrote too much.
    Output,
    /// Too many sockets.
    Sockets,
}

named_enum!(RunLimit {
    Instructions => "program.limit.instructions",
    ValueSize => "program.limit.value_size",
    Output => "program.limit.output",
    Sockets => "program.limit.sockets",
});

/// Why a router dropped a packet ([`EventKind::RouterDrop`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The TTL would reach 0.
    TtlExpired,
    /// No interface's subnet holds the destination.
    NoRoute,
}

/// TCP connection states with their RFC 9293 names (§3.3.2).
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
    /// Every state, in the order of RFC 9293's list.
    pub const ALL: &'static [TcpState] = &[
        TcpState::Closed,
        TcpState::Listen,
        TcpState::SynSent,
        TcpState::SynReceived,
        TcpState::Established,
        TcpState::FinWait1,
        TcpState::FinWait2,
        TcpState::CloseWait,
        TcpState::Closing,
        TcpState::LastAck,
        TcpState::TimeWait,
    ];

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
    pub annotated: Option<AnnotatedFrame>,
    /// Why annotation failed, when [`Frame::annotated`] is `None` after annotation (the
    /// decoder's message; never set for frames the engine built itself).
    pub annotation_error: Option<String>,
    /// What the frame does in the story (per link: the same segment crossing a second
    /// link is not a retransmission); `None` for bytes that are not ARP or IPv4.
    pub role: Option<FrameRole>,
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
        /// Playground: the arguments as Python's reprs when entered
        /// (`"('192.168.1.20', 8080)"`); empty otherwise.
        #[serde(default)]
        args: String,
        /// Playground: payload bytes the call moved when it returned (sent or received).
        #[serde(default)]
        nbytes: Option<usize>,
    },
    /// Playground: a program's `print` wrote `text` (with its line end).
    Print {
        /// Host name.
        host: String,
        /// 1-based line of the `print`.
        line: usize,
        /// What it wrote.
        text: String,
    },
    /// Playground: an exception nobody caught ended a program.
    Exception {
        /// Host name.
        host: String,
        /// 1-based line where it was raised.
        line: usize,
        /// Its class: `"ConnectionRefusedError"`.
        name: String,
        /// `str(e)`: `"[Errno 111] Connection refused"`.
        message: String,
        /// Python's traceback text.
        traceback: String,
    },
    /// Playground: a limit of the engine ended a program.
    Stopped {
        /// Host name.
        host: String,
        /// 1-based line it was on.
        line: usize,
        /// Which limit.
        limit: RunLimit,
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
    /// A router dropped a packet instead of forwarding it.
    RouterDrop {
        /// Router name.
        router: String,
        /// Why.
        reason: DropReason,
    },
    /// An explanation the UI shows at this point, added by the narrator.
    Note {
        /// Which explanation; its i18n key is [`NoteKey::as_str`].
        key: NoteKey,
    },
}

/// A trace that breaks its own rules (an engine bug, never the user's input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TraceError {
    /// A frame that no [`EventKind::Frame`] event puts on its link.
    FrameWithoutEvent {
        /// Index into [`Trace::frames`].
        frame: usize,
    },
    /// An [`EventKind::Frame`] event naming a frame that does not exist.
    EventWithoutFrame {
        /// Index into [`Trace::events`].
        event: usize,
    },
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TraceError::FrameWithoutEvent { frame } => write!(f, "frame {frame} has no event"),
            TraceError::EventWithoutFrame { event } => {
                write!(f, "event {event} names a frame that does not exist")
            }
        }
    }
}

impl std::error::Error for TraceError {}

/// A whole scenario run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
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
                EventKind::SocketCall { host: h, line, .. }
                | EventKind::Print { host: h, line, .. }
                | EventKind::Exception { host: h, line, .. }
                | EventKind::Stopped { host: h, line, .. }
                    if h == host =>
                {
                    Some(*line)
                }
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
    pub fn notes(&self) -> Vec<NoteKey> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Note { key } => Some(*key),
                _ => None,
            })
            .collect()
    }

    /// For each frame, the index of the event that put it on its link.
    ///
    /// # Errors
    /// [`TraceError::FrameWithoutEvent`] if a frame has no event (then no step shows it),
    /// [`TraceError::EventWithoutFrame`] if an event names a missing frame.
    pub fn frame_events(&self) -> Result<Vec<usize>, TraceError> {
        let mut out: Vec<Option<usize>> = vec![None; self.frames.len()];
        for (i, e) in self.events.iter().enumerate() {
            if let EventKind::Frame { frame } = e.kind {
                match out.get_mut(frame) {
                    Some(slot) => *slot = Some(i),
                    None => return Err(TraceError::EventWithoutFrame { event: i }),
                }
            }
        }
        out.into_iter()
            .enumerate()
            .map(|(frame, e)| e.ok_or(TraceError::FrameWithoutEvent { frame }))
            .collect()
    }

    /// Playground: the calls still blocked when the trace ends, as (event index of the
    /// call's entry, host, call, line) — who waits where in a deadlock.
    pub fn waiting(&self) -> Vec<(usize, &str, &str, usize)> {
        let mut open: Vec<(usize, &str, &str, usize)> = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            match &e.kind {
                EventKind::SocketCall {
                    host,
                    call,
                    line,
                    phase,
                    ..
                } => {
                    open.retain(|(_, h, _, _)| h != host);
                    if *phase == CallPhase::Blocked {
                        open.push((i, host, call, *line));
                    }
                }
                EventKind::Exception { host, .. } | EventKind::Stopped { host, .. } => {
                    open.retain(|(_, h, _, _)| h != host);
                }
                _ => {}
            }
        }
        open
    }

    /// Playground: the events of `recv` returns that gave the bytes of more than one
    /// `send` (粘包): each is followed by a [`NoteKey::StickyPacket`] note.
    pub fn sticky_recvs(&self) -> Vec<usize> {
        self.events
            .windows(2)
            .enumerate()
            .filter(|(_, w)| {
                matches!(
                    w.get(1).map(|e| &e.kind),
                    Some(EventKind::Note {
                        key: NoteKey::StickyPacket
                    })
                )
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The index of the event that put frame `frame` on its link.
    pub fn event_of_frame(&self, frame: usize) -> Option<usize> {
        self.events
            .iter()
            .position(|e| matches!(e.kind, EventKind::Frame { frame: f } if f == frame))
    }
}
