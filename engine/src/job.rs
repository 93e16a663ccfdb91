//! Jobs: engine work the app hands to its tools worker (`tools/`, a Web Worker loaded only
//! when first needed), described as plain data so it can cross `postMessage`.
//!
//! The page sends a [`Job`] in the compact binary form of [`codec`], plus the job's bytes
//! when it has some (a capture file travels as its own `Uint8Array`); the worker answers
//! with a [`JobOutput`] in the same form. [`Session::handle`] is the whole worker side;
//! natively the app calls [`Session::run`] directly, so both paths compute the same thing.
//! The codec is hand-written so the page's wasm carries no serde deserializer (serde and
//! its JSON stay for the command line and the JSON export).
//!
//! Simulated traces cross unannotated (see [`crate::run_unannotated`]): annotation is
//! cheap, the annotated trace is several times larger, and the page owns the annotator
//! anyway ([`crate::annotate`]). A capture's conversation crosses annotated (its frames
//! need the capture's link types).
//!
//! A [`Session`] is the worker's memory between jobs: the capture file it read last, so a
//! 50 MB file is parsed once and each conversation the student picks is one small job.

pub mod codec;

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

    /// The worker side: read the job's bytes ([`codec::decode_job`]), do it, write the
    /// output's bytes ([`codec::encode_output`]).
    pub fn handle(&mut self, job: &[u8], bytes: Vec<u8>) -> Vec<u8> {
        let output = match codec::decode_job(job) {
            Ok(job) => self.run(job, bytes),
            Err(e) => JobOutput::Unreadable(e.to_string()),
        };
        codec::encode_output(&output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::ScenarioName;

    #[test]
    fn a_job_through_the_codec_gives_what_the_direct_call_gives() {
        let s = Scenario::new(ScenarioName::Tcp);
        let job = codec::encode_job(&Job::Run(Box::new(s.clone())));
        let through = codec::decode_output(&Session::new().handle(&job, Vec::new())).unwrap();
        let direct = crate::run_unannotated(&s);
        assert!(direct.is_ok());
        assert_eq!(through, JobOutput::Run(direct));
    }

    #[test]
    fn a_bad_scenario_is_its_error_not_a_failure() {
        let mut s = Scenario::new(ScenarioName::Tcp);
        s.params.server_port = 0;
        let job = codec::encode_job(&Job::Run(Box::new(s.clone())));
        match codec::decode_output(&Session::new().handle(&job, Vec::new())).unwrap() {
            JobOutput::Run(Err(e)) => assert_eq!(Some(e), s.validate().err()),
            other => panic!("expected the scenario's error, got {other:?}"),
        }
    }

    #[test]
    fn bytes_that_are_no_job_say_so() {
        let mut session = Session::new();
        match codec::decode_output(&session.handle(&[codec::VERSION, 200], Vec::new())).unwrap() {
            JobOutput::Unreadable(why) => assert!(why.contains("200"), "{why}"),
            other => panic!("expected Unreadable, got {other:?}"),
        }
        // JSON, as an older page sent it, is another version.
        match codec::decode_output(&session.handle(b"{\"Run\":{}}", Vec::new())).unwrap() {
            JobOutput::Unreadable(why) => assert!(why.contains("version"), "{why}"),
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
            codec::decode_output(&session.handle(&codec::encode_job(job), bytes)).unwrap()
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
        let through =
            codec::decode_output(&session.handle(&codec::encode_job(&job), Vec::new())).unwrap();
        let direct = crate::run_programs_unannotated(&s, preset.client, preset.server);
        assert!(direct.is_ok(), "{direct:?}");
        assert_eq!(through, JobOutput::Programs(direct));
        let bad = Job::Programs {
            scenario: Box::new(s),
            client: "import os\n".to_owned(),
            server: preset.server.to_owned(),
        };
        assert!(matches!(
            codec::decode_output(&session.handle(&codec::encode_job(&bad), Vec::new())).unwrap(),
            JobOutput::Programs(Err(ProgramsError::Programs(_)))
        ));
    }
}
