//! The tshark oracle: every annotated field must equal what tshark 4.0 shows.
//!
//! Frames go through [`write_pcap`] into tshark (`-T pdml` for `pos`/`size`/`show`,
//! `-T json -x` for bit masks) with IP/TCP/UDP checksum validation on. For every frame:
//! - tshark reports no malformed packet, no error-level expert info, no bad checksum;
//! - every field we annotate (children included) exists in tshark's tree at the same
//!   position with the same size and the same `show` value, and its mask equals tshark's;
//! - every field tshark shows at the top level of `eth`, `arp`, `ip`, `tcp`, `udp`
//!   (and `data.data`) is in our annotation, except the generated ones in [`GENERATED`];
//! - our one-line summary equals tshark's Info column (`-T fields -e _ws.col.Info`), once
//!   tshark's TCP analysis prefixes such as `[TCP Retransmission] ` are taken off (that
//!   analysis is the narrator's, not the annotator's).
//!
//! tshark is required: a missing tshark fails the test; there is no switch to skip it.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::tshark::{oracle_errors, require_tshark};
use wirewalk_engine::wire::{AnnotatedFrame, Annotator, Layer, LayerId};

/// Annotates `frames` in order and checks every one against tshark.
fn check_frames(label: &str, frames: &[(u64, Vec<u8>)]) {
    let (errs, stats) = oracle_errors(label, frames, |_| {});
    assert!(
        errs.is_empty(),
        "{label}: {} mismatches with tshark:\n{}",
        errs.len(),
        errs.join("\n")
    );
    assert!(
        stats.fields >= frames.len() * 10,
        "{label}: too few fields compared: {stats:?}"
    );
    assert!(stats.masks > 0, "{label}: no bit mask compared: {stats:?}");
    eprintln!(
        "{label}: {} frames, {} fields and {} masks equal tshark's",
        frames.len(),
        stats.fields,
        stats.masks
    );
}

#[test]
fn oracle_hand_built_frames() {
    require_tshark();
    check_frames("hand-built", &common::hand_built_frames());
}

#[test]
fn oracle_odd_conversations() {
    require_tshark();
    // Sequence numbers wrapping through 2^32, one-byte and empty payloads, another subnet.
    let c = common::Ep::new([0x02, 0xaa, 0, 0, 0, 0x10], [10, 1, 2, 3], 61000);
    let s = common::Ep::new([0x02, 0xbb, 0, 0, 0, 0x20], [10, 1, 2, 254], 7);
    let mut frames = common::conversation(&c, &s, u32::MAX, u32::MAX - 3, b"x", "ÿ".as_bytes());
    frames.extend(common::conversation(
        &c,
        &s,
        0,
        0,
        &[0u8; 1459],
        &[0xffu8; 3],
    ));
    check_frames("odd", &frames);
}

#[test]
fn oracle_catches_wrong_annotations() {
    require_tshark();
    let frames = common::hand_built_frames();
    let (errs, _) = oracle_errors("tampered", &frames[..6], |a| {
        let tcp = a[2].iter_mut().find(|l| l.id == LayerId::Tcp).expect("tcp");
        tcp.fields[0].show = "1".into(); // tcp.srcport
        tcp.fields[2].offset += 1; // tcp.seq
        tcp.fields.retain(|f| f.id != "tcp.urgent_pointer");
        let ip = a[3].iter_mut().find(|l| l.id == LayerId::Ip).expect("ip");
        ip.fields[5].children[1].mask = 0x20; // ip.flags.df
    });
    let joined = errs.join("\n");
    for needle in [
        "tcp.srcport show",
        "tcp.seq at 39 not in tshark",
        "tcp.urgent_pointer at 52",
        "ip.flags.df mask",
    ] {
        assert!(
            joined.contains(needle),
            "oracle missed {needle:?}:\n{joined}"
        );
    }
}

/// Parameter sets every catalogue scenario is run with (besides its defaults): non-ASCII
/// and odd-length payloads, high and low ports, other address ranges and MACs, other seeds.
const PARAM_SETS: &[&[(&str, &str)]] = &[
    &[
        ("client.payload", "héllo wörld ✓"),
        ("server.payload", "你好，世界！"),
    ],
    &[
        ("client.payload", "x"),
        ("server.payload", "ÿ"),
        ("seed", "7"),
    ],
    &[
        ("client.port", "65535"),
        ("server.port", "8080"),
        ("seed", "12345"),
    ],
    &[
        ("client.port", "1024"),
        ("server.port", "53"),
        ("client.payload", "こんにちは!"),
    ],
    &[
        ("client.mac", "00:1b:21:3a:4b:5c"),
        ("server.mac", "ac:de:48:00:11:22"),
        ("client.ip", "10.20.30.40"),
        ("server.ip", "10.20.30.41"),
    ],
    &[
        ("client.ip", "172.16.254.1"),
        ("server.ip", "172.16.254.200"),
        ("delayed_ack", "true"),
    ],
    &[
        ("server.think_ms", "0"),
        ("client.think_ms", "0"),
        ("seed", "99"),
    ],
    &[
        ("client.switch_port", "2"),
        ("server.switch_port", "0"),
        ("storm.pulled", "true"),
        ("router.udp", "true"),
    ],
];

