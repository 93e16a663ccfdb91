//! Every i18n key the engine emits has a message in both languages, and every parameter
//! error reads with its specifics filled in.
//!
//! The keys come from the engine's typed lists — [`NoteKey::ALL`], [`FrameRole::ALL`],
//! [`LayerId::ALL`], [`TcpState::ALL`], [`FIELD_IDS`], [`ERROR_KEYS`] — so a new name in
//! the engine is a new key here. Real runs of every catalogue scenario (with several
//! parameter variants) then check that what the engine actually emits is in those lists.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use wirewalk::i18n::{error_message, lookup, Lang};
use wirewalk_engine::capture::CaptureError;
use wirewalk_engine::python::{PresetId, ProgramErrorKind, PRESETS};
use wirewalk_engine::scenario::{Scenario, ScenarioError, ScenarioName, ERROR_KEYS, MAX_PAYLOAD};
use wirewalk_engine::trace::{EventKind, NoteKey, RunLimit, TcpState};
use wirewalk_engine::wire::{physical, Field, FrameRole, LayerId, FIELD_IDS};

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

/// The keys real runs meet.
fn collect_from_runs(keys: &mut Keys) -> usize {
    let mut runs = 0;
    for name in ScenarioName::ALL {
        for variant in VARIANTS {
            let mut s = Scenario::new(*name);
            for (k, v) in *variant {
                s.set(k, v).expect("variant parameter");
            }
            let trace =
                wirewalk_engine::run(&s).unwrap_or_else(|e| panic!("{name} {variant:?}: {e}"));
            runs += 1;
            keys.notes
                .extend(trace.notes().into_iter().map(|k| k.as_str().to_owned()));
            for e in &trace.events {
                if let EventKind::StateChange { from, to, .. } = &e.kind {
                    keys.states.insert(format!("state.{}", from.name()));
                    keys.states.insert(format!("state.{}", to.name()));
                }
            }
            for f in &trace.frames {
                keys.roles
                    .insert(format!("role.{}", f.role.map_or("frame", |r| r.as_str())));
                if let Some(a) = &f.annotated {
                    for l in a.layers() {
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

/// The keys the engine's typed lists name.
fn collect_from_lists() -> Keys {
    Keys {
        notes: NoteKey::ALL.iter().map(|k| k.as_str().to_owned()).collect(),
        fields: FIELD_IDS.iter().map(|id| format!("field.{id}")).collect(),
        layers: LayerId::ALL.iter().map(|l| format!("layer.{l}")).collect(),
        phys: physical(&[0; 14])
            .segments
            .into_iter()
            .map(|s| s.meaning)
            .collect(),
        roles: FrameRole::ALL
            .iter()
            .map(|r| format!("role.{r}"))
            .chain(["role.frame".to_owned()])
            .collect(),
        states: TcpState::ALL
            .iter()
            .map(|s| format!("state.{}", s.name()))
            .collect(),
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
    let listed = collect_from_lists();
    let errors: BTreeSet<String> = ERROR_KEYS
        .iter()
        .chain(CaptureError::KEYS)
        .map(|k| (*k).to_owned())
        .collect();
    // The socket playground: program errors, run limits, preset titles.
    let program: BTreeSet<String> = ProgramErrorKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(RunLimit::ALL.iter().map(|k| k.as_str()))
        .chain(PresetId::ALL.iter().map(|k| k.as_str()))
        .map(str::to_owned)
        .collect();
    assert_eq!(PRESETS.len(), PresetId::ALL.len(), "a preset per id");
    let mut all_missing = Vec::new();
    let mut total = 0;
    for (group, set) in [
        ("notes", &listed.notes),
        ("fields", &listed.fields),
        ("layers", &listed.layers),
        ("phys", &listed.phys),
        ("roles", &listed.roles),
        ("states", &listed.states),
        ("errors", &errors),
        ("program", &program),
    ] {
        eprintln!("{group}: {} keys", set.len());
        total += set.len();
        all_missing.extend(missing(set));
    }
    assert!(total > 190, "only {total} keys listed");
    assert!(
        all_missing.is_empty(),
        "engine keys without a message:\n{}",
        all_missing.join("\n")
    );
}

#[test]
fn what_the_engine_emits_is_in_its_lists() {
    let listed = collect_from_lists();
    let mut ran = Keys::default();
    let runs = collect_from_runs(&mut ran);
    assert!(runs >= 100, "only {runs} runs");
    for (group, seen, all) in [
        ("notes", &ran.notes, &listed.notes),
        ("fields", &ran.fields, &listed.fields),
        ("layers", &ran.layers, &listed.layers),
        ("phys", &ran.phys, &listed.phys),
        ("roles", &ran.roles, &listed.roles),
        ("states", &ran.states, &listed.states),
    ] {
        let stray: Vec<_> = seen.difference(all).collect();
        assert!(
            stray.is_empty(),
            "{group} emitted but not listed: {stray:?}"
        );
        assert!(seen.len() >= 5, "runs found only {} {group}", seen.len());
    }
    assert_eq!(ran.states, listed.states, "some TCP state never reached");
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
