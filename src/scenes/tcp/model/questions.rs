//! Predict mode's questions for the TCP scene, each read from the trace: the state a host
//! enters, the SYN-ACK's and the data's ack numbers, what `recv(1024)` returns, and who
//! passes through TIME_WAIT. A question whose moment is not in the trace (no data in a
//! refused connection, no FIN over UDP) is not asked.

use crate::scenes::predict::{Arg, Question, Words};
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, TcpState, Trace};

fn host_key(host: &str) -> Arg {
    Arg::Key(
        match host {
            "client" => "predict.host.client",
            _ => "predict.host.server",
        }
        .to_owned(),
    )
}

fn role(f: &Frame) -> &'static str {
    f.role.map_or("", |r| r.as_str())
}

fn event_of(trace: &Trace, frame: usize) -> Option<usize> {
    trace.event_of_frame(frame)
}

/// The number of bytes in the first Python bytes literal (`b'…'`) of `result`.
#[must_use]
pub fn bytes_len(result: &str) -> Option<usize> {
    let start = result.find("b'").or_else(|| result.find("b\""))?;
    let quote = result[start + 1..].chars().next()?;
    let mut chars = result[start + 2..].chars();
    let mut n = 0;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if chars.next()? == 'x' {
                    chars.next()?;
                    chars.next()?;
                }
                n += 1;
            }
            c if c == quote => return Some(n),
            _ => n += 1,
        }
    }
    None
}

/// Which state `host` enters at the first change into `to` (from `from`, if given).
fn state_question(trace: &Trace, to: TcpState, from: Option<TcpState>) -> Option<Question> {
    let (at, host, old) = trace
        .events
        .iter()
        .enumerate()
        .find_map(|(i, e)| match &e.kind {
            EventKind::StateChange {
                host,
                from: f,
                to: t,
            } if *t == to && from.is_none_or(|x| x == *f) => Some((i, host.clone(), *f)),
            _ => None,
        })?;
    let all = TcpState::ALL;
    let pos = all.iter().position(|s| *s == to)?;
    let near = [pos + 1, pos.wrapping_sub(1), pos + 2, pos.wrapping_sub(2)];
    let candidates = std::iter::once(old)
        .chain(near.iter().filter_map(|&i| all.get(i).copied()))
        .filter(|s| *s != TcpState::Closed || to == TcpState::Closed)
        .map(|s| Words::lit(s.name()))
        .collect();
    Question::new(
        "tcp.state",
        at,
        Words::with("predict.tcp.state", vec![host_key(&host)]),
        Words::lit(to.name()),
        candidates,
        Words::with(
            "predict.tcp.why.state",
            vec![
                host_key(&host),
                Arg::Lit(old.name().to_owned()),
                Arg::Lit(to.name().to_owned()),
                Arg::Key(format!("state.{}", to.name())),
            ],
        ),
    )
}

/// The ack number of the first SYN-ACK.
fn synack_ack(trace: &Trace) -> Option<Question> {
    let sa = trace.frames.iter().find(|f| role(f) == "syn_ack")?;
    let s = &sa.annotated.as_ref()?.summary;
    let ack = s.ack?;
    let syn = trace
        .frames
        .iter()
        .find(|f| role(f) == "syn" && f.from == sa.to)?;
    let ss = &syn.annotated.as_ref()?.summary;
    let seq = ss.seq?;
    let lit = |n: u32| Words::lit(n.to_string());
    Question::new(
        "tcp.synack_ack",
        event_of(trace, sa.index)?,
        Words::with(
            "predict.tcp.synack_ack",
            vec![
                host_key(&syn.from),
                Arg::Lit(seq.to_string()),
                host_key(&sa.from),
            ],
        ),
        lit(ack),
        vec![
            lit(seq),
            lit(ack.wrapping_add(1)),
            lit(ss.seq_raw.unwrap_or(seq.wrapping_add(1460))),
        ],
        Words::new(
            "predict.tcp.why.synack",
            &[&seq.to_string(), &ack.to_string()],
        ),
    )
}

