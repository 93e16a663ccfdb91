//! Every preset compiles and runs on the TCP scene's network with the results Python
//! would give; the playground's notes and errors follow the programs.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wirewalk_engine::python::{PresetId, PRESETS};
use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::trace::{CallPhase, EventKind, Trace};

fn run(client: &str, server: &str) -> Trace {
    wirewalk_engine::run_programs(&Scenario::new(ScenarioName::Tcp), client, server)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// What `host` printed, joined.
fn printed(t: &Trace, host: &str) -> String {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Print { host: h, text, .. } if h == host => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The results of `host`'s returned calls named `call`.
fn results(t: &Trace, host: &str, call: &str) -> Vec<String> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SocketCall {
                host: h,
                call: c,
                phase: CallPhase::Returned,
                result,
                ..
            } if h == host && c == call => Some(result.clone()),
            _ => None,
        })
        .collect()
}

fn preset(id: PresetId) -> Trace {
    let p = PRESETS.iter().find(|p| p.id == id).unwrap();
    run(p.client, p.server)
}

/// Nothing went wrong in a preset: no exception, no limit, no program waiting at the end.
fn clean(t: &Trace) {
    for e in &t.events {
        assert!(
            !matches!(
                e.kind,
                EventKind::Exception { .. } | EventKind::Stopped { .. }
            ),
            "{e:?}"
        );
    }
    assert!(t.waiting().is_empty(), "still waiting: {:?}", t.waiting());
    assert!(!t.capped);
}

#[test]
fn one_request() {
    let t = preset(PresetId::OneRequest);
    clean(&t);
    assert_eq!(results(&t, "server", "recv"), ["b'hello'"]);
    assert_eq!(results(&t, "client", "recv"), ["b'HELLO'"]);
    assert_eq!(printed(&t, "client"), "reply: b'HELLO'\n");
    assert!(printed(&t, "server").starts_with("connected by ('192.168.1.10', "));
    assert_eq!(
        t.state_sequence("client").first(),
        Some(&wirewalk_engine::trace::TcpState::Closed)
    );
}

#[test]
fn echo_loop() {
    let t = preset(PresetId::EchoLoop);
    clean(&t);
    assert_eq!(
        printed(&t, "client"),
        "sent one, got one\nsent two, got two\nsent three, got three\ndone\n"
    );
    assert_eq!(
        results(&t, "server", "recv"),
        ["b'one'", "b'two'", "b'three'", "b''"]
    );
    assert_eq!(printed(&t, "server"), "client closed the connection\n");
}

#[test]
fn sticky_packets_are_one_recv_and_marked() {
    let t = preset(PresetId::StickyPackets);
    clean(&t);
    assert_eq!(results(&t, "server", "recv"), ["b'onetwo'"]);
    let sticky = t.sticky_recvs();
    assert_eq!(sticky.len(), 1);
    assert!(matches!(
        &t.events[sticky[0]].kind,
        EventKind::SocketCall { call, result, .. } if call == "recv" && result == "b'onetwo'"
    ));
}

#[test]
fn udp_request_and_reply() {
    let t = preset(PresetId::Udp);
    clean(&t);
    let server = printed(&t, "server");
    assert!(
        server.starts_with("datagram from ('192.168.1.10', "),
        "{server}"
    );
    assert!(server.ends_with(") b'hello'\n"), "{server}");
    assert!(printed(&t, "client").starts_with("reply from ('192.168.1.20', 8080) b'HELLO'"));
}
