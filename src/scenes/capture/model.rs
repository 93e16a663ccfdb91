//! The capture scene's model: plain Rust over what the capture reader gave (the file's
//! conversations and one conversation as a trace), tested natively.
//!
//! What the page draws is bounded whatever the file holds: at most [`MAX_LISTED`]
//! conversations in the list and [`MAX_LADDER_FRAMES`] frames on the ladder.

use crate::i18n::{t, t_dyn, tf, Lang};
use crate::widgets::frame_text::frame_label;
use crate::widgets::frame_text::host_name;
use wirewalk_engine::capture::{CaptureError, Conversation, Transport};
use wirewalk_engine::trace::{EventKind, Trace};

/// Conversations listed at most.
pub const MAX_LISTED: usize = 200;
/// Frames drawn on the ladder at most.
pub const MAX_LADDER_FRAMES: usize = 400;

/// The trace the page shows: the conversation's, cut after [`MAX_LADDER_FRAMES`] frames.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The (possibly cut) trace.
    pub trace: Trace,
    /// For each of its frames, the index of its event.
    pub frame_event: Vec<usize>,
    /// The conversation's frame count, when the trace was cut.
    pub cut_from: Option<usize>,
    /// A TCP conversation (it has states).
    pub tcp: bool,
}

/// What the page shows of `trace`.
#[must_use]
pub fn shown(mut trace: Trace) -> Shown {
    let total = trace.frames.len();
    let mut cut_from = None;
    if total > MAX_LADDER_FRAMES {
        // Keep every event before the first frame that is not drawn.
        let end = trace
            .events
            .iter()
            .position(
                |e| matches!(e.kind, EventKind::Frame { frame } if frame >= MAX_LADDER_FRAMES),
            )
            .unwrap_or(trace.events.len());
        trace.events.truncate(end);
        trace.frames.truncate(MAX_LADDER_FRAMES);
        trace.end_us = trace.events.last().map_or(0, |e| e.time_us);
        cut_from = Some(total);
    }
    let tcp = trace
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::StateChange { .. }));
    let frame_event = trace.frame_events().unwrap_or_default();
    Shown {
        trace,
        frame_event,
        cut_from,
        tcp,
    }
}

/// A conversation as one line: `TCP 10.0.0.1:40000 → 10.0.0.2:8080`.
#[must_use]
pub fn conversation_label(c: &Conversation) -> String {
    let proto = match c.transport {
        Transport::Tcp => "TCP",
        Transport::Udp => "UDP",
    };
    format!(
        "{proto} {}:{} → {}:{}",
        c.client_ip, c.client_port, c.server_ip, c.server_port
    )
}

/// The message for a capture the engine could not read.
#[must_use]
pub fn error_text(lang: Lang, e: &CaptureError) -> String {
    t_dyn(lang, &e.message_key()).replace("{0}", &e.value().to_string())
}

/// What the last applied event did, in one sentence.
#[must_use]
pub fn narration(trace: &Trace, cursor: usize, lang: Lang) -> String {
    let Some(event) = cursor.checked_sub(1).and_then(|i| trace.events.get(i)) else {
        return t(lang, "scene.capture.narr.start").to_owned();
    };
    match &event.kind {
        EventKind::Frame { frame } => trace.frames.get(*frame).map_or_else(String::new, |f| {
            let role = f.role.map_or("frame", |r| r.as_str());
            tf(
                lang,
                "scene.capture.narr.frame",
                &[
                    &host_name(lang, &f.from),
                    &host_name(lang, &f.to),
                    &t_dyn(lang, &format!("role.{role}")),
                    &frame_label(f, lang),
                ],
            )
        }),
        EventKind::StateChange { host, from, to } => tf(
            lang,
            "scene.capture.narr.state",
            &[&host_name(lang, host), from.name(), to.name()],
        ),
        EventKind::Note { key } => t_dyn(lang, key.as_str()),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirewalk_engine::capture::Capture;

    struct Sample {
        conversations: Vec<Conversation>,
        trace: Option<Trace>,
    }

    fn sample() -> Sample {
        let cap: Capture = wirewalk_engine::capture::read(include_bytes!(
            "../../../engine/tests/captures/sll.pcap"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        Sample {
            conversations: cap.conversations(),
            trace: cap.trace(0).ok(),
        }
    }

    #[test]
    fn a_short_conversation_is_shown_whole() {
        let view = sample();
        let trace = view.trace.unwrap_or_else(|| panic!("a trace"));
        let s = shown(trace.clone());
        assert_eq!(s.trace, trace);
        assert_eq!(s.cut_from, None);
        assert!(s.tcp);
        assert_eq!(s.frame_event.len(), 15);
        assert_eq!(
            conversation_label(&view.conversations[0]),
            "TCP 10.0.0.1:40000 → 10.0.0.2:8080"
        );
    }

    #[test]
    fn a_long_conversation_is_cut_for_the_ladder() {
        let mut trace = sample().trace.unwrap_or_else(|| panic!("a trace"));
        let one = trace.frames[3].clone();
        for i in 0..1000 {
            let mut f = one.clone();
            f.index = trace.frames.len();
            trace.events.push(wirewalk_engine::trace::Event {
                time_us: 5_000_000 + i,
                kind: EventKind::Frame { frame: f.index },
            });
            trace.frames.push(f);
        }
        let s = shown(trace);
        assert_eq!(s.trace.frames.len(), MAX_LADDER_FRAMES);
        assert_eq!(s.cut_from, Some(1015));
        assert_eq!(s.frame_event.len(), MAX_LADDER_FRAMES);
    }

    #[test]
    fn narration_and_errors_are_words() {
        let s = shown(sample().trace.unwrap_or_else(|| panic!("a trace")));
        for lang in Lang::ALL {
            for cursor in 0..=s.trace.events.len() {
                let text = narration(&s.trace, cursor, lang);
                assert!(
                    !text.is_empty() && !text.contains("scene."),
                    "{cursor}: {text}"
                );
                // A frame's role and its label read as two parts, not two brackets in a
                // row ("SYN (handshake 1/3) (SYN seq=0)").
                assert!(
                    !text.contains(") (") && !text.contains("）（"),
                    "{cursor}: {text}"
                );
            }
            let e = error_text(lang, &CaptureError::UnsupportedLinkType { link_type: 105 });
            assert!(e.contains("105") && !e.contains("{0}"), "{e}");
        }
        assert!(narration(&s.trace, 2, Lang::En).contains("LISTEN"));
    }
}
