//! The socket playground's pure logic: the scenario its programs run on (the TCP
//! scene's network with the URL's loss, delayed ACK, … applied), what the programs
//! printed or raised up to a step, where 粘包 happened, and the messages of programs
//! that cannot run. Everything reads the engine's trace.

use crate::i18n::{echo, fill, lookup, Lang};
use crate::scenes::params::Rejected;
use std::collections::BTreeMap;
use wirewalk_engine::python::{ProgramError, Side};
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::{EventKind, NoteKey, RunLimit, Trace};

/// URL keys of the playground's programs.
pub const PROGRAM_KEYS: [&str; 2] = ["client", "server"];

/// Keys of the TCP scene that the playground does not pass to the engine: the variant
/// (the programs say what runs) and the programs themselves.
const NOT_SCENARIO: [&str; 3] = ["variant", "client", "server"];

/// The scenario the playground's programs run on: the TCP scene's network, with every
/// engine key of the URL the engine accepts (a refused one is reported, as the scene does).
///
/// # Errors
/// Only when the TCP scenario's defaults are refused (an engine bug).
pub fn play_scenario(
    params: &BTreeMap<String, String>,
) -> Result<(Scenario, Rejected), ScenarioError> {
    let mut s = Scenario::named("tcp")?;
    let mut rejected = Vec::new();
    for (k, v) in params {
        if NOT_SCENARIO.contains(&k.as_str()) {
            continue;
        }
        let mut candidate = s.clone();
        match candidate.set(k, v).and_then(|()| candidate.validate()) {
            Ok(()) => s = candidate,
            Err(e) => rejected.push((k.clone(), e)),
        }
    }
    Ok((s, rejected))
}

/// Whether the URL asks for the playground (it carries a program).
#[must_use]
pub fn wants_playground(params: &BTreeMap<String, String>) -> bool {
    PROGRAM_KEYS.iter().any(|k| params.contains_key(*k))
}

/// What one line of the output pane holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Text written by `print` (its line end included).
    Print(String),
    /// The traceback of an exception that ended the program.
    Traceback(String),
    /// An engine limit that ended the program.
    Stopped(RunLimit),
}

/// One entry of the output pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputLine {
    /// Index of its event.
    pub event: usize,
    /// `"client"` or `"server"`.
    pub host: String,
    /// 1-based program line that wrote it.
    pub line: usize,
    /// What.
    pub what: Output,
}

/// Everything the programs wrote (and how they ended) among the first `cursor` events.
#[must_use]
pub fn output_at(trace: &Trace, cursor: usize) -> Vec<OutputLine> {
    trace
        .events
        .iter()
        .take(cursor)
        .enumerate()
        .filter_map(|(event, e)| {
            let (host, line, what) = match &e.kind {
                EventKind::Print { host, line, text } => (host, line, Output::Print(text.clone())),
                EventKind::Exception {
                    host,
                    line,
                    traceback,
                    ..
                } => (host, line, Output::Traceback(traceback.clone())),
                EventKind::Stopped { host, line, limit } => (host, line, Output::Stopped(*limit)),
                _ => return None,
            };
            Some(OutputLine {
                event,
                host: host.clone(),
                line: *line,
                what,
            })
        })
        .collect()
}

/// The exception that ended `host`'s program among the first `cursor` events: its line
/// and `Name: message`.
#[must_use]
pub fn exception_at(trace: &Trace, host: &str, cursor: usize) -> Option<(usize, String)> {
    trace
        .events
        .iter()
        .take(cursor)
        .find_map(|e| match &e.kind {
            EventKind::Exception {
                host: h,
                line,
                name,
                message,
                ..
            } if h == host => Some((
                *line,
                if message.is_empty() {
                    name.clone()
                } else {
                    format!("{name}: {message}")
                },
            )),
            _ => None,
        })
}

/// The program lines of `host`'s `recv` calls that returned the bytes of more than one
/// send (粘包), among the first `cursor` events.
#[must_use]
pub fn sticky_lines(trace: &Trace, host: &str, cursor: usize) -> Vec<usize> {
    let mut lines: Vec<usize> = trace
        .sticky_recvs()
        .into_iter()
        .filter(|&i| i < cursor)
        .filter_map(|i| match trace.events.get(i).map(|e| &e.kind) {
            Some(EventKind::SocketCall { host: h, line, .. }) if h == host => Some(*line),
            _ => None,
        })
        .collect();
    lines.dedup();
    lines
}

/// Whether the step shows the 粘包 moment: its event is a sticky `recv`'s return or the
/// note that follows it.
#[must_use]
pub fn at_sticky(trace: &Trace, cursor: usize) -> bool {
    let Some(last) = cursor.checked_sub(1) else {
        return false;
    };
    matches!(
        trace.events.get(last).map(|e| &e.kind),
        Some(EventKind::Note {
            key: NoteKey::StickyPacket
        })
    ) || trace.sticky_recvs().contains(&last)
}

/// The host name of a program side.
#[must_use]
pub fn side_host(side: Side) -> &'static str {
    match side {
        Side::Client => "client",
        Side::Server => "server",
    }
}

/// The translated message of a program that cannot run (its detail, bounded, as `{0}`).
#[must_use]
pub fn program_error_message(lang: Lang, e: &ProgramError) -> String {
    let key = e.kind.as_str();
    fill(lookup(lang, key).unwrap_or(key), &[&echo(&e.detail)])
}

/// The errors of one side's program: 1-based line and translated message.
#[must_use]
pub fn errors_of(lang: Lang, errors: &[ProgramError], side: Side) -> Vec<(usize, String)> {
    errors
        .iter()
        .filter(|e| e.side == side)
        .map(|e| (e.line, program_error_message(lang, e)))
        .collect()
}
