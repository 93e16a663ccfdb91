//! TCP header (RFC 9293): ports, sequence and acknowledgment numbers (raw and relative, as
//! Wireshark shows them), data offset, flags, window, checksum, urgent pointer, options.

use super::{be16, be32, checksum, fmt_hex_colon, Field, Layer, LayerId, WireError};

/// Field offsets of the TCP header.
mod options;

use options::{option_summary, options};

pub mod field {
    use crate::wire::Span;
    /// Source port.
    pub const SRC_PORT: Span = 0..2;
    /// Destination port.
    pub const DST_PORT: Span = 2..4;
    /// Sequence number.
    pub const SEQ_NUM: Span = 4..8;
    /// Acknowledgment number.
    pub const ACK_NUM: Span = 8..12;
    /// Data offset (high nibble of the first byte) and the 12 flag bits.
    pub const FLAGS: Span = 12..14;
    /// Window.
    pub const WIN_SIZE: Span = 14..16;
    /// Checksum.
    pub const CHECKSUM: Span = 16..18;
    /// Urgent pointer.
    pub const URGENT: Span = 18..20;
    /// First option byte.
    pub const OPTIONS: usize = 20;

    /// Option kind: end of option list.
    pub const OPT_EOL: u8 = 0;
    /// Option kind: no-operation.
    pub const OPT_NOP: u8 = 1;
    /// Option kind: maximum segment size.
    pub const OPT_MSS: u8 = 2;
    /// Option kind: window scale.
    pub const OPT_WS: u8 = 3;
    /// Option kind: SACK permitted.
    pub const OPT_SACK_PERM: u8 = 4;
    /// Option kind: SACK blocks.
    pub const OPT_SACK: u8 = 5;
    /// Option kind: timestamps.
    pub const OPT_TSTAMP: u8 = 8;
}

/// Header length without options.
pub const MIN_HEADER_LEN: usize = field::OPTIONS;

/// FIN flag bit.
pub const FIN: u16 = 0x001;
/// SYN flag bit.
pub const SYN: u16 = 0x002;
/// RST flag bit.
pub const RST: u16 = 0x004;
/// PSH flag bit.
pub const PSH: u16 = 0x008;
/// ACK flag bit.
pub const ACK: u16 = 0x010;
/// URG flag bit.
pub const URG: u16 = 0x020;
/// ECE flag bit.
pub const ECE: u16 = 0x040;
/// CWR flag bit.
pub const CWR: u16 = 0x080;
/// AE (accurate ECN, formerly NS) flag bit.
pub const AE: u16 = 0x100;
/// The three reserved bits.
pub const RESERVED: u16 = 0xe00;

/// A checked read-only view of a TCP segment (the whole IPv4 payload).
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    buffer: &'a [u8],
}

impl<'a> Segment<'a> {
    /// Wraps `buffer` after checking the fixed header, the data offset and the options.
    ///
    /// # Errors
    /// [`WireError::Truncated`] when shorter than 20 bytes or than the data offset says;
    /// [`WireError::Malformed`] for a data offset below 5.
    pub fn new_checked(buffer: &'a [u8]) -> Result<Self, WireError> {
        if buffer.len() < MIN_HEADER_LEN {
            return Err(WireError::Truncated {
                layer: "tcp",
                need: MIN_HEADER_LEN,
                got: buffer.len(),
            });
        }
        let s = Segment { buffer };
        let hl = s.header_len();
        if hl < MIN_HEADER_LEN {
            return Err(WireError::Malformed {
                layer: "tcp",
                reason: format!("header length {hl} below 20"),
            });
        }
        if hl > buffer.len() {
            return Err(WireError::Truncated {
                layer: "tcp",
                need: hl,
                got: buffer.len(),
            });
        }
        Ok(s)
    }

    /// Source port.
    pub fn src_port(&self) -> u16 {
        be16(self.buffer, field::SRC_PORT.start)
    }

    /// Destination port.
    pub fn dst_port(&self) -> u16 {
        be16(self.buffer, field::DST_PORT.start)
    }

    /// Sequence number as on the wire.
    pub fn seq(&self) -> u32 {
        be32(self.buffer, field::SEQ_NUM.start)
    }

    /// Acknowledgment number as on the wire.
    pub fn ack(&self) -> u32 {
        be32(self.buffer, field::ACK_NUM.start)
    }

    /// Header length in bytes (data offset × 4).
    pub fn header_len(&self) -> usize {
        usize::from(self.buffer[field::FLAGS.start] >> 4) * 4
    }

    /// The 12 flag bits.
    pub fn flags(&self) -> u16 {
        be16(self.buffer, field::FLAGS.start) & 0x0fff
    }

