//! The narrator: one pass over a finished trace that adds every teaching note.
//!
//! The simulator records only what happened (frames, calls, states, drops); this pass reads
//! those events in order and inserts each [`NoteKey`] right after the event it explains, at
//! the same virtual time. Notes marked "once" appear only the first time their cause does
//! (the first SYN explains smoltcp's options); the others follow every cause (each lost
//! frame, each retransmission, each TIME_WAIT).

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::{Scenario, ScenarioName};
use crate::trace::{
    CallPhase, DropReason, Event, EventKind, Frame, HostKind, NoteKey, RunLimit, TcpState, Trace,
};
use crate::wire::FrameRole;

/// What the narrator remembers while it walks the events.
#[derive(Debug, Default)]
struct Narrator {
    /// Notes already given that are given once.
    noted: BTreeSet<NoteKey>,
    /// When each host last entered CLOSE_WAIT.
    close_wait_at: BTreeMap<String, u64>,
    /// Names of the routers.
    routers: BTreeSet<String>,
    /// Delayed ACK was on.
    delayed_ack: bool,
}

impl Narrator {
    /// Push `key` onto `out` unless it was given before.
    fn once(&mut self, key: NoteKey, out: &mut Vec<NoteKey>) {
        if self.noted.insert(key) {
            out.push(key);
        }
    }

    /// The notes that follow the state change of `host` at `time_us`.
    fn state_change(
        &mut self,
        host: &str,
        from: TcpState,
        to: TcpState,
        time_us: u64,
    ) -> Vec<NoteKey> {
        let mut out = Vec::new();
        let once = match (from, to) {
            (_, TcpState::CloseWait) => {
                self.close_wait_at.insert(host.to_string(), time_us);
                None
            }
            (TcpState::CloseWait, TcpState::LastAck)
                if self.close_wait_at.get(host) == Some(&time_us) =>
            {
                Some(NoteKey::ThreeSegmentClose)
            }
            (_, TcpState::Closing) => Some(NoteKey::SimultaneousClose),
            _ => None,
        };
        if to == TcpState::TimeWait {
            out.push(NoteKey::TimeWait10s);
        }
        if from == TcpState::TimeWait && to == TcpState::Closed {
            out.push(NoteKey::TimeWaitExpired);
        }
        if let Some(key) = once {
            self.once(key, &mut out);
        }
        out
    }

    /// The notes that follow frame `f` being put on its link.
    fn frame(&mut self, f: &Frame) -> Vec<NoteKey> {
        let mut out = Vec::new();
        if f.index == 0 {
            self.once(NoteKey::NoPaddingFcs, &mut out);
        }
        match f.role {
            Some(FrameRole::ArpRequest) => self.once(NoteKey::ArpBroadcast, &mut out),
            Some(FrameRole::ArpReply) => self.once(NoteKey::ArpReplyUnicast, &mut out),
            Some(FrameRole::Syn) => {
                self.once(NoteKey::SmoltcpSynOptions, &mut out);
                self.once(NoteKey::RandomIsn, &mut out);
            }
            Some(FrameRole::SynAck) => self.once(NoteKey::WindowFreeBuffer, &mut out),
            Some(FrameRole::Rst) => self.once(NoteKey::RstClosedPort, &mut out),
            Some(r) if r.is_retransmission() => out.push(NoteKey::RetransmissionRto),
            Some(FrameRole::Udp) => self.once(NoteKey::UdpNoHandshake, &mut out),
            Some(FrameRole::Data) if self.delayed_ack => self.once(NoteKey::DelayedAck, &mut out),
            _ => {}
        }
        if self.routers.contains(&f.from) && f.role.is_some_and(|r| !r.is_arp()) {
            self.once(NoteKey::RouterRewritesMacs, &mut out);
            self.once(NoteKey::RouterTtlDecrement, &mut out);
        }
        if f.dropped {
            out.push(lost_note(f.role));
        }
        out
    }
}

/// What a lost frame's note says depends on what was lost: TCP resends on a timer only
/// what occupies sequence space (SYN, FIN, data; RFC 9293 §3.8.1); a lost pure ACK or RST
/// is never resent, so the other side resends what it is still waiting to have
/// acknowledged; UDP resends nothing; ARP asks again.
pub fn lost_note(role: Option<FrameRole>) -> NoteKey {
    match role {
        Some(r) if r.occupies_sequence_space() => NoteKey::FrameLost,
        Some(FrameRole::Udp) => NoteKey::FrameLostUdp,
        Some(r) if r.is_arp() => NoteKey::FrameLostArp,
        _ => NoteKey::FrameLostAck,
    }
}

/// Add every teaching note to `trace`, the run of `scenario`.
pub fn narrate(trace: &mut Trace, scenario: &Scenario) {
    let mut n = Narrator {
        routers: trace
            .hosts
            .iter()
            .filter(|h| h.kind == HostKind::Router)
            .map(|h| h.name.clone())
            .collect(),
        delayed_ack: scenario.params.delayed_ack,
        ..Narrator::default()
    };
    let events = std::mem::take(&mut trace.events);
    let mut out = Vec::with_capacity(events.len() + events.len() / 4);
    for e in events {
        let notes = match &e.kind {
            EventKind::StateChange { host, from, to } => {
                n.state_change(host, *from, *to, e.time_us)
            }
            EventKind::Frame { frame } => trace
                .frames
                .get(*frame)
                .map(|f| n.frame(f))
                .unwrap_or_default(),
            EventKind::RouterDrop { reason, .. } => vec![match reason {
                DropReason::TtlExpired => NoteKey::RouterTtlExpired,
                DropReason::NoRoute => NoteKey::RouterNoRoute,
            }],
            EventKind::SocketCall { .. }
            | EventKind::Print { .. }
            | EventKind::Exception { .. }
            | EventKind::Stopped { .. }
            | EventKind::SwitchLearn { .. }
            | EventKind::Note { .. } => Vec::new(),
        };
        let time_us = e.time_us;
        out.push(e);
        out.extend(notes.into_iter().map(|key| Event {
            time_us,
            kind: EventKind::Note { key },
        }));
    }
    if scenario.name == ScenarioName::Storm && trace.capped {
        out.push(Event {
            time_us: trace.end_us,
            kind: EventKind::Note {
                key: NoteKey::StormCapped,
            },
        });
    }
    trace.events = out;
}

