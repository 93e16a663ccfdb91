//! The socket playground's pure logic: the scenario its programs run on (the TCP
//! scene's network with the URL's loss, delayed ACK, … applied), what the programs
//! printed or raised up to a step, where 粘包 happened, and the messages of programs
//! that cannot run. Everything reads the engine's trace.

use crate::i18n::{echo, fill, lookup, Lang};
use crate::scenes::params::Rejected;
use std::collections::BTreeMap;
use wirewalk_engine::python::{ProgramError, ProgramErrorKind, Side};
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
    if e.kind == ProgramErrorKind::Syntax {
        let (key, value) = syntax_message(&e.detail);
        return fill(lookup(lang, key).unwrap_or(key), &[&echo(&value)]);
    }
    let key = e.kind.as_str();
    fill(lookup(lang, key).unwrap_or(key), &[&echo(&e.detail)])
}

/// A syntax error's message key and value. The parser's detail is English: a token (`)`,
/// `else`), a place (`end of line`) or a sentence (`'(' was never closed`). Each gets a
/// translated sentence of its own; no English sentence goes into a Chinese one.
fn syntax_message(detail: &str) -> (&'static str, String) {
    let quoted = |s: &str| s.strip_prefix('\'')?.strip_suffix('\'').map(str::to_owned);
    if let Some(op) = detail.strip_suffix(" was never closed").and_then(quoted) {
        return ("program.error.syntax.unclosed", op);
    }
    if let Some(op) = detail.strip_prefix("unmatched ").and_then(quoted) {
        return ("program.error.syntax.unmatched", op);
    }
    match detail {
        "end of line" => ("program.error.syntax.end_of_line", String::new()),
        "end of block" | "end of file" => ("program.error.syntax.end_of_file", String::new()),
        "literal" => ("program.error.syntax.literal", String::new()),
        "'break' outside loop" | "'continue' outside loop" => (
            "program.error.syntax.outside_loop",
            detail.split('\'').nth(1).unwrap_or_default().to_owned(),
        ),
        // One token (a name or an operator): "“)” was not expected here".
        d if !d.is_empty() && !d.contains(' ') => ("program.error.syntax", d.to_owned()),
        // Any other sentence of the parser's: said in general words, the line is beside it.
        _ => ("program.error.syntax.other", String::new()),
    }
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
    fn syntax_errors_are_whole_sentences_in_each_language() {
        // Broken programs: an unclosed and an unmatched bracket, a line cut short, a
        // stray value, break outside a loop, a parser sentence (keyword after positional).
        let broken = [
            ("print('a'\n", "“(”"),
            ("print(1))\n", "“)”"),
            ("x =\n", ""),
            ("x = 1 2\n", ""),
            ("break\n", "break"),
            ("print(a=1, 2)\n", ""),
            ("if x\n    pass\n", ""),
        ];
        let (_, server) = preset(PresetId::OneRequest);
        for (client, needle) in broken {
            let Err(ProgramsError::Programs(errors)) = run(client, server) else {
                panic!("{client:?} ran");
            };
            let e = errors.iter().find(|e| e.side == Side::Client).unwrap();
            assert!(e.line >= 1 && e.column >= 1, "{e:?}");
            for lang in Lang::ALL {
                let m = program_error_message(lang, e);
                assert!(m.contains(needle), "{lang:?} {client:?}: {m}");
                assert!(!m.contains('\''), "{lang:?} {client:?}: {m}");
                assert!(
                    !m.split_whitespace().any(|w| w.contains("error.")),
                    "{lang:?} {client:?}: {m}"
                );
                if lang == Lang::Zh {
                    // No English word of the parser's inside the Chinese sentence.
                    for w in [
                        "was",
                        "never",
                        "closed",
                        "unmatched",
                        "outside",
                        "end of",
                        "argument",
                        "literal",
                    ] {
                        assert!(!m.contains(w), "{client:?}: {m}");
                    }
                    assert!(m.ends_with('。'), "{client:?}: {m}");
                } else {
                    assert!(
                        m.starts_with("Syntax error: ") && m.ends_with('.'),
                        "{client:?}: {m}"
                    );
                }
            }
        }
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
