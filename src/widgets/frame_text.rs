//! What the views say about one frame: its one-line label, its payload as text, and
//! for a retransmission the timeout that fired. Read by the ladder, the architecture
//! scene's exchange and the LAN scene's frame list, so a frame reads the same everywhere.

use crate::i18n::{tf, Lang};
use wirewalk_engine::trace::{Frame, Trace};

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
        "ARP" => s.arp_text.clone().unwrap_or_else(|| "ARP".to_owned()),
        "TCP" => {
            let mut out = s.tcp_flags_text.clone();
            if let Some(seq) = s.seq {
                out.push_str(&format!("  seq={seq}"));
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
            "UDP {} → {} len={}",
            s.src_port.unwrap_or_default(),
            s.dst_port.unwrap_or_default(),
            s.payload_len
        ),
        other => other.to_owned(),
    }
}

/// For a retransmitted segment: the timeout that fired, i.e. the time since the same
/// segment (same sender, sequence number and length) was last sent, µs.
#[must_use]
pub fn retransmission_timeout_us(trace: &Trace, index: usize) -> Option<u64> {
    let f = trace.frames.get(index)?;
    if !f.role.as_deref()?.contains("retransmission") {
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

/// The payload of a frame as text, if it has one (shown under data arrows).
#[must_use]
pub fn payload_text(frame: &Frame) -> Option<String> {
    let a = frame.annotated.as_ref()?;
    let data = a.layers.iter().find(|l| l.id == "data")?;
    let bytes = frame.bytes.get(data.offset..data.offset + data.len)?;
    Some(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirewalk_engine::scenario::{self, Scenario};

    fn run(name: &str) -> Trace {
        scenario::run(&Scenario::named(name).unwrap()).unwrap()
    }

    #[test]
    fn labels_show_relative_numbers() {
        let b = run("tcp");
        let syn = b
            .frames
            .iter()
            .find(|f| f.role.as_deref() == Some("syn"))
            .unwrap();
        assert_eq!(frame_label(syn, Lang::En), "SYN  seq=0");
        let data = b
            .frames
            .iter()
            .find(|f| f.role.as_deref() == Some("data"))
            .unwrap();
        assert!(frame_label(data, Lang::En).contains("len=5"));
        assert_eq!(payload_text(data).as_deref(), Some("hello"));
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