    /// Window field (unscaled).
    pub fn window(&self) -> u16 {
        be16(self.buffer, field::WIN_SIZE.start)
    }

    /// Checksum as on the wire.
    pub fn checksum(&self) -> u16 {
        be16(self.buffer, field::CHECKSUM.start)
    }

    /// Urgent pointer.
    pub fn urgent(&self) -> u16 {
        be16(self.buffer, field::URGENT.start)
    }

    /// The option bytes.
    pub fn options(&self) -> &'a [u8] {
        &self.buffer[MIN_HEADER_LEN..self.header_len()]
    }

    /// The payload.
    pub fn payload(&self) -> &'a [u8] {
        &self.buffer[self.header_len()..]
    }

    /// Whether the checksum is right for this pseudo-header.
    pub fn verify_checksum(&self, src: [u8; 4], dst: [u8; 4]) -> bool {
        checksum::verify_l4(src, dst, 6, self.buffer)
    }

    /// The checksum the segment should carry.
    pub fn expected_checksum(&self, src: [u8; 4], dst: [u8; 4]) -> u16 {
        checksum::l4(src, dst, 6, self.buffer, field::CHECKSUM.start)
    }
}

/// Flag names in tshark's order, e.g. `"SYN, ACK"` or `"FIN, PSH, ACK"`; empty for none.
pub fn flags_text(flags: u16) -> String {
    const NAMES: [(u16, &str); 10] = [
        (FIN, "FIN"),
        (SYN, "SYN"),
        (RST, "RST"),
        (PSH, "PSH"),
        (ACK, "ACK"),
        (URG, "URG"),
        (ECE, "ECE"),
        (CWR, "CWR"),
        (AE, "AE"),
        (RESERVED, "Reserved"),
    ];
    NAMES
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// tshark's `tcp.flags.str`: one character per bit from the top (`RRRACEUAPRSF`), `·` if unset.
pub fn flags_str(flags: u16) -> String {
    "RRRACEUAPRSF"
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if flags & (1 << (11 - i)) != 0 {
                c
            } else {
                '·'
            }
        })
        .collect()
}

/// Relative numbers of one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relative {
    /// This direction's base sequence number.
    pub base: u32,
    /// The other direction's base, if known.
    pub peer_base: Option<u32>,
    /// Relative sequence number.
    pub seq: u32,
    /// Relative acknowledgment number (`None` without the ACK flag).
    pub ack: Option<u32>,
    /// The window in bytes as Wireshark computes it: scaled by the sender's window scale
    /// once both SYNs announced one, else the field as it is.
    pub window: u32,
}

/// The shift of the window scale option in `opts`, if there is one.
pub fn wscale_option(opts: &[u8]) -> Option<u8> {
    let mut i = 0;
    while i < opts.len() {
        match opts[i] {
            field::OPT_EOL => return None,
            field::OPT_NOP => i += 1,
            kind => {
                let len = usize::from(*opts.get(i + 1)?);
                if len < 2 {
                    return None;
                }
                if kind == field::OPT_WS && len == 3 {
                    return opts.get(i + 2).copied();
                }
                i += len;
            }
        }
    }
    None
}

/// The numbers of one segment the frame summary needs: cheap, no fields built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbers {
    /// Relative sequence number.
    pub rel_seq: u32,
    /// Relative acknowledgment number, `None` without the ACK flag.
    pub rel_ack: Option<u32>,
    /// Relative sequence number after this segment.
    pub next_rel_seq: u32,
    /// MSS option value.
    pub mss: Option<u16>,
    /// Window scale shift.
    pub wscale: Option<u8>,
    /// SACK-permitted option present.
    pub sack_perm: bool,
    /// The window as Wireshark computes it ([`Relative::window`]).
    pub window: u32,
    /// The options as tshark's Info column lists them, in frame order (`MSS=1460`, `WS=1`,
    /// `SACK_PERM`, …).
    pub info_options: Vec<String>,
}

fn bit(v: bool) -> String {
    u8::from(v).to_string()
}

fn flag_fields(flags: u16, at: usize) -> Vec<Field> {
    // (id, byte offset within the flags word, mask as tshark reports it, bit in `flags`)
    const BITS: [(&str, usize, u64, u16); 10] = [
        ("tcp.flags.res", 0, 0x0e00, RESERVED),
        ("tcp.flags.ae", 0, 0x0100, AE),
        ("tcp.flags.cwr", 1, 0x80, CWR),
        ("tcp.flags.ece", 1, 0x40, ECE),
        ("tcp.flags.urg", 1, 0x20, URG),
        ("tcp.flags.ack", 1, 0x10, ACK),
        ("tcp.flags.push", 1, 0x08, PSH),
        ("tcp.flags.reset", 1, 0x04, RST),
        ("tcp.flags.syn", 1, 0x02, SYN),
        ("tcp.flags.fin", 1, 0x01, FIN),
    ];
    let mut out: Vec<Field> = BITS
        .iter()
        .map(|&(id, off, mask, b)| Field::new(id, at + off, 1, mask, bit(flags & b != 0)))
        .collect();
    out.push(Field::new("tcp.flags.str", at, 2, 0, flags_str(flags)));
    out
}

