//! Reading capture files: the committed captures of every link type (written from known
//! bytes by `captures/make.py`) and live captures of CPython on the loopback interface
//! (dumpcap, pcapng and pcap) must annotate exactly as tshark dissects the same file;
//! conversations, relative numbers, roles and inferred states must be right; damaged and
//! oversized files must give their typed error, never a panic.
//!
//! tshark, dumpcap and python3 are required: a missing one fails the test.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::tshark::{file_errors, require_tshark};
use wirewalk_engine::capture::{self, Capture, CaptureError, Format, Limits, Transport};
use wirewalk_engine::trace::{EventKind, NoteKey, TcpState, Trace};
use wirewalk_engine::wire::{AnnotatedFrame, Annotator, FrameRole, LayerId};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/captures")
}

fn load(name: &str) -> (PathBuf, Capture) {
    let path = dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let cap = capture::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    (path, cap)
}

/// Every packet's annotation as the app shows it: from its conversation's trace, or (for
/// a frame in no TCP/UDP conversation) from a fresh annotator.
fn annotations(cap: &Capture) -> Vec<AnnotatedFrame> {
    let mut out: Vec<Option<AnnotatedFrame>> = vec![None; cap.packets.len()];
    for (n, c) in cap.conversations().iter().enumerate() {
        let t = cap.trace(n).expect("listed conversation");
        for (f, &i) in t.frames.iter().zip(&c.frames) {
            out[i] = Some(f.annotated.clone().expect("annotated"));
        }
    }
    out.into_iter()
        .zip(&cap.packets)
        .map(|(a, p)| {
            a.unwrap_or_else(|| {
                Annotator::new()
                    .annotate_link(&p.bytes, p.link)
                    .expect("annotates")
            })
        })
        .collect()
}

/// Compares every packet of the file with tshark.
fn check_with_tshark(label: &str, path: &Path, cap: &Capture) {
    let ours = annotations(cap);
    let (errs, stats) = file_errors(label, path, &ours);
    assert!(
        errs.is_empty(),
        "{label}: {} mismatches with tshark:\n{}",
        errs.len(),
        errs.join("\n")
    );
    assert!(
        stats.fields >= cap.packets.len() * 10,
        "{label}: too few fields compared: {stats:?}"
    );
    eprintln!(
        "{label}: {} frames, {} fields, {} masks equal tshark's",
        cap.packets.len(),
        stats.fields,
        stats.masks
    );
}

fn states(t: &Trace, host: &str) -> Vec<TcpState> {
    t.state_sequence(host)
}

