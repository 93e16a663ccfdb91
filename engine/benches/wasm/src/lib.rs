//! A raw wasm32 module (no wasm-bindgen) that times `wirewalk_engine::run` with a clock imported
//! from the host (`env.now`, milliseconds, e.g. Node's `performance.now`).

use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::python::PRESETS;
use wirewalk_engine::{run, run_programs, run_programs_unannotated, run_unannotated};

#[link(wasm_import_module = "env")]
extern "C" {
    /// Milliseconds from the host's monotonic clock.
    fn now() -> f64;
}

/// Number of catalogue scenarios.
#[no_mangle]
pub extern "C" fn scenario_count() -> u32 {
    u32::try_from(ScenarioName::ALL.len()).unwrap_or(0)
}

/// Length of the name of scenario `i` (the name itself via [`scenario_name_byte`]).
#[no_mangle]
pub extern "C" fn scenario_name_len(i: u32) -> u32 {
    ScenarioName::ALL
        .get(i as usize)
        .map_or(0, |n| u32::try_from(n.as_str().len()).unwrap_or(0))
}

/// Byte `j` of the name of scenario `i`.
#[no_mangle]
pub extern "C" fn scenario_name_byte(i: u32, j: u32) -> u32 {
    ScenarioName::ALL
        .get(i as usize)
        .and_then(|n| n.as_str().as_bytes().get(j as usize))
        .map_or(0, |b| u32::from(*b))
}

/// Median wall time of `runs` runs of scenario `i`, in microseconds; `annotate` 0 times
/// the network simulation alone. Negative if the scenario fails.
#[no_mangle]
pub extern "C" fn median_us(i: u32, runs: u32, annotate: u32) -> f64 {
    let Some(name) = ScenarioName::ALL.get(i as usize).copied() else {
        return -1.0;
    };
    let s = Scenario::new(name);
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        // SAFETY: `now` is a plain host function without preconditions.
        let t0 = unsafe { now() };
        let ok = if annotate != 0 {
            run(&s).is_ok()
        } else {
            run_unannotated(&s).is_ok()
        };
        let t1 = unsafe { now() };
        if !ok {
            return -1.0;
        }
        times.push((t1 - t0) * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(-1.0)
}

/// Number of socket playground presets.
#[no_mangle]
pub extern "C" fn preset_count() -> u32 {
    u32::try_from(PRESETS.len()).unwrap_or(0)
}

/// Median wall time of `runs` re-simulations of preset `i` on the TCP scene's network
/// (`run_programs`; `annotate` 0: `run_programs_unannotated`), in microseconds; negative
/// if it fails.
#[no_mangle]
pub extern "C" fn preset_median_us(i: u32, runs: u32, annotate: u32) -> f64 {
    let Some(p) = PRESETS.get(i as usize) else {
        return -1.0;
    };
    let s = Scenario::new(ScenarioName::Tcp);
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        // SAFETY: `now` is a plain host function without preconditions.
        let t0 = unsafe { now() };
        let ok = if annotate != 0 {
            run_programs(&s, p.client, p.server).is_ok()
        } else {
            run_programs_unannotated(&s, p.client, p.server).is_ok()
        };
        let t1 = unsafe { now() };
        if !ok {
            return -1.0;
        }
        times.push((t1 - t0) * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(-1.0)
}
