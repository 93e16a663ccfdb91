//! Jobs: engine work the app hands to its tools worker (`tools/`, a Web Worker loaded only
//! when first needed), described as plain serde data so it can cross `postMessage`.
//!
//! The page sends a [`Job`] as JSON text, plus the job's bytes when it has some (a capture
//! file travels as a `Uint8Array`, never as JSON numbers); the worker answers with a
//! [`JobOutput`] as JSON text. [`handle`] is the whole worker side; natively the app calls
//! [`run`] directly, so both paths compute the same thing.
//!
//! Traces cross unannotated (see [`crate::run_unannotated`]): annotation is cheap, the
//! annotated JSON is several times larger, and the page owns the annotator anyway
//! ([`crate::annotate`]).

use serde::{Deserialize, Serialize};

use crate::scenario::{Scenario, ScenarioError};
use crate::trace::Trace;

/// One piece of work for the tools worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// Simulate a catalogue scenario (the same as [`crate::run_unannotated`]).
    Run(Scenario),
}

/// What a [`Job`] produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum JobOutput {
    /// The unannotated trace of [`Job::Run`], or why the scenario cannot run.
    Run(Result<Trace, ScenarioError>),
    /// The job text was not a [`Job`] (a page and a worker from two different builds).
    Unreadable(String),
}

/// Do one job. `bytes` is the job's binary input, empty for jobs that take none.
#[must_use]
pub fn run(job: Job, bytes: Vec<u8>) -> JobOutput {
    // No job takes bytes yet; the capture reader will.
    drop(bytes);
    match job {
        Job::Run(s) => JobOutput::Run(crate::run_unannotated(&s)),
    }
}

/// The worker side: read the job's JSON text, do it, write the output's JSON text.
#[must_use]
pub fn handle(job: &str, bytes: Vec<u8>) -> String {
    let output = match serde_json::from_str::<Job>(job) {
        Ok(job) => run(job, bytes),
        Err(e) => JobOutput::Unreadable(e.to_string()),
    };
    serde_json::to_string(&output).unwrap_or_else(|e| {
        // Only a non-string map key or a failing Serialize impl can get here; the engine
        // has neither, but the page still deserves an answer rather than silence.
        format!(
            "{{\"Unreadable\":{}}}",
            serde_json::Value::String(e.to_string())
        )
    })
}

/// A job as the JSON text the worker reads (the page side of [`handle`]).
#[must_use]
pub fn job_text(job: &Job) -> String {
    // Engine data always serialises (no non-string map keys, no failing impls); an empty
    // text would come back as `Unreadable`, never as a wrong answer.
    serde_json::to_string(job).unwrap_or_default()
}

/// Read the worker's answer (the page side of [`handle`]).
///
/// # Errors
/// The text is not a [`JobOutput`] (a page and a worker from two different builds).
pub fn read_output(text: &str) -> Result<JobOutput, serde_json::Error> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::ScenarioName;

    #[test]
    fn a_job_through_json_gives_what_the_direct_call_gives() {
        let s = Scenario::new(ScenarioName::Tcp);
        let job = serde_json::to_string(&Job::Run(s.clone())).unwrap();
        let through = read_output(&handle(&job, Vec::new())).unwrap();
        let direct = crate::run_unannotated(&s);
        assert!(direct.is_ok());
        assert_eq!(through, JobOutput::Run(direct));
    }

    #[test]
    fn a_bad_scenario_is_its_error_not_a_failure() {
        let mut s = Scenario::new(ScenarioName::Tcp);
        s.params.server_port = 0;
        let job = serde_json::to_string(&Job::Run(s.clone())).unwrap();
        match read_output(&handle(&job, Vec::new())).unwrap() {
            JobOutput::Run(Err(e)) => assert_eq!(Some(e), s.validate().err()),
            other => panic!("expected the scenario's error, got {other:?}"),
        }
    }

    #[test]
    fn text_that_is_no_job_says_so() {
        match read_output(&handle("{\"Launch\":1}", Vec::new())).unwrap() {
            JobOutput::Unreadable(why) => assert!(why.contains("Launch"), "{why}"),
            other => panic!("expected Unreadable, got {other:?}"),
        }
    }
}
