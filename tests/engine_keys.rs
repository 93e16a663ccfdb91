//! Every i18n key the engine emits has a message in both languages, and every parameter
//! error reads with its specifics filled in.
//!
//! Keys are collected from real runs of every catalogue scenario (with several parameter
//! variants, so that losses, retransmissions and other rare roles appear) and from the
//! engine's source, for keys only rare paths emit.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use wirewalk::i18n::{error_message, lookup, Lang};
use wirewalk_engine::scenario::{self, Scenario, ScenarioError, ERROR_KEYS, MAX_PAYLOAD};
use wirewalk_engine::trace::{EventKind, TcpState, NOTE_KEYS};
use wirewalk_engine::wire::{physical, Field};

/// Parameter variants each scenario runs with, besides its defaults.
const VARIANTS: &[&[(&str, &str)]] = &[
    &[],
    &[("loss", "syn")],
    &[("loss", "syn_ack")],
    &[("loss", "handshake_ack")],
    &[("loss", "data*2")],
    &[("loss", "ack")],
    &[("loss", "fin")],
    &[("loss", "ack_fin")],
    &[("loss", "final_ack")],
    &[("loss", "udp")],
    &[("loss", "arp_request")],
    &[("loss", "arp_reply")],
    &[("loss", "c2s:3")],
    &[("loss", "s2c:3")],
    &[("client.think_ms", "0"), ("server.think_ms", "0")],
    &[("delayed_ack", "off")],
    &[("seed", "7"), ("client.port", "50000")],
];

/// Every TCP state; the `match` makes a new state a compile error here.
fn all_states() -> Vec<TcpState> {
    let all = [
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
    for s in all {
        match s {
            TcpState::Closed
            | TcpState::Listen
            | TcpState::SynSent
            | TcpState::SynReceived
            | TcpState::Established
            | TcpState::FinWait1
            | TcpState::FinWait2
            | TcpState::CloseWait
            | TcpState::Closing
            | TcpState::LastAck
            | TcpState::TimeWait => {}
        }
    }
    all.to_vec()
}

#[derive(Default)]
struct Keys {
    notes: BTreeSet<String>,
    fields: BTreeSet<String>,
    layers: BTreeSet<String>,
    phys: BTreeSet<String>,
    roles: BTreeSet<String>,
    states: BTreeSet<String>,
}

fn walk(f: &Field, out: &mut BTreeSet<String>) {
    out.insert(f.meaning.clone());
    for c in &f.children {
        walk(c, out);
    }
}

fn collect_from_runs(keys: &mut Keys) -> usize {
    let mut runs = 0;
    for name in scenario::catalogue() {
        for variant in VARIANTS {
            let mut s = Scenario::named(name).expect("catalogue scenario");
            for (k, v) in *variant {
                s.set(k, v).expect("variant parameter");
            }
            let trace = scenario::run(&s).unwrap_or_else(|e| panic!("{name} {variant:?}: {e}"));
            runs += 1;
            keys.notes
                .extend(trace.notes().into_iter().map(str::to_owned));
            for e in &trace.events {
                if let EventKind::StateChange { from, to, .. } = &e.kind {
                    keys.states.insert(format!("state.{}", from.name()));
                    keys.states.insert(format!("state.{}", to.name()));
                }
            }
            for f in &trace.frames {
                keys.roles
                    .insert(format!("role.{}", f.role.as_deref().unwrap_or("frame")));
                if let Some(a) = &f.annotated {
                    for l in &a.layers {
                        keys.layers.insert(format!("layer.{}", l.id));
                        for field in &l.fields {
                            walk(field, &mut keys.fields);
                        }
                    }
                }
                for seg in physical(&f.bytes).segments {
                    keys.phys.insert(seg.meaning);
                }
            }
        }
    }
    runs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("read engine src dir")
        .flatten()
    {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The string literals of a Rust source (good enough for this crate: no raw strings
/// around keys, no escaped quotes inside them).
fn literals(src: &str) -> Vec<&str> {
    src.lines()
        .flat_map(|line| line.split('"').skip(1).step_by(2))
        .collect()
}

fn is_ident_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
}

/// Keys only visible in the engine's source: every `"note.*"` literal, every Wireshark
/// field id in `wire/` (their meaning is `field.<id>`), and every role the role tracker
/// names (in `net/link.rs`).
fn collect_from_source(keys: &mut Keys) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("engine")
        .join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 10,
        "engine sources not found under {}",
        src.display()
    );
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read engine source");
        let in_wire = f.components().any(|c| c.as_os_str() == "wire");
        let is_link = f.ends_with("net/link.rs");
        for lit in literals(&text) {
            if !is_ident_path(lit) {
                continue;
            }
            if lit.starts_with("note.") {
                keys.notes.insert(lit.to_owned());
            }
            let field_prefix = ["eth.", "arp.", "ip.", "tcp.", "udp.", "data."]
                .iter()
                .any(|p| lit.starts_with(p));
            if in_wire && field_prefix {
                keys.fields.insert(format!("field.{lit}"));
            }
            if is_link && !lit.contains('.') {
                keys.roles.insert(format!("role.{lit}"));
            }
        }
    }
}