/// The ack number that first acknowledges the first data segment.
fn data_ack(trace: &Trace) -> Option<Question> {
    let data = trace.frames.iter().find(|f| {
        role(f) == "data"
            && f.annotated
                .as_ref()
                .is_some_and(|a| a.summary.payload_len > 0)
    })?;
    let d = &data.annotated.as_ref()?.summary;
    let (seq, n, next) = (d.seq?, d.payload_len, d.next_seq?);
    let back = trace.frames.iter().skip(data.index + 1).find(|f| {
        f.from == data.to && f.annotated.as_ref().and_then(|a| a.summary.ack) == Some(next)
    })?;
    let lit = |v: u32| Words::lit(v.to_string());
    let n32 = u32::try_from(n).ok()?;
    Question::new(
        "tcp.data_ack",
        event_of(trace, back.index)?,
        Words::with(
            "predict.tcp.data_ack",
            vec![
                host_key(&data.from),
                host_key(&data.to),
                Arg::Lit(n.to_string()),
                Arg::Lit(seq.to_string()),
            ],
        ),
        lit(next),
        vec![
            lit(n32),
            lit(next.wrapping_add(1)),
            lit(seq),
            lit(next.wrapping_sub(1)),
        ],
        Words::new(
            "predict.tcp.why.data_ack",
            &[&seq.to_string(), &n.to_string(), &next.to_string()],
        ),
    )
}

