//! Jobs: engine work the app hands to its tools worker (`tools/`, a Web Worker loaded only
//! when first needed), described as plain serde data so it can cross `postMessage`.
//!
//! The page sends a [`Job`] as JSON text, plus the job's bytes when it has some (a capture
//! file travels as a `Uint8Array`, never as JSON numbers); the worker answers with a
//! [`JobOutput`] as JSON text. [`handle`] is the whole worker side; natively the app calls
//! [`run`] directly, so both paths compute the same thing.
//!
//! Simulated traces cross unannotated (see [`crate::run_unannotated`]): annotation is
//! cheap, the annotated JSON is several times larger, and the page owns the annotator
//! anyway ([`crate::annotate`]). A capture's conversation crosses annotated (its frames
//! need the capture's link types).
//!
//! A [`Session`] is the worker's memory between jobs: the capture file it read last, so a
//! 50 MB file is parsed once and each conversation the student picks is one small job.

use serde::{Deserialize, Serialize};

use crate::capture::{Capture, CaptureError, Conversation, Format};
use crate::scenario::{Scenario, ScenarioError};
use crate::trace::Trace;
use crate::ProgramsError;

/// One piece of work for the tools worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// Simulate a catalogue scenario (the same as [`crate::run_unannotated`]).
    Run(Box<Scenario>),
    /// Run the student's client and server programs on the scenario's network (the socket
    /// playground: [`crate::run_programs_unannotated`]).
    Programs {
        /// The network and its parameters.
        scenario: Box<Scenario>,
        /// The client's Python source.
        client: String,
        /// The server's Python source.
        server: String,
    },
    /// Read the capture file given as the job's bytes and keep it for
    /// [`Job::CaptureTrace`].
    ReadCapture,
    /// Conversation `n` of the capture read last, as an annotated trace.
    CaptureTrace(usize),
}

/// What the page needs to list a capture read by [`Job::ReadCapture`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureSummary {
    /// pcap or pcapng.
    pub format: Format,
    /// Frames read.
    pub frames: usize,
    /// Its TCP and UDP conversations ([`Capture::conversations`]).
    pub conversations: Vec<Conversation>,
}

/// What a [`Job`] produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum JobOutput {
    /// The unannotated trace of [`Job::Run`], or why the scenario cannot run.
    Run(Result<Trace, ScenarioError>),
    /// The unannotated trace of [`Job::Programs`], or why the programs cannot run.
    Programs(Result<Trace, ProgramsError>),
    /// The capture's summary, or why the file cannot be read.
    ReadCapture(Result<CaptureSummary, CaptureError>),
    /// The annotated trace of one conversation, or why there is none.
    CaptureTrace(Result<Trace, CaptureError>),
    /// [`Job::CaptureTrace`] came before any capture was read (the worker was restarted
    /// in between): read the file again.
    NoCapture,
    /// The job text was not a [`Job`] (a page and a worker from two different builds).
    Unreadable(String),
}

/// The worker's memory between jobs.
#[derive(Debug, Default)]
pub struct Session {
    capture: Option<Capture>,
}

impl Session {
    /// A worker's memory before its first job.
    #[must_use]
    pub fn new() -> Session {
        Session::default()
    }

    /// Do one job. `bytes` is the job's binary input, empty for jobs that take none.
    pub fn run(&mut self, job: Job, bytes: Vec<u8>) -> JobOutput {
        match job {
            Job::Run(s) => JobOutput::Run(crate::run_unannotated(&s)),
            Job::Programs {
                scenario,
                client,
                server,
            } => JobOutput::Programs(crate::run_programs_unannotated(&scenario, &client, &server)),
            Job::ReadCapture => {
                // A new file replaces the old one even when it cannot be read, so a
                // conversation is never taken from a file the student has left.
                self.capture = None;
                JobOutput::ReadCapture(crate::capture::read(&bytes).map(|c| {
                    let summary = CaptureSummary {
                        format: c.format,
                        frames: c.packets.len(),
                        conversations: c.conversations(),
                    };
                    self.capture = Some(c);
                    summary
                }))
            }
            Job::CaptureTrace(n) => match &self.capture {
                Some(c) => JobOutput::CaptureTrace(c.trace(n)),
                None => JobOutput::NoCapture,
            },
        }
    }

