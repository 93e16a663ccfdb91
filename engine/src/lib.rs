//! Wirewalk engine: everything the app shows is computed here.
//!
//! A [`scenario::Scenario`] (plain serde data) goes in, a whole [`trace::Trace`] comes out.
//! The layers, bottom to top (each imports only those below it; a test checks there is no
//! cycle):
//!
//! 1. [`wire`] — bytes: field tables, annotation, frame roles, checksums, physical view;
//! 2. [`trace`] — the data a run produces (frames, events, states, hosts, links);
//!    [`capture`] above it reads a student's pcap/pcapng into conversations and traces;
//! 3. [`net`] — the discrete-event network: smoltcp hosts, switch, router, links, clock; it
//!    defines [`net::HostApp`], the door for the programs hosts run, and writes no notes;
//! 4. [`program`] — the socket programs (scripts shown as Python) implementing `HostApp`;
//! 5. [`scenario`] — the catalogue, parameters, validation and topologies;
//! 6. [`narrate`] — one pass over a finished trace that adds every teaching note;
//! 7. this file — [`run`], [`to_json`], [`to_pcap`]; the `wirewalk-trace` CLI on top;
//! 8. [`job`] — engine work as serde data, for the app's tools worker.
//!
//! This crate knows no screen: it depends on no yew, web-sys, js-sys or gloo, builds and
//! tests natively, and compiles to wasm32.

pub mod capture;
pub mod job;
pub mod json;
pub mod narrate;
pub mod net;
pub mod pcap;
pub mod program;
pub mod python;
pub mod scenario;
pub mod trace;
pub mod wire;

use core::fmt;

use serde::{Deserialize, Serialize};

use python::{ProgramError, PyRunner, Side};
use scenario::{Scenario, ScenarioError};
use trace::Trace;

/// The engine's version, shown in the app's about box.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Compute the whole trace of a scenario: simulate, narrate, annotate every frame (its
/// summary now, its layers on first use: [`wire::AnnotatedFrame::layers`]).
///
/// # Errors
/// Any [`ScenarioError`] [`Scenario::validate`] reports; [`ScenarioError::Network`] if
/// the network cannot be built.
pub fn run(s: &Scenario) -> Result<Trace, ScenarioError> {
    let mut trace = run_unannotated(s)?;
    annotate(&mut trace);
    Ok(trace)
}

/// [`run`] without the field-by-field annotation: every [`trace::Frame::annotated`] is
/// `None`. For benchmarks, and for callers that annotate lazily (feed the frames to one
/// [`wire::Annotator`] in trace order to get Wireshark's relative numbers).
///
/// # Errors
/// As [`run`]; [`ScenarioError::Network`] if the trace breaks its own rules (a frame
/// without its event: [`trace::Trace::frame_events`]).
pub fn run_unannotated(s: &Scenario) -> Result<Trace, ScenarioError> {
    let mut trace = scenario::simulate(s)?;
    narrate::narrate(&mut trace, s);
    trace.frame_events()?;
    Ok(trace)
}

/// Virtual time after which the socket playground stops a run (a deadlock or an endless
/// loop of sleeps ends here), µs.
pub const PLAYGROUND_TIME_LIMIT_US: u64 = 60_000_000;

/// Why [`run_programs`] produced no trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProgramsError {
    /// A program cannot run (syntax, outside the subset, too large): every error found,
    /// the client's first.
    Programs(Vec<ProgramError>),
    /// The scenario's parameters are refused.
    Scenario(ScenarioError),
}

impl fmt::Display for ProgramsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgramsError::Programs(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            ProgramsError::Scenario(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProgramsError {}

/// The socket playground: run the student's `client` and `server` Python programs on the
/// network of `scenario` (the TCP scene's: client 192.168.1.10, server 192.168.1.20 unless
/// its parameters change them; loss, latency, delayed ACK and seed apply), then narrate
/// (the scenario's notes plus the playground's teaching moments) and annotate, as [`run`].
///
/// # Errors
/// [`ProgramsError::Programs`] with every error of both programs if either cannot run;
/// [`ProgramsError::Scenario`] if the scenario is refused.
pub fn run_programs(
    scenario: &Scenario,
    client: &str,
    server: &str,
) -> Result<Trace, ProgramsError> {
    let mut trace = run_programs_unannotated(scenario, client, server)?;
    annotate(&mut trace);
    Ok(trace)
}

/// [`run_programs`] without the field-by-field annotation (for benchmarks and lazy
/// annotation, as [`run_unannotated`]).
///
/// # Errors
/// As [`run_programs`].
pub fn run_programs_unannotated(
    scenario: &Scenario,
    client: &str,
    server: &str,
) -> Result<Trace, ProgramsError> {
    let c = PyRunner::new("client", Side::Client, client);
    let s = PyRunner::new("server", Side::Server, server);
    let (c, s) = match (c, s) {
        (Ok(c), Ok(s)) => (c, s),
        (c, s) => {
            let mut errors = c.err().unwrap_or_default();
            errors.extend(s.err().unwrap_or_default());
            return Err(ProgramsError::Programs(errors));
        }
    };
    let mut trace =
        scenario::simulate_with(scenario, Box::new(c), Box::new(s), PLAYGROUND_TIME_LIMIT_US)
            .map_err(ProgramsError::Scenario)?;
    narrate::narrate(&mut trace, scenario);
    narrate::narrate_programs(&mut trace);
    trace
        .frame_events()
        .map_err(|e| ProgramsError::Scenario(ScenarioError::Network(e.to_string())))?;
    Ok(trace)
}

/// Annotate every frame in trace order (the annotator numbers TCP sequence numbers
/// relative to each direction's first, as Wireshark does). A frame the decoder refuses
/// keeps `annotated: None` and gets the decoder's message in `annotation_error`.
///
/// Only each frame's summary is made here; its layers and fields are decoded from its
/// bytes when first asked for ([`wire::AnnotatedFrame::layers`]), so a trace costs the
/// layers of the frames a page shows, not of all of them.
pub fn annotate(t: &mut Trace) {
    let mut annotator = wire::Annotator::new();
    for f in &mut t.frames {
        match annotator.annotate(&f.bytes) {
            Ok(a) => f.annotated = Some(a),
            Err(e) => f.annotation_error = Some(e.to_string()),
        }
    }
}

/// The trace of `scenario` as JSON (the `wirewalk-trace --json` format, see [`json`]).
///
/// # Errors
/// A [`serde_json::Error`] if a part cannot be serialised (not expected for engine data).
pub fn to_json(scenario: &Scenario, trace: &Trace) -> Result<String, serde_json::Error> {
    json::trace_to_json(scenario, trace)
}

/// The pcap file of every frame in trace order, dropped ones included (as captured at the
/// sender), with microsecond timestamps from the virtual clock.
pub fn to_pcap(trace: &Trace) -> Vec<u8> {
    pcap::write_pcap(trace.frames.iter().map(|f| (f.time_us, f.bytes.as_slice())))
}