/// How many bytes the first `recv` that returns data gives.
fn recv_bytes(trace: &Trace) -> Option<Question> {
    let (at, host, line, n) = trace
        .events
        .iter()
        .enumerate()
        .find_map(|(i, e)| match &e.kind {
            EventKind::SocketCall {
                host,
                call,
                line,
                phase: CallPhase::Returned,
                result,
                ..
            } if call == "recv" || call == "recvfrom" => bytes_len(result)
                .filter(|&n| n > 0)
                .map(|n| (i, host.clone(), *line, n)),
            _ => None,
        })?;
    let code = trace
        .hosts
        .iter()
        .find(|h| h.name == host)
        .and_then(|h| h.code.get(line.checked_sub(1)?))
        .map(|l| l.trim().to_owned())?;
    // The buffer size the program asked for: the number inside recv(…).
    let bufsize: usize = code
        .split("recv")
        .nth(1)
        .map(|rest| {
            rest.chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|s| s.parse().ok())
        .unwrap_or(1024);
    let bytes = |v: usize| Words::new("predict.tcp.bytes", &[&v.to_string()]);
    Question::new(
        "tcp.recv",
        at,
        Words::with("predict.tcp.recv", vec![host_key(&host), Arg::Lit(code)]),
        bytes(n),
        vec![
            bytes(bufsize),
            bytes(n + 1),
            bytes(n.saturating_sub(1)),
            bytes(0),
        ],
        Words::new(
            "predict.tcp.why.recv",
            &[&bufsize.to_string(), &n.to_string()],
        ),
    )
}

/// Who passes through TIME_WAIT, asked when the first program calls `close()` on a
/// connection that ends with FINs.
fn time_wait(trace: &Trace) -> Option<Question> {
    trace.frames.iter().find(|f| role(f) == "fin")?;
    let at = trace.events.iter().position(|e| {
        matches!(&e.kind, EventKind::SocketCall { call, phase: CallPhase::Blocked, .. } if call == "close")
    })?;
    let waits = |h: &str| {
        trace.events.iter().any(|e| {
            matches!(&e.kind, EventKind::StateChange { host, to: TcpState::TimeWait, .. } if host == h)
        })
    };
    let key = match (waits("client"), waits("server")) {
        (true, true) => "predict.tcp.tw.both",
        (true, false) => "predict.tcp.tw.client",
        (false, true) => "predict.tcp.tw.server",
        (false, false) => "predict.tcp.tw.none",
    };
    let all = [
        "predict.tcp.tw.client",
        "predict.tcp.tw.server",
        "predict.tcp.tw.both",
        "predict.tcp.tw.none",
    ];
    Question::new(
        "tcp.time_wait",
        at,
        Words::new("predict.tcp.time_wait", &[]),
        Words::new(key, &[]),
        all.iter().map(|k| Words::new(k, &[])).collect(),
        Words::new("predict.tcp.why.time_wait", &[]),
    )
}

/// Every question the TCP scene asks of `trace`, in step order (one per step).
#[must_use]
pub fn questions(trace: &Trace) -> Vec<Question> {
    let mut out: Vec<Question> = [
        state_question(trace, TcpState::SynReceived, None),
        synack_ack(trace),
        state_question(trace, TcpState::Established, Some(TcpState::SynSent)),
        recv_bytes(trace),
        data_ack(trace),
        time_wait(trace),
        state_question(trace, TcpState::CloseWait, None),
        state_question(trace, TcpState::Closing, None),
    ]
    .into_iter()
    .flatten()
    .collect();
    out.sort_by_key(|q| q.at);
    out.dedup_by_key(|q| q.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::scenes::params::url_params as params;
    use crate::scenes::tcp::model::{build, VARIANTS};
    use std::collections::BTreeMap;

    fn summary(f: &Frame) -> &wirewalk_engine::wire::FrameSummary {
        &f.annotated.as_ref().unwrap().summary
    }

    fn answer(q: &Question) -> String {
        q.answer.render(Lang::En)
    }

    fn of(qs: &[Question], kind: &str) -> Option<Question> {
        qs.iter().find(|q| q.kind == kind).cloned()
    }

    #[test]
    fn bytes_literals_are_counted_as_python_would() {
        assert_eq!(bytes_len("b'hello'"), Some(5));
        assert_eq!(bytes_len("b''"), Some(0));
        assert_eq!(bytes_len(r"b'a\xffb\n\\'"), Some(5));
        assert_eq!(bytes_len(r#"(b"it's", ('10.0.0.1', 5000))"#), Some(4));
        assert_eq!(bytes_len("None"), None);
        assert_eq!(bytes_len("b'unterminated"), None);
    }

    #[test]
    fn the_normal_exchange_asks_at_least_six_questions_each_at_its_own_step() {
        let b = build(&BTreeMap::new()).unwrap();
        let qs = questions(&b.trace);
        assert!(qs.len() >= 6, "{qs:?}");
        for k in [
            "tcp.synack_ack",
            "tcp.data_ack",
            "tcp.recv",
            "tcp.time_wait",
            "tcp.state",
        ] {
            assert!(of(&qs, k).is_some(), "{k}");
        }
        for w in qs.windows(2) {
            assert!(w[0].at < w[1].at);
        }
    }

    /// Every answer, recomputed another way from the trace (raw sequence numbers, the
    /// frames' payloads, the states each host passes through).
    fn check_answers(b: &crate::scenes::tcp::model::Built) {
        let tr = &b.trace;
        for q in questions(tr) {
            assert!(q.at < tr.events.len());
            for lang in Lang::ALL {
                for d in &q.distractors {
                    assert_ne!(d.render(lang), q.answer.render(lang), "{}", q.kind);
                }
                assert!(!q.prompt.render(lang).contains("predict."), "{}", q.kind);
            }
            let next = &tr.events[q.at].kind;
            match q.kind {
                "tcp.state" => match next {
                    EventKind::StateChange { to, .. } => assert_eq!(answer(&q), to.name()),
                    other => panic!("state question before {other:?}"),
                },
                "tcp.synack_ack" => {
                    let EventKind::Frame { frame } = next else {
                        panic!()
                    };
                    let sa = &tr.frames[*frame];
                    let syn = tr
                        .frames
                        .iter()
                        .find(|f| f.role.map(|r| r.as_str()) == Some("syn"))
                        .unwrap();
                    // Relative ack = raw ack − the SYN's raw sequence number (its ISN).
                    let rel = summary(sa)
                        .ack_raw
                        .unwrap()
                        .wrapping_sub(summary(syn).seq_raw.unwrap());
                    assert_eq!(answer(&q), rel.to_string());
                    assert_eq!(rel, 1);
                }
                "tcp.data_ack" => {
                    let EventKind::Frame { frame } = next else {
                        panic!()
                    };
                    let back = &tr.frames[*frame];
                    let data = tr
                        .frames
                        .iter()
                        .find(|f| f.role.map(|r| r.as_str()) == Some("data"))
                        .unwrap();
                    let syn = tr
                        .frames
                        .iter()
                        .find(|f| f.role.map(|r| r.as_str()) == Some("syn") && f.from == data.from)
                        .unwrap();
                    let len = u32::try_from(b.scenario.params.client_payload.len()).unwrap();
                    let raw = summary(data).seq_raw.unwrap().wrapping_add(len);
                    assert_eq!(summary(back).ack_raw, Some(raw));
                    assert_eq!(
                        answer(&q),
                        raw.wrapping_sub(summary(syn).seq_raw.unwrap()).to_string()
                    );
                }
                "tcp.recv" => {
                    let n = b.scenario.params.client_payload.len();
                    // English counts: "1 byte", "5 bytes".
                    let unit = if n == 1 { "byte" } else { "bytes" };
                    assert_eq!(answer(&q), format!("{n} {unit}"));
                }
                "tcp.time_wait" => {
                    let seq = |h: &str| tr.state_sequence(h).contains(&TcpState::TimeWait);
                    let expect = match (seq("client"), seq("server")) {
                        (true, true) => "Both",
                        (true, false) => "Only the client",
                        (false, true) => "Only the server",
                        (false, false) => "Neither",
                    };
                    assert_eq!(answer(&q), expect);
                }
                other => panic!("unknown kind {other}"),
            }
        }
    }

    #[test]
    fn answers_come_from_the_trace_in_every_variant() {
        for v in VARIANTS {
            check_answers(&build(&params(&[("variant", v)])).unwrap());
        }
        for payload in ["x", "hello world", "0123456789abcdef"] {
            check_answers(&build(&params(&[("client.payload", payload)])).unwrap());
        }
    }

    #[test]
    fn variants_and_parameters_change_the_answers() {
        let tw = |v: &str| {
            answer(
                &of(
                    &questions(&build(&params(&[("variant", v)])).unwrap().trace),
                    "tcp.time_wait",
                )
                .unwrap(),
            )
        };
        assert_eq!(tw("tcp"), "Only the client");
        assert_eq!(tw("tcp_simultaneous_close"), "Both");
        let long = build(&params(&[("client.payload", "hello world")])).unwrap();
        let qs = questions(&long.trace);
        assert_eq!(answer(&of(&qs, "tcp.data_ack").unwrap()), "12");
        assert_eq!(answer(&of(&qs, "tcp.recv").unwrap()), "11 bytes");
        let short = questions(&build(&BTreeMap::new()).unwrap().trace);
        assert_eq!(answer(&of(&short, "tcp.data_ack").unwrap()), "6");
        // A simultaneous close passes through CLOSING, not CLOSE_WAIT.
        let states = |v: &str| -> Vec<String> {
            questions(&build(&params(&[("variant", v)])).unwrap().trace)
                .iter()
                .filter(|q| q.kind == "tcp.state")
                .map(answer)
                .collect()
        };
        assert!(states("tcp").contains(&"CLOSE_WAIT".to_owned()));
        let both = states("tcp_simultaneous_close");
        assert!(
            both.contains(&"CLOSING".to_owned()) && !both.contains(&"CLOSE_WAIT".to_owned()),
            "{both:?}"
        );
        // A refused connection has no data and no close handshake to ask about.
        let refused = questions(&build(&params(&[("variant", "refused")])).unwrap().trace);
        assert!(of(&refused, "tcp.data_ack").is_none() && of(&refused, "tcp.time_wait").is_none());
    }

    /// The hosts named in running text: "the client", "the server" in English (a capital
    /// only where a sentence starts), 客户端 and 服务端 (the program's word) in Chinese.
    #[test]
    fn hosts_are_named_as_running_text_in_every_question() {
        let mut bad = Vec::new();
        let mut seen = 0;
        for v in VARIANTS {
            for q in questions(&build(&params(&[("variant", v)])).unwrap().trace) {
                for w in [&q.prompt, &q.why] {
                    let en = w.render(Lang::En);
                    let zh = w.render(Lang::Zh);
                    // A sentence opens with a capital, or with code as written ("recv(1024)").
                    let code = en.split(' ').next().is_some_and(|w| w.contains('('));
                    if !code && en.chars().next().is_none_or(char::is_lowercase) {
                        bad.push(format!("{v} {}: starts in lower case: {en}", q.kind));
                    }
                    for word in ["Client", "Server"] {
                        for (i, _) in en.match_indices(word) {
                            let before = en[..i].trim_end();
                            let starts = before.is_empty()
                                || before.ends_with(['.', '?', '!'])
                                || before.ends_with("\u{a0}");
                            if !starts {
                                bad.push(format!("{v} {}: {word} mid-sentence: {en}", q.kind));
                            }
                        }
                    }
                    let named = en.to_lowercase().contains("client")
                        || en.to_lowercase().contains("server");
                    if named {
                        seen += 1;
                        if !(zh.contains("客户端") || zh.contains("服务端"))
                            || zh.contains("服务器")
                        {
                            bad.push(format!(
                                "{v} {}: zh names no host as 客户端/服务端: {zh}",
                                q.kind
                            ));
                        }
                    }
                }
            }
        }
        assert!(seen > 10, "only {seen} texts name a host");
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
