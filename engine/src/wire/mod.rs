//! Field tables and frame annotation: every byte of a frame, named as Wireshark names it.
//!
//! One file per header ([`ethernet`], [`arp`], [`ipv4`], [`tcp`], [`udp`]), each with its
//! field offsets as `const` ranges in a small `field` module, a zero-copy checked view over
//! untrusted bytes, and an `annotate` function that turns a header into a [`Layer`] of
//! [`Field`]s. Field ids, frame-absolute offsets, lengths, bit masks and shown values are
//! those of tshark 4.0 (`-T pdml` `pos`/`size`/`show`, `-T json -x` masks); the tshark oracle
//! test (`engine/tests/tshark_oracle.rs`) checks them against tshark itself.
//!
//! [`Annotator`] is stateful like Wireshark: it tracks TCP conversations so that relative
//! sequence and acknowledgment numbers count from each direction's first sequence number.
//! [`physical()`] builds the physical-layer view of a frame (preamble, SFD, padding, FCS);
//! [`checksum`] holds the Internet checksum helpers behind the "verified" marks.
//!
//! Nothing here panics on any input: every access to frame bytes is length-checked first.

pub mod arp;
pub mod checksum;
pub mod conversation;
mod decode;
pub mod ethernet;
pub mod field_ids;
pub mod ipv4;
pub mod link;
pub mod physical;
pub mod role;
pub mod tcp;
pub mod udp;

use core::fmt;
use core::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use conversation::classify;
pub use conversation::Conversations;
pub use decode::Annotator;
use decode::{Decoder, TcpNumbers};
pub use field_ids::FIELD_IDS;
pub use link::LinkType;
pub use physical::{physical, PhysicalFrame, PhysicalSegment};
pub use role::{FrameRole, LayerId, Protocol};

/// A byte range inside a header, relative to the header's first byte.
pub type Span = Range<usize>;

/// One annotated field of a frame, as tshark shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Wireshark field id: `"eth.dst"`, `"ip.ttl"`, `"tcp.flags.syn"`, `"tcp.options.mss_val"`, ...
    pub id: String,
    /// Frame-absolute byte offset (tshark PDML `pos`).
    pub offset: usize,
    /// Length in bytes (tshark PDML `size`).
    pub len: usize,
    /// Bit mask within those bytes for bit fields, as tshark `-T json -x` reports it; 0 for
    /// whole-byte fields. tshark quirk kept on purpose: `tcp.flags.res` and `tcp.flags.ae`
    /// have `len` 1 but a mask relative to the 16-bit flags word (`0x0e00`, `0x0100`); use
    /// [`Field::bits`] for the bit positions.
    pub mask: u64,
    /// The value exactly as tshark PDML `show` shows it (`tcp.seq` relative, `tcp.seq_raw` wire value).
    pub show: String,
    /// i18n message key of the field's meaning, e.g. `"field.tcp.flags.syn"`.
    pub meaning: String,
    /// Sub-fields where tshark nests them (e.g. `tcp.flags` → `tcp.flags.syn`); may be empty.
    pub children: Vec<Field>,
}

impl Field {
    /// A field with meaning key `field.<id>` and no children.
    pub fn new(id: &str, offset: usize, len: usize, mask: u64, show: impl Into<String>) -> Self {
        Field {
            id: id.to_string(),
            offset,
            len,
            mask,
            show: show.into(),
            meaning: ["field.", id].concat(),
            children: Vec::new(),
        }
    }

    /// The same field with these children.
    #[must_use]
    pub fn with_children(mut self, children: Vec<Field>) -> Self {
        self.children = children;
        self
    }

    /// Frame-absolute byte range of the field.
    pub fn range(&self) -> Range<usize> {
        self.offset..self.offset + self.len
    }

