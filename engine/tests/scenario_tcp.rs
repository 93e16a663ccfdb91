//! TCP scenarios, read like a script: handshake, data and ACK, teardown, TIME_WAIT, loss
//! and retransmission, the 3-segment and simultaneous closes, and a refused connection.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smoltcp::wire::{EthernetFrame, Ipv4Packet, TcpOption, TcpPacket};
use wirewalk_engine::run;
use wirewalk_engine::scenario::Scenario;
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, NoteKey, TcpState, Trace};
use TcpState::*;

fn trace(name: &str, sets: &[(&str, &str)]) -> Trace {
    let mut s = Scenario::named(name).expect("known scenario");
    for (k, v) in sets {
        s.set(k, v).expect("valid parameter");
    }
    run(&s).expect("scenario runs")
}

fn roles(t: &Trace) -> Vec<&str> {
    t.frames
        .iter()
        .map(|f| f.role.map(|r| r.as_str()).unwrap_or("?"))
        .collect()
}

fn frame_with_role<'a>(t: &'a Trace, role: &str) -> &'a Frame {
    t.frames
        .iter()
        .find(|f| f.role.map(|r| r.as_str()) == Some(role))
        .unwrap_or_else(|| panic!("no {role} frame"))
}

fn tcp_of(f: &Frame) -> TcpPacket<&[u8]> {
    let eth = EthernetFrame::new_checked(&f.bytes[..]).unwrap();
    let ip = Ipv4Packet::new_checked(eth.payload()).unwrap();
    TcpPacket::new_checked(ip.payload()).unwrap()
}

/// (call, phase, result) of a host's socket calls.
fn calls<'a>(t: &'a Trace, host: &str) -> Vec<(&'a str, CallPhase, &'a str)> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SocketCall {
                host: h,
                call,
                phase,
                result,
                ..
            } if h == host => Some((call.as_str(), *phase, result.as_str())),
            _ => None,
        })
        .collect()
}

fn returned<'a>(t: &'a Trace, host: &str, call: &str) -> Vec<&'a str> {
    calls(t, host)
        .into_iter()
        .filter(|(c, p, _)| *c == call && *p == CallPhase::Returned)
        .map(|(_, _, r)| r)
        .collect()
}

