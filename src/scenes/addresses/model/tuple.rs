//! The 4-tuple: two clients connect to the same server port, each run through the
//! engine, and their connections are told apart by what their frames carry.

use crate::i18n::{error_message, t, Lang};
use crate::scenes::params::LastRun;
use std::collections::BTreeMap;
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::{CallPhase, EventKind, Trace};

/// One end-to-end connection identified by its 4-tuple, as read from an engine run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conn {
    /// Client IP (source of the SYN).
    pub client_ip: String,
    /// Client port.
    pub client_port: u16,
    /// Server IP.
    pub server_ip: String,
    /// Server port.
    pub server_port: u16,
    /// What the server's `accept()` returned (Python), from the trace.
    pub accept: String,
    /// Index of the SYN frame in the trace.
    pub syn_frame: usize,
}

/// The two clients of the 4-tuple demo.
pub const CLIENTS: [&str; 2] = ["a", "b"];

/// Defaults of the two clients: the same computer (two programs, or two browser tabs).
pub const CLIENT_DEFAULT_IP: &str = "192.168.1.10";

/// Reads the connection (4-tuple) out of a trace: the SYN's addresses and ports, and the
/// result of the server's `accept()`.
#[must_use]
pub fn conn_of(trace: &Trace) -> Option<Conn> {
    let (i, syn) = trace
        .frames
        .iter()
        .enumerate()
        .find(|(_, f)| f.role.map(|r| r.as_str()) == Some("syn"))?;
    let s = &syn.annotated.as_ref()?.summary;
    let accept = trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::SocketCall {
                host,
                call,
                phase: CallPhase::Returned,
                result,
                ..
            } if host == "server" && call == "accept" => Some(result.clone()),
            _ => None,
        })
        .unwrap_or_default();
    Some(Conn {
        client_ip: s.src_ip.clone()?,
        client_port: s.src_port?,
        server_ip: s.dst_ip.clone()?,
        server_port: s.dst_port?,
        accept,
        syn_frame: i,
    })
}

/// The two connections and the parameters refused (key → translated error).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Client A's and B's connections.
    pub conns: [Conn; 2],
    /// Refused parameters: URL key (`a.ip`, …) and the engine's error.
    pub errors: Vec<(String, ScenarioError)>,
}

/// The engine key behind a 4-tuple URL key (`a.ip` → `client.ip`).
#[must_use]
pub fn engine_key(key: &str) -> Option<&'static str> {
    match key.split_once('.') {
        Some(("a" | "b", "ip")) => Some("client.ip"),
        Some(("a" | "b", "port")) => Some("client.port"),
        _ => None,
    }
}

/// The scenario of client `who` (`a` uses seed 1, `b` seed 2, so their ephemeral ports
/// differ as two sockets' would), with the URL's values applied; refused ones are
/// reported and left at their defaults.
fn client_scenario(
    who: &str,
    params: &BTreeMap<String, String>,
    errors: &mut Vec<(String, ScenarioError)>,
) -> Result<Scenario, ScenarioError> {
    let mut s = Scenario::named("tcp")?;
    s.params.seed = if who == "a" { 1 } else { 2 };
    s.params.client_ip = CLIENT_DEFAULT_IP.to_owned();
    for field in ["ip", "port"] {
        let key = format!("{who}.{field}");
        if let (Some(v), Some(ek)) = (params.get(&key), engine_key(&key)) {
            let mut c = s.clone();
            match c.set(ek, v).and_then(|()| c.validate()) {
                Ok(()) => s = c,
                Err(e) => errors.push((key, e)),
            }
        }
    }
    Ok(s)
}

/// Checks one 4-tuple field's value as the engine would run it.
///
/// # Errors
/// The engine's error.
pub fn check_client(
    params: &BTreeMap<String, String>,
    key: &str,
    value: &str,
    last: &LastRun<Trace>,
) -> Result<(), ScenarioError> {
    let who = key.split('.').next().unwrap_or("a");
    let mut p = params.clone();
    p.insert(key.to_owned(), value.to_owned());
    let mut errors = Vec::new();
    let s = client_scenario(who, &p, &mut errors)?;
    if let Some((_, e)) = errors.into_iter().find(|(k, _)| k == key) {
        return Err(e);
    }
    let trace = wirewalk_engine::run(&s)?;
    last.keep(s, trace);
    Ok(())
}

/// Runs both clients' connections to the same server port.
///
/// # Errors
/// Only if even the defaults fail to run (an engine bug).
pub fn build_pair(params: &BTreeMap<String, String>) -> Result<Pair, ScenarioError> {
    build_pair_with(params, &LastRun::default())
}

