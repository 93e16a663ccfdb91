//! What the views say about one frame: its one-line label, its payload as text, and
//! for a retransmission the timeout that fired. Read by the ladder, the architecture
//! scene's exchange and the LAN scene's frame list, so a frame reads the same everywhere.

use crate::i18n::{t, tf, Lang};
use wirewalk_engine::trace::{Frame, Trace};
use wirewalk_engine::wire::AnnotatedFrame;

/// A one-line label for a frame, like Wireshark's Info column but with relative numbers.
#[must_use]
pub fn frame_label(frame: &Frame, lang: Lang) -> String {
    let Some(a) = &frame.annotated else {
        return tf(
            lang,
            "scene.tcp.frame.bytes",
            &[&frame.bytes.len().to_string()],
        );
    };
    let s = &a.summary;
    match s.protocol.as_str() {
        "ARP" => arp_label(a, lang).unwrap_or_else(|| "ARP".to_owned()),
        "TCP" => {
            let mut out = s.tcp_flags_text.clone();
            if let Some(seq) = s.seq {
                out.push_str(&format!(" seq={seq}"));
            }
            if let Some(ack) = s.ack {
                out.push_str(&format!(" ack={ack}"));
            }
            if s.payload_len > 0 {
                out.push_str(&format!(" len={}", s.payload_len));
            }
            out
        }
        "UDP" => format!(
            "UDP {}\u{a0}→ {} len={}",
            s.src_port.unwrap_or_default(),
            s.dst_port.unwrap_or_default(),
            s.payload_len
        ),
        other => other.to_owned(),
    }
}

/// An ARP frame in words of `lang` (request: who has this IP, tell that one; reply: this IP
/// is at this MAC), read from its annotated fields; `None` for any other frame. Narration
/// uses this; Wireshark's own English Info text is shown only where it is labelled as such.
#[must_use]
pub fn arp_label(a: &AnnotatedFrame, lang: Lang) -> Option<String> {
    let show = |id: &str| a.field(id).map(|f| f.show.clone());
    match a.summary.arp_op? {
        1 => Some(tf(
            lang,
            "inspector.arp.request",
            &[&show("arp.dst.proto_ipv4")?, &show("arp.src.proto_ipv4")?],
        )),
        2 => Some(tf(
            lang,
            "inspector.arp.reply",
            &[&show("arp.src.proto_ipv4")?, &show("arp.src.hw_mac")?],
        )),
        _ => None,
    }
}

/// For a retransmitted segment: the timeout that fired, i.e. the time since the same
/// segment (same sender, sequence number and length) was last sent, µs.
#[must_use]
pub fn retransmission_timeout_us(trace: &Trace, index: usize) -> Option<u64> {
    let f = trace.frames.get(index)?;
    if !f.role?.is_retransmission() {
        return None;
    }
    let key = |fr: &Frame| {
        fr.annotated.as_ref().map(|a| {
            (
                fr.from.clone(),
                a.summary.seq_raw,
                a.summary.payload_len,
                a.summary.tcp_flags,
            )
        })
    };
    let k = key(f)?;
    trace.frames[..index]
        .iter()
        .rev()
        .find(|p| key(p).as_ref() == Some(&k))
        .map(|p| f.time_us.saturating_sub(p.time_us))
}

/// The payload of a frame as text, if it has one (shown under data arrows). Control
/// characters (but line breaks and tabs) and the non-characters U+FFFE / U+FFFF are
/// written as Python escapes (`\x01`, `\ufffe`): they are invisible, and XML (the SVG
/// export) forbids them.
#[must_use]
pub fn payload_text(frame: &Frame) -> Option<String> {
    let a = frame.annotated.as_ref()?;
    let data = a.layers().iter().find(|l| l.id.as_str() == "data")?;
    let bytes = frame.bytes.get(data.offset..data.offset + data.len)?;
    Some(visible(&String::from_utf8_lossy(bytes)))
}

/// `text` with control characters (but `\t`, `\n`, `\r`) and non-characters escaped as
/// in a Python literal.
#[must_use]
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Line breaks and tabs stay: the architecture scene shows HTTP text as it is.
            '\n' | '\r' | '\t' => out.push(c),
            c if c.is_control() && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The scene's name for a trace host (`client`, `server`; any other name as it is).
