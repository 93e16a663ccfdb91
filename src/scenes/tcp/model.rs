//! The TCP scene's pure logic: scenario from URL parameters (validated by the engine),
//! frame labels, per-step narration, TCP states and blocking calls at a cursor.
//! Everything here reads the engine's trace; nothing is made up.

mod play;
mod share;

pub use play::*;
pub use share::*;
pub mod questions;

pub use questions::*;

use crate::i18n::{echo, t, t_dyn, tf, Lang};
use crate::scenes::params::{self, apply_and_run, choice, frame_events, LastRun};
use crate::widgets::frame_text::frame_label;
use crate::widgets::frame_text::host_name;
use std::collections::BTreeMap;
use std::rc::Rc;
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::{CallPhase, EventKind, NoteKey, TcpState, Trace};

/// The variants the TCP scene offers (engine catalogue names), in menu order.
pub const VARIANTS: [&str; 7] = [
    "tcp",
    "tcp_loss",
    "tcp_loss_twice",
    "tcp_server_close",
    "tcp_simultaneous_close",
    "refused",
    "udp",
];

/// Loss choices offered ("which frame gets lost"), engine `loss` values.
pub const LOSSES: [&str; 8] = [
    "none",
    "syn",
    "syn_ack",
    "handshake_ack",
    "data",
    "data*2",
    "fin",
    "final_ack",
];

/// The i18n key naming a loss choice.
#[must_use]
pub fn loss_key(loss: &str) -> &'static str {
    match loss {
        "syn" => "scene.tcp.loss.syn",
        "syn_ack" => "scene.tcp.loss.syn_ack",
        "handshake_ack" => "scene.tcp.loss.handshake_ack",
        "data" => "scene.tcp.loss.data",
        "data*2" => "scene.tcp.loss.data2",
        "fin" => "scene.tcp.loss.fin",
        "final_ack" => "scene.tcp.loss.final_ack",
        _ => "scene.tcp.loss.none",
    }
}

/// The i18n key naming a variant.
#[must_use]
pub fn variant_key(variant: &str) -> &'static str {
    match variant {
        "tcp_loss" => "scene.tcp.variant.tcp_loss",
        "tcp_loss_twice" => "scene.tcp.variant.tcp_loss_twice",
        "tcp_server_close" => "scene.tcp.variant.tcp_server_close",
        "tcp_simultaneous_close" => "scene.tcp.variant.tcp_simultaneous_close",
        "refused" => "scene.tcp.variant.refused",
        "udp" => "scene.tcp.variant.udp",
        _ => "scene.tcp.variant.tcp",
    }
}

/// The i18n key of a variant's short name, for the select (the whole sentence,
/// [`variant_key`], is shown under it: a phone's select cut it mid-word).
#[must_use]
pub fn variant_short_key(variant: &str) -> &'static str {
    match variant {
        "tcp_loss" => "scene.tcp.variant.short.tcp_loss",
        "tcp_loss_twice" => "scene.tcp.variant.short.tcp_loss_twice",
        "tcp_server_close" => "scene.tcp.variant.short.tcp_server_close",
        "tcp_simultaneous_close" => "scene.tcp.variant.short.tcp_simultaneous_close",
        "refused" => "scene.tcp.variant.short.refused",
        "udp" => "scene.tcp.variant.short.udp",
        _ => "scene.tcp.variant.short.tcp",
    }
}

/// A computed scene: the scenario actually run, its trace, and what was rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The variant run.
    pub variant: String,
    /// The scenario with every accepted parameter.
    pub scenario: Scenario,
    /// Its trace.
    pub trace: Rc<Trace>,
    /// Parameters that were rejected, with the engine's error (shown beside the field).
    pub errors: Vec<(String, ScenarioError)>,
    /// For each frame, the index of its event in `trace.events`.
    pub frame_event: Vec<usize>,
}

/// Builds and runs the scenario for `params` (`variant` plus engine keys). A rejected
/// value is reported and left at its default, so there is always a trace to show.
///
/// # Errors
/// Only when even the variant's defaults fail to run (an engine bug): the engine's error.
pub fn build(params: &BTreeMap<String, String>) -> Result<Built, ScenarioError> {
    build_with(params, &LastRun::default())
}

