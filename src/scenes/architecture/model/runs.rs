//! The architecture scene's runs, recorded at build time: none of them depends on
//! anything a student can change (the network condition is one of [`NETS`]), so the
//! engine computes them once, natively, and the page reads them; the landing page's wasm
//! carries no simulator.

use super::{
    exchange, read_run, resource_request, resource_response, scenario_for, Run, Side, BS_PORT,
    BS_RESOURCES, NETS,
};
use std::cell::OnceCell;
use wirewalk_engine::job::codec::CodecError;
use wirewalk_engine::scenario::{Scenario, ScenarioError};

/// Every run the scene shows, computed by the engine at build time and shipped with the
/// page: none of them depends on anything a student can change (the network condition is
/// one of [`NETS`]), so the landing page's wasm carries no simulator. The file holds the
/// unannotated traces (`wirewalk_engine::job::codec::encode_traces`) of [`scenarios`], in
/// that order; `cargo run --example architecture_runs` writes it, and a test checks that
/// it is what the engine computes now.
static RECORDED: &[u8] = include_bytes!("../runs.bin");

/// The runs file, relative to the crate's root.
pub const RUNS_FILE: &str = "src/scenes/architecture/runs.bin";

/// Runs per network condition: C/S, B/S, then each file the page links.
const PER_NET: usize = 2 + BS_RESOURCES.len();

/// Why the recorded runs cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunsError {
    /// The runs file is not readable traces of this build's format.
    Unreadable(CodecError),
    /// The runs file holds another number of runs than [`scenarios`] makes.
    Count(usize),
    /// A network condition that is not one of [`NETS`].
    UnknownNet,
}

impl RunsError {
    /// The message key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            RunsError::Unreadable(_) | RunsError::Count(_) => "scene.architecture.err.runs",
            RunsError::UnknownNet => "scene.architecture.err.net",
        }
    }
}

/// The engine scenarios behind the recorded runs, in the runs file's order: for each of
/// [`NETS`], the C/S exchange, the B/S exchange, then the fetch of each linked file.
///
/// # Errors
/// The engine's error (should not happen: the values are fixed and valid).
pub fn scenarios() -> Result<Vec<Scenario>, ScenarioError> {
    let mut out = Vec::with_capacity(NETS.len() * PER_NET);
    for net in NETS {
        out.push(scenario_for(Side::Cs, net)?);
        out.push(scenario_for(Side::Bs, net)?);
        for (path, ctype, body) in BS_RESOURCES {
            out.push(exchange(
                BS_PORT,
                &resource_request(path),
                &resource_response(ctype, body),
                net,
            )?);
        }
    }
    Ok(out)
}

/// The runs file's content as the engine computes it now (native only: the build's
/// example writes it, a test compares it).
///
/// # Errors
/// The engine's error.
#[cfg(not(target_arch = "wasm32"))]
pub fn compute_runs_file() -> Result<Vec<u8>, ScenarioError> {
    let traces = scenarios()?
        .iter()
        .map(wirewalk_engine::run_unannotated)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(wirewalk_engine::job::codec::encode_traces(&traces))
}

/// Reads a runs file: every trace annotated, with its figures.
fn read_runs_file(bytes: &[u8]) -> Result<Vec<Run>, RunsError> {
    let traces =
        wirewalk_engine::job::codec::decode_traces(bytes).map_err(RunsError::Unreadable)?;
    if traces.len() != NETS.len() * PER_NET {
        return Err(RunsError::Count(traces.len()));
    }
    Ok(traces
        .into_iter()
        .map(|mut t| {
            wirewalk_engine::annotate(&mut t);
            read_run(t)
        })
        .collect())
}

thread_local! {
    /// The recorded runs, read once.
    static RUNS: OnceCell<Result<Vec<Run>, RunsError>> = const { OnceCell::new() };
}

/// `f` over the recorded runs of `net` (C/S, B/S, the linked files).
pub(super) fn with_runs<T>(net: &str, f: impl FnOnce(&[Run]) -> T) -> Result<T, RunsError> {
    let at = NETS
        .iter()
        .position(|&n| n == net)
        .ok_or(RunsError::UnknownNet)?;
    RUNS.with(|cell| {
        let all = cell
            .get_or_init(|| read_runs_file(RECORDED))
            .as_ref()
            .map_err(|e| *e)?;
        Ok(f(&all[at * PER_NET..(at + 1) * PER_NET]))
    })
}

/// The run of `side` under `net`, with its figures read from the frames.
///
/// # Errors
/// A [`RunsError`] when the recorded runs cannot be read or `net` is unknown.
pub fn run_side(side: Side, net: &str) -> Result<Run, RunsError> {
    with_runs(net, |runs| runs[usize::from(side == Side::Bs)].clone())
}

/// The browser's fetches of the files the page links ([`BS_RESOURCES`]), each its own
/// engine run over the same link under the same network condition `net`.
///
/// # Errors
/// A [`RunsError`] when the recorded runs cannot be read or `net` is unknown.
pub fn run_resources(net: &str) -> Result<Vec<Run>, RunsError> {
    with_runs(net, |runs| runs[2..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use wirewalk_engine::trace::Trace;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_recorded_runs_are_what_the_engine_computes_now() {
        assert!(
            compute_runs_file().unwrap() == RECORDED,
            "{RUNS_FILE} is out of date: run `cargo run --example architecture_runs`"
        );
        // What the page reads (decoded, then annotated by the page's own annotator) is
        // the engine's whole run, frame by frame.
        let recorded = read_runs_file(RECORDED).unwrap();
        let scenarios = scenarios().unwrap();
        assert_eq!(recorded.len(), scenarios.len());
        for (run, s) in recorded.iter().zip(&scenarios) {
            assert_eq!(run.trace, wirewalk_engine::run(s).unwrap());
        }
        // The order is the one `run_side` and `run_resources` read.
        let cs = run_side(Side::Cs, "data").unwrap();
        assert_eq!(
            cs.trace,
            wirewalk_engine::run(&scenario_for(Side::Cs, "data").unwrap()).unwrap()
        );
        let res = run_resources("data*2").unwrap();
        assert_eq!(res.len(), BS_RESOURCES.len());
        assert_eq!(res[1].trace, recorded[2 * PER_NET + 3].trace);
    }

    #[test]
    fn a_damaged_runs_file_or_an_unknown_net_is_a_typed_error() {
        assert!(matches!(
            read_runs_file(&RECORDED[..RECORDED.len() / 2]),
            Err(RunsError::Unreadable(_))
        ));
        let three: Vec<Trace> = scenarios().unwrap()[..3]
            .iter()
            .map(|s| wirewalk_engine::run_unannotated(s).unwrap())
            .collect();
        assert_eq!(
            read_runs_file(&wirewalk_engine::job::codec::encode_traces(&three)),
            Err(RunsError::Count(3))
        );
        assert_eq!(run_side(Side::Cs, "data*3"), Err(RunsError::UnknownNet));
        for e in [RunsError::Count(3), RunsError::UnknownNet] {
            for lang in Lang::ALL {
                assert!(!crate::i18n::t(lang, e.key()).is_empty());
            }
        }
    }
}
