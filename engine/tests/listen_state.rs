//! `listen()` is the passive OPEN of RFC 9293 (§3.10.1: "CLOSED → LISTEN"), so a server
//! is in LISTEN as soon as `listen()` returns, before it blocks in `accept()`. The
//! trace must say so at every step: the CLOSED → LISTEN change comes right after
//! `listen()` returns, and the state shown while `accept()` waits is LISTEN. Linux
//! with CPython is the oracle for the socket API: the kernel's table shows the port in
//! LISTEN after `listen()` and nothing after `bind()` alone. A missing `python3` fails
//! the test.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use wirewalk_engine::python::PRESETS;
use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::trace::{CallPhase, EventKind, TcpState, Trace};
use wirewalk_engine::wire::FrameRole;

/// The scenarios whose server runs `listen()` and `accept()`: every TCP one.
const TCP_SCENARIOS: [ScenarioName; 5] = [
    ScenarioName::Tcp,
    ScenarioName::TcpLoss,
    ScenarioName::TcpLossTwice,
    ScenarioName::TcpServerClose,
    ScenarioName::TcpSimultaneousClose,
];

/// The index of `host`'s first `call` event in `phase`.
fn call_at(t: &Trace, host: &str, call: &str, phase: CallPhase) -> Option<usize> {
    t.events.iter().position(|e| {
        matches!(&e.kind, EventKind::SocketCall { host: h, call: c, phase: p, .. }
            if h == host && c == call && *p == phase)
    })
}

/// `listen()` returned, then the state became LISTEN, then `accept()` blocked in LISTEN.
fn listen_then_accept(t: &Trace, what: &str) {
    let listened = call_at(t, "server", "listen", CallPhase::Returned)
        .unwrap_or_else(|| panic!("{what}: the server never returned from listen()"));
    assert_eq!(
        t.tcp_state_at("server", listened),
        TcpState::Closed,
        "{what}: CLOSED until listen() returns"
    );
    match &t.events[listened + 1].kind {
        EventKind::StateChange { host, from, to } => {
            assert_eq!(
                (host.as_str(), *from, *to),
                ("server", TcpState::Closed, TcpState::Listen),
                "{what}"
            );
        }
        other => panic!("{what}: after listen() returned came {other:?}, not CLOSED → LISTEN"),
    }
    let accept = call_at(t, "server", "accept", CallPhase::Blocked)
        .unwrap_or_else(|| panic!("{what}: the server never called accept()"));
    assert!(accept > listened, "{what}");
    assert_eq!(
        t.tcp_state_at("server", accept + 1),
        TcpState::Listen,
        "{what}: the server blocks in accept() in LISTEN"
    );
}

#[test]
fn every_tcp_scenario_listens_before_accept_blocks() {
    for name in TCP_SCENARIOS {
        let t = wirewalk_engine::run(&Scenario::new(name)).unwrap();
        listen_then_accept(&t, &format!("{name:?}"));
    }
}

#[test]
fn every_playground_preset_listens_before_accept_blocks() {
    for p in PRESETS {
        let t =
            wirewalk_engine::run_programs(&Scenario::new(ScenarioName::Tcp), p.client, p.server)
                .unwrap_or_else(|e| panic!("{e}"));
        if call_at(&t, "server", "accept", CallPhase::Blocked).is_some() {
            listen_then_accept(&t, &format!("{:?}", p.id));
        }
    }
}

/// The state Linux's `/proc/net/tcp` gives the port after `bind()` and after `listen()`
/// (before any `accept()`), as CPython sees it on the loopback.
const CPYTHON: &str = r#"
import socket
def state(port):
    for line in open('/proc/net/tcp').read().splitlines()[1:]:
        f = line.split()
        if int(f[1].split(':')[1], 16) == port:
            return f[3]
    return 'none'
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
print('bind', state(port))
s.listen(1)
print('listen', state(port))
s.close()
"#;

#[test]
fn cpython_on_linux_is_in_listen_after_listen_before_accept() {
    if !std::path::Path::new("/proc/net/tcp").exists() {
        panic!("this oracle needs Linux's /proc/net/tcp");
    }
    let out = Command::new("python3")
        .args(["-c", CPYTHON])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 0A is TCP_LISTEN in include/net/tcp_states.h; a bound socket is in no table.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "bind none\nlisten 0A\n"
    );
    // The engine agrees: CLOSED after bind(), LISTEN after listen().
    let t = wirewalk_engine::run(&Scenario::new(ScenarioName::Tcp)).unwrap();
    let bound = call_at(&t, "server", "bind", CallPhase::Returned).unwrap();
    assert_eq!(t.tcp_state_at("server", bound + 1), TcpState::Closed);
    listen_then_accept(&t, "tcp");
}

/// RFC 9293 §3.5: a SYN that reaches a CLOSED port is answered with a RST, so the server
/// must be in LISTEN before the client's SYN arrives. The trace lists the two hosts'
/// work at one instant client first (at t = 0 the client's `connect()` and its ARP
/// request are listed before the server's `listen()`), so the player shows the server
/// CLOSED while the client is SYN_SENT for a few steps; that is right as long as the
/// server's LISTEN comes before the SYN is even sent. Holds on every TCP scenario.
#[test]
fn the_server_listens_before_the_first_syn_is_sent() {
    for name in TCP_SCENARIOS {
        let t = wirewalk_engine::run(&Scenario::new(name)).unwrap();
        let listen = t
            .events
            .iter()
            .position(|e| {
                matches!(&e.kind, EventKind::StateChange { host, to: TcpState::Listen, .. } if host == "server")
            })
            .unwrap_or_else(|| panic!("{name:?}: the server never entered LISTEN"));
        let syn = t
            .frames
            .iter()
            .find(|f| f.role == Some(FrameRole::Syn))
            .unwrap_or_else(|| panic!("{name:?}: no SYN"));
        let syn_event = t
            .events
            .iter()
            .position(|e| matches!(e.kind, EventKind::Frame { frame } if frame == syn.index))
            .unwrap_or_else(|| panic!("{name:?}: the SYN has no frame event"));
        assert!(
            listen < syn_event && t.events[listen].time_us <= syn.time_us,
            "{name:?}: LISTEN (event {listen}, t = {} µs) after the SYN was sent (event {syn_event}, t = {} µs)",
            t.events[listen].time_us,
            syn.time_us
        );
        assert!(syn.arrive_us >= syn.time_us, "{name:?}");
    }
}