fn time_of_state(t: &Trace, host: &str, to_state: TcpState) -> u64 {
    t.events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::StateChange { host: h, to, .. } if h == host && *to == to_state => {
                Some(e.time_us)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{host} never reached {to_state}"))
}

#[test]
fn tcp_handshake_data_and_four_way_teardown() {
    let t = trace("tcp", &[]);
    assert_eq!(
        roles(&t),
        [
            "arp_request",
            "arp_reply",
            "syn",
            "syn_ack",
            "handshake_ack",
            "data",
            "ack",
            "data",
            "ack",
            "fin",
            "ack_fin",
            "fin",
            "final_ack"
        ]
    );
    assert_eq!(
        t.state_sequence("client"),
        [
            Closed,
            SynSent,
            Established,
            FinWait1,
            FinWait2,
            TimeWait,
            Closed
        ]
    );
    assert_eq!(
        t.state_sequence("server"),
        [
            Closed,
            Listen,
            SynReceived,
            Established,
            CloseWait,
            LastAck,
            Closed
        ]
    );
    assert!(t.frames.iter().all(|f| !f.dropped));
    assert!(!t.capped);
}

#[test]
fn tcp_socket_calls_return_like_python() {
    let t = trace("tcp", &[]);
    assert_eq!(returned(&t, "client", "connect"), ["None"]);
    assert_eq!(returned(&t, "client", "send"), ["5"]);
    assert_eq!(returned(&t, "client", "recv"), ["b'HELLO'"]);
    assert_eq!(returned(&t, "server", "recv"), ["b'hello'", "b''"]);
    assert_eq!(returned(&t, "server", "send"), ["5"]);
    let accept = returned(&t, "server", "accept");
    assert_eq!(accept.len(), 1);
    assert!(accept[0].contains("'192.168.1.10'"), "{accept:?}");
    // Every call is entered before it returns, and its line shows that call in Python.
    let server = t.hosts.iter().find(|h| h.name == "server").unwrap();
    for e in &t.events {
        if let EventKind::SocketCall {
            host, call, line, ..
        } = &e.kind
        {
            let code = &t.hosts.iter().find(|h| &h.name == host).unwrap().code;
            let text = &code[line - 1];
            let shown = if call == "sleep" {
                "time.sleep("
            } else {
                call.as_str()
            };
            assert!(text.contains(shown), "line {line} {text:?} for {call}");
        }
    }
    assert!(server
        .code
        .iter()
        .any(|l| l == "server.bind(('192.168.1.20', 8080))"));
}

#[test]
fn accept_returns_on_the_third_handshake_segment() {
    let t = trace("tcp", &[]);
    let ack = frame_with_role(&t, "handshake_ack");
    let accepted = t
        .events
        .iter()
        .find(|e| {
            matches!(&e.kind, EventKind::SocketCall { call, phase: CallPhase::Returned, .. } if call == "accept")
        })
        .unwrap();
    assert_eq!(accepted.time_us, ack.arrive_us);
}

#[test]
fn smoltcp_syn_options_window_and_notes() {
    let t = trace("tcp", &[]);
    let syn = tcp_of(frame_with_role(&t, "syn"));
    assert!(syn.syn() && !syn.ack());
    let mut opts = Vec::new();
    let mut rest = syn.options();
    while !rest.is_empty() {
        let (r, opt) = TcpOption::parse(rest).unwrap();
        opts.push(opt);
        rest = r;
    }
    assert!(opts.contains(&TcpOption::MaxSegmentSize(1460)));
    assert!(opts.contains(&TcpOption::WindowScale(0)));
    assert!(opts.contains(&TcpOption::SackPermitted));
    assert_eq!(syn.window_len(), 8192, "window = free receive buffer");
    let notes = t.notes();
    for key in [
        NoteKey::SmoltcpSynOptions,
        NoteKey::RandomIsn,
        NoteKey::WindowFreeBuffer,
        NoteKey::TimeWait10s,
        NoteKey::TimeWaitExpired,
        NoteKey::NoPaddingFcs,
    ] {
        assert!(notes.contains(&key), "missing {key}");
    }
}

#[test]
fn time_wait_lasts_ten_seconds() {
    let t = trace("tcp", &[]);
    let entered = time_of_state(&t, "client", TimeWait);
    let left = t
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::StateChange {
                host,
                from: TimeWait,
                to: Closed,
            } if host == "client" => Some(e.time_us),
            _ => None,
        })
        .unwrap();
    assert_eq!(left - entered, 10_000_000);
    assert_eq!(t.end_us, left);
}

#[test]
fn delayed_ack_off_acks_at_once() {
    let t = trace("tcp", &[("delayed_ack", "false")]);
    let data = frame_with_role(&t, "data");
    let ack = t
        .frames
        .iter()
        .find(|f| f.role.map(|r| r.as_str()) == Some("ack"))
        .unwrap();
    assert_eq!(ack.time_us, data.arrive_us);
    let on = trace("tcp", &[]);
    let data = frame_with_role(&on, "data");
    let ack = frame_with_role(&on, "ack");
    assert_eq!(
        ack.time_us,
        data.arrive_us + 10_000,
        "smoltcp delays ACKs 10 ms"
    );
}

#[test]
fn no_think_time_lets_acks_ride_on_data() {
    let t = trace("tcp", &[("client.think_ms", "0"), ("server.think_ms", "0")]);
    let r = roles(&t);
    assert!(!r.contains(&"handshake_ack"), "{r:?}");
    assert_eq!(r.iter().filter(|x| **x == "data").count(), 2);
}