fn missing(keys: &BTreeSet<String>) -> Vec<String> {
    keys.iter()
        .filter(|k| lookup(Lang::Zh, k).is_none() || lookup(Lang::En, k).is_none())
        .cloned()
        .collect()
}

#[test]
fn every_engine_key_has_a_message_in_both_languages() {
    let mut keys = Keys::default();
    let runs = collect_from_runs(&mut keys);
    assert!(runs >= 100, "only {runs} runs");
    // What the runs alone must have met (so the collection cannot silently come up empty).
    for (group, set, at_least) in [
        ("notes", &keys.notes, 16),
        ("fields", &keys.fields, 65),
        ("layers", &keys.layers, 6),
        ("phys", &keys.phys, 5),
        ("roles", &keys.roles, 15),
        ("states", &keys.states, 11),
    ] {
        assert!(
            set.len() >= at_least,
            "runs found only {} {group}: {set:?}",
            set.len()
        );
    }
    for expected in [
        "note.smoltcp_syn_options",
        "note.time_wait_10s",
        "note.arp_broadcast",
        "note.retransmission_rto",
        "note.storm_capped",
        "note.rst_closed_port",
        "note.delayed_ack",
        "note.three_segment_close",
        "note.simultaneous_close",
    ] {
        assert!(keys.notes.contains(expected), "no run emitted {expected}");
    }
    for expected in [
        "role.syn_retransmission",
        "role.syn_ack_retransmission",
        "role.fin_retransmission",
    ] {
        assert!(keys.roles.contains(expected), "no run produced {expected}");
    }

    collect_from_source(&mut keys);
    // The engine's own lists of what it emits.
    keys.notes.extend(NOTE_KEYS.iter().map(|k| (*k).to_owned()));
    let errors: BTreeSet<String> = ERROR_KEYS.iter().map(|k| (*k).to_owned()).collect();
    assert!(
        keys.notes.contains("note.router_ttl_expired"),
        "source scan found no rare note"
    );
    assert!(
        keys.fields.contains("field.tcp.options.timestamp.tsval"),
        "source scan found no rare field"
    );
    assert!(
        keys.roles.contains("role.ipv4"),
        "source scan found no rare role"
    );
    for s in all_states() {
        keys.states.insert(format!("state.{}", s.name()));
    }

    let mut all_missing = Vec::new();
    let mut total = 0;
    for (group, set) in [
        ("notes", &keys.notes),
        ("fields", &keys.fields),
        ("layers", &keys.layers),
        ("phys", &keys.phys),
        ("roles", &keys.roles),
        ("states", &keys.states),
        ("errors", &errors),
    ] {
        eprintln!("{group}: {} keys", set.len());
        total += set.len();
        all_missing.extend(missing(set));
    }
    assert!(total > 140, "only {total} keys collected");
    assert!(
        all_missing.is_empty(),
        "engine keys without a message:\n{}",
        all_missing.join("\n")
    );
}

#[test]
fn the_check_notices_a_missing_key() {
    let set: BTreeSet<String> = [
        "note.no_such_note".to_owned(),
        "note.arp_broadcast".to_owned(),
    ]
    .into();
    assert_eq!(missing(&set), vec!["note.no_such_note".to_owned()]);
}

/// Sets `key=value` on a fresh `name` scenario and returns the error it must give.
fn set_error(name: &str, key: &str, value: &str) -> ScenarioError {
    let mut s = Scenario::named(name).expect("catalogue scenario");
    s.set(key, value)
        .expect_err(&format!("{name}: {key}={value:?} should be refused"))
}

/// Sets valid values, then validates: the cross-field error it must give.
fn validate_error(name: &str, sets: &[(&str, &str)]) -> ScenarioError {
    let mut s = Scenario::named(name).expect("catalogue scenario");
    for (k, v) in sets {
        s.set(k, v).expect("each value is fine on its own");
    }
    s.validate()
        .expect_err(&format!("{name} {sets:?} should not validate"))
}

