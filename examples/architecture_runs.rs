//! Writes the architecture scene's recorded runs (`src/scenes/architecture/runs.bin`):
//! every engine run the scene shows, computed natively once so the landing page's wasm
//! needs no simulator. Run it after a change to the engine or to the scene's exchanges;
//! the test `the_recorded_runs_are_what_the_engine_computes_now` says when.
//!
//! `cargo run --example architecture_runs`

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use wirewalk::scenes::architecture::model::{compute_runs_file, RUNS_FILE};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(RUNS_FILE);
    match compute_runs_file()
        .map_err(|e| format!("{e:?}"))
        .and_then(|bytes| {
            std::fs::write(&path, &bytes)
                .map(|()| bytes.len())
                .map_err(|e| e.to_string())
        }) {
        Ok(n) => {
            eprintln!("architecture_runs: {}: {n} bytes", path.display());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("architecture_runs: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Nothing to compute inside the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
