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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::params::url_params as params;
    use wirewalk_engine::python::{PresetId, PRESETS};
    use wirewalk_engine::ProgramsError;

    fn preset(id: PresetId) -> (&'static str, &'static str) {
        let p = PRESETS.iter().find(|p| p.id == id).unwrap();
        (p.client, p.server)
    }

    fn run(client: &str, server: &str) -> Result<Trace, ProgramsError> {
        let (s, rejected) = play_scenario(&BTreeMap::new()).unwrap();
        assert!(rejected.is_empty());
        wirewalk_engine::run_programs(&s, client, server)
    }

    #[test]
    fn the_scenario_takes_the_urls_engine_keys_and_reports_bad_ones() {
        let (s, rejected) = play_scenario(&params(&[
            ("variant", "udp"),
            ("client", "AAAA"),
            ("loss", "syn"),
            ("server.port", "99999"),
        ]))
        .unwrap();
        assert_eq!(s.params.loss, "syn");
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].0, "server.port");
        assert!(wants_playground(&params(&[("server", "")])));
        assert!(!wants_playground(&params(&[("variant", "udp")])));
    }

    #[test]
    fn output_grows_with_the_cursor_and_ends_with_the_prints() {
        let (c, s) = preset(PresetId::OneRequest);
        let trace = run(c, s).unwrap();
        let n = trace.events.len();
        assert!(output_at(&trace, 0).is_empty());
        let all = output_at(&trace, n);
        let printed: Vec<&str> = all
            .iter()
            .filter_map(|l| match &l.what {
                Output::Print(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            printed.iter().any(|t| t.contains("b'HELLO'")),
            "{printed:?}"
        );
        // Each line appears exactly at its event: the output up to it excludes it.
        for l in &all {
            assert!(!output_at(&trace, l.event)
                .iter()
                .any(|m| m.event == l.event));
            assert!(output_at(&trace, l.event + 1)
                .iter()
                .any(|m| m.event == l.event));
        }
    }

    #[test]
    fn sticky_packets_mark_the_servers_recv_line() {
        let (c, s) = preset(PresetId::StickyPackets);
        let trace = run(c, s).unwrap();
        let n = trace.events.len();
        let recv_line = s.lines().position(|l| l.contains(".recv(")).unwrap() + 1;
        assert_eq!(sticky_lines(&trace, "server", n), vec![recv_line]);
        assert!(sticky_lines(&trace, "client", n).is_empty());
        assert!(sticky_lines(&trace, "server", 0).is_empty());
        let hot: Vec<usize> = (0..=n).filter(|&c| at_sticky(&trace, c)).collect();
        assert!(!hot.is_empty() && hot.len() <= 2, "{hot:?}");
        // The one-request preset has no such moment.
        let (c, s) = preset(PresetId::OneRequest);
        let plain = run(c, s).unwrap();
        assert!((0..=plain.events.len()).all(|c| !at_sticky(&plain, c)));
    }

    #[test]
    fn an_uncaught_exception_is_at_its_line_with_its_traceback() {
        let client = "import socket\n\ns = socket.socket()\ns.connect(('192.168.1.20', 9999))\n";
        let (_, server) = preset(PresetId::OneRequest);
        let trace = run(client, server).unwrap();
        let n = trace.events.len();
        let (line, text) = exception_at(&trace, "client", n).unwrap();
        assert_eq!(line, 4);
        assert!(text.starts_with("ConnectionRefusedError"), "{text}");
        let tb = output_at(&trace, n)
            .into_iter()
            .find_map(|l| match l.what {
                Output::Traceback(t) if l.host == "client" => Some(t),
                _ => None,
            })
            .unwrap();
        assert!(tb.starts_with("Traceback (most recent call last):"), "{tb}");
        assert!(tb.contains("line 4"), "{tb}");
    }

    #[test]
    fn a_syntax_error_is_placed_on_its_side_and_line_in_both_languages() {
        let (c, _) = preset(PresetId::OneRequest);
        let Err(ProgramsError::Programs(errors)) = run(c, "import socket\nx = (\n") else {
            panic!("expected a program error");
        };
        assert!(errors_of(Lang::En, &errors, Side::Client).is_empty());
        for lang in Lang::ALL {
            let server = errors_of(lang, &errors, Side::Server);
            assert!(!server.is_empty());
            assert!(
                server.iter().all(|(line, _)| (2..=3).contains(line)),
                "{server:?}"
            );
            for (_, msg) in server {
                assert!(!msg.starts_with("program."), "untranslated: {msg}");
            }
        }
    }
}