/// [`build`], taking the run that [`check`] kept for this scenario, if any.
///
/// # Errors
/// As [`build`].
pub fn build_with(
    params: &BTreeMap<String, String>,
    last: &LastRun<Trace>,
) -> Result<Built, ScenarioError> {
    let mut errors = Vec::new();
    let variant = choice(params, "variant", &VARIANTS, "tcp", &mut errors);
    let defaults = Scenario::named(&variant)?;
    let pairs = params
        .iter()
        .filter(|(k, _)| k.as_str() != "variant" && !PROGRAM_KEYS.contains(&k.as_str()));
    let run = |s: &Scenario| last.run(s, wirewalk_engine::run);
    let (scenario, trace) = apply_and_run(&defaults, pairs, run, &mut errors)?;
    let frame_event = frame_events(&trace)?;
    Ok(Built {
        variant,
        scenario,
        trace: Rc::new(trace),
        errors,
        frame_event,
    })
}

/// Checks one field's new value against the current scenario, as this scene runs it;
/// the run is kept in `last` for the rebuild that follows.
///
/// # Errors
/// The engine's error for this value.
pub fn check(
    scenario: &Scenario,
    key: &str,
    value: &str,
    last: &LastRun<Trace>,
) -> Result<(), ScenarioError> {
    params::check(scenario, key, value, wirewalk_engine::run, last)
}

/// A host's socket at the cursor: its TCP state, its current code line, and the call it
/// is blocked in (if any), with the last call's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostAt {
    /// TCP state.
    pub state: TcpState,
    /// 1-based Python line.
    pub line: Option<usize>,
    /// The call the program is inside (entered, not yet returned).
    pub blocked_in: Option<String>,
    /// The last call that returned, with its result.
    pub returned: Option<(String, String)>,
    /// When in TIME_WAIT: µs left until CLOSED.
    pub time_wait_left_us: Option<u64>,
}

/// `host` after the first `cursor` events.
#[must_use]
pub fn host_at(trace: &Trace, host: &str, cursor: usize) -> HostAt {
    let mut blocked_in = None;
    let mut returned = None;
    for e in trace.events.iter().take(cursor) {
        if let EventKind::SocketCall {
            host: h,
            call,
            phase,
            result,
            ..
        } = &e.kind
        {
            if h == host {
                match phase {
                    CallPhase::Blocked => blocked_in = Some(call.clone()),
                    CallPhase::Returned => {
                        blocked_in = None;
                        returned = Some((call.clone(), result.clone()));
                    }
                }
            }
        }
    }
    let state = trace.tcp_state_at(host, cursor);
    let time_wait_left_us = (state == TcpState::TimeWait).then(|| {
        let now = now_us(trace, cursor);
        let expiry = trace
            .events
            .iter()
            .skip(cursor)
            .find_map(|e| match &e.kind {
                EventKind::StateChange {
                    host: h,
                    from: TcpState::TimeWait,
                    ..
                } if h == host => Some(e.time_us),
                _ => None,
            });
        expiry.unwrap_or(trace.end_us).saturating_sub(now)
    });
    HostAt {
        state,
        line: trace.code_line_at(host, cursor),
        blocked_in,
        returned,
        time_wait_left_us,
    }
}

/// Virtual time at the cursor (the time of the last applied event), µs.
#[must_use]
pub fn now_us(trace: &Trace, cursor: usize) -> u64 {
    cursor
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .map_or(0, |e| e.time_us)
}

