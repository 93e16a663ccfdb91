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

fn notes(t: &Trace) -> Vec<wirewalk_engine::trace::NoteKey> {
    t.notes()
}

const SERVER_ACCEPT: &str = "import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
";

#[test]
fn deadlock_both_wait_in_recv() {
    use wirewalk_engine::trace::NoteKey;
    let client = "import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
data = c.recv(1024)
";
    let server = format!("{SERVER_ACCEPT}data = conn.recv(1024)\n");
    let t = run(client, &server);
    assert_eq!(notes(&t).last(), Some(&NoteKey::Deadlock));
    let waiting: Vec<(&str, &str, usize)> =
        t.waiting().iter().map(|&(_, h, c, l)| (h, c, l)).collect();
    assert_eq!(waiting, [("client", "recv", 4), ("server", "recv", 6)]);
    // Without the deadlock: the server answers first.
    let server = format!("{SERVER_ACCEPT}conn.sendall(b'hi')\ndata = conn.recv(1024)\n");
    let t = run(client, &server);
    assert!(!notes(&t).contains(&NoteKey::Deadlock));
}

#[test]
fn partial_read_and_sticky_are_told() {
    use wirewalk_engine::trace::NoteKey;
    let client = "import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'hello world')
c.close()
";
    let server = format!("{SERVER_ACCEPT}import time\ntime.sleep(1)\nprint(conn.recv(4))\n");
    let t = run(client, &server);
    assert!(notes(&t).contains(&NoteKey::PartialRead), "{:?}", notes(&t));
    assert!(!notes(&t).contains(&NoteKey::StickyPacket));
    assert_eq!(printed(&t, "server"), "b'hell'\n");
}

#[test]
fn forgot_listen_and_loopback_are_told() {
    use wirewalk_engine::trace::NoteKey;
    let client = "import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
";
    let server = "import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
time.sleep(1)
";
    let t = run(client, server);
    assert!(
        notes(&t).contains(&NoteKey::ForgotListen),
        "{:?}",
        notes(&t)
    );
    assert!(t.events.iter().any(|e| matches!(&e.kind,
        EventKind::Exception { host, name, line: 3, .. } if host == "client" && name == "ConnectionRefusedError")));
    let client = "import socket
c = socket.socket()
c.connect(('127.0.0.1', 8080))
";
    let t = run(client, SERVER_ACCEPT);
    assert!(notes(&t).contains(&NoteKey::LoopbackRefused));
    assert!(
        !t.frames.iter().any(|f| f.from == "client"),
        "127.0.0.1 never reaches the wire"
    );
}

#[test]
fn a_runaway_loop_stops_at_its_line() {
    use wirewalk_engine::trace::{NoteKey, RunLimit};
    let t = run("x = 0\nwhile True:\n    x += 1\n", "pass\n");
    assert!(t.events.iter().any(|e| matches!(&e.kind,
        EventKind::Stopped { host, limit: RunLimit::Instructions, line, .. }
            if host == "client" && (2..=3).contains(line))));
    assert!(notes(&t).contains(&NoteKey::RunawayLoop));
    // Values and output are bounded too.
    let t = run("b = b'x'\nwhile True:\n    b = b + b\n", "pass\n");
    assert!(t.events.iter().any(|e| matches!(
        &e.kind,
        EventKind::Stopped {
            limit: RunLimit::ValueSize,
            line: 3,
            ..
        }
    )));
    let t = run("while True:\n    print('spam')\n", "pass\n");
    assert!(t.events.iter().any(|e| matches!(
        &e.kind,
        EventKind::Stopped {
            limit: RunLimit::Output,
            line: 2,
            ..
        }
    )));
}

#[test]
fn programs_that_cannot_run_are_typed_errors_at_their_line() {
    use wirewalk_engine::python::{check, ProgramErrorKind as K, Side, MAX_SOURCE};
    let cases: &[(&str, K, usize)] = &[
        ("def f():\n    pass\n", K::NotInSubset, 1),
        ("import os\n", K::UnknownModule, 1),
        ("x = 1\n  y = 2\n", K::Indentation, 2),
        ("if True:\nprint(1)\n", K::Indentation, 2),
        ("x = 'abc\n", K::UnterminatedString, 1),
        ("x = (1,\n", K::Syntax, 1),
        ("print(1))\n", K::Syntax, 1),
        ("x = 1 $ 2\n", K::BadCharacter, 1),
        ("x = 09\n", K::BadNumber, 1),
        ("x = {1: 2}\n", K::NotInSubset, 1),
        ("x = [i for i in range(3)]\n", K::NotInSubset, 1),
        ("data = input()\n", K::NotInSubset, 1),
        ("s = 1\ns.makefile()\n", K::NotInSubset, 2),
        ("try:\n    pass\nfinally:\n    pass\n", K::NotInSubset, 3),
        ("x = f'{y:>5}'\n", K::NotInSubset, 1),
        ("break\n", K::Syntax, 1),
        ("x = b'\\u1234'\nx = lambda: 1\n", K::NotInSubset, 2),
    ];
    for (src, kind, line) in cases {
        let errs = check(src, "pass\n").unwrap_err();
        assert_eq!(errs.len(), 1, "{src:?}: {errs:?}");
        assert_eq!(errs[0].side, Side::Client);
        assert_eq!(
            (errs[0].kind, errs[0].line),
            (*kind, *line),
            "{src:?}: {errs:?}"
        );
    }
    let deep = format!("x = {}1{}\n", "(".repeat(100), ")".repeat(100));
    assert_eq!(check(&deep, "pass\n").unwrap_err()[0].kind, K::TooDeep);
    let big = "x = 1\n".repeat(MAX_SOURCE / 6 + 1);
    assert_eq!(
        check("pass\n", &big).unwrap_err()[0].kind,
        K::SourceTooLarge
    );
    assert_eq!(
        check("pass\n", &"\n".repeat(600)).unwrap_err()[0].kind,
        K::TooManyLines
    );
    // Both programs' errors, the client's first.
    let errs = check("def f(): pass\n", "class C: pass\n").unwrap_err();
    assert_eq!(errs.len(), 2);
    assert_eq!((errs[0].side, errs[1].side), (Side::Client, Side::Server));
}

#[test]
fn the_api_types_cross_a_worker_as_json() {
    use wirewalk_engine::python::{ProgramError, ProgramErrorKind, Side};
    use wirewalk_engine::ProgramsError;
    let e = ProgramsError::Programs(vec![ProgramError {
        side: Side::Server,
        line: 3,
        column: 1,
        kind: ProgramErrorKind::NotInSubset,
        detail: "def".into(),
    }]);
    let back: ProgramsError = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(back, e);
    let t = preset(PresetId::Udp);
    let back: Trace = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(back, t);
}
