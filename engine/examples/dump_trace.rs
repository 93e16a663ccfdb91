//! Print a scenario's events as text: `cargo run --example dump_trace -- tcp [key=value ...]`.

use wirewalk_engine::run;
use wirewalk_engine::scenario::Scenario;
use wirewalk_engine::trace::EventKind;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "tcp".into());
    let mut s = match Scenario::named(&name) {
        Ok(s) => s,
        Err(e) => return eprintln!("{e}"),
    };
    for kv in args {
        if let Some((k, v)) = kv.split_once('=') {
            if let Err(e) = s.set(k, v) {
                return eprintln!("{e}");
            }
        }
    }
    let t = match run(&s) {
        Ok(t) => t,
        Err(e) => return eprintln!("{e}"),
    };
    for e in &t.events {
        let text = match &e.kind {
            EventKind::Frame { frame } => {
                let f = &t.frames[*frame];
                format!(
                    "FRAME #{} {} -> {} {:?} {} bytes{}",
                    f.index,
                    f.from,
                    f.to,
                    f.role,
                    f.bytes.len(),
                    if f.dropped { " DROPPED" } else { "" }
                )
            }
            EventKind::SocketCall {
                host,
                call,
                line,
                phase,
                result,
                args,
                ..
            } => {
                format!("{host}: {call}({args}) (line {line}) {phase:?} {result}")
            }
            EventKind::Print { host, line, text } => {
                format!("{host}: print (line {line}) {text:?}")
            }
            EventKind::Exception {
                host, traceback, ..
            } => format!("{host}: uncaught\n{traceback}"),
            EventKind::Stopped { host, line, limit } => {
                format!("{host}: stopped at line {line}: {limit}")
            }
            EventKind::StateChange { host, from, to } => format!("{host}: {from} -> {to}"),
            EventKind::SwitchLearn { switch, mac, port } => {
                format!("{switch}: learn {mac} @ {port}")
            }
            EventKind::RouterDrop { router, reason } => format!("{router}: drop {reason:?}"),
            EventKind::Note { key } => format!("note {key}"),
        };
        println!("{:>10.6} {text}", e.time_us as f64 / 1e6);
    }
    println!("capped={} per_tick={:?}", t.capped, t.frames_per_tick);
}
