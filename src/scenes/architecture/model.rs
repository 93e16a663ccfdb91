//! The architecture scene's pure logic: the same request made by a native (C/S) client
//! and by a browser (B/S), both run through the engine (at build time: `model/runs.rs`); bytes and times read from their
//! frames; the update and traffic costs from the student's numbers times the engine's.

use crate::i18n::{tf, Lang};
use crate::widgets::num::{fixed, ratio};
use std::collections::BTreeMap;
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::Trace;

mod runs;
#[cfg(not(target_arch = "wasm32"))]
pub use runs::compute_runs_file;
pub use runs::{run_resources, run_side, scenarios, RunsError, RUNS_FILE};

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

/// The page the server answers with: the same three names in the interface's HTML, which
/// links the style sheet and the script the browser fetches next ([`BS_RESOURCES`]).
#[must_use]
pub fn bs_response() -> String {
    let body = concat!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Friends</title>",
        "<link rel=\"stylesheet\" href=\"/friends.css\"></head><body>",
        "<header><h1>Friends</h1><nav><a href=\"/\">Home</a> <a href=\"/chat\">Chat</a> <a href=\"/me\">Me</a></nav></header>",
        "<ul id=\"list\"><li>alice <button>Chat</button></li><li>bob <button>Chat</button></li>",
        "<li>carol <button>Chat</button></li></ul>",
        "<script src=\"/friends.js\"></script></body></html>"
    );
    http_ok("text/html; charset=utf-8", body)
}

/// The page's style sheet.
pub const BS_CSS: &str = concat!(
    "body{font:16px sans-serif;margin:0}header{background:#1d4ed8;color:#fff;padding:12px}",
    "ul{list-style:none;margin:0;padding:0}li{padding:8px 12px;border-bottom:1px solid #ddd}",
    "li:hover{background:#eef}button{float:right}"
);

/// The page's script.
pub const BS_JS: &str = concat!(
    "document.querySelectorAll('button').forEach(function(b){b.onclick=function(){",
    "location.href='/chat?to='+b.parentNode.firstChild.textContent.trim()}})"
);

/// The files the HTML links (path, content type, body). Once the HTML is in, the browser
/// fetches them at the same time, each over its own TCP connection.
pub const BS_RESOURCES: [(&str, &str, &str); 2] = [
    ("/friends.css", "text/css", BS_CSS),
    ("/friends.js", "text/javascript", BS_JS),
];

/// An HTTP/1.1 200 answer carrying `body`.
fn http_ok(content_type: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// The browser's request for one linked file.
#[must_use]
pub fn resource_request(path: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: {BS_HOST}\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    )
}

/// The server's answer for one linked file.
#[must_use]
pub fn resource_response(content_type: &str, body: &str) -> String {
    http_ok(content_type, body)
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
    match side {
        Side::Cs => exchange(CS_PORT, CS_REQUEST, CS_RESPONSE, net),
        Side::Bs => exchange(BS_PORT, &bs_request(), &bs_response(), net),
    }
}

/// The `tcp` scenario carrying one request and its answer on `port`, under `net`.
fn exchange(port: u16, req: &str, resp: &str, net: &str) -> Result<Scenario, ScenarioError> {
    let mut s = Scenario::named("tcp")?;
    s.set("server.port", &port.to_string())?;
    s.set("client.payload", req)?;
    s.set("server.payload", resp)?;
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
    /// Virtual time the client's first SYN went out (the connection's start), µs.
    pub open_us: u64,
}

/// Bytes a run put on the wire after ARP (a browser's later connections find the server's
/// MAC already in its ARP cache).
#[must_use]
pub fn bytes_after_arp(run: &Run) -> usize {
    run.trace
        .frames
        .iter()
        .filter(|f| !f.role.is_some_and(|r| r.is_arp()))
        .map(|f| f.bytes.len())
        .sum()
}

/// Frames a run put on the wire after ARP.
#[must_use]
pub fn frames_after_arp(run: &Run) -> usize {
    run.trace
        .frames
        .iter()
        .filter(|f| !f.role.is_some_and(|r| r.is_arp()))
        .count()
}

/// How long the user waits to see the answer under `net`, µs. C/S: from its request to the
/// answer. B/S: from the page's request to the HTML, plus the slowest of the linked files
/// (fetched at the same time once the HTML is in), each from its connection's SYN to its
/// answer. Every run is the engine's, over the same lossy link.
///
/// # Errors
/// A [`RunsError`] when the recorded runs cannot be read or `net` is unknown.
pub fn view_us(side: Side, net: &str) -> Result<u64, RunsError> {
    // Read in place: the runs are not cloned for a figure (the timing table asks for six).
    runs::with_runs(net, |runs| {
        let first = &runs[usize::from(side == Side::Bs)];
        let mut total = first.answer_us.saturating_sub(first.request_us);
        if side == Side::Bs {
            total += runs[2..]
                .iter()
                .map(|r| r.answer_us.saturating_sub(r.open_us))
                .max()
                .unwrap_or(0);
        }
        total
    })
}

