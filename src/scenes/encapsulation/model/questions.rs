//! Predict mode's questions for the encapsulation scene, read from the client's data
//! frame: which layer adds the header with the ports and the one with the MACs, the TTL
//! the client writes, the destination MAC the server's card reads, the port the
//! transport layer delivers to, and how many bytes `recv` returns.

use super::{blocks, call_line, Built, Level};
use crate::scenes::predict::{Arg, Question, Words};

fn level_words(level: Level) -> Words {
    let key = match level {
        Level::Physical => "scene.encapsulation.level.phy",
        Level::Link => "scene.encapsulation.level.link",
        Level::Network => "scene.encapsulation.level.net",
        Level::Transport => "scene.encapsulation.level.transport",
        Level::Application => "scene.encapsulation.level.app",
    };
    Words::new(key, &[])
}

/// "Which layer adds the header …": the level of the first block whose id is in `ids`.
fn which_layer(
    built: &Built,
    kind: &'static str,
    at: usize,
    ids: &[&str],
    prompt: Words,
    why: &'static str,
) -> Option<Question> {
    let level = blocks(built, Level::Physical)
        .into_iter()
        .find(|b| ids.contains(&b.id.as_str()))?
        .level;
    // The layers next to the answer first: the likeliest mix-ups.
    let mut others: Vec<Level> = Level::TOP_DOWN
        .into_iter()
        .filter(|l| *l != level)
        .collect();
    others.sort_by_key(|l| (*l as i32 - level as i32).abs());
    Question::new(
        kind,
        at,
        prompt,
        level_words(level),
        others.into_iter().map(level_words).collect(),
        Words::new(why, &[]),
    )
}

