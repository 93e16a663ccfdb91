//! Engine work that does not belong on the start-up path: the socket playground's
//! interpreter and the capture reader. In the browser it runs in the tools worker
//! (`tools/`, fetched on the first job, never before; a long job never blocks the page);
//! natively (tests, server-side rendering) the same [`wirewalk_engine::job::run`] is
//! called directly. Every caller awaits, so a view never knows which happened.
//!
//! Traces come back unannotated and are annotated here, in trace order
//! ([`wirewalk_engine::annotate`]), so what a view gets is what `wirewalk_engine::run`
//! would have given.

use wirewalk_engine::capture::CaptureError;
#[cfg(not(target_arch = "wasm32"))]
use wirewalk_engine::job::Session;
use wirewalk_engine::job::{CaptureSummary, Job, JobOutput};
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::Trace;
use wirewalk_engine::ProgramsError;

use crate::platform::worker::WorkerFailure;

/// Why a job has no answer (the job's own errors are in its output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolsError {
    /// The worker could not be started or fetched (e.g. offline before its first use).
    Unavailable,
    /// The worker stopped during the job (out of memory, or a trap).
    Stopped,
    /// The worker answered something this page cannot read (a page and a worker from
    /// two different builds: reload).
    Unreadable,
}

impl ToolsError {
    /// Every error, for the i18n test.
    pub const ALL: [ToolsError; 3] = [
        ToolsError::Unavailable,
        ToolsError::Stopped,
        ToolsError::Unreadable,
    ];

    /// The message key (`tools.error.*` in the shell's catalogue).
    #[must_use]
    pub fn key(&self) -> &'static str {
        match self {
            ToolsError::Unavailable => "tools.error.unavailable",
            ToolsError::Stopped => "tools.error.stopped",
            ToolsError::Unreadable => "tools.error.unreadable",
        }
    }
}

impl From<WorkerFailure> for ToolsError {
    fn from(f: WorkerFailure) -> Self {
        match f {
            WorkerFailure::Unavailable => ToolsError::Unavailable,
            WorkerFailure::Stopped => ToolsError::Stopped,
        }
    }
}

/// Do one job where it belongs: in the worker in a browser, directly natively.
///
/// # Errors
/// A [`ToolsError`] when the worker gives no readable answer.
pub async fn job(job: Job, bytes: Vec<u8>) -> Result<JobOutput, ToolsError> {
    // `#[cfg]`, not `cfg!`: the page's wasm must not even name `Session::run`, or the
    // interpreter and the capture reader would be linked into it as well as the worker.
    #[cfg(target_arch = "wasm32")]
    {
        let message = wirewalk_engine::job::codec::encode_job(&job);
        let answer = crate::platform::worker::call(message, bytes).await?;
        match wirewalk_engine::job::codec::decode_output(&answer) {
            Ok(JobOutput::Unreadable(_)) | Err(_) => Err(ToolsError::Unreadable),
            Ok(output) => Ok(output),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        thread_local! {
            static SESSION: std::cell::RefCell<Session> = std::cell::RefCell::new(Session::new());
        }
        Ok(SESSION.with(|s| s.borrow_mut().run(job, bytes)))
    }
}

/// A catalogue scenario's whole, annotated trace, computed off the page's thread.
///
/// # Errors
/// The outer error: no answer ([`ToolsError`]); the inner: the scenario's own.
pub async fn run(s: Scenario) -> Result<Result<Trace, ScenarioError>, ToolsError> {
    match job(Job::Run(Box::new(s)), Vec::new()).await? {
        JobOutput::Run(Ok(mut trace)) => {
            wirewalk_engine::annotate(&mut trace);
            Ok(Ok(trace))
        }
        JobOutput::Run(Err(e)) => Ok(Err(e)),
        _ => Err(ToolsError::Unreadable),
    }
}

/// The socket playground: the student's `client` and `server` programs run on the
/// network of `scenario`, in the worker; the trace comes back annotated.
///
/// # Errors
/// The outer error: no answer; the inner: the programs' own errors (syntax, outside the
/// subset) or the scenario's.
pub async fn run_programs(
    scenario: Scenario,
    client: String,
    server: String,
) -> Result<Result<Trace, ProgramsError>, ToolsError> {
    let job = Job::Programs {
        scenario: Box::new(scenario),
        client,
        server,
    };
    match self::job(job, Vec::new()).await? {
        JobOutput::Programs(Ok(mut trace)) => {
            wirewalk_engine::annotate(&mut trace);
            Ok(Ok(trace))
        }
        JobOutput::Programs(Err(e)) => Ok(Err(e)),
        _ => Err(ToolsError::Unreadable),
    }
}

/// Read a capture file (pcap or pcapng) in the worker, which keeps it for
/// [`capture_trace`]; the page gets its conversations.
///
/// # Errors
/// The outer error: no answer; the inner: why the file cannot be read.
pub async fn read_capture(
    file: Vec<u8>,
) -> Result<Result<CaptureSummary, CaptureError>, ToolsError> {
    match job(Job::ReadCapture, file).await? {
        JobOutput::ReadCapture(r) => Ok(r),
        _ => Err(ToolsError::Unreadable),
    }
}

/// Conversation `n` of the capture [`read_capture`] read last, annotated.
///
/// # Errors
/// The outer error: no answer, or the worker no longer holds the capture (it was
/// restarted: [`ToolsError::Stopped`], read the file again); the inner: no such
/// conversation.
pub async fn capture_trace(n: usize) -> Result<Result<Trace, CaptureError>, ToolsError> {
    match job(Job::CaptureTrace(n), Vec::new()).await? {
        JobOutput::CaptureTrace(r) => Ok(r),
        JobOutput::NoCapture => Err(ToolsError::Stopped),
        _ => Err(ToolsError::Unreadable),
    }
}

// Natively (the worker path is checked end to end in e2e/tools.spec.mjs).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use wirewalk_engine::scenario::ScenarioName;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn a_run_through_the_tools_is_the_engine_run() {
        let s = Scenario::new(ScenarioName::TcpLoss);
        let got = block_on(run(s.clone())).unwrap().unwrap();
        assert_eq!(got, wirewalk_engine::run(&s).unwrap());
    }

    #[test]
    fn a_capture_read_through_the_tools_gives_its_conversations_and_traces() {
        let s = Scenario::new(ScenarioName::Udp);
        let file = wirewalk_engine::to_pcap(&wirewalk_engine::run(&s).unwrap());
        let direct = wirewalk_engine::capture::read(&file).unwrap();
        let summary = block_on(read_capture(file)).unwrap().unwrap();
        assert_eq!(summary.conversations, direct.conversations());
        assert_eq!(block_on(capture_trace(0)).unwrap(), direct.trace(0));
        assert!(block_on(read_capture(b"nonsense".to_vec()))
            .unwrap()
            .is_err());
        assert_eq!(block_on(capture_trace(0)), Err(ToolsError::Stopped));
    }

    #[test]
    fn programs_through_the_tools_are_the_engine_run() {
        let s = Scenario::new(ScenarioName::Tcp);
        for p in wirewalk_engine::python::PRESETS {
            let got = block_on(run_programs(
                s.clone(),
                p.client.to_owned(),
                p.server.to_owned(),
            ));
            assert_eq!(
                got,
                Ok(wirewalk_engine::run_programs(&s, p.client, p.server))
            );
        }
    }

    #[test]
    fn every_error_has_its_own_key() {
        let keys: std::collections::BTreeSet<_> =
            ToolsError::ALL.iter().map(ToolsError::key).collect();
        assert_eq!(keys.len(), ToolsError::ALL.len());
    }
}
