//! Same scenario + seed → identical trace, pcap and JSON; another seed → other ISNs.

use wirewalk_engine::scenario::{catalogue, run, Scenario};

#[test]
fn every_catalogue_scenario_is_deterministic() {
    for name in catalogue() {
        let s = Scenario::named(name).unwrap();
        let a = run(&s).unwrap();
        let b = run(&s).unwrap();
        assert_eq!(a, b, "{name}");
        assert_eq!(a.pcap(), b.pcap(), "{name}");
        assert_eq!(a.to_json(), b.to_json(), "{name}");
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
    assert_eq!(run(&s).unwrap().pcap(), run(&s).unwrap().pcap());
}

#[test]
fn the_seed_changes_the_bytes() {
    let mut s = Scenario::named("tcp").unwrap();
    let a = run(&s).unwrap();
    s.set("seed", "2").unwrap();
    let b = run(&s).unwrap();
    assert_ne!(a.pcap(), b.pcap());
    // ... but not the story.
    let roles = |t: &wirewalk_engine::trace::Trace| {
        t.frames.iter().map(|f| f.role.clone()).collect::<Vec<_>>()
    };
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
    let t = run(&Scenario::named("tcp").unwrap()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
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
fn every_note_key_is_listed_for_the_ui() {
    use wirewalk_engine::trace::{EventKind, NOTE_KEYS};
    let mut seen = std::collections::BTreeSet::new();
    for name in catalogue() {
        for loss in ["none", "final_ack"] {
            let mut s = Scenario::named(name).unwrap();
            if name != "tcp_loss" && name != "tcp_loss_twice" {
                s.set("loss", loss).unwrap();
            }
            for e in run(&s).unwrap().events {
                if let EventKind::Note { key } = e.kind {
                    assert!(
                        NOTE_KEYS.contains(&key.as_str()),
                        "{key} missing from NOTE_KEYS"
                    );
                    seen.insert(key);
                }
            }
        }
    }
    for key in [
        "note.three_segment_close",
        "note.simultaneous_close",
        "note.delayed_ack",
        "note.storm_capped",
    ] {
        assert!(seen.contains(key), "{key} never emitted");
    }
}