    /// Frame-absolute bit indices covered by the field, most significant bit of the first
    /// byte first (bit `8 * offset` is the top bit of byte `offset`).
    ///
    /// For whole-byte fields (mask 0) these are all bits of its bytes. For bit fields, the
    /// mask is read against the field's bytes; a mask wider than the field (tshark's
    /// `tcp.flags.res`/`ae`) is read against a 16-bit word starting at `offset`.
    pub fn bits(&self) -> Vec<usize> {
        if self.mask == 0 {
            return (self.offset * 8..(self.offset + self.len) * 8).collect();
        }
        let width_bytes = if self.len < 8 && self.mask >> (self.len * 8) != 0 {
            // Mask wider than the field: tshark reports it against the 16-bit word.
            2.max(self.len)
        } else {
            self.len.min(8)
        };
        let width = width_bytes * 8;
        (0..width)
            .filter(|i| (self.mask >> (width - 1 - i)) & 1 == 1)
            .map(|i| self.offset * 8 + i)
            .collect()
    }

    /// This field and all its descendants, depth first.
    pub fn walk(&self) -> Vec<&Field> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// One protocol layer of a frame: its tshark protocol id, byte range and fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// Its tshark protocol id; [`LayerId::Padding`] is Ethernet padding and trailer after the
    /// last protocol, which tshark shows as `eth.padding` / `eth.trailer`.
    pub id: LayerId,
    /// Frame-absolute byte offset of the layer.
    pub offset: usize,
    /// Length in bytes of the layer (for `tcp`: header with options; payload is `data`).
    pub len: usize,
    /// Top-level fields, in wire order; they tile `offset..offset + len`.
    pub fields: Vec<Field>,
}

impl Layer {
    /// Finds a field by id anywhere in this layer (first match, depth first).
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields
            .iter()
            .flat_map(|f| f.walk())
            .find(|f| f.id == id)
    }
}

/// A decoded frame: a plain summary for diagrams, narration and questions, computed at
/// once, and every layer with its fields, computed on first use ([`AnnotatedFrame::layers`]).
///
/// The layers are the expensive part (a few dozen fields of owned text per frame), and a
/// page shows the layers of one frame at a time, so a trace does not build them for every
/// frame: the frame keeps what decoding them needs (its bytes, link type and TCP relative
/// numbers) and decodes them again, through the same code path, when asked.
#[derive(Debug, Clone)]
pub struct AnnotatedFrame {
    /// Frame length in bytes (as captured: no preamble, no FCS).
    pub len: usize,
    /// Plain data the ladder diagram needs.
    pub summary: FrameSummary,
    /// What the layers are decoded from; `None` when they were given ([`AnnotatedFrame::with_layers`]).
    source: Option<LayerSource>,
    /// The layers, once decoded or given.
    layers: OnceLock<Vec<Layer>>,
}

/// What [`AnnotatedFrame::layers`] decodes the layers from.
#[derive(Debug, Clone)]
struct LayerSource {
    bytes: Vec<u8>,
    link: LinkType,
    /// The relative numbers the conversation tracker gave a TCP segment.
    tcp: Option<tcp::Relative>,
    /// The decoder, named where the source is made ([`Annotator::annotate_link`]), so a
    /// page that only reads frames decoded elsewhere (the capture scene gets them from the
    /// tools worker, layers included) does not link the field tables.
    decode: fn(&LayerSource) -> Vec<Layer>,
}

impl PartialEq for LayerSource {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes && self.link == other.link && self.tcp == other.tcp
    }
}

impl Eq for LayerSource {}

impl LayerSource {
    /// The layers of these bytes: the decoder's layer pass. Decoding them again cannot
    /// fail, as the same bytes went through the same checks when the summary was made;
    /// were it ever to, the frame would show no layers rather than wrong ones.
    fn decode_layers(&self) -> Vec<Layer> {
        let mut d = Decoder {
            tcp: TcpNumbers::Known(self.tcp),
            layers: Some(Vec::new()),
            tcp_out: None,
        };
        match d.frame(&self.bytes, self.link) {
            Ok(_) => d.layers.unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }
}

impl AnnotatedFrame {
    /// A frame whose layers are already known (decoded elsewhere, e.g. read back from the
    /// tools worker's message).
    pub fn with_layers(len: usize, layers: Vec<Layer>, summary: FrameSummary) -> Self {
        AnnotatedFrame {
            len,
            summary,
            source: None,
            layers: OnceLock::from(layers),
        }
    }

