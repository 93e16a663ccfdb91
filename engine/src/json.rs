//! The `wirewalk-trace --json` format: the scenario, hosts and links, every frame (index,
//! time, link, from, to, dropped, role, hex bytes, layers with their fields) and every
//! event (time, kind and its details), in trace order. A conversation read from a capture
//! file has the same shape, with `"scenario": null` and a `"capture"` object instead.

use serde_json::{json, Value};

use crate::capture::Conversation;
use crate::scenario::Scenario;
use crate::trace::{CallPhase, EventKind, Trace};

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// The JSON document of `t`, the run of `scenario`.
///
/// # Errors
/// A [`serde_json::Error`] if a part cannot be serialised.
pub fn trace_to_json(scenario: &Scenario, t: &Trace) -> Result<String, serde_json::Error> {
    let mut doc = trace_doc(t)?;
    doc["scenario"] = serde_json::to_value(scenario)?;
    serde_json::to_string_pretty(&doc)
}

/// The JSON document of conversation `n` of a capture file, `c`, as the trace `t`.
///
/// # Errors
/// A [`serde_json::Error`] if a part cannot be serialised.
pub fn capture_to_json(n: usize, c: &Conversation, t: &Trace) -> Result<String, serde_json::Error> {
    let mut doc = trace_doc(t)?;
    doc["scenario"] = Value::Null;
    doc["capture"] = json!({
        "conversation": n,
        "transport": c.transport,
        "client": format!("{}:{}", c.client_ip, c.client_port),
        "server": format!("{}:{}", c.server_ip, c.server_port),
        "frames": c.frames.len(),
        "bytes": c.bytes,
        "states_inferred": true,
    });
    serde_json::to_string_pretty(&doc)
}

/// Everything but the scenario.
fn trace_doc(t: &Trace) -> Result<Value, serde_json::Error> {
    let mut frames = Vec::with_capacity(t.frames.len());
    for f in &t.frames {
        let (layers, summary) = match &f.annotated {
            Some(a) => (
                serde_json::to_value(a.layers())?,
                serde_json::to_value(&a.summary)?,
            ),
            None => (Value::Null, Value::Null),
        };
        frames.push(json!({
            "index": f.index,
            "time_us": f.time_us,
            "arrive_us": f.arrive_us,
            "link": f.link,
            "from": f.from,
            "to": f.to,
            "dropped": f.dropped,
            "role": f.role.map(|r| r.as_str()),
            "len": f.bytes.len(),
            "hex": hex(&f.bytes),
            "layers": layers,
            "summary": summary,
            "annotation_error": f.annotation_error,
        }));
    }
    let events: Vec<Value> = t
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut v = match &e.kind {
                EventKind::Frame { frame } => json!({"kind": "frame", "frame": frame}),
                EventKind::SocketCall { host, call, line, phase, result, args, nbytes } => {
                    let mut v = json!({
                        "kind": "socket_call", "host": host, "call": call, "line": line,
                        "phase": match phase { CallPhase::Blocked => "blocked", CallPhase::Returned => "returned" },
                        "result": result,
                    });
                    if let Value::Object(m) = &mut v {
                        if !args.is_empty() {
                            m.insert("args".into(), json!(args));
                        }
                        if let Some(n) = nbytes {
                            m.insert("nbytes".into(), json!(n));
                        }
                    }
                    v
                }
                EventKind::Print { host, line, text } => json!({
                    "kind": "print", "host": host, "line": line, "text": text,
                }),
                EventKind::Exception { host, line, name, message, traceback } => json!({
                    "kind": "exception", "host": host, "line": line, "name": name,
                    "message": message, "traceback": traceback,
                }),
                EventKind::Stopped { host, line, limit } => json!({
                    "kind": "stopped", "host": host, "line": line, "limit": limit.as_str(),
                }),
                EventKind::StateChange { host, from, to } => json!({
                    "kind": "state_change", "host": host, "from": from.name(), "to": to.name(),
                }),
                EventKind::SwitchLearn { switch, mac, port } => json!({
                    "kind": "switch_learn", "switch": switch, "mac": mac, "port": port,
                }),
                EventKind::RouterDrop { router, reason } => json!({
                    "kind": "router_drop", "router": router, "reason": reason,
                }),
                EventKind::Note { key } => json!({"kind": "note", "key": key.as_str()}),
            };
            if let Value::Object(m) = &mut v {
                m.insert("index".into(), json!(i));
                m.insert("time_us".into(), json!(e.time_us));
            }
            v
        })
        .collect();
    Ok(json!({
        "engine": env!("CARGO_PKG_VERSION"),
        "scenario": Value::Null,
        "hosts": serde_json::to_value(&t.hosts)?,
        "links": serde_json::to_value(&t.links)?,
        "end_us": t.end_us,
        "capped": t.capped,
        "tick_us": t.tick_us,
        "frames_per_tick": t.frames_per_tick,
        "frames": frames,
        "events": events,
    }))
}