/// The number inside `recv(…)` on the server's receiving line (1024 if none).
fn bufsize(built: &Built) -> usize {
    call_line(&built.trace, "server", &["recv", "recvfrom"])
        .and_then(|l| {
            let rest = l.split("recv").nth(1)?.to_owned();
            let digits: String = rest
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .unwrap_or(1024)
}

/// Every question the encapsulation scene asks, in step order.
#[must_use]
pub fn questions(built: &Built) -> Vec<Question> {
    let Some(s) = built
        .data_frame()
        .annotated
        .as_ref()
        .map(|a| a.summary.clone())
    else {
        return Vec::new();
    };
    let port = |p: Option<u16>| p.map(|p| p.to_string()).unwrap_or_default();
    let (sport, dport) = (port(s.src_port), port(s.dst_port));
    let mut out = Vec::new();
    // Step 0 → 1: the transport layer wraps the data.
    out.extend(which_layer(
        built,
        "enc.layer_ports",
        0,
        &["tcp", "udp"],
        Words::new("predict.enc.layer_ports", &[&sport, &dport]),
        "predict.enc.why.ports",
    ));
    // Step 1 → 2: the network layer writes the IP header and its TTL.
    if let Some(ttl) = s.ttl {
        let lit = |v: u32| Words::lit(v.to_string());
        let ttl = u32::from(ttl);
        out.extend(Question::new(
            "enc.ttl",
            1,
            Words::new("predict.enc.ttl", &[]),
            lit(ttl),
            vec![lit(ttl.saturating_sub(1)), lit(128), lit(255), lit(1)],
            Words::new("predict.enc.why.ttl", &[&ttl.to_string()]),
        ));
    }
    // Step 2 → 3: the data link layer adds the Ethernet header.
    out.extend(which_layer(
        built,
        "enc.layer_macs",
        2,
        &["eth"],
        Words::new("predict.enc.layer_macs", &[&s.src_mac, &s.dst_mac]),
        "predict.enc.why.macs",
    ));
    // Step 5 → 6: the server's card reads the destination MAC.
    out.extend(Question::new(
        "enc.dst_mac",
        5,
        Words::new("predict.enc.dst_mac", &[]),
        Words::lit(s.dst_mac.clone()),
        vec![
            Words::lit(s.src_mac.clone()),
            Words::lit("ff:ff:ff:ff:ff:ff"),
            Words::lit("00:00:00:00:00:00"),
        ],
        Words::new("predict.enc.why.dst_mac", &[&s.dst_mac]),
    ));
    // Step 7 → 8: the transport layer finds the socket by destination port.
    out.extend(Question::new(
        "enc.port",
        7,
        Words::new("predict.enc.port", &[]),
        Words::lit(dport.clone()),
        vec![
            Words::lit(sport),
            Words::lit("80"),
            Words::lit("8080"),
            Words::lit("443"),
        ],
        Words::new("predict.enc.why.port", &[&dport]),
    ));
    // Step 8 → 9: the application's recv returns the payload.
    let n = s.payload_len;
    let size = bufsize(built);
    let bytes = |v: usize| Words::new("predict.tcp.bytes", &[&v.to_string()]);
    out.extend(Question::new(
        "enc.recv",
        8,
        Words::with(
            "predict.enc.recv",
            vec![Arg::Lit(
                call_line(&built.trace, "server", &["recv", "recvfrom"]).unwrap_or_default(),
            )],
        ),
        bytes(n),
        vec![
            bytes(size),
            bytes(built.data_frame().bytes.len()),
            bytes(n + 1),
            bytes(0),
        ],
        Words::new("predict.enc.why.recv", &[&n.to_string(), &size.to_string()]),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::scenes::encapsulation::model::{build, recv_result};
    use crate::scenes::params::url_params as params;
    use crate::scenes::predict::answer_of as answer;

    #[test]
    fn six_questions_whose_answers_are_in_the_frame_bytes() {
        for proto in ["tcp", "udp"] {
            let b = build(&params(&[("proto", proto)])).unwrap();
            let qs = questions(&b);
            assert_eq!(qs.len(), 6, "{proto}");
            let f = b.data_frame();
            // Read the bytes directly: Ethernet dst at 0..6, IPv4 TTL at 14 + 8, ports after
            // the 20-byte IP header (no options here).
            let mac = f.bytes[0..6]
                .iter()
                .map(|x| format!("{x:02x}"))
                .collect::<Vec<_>>()
                .join(":");
            assert_eq!(answer(&qs, "enc.dst_mac"), mac);
            assert_eq!(answer(&qs, "enc.ttl"), f.bytes[22].to_string());
            let dport = u16::from_be_bytes([f.bytes[36], f.bytes[37]]);
            assert_eq!(answer(&qs, "enc.port"), dport.to_string());
            assert_eq!(answer(&qs, "enc.layer_ports"), "Transport layer");
            assert_eq!(answer(&qs, "enc.layer_macs"), "Data link layer");
            // What recv returned, counted from its Python text.
            let got = recv_result(&b.trace).unwrap();
            let quoted = got.split('\'').nth(1).unwrap();
            assert_eq!(answer(&qs, "enc.recv"), format!("{} bytes", quoted.len()));
            for q in &qs {
                for lang in Lang::ALL {
                    for d in &q.distractors {
                        assert_ne!(d.render(lang), q.answer.render(lang), "{}", q.kind);
                    }
                }
            }
        }
    }

    #[test]
    fn the_students_values_change_the_answers() {
        let b = build(&params(&[
            ("server.port", "443"),
            ("server.mac", "02:aa:bb:cc:dd:ee"),
            ("client.payload", "a longer message"),
        ]))
        .unwrap();
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let qs = questions(&b);
        assert_eq!(answer(&qs, "enc.port"), "443");
        assert_eq!(answer(&qs, "enc.dst_mac"), "02:aa:bb:cc:dd:ee");
        assert_eq!(answer(&qs, "enc.recv"), "16 bytes");
        // 443 is the answer now, so it is not also a distractor.
        let port = qs.iter().find(|q| q.kind == "enc.port").unwrap();
        assert!(port.distractors.iter().all(|d| d.render(Lang::En) != "443"));
    }
}
