//! The playground against CPython: every program pair in `python_cases` runs in Wirewalk
//! and, with the addresses mapped to 127.0.0.1 and a free port, under this machine's
//! `python3` on the loopback. What each `recv`/`recvfrom` returned, what each program
//! printed and the exception that ended it (the traceback's last line) must be the same.
//! A missing `python3` fails the test.
//!
//! Nothing here binds the programs' port while they run: the server's own `listen()` (TCP)
//! or `bind()` (UDP) leaves a file that says it is ready. (A probe that bound the port to
//! see whether it was taken held it for an instant, and a server binding in that instant
//! failed with "Address already in use" in CI.)

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod python_cases;

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::trace::{CallPhase, EventKind, Trace};

/// What one program did, as both runs can tell it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Seen {
    /// Each successful recv/recvfrom's data, as Python's repr.
    recvs: Vec<String>,
    /// Everything it printed.
    printed: String,
    /// The last line of the traceback of the exception that ended it.
    exception: Option<String>,
}

/// Replaces every `('a.b.c.d', port)` with `ADDR` (the two runs use other addresses).
fn no_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("('") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let addr_end = tail.find(')').filter(|&e| {
            let inner = &tail[2..e];
            inner.split_once("', ").is_some_and(|(ip, port)| {
                ip.split('.').count() == 4
                    && ip.split('.').all(|o| o.parse::<u8>().is_ok())
                    && port.parse::<u16>().is_ok()
            })
        });
        match addr_end {
            Some(e) => {
                out.push_str("ADDR");
                rest = &tail[e + 1..];
            }
            None => {
                out.push_str("('");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn wirewalk(client: &str, server: &str) -> (Seen, Seen, Trace) {
    let t = wirewalk_engine::run_programs(&Scenario::new(ScenarioName::Tcp), client, server)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut seen = [Seen::default(), Seen::default()];
    for e in &t.events {
        let (host, s) = match &e.kind {
            EventKind::SocketCall { host, .. }
            | EventKind::Print { host, .. }
            | EventKind::Exception { host, .. }
            | EventKind::Stopped { host, .. } => (host.as_str(), &e.kind),
            _ => continue,
        };
        let who = &mut seen[usize::from(host == "server")];
        match s {
            EventKind::SocketCall {
                call,
                phase: CallPhase::Returned,
                result,
                nbytes: Some(_),
                ..
            } if call == "recv" => who.recvs.push(result.clone()),
            EventKind::SocketCall {
                call,
                phase: CallPhase::Returned,
                result,
                nbytes: Some(_),
                ..
            } if call == "recvfrom" => {
                let data = result
                    .strip_prefix('(')
                    .and_then(|r| r.rsplit_once(", ("))
                    .map(|(d, _)| d.to_string())
                    .unwrap();
                who.recvs.push(data);
            }
            EventKind::Print { text, .. } => who.printed.push_str(text),
            EventKind::Exception { name, message, .. } => {
                who.exception = Some(format!("{name}: {message}"));
            }
            EventKind::Stopped { .. } => panic!("stopped at a limit: {s:?}"),
            _ => {}
        }
    }
    let [c, s] = seen;
    (c, s, t)
}

/// The prelude that logs each recv/recvfrom result of a CPython program to `WW_LOG`.
const PRELUDE: &str = "import socket as _ws, os as _wo
_wlog = open(_wo.environ['WW_LOG'], 'a', buffering=1)
class _WSock(_ws.socket):
    def recv(self, *a):
        r = super().recv(*a)
        _wlog.write(repr(r) + '\\n')
        return r
    def recvfrom(self, *a):
        r = super().recvfrom(*a)
        _wlog.write(repr(r[0]) + '\\n')
        return r
    def bind(self, *a):
        super().bind(*a)
        if self.type == _ws.SOCK_DGRAM:
            open(_wo.environ['WW_READY'], 'w').close()
    def listen(self, *a):
        super().listen(*a)
        open(_wo.environ['WW_READY'], 'w').close()
_ws.socket = _WSock
";

fn spawn(dir: &Path, name: &str, src: &str, port: u16) -> Child {
    let src = src
        .replace("192.168.1.20", "127.0.0.1")
        .replace("192.168.1.10", "127.0.0.1")
        .replace("8080", &port.to_string());
    let file = dir.join(format!("{name}.py"));
    std::fs::write(&file, format!("{PRELUDE}{src}")).unwrap();
    Command::new("python3")
        .arg("-u")
        .arg(&file)
        .env("WW_LOG", dir.join(format!("{name}.log")))
        .env("WW_READY", dir.join("ready"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to check the playground against CPython")
}

fn finish(mut child: Child, dir: &Path, case: &str, name: &str) -> Seen {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{case} {name}: CPython did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let (mut out, mut err) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let log = std::fs::read_to_string(dir.join(format!("{name}.log"))).unwrap_or_default();
    Seen {
        recvs: log.lines().map(str::to_string).collect(),
        printed: out,
        exception: err.contains("Traceback").then(|| {
            err.trim_end()
                .lines()
                .last()
                .unwrap_or_default()
                .to_string()
        }),
    }
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let p = l.local_addr().unwrap().port();
    let u = std::net::UdpSocket::bind(("127.0.0.1", p));
    assert!(u.is_ok(), "port {p} is free for UDP too");
    p
}

fn cpython_once(case: &str, client: &str, server: &str) -> (Seen, Seen) {
    let dir = std::env::temp_dir().join(format!("wirewalk-cpython-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let port = free_port();
    let mut s = spawn(&dir, "server", server, port);
    // The client starts once the server listens (or has bound its UDP port, or ended); the
    // programs' own sleeps order the rest. Python may start slowly on a busy machine.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if dir.join("ready").exists() || s.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    let c = spawn(&dir, "client", client, port);
    let client = finish(c, &dir, case, "client");
    let server = finish(s, &dir, case, "server");
    let _ = std::fs::remove_dir_all(&dir);
    (client, server)
}

/// No case binds a port twice, so "Address already in use" from CPython means another
/// process on this machine took the free port between `free_port` and the server's bind:
/// that run says nothing about the program, and it is run again on another port.
fn cpython(case: &str, client: &str, server: &str) -> (Seen, Seen) {
    let in_use = |s: &Seen| {
        s.exception
            .as_deref()
            .is_some_and(|e| e.contains("Address already in use"))
    };
    let mut seen = cpython_once(case, client, server);
    for _ in 0..3 {
        if !in_use(&seen.0) && !in_use(&seen.1) {
            break;
        }
        seen = cpython_once(case, client, server);
    }
    seen
}

fn normalise(mut s: Seen) -> Seen {
    s.printed = no_addresses(&s.printed);
    s
}

#[test]
fn the_playground_agrees_with_cpython() {
    let cases = python_cases::CASES;
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for chunk in cases.chunks(8) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|&(name, c, s)| std::thread::spawn(move || (name, c, s, cpython(name, c, s))))
            .collect();
        for h in handles {
            let (name, c, s, (py_c, py_s)) = h.join().unwrap();
            let (ww_c, ww_s, _) = wirewalk(c, s);
            for (side, ww, py) in [("client", ww_c, py_c), ("server", ww_s, py_s)] {
                let (ww, py) = (normalise(ww), normalise(py));
                if ww != py {
                    failures.push(format!(
                        "{name} {side}:\n  wirewalk {ww:?}\n  cpython  {py:?}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_case_puts_something_on_the_wire_and_ends() {
    for &(name, c, s) in python_cases::CASES {
        let (_, _, t) = wirewalk(c, s);
        assert!(!t.capped, "{name} hit the time limit");
        assert!(
            !t.frames.is_empty() || name.starts_with("accept_without"),
            "{name}: no frames"
        );
    }
}