/// The exchange `make.py` writes, as every committed file holds it.
fn check_known_exchange(label: &str, cap: &Capture) {
    let convs = cap.conversations();
    assert_eq!(convs.len(), 2, "{label}: one TCP and one UDP conversation");
    let tcp = &convs[0];
    assert_eq!(tcp.transport, Transport::Tcp);
    assert_eq!(
        (
            tcp.client_ip.as_str(),
            tcp.client_port,
            tcp.server_ip.as_str(),
            tcp.server_port
        ),
        ("10.0.0.1", 40000, "10.0.0.2", 8080),
        "{label}"
    );
    assert_eq!(tcp.frames.len(), 15, "{label}");
    assert_eq!(
        tcp.bytes,
        tcp.frames
            .iter()
            .map(|&i| cap.packets[i].bytes.len() as u64)
            .sum::<u64>()
    );
    assert_eq!(convs[1].transport, Transport::Udp);
    assert_eq!(convs[1].frames.len(), 2);
    let t = cap.trace(0).expect("trace");
    use TcpState as S;
    assert_eq!(
        states(&t, "client"),
        [
            S::Closed,
            S::SynSent,
            S::Established,
            S::FinWait1,
            S::FinWait2,
            S::TimeWait
        ],
        "{label}: client states"
    );
    assert_eq!(
        states(&t, "server"),
        [
            S::Closed,
            S::Listen,
            S::SynReceived,
            S::Established,
            S::CloseWait,
            S::LastAck,
            S::Closed
        ],
        "{label}: server states"
    );
    let roles: Vec<FrameRole> = t.frames.iter().map(|f| f.role.expect("role")).collect();
    use FrameRole as R;
    assert_eq!(
        roles,
        [
            R::Syn,
            R::SynAck,
            R::HandshakeAck,
            R::Data,
            R::Data,
            R::Ack,
            R::DupAck,
            R::OutOfOrder,
            R::Ack,
            R::Retransmission,
            R::Data,
            R::Ack,
            R::Fin,
            R::Fin,
            R::FinalAck,
        ],
        "{label}: roles"
    );
    let notes = t.notes();
    for key in [
        NoteKey::CaptureStatesInferred,
        NoteKey::CaptureListenUnseen,
        NoteKey::CaptureDupAck,
        NoteKey::CaptureOutOfOrder,
        NoteKey::CaptureRetransmission,
    ] {
        assert!(
            notes.contains(&key),
            "{label}: note {key:?} missing: {notes:?}"
        );
    }
    // The LISTEN comes first, before any frame; the client's SYN_SENT before its SYN.
    let first_frame = t
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::Frame { .. }))
        .expect("frames");
    assert_eq!(t.tcp_state_at("server", first_frame), S::Listen);
    assert_eq!(t.tcp_state_at("client", first_frame), S::SynSent);
    assert!(t
        .frames
        .iter()
        .all(|f| f.annotated.as_ref().is_some_and(|a| a.summary.captured)));
    // Relative numbers as Wireshark shows them.
    let last = t.frames[14].annotated.as_ref().expect("annotated");
    assert_eq!((last.summary.seq, last.summary.ack), (Some(20), Some(7)));
    assert_eq!(t.frames[0].from, "client");
    assert_eq!(t.frames[1].from, "server");
    let u = cap.trace(1).expect("udp trace");
    assert!(u.frames.iter().all(|f| f.role == Some(FrameRole::Udp)));
    assert!(u.state_sequence("client").is_empty());
}

#[test]
fn committed_captures_of_every_link_type_match_tshark() {
    require_tshark();
    for (name, link, layer) in [
        ("ethernet.pcapng", "ethernet", Some(LayerId::Eth)),
        ("sll.pcap", "sll", Some(LayerId::Sll)),
        ("sll2.pcap", "sll2", Some(LayerId::Sll)),
        ("null-le.pcap", "null", Some(LayerId::Null)),
        ("null-be.pcap", "null", Some(LayerId::Null)),
        ("raw101.pcap", "raw_ip", None),
        ("raw228.pcap", "raw_ip", None),
        ("offload.pcap", "ethernet", Some(LayerId::Eth)),
    ] {
        let (path, cap) = load(name);
        assert_eq!(cap.packets.len(), 18, "{name}");
        assert!(
            cap.packets.iter().all(|p| p.link.as_str() == link),
            "{name}"
        );
        let a = annotations(&cap);
        let first = a[0].layers()[0].id;
        assert_eq!(first, layer.unwrap_or(LayerId::Ip), "{name}: first layer");
        check_known_exchange(name, &cap);
        check_with_tshark(name, &path, &cap);
    }
}

#[test]
fn formats_and_timestamps() {
    let (_, ng) = load("ethernet.pcapng");
    assert_eq!(ng.format, Format::Pcapng);
    let (_, le) = load("sll.pcap");
    let (_, ns) = load("raw228.pcap");
    assert_eq!(le.format, Format::Pcap);
    // 1700000000 s, then frames 250 ms apart; the nanosecond file says the same in µs.
    assert_eq!(le.packets[0].time_us, 1_700_000_000_000_000);
    assert_eq!(le.packets[1].time_us, 1_700_000_000_250_000);
    let times = |c: &Capture| c.packets.iter().map(|p| p.time_us).collect::<Vec<_>>();
    assert_eq!(times(&le), times(&ns));
    // The simple packet block (frame 2) has no time: it keeps the previous one.
    assert_eq!(ng.packets[2].time_us, ng.packets[1].time_us);
    assert_eq!(ng.packets[3].time_us, le.packets[3].time_us);
}

