//! Same scenario + seed → identical trace, pcap and JSON; another seed → other ISNs.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::{run, to_json};

#[test]
fn every_catalogue_scenario_is_deterministic() {
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        let s = Scenario::named(name).unwrap();
        let a = run(&s).unwrap();
        let b = run(&s).unwrap();
        assert_eq!(a, b, "{name}");
        assert_eq!(
            wirewalk_engine::to_pcap(&a),
            wirewalk_engine::to_pcap(&b),
            "{name}"
        );
        assert_eq!(to_json(&s, &a).unwrap(), to_json(&s, &b).unwrap(), "{name}");
        assert!(!a.frames.is_empty(), "{name}");
    }
}

#[test]
fn deterministic_with_other_parameters() {
    let mut s = Scenario::named("tcp_loss_twice").unwrap();
    for (k, v) in [
        ("seed", "987654321"),
        ("client.payload", "你好, wire"),
        ("latency_us", "1234"),
        ("client.think_ms", "3"),
        ("delayed_ack", "off"),
    ] {
        s.set(k, v).unwrap();
    }
    assert_eq!(
        wirewalk_engine::to_pcap(&run(&s).unwrap()),
        wirewalk_engine::to_pcap(&run(&s).unwrap())
    );
}

#[test]
fn the_seed_changes_the_bytes() {
    let mut s = Scenario::named("tcp").unwrap();
    let a = run(&s).unwrap();
    s.set("seed", "2").unwrap();
    let b = run(&s).unwrap();
    assert_ne!(wirewalk_engine::to_pcap(&a), wirewalk_engine::to_pcap(&b));
    // ... but not the story.
    let roles =
        |t: &wirewalk_engine::trace::Trace| t.frames.iter().map(|f| f.role).collect::<Vec<_>>();
    assert_eq!(roles(&a), roles(&b));
}

#[test]
fn scenario_round_trips_through_serde() {
    let mut s = Scenario::named("router").unwrap();
    s.set("client.payload", "hi there").unwrap();
    let json = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(s, back);
    // Missing fields take their defaults.
    let partial: Scenario = serde_json::from_str(r#"{"name":"tcp","params":{"seed":5}}"#).unwrap();
    assert_eq!(partial.params.seed, 5);
    assert_eq!(partial.params.server_port, 8080);
    assert!(run(&partial).is_ok());
}

#[test]
fn json_has_frames_and_events_in_order() {
    let s = Scenario::named("tcp").unwrap();
    let t = run(&s).unwrap();
    let v: serde_json::Value = serde_json::from_str(&to_json(&s, &t).unwrap()).unwrap();
    let frames = v["frames"].as_array().unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(frames.len(), t.frames.len());
    assert_eq!(events.len(), t.events.len());
    assert_eq!(frames[2]["role"], "syn");
    assert_eq!(
        frames[0]["hex"].as_str().unwrap().len(),
        2 * t.frames[0].bytes.len()
    );
    assert!(frames[2]["layers"].is_array());
    let times: Vec<u64> = events
        .iter()
        .map(|e| e["time_us"].as_u64().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert!(events
        .iter()
        .any(|e| e["kind"] == "state_change" && e["to"] == "TIME_WAIT"));
}

#[test]
fn the_catalogue_emits_the_rarer_notes() {
    use wirewalk_engine::trace::{EventKind, NoteKey};
    let mut seen = std::collections::BTreeSet::new();
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        for loss in ["none", "final_ack"] {
            let mut s = Scenario::named(name).unwrap();
            if name != "tcp_loss" && name != "tcp_loss_twice" {
                s.set("loss", loss).unwrap();
            }
            for e in run(&s).unwrap().events {
                if let EventKind::Note { key } = e.kind {
                    seen.insert(key);
                }
            }
        }
    }
    for key in [
        NoteKey::ThreeSegmentClose,
        NoteKey::SimultaneousClose,
        NoteKey::DelayedAck,
        NoteKey::StormCapped,
        NoteKey::FrameLost,
        NoteKey::FrameLostAck,
    ] {
        assert!(seen.contains(&key), "{key} never emitted");
    }
}

#[test]
fn a_frame_without_its_event_is_an_error_not_step_zero() {
    use wirewalk_engine::scenario::ScenarioError;
    use wirewalk_engine::trace::{EventKind, TraceError};
    let mut t = run(&Scenario::named("tcp").unwrap()).unwrap();
    let events = t.frame_events().unwrap();
    assert_eq!(events.len(), t.frames.len());
    assert!(events.windows(2).all(|w| w[0] < w[1]));
    let second = events[1];
    t.events.remove(second);
    assert_eq!(
        t.frame_events(),
        Err(TraceError::FrameWithoutEvent { frame: 1 })
    );
    let e = ScenarioError::from(TraceError::FrameWithoutEvent { frame: 1 });
    assert_eq!(e.message_key(), "error.network");
    assert!(e.to_string().contains("frame 1 has no event"));
    t.events.push(wirewalk_engine::trace::Event {
        time_us: 0,
        kind: EventKind::Frame { frame: 999 },
    });
    assert!(matches!(
        t.frame_events(),
        Err(TraceError::EventWithoutFrame { .. })
    ));
}