    /// Layers from Ethernet (or the capture's link header) inwards, decoded on first use
    /// from the frame's bytes by the same code that made the summary.
    pub fn layers(&self) -> &[Layer] {
        self.layers.get_or_init(|| {
            self.source
                .as_ref()
                .map_or_else(Vec::new, |s| (s.decode)(s))
        })
    }

    /// The layer with this id, if present.
    pub fn layer(&self, id: LayerId) -> Option<&Layer> {
        self.layers().iter().find(|l| l.id == id)
    }

    /// Finds a field by id in any layer (first match).
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.layers().iter().find_map(|l| l.field(id))
    }

    /// Every field of every layer, depth first.
    pub fn all_fields(&self) -> Vec<&Field> {
        self.layers()
            .iter()
            .flat_map(|l| l.fields.iter().flat_map(|f| f.walk()))
            .collect()
    }
}

/// Equal when length, summary and layers are (the layers decoded if need be).
impl PartialEq for AnnotatedFrame {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self.summary == other.summary
            && match (&self.source, &other.source) {
                // The same input decodes to the same layers.
                (Some(a), Some(b)) if a == b => true,
                _ => self.layers() == other.layers(),
            }
    }
}

impl Eq for AnnotatedFrame {}

/// Serialised as `{len, layers, summary}`, the layers decoded.
impl Serialize for AnnotatedFrame {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AnnotatedFrame", 3)?;
        st.serialize_field("len", &self.len)?;
        st.serialize_field("layers", self.layers())?;
        st.serialize_field("summary", &self.summary)?;
        st.end()
    }
}

/// Read back from `{len, layers, summary}`.
impl<'de> Deserialize<'de> for AnnotatedFrame {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            len: usize,
            layers: Vec<Layer>,
            summary: FrameSummary,
        }
        let p = Parts::deserialize(d)?;
        Ok(AnnotatedFrame::with_layers(p.len, p.layers, p.summary))
    }
}

/// What the sequence (ladder) diagram shows for a frame; plain data only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameSummary {
    /// Innermost protocol.
    pub protocol: Protocol,
    /// Source MAC, `aa:bb:cc:dd:ee:ff`.
    pub src_mac: String,
    /// Destination MAC, `aa:bb:cc:dd:ee:ff`.
    pub dst_mac: String,
    /// EtherType, e.g. `0x0800`.
    pub ethertype: u16,
    /// Whether the destination MAC is the broadcast address.
    pub broadcast: bool,
    /// IPv4 source, dotted decimal.
    pub src_ip: Option<String>,
    /// IPv4 destination, dotted decimal.
    pub dst_ip: Option<String>,
    /// IPv4 time to live.
    pub ttl: Option<u8>,
    /// IPv4 header checksum is correct (`None` without IPv4).
    pub ip_checksum_ok: Option<bool>,
    /// TCP/UDP checksum is correct (`None` without TCP/UDP or when UDP sends none).
    pub l4_checksum_ok: Option<bool>,
    /// TCP/UDP source port.
    pub src_port: Option<u16>,
    /// TCP/UDP destination port.
    pub dst_port: Option<u16>,
    /// TCP flag bits (12 bits, FIN = 0x001).
    pub tcp_flags: u16,
    /// TCP flags as tshark names them, e.g. `"SYN, ACK"`; empty if none or not TCP.
    pub tcp_flags_text: String,
    /// Relative sequence number (from this direction's ISN, as Wireshark).
    pub seq: Option<u32>,
    /// Relative acknowledgment number; `None` when the ACK flag is not set.
    pub ack: Option<u32>,
    /// Sequence number on the wire.
    pub seq_raw: Option<u32>,
    /// Acknowledgment number on the wire.
    pub ack_raw: Option<u32>,
    /// Relative sequence number after this segment (seq + payload + SYN + FIN).
    pub next_seq: Option<u32>,
    /// TCP/UDP payload length in bytes.
    pub payload_len: usize,
    /// TCP window field (unscaled).
    pub window: Option<u16>,
    /// TCP MSS option value.
    pub mss: Option<u16>,
    /// TCP window scale option shift.
    pub wscale: Option<u8>,
    /// TCP SACK-permitted option present.
    pub sack_perm: bool,
    /// ARP opcode (1 request, 2 reply).
    pub arp_op: Option<u16>,
    /// tshark's ARP info text: `"Who has 10.0.0.2? Tell 10.0.0.1"` / `"10.0.0.2 is at 02:…"`.
    pub arp_text: Option<String>,
    /// A one-line description like tshark's Info column (close to it, not checked by the oracle).
    pub info: String,
    /// The frame comes from a capture file: a checksum that does not check out may never
    /// have been filled in (checksum offload, loopback), so it is shown as Wireshark does
    /// ("incorrect, maybe caused by checksum offload"), not as a mistake.
    #[serde(default)]
    pub captured: bool,
}