fn check_message(e: &ScenarioError, must_contain: &[&str]) {
    for lang in Lang::ALL {
        let msg = error_message(lang, e);
        assert!(
            lookup(lang, e.message_key()).is_some(),
            "{} has no message",
            e.message_key()
        );
        assert!(
            !msg.contains('{'),
            "{lang:?} {e:?}: unfilled placeholder in {msg:?}"
        );
        for want in must_contain {
            assert!(
                msg.contains(want),
                "{lang:?} {e:?}: {msg:?} does not contain {want:?}"
            );
        }
    }
}

#[test]
fn every_parameter_error_names_what_is_wrong() {
    let long = "x".repeat(MAX_PAYLOAD + 1);
    let long_len = long.len().to_string();
    let max = MAX_PAYLOAD.to_string();
    let cases: Vec<(ScenarioError, Vec<&str>)> = vec![
        (
            set_error("tcp", "no.such.key", "1"),
            vec!["no.such.key", "client.mac"],
        ),
        (
            set_error("tcp", "client.mac", "zz:00:00:00:00:0a"),
            vec!["zz:00:00:00:00:0a"],
        ),
        (
            set_error("tcp", "server.mac", "01:00:5e:00:00:01"),
            vec!["01:00:5e:00:00:01"],
        ),
        (
            set_error("tcp", "client.mac", "00:00:00:00:00:00"),
            vec!["00:00:00:00:00:00"],
        ),
        (
            set_error("tcp", "client.ip", "192.168.1"),
            vec!["192.168.1"],
        ),
        (
            set_error("tcp", "client.ip", "192.168.1.300"),
            vec!["300", "192.168.1.300", "255"],
        ),
        (
            set_error("tcp", "server.ip", "127.0.0.1"),
            vec!["127.0.0.1"],
        ),
        (
            set_error("tcp", "server.ip", "192.168.1.255"),
            vec!["192.168.1.255"],
        ),
        (
            set_error("tcp", "client.ip", "224.0.0.1"),
            vec!["224.0.0.1"],
        ),
        (
            set_error("tcp", "server.port", "70000"),
            vec!["70000", "65535"],
        ),
        (
            set_error("tcp", "client.port", "0"),
            vec!["\u{201c}0\u{201d}", "65535"],
        ),
        (
            set_error("tcp", "client.payload", &long),
            vec![&long_len, &max],
        ),
        (set_error("tcp", "server.payload", ""), vec!["b''"]),
        (set_error("tcp", "client.think_ms", "abc"), vec!["abc"]),
        (
            set_error("tcp", "server.think_ms", "60001"),
            vec!["60001", "60000"],
        ),
        (set_error("tcp", "latency_us", "0"), vec!["0", "1000000"]),
        (set_error("tcp", "delayed_ack", "maybe"), vec!["maybe"]),
        (
            set_error("tcp", "loss", "sometimes"),
            vec!["sometimes", "c2s:N"],
        ),
        (
            Scenario::named("no_such_scenario").expect_err("unknown scenario"),
            vec!["no_such_scenario", "tcp_loss"],
        ),
        (
            validate_error("tcp", &[("server.mac", "02:00:00:00:00:0a")]),
            vec!["02:00:00:00:00:0a"],
        ),
        (
            validate_error("udp", &[("server.ip", "192.168.1.10")]),
            vec!["192.168.1.10"],
        ),
        (
            validate_error("tcp", &[("server.ip", "10.0.0.5")]),
            vec!["10.0.0.5"],
        ),
        (
            validate_error("router", &[("server.ip", "192.168.1.30")]),
            vec!["192.168.1.30"],
        ),
        (
            validate_error("router", &[("client.ip", "192.168.1.1")]),
            vec!["192.168.1.1"],
        ),
        (
            ScenarioError::Network("cable to nowhere".into()),
            vec!["cable to nowhere"],
        ),
    ];
    let mut message_keys = BTreeSet::new();
    for (e, want) in &cases {
        message_keys.insert(e.message_key());
        check_message(e, want);
    }
    assert!(
        message_keys.len() >= 21,
        "only {} error kinds provoked: {message_keys:?}",
        message_keys.len()
    );

    // Who already holds an address is named in the reader's language.
    let dup_router = validate_error("router", &[("client.ip", "192.168.1.1")]);
    assert!(error_message(Lang::Zh, &dup_router).contains("路由器"));
    assert!(error_message(Lang::En, &dup_router).contains("the router"));
    let dup_client = validate_error("tcp", &[("server.ip", "192.168.1.10")]);
    assert!(error_message(Lang::Zh, &dup_client).contains("客户端"));
    assert!(error_message(Lang::En, &dup_client).contains("the client"));
}