/// [`build_pair`], taking the run that [`check_client`] kept, if it is one of the two.
///
/// # Errors
/// As [`build_pair`].
pub fn build_pair_with(
    params: &BTreeMap<String, String>,
    last: &LastRun<Trace>,
) -> Result<Pair, ScenarioError> {
    let mut errors = Vec::new();
    let mut conns = Vec::new();
    for who in CLIENTS {
        let s = client_scenario(who, params, &mut errors)?;
        let trace = last.run(&s, wirewalk_engine::run)?;
        let conn = conn_of(&trace)
            .ok_or_else(|| ScenarioError::Network("no SYN in the trace".to_owned()))?;
        conns.push(conn);
    }
    let [a, b]: [Conn; 2] = conns
        .try_into()
        .map_err(|_| ScenarioError::Network("two runs expected".to_owned()))?;
    Ok(Pair {
        conns: [a, b],
        errors,
    })
}

/// The translated error of a 4-tuple field, if its URL value was refused.
#[must_use]
pub fn pair_error(pair: &Pair, key: &str, lang: Lang) -> Option<String> {
    pair.errors
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, e)| error_message(lang, e))
}

/// A 4-tuple as text: `(192.168.1.10, 49500, 192.168.1.20, 8080)`.
#[must_use]
pub fn tuple_text(c: &Conn) -> String {
    format!(
        "({}, {}, {}, {})",
        c.client_ip, c.client_port, c.server_ip, c.server_port
    )
}

/// Whether the two connections can be told apart (their 4-tuples differ).
#[must_use]
pub fn distinct(pair: &Pair) -> bool {
    let [a, b] = &pair.conns;
    (&a.client_ip, a.client_port) != (&b.client_ip, b.client_port)
}

/// The sentence saying which parts of the 4-tuple tell the two clients apart.
#[must_use]
pub fn difference_sentence(pair: &Pair, lang: Lang) -> String {
    let [a, b] = &pair.conns;
    match (a.client_ip != b.client_ip, a.client_port != b.client_port) {
        (true, true) => t(lang, "scene.addresses.tuple.diff_both").to_owned(),
        (true, false) => t(lang, "scene.addresses.tuple.diff_ip").to_owned(),
        (false, true) => t(lang, "scene.addresses.tuple.diff_port").to_owned(),
        (false, false) => t(lang, "scene.addresses.tuple.same").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::params::url_params as params;

    #[test]
    fn two_clients_are_told_apart_by_the_engine_s_frames() {
        let pair = build_pair(&BTreeMap::new()).unwrap();
        let [a, b] = &pair.conns;
        assert_eq!(a.client_ip, "192.168.1.10");
        assert_eq!(b.client_ip, "192.168.1.10");
        assert_eq!(
            (a.server_ip.as_str(), a.server_port),
            ("192.168.1.20", 8080)
        );
        assert_eq!(
            (b.server_ip.as_str(), b.server_port),
            ("192.168.1.20", 8080)
        );
        assert_ne!(a.client_port, b.client_port);
        assert!(a.client_port >= 49152 && b.client_port >= 49152);
        assert!(
            a.accept.contains(&a.client_port.to_string()),
            "{}",
            a.accept
        );
        assert!(distinct(&pair));
        assert_eq!(
            difference_sentence(&pair, Lang::En),
            t(Lang::En, "scene.addresses.tuple.diff_port")
        );
        // Same IP and port typed for both: the same 4-tuple, which the demo flags.
        let same = build_pair(&params(&[("a.port", "50000"), ("b.port", "50000")])).unwrap();
        assert!(!distinct(&same));
        let other = build_pair(&params(&[("b.ip", "192.168.1.11"), ("b.port", "50000")])).unwrap();
        assert_eq!(other.conns[1].client_ip, "192.168.1.11");
        assert_eq!(other.conns[1].client_port, 50000);
        // A bad value is reported beside its field; the default runs.
        let bad = build_pair(&params(&[("a.ip", "127.0.0.1"), ("b.port", "70000")])).unwrap();
        assert!(pair_error(&bad, "a.ip", Lang::En).is_some());
        assert!(pair_error(&bad, "b.port", Lang::En).is_some_and(|m| m.contains("70000")));
        assert_eq!(bad.conns[0].client_ip, "192.168.1.10");
        let last = LastRun::default();
        assert!(check_client(&BTreeMap::new(), "b.ip", "192.168.1.20", &last).is_err());
        assert!(check_client(&BTreeMap::new(), "b.ip", "192.168.1.30", &last).is_ok());
        // The rebuild with the accepted value takes the checked run.
        let again = build_pair_with(&params(&[("b.ip", "192.168.1.30")]), &last).unwrap();
        assert_eq!(last.hits(), 1);
        assert!(again.errors.is_empty());
    }
}