fn read_run(trace: Trace) -> Run {
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
    let open_us = trace
        .frames
        .iter()
        .find(|f| f.from == "client" && f.role.map(|r| r.as_str()) == Some("syn"))
        .map_or(request_us, |f| f.time_us);
    Run {
        trace,
        wire_bytes,
        app_bytes,
        answer_us,
        request_us,
        open_us,
    }
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

/// Bytes in the largest fitting decimal unit: `1.5 GB`, `830 B`, the number and its unit
/// joined by a no-break space so a line never ends between them.
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
        format!("{b}\u{a0}B")
    } else if v >= 100.0 {
        format!("{}\u{a0}{}", fixed(v, 0), UNITS[i])
    } else {
        format!("{}\u{a0}{}", fixed(v, 1), UNITS[i])
    }
}

/// Milliseconds with one decimal, from µs.
#[must_use]
pub fn ms(us: u64) -> String {
    ratio(us, 3, 1)
}

/// A payload shown as text, with each CR LF made visible as `\r\n` (and a line break).
/// Takes raw text or text already escaped by `frame_text::payload_text` (`\r\n` written
/// out), so the HTTP lines break either way.
#[must_use]
pub fn visible_crlf(s: &str) -> String {
    s.replace("\r\n", "\\r\\n").replace("\\r\\n", "\\r\\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::params::url_params as params;

    #[test]
    fn both_requests_run_and_carry_their_payloads() {
        for net in NETS {
            let cs = run_side(Side::Cs, net).unwrap();
            let bs = run_side(Side::Bs, net).unwrap();
            let server_port = |t: &Trace| {
                t.frames
                    .iter()
                    .find_map(|f| f.annotated.as_ref()?.summary.dst_port)
            };
            assert_eq!(server_port(&cs.trace), Some(CS_PORT));
            assert_eq!(server_port(&bs.trace), Some(BS_PORT));
            assert_eq!(cs.app_bytes, CS_REQUEST.len() + CS_RESPONSE.len());
            assert_eq!(bs.app_bytes, bs_request().len() + bs_response().len());
            assert!(bs.wire_bytes > cs.wire_bytes, "{net}");
            assert!(cs.answer_us > cs.request_us);
        }
        let resp = bs_response();
        let body = resp.split("\r\n\r\n").nth(1).unwrap();
        assert!(resp.contains(&format!("Content-Length: {}\r\n", body.len())));
        assert!(resp.len() <= wirewalk_engine::scenario::MAX_PAYLOAD);
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
            .any(|f| f.role.map(|r| r.as_str()) == Some("retransmission")));
    }

    #[test]
    fn the_page_links_its_files_and_each_fetch_is_a_real_run() {
        let html = bs_response();
        for (path, _, body) in BS_RESOURCES {
            assert!(html.contains(path), "{path}");
            assert!(!html.contains(body), "{path} is not inlined");
        }
        let runs = run_resources("none").unwrap();
        assert_eq!(runs.len(), BS_RESOURCES.len());
        for (run, (path, ctype, body)) in runs.iter().zip(BS_RESOURCES) {
            assert_eq!(
                run.app_bytes,
                resource_request(path).len() + resource_response(ctype, body).len()
            );
            assert!(run.open_us < run.request_us && run.request_us < run.answer_us);
            assert!(bytes_after_arp(run) < run.wire_bytes);
            assert!(frames_after_arp(run) + 2 == run.trace.frames.len());
        }
    }

    #[test]
    fn on_a_lossy_link_the_page_view_meets_more_losses_than_the_native_client() {
        // Every connection over the link loses its first data segment: the browser's page
        // needs three connections, the native client one.
        let rto = |net| {
            let cs = view_us(Side::Cs, net).unwrap();
            let bs = view_us(Side::Bs, net).unwrap();
            (cs, bs)
        };
        let (cs0, bs0) = rto("none");
        let (cs1, bs1) = rto("data");
        let (cs2, bs2) = rto("data*2");
        assert!(
            bs0 > cs0,
            "the page costs a second round of fetches even without loss"
        );
        // Each side pays the retransmission timeout once per connection that lost a segment.
        let delay_cs = cs1 - cs0;
        let delay_bs = bs1 - bs0;
        assert!(delay_cs > 100_000);
        assert!(delay_bs > delay_cs + 100_000, "{delay_bs} vs {delay_cs}");
        assert!(bs2 - cs2 > bs1 - cs1);
        let losses = |side, net| {
            let mut runs = vec![run_side(side, net).unwrap()];
            if side == Side::Bs {
                runs.extend(run_resources(net).unwrap());
            }
            runs.iter()
                .flat_map(|r| r.trace.frames.iter())
                .filter(|f| f.dropped)
                .count()
        };
        assert_eq!(losses(Side::Cs, "data"), 1);
        assert_eq!(losses(Side::Bs, "data"), 3);
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
        assert_eq!(human_bytes(update_bytes(&c)), "800\u{a0}GB");
        assert_eq!(daily_bytes(&c, 1500), 15_000_000);
        assert_eq!(human_bytes(830), "830\u{a0}B");
        assert_eq!(human_bytes(1_500), "1.5\u{a0}KB");
        assert_eq!(ms(1_234), "1.2");
        assert_eq!(visible_crlf("a\r\nb"), "a\\r\\n\nb");
        assert_eq!(visible_crlf("a\\r\\nb"), "a\\r\\n\nb");
    }
}
