//! The architecture scene's pure logic: the same request made by a native (C/S) client
//! and by a browser (B/S), both run through the engine; bytes and times read from their
//! frames; the update and traffic costs from the student's numbers times the engine's.

use crate::i18n::{tf, Lang};
use std::collections::BTreeMap;
use wirewalk_engine::scenario::{self, Scenario, ScenarioError};
use wirewalk_engine::trace::Trace;

/// The native client's server port: the course's advice, "use a port above 8000, e.g. 8001".
pub const CS_PORT: u16 = 8001;
/// What the native client asks: its own compact protocol (the window is already installed).
pub const CS_REQUEST: &str = "FRIENDS?";
/// What its server answers: only the data.
pub const CS_RESPONSE: &str = "FRIENDS 3 alice bob carol";
/// The browser's server port (HTTP).
pub const BS_PORT: u16 = 80;
/// The course's example site.
pub const BS_HOST: &str = "www.oldboyedu.com";

/// The browser's request: HTTP/1.1 asking for the friends page.
#[must_use]
pub fn bs_request() -> String {
    format!(
        "GET /friends HTTP/1.1\r\nHost: {BS_HOST}\r\nUser-Agent: Mozilla/5.0\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
    )
}

/// The page the server answers with: the same three names, wrapped in the whole user
/// interface (HTML, CSS, JavaScript) that a browser must fetch on every visit.
#[must_use]
pub fn bs_response() -> String {
    let body = concat!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Friends</title>",
        "<style>body{font:16px sans-serif;margin:0}header{background:#1d4ed8;color:#fff;padding:12px}",
        "ul{list-style:none;margin:0;padding:0}li{padding:8px 12px;border-bottom:1px solid #ddd}",
        "li:hover{background:#eef}button{float:right}</style></head><body>",
        "<header><h1>Friends</h1><nav><a href=\"/\">Home</a> <a href=\"/chat\">Chat</a> <a href=\"/me\">Me</a></nav></header>",
        "<ul id=\"list\"><li>alice <button>Chat</button></li><li>bob <button>Chat</button></li>",
        "<li>carol <button>Chat</button></li></ul>",
        "<script>document.querySelectorAll('button').forEach(function(b){b.onclick=function(){",
        "location.href='/chat?to='+b.parentNode.firstChild.textContent.trim()}})</script>",
        "</body></html>"
    );
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Network conditions offered (engine `loss` values on the client's link).
pub const NETS: [&str; 3] = ["none", "data", "data*2"];

/// The i18n key naming a network condition.
#[must_use]
pub fn net_key(net: &str) -> &'static str {
    match net {
        "data" => "scene.architecture.net.lossy",
        "data*2" => "scene.architecture.net.bad",
        _ => "scene.architecture.net.good",
    }
}

/// Which side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Client/Server: a native program.
    Cs,
    /// Browser/Server.
    Bs,
}

impl Side {
    /// Both sides, C/S first.
    pub const ALL: [Side; 2] = [Side::Cs, Side::Bs];

    /// `cs` / `bs`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Side::Cs => "cs",
            Side::Bs => "bs",
        }
    }
}

/// The engine scenario for one side under a network condition: the `tcp` scenario with
/// that side's port and payloads.
///
/// # Errors
/// The engine's error (should not happen: the values are fixed and valid).
pub fn scenario_for(side: Side, net: &str) -> Result<Scenario, ScenarioError> {
    let mut s = Scenario::named("tcp")?;
    let (port, req, resp) = match side {
        Side::Cs => (CS_PORT, CS_REQUEST.to_owned(), CS_RESPONSE.to_owned()),
        Side::Bs => (BS_PORT, bs_request(), bs_response()),
    };
    s.set("server.port", &port.to_string())?;
    s.set("client.payload", &req)?;
    s.set("server.payload", &resp)?;
    s.set("loss", net)?;
    s.validate()?;
    Ok(s)
}

/// What one side's run shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The trace.
    pub trace: Trace,
    /// Bytes of every frame put on the wire (dropped ones too: they used the network).
    pub wire_bytes: usize,
    /// Application bytes: request + response payloads (first transmission).
    pub app_bytes: usize,
    /// Virtual time at which the answer reaches the client, µs from the start.
    pub answer_us: u64,
    /// Virtual time the client's request first went out, µs.
    pub request_us: u64,
}