#[test]
fn offloaded_checksums_are_flagged_not_blamed() {
    let (_, cap) = load("offload.pcap");
    let t = cap.trace(0).expect("trace");
    let s = &t.frames[0].annotated.as_ref().expect("annotated").summary;
    assert_eq!(s.l4_checksum_ok, Some(false));
    assert!(s.captured);
    assert!(t.notes().contains(&NoteKey::ChecksumOffload));
    let (_, good) = load("sll.pcap");
    assert!(!good
        .trace(0)
        .expect("trace")
        .notes()
        .contains(&NoteKey::ChecksumOffload));
}

#[test]
fn damaged_files_give_their_error() {
    let (_, _) = load("sll.pcap");
    let pcap = std::fs::read(dir().join("sll.pcap")).unwrap();
    let ng = std::fs::read(dir().join("ethernet.pcapng")).unwrap();
    assert_eq!(capture::read(b""), Err(CaptureError::NotACapture));
    assert_eq!(
        capture::read(b"GIF89a, not a capture"),
        Err(CaptureError::NotACapture)
    );
    assert_eq!(capture::read(&[0u8; 1000]), Err(CaptureError::NotACapture));
    // Every prefix: a clean error or the frames before the cut, never a panic.
    for file in [&pcap, &ng] {
        for n in 0..file.len() {
            match capture::read(&file[..n]) {
                Ok(c) => assert!(c.packets.len() < 18),
                Err(CaptureError::Truncated { at }) => assert_eq!(at, n as u64),
                Err(CaptureError::NotACapture | CaptureError::Malformed { .. }) => {}
                Err(e) => panic!("prefix {n}: unexpected {e:?}"),
            }
        }
    }
    assert!(matches!(
        capture::read(&pcap[..pcap.len() - 3]),
        Err(CaptureError::Truncated { .. })
    ));
    // Unsupported link type (105, IEEE 802.11) in the pcap header and in a pcapng IDB.
    let mut wifi = pcap.clone();
    wifi[20..24].copy_from_slice(&105u32.to_le_bytes());
    assert_eq!(
        capture::read(&wifi),
        Err(CaptureError::UnsupportedLinkType { link_type: 105 })
    );
    // make.py writes the section header, one unknown block, then the interface block.
    let block_len = |at: usize| u32::from_le_bytes(ng[at + 4..at + 8].try_into().unwrap()) as usize;
    let idb = block_len(0) + block_len(block_len(0));
    assert_eq!(ng[idb], 1, "an interface description block");
    let mut ng_wifi = ng.clone();
    ng_wifi[idb + 8..idb + 10].copy_from_slice(&105u16.to_le_bytes());
    assert_eq!(
        capture::read(&ng_wifi),
        Err(CaptureError::UnsupportedLinkType { link_type: 105 })
    );
    // A record claiming more than the frame limit.
    let mut huge = pcap.clone();
    huge[32..36].copy_from_slice(&(1u32 << 30).to_le_bytes());
    assert_eq!(
        capture::read(&huge),
        Err(CaptureError::Malformed { at: 24 })
    );
    // A pcapng block whose length is not a multiple of 4.
    let mut bad_block = ng.clone();
    bad_block[idb + 4] = 0x13;
    assert!(matches!(
        capture::read(&bad_block),
        Err(CaptureError::Malformed { .. })
    ));
    // Over the limits.
    let small = Limits {
        max_bytes: 500,
        ..Limits::default()
    };
    assert_eq!(
        capture::read_with(&pcap, &small),
        Err(CaptureError::TooBig { limit: 500 })
    );
    let few = Limits {
        max_frames: 5,
        ..Limits::default()
    };
    assert_eq!(
        capture::read_with(&ng, &few),
        Err(CaptureError::TooManyFrames { limit: 5 })
    );
    let big = vec![0u8; (capture::MAX_BYTES + 1) as usize];
    assert!(matches!(
        capture::read(&big),
        Err(CaptureError::TooBig { .. })
    ));
    // Asking for a conversation that is not there.
    let (_, cap) = load("sll.pcap");
    assert_eq!(
        cap.trace(2).map(|_| ()),
        Err(CaptureError::NoSuchConversation { count: 2 })
    );
    for key in CaptureError::KEYS {
        assert!(key.starts_with("capture.error."));
    }
}