/// The `tcp` layer of `seg` (header and options; the payload is a separate `data` layer),
/// starting at frame offset `base`, with the relative numbers `rel` its conversation
/// tracker gave it ([`super::Conversations::track`]).
pub fn layer(seg: &Segment<'_>, base: usize, rel: Relative) -> Layer {
    let flags = seg.flags();
    let at = |r: &super::Span| base + r.start;
    let flags_word = be16(seg.buffer, field::FLAGS.start);
    let mut fields = vec![
        Field::new(
            "tcp.srcport",
            at(&field::SRC_PORT),
            2,
            0,
            seg.src_port().to_string(),
        ),
        Field::new(
            "tcp.dstport",
            at(&field::DST_PORT),
            2,
            0,
            seg.dst_port().to_string(),
        ),
        Field::new("tcp.seq", at(&field::SEQ_NUM), 4, 0, rel.seq.to_string()),
        Field::new(
            "tcp.seq_raw",
            at(&field::SEQ_NUM),
            4,
            0,
            seg.seq().to_string(),
        ),
        Field::new(
            "tcp.ack",
            at(&field::ACK_NUM),
            4,
            0,
            rel.ack.unwrap_or(seg.ack()).to_string(),
        ),
        Field::new(
            "tcp.ack_raw",
            at(&field::ACK_NUM),
            4,
            0,
            seg.ack().to_string(),
        ),
        Field::new(
            "tcp.hdr_len",
            at(&field::FLAGS),
            1,
            0xf0,
            seg.header_len().to_string(),
        ),
        Field::new(
            "tcp.flags",
            at(&field::FLAGS),
            2,
            0x0fff,
            format!("0x{:04x}", flags_word & 0x0fff),
        )
        .with_children(flag_fields(flags, at(&field::FLAGS))),
        Field::new(
            "tcp.window_size_value",
            at(&field::WIN_SIZE),
            2,
            0,
            seg.window().to_string(),
        ),
        Field::new(
            "tcp.checksum",
            at(&field::CHECKSUM),
            2,
            0,
            format!("0x{:04x}", seg.checksum()),
        ),
        Field::new(
            "tcp.urgent_pointer",
            at(&field::URGENT),
            2,
            0,
            seg.urgent().to_string(),
        ),
    ];
    let opts = seg.options();
    if !opts.is_empty() {
        fields.push(
            Field::new(
                "tcp.options",
                base + MIN_HEADER_LEN,
                opts.len(),
                0,
                fmt_hex_colon(opts),
            )
            .with_children(options(opts, base + MIN_HEADER_LEN, rel.peer_base)),
        );
    }
    Layer {
        id: LayerId::Tcp,
        offset: base,
        len: seg.header_len(),
        fields,
    }
}

/// The numbers of `seg` the summary needs, with the relative numbers `rel` its
/// conversation tracker gave it: no field is built.
pub fn numbers(seg: &Segment<'_>, rel: Relative) -> Numbers {
    let flags = seg.flags();
    let o = option_summary(seg.options(), rel.peer_base);
    let seg_len =
        seg.payload().len() as u32 + u32::from(flags & SYN != 0) + u32::from(flags & FIN != 0);
    Numbers {
        rel_seq: rel.seq,
        rel_ack: rel.ack,
        next_rel_seq: rel.seq.wrapping_add(seg_len),
        mss: o.mss,
        wscale: o.wscale,
        sack_perm: o.sack_perm,
        window: rel.window,
        info_options: o.info,
    }
}

/// A line like tshark's Info column: `49152 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 …`.
pub fn info(seg: &Segment<'_>, ann: &Numbers) -> String {
    let mut s = format!(
        "{} → {} [{}] Seq={}",
        seg.src_port(),
        seg.dst_port(),
        flags_text(seg.flags()),
        ann.rel_seq
    );
    if let Some(a) = ann.rel_ack {
        s.push_str(&format!(" Ack={a}"));
    }
    s.push_str(&format!(" Win={} Len={}", ann.window, seg.payload().len()));
    for o in &ann.info_options {
        s.push(' ');
        s.push_str(o);
    }
    s
}
