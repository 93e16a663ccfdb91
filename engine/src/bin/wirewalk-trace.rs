//! `wirewalk-trace`: compute a catalogue scenario and write its pcap and JSON.
//!
//! ```text
//! wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]
//! wirewalk-trace --read CAPTURE [--conversation N] [--json out.json]
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

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use wirewalk_engine::scenario::{Scenario, ScenarioError, ScenarioName, KEYS};

const USAGE: &str = "usage: wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]\n       wirewalk-trace --read CAPTURE [--conversation N] [--json out.json]\n       wirewalk-trace --list\n       wirewalk-trace --help";

const HELP: &str = "Computes a Wirewalk scenario on its simulated network and writes the frames.

options:
  -s, --scenario NAME   a catalogue scenario (see --list)
      --set KEY=VALUE   change one parameter (repeatable; see --list for the keys)
      --pcap FILE       write the frames as a pcap file (for Wireshark)
      --json FILE       write the whole trace as JSON
  -r, --read CAPTURE    read a .pcap/.pcapng file instead of running a scenario: list its
                        TCP and UDP conversations; with --json, write one as a trace
      --conversation N  which conversation --read writes (0-based; default 0)
      --list            print the scenarios and parameter keys
  -h, --help            print this help

Values may follow the option or an '=' (--set=seed=7). Exit status: 0 done, 1 a file or
standard output could not be written, 2 a bad invocation, a rejected parameter or a
capture that cannot be read.";

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
        {
            return Err("--list takes no other options".to_string());
        }
        return Ok(Command::List);
    }
    if let Some(capture) = read {
        if scenario.is_some() || pcap.is_some() || !sets.is_empty() {
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
    let scenario = scenario.ok_or_else(|| "--scenario or --read is required".to_string())?;
    Ok(Command::Run(Args {
        scenario,
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
    let trace = wirewalk_engine::run(&s).map_err(typed)?;
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
