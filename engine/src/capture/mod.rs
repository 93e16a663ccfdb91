//! Reading a student's own capture: a pcap or pcapng file in, its conversations out, and
//! one conversation as a [`Trace`] the app plays like a scenario's.
//!
//! - [`read`] checks the file against [`Limits`] (50 MB, 100,000 frames, 262,144 bytes a
//!   frame) while it walks the records ([`file`]), so a huge or damaged file ends in a
//!   [`CaptureError`], never a panic or an unbounded allocation.
//! - [`Capture::conversations`] lists the TCP and UDP conversations (4-tuple, frames, bytes).
//! - [`Capture::trace`] turns one of them into a [`Trace`] with hosts `client` (the side
//!   that sent the first SYN) and `server`: every frame annotated with the same field
//!   tables as the scenarios ([`crate::wire::Annotator::annotate_link`]), roles from the
//!   one conversation tracker with its capture analysis on (retransmission, out-of-order,
//!   duplicate ACK), and both ends' RFC 9293 states inferred from the segments ([`infer`]).
//!
//! This module sits above `wire` and `trace` and below the simulator: it knows no scenario.

mod file;
mod infer;

use core::fmt;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::trace::Trace;
use crate::wire::{fmt_ipv4, LinkType};

/// The largest file [`read`] accepts, in bytes.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// The most frames [`read`] accepts.
pub const MAX_FRAMES: usize = 100_000;
/// The longest frame [`read`] accepts (tcpdump's largest snap length).
pub const MAX_RECORD: u32 = 262_144;

/// What [`read_with`] accepts at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// File size in bytes.
    pub max_bytes: u64,
    /// Number of frames.
    pub max_frames: usize,
    /// Bytes of one frame as captured.
    pub max_record: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: MAX_BYTES,
            max_frames: MAX_FRAMES,
            max_record: MAX_RECORD,
        }
    }
}

/// Why a file could not be read. Its i18n key is [`CaptureError::message_key`]; the value
/// to put in the message is [`CaptureError::value`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaptureError {
    /// The file ends inside a header or a frame.
    Truncated {
        /// Where the file ends (its length): a header or frame needs more.
        at: u64,
    },
    /// Neither a pcap nor a pcapng file.
    NotACapture,
    /// A link type this engine does not read.
    UnsupportedLinkType {
        /// Its LINKTYPE_* number.
        link_type: u32,
    },
    /// Bigger than [`Limits::max_bytes`].
    TooBig {
        /// The limit in bytes.
        limit: u64,
    },
    /// More frames than [`Limits::max_frames`].
    TooManyFrames {
        /// The limit.
        limit: u64,
    },
    /// A record or block whose lengths contradict each other or exceed the frame limit.
    Malformed {
        /// Byte offset of the record or block.
        at: u64,
    },
    /// [`Capture::trace`] was asked for a conversation that is not in the list.
    NoSuchConversation {
        /// How many there are.
        count: u64,
    },
}

impl CaptureError {
    /// Every i18n key [`CaptureError::message_key`] can return.
    pub const KEYS: &'static [&'static str] = &[
        "capture.error.truncated",
        "capture.error.not_a_capture",
        "capture.error.unsupported_link_type",
        "capture.error.too_big",
        "capture.error.too_many_frames",
        "capture.error.malformed",
        "capture.error.no_such_conversation",
    ];

    /// The kind's stable name (`"truncated"`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            CaptureError::Truncated { .. } => "truncated",
            CaptureError::NotACapture => "not_a_capture",
            CaptureError::UnsupportedLinkType { .. } => "unsupported_link_type",
            CaptureError::TooBig { .. } => "too_big",
            CaptureError::TooManyFrames { .. } => "too_many_frames",
            CaptureError::Malformed { .. } => "malformed",
            CaptureError::NoSuchConversation { .. } => "no_such_conversation",
        }
    }

    /// The i18n key of the message: `capture.error.<kind>`.
    pub fn message_key(&self) -> String {
        format!("capture.error.{}", self.as_str())
    }

    /// The number the message shows (`{0}`): an offset, a link type, a limit or a count.
    pub fn value(&self) -> u64 {
        match self {
            CaptureError::Truncated { at } | CaptureError::Malformed { at } => *at,
            CaptureError::UnsupportedLinkType { link_type } => u64::from(*link_type),
            CaptureError::TooBig { limit } | CaptureError::TooManyFrames { limit } => *limit,
            CaptureError::NoSuchConversation { count } => *count,
            CaptureError::NotACapture => 0,
        }
    }
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaptureError::Truncated { at } => write!(f, "the file is cut short (at byte {at})"),
            CaptureError::NotACapture => write!(f, "not a pcap or pcapng file"),
            CaptureError::UnsupportedLinkType { link_type } => {
                write!(f, "link type {link_type} is not supported (Ethernet, Linux cooked v1/v2, BSD loopback and raw IPv4 are)")
            }
            CaptureError::TooBig { limit } => write!(f, "the file is bigger than {limit} bytes"),
            CaptureError::TooManyFrames { limit } => {
                write!(f, "the file has more than {limit} frames")
            }
            CaptureError::Malformed { at } => write!(f, "a damaged record at byte {at}"),
            CaptureError::NoSuchConversation { count } => {
                write!(f, "no such conversation (there are {count})")
            }
        }
    }
}