#[test]
fn lost_data_segment_is_retransmitted_at_the_rto() {
    let t = trace("tcp_loss", &[]);
    let lost = t
        .frames
        .iter()
        .find(|f| f.dropped)
        .expect("a dropped frame");
    assert_eq!(lost.role.map(|r| r.as_str()), Some("data"));
    let again = frame_with_role(&t, "retransmission");
    assert_eq!(again.bytes, lost.bytes, "same segment, byte for byte");
    assert_eq!(
        again.time_us - lost.time_us,
        1_000_000,
        "smoltcp's initial RTO is 1 s"
    );
    assert!(t.notes().contains(&NoteKey::RetransmissionRto));
    assert_eq!(returned(&t, "server", "recv")[0], "b'hello'");
    assert_eq!(
        t.state_sequence("client"),
        [
            Closed,
            SynSent,
            Established,
            FinWait1,
            FinWait2,
            TimeWait,
            Closed
        ]
    );
}

#[test]
fn lost_twice_backs_off() {
    let t = trace("tcp_loss_twice", &[]);
    let sends: Vec<&Frame> = t
        .frames
        .iter()
        .filter(|f| matches!(f.role.map(|r| r.as_str()), Some("data" | "retransmission")))
        .filter(|f| f.from == "client")
        .collect();
    assert!(sends.len() >= 3);
    assert!(sends[0].dropped && sends[1].dropped && !sends[2].dropped);
    assert_eq!(sends[1].time_us - sends[0].time_us, 1_000_000);
    assert_eq!(
        sends[2].time_us - sends[1].time_us,
        2_000_000,
        "RTO doubles"
    );
}

#[test]
fn lost_syn_ack_is_sent_again() {
    let t = trace("tcp", &[("loss", "syn_ack")]);
    let r = roles(&t);
    assert!(
        r.contains(&"syn_ack_retransmission") || r.contains(&"syn_retransmission"),
        "{r:?}"
    );
    assert_eq!(returned(&t, "client", "recv"), ["b'HELLO'"]);
}

#[test]
fn lost_final_ack_makes_the_server_repeat_its_fin() {
    let t = trace("tcp", &[("loss", "final_ack")]);
    let lost = t.frames.iter().find(|f| f.dropped).unwrap();
    assert_eq!(lost.role.map(|r| r.as_str()), Some("final_ack"));
    assert!(roles(&t).contains(&"fin_retransmission"));
    assert_eq!(t.state_sequence("server").last(), Some(&Closed));
}

#[test]
fn server_closing_at_once_gives_a_three_segment_close() {
    let t = trace("tcp_server_close", &[]);
    let r = roles(&t);
    let fin = r.iter().position(|x| *x == "fin").unwrap();
    assert_eq!(&r[fin..], ["fin", "fin", "final_ack"]);
    let server_fin = tcp_of(&t.frames[fin + 1]);
    assert!(
        server_fin.fin() && server_fin.ack(),
        "FIN and ACK in one segment"
    );
    assert_eq!(
        t.state_sequence("client"),
        [Closed, SynSent, Established, FinWait1, TimeWait, Closed]
    );
    assert_eq!(
        t.state_sequence("server"),
        [
            Closed,
            Listen,
            SynReceived,
            Established,
            CloseWait,
            LastAck,
            Closed
        ]
    );
}

#[test]
fn simultaneous_close_passes_through_closing_on_both_ends() {
    let t = trace("tcp_simultaneous_close", &[]);
    for host in ["client", "server"] {
        let seq = t.state_sequence(host);
        assert!(
            seq.ends_with(&[Established, FinWait1, Closing, TimeWait, Closed]),
            "{host}: {seq:?}"
        );
    }
    // Also with other latencies and think times.
    let t = trace(
        "tcp_simultaneous_close",
        &[("latency_us", "2500"), ("client.think_ms", "7")],
    );
    assert!(t.state_sequence("client").contains(&Closing));
    assert!(t.state_sequence("server").contains(&Closing));
}

#[test]
fn refused_connect_gets_rst_ack_and_raises() {
    let t = trace("refused", &[]);
    let rst = frame_with_role(&t, "rst");
    let tcp = tcp_of(rst);
    assert!(tcp.rst() && tcp.ack());
    assert_eq!(rst.from, "server");
    assert_eq!(
        returned(&t, "client", "connect"),
        ["ConnectionRefusedError: [Errno 111] Connection refused"]
    );
    assert_eq!(t.state_sequence("client"), [Closed, SynSent, Closed]);
    assert!(t.notes().contains(&NoteKey::RstClosedPort));
    // The program stops at the exception: no send after it.
    assert!(returned(&t, "client", "send").is_empty());
}

