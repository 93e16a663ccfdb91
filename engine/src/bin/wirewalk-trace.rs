//! `wirewalk-trace`: compute a catalogue scenario and write its pcap and JSON.
//!
//! ```text
//! wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]
//! wirewalk-trace --read CAPTURE [--conversation N] [--json out.json]
//! wirewalk-trace --client-program CLIENT.py --server-program SERVER.py [--scenario NAME]
//!                [--set key=value ...] [--pcap out.pcap] [--json out.json]
//! wirewalk-trace --list
//! wirewalk-trace --help
//! ```
//! Teachers use it to make Wireshark lab files; `--read` goes the other way: it reads a
//! pcap/pcapng capture, prints its TCP and UDP conversations and writes one of them (the
//! first by default) in the same JSON shape, with inferred TCP states. Every option takes its value either as the
//! next argument or after `=` (`--set=k=v`, `--pcap=x`). A bad invocation or a bad `--set`
//! prints a clear error (a typed error with its i18n key) and exits with status 2, as does a
//! capture that cannot be read (with the reason); failing
//! to write a file or standard output exits with 1; `--help` and `--list` exit with 0.
//!
//! With `--client-program` and `--server-program` the two Python programs (the socket
//! playground's subset) run on the scenario's network (`tcp` unless `--scenario` names
//! another). A program that cannot run (a syntax error, something outside the subset)
//! prints `FILE:LINE: message` and exits with 2; a program that raises is a normal trace
//! (exit 0) and its traceback goes to standard error.

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use wirewalk_engine::python::{ProgramError, Side, MAX_SOURCE};
use wirewalk_engine::scenario::{Scenario, ScenarioError, ScenarioName, KEYS};
use wirewalk_engine::trace::EventKind;
use wirewalk_engine::ProgramsError;

const USAGE: &str = "usage: wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]\n       wirewalk-trace --read CAPTURE [--conversation N] [--json out.json]\n       wirewalk-trace --client-program CLIENT.py --server-program SERVER.py [--scenario NAME] [--set key=value ...] [--pcap out.pcap] [--json out.json]\n       wirewalk-trace --list\n       wirewalk-trace --help";

const HELP: &str = "Computes a Wirewalk scenario on its simulated network and writes the frames.

options:
  -s, --scenario NAME   a catalogue scenario (see --list)
      --set KEY=VALUE   change one parameter (repeatable; see --list for the keys)
      --pcap FILE       write the frames as a pcap file (for Wireshark)
      --json FILE       write the whole trace as JSON
  -r, --read CAPTURE    read a .pcap/.pcapng file instead of running a scenario: list its
                        TCP and UDP conversations; with --json, write one as a trace
      --conversation N  which conversation --read writes (0-based; default 0)
      --client-program FILE, --server-program FILE
                        run these two Python programs (the playground's subset) on the
                        scenario's network instead of its own (scenario tcp by default)
      --list            print the scenarios and parameter keys
  -h, --help            print this help

Values may follow the option or an '=' (--set=seed=7). Exit status: 0 done (a program
that raised still gives a trace; its traceback goes to standard error), 1 a file or
standard output could not be written, 2 a bad invocation, a rejected parameter, a capture
that cannot be read or a program that cannot run (FILE:LINE: message).";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    List,
    Run(Args),
    Read(ReadArgs),
}