impl std::error::Error for CaptureError {}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Classic libpcap.
    Pcap,
    /// pcapng.
    Pcapng,
}

/// One captured frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packet {
    /// Capture time, µs since the Unix epoch.
    pub time_us: u64,
    /// What its first byte is.
    pub link: LinkType,
    /// Length on the wire (more than `bytes.len()` when the snap length cut it).
    pub orig_len: u32,
    /// The bytes as captured.
    pub bytes: Vec<u8>,
}

/// A capture file, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    /// Its format.
    pub format: Format,
    /// Its frames in file order.
    pub packets: Vec<Packet>,
}

/// TCP or UDP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
}

/// One TCP or UDP conversation of a capture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// TCP or UDP.
    pub transport: Transport,
    /// Address of the side that sent first (for TCP: the first SYN, if any).
    pub client_ip: String,
    /// Its port.
    pub client_port: u16,
    /// The other side's address.
    pub server_ip: String,
    /// Its port.
    pub server_port: u16,
    /// Indices into [`Capture::packets`], in file order.
    pub frames: Vec<usize>,
    /// Bytes of those frames as captured.
    pub bytes: u64,
}

/// The 4-tuple and transport of a frame, if it is TCP or UDP over IPv4; `from` first.
pub(crate) struct Flow {
    pub transport: Transport,
    pub from: ([u8; 4], u16),
    pub to: ([u8; 4], u16),
    /// The TCP flags (0 for UDP).
    pub flags: u16,
}

/// Reads a capture file with the default [`Limits`].
///
/// # Errors
/// A [`CaptureError`] saying why the file cannot be read.
pub fn read(bytes: &[u8]) -> Result<Capture, CaptureError> {
    read_with(bytes, &Limits::default())
}

/// Reads a capture file within `limits`.
///
/// # Errors
/// As [`read`].
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<Capture, CaptureError> {
    let (format, packets) = file::read(bytes, limits)?;
    Ok(Capture { format, packets })
}

impl Capture {
    /// The TCP and UDP conversations, in the order of their first frame.
    pub fn conversations(&self) -> Vec<Conversation> {
        type Key = (Transport, ([u8; 4], u16), ([u8; 4], u16));
        let mut index: BTreeMap<Key, usize> = BTreeMap::new();
        let mut out: Vec<Conversation> = Vec::new();
        for (i, p) in self.packets.iter().enumerate() {
            let Some(flow) = infer::flow(p) else { continue };
            let (lo, hi) = if flow.from <= flow.to {
                (flow.from, flow.to)
            } else {
                (flow.to, flow.from)
            };
            let n = *index.entry((flow.transport, lo, hi)).or_insert_with(|| {
                out.push(Conversation {
                    transport: flow.transport,
                    client_ip: fmt_ipv4(flow.from.0),
                    client_port: flow.from.1,
                    server_ip: fmt_ipv4(flow.to.0),
                    server_port: flow.to.1,
                    frames: Vec::new(),
                    bytes: 0,
                });
                out.len() - 1
            });
            let c = &mut out[n];
            // The first pure SYN names the client, even when it is not the first frame.
            let syn = flow.flags & 0x012 == 0x002;
            if syn && c.frames.iter().all(|&j| !infer::is_syn(&self.packets[j])) {
                c.client_ip = fmt_ipv4(flow.from.0);
                c.client_port = flow.from.1;
                c.server_ip = fmt_ipv4(flow.to.0);
                c.server_port = flow.to.1;
            }
            c.frames.push(i);
            c.bytes += p.bytes.len() as u64;
        }
        out
    }

    /// Conversation `n` of [`Capture::conversations`] as a trace.
    ///
    /// # Errors
    /// [`CaptureError::NoSuchConversation`] when `n` is past the end of the list.
    pub fn trace(&self, n: usize) -> Result<Trace, CaptureError> {
        let convs = self.conversations();
        let c = convs.get(n).ok_or(CaptureError::NoSuchConversation {
            count: convs.len() as u64,
        })?;
        Ok(infer::trace(self, c))
    }
}