#[test]
fn explicit_client_port_is_bound_and_used() {
    let t = trace("tcp", &[("client.port", "50000")]);
    let syn = tcp_of(frame_with_role(&t, "syn"));
    assert_eq!(syn.src_port(), 50000);
    let client = t.hosts.iter().find(|h| h.name == "client").unwrap();
    assert!(client
        .code
        .iter()
        .any(|l| l == "client.bind(('192.168.1.10', 50000))"));
}

#[test]
fn ephemeral_port_and_isn_come_from_the_seed() {
    let a = trace("tcp", &[("seed", "1")]);
    let b = trace("tcp", &[("seed", "2")]);
    let (sa, sb) = (
        tcp_of(frame_with_role(&a, "syn")),
        tcp_of(frame_with_role(&b, "syn")),
    );
    assert!((49152..=65535).contains(&sa.src_port()));
    assert_ne!(sa.seq_number(), sb.seq_number());
    assert_ne!(sa.src_port(), sb.src_port());
}

#[test]
fn non_ascii_payload_travels_as_utf8() {
    let t = trace(
        "tcp",
        &[("client.payload", "你好"), ("server.payload", "Grüße")],
    );
    assert_eq!(returned(&t, "server", "recv")[0], "'你好'.encode()");
    assert_eq!(
        tcp_of(frame_with_role(&t, "data")).payload(),
        "你好".as_bytes()
    );
    let client = t.hosts.iter().find(|h| h.name == "client").unwrap();
    assert!(client
        .code
        .iter()
        .any(|l| l == "client.send('你好'.encode())"));
}

#[test]
fn largest_payload_fills_one_segment() {
    let big = "x".repeat(1460);
    let t = trace("tcp", &[("client.payload", &big)]);
    let data = frame_with_role(&t, "data");
    assert_eq!(data.bytes.len(), 14 + 20 + 20 + 1460);
    assert_eq!(returned(&t, "client", "send"), ["1460"]);
}

#[test]
fn frames_are_annotated() {
    let t = trace("tcp", &[]);
    for f in &t.frames {
        let a = f.annotated.as_ref().expect("annotated");
        assert_eq!(a.len, f.bytes.len());
    }
}

/// What each `recv`/`recvfrom` of `host` returned, in order.
fn received<'a>(t: &'a Trace, host: &str) -> Vec<&'a str> {
    calls(t, host)
        .into_iter()
        .filter(|(c, p, _)| matches!(*c, "recv" | "recvfrom") && *p == CallPhase::Returned)
        .map(|(_, _, r)| r)
        .collect()
}

#[test]
fn the_largest_payload_is_read_whole_and_the_client_still_closes_first() {
    use wirewalk_engine::scenario::MAX_PAYLOAD;
    let c = "c".repeat(MAX_PAYLOAD);
    let s = "S".repeat(MAX_PAYLOAD);
    let want_c = format!("b'{c}'");
    let want_s = format!("b'{s}'");
    for name in ["tcp", "tcp_loss", "tcp_server_close"] {
        let t = trace(name, &[("client.payload", &c), ("server.payload", &s)]);
        // One recv() takes the whole request, the next sees the client's FIN.
        let server = received(&t, "server");
        assert_eq!(server.first().copied(), Some(want_c.as_str()), "{name}");
        assert_eq!(server.get(1).copied(), Some("b''"), "{name}");
        assert_eq!(received(&t, "client"), [want_s.as_str()], "{name}");
        // As the narration tells it: the client closes first, so it, not the server,
        // waits in TIME_WAIT.
        assert!(t.state_sequence("client").contains(&TimeWait), "{name}");
        assert!(!t.state_sequence("server").contains(&TimeWait), "{name}");
    }
    let t = trace("udp", &[("client.payload", &c), ("server.payload", &s)]);
    assert!(received(&t, "server")[0].starts_with(&format!("({want_c}, ")));
    assert!(received(&t, "client")[0].starts_with(&format!("({want_s}, ")));
}