/// Runs `side` under `net` and reads its figures from the frames.
///
/// # Errors
/// The engine's error.
pub fn run_side(side: Side, net: &str) -> Result<Run, ScenarioError> {
    let trace = scenario::run(&scenario_for(side, net)?)?;
    let wire_bytes = trace.frames.iter().map(|f| f.bytes.len()).sum();
    let payload = |from: &str| {
        trace
            .frames
            .iter()
            .filter(|f| f.from == from)
            .find_map(|f| {
                let s = &f.annotated.as_ref()?.summary;
                (s.payload_len > 0).then_some((s.payload_len, f))
            })
    };
    let req = payload("client");
    let resp = trace.frames.iter().find(|f| {
        f.from == "server"
            && !f.dropped
            && f.annotated
                .as_ref()
                .is_some_and(|a| a.summary.payload_len > 0)
    });
    let app_bytes = req.map_or(0, |r| r.0) + payload("server").map_or(0, |r| r.0);
    let request_us = req.map_or(0, |r| r.1.time_us);
    let answer_us = resp.map_or(trace.end_us, |f| f.arrive_us);
    Ok(Run {
        trace,
        wire_bytes,
        app_bytes,
        answer_us,
        request_us,
    })
}

/// The student's numbers for the cost illustrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    /// Users with the client installed.
    pub users: u64,
    /// Size of the client installer, MB.
    pub size_mb: u64,
    /// Releases per year.
    pub releases: u64,
    /// Uses (C/S) or page views (B/S) per user per day.
    pub visits: u64,
}

/// A cost input: URL key, default, minimum, maximum.
pub const COST_INPUTS: [(&str, u64, u64, u64); 4] = [
    ("users", 10_000, 1, 2_000_000_000),
    ("size", 300, 1, 100_000),
    ("releases", 12, 1, 365),
    ("visits", 20, 1, 10_000),
];

/// Why a cost input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    /// Not a whole number (as typed).
    NotNumber(String),
    /// Outside min–max (as typed, min, max).
    Range(String, u64, u64),
}

impl NumError {
    /// The translated message.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumError::NotNumber(v) => tf(lang, "scene.architecture.err.not_number", &[v]),
            NumError::Range(v, lo, hi) => tf(
                lang,
                "scene.architecture.err.range",
                &[v, &lo.to_string(), &hi.to_string()],
            ),
        }
    }
}

/// Parses a cost input.
///
/// # Errors
/// [`NumError`] when not a whole number in `min..=max`.
pub fn parse_count(value: &str, min: u64, max: u64) -> Result<u64, NumError> {
    let v = value.trim();
    if v.is_empty() || !v.bytes().all(|c| c.is_ascii_digit()) {
        return Err(NumError::NotNumber(v.to_owned()));
    }
    match v.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(NumError::Range(v.to_owned(), min, max)),
    }
}

/// The costs from the URL, with each refused value's error (its default used instead).
#[must_use]
pub fn costs(params: &BTreeMap<String, String>) -> (Costs, Vec<(&'static str, NumError)>) {
    let mut errors = Vec::new();
    let mut get = |key: &'static str| {
        let &(_, default, min, max) = COST_INPUTS
            .iter()
            .find(|c| c.0 == key)
            .unwrap_or(&COST_INPUTS[0]);
        match params.get(key).map(|v| parse_count(v, min, max)) {
            Some(Ok(n)) => n,
            Some(Err(e)) => {
                errors.push((key, e));
                default
            }
            None => default,
        }
    };
    let c = Costs {
        users: get("users"),
        size_mb: get("size"),
        releases: get("releases"),
        visits: get("visits"),
    };
    (c, errors)
}

/// Bytes downloaded by all users for one year of C/S updates.
#[must_use]
pub fn update_bytes(c: &Costs) -> u128 {
    u128::from(c.users) * u128::from(c.size_mb) * 1_000_000 * u128::from(c.releases)
}

/// Bytes on the wire per day for all users, given the bytes one use costs.
#[must_use]
pub fn daily_bytes(c: &Costs, per_use: usize) -> u128 {
    u128::from(c.users) * u128::from(c.visits) * per_use as u128
}

