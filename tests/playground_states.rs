//! The socket playground's programs drive the TCP states only along RFC 9293's
//! transitions, the ones the state diagram draws (`widgets::state_diagram::EDGES`):
//! every preset and every CPython comparison case of the engine.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "../engine/tests/python_cases/mod.rs"]
mod python_cases;

use wirewalk::widgets::state_diagram::EDGES;
use wirewalk_engine::python::PRESETS;
use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::trace::EventKind;

#[test]
fn playground_programs_only_take_rfc_9293_transitions() {
    let presets = PRESETS.iter().map(|p| (p.id.as_str(), p.client, p.server));
    let mut changes = 0;
    for (label, client, server) in presets.chain(python_cases::CASES.iter().copied()) {
        let trace =
            wirewalk_engine::run_programs(&Scenario::new(ScenarioName::Tcp), client, server)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
        for e in &trace.events {
            if let EventKind::StateChange { host, from, to } = &e.kind {
                changes += 1;
                assert!(
                    EDGES.contains(&(*from, *to)),
                    "{label}: {host} {from:?} -> {to:?} is not a transition of RFC 9293"
                );
            }
        }
    }
    assert!(changes > 200, "only {changes} state changes");
}