/// What the playground narrator remembers about one host's program.
#[derive(Debug, Default)]
struct Program {
    /// Bytes its TCP `recv`s returned on the current connection.
    received: usize,
    /// Bytes its `send`/`sendall` handed over on the current connection, and where each
    /// call's bytes end.
    sent: usize,
    send_ends: Vec<usize>,
    /// Arguments of the call being made (from its entry event).
    args: String,
    bound: bool,
    listened: bool,
}

/// The host a playground program talks to.
fn peer_of(host: &str) -> &'static str {
    if host == "client" {
        "server"
    } else {
        "client"
    }
}

/// The playground's teaching moments, after [`narrate`]: 粘包 and partial reads (from the
/// byte counts of the calls), a server that forgot `listen()`, a connection to
/// 127.0.0.1, a runaway loop, and a deadlock at the end (who waits where:
/// [`Trace::waiting`]).
pub fn narrate_programs(trace: &mut Trace) {
    let mut progs: BTreeMap<String, Program> = BTreeMap::new();
    let mut noted: BTreeSet<NoteKey> = BTreeSet::new();
    let events = std::mem::take(&mut trace.events);
    let mut out = Vec::with_capacity(events.len() + 8);
    for e in events {
        let mut notes = Vec::new();
        match &e.kind {
            EventKind::SocketCall {
                host,
                call,
                phase: CallPhase::Blocked,
                args,
                ..
            } => {
                let p = progs.entry(host.clone()).or_default();
                p.args = args.clone();
                match call.as_str() {
                    "bind" => p.bound = true,
                    "listen" => p.listened = true,
                    _ => {}
                }
            }
            EventKind::SocketCall {
                host,
                call,
                phase: CallPhase::Returned,
                result,
                nbytes,
                ..
            } => {
                let refused = result.starts_with("ConnectionRefusedError");
                let args = progs.get(host).map(|p| p.args.clone()).unwrap_or_default();
                let peer = progs.get(peer_of(host));
                let peer_forgot = peer.is_some_and(|p| p.bound && !p.listened);
                match (call.as_str(), nbytes) {
                    ("connect", _) if refused => {
                        if args.contains("'127.") || args.contains("'localhost'") {
                            notes.push(NoteKey::LoopbackRefused);
                        } else if peer_forgot && noted.insert(NoteKey::ForgotListen) {
                            notes.push(NoteKey::ForgotListen);
                        }
                    }
                    ("accept", _) if result.starts_with("OSError") => {
                        let p = progs.get(host);
                        if p.is_some_and(|p| !p.listened) && noted.insert(NoteKey::ForgotListen) {
                            notes.push(NoteKey::ForgotListen);
                        }
                    }
                    ("connect" | "accept", _) if !result.contains("Error") => {
                        let p = progs.entry(host.clone()).or_default();
                        p.received = 0;
                        p.sent = 0;
                        p.send_ends.clear();
                    }
                    ("send" | "sendall", Some(n)) if *n > 0 => {
                        let p = progs.entry(host.clone()).or_default();
                        p.sent += n;
                        p.send_ends.push(p.sent);
                    }
                    ("recv", Some(n)) if *n > 0 => {
                        let start = progs.get(host).map_or(0, |p| p.received);
                        let end = start + n;
                        let ends = progs
                            .get(peer_of(host))
                            .map(|p| p.send_ends.clone())
                            .unwrap_or_default();
                        if ends.iter().any(|&x| start < x && x < end) {
                            notes.push(NoteKey::StickyPacket);
                        }
                        let bufsize = args.trim().parse::<usize>().ok();
                        let cut = ends.iter().any(|&x| x > end)
                            && ends.iter().all(|&x| x <= start || x > end);
                        if bufsize == Some(*n) && cut && noted.insert(NoteKey::PartialRead) {
                            notes.push(NoteKey::PartialRead);
                        }
                        if let Some(p) = progs.get_mut(host) {
                            p.received = end;
                        }
                    }
                    _ => {}
                }
            }
            EventKind::Stopped {
                limit: RunLimit::Instructions,
                ..
            } => notes.push(NoteKey::RunawayLoop),
            _ => {}
        }
        let time_us = e.time_us;
        out.push(e);
        out.extend(notes.into_iter().map(|key| Event {
            time_us,
            kind: EventKind::Note { key },
        }));
    }
    trace.events = out;
    let waiting = trace.waiting();
    let stuck = waiting
        .iter()
        .filter(|(_, _, call, _)| {
            matches!(
                *call,
                "recv" | "recvfrom" | "accept" | "connect" | "sendall"
            )
        })
        .count();
    if stuck >= 2 {
        trace.events.push(Event {
            time_us: trace.end_us,
            kind: EventKind::Note {
                key: NoteKey::Deadlock,
            },
        });
    }
}