/// Why a frame could not be annotated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum WireError {
    /// The bytes end before the header (or the length it announces) does.
    Truncated {
        /// Layer id (`"eth"`, `"ip"`, ...).
        layer: &'static str,
        /// Bytes needed.
        need: usize,
        /// Bytes present.
        got: usize,
    },
    /// A well-formed header of a kind this engine does not decode.
    Unsupported {
        /// Layer id.
        layer: &'static str,
        /// What it is, e.g. `"IP version 6"`.
        what: String,
    },
    /// A header whose fields contradict each other (e.g. a TCP data offset below 5).
    Malformed {
        /// Layer id.
        layer: &'static str,
        /// What is wrong.
        reason: String,
    },
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Truncated { layer, need, got } => {
                write!(f, "{layer}: truncated, need {need} bytes, got {got}")
            }
            WireError::Unsupported { layer, what } => write!(f, "{layer}: unsupported {what}"),
            WireError::Malformed { layer, reason } => write!(f, "{layer}: malformed, {reason}"),
        }
    }
}

impl std::error::Error for WireError {}

/// `aa:bb:cc:dd:ee:ff`, as tshark shows an Ethernet address.
pub fn fmt_mac(mac: [u8; 6]) -> String {
    fmt_hex_colon(&mac)
}

/// Dotted decimal, as tshark shows an IPv4 address.
pub fn fmt_ipv4(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

/// Bytes as lowercase hex pairs joined by `:` (tshark's `show` for byte fields).
pub fn fmt_hex_colon(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, &b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        // No `format!` per byte: annotation formats every payload this way.
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

/// Reads a big-endian u16 at `at` (caller guarantees the bounds).
pub(crate) fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

/// Reads a big-endian u32 at `at` (caller guarantees the bounds).
pub(crate) fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Copies `N` bytes starting at `at` (caller guarantees the bounds).
pub(crate) fn array<const N: usize>(b: &[u8], at: usize) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&b[at..at + N]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value as `{:02x}` gives it, joined by `:` (tshark's byte fields).
    #[test]
    fn hex_colon_is_lowercase_pairs() {
        let all: Vec<u8> = (0..=255).collect();
        let want: Vec<String> = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(fmt_hex_colon(&all), want.join(":"));
        assert_eq!(fmt_hex_colon(&[]), "");
        assert_eq!(fmt_mac([0x02, 0, 0, 0, 0, 0x0a]), "02:00:00:00:00:0a");
        assert_eq!(
            Field::new("tcp.seq", 38, 4, 0, "0").meaning,
            "field.tcp.seq"
        );
    }
}