#[derive(Debug, PartialEq, Eq)]
struct ReadArgs {
    capture: String,
    conversation: usize,
    json: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
struct Args {
    scenario: String,
    /// `--client-program` and `--server-program`.
    programs: Option<(String, String)>,
    sets: Vec<(String, String)>,
    pcap: Option<String>,
    json: Option<String>,
}

/// A usage error: the message to print before the usage line.
type UsageError = String;

/// Sets `slot` once; a second value for the same option is an error.
fn once(slot: &mut Option<String>, flag: &str, value: String) -> Result<(), UsageError> {
    if slot.is_some() {
        return Err(format!("{flag} given twice"));
    }
    *slot = Some(value);
    Ok(())
}

fn parse_args(raw: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = Vec::new();
    for (i, a) in raw.enumerate() {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(bad) => {
                return Err(format!(
                    "argument {} is not valid UTF-8: {:?}",
                    i + 1,
                    bad.to_string_lossy()
                ))
            }
        }
    }
    let mut it = args.into_iter();
    let (mut scenario, mut pcap, mut json) = (None, None, None);
    let (mut read, mut conversation) = (None, None);
    let (mut client, mut server) = (None, None);
    let mut sets = Vec::new();
    let (mut list, mut help) = (false, false);
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let takes_value = matches!(
            flag.as_str(),
            "--scenario"
                | "-s"
                | "--set"
                | "--pcap"
                | "--json"
                | "--read"
                | "-r"
                | "--conversation"
                | "--client-program"
                | "--server-program"
        );
        if !takes_value && inline.is_some() {
            return Err(format!("{flag} takes no value"));
        }
        let mut value = || -> Result<String, UsageError> {
            let v = match inline.clone() {
                Some(v) => v,
                None => it.next().ok_or_else(|| format!("{flag} needs a value"))?,
            };
            if v.is_empty() {
                return Err(format!("{flag} needs a value"));
            }
            Ok(v)
        };
        match flag.as_str() {
            "--scenario" | "-s" => once(&mut scenario, "--scenario", value()?)?,
            "--set" => {
                let kv = value()?;
                let (k, v) = kv
                    .split_once('=')
                    .ok_or_else(|| format!("--set {kv:?}: expected key=value"))?;
                sets.push((k.to_string(), v.to_string()));
            }
            "--pcap" => once(&mut pcap, "--pcap", value()?)?,
            "--json" => once(&mut json, "--json", value()?)?,
            "--read" | "-r" => once(&mut read, "--read", value()?)?,
            "--conversation" => once(&mut conversation, "--conversation", value()?)?,
            "--client-program" => once(&mut client, "--client-program", value()?)?,
            "--server-program" => once(&mut server, "--server-program", value()?)?,
            "--list" => list = true,
            "--help" | "-h" => help = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if help {
        return Ok(Command::Help);
    }
    if list {
        if scenario.is_some()
            || pcap.is_some()
            || json.is_some()
            || !sets.is_empty()
            || read.is_some()
            || conversation.is_some()
            || client.is_some()
            || server.is_some()
        {
            return Err("--list takes no other options".to_string());
        }
        return Ok(Command::List);
    }
    if let Some(capture) = read {
        if scenario.is_some()
            || pcap.is_some()
            || !sets.is_empty()
            || client.is_some()
            || server.is_some()
        {
            return Err("--read takes only --conversation and --json".to_string());
        }
        let conversation = match conversation {
            None => 0,
            Some(n) => n
                .parse()
                .map_err(|_| format!("--conversation {n:?}: expected a number 0, 1, 2…"))?,
        };
        return Ok(Command::Read(ReadArgs {
            capture,
            conversation,
            json,
        }));
    }
    if conversation.is_some() {
        return Err("--conversation needs --read".to_string());
    }
    let programs = match (client, server) {
        (Some(c), Some(s)) => Some((c, s)),
        (None, None) => None,
        (Some(_), None) => return Err("--client-program needs --server-program".to_string()),
        (None, Some(_)) => return Err("--server-program needs --client-program".to_string()),
    };
    let scenario = match (scenario, &programs) {
        (Some(s), _) => s,
        (None, Some(_)) => "tcp".to_string(),
        (None, None) => return Err("--scenario or --read is required".to_string()),
    };
    Ok(Command::Run(Args {
        scenario,
        programs,
        sets,
        pcap,
        json,
    }))
}

/// Writes to standard output; a closed or full stdout is an error, not a panic.
fn say(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing to standard output: {e}"))
}

/// Writes to standard error, ignoring failure (there is nowhere left to report it).
fn complain(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

fn run(args: &Args) -> Result<String, (u8, String)> {
    let typed = |e: ScenarioError| (2, format!("{e} [{}]", e.message_key()));
    let mut s = Scenario::named(&args.scenario).map_err(typed)?;
    for (k, v) in &args.sets {
        s.set(k, v).map_err(typed)?;
    }
    let trace = match &args.programs {
        None => wirewalk_engine::run(&s).map_err(typed)?,
        Some((client_path, server_path)) => {
            let client = read_program(client_path)?;
            let server = read_program(server_path)?;
            match wirewalk_engine::run_programs(&s, &client, &server) {
                Ok(t) => t,
                Err(ProgramsError::Scenario(e)) => return Err(typed(e)),
                Err(ProgramsError::Programs(errors)) => {
                    let lines: Vec<String> = errors
                        .iter()
                        .map(|e| program_error(e, client_path, server_path))
                        .collect();
                    return Err((2, lines.join("\n")));
                }
            }
        }
    };
    // Each uncaught exception: Python's traceback, as the program's terminal shows it.
    for e in &trace.events {
        match &e.kind {
            EventKind::Exception { traceback, .. } => complain(traceback),
            EventKind::Stopped { host, line, limit } => {
                complain(&format!("{host}: stopped at line {line}: {limit}"));
            }
            _ => {}
        }
    }
    if let Some(path) = &args.pcap {
        std::fs::write(path, wirewalk_engine::to_pcap(&trace))
            .map_err(|e| (1, format!("writing {path}: {e}")))?;
    }
    if let Some(path) = &args.json {
        let json = wirewalk_engine::to_json(&s, &trace)
            .map_err(|e| (1, format!("serialising the trace: {e}")))?;
        std::fs::write(path, json).map_err(|e| (1, format!("writing {path}: {e}")))?;
    }
    Ok(format!(
        "{}: {} frames, {} events, {:.3} s virtual{}",
        s.name,
        trace.frames.len(),
        trace.events.len(),
        trace.end_us as f64 / 1e6,
        if trace.capped { " (capped)" } else { "" }
    ))
}

fn read_capture(args: &ReadArgs) -> Result<String, (u8, String)> {
    use wirewalk_engine::capture::{self, CaptureError, Transport};
    let path = &args.capture;
    let bytes = std::fs::read(path).map_err(|e| (2, format!("reading {path}: {e}")))?;
    let typed = |e: CaptureError| (2, format!("{path}: {e} [{}]", e.message_key()));
    let cap = capture::read(&bytes).map_err(typed)?;
    let convs = cap.conversations();
    let mut lines = vec![format!(
        "{path}: {} frames, {} conversations",
        cap.packets.len(),
        convs.len()
    )];
    for (i, c) in convs.iter().enumerate() {
        lines.push(format!(
            "{i:>4}  {}  {}:{} → {}:{}  {} frames  {} bytes",
            match c.transport {
                Transport::Tcp => "TCP",
                Transport::Udp => "UDP",
            },
            c.client_ip,
            c.client_port,
            c.server_ip,
            c.server_port,
            c.frames.len(),
            c.bytes
        ));
    }
    if let Some(out) = &args.json {
        let n = args.conversation;
        let trace = cap.trace(n).map_err(typed)?;
        let json = wirewalk_engine::json::capture_to_json(n, &convs[n], &trace)
            .map_err(|e| (1, format!("serialising the trace: {e}")))?;
        std::fs::write(out, json).map_err(|e| (1, format!("writing {out}: {e}")))?;
        lines.push(format!(
            "conversation {n}: {} frames, {} events written to {out}",
            trace.frames.len(),
            trace.events.len()
        ));
    }
    Ok(lines.join("\n"))
}

/// A program file's text (at most [`MAX_SOURCE`] bytes, UTF-8).
fn read_program(path: &str) -> Result<String, (u8, String)> {
    let bad = |what: String| (2, format!("{path}: {what}"));
    let meta = std::fs::metadata(path).map_err(|e| bad(e.to_string()))?;
    if meta.len() > MAX_SOURCE as u64 {
        return Err(bad(format!(
            "the program is too long: at most {MAX_SOURCE} bytes [program.error.source_too_large]"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| bad("not UTF-8 text".to_string()))
}

/// `FILE:LINE: message [key]` for a program that cannot run.
fn program_error(e: &ProgramError, client: &str, server: &str) -> String {
    let file = match e.side {
        Side::Client => client,
        Side::Server => server,
    };
    let detail = if e.detail.is_empty() {
        String::new()
    } else {
        format!(": {}", e.detail)
    };
    format!(
        "{file}:{}: {}{detail} [{}]",
        e.line,
        e.kind.describe(),
        e.kind.as_str()
    )
}

fn main() -> ExitCode {
    let output = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => format!("{USAGE}\n\n{HELP}"),
        Ok(Command::List) => format!(
            "scenarios: {}\nkeys: {}",
            ScenarioName::ALL
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            KEYS.join(" ")
        ),
        Ok(Command::Read(args)) => match read_capture(&args) {
            Ok(summary) => summary,
            Err((code, msg)) => {
                complain(&format!("error: {msg}"));
                return ExitCode::from(code);
            }
        },
        Ok(Command::Run(args)) => match run(&args) {
            Ok(summary) => summary,
            // A program that cannot run is told as a compiler would: FILE:LINE: message.
            Err((2, msg)) if args.programs.is_some() => {
                complain(&msg);
                return ExitCode::from(2);
            }
            Err((code, msg)) => {
                complain(&format!("error: {msg}"));
                return ExitCode::from(code);
            }
        },
        Err(msg) => {
            complain(&format!("error: {msg}\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    match say(&output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            complain(&format!("error: {msg}"));
            ExitCode::from(1)
        }
    }
}
