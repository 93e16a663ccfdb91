//! `wirewalk-trace`: compute a catalogue scenario and write its pcap and JSON.
//!
//! ```text
//! wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]
//! wirewalk-trace --list
//! ```
//! Teachers use it to make Wireshark lab files. A bad `--set` prints the typed error (with
//! its i18n key) and exits with status 2; other failures exit with 1.

use std::process::ExitCode;

use wirewalk_engine::scenario::{self, Scenario, KEYS};

const USAGE: &str = "usage: wirewalk-trace --scenario NAME [--set key=value ...] [--pcap out.pcap] [--json out.json]\n       wirewalk-trace --list";

struct Args {
    scenario: String,
    sets: Vec<(String, String)>,
    pcap: Option<String>,
    json: Option<String>,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut scenario = None;
    let mut sets = Vec::new();
    let mut pcap = None;
    let mut json = None;
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") && f != "--set" => {
                (f.to_string(), Some(v.to_string()))
            }
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "--scenario" | "-s" => scenario = Some(value("--scenario")?),
            "--set" => {
                let kv = value("--set")?;
                let (k, v) = kv
                    .split_once('=')
                    .ok_or_else(|| format!("--set {kv:?}: expected key=value"))?;
                sets.push((k.to_string(), v.to_string()));
            }
            "--pcap" => pcap = Some(value("--pcap")?),
            "--json" => json = Some(value("--json")?),
            "--list" => return Ok(None),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let scenario = scenario.ok_or_else(|| "--scenario is required".to_string())?;
    Ok(Some(Args {
        scenario,
        sets,
        pcap,
        json,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("scenarios: {}", scenario::catalogue().join(" "));
            println!("keys: {}", KEYS.join(" "));
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut s = match Scenario::named(&args.scenario) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e} [{}]", e.message_key());
            return ExitCode::from(2);
        }
    };
    for (k, v) in &args.sets {
        if let Err(e) = s.set(k, v) {
            eprintln!("error: {e} [{}]", e.message_key());
            return ExitCode::from(2);
        }
    }
    let trace = match scenario::run(&s) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e} [{}]", e.message_key());
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.pcap {
        if let Err(e) = std::fs::write(path, trace.pcap()) {
            eprintln!("error: writing {path}: {e}");
            return ExitCode::from(1);
        }
    }
    if let Some(path) = &args.json {
        if let Err(e) = std::fs::write(path, trace.to_json()) {
            eprintln!("error: writing {path}: {e}");
            return ExitCode::from(1);
        }
    }
    println!(
        "{}: {} frames, {} events, {:.3} s virtual{}",
        s.name,
        trace.frames.len(),
        trace.events.len(),
        trace.end_us as f64 / 1e6,
        if trace.capped { " (capped)" } else { "" }
    );
    ExitCode::SUCCESS
}