    /// The worker side: read the job's JSON text, do it, write the output's JSON text.
    pub fn handle(&mut self, job: &str, bytes: Vec<u8>) -> String {
        let output = match serde_json::from_str::<Job>(job) {
            Ok(job) => self.run(job, bytes),
            Err(e) => JobOutput::Unreadable(e.to_string()),
        };
        serde_json::to_string(&output).unwrap_or_else(|e| {
            // Only a non-string map key or a failing Serialize impl can get here; the
            // engine has neither, but the page still deserves an answer, not silence.
            format!(
                "{{\"Unreadable\":{}}}",
                serde_json::Value::String(e.to_string())
            )
        })
    }
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
        let job = serde_json::to_string(&Job::Run(Box::new(s.clone()))).unwrap();
        let through = read_output(&Session::new().handle(&job, Vec::new())).unwrap();
        let direct = crate::run_unannotated(&s);
        assert!(direct.is_ok());
        assert_eq!(through, JobOutput::Run(direct));
    }

    #[test]
    fn a_bad_scenario_is_its_error_not_a_failure() {
        let mut s = Scenario::new(ScenarioName::Tcp);
        s.params.server_port = 0;
        let job = serde_json::to_string(&Job::Run(Box::new(s.clone()))).unwrap();
        match read_output(&Session::new().handle(&job, Vec::new())).unwrap() {
            JobOutput::Run(Err(e)) => assert_eq!(Some(e), s.validate().err()),
            other => panic!("expected the scenario's error, got {other:?}"),
        }
    }

    #[test]
    fn text_that_is_no_job_says_so() {
        match read_output(&Session::new().handle("{\"Launch\":1}", Vec::new())).unwrap() {
            JobOutput::Unreadable(why) => assert!(why.contains("Launch"), "{why}"),
            other => panic!("expected Unreadable, got {other:?}"),
        }
    }

    /// A capture written by the engine's own pcap writer: its one TCP conversation, read
    /// in a session, is what the capture reader gives directly.
    #[test]
    fn a_capture_is_read_once_and_its_conversations_asked_for_later() {
        let s = Scenario::new(ScenarioName::Tcp);
        let file = crate::to_pcap(&crate::run(&s).unwrap());
        let mut session = Session::new();
        let ask = |session: &mut Session, job: &Job, bytes: Vec<u8>| {
            read_output(&session.handle(&job_text(job), bytes)).unwrap()
        };
        assert_eq!(
            ask(&mut session, &Job::CaptureTrace(0), Vec::new()),
            JobOutput::NoCapture
        );
        let direct = crate::capture::read(&file).unwrap();
        match ask(&mut session, &Job::ReadCapture, file.clone()) {
            JobOutput::ReadCapture(Ok(summary)) => {
                assert_eq!(summary.frames, direct.packets.len());
                assert_eq!(summary.conversations, direct.conversations());
                assert!(!summary.conversations.is_empty());
            }
            other => panic!("expected a summary, got {other:?}"),
        }
        assert_eq!(
            ask(&mut session, &Job::CaptureTrace(0), Vec::new()),
            JobOutput::CaptureTrace(direct.trace(0))
        );
        assert!(matches!(
            ask(&mut session, &Job::CaptureTrace(99), Vec::new()),
            JobOutput::CaptureTrace(Err(CaptureError::NoSuchConversation { .. }))
        ));
        // A file that is no capture replaces the one before.
        assert!(matches!(
            ask(&mut session, &Job::ReadCapture, b"not a capture".to_vec()),
            JobOutput::ReadCapture(Err(_))
        ));
        assert_eq!(
            ask(&mut session, &Job::CaptureTrace(0), Vec::new()),
            JobOutput::NoCapture
        );
    }

    /// The playground's preset programs through the job give what the direct call gives,
    /// and a program outside the subset comes back as its errors.
    #[test]
    fn programs_run_as_a_job_as_they_run_directly() {
        let s = Scenario::new(ScenarioName::Tcp);
        let mut session = Session::new();
        let preset = &crate::python::PRESETS[0];
        let job = Job::Programs {
            scenario: Box::new(s.clone()),
            client: preset.client.to_owned(),
            server: preset.server.to_owned(),
        };
        let through = read_output(&session.handle(&job_text(&job), Vec::new())).unwrap();
        let direct = crate::run_programs_unannotated(&s, preset.client, preset.server);
        assert!(direct.is_ok(), "{direct:?}");
        assert_eq!(through, JobOutput::Programs(direct));
        let bad = Job::Programs {
            scenario: Box::new(s),
            client: "import os\n".to_owned(),
            server: preset.server.to_owned(),
        };
        assert!(matches!(
            read_output(&session.handle(&job_text(&bad), Vec::new())).unwrap(),
            JobOutput::Programs(Err(ProgramsError::Programs(_)))
        ));
    }
}