/// One or two plain sentences on what the last applied event did and why.
#[must_use]
pub fn narration(trace: &Trace, cursor: usize, lang: Lang) -> Vec<String> {
    let Some(event) = cursor.checked_sub(1).and_then(|i| trace.events.get(i)) else {
        return vec![t(lang, "scene.tcp.narr.start").to_owned()];
    };
    match &event.kind {
        EventKind::Frame { frame } => {
            let Some(f) = trace.frames.get(*frame) else {
                return Vec::new();
            };
            let role = f.role.map(|r| r.as_str()).unwrap_or("frame");
            let mut out = vec![tf(
                lang,
                "scene.tcp.narr.frame",
                &[
                    &host_name(lang, &f.from),
                    &host_name(lang, &f.to),
                    &t_dyn(lang, &format!("role.{role}")),
                    &frame_label(f, lang),
                ],
            )];
            // A lost frame's effect never happened: its own "why" says so where the usual
            // one tells what the receiver does with it.
            let why = format!("scene.tcp.why.{role}");
            let lost_why = format!("{why}.lost");
            let why = if f.dropped && crate::i18n::lookup(lang, &lost_why).is_some() {
                lost_why
            } else {
                why
            };
            if crate::i18n::lookup(lang, &why).is_some() {
                out.push(t_dyn(lang, &why));
            }
            if f.dropped {
                // Chosen as the narrator chooses its note: by what the lost frame was.
                let key = match wirewalk_engine::narrate::lost_note(f.role) {
                    NoteKey::FrameLostAck => "scene.tcp.narr.dropped_ack",
                    NoteKey::FrameLostUdp => "scene.tcp.narr.dropped_udp",
                    NoteKey::FrameLostArp => "scene.tcp.narr.dropped_arp",
                    _ => "scene.tcp.narr.dropped",
                };
                out.push(t(lang, key).to_owned());
            }
            out
        }
        EventKind::StateChange { host, from, to } => vec![
            tf(
                lang,
                "scene.tcp.narr.state",
                &[&host_name(lang, host), from.name(), to.name()],
            ),
            t_dyn(lang, &format!("state.{}", to.name())),
        ],
        EventKind::SocketCall {
            host,
            call,
            phase,
            result,
            ..
        } => {
            let who = host_name(lang, host);
            match phase {
                CallPhase::Blocked
                    if matches!(call.as_str(), "accept" | "recv" | "recvfrom" | "connect") =>
                {
                    vec![tf(lang, "scene.tcp.narr.call_blocks", &[&who, call])]
                }
                CallPhase::Blocked => vec![tf(lang, "scene.tcp.narr.call", &[&who, call])],
                CallPhase::Returned => {
                    vec![tf(lang, "scene.tcp.narr.returned", &[&who, call, result])]
                }
            }
        }
        // The note the narrator puts right after it says why.
        EventKind::RouterDrop { .. } => Vec::new(),
        // Playground programs: who printed what, which exception ended whom, which limit.
        EventKind::Note { key } => vec![t_dyn(lang, key.as_str())],
        EventKind::Print { host, text, .. } => vec![tf(
            lang,
            "play.narr.print",
            &[&host_name(lang, host), &echo(text.trim_end_matches('\n'))],
        )],
        EventKind::Exception {
            host,
            name,
            message,
            ..
        } => vec![tf(
            lang,
            "play.narr.exception",
            &[&host_name(lang, host), name, &echo(message)],
        )],
        EventKind::Stopped { host, limit, .. } => vec![tf(
            lang,
            "play.narr.stopped",
            &[&host_name(lang, host), &t_dyn(lang, limit.as_str())],
        )],
        EventKind::SwitchLearn { switch, mac, port } => {
            vec![tf(
                lang,
                "scene.tcp.narr.learn",
                &[switch, mac, &port.to_string()],
            )]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::params::url_params as params;

    #[test]
    fn every_variant_builds_with_its_defaults() {
        for v in VARIANTS {
            let b = build(&params(&[("variant", v)])).expect(v);
            assert!(b.errors.is_empty(), "{v}: {:?}", b.errors);
            assert!(!b.trace.frames.is_empty(), "{v}");
            assert_eq!(b.frame_event.len(), b.trace.frames.len());
        }
    }

    #[test]
    fn a_bad_value_is_reported_and_the_rest_still_applies() {
        let b = build(&params(&[
            ("server.port", "99999"),
            ("client.payload", "hi"),
        ]))
        .unwrap();
        assert_eq!(b.errors.len(), 1);
        assert_eq!(b.errors[0].0, "server.port");
        assert_eq!(b.scenario.params.server_port, 8080);
        assert_eq!(b.scenario.params.client_payload, "hi");
        let e = crate::scenes::params::field_error(&b.errors, "server.port", Lang::En);
        assert!(e.is_some_and(|m| m.contains("99999")));
        let unknown = build(&params(&[("variant", "warp")])).unwrap();
        assert_eq!(unknown.variant, "tcp");
        assert_eq!(unknown.errors[0].0, "variant");
    }

    #[test]
    fn states_and_blocking_follow_the_trace() {
        let b = build(&BTreeMap::new()).unwrap();
        let tr = &b.trace;
        let n = tr.events.len();
        assert_eq!(host_at(tr, "client", 0).state, TcpState::Closed);
        assert_eq!(host_at(tr, "client", n).state, TcpState::Closed);
        // Somewhere the server blocks in accept() while LISTENing, and the client reaches TIME_WAIT.
        let blocked_accept = (0..n).any(|c| {
            let h = host_at(tr, "server", c);
            h.state == TcpState::Listen && h.blocked_in.as_deref() == Some("accept")
        });
        assert!(blocked_accept);
        let tw = (0..n)
            .map(|c| host_at(tr, "client", c))
            .find(|h| h.state == TcpState::TimeWait)
            .unwrap();
        let left = tw.time_wait_left_us.unwrap();
        assert!((9_000_000..=10_000_000).contains(&left), "{left}");
    }

    #[test]
    fn the_step_that_says_accept_blocks_shows_listen() {
        // listen() is the passive OPEN (RFC 9293): the state beside "blocks in accept()"
        // is LISTEN, in every variant that accepts.
        for variant in [
            "tcp",
            "tcp_loss",
            "tcp_server_close",
            "tcp_simultaneous_close",
        ] {
            let b = build(&params(&[("variant", variant)])).unwrap();
            let tr = &b.trace;
            let step = 1 + tr
                .events
                .iter()
                .position(|e| {
                    matches!(&e.kind, EventKind::SocketCall { host, call, phase: CallPhase::Blocked, .. }
                        if host == "server" && call == "accept")
                })
                .unwrap_or_else(|| panic!("{variant}: no accept()"));
            let text = narration(tr, step, Lang::En).join(" ");
            assert!(text.contains("accept() and its program waits"), "{text}");
            assert_eq!(
                host_at(tr, "server", step).state,
                TcpState::Listen,
                "{variant}"
            );
        }
    }

    #[test]
    fn a_lost_frame_is_not_narrated_as_if_it_arrived() {
        for (loss, role, says) in [
            ("handshake_ack", "handshake_ack", "stays in SYN_RECEIVED"),
            ("final_ack", "final_ack", "TIME_WAIT"),
        ] {
            let b = build(&params(&[("loss", loss)])).unwrap();
            let tr = &b.trace;
            let (i, f) = tr
                .frames
                .iter()
                .enumerate()
                .find(|(_, f)| f.dropped)
                .unwrap_or_else(|| panic!("{loss}: nothing lost"));
            assert_eq!(f.role.map(|r| r.as_str()), Some(role));
            let step = b.frame_event[i] + 1;
            let text = narration(tr, step, Lang::En).join(" ");
            assert!(text.contains(says), "{loss}: {text}");
            if loss == "handshake_ack" {
                // What the sentence claims, checked against the engine's trace at that step.
                assert!(!text.contains("accept() returns"), "{text}");
                assert_eq!(host_at(tr, "server", step).state, TcpState::SynReceived);
                let accepted = tr.events[..step].iter().any(|e| {
                    matches!(&e.kind, EventKind::SocketCall { call, phase: CallPhase::Returned, .. } if call == "accept")
                });
                assert!(!accepted, "accept() returned before the lost ACK");
                assert!(narration(tr, step, Lang::Zh)
                    .join("")
                    .contains("SYN_RECEIVED"));
            }
        }
    }

    #[test]
    fn narration_exists_for_every_step_in_both_languages() {
        for v in VARIANTS {
            let b = build(&params(&[("variant", v)])).unwrap();
            for c in 0..=b.trace.events.len() {
                for lang in Lang::ALL {
                    let n = narration(&b.trace, c, lang);
                    assert!(!n.is_empty(), "{v} step {c}");
                    for line in n {
                        assert!(
                            !line.contains("tcp.")
                                && !line.contains("role.")
                                && !line.contains("note.")
                                && !line.contains("state."),
                            "{v} step {c} {lang:?}: untranslated {line}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_typed_value_runs_the_engine_once() {
        let base = build(&BTreeMap::new()).unwrap();
        let last = LastRun::default();
        check(&base.scenario, "client.payload", "hey", &last).unwrap();
        let again = build_with(&params(&[("client.payload", "hey")]), &last).unwrap();
        assert_eq!(last.hits(), 1);
        assert!(again.errors.is_empty());
        assert_eq!(again.scenario.params.client_payload, "hey");
    }
}