#[must_use]
pub fn host_name(lang: Lang, host: &str) -> String {
    match host {
        "client" => t(lang, "scene.tcp.client").to_owned(),
        "server" => t(lang, "scene.tcp.server").to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirewalk_engine::scenario::Scenario;

    fn run(name: &str) -> Trace {
        wirewalk_engine::run(&Scenario::named(name).unwrap()).unwrap()
    }

    #[test]
    fn labels_show_relative_numbers() {
        let b = run("tcp");
        let syn = b
            .frames
            .iter()
            .find(|f| f.role.map(|r| r.as_str()) == Some("syn"))
            .unwrap();
        assert_eq!(frame_label(syn, Lang::En), "SYN seq=0");
        let data = b
            .frames
            .iter()
            .find(|f| f.role.map(|r| r.as_str()) == Some("data"))
            .unwrap();
        assert!(frame_label(data, Lang::En).contains("len=5"));
        assert_eq!(payload_text(data).as_deref(), Some("hello"));
    }

    #[test]
    fn arp_labels_are_translated_and_carry_tsharks_addresses() {
        let b = run("tcp");
        let by_role = |role: &str| {
            b.frames
                .iter()
                .find(|f| f.role.map(|r| r.as_str()) == Some(role))
                .unwrap()
        };
        let req = by_role("arp_request");
        let tshark = req
            .annotated
            .as_ref()
            .unwrap()
            .summary
            .arp_text
            .clone()
            .unwrap();
        // tshark's "Who has A? Tell B", as the English sentence and in Chinese words.
        assert_eq!(
            frame_label(req, Lang::En),
            format!("ARP request: {}", tshark.replacen("Who", "who", 1))
        );
        let zh = frame_label(req, Lang::Zh);
        assert!(zh.starts_with("ARP 请求\u{ff1a}谁有 "), "{zh}");
        assert!(!zh.contains("Who has") && !zh.contains("Tell"), "{zh}");
        let reply = by_role("arp_reply");
        let tshark = reply
            .annotated
            .as_ref()
            .unwrap()
            .summary
            .arp_text
            .clone()
            .unwrap();
        assert_eq!(frame_label(reply, Lang::En), format!("ARP reply: {tshark}"));
        assert!(frame_label(reply, Lang::Zh).starts_with("ARP 应答\u{ff1a}"));
    }

    #[test]
    fn invisible_payload_characters_are_shown_as_escapes() {
        assert_eq!(visible("a\u{a0}b"), "a\u{a0}b");
        assert_eq!(
            visible("x\0\u{1}\n\t\r\u{7f}\u{85}y"),
            "x\\x00\\x01\n\t\r\\x7f\\x85y"
        );
        assert_eq!(visible("\u{fffe}\u{ffff}你好"), "\\ufffe\\uffff你好");
        // Nothing XML 1.0 forbids is left (Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | ...).
        let all: String = (0u32..0x110000).filter_map(char::from_u32).collect();
        assert!(visible(&all).chars().all(|c| {
            let u = c as u32;
            (u >= 0x20 || matches!(c, '\t' | '\n' | '\r')) && u != 0xfffe && u != 0xffff
        }));
    }

    #[test]
    fn a_retransmission_knows_its_timeout_and_backoff_doubles_it() {
        let once = run("tcp_loss");
        let r: Vec<u64> = (0..once.frames.len())
            .filter_map(|i| retransmission_timeout_us(&once, i))
            .collect();
        assert_eq!(r.len(), 1, "{r:?}");
        let twice = run("tcp_loss_twice");
        let r2: Vec<u64> = (0..twice.frames.len())
            .filter_map(|i| retransmission_timeout_us(&twice, i))
            .collect();
        assert_eq!(r2.len(), 2, "{r2:?}");
        assert_eq!(r2[1], 2 * r2[0], "backoff doubles the RTO: {r2:?}");
        assert_eq!(r2[0], r[0]);
        let normal = run("tcp");
        assert!((0..normal.frames.len()).all(|i| retransmission_timeout_us(&normal, i).is_none()));
    }
}
