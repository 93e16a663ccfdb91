//! Trace compute time of every catalogue scenario: the median of many runs, as JSON —
//! the whole `run` and, separately, the network simulation alone (`run_unannotated`) —
//! and of every socket playground preset (`run_programs`, one re-simulation per edit:
//! compile both programs, simulate, narrate, annotate).
//!
//! `cargo run --release -p wirewalk-engine --example bench_compute [-- RUNS]`
//! (default 300 runs per scenario). A benchmark, not a timed test.

use std::time::Instant;

use wirewalk_engine::python::PRESETS;
use wirewalk_engine::scenario::{Scenario, ScenarioName};
use wirewalk_engine::{run, run_programs, run_programs_unannotated, run_unannotated};

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300)
        .max(1);
    let mut rows = Vec::new();
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        let Ok(s) = Scenario::named(name) else {
            continue;
        };
        // Warm up (and get the sizes).
        let Ok(t) = run(&s) else {
            eprintln!("{name}: failed");
            continue;
        };
        let measure = |f: &dyn Fn() -> bool| -> (f64, f64) {
            let mut times: Vec<f64> = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(f());
                    start.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            times.sort_by(f64::total_cmp);
            (times[times.len() / 2], times[(times.len() * 9) / 10])
        };
        let (median, p90) = measure(&|| run(&s).is_ok());
        let (net_median, _) = measure(&|| run_unannotated(&s).is_ok());
        rows.push(format!(
            "    {{\"scenario\": \"{name}\", \"runs\": {runs}, \"median_us\": {median:.1}, \"p90_us\": {p90:.1}, \"net_only_median_us\": {net_median:.1}, \"frames\": {}, \"events\": {}}}",
            t.frames.len(),
            t.events.len()
        ));
    }
    let tcp = Scenario::new(ScenarioName::Tcp);
    for p in PRESETS {
        let Ok(t) = run_programs(&tcp, p.client, p.server) else {
            eprintln!("{}: failed", p.id.as_str());
            continue;
        };
        let measure = |f: &dyn Fn() -> bool| -> (f64, f64) {
            let mut times: Vec<f64> = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(f());
                    start.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            times.sort_by(f64::total_cmp);
            (times[times.len() / 2], times[(times.len() * 9) / 10])
        };
        let (median, p90) = measure(&|| run_programs(&tcp, p.client, p.server).is_ok());
        let (net_median, _) =
            measure(&|| run_programs_unannotated(&tcp, p.client, p.server).is_ok());
        rows.push(format!(
            "    {{\"preset\": \"{}\", \"runs\": {runs}, \"median_us\": {median:.1}, \"p90_us\": {p90:.1}, \"net_only_median_us\": {net_median:.1}, \"frames\": {}, \"events\": {}}}",
            p.id.as_str(),
            t.frames.len(),
            t.events.len()
        ));
    }
    println!(
        "{{\n  \"target\": \"{}\",\n  \"results\": [\n{}\n  ]\n}}",
        std::env::consts::ARCH,
        rows.join(",\n")
    );
}