/// The CPython programs the live capture runs: a TCP echo on 127.0.0.1 (the server
/// answers in upper case and closes after the client) and one UDP exchange.
const PY: &str = r#"
import socket, sys, threading
port = int(sys.argv[1])
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(1)
def serve():
    conn, _ = srv.accept()
    data = conn.recv(100)
    conn.sendall(data.upper())
    conn.recv(100)
    conn.close()
t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", port))
c.sendall(b"hello wirewalk")
c.recv(100)
c.close()
t.join()
srv.close()
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", port + 1))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"ping", ("127.0.0.1", port + 1))
d, a = u1.recvfrom(100)
u1.sendto(b"pong", a)
u2.recvfrom(100)
"#;

/// Captures the Python programs on `lo` with dumpcap in `format` (`pcapng` or `pcap`).
fn live_capture(format: &str, port: u16) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "wirewalk-live-{}-{format}.{format}",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&path);
    let filter = format!("port {port} or port {}", port + 1);
    let flag = if format == "pcap" { "-P" } else { "-n" };
    let mut dumpcap = Command::new("dumpcap")
        .args(["-q", "-i", "lo", flag, "-f", &filter, "-w"])
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dumpcap must be installed (Debian: tshark's package brings it)");
    // Wait until dumpcap has written its file header, i.e. it is capturing.
    let start = Instant::now();
    while std::fs::metadata(&path).map_or(0, |m| m.len()) == 0 {
        if let Ok(Some(status)) = dumpcap.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = dumpcap.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            panic!("dumpcap ended at once ({status}): {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "dumpcap did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let py = Command::new("python3")
        .args(["-c", PY, &port.to_string()])
        .output()
        .expect("python3 must be installed");
    assert!(
        py.status.success(),
        "python: {}",
        String::from_utf8_lossy(&py.stderr)
    );
    std::thread::sleep(Duration::from_millis(500));
    // dumpcap writes its last records when it is told to stop.
    let _ = Command::new("kill")
        .arg("-INT")
        .arg(dumpcap.id().to_string())
        .status();
    let out = dumpcap.wait_with_output().expect("dumpcap ends");
    assert!(
        out.status.success() || out.status.code() == Some(0) || path.exists(),
        "dumpcap: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[test]
fn live_loopback_captures_of_cpython_match_tshark() {
    require_tshark();
    for (format, port, expect) in [
        ("pcapng", 47611, Format::Pcapng),
        ("pcap", 47621, Format::Pcap),
    ] {
        let path = live_capture(format, port);
        let bytes = std::fs::read(&path).expect("capture file");
        let cap = capture::read(&bytes).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(cap.format, expect);
        let convs = cap.conversations();
        let tcp = convs
            .iter()
            .position(|c| c.transport == Transport::Tcp && c.server_port == port)
            .unwrap_or_else(|| panic!("{format}: no TCP conversation: {convs:?}"));
        assert_eq!(convs[tcp].client_ip, "127.0.0.1");
        assert!(
            convs
                .iter()
                .any(|c| c.transport == Transport::Udp && c.frames.len() == 2),
            "{format}: no UDP exchange: {convs:?}"
        );
        let t = cap.trace(tcp).expect("trace");
        use TcpState as S;
        assert_eq!(
            states(&t, "client"),
            [
                S::Closed,
                S::SynSent,
                S::Established,
                S::FinWait1,
                S::FinWait2,
                S::TimeWait
            ],
            "{format}: client states"
        );
        let server = states(&t, "server");
        assert_eq!(
            &server[..4],
            [S::Closed, S::Listen, S::SynReceived, S::Established],
            "{format}: server states"
        );
        assert_eq!(
            &server[server.len() - 3..],
            [S::CloseWait, S::LastAck, S::Closed],
            "{format}: server states"
        );
        // Linux's SYN carries the options smoltcp never sends.
        let syn = t.frames[0].annotated.as_ref().expect("annotated");
        for id in [
            "tcp.options.timestamp.tsval",
            "tcp.options.sack_perm",
            "tcp.options.wscale.shift",
            "tcp.options.nop",
        ] {
            assert!(syn.field(id).is_some(), "{format}: SYN without {id}");
        }
        check_with_tshark(&format!("live-{format}"), &path, &cap);
        let _ = std::fs::remove_file(&path);
    }
}