/// Bytes in the largest fitting decimal unit: `1.5 GB`, `830 B`.
#[must_use]
pub fn human_bytes(b: u128) -> String {
    const UNITS: [&str; 7] = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
    let mut v = b as f64;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < UNITS.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{b} B")
    } else if v >= 100.0 {
        format!("{v:.0} {}", UNITS[i])
    } else {
        format!("{v:.1} {}", UNITS[i])
    }
}

/// Milliseconds with one decimal, from µs.
#[must_use]
pub fn ms(us: u64) -> String {
    format!("{:.1}", us as f64 / 1000.0)
}

/// A payload shown as text, with each CR LF made visible as `\r\n` (and a line break).
#[must_use]
pub fn visible_crlf(s: &str) -> String {
    s.replace("\r\n", "\\r\\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn both_requests_run_and_carry_their_payloads() {
        for net in NETS {
            let cs = run_side(Side::Cs, net).unwrap();
            let bs = run_side(Side::Bs, net).unwrap();
            assert_eq!(cs.trace.scenario.params.server_port, CS_PORT);
            assert_eq!(bs.trace.scenario.params.server_port, BS_PORT);
            assert_eq!(cs.app_bytes, CS_REQUEST.len() + CS_RESPONSE.len());
            assert_eq!(bs.app_bytes, bs_request().len() + bs_response().len());
            assert!(bs.wire_bytes > cs.wire_bytes, "{net}");
            assert!(cs.answer_us > cs.request_us);
        }
        let resp = bs_response();
        let body = resp.split("\r\n\r\n").nth(1).unwrap();
        assert!(resp.contains(&format!("Content-Length: {}\r\n", body.len())));
        assert!(resp.len() <= scenario::MAX_PAYLOAD);
        assert!(bs_request().starts_with("GET /friends HTTP/1.1\r\nHost: www.oldboyedu.com\r\n"));
    }

    #[test]
    fn a_lost_segment_delays_the_answer_by_the_retransmission_timeout() {
        let good = run_side(Side::Bs, "none").unwrap();
        let lossy = run_side(Side::Bs, "data").unwrap();
        let bad = run_side(Side::Bs, "data*2").unwrap();
        assert!(lossy.answer_us > good.answer_us + 100_000);
        assert!(bad.answer_us > lossy.answer_us);
        assert!(lossy.trace.frames.iter().any(|f| f.dropped));
        assert!(lossy
            .trace
            .frames
            .iter()
            .any(|f| f.role.as_deref() == Some("retransmission")));
    }

    #[test]
    fn costs_come_from_the_url_and_bad_values_are_reported() {
        let (c, e) = costs(&BTreeMap::new());
        assert!(e.is_empty());
        assert_eq!(c.users, 10_000);
        let (c, e) = costs(&params(&[("users", "5"), ("size", "0"), ("visits", "x")]));
        assert_eq!(c.users, 5);
        assert_eq!(c.size_mb, 300);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].1, NumError::Range("0".into(), 1, 100_000));
        assert_eq!(e[1].1, NumError::NotNumber("x".into()));
        assert_eq!(
            parse_count("99999999999999999999999", 1, 10),
            Err(NumError::Range("99999999999999999999999".into(), 1, 10))
        );
        for lang in Lang::ALL {
            for err in [
                NumError::NotNumber("x".into()),
                NumError::Range("0".into(), 1, 9),
            ] {
                let m = err.message(lang);
                assert!(!m.starts_with("scene.") && !m.contains("{0}"), "{m}");
            }
        }
        let c = Costs {
            users: 1000,
            size_mb: 200,
            releases: 4,
            visits: 10,
        };
        assert_eq!(update_bytes(&c), 800_000_000_000);
        assert_eq!(human_bytes(update_bytes(&c)), "800 GB");
        assert_eq!(daily_bytes(&c, 1500), 15_000_000);
        assert_eq!(human_bytes(830), "830 B");
        assert_eq!(human_bytes(1_500), "1.5 KB");
        assert_eq!(ms(1_234), "1.2");
        assert_eq!(visible_crlf("a\r\nb"), "a\\r\\n\nb");
    }
}