/// Runs one scenario and checks every frame of its trace against tshark, using the
/// annotation stored in the trace (what the UI shows).
fn check_scenario(label: &str, scenario: &wirewalk_engine::scenario::Scenario) {
    let trace = wirewalk_engine::run(scenario)
        .unwrap_or_else(|e| panic!("{label}: scenario does not run: {e:?}"));
    check_trace(label, &trace);
}

/// Checks every frame of `trace` against tshark, with the annotation stored in it.
fn check_trace(label: &str, trace: &wirewalk_engine::trace::Trace) {
    assert!(!trace.frames.is_empty(), "{label}: no frames");
    let frames: Vec<(u64, Vec<u8>)> = trace
        .frames
        .iter()
        .map(|f| (f.time_us, f.bytes.clone()))
        .collect();
    let stored: Vec<AnnotatedFrame> = trace
        .frames
        .iter()
        .map(|f| {
            f.annotated
                .clone()
                .unwrap_or_else(|| panic!("{label}: frame {} has no annotation", f.index))
        })
        .collect();
    // The trace's frames (summaries made during the run, layers decoded on demand) equal
    // a fresh Annotator's, summary and layers both.
    let mut fresh = Annotator::new();
    for ((_, bytes), s) in frames.iter().zip(&stored) {
        let a = fresh.annotate(bytes).expect("annotates");
        assert_eq!(a.summary, s.summary, "{label}: summary differs");
        assert_eq!(a.layers(), s.layers(), "{label}: layers differ");
    }
    let stored_layers: Vec<Vec<Layer>> = stored.iter().map(|a| a.layers().to_vec()).collect();
    let (errs, stats) = oracle_errors(label, &frames, |a| {
        assert_eq!(
            *a, stored_layers,
            "{label}: the trace's annotation differs from a fresh Annotator's"
        );
    });
    assert!(
        errs.is_empty(),
        "{label}: {} mismatches with tshark:\n{}",
        errs.len(),
        errs.join("\n")
    );
    eprintln!(
        "{label}: {} frames, {} fields, {} masks equal tshark's",
        frames.len(),
        stats.fields,
        stats.masks
    );
}

#[path = "python_cases/mod.rs"]
mod python_cases;

/// Every frame the socket playground's programs cause (the presets and the CPython
/// comparison cases) passes the oracle.
#[test]
fn oracle_playground_programs() {
    require_tshark();
    use wirewalk_engine::python::PRESETS;
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    let presets = PRESETS.iter().map(|p| (p.id.as_str(), p.client, p.server));
    for (label, client, server) in presets.chain(python_cases::CASES.iter().copied()) {
        let trace =
            wirewalk_engine::run_programs(&Scenario::new(ScenarioName::Tcp), client, server)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
        if trace.frames.is_empty() {
            continue;
        }
        check_trace(label, &trace);
    }
}

#[test]
fn oracle_every_catalogue_scenario() {
    require_tshark();
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        let scenario = Scenario::named(name).expect("catalogue name");
        check_scenario(name, &scenario);
    }
}

#[test]
fn oracle_catalogue_with_varied_parameters() {
    require_tshark();
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    let mut runs = Vec::new();
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        for (k, set) in PARAM_SETS.iter().enumerate() {
            let mut scenario = Scenario::named(name).expect("catalogue name");
            let applied = set
                .iter()
                .try_for_each(|(key, value)| scenario.set(key, value));
            if let Err(e) = applied.and_then(|()| scenario.validate()) {
                // Some sets do not fit some scenarios (e.g. one subnet for the router).
                eprintln!("{name} with set {k}: not applicable ({e:?})");
                continue;
            }
            runs.push((format!("{name}-set{k}"), scenario));
        }
    }
    // The runs on every core: this test holds most of the oracle's tshark runs, and the
    // test harness gives it one thread, so the other core idled once the other tests
    // were done. A failing run panics its thread, and the scope then fails the test.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((label, scenario)) = runs.get(i) else {
                    break;
                };
                check_scenario(label, scenario);
            });
        }
    });
    let ran = runs.len();
    assert!(
        ran >= ScenarioName::ALL.len() * 3,
        "only {ran} parameterised runs applied"
    );
}
