//! IPv4 header (RFC 791): version/IHL nibbles, DSCP/ECN, length, id, flags and fragment
//! offset, TTL, protocol, header checksum, addresses.

use super::{array, be16, checksum, fmt_hex_colon, fmt_ipv4, Field, Layer, LayerId, WireError};

/// Field offsets of the IPv4 header.
pub mod field {
    use crate::wire::Span;
    /// Version (high nibble) and IHL (low nibble).
    pub const VER_IHL: usize = 0;
    /// DSCP (6 bits) and ECN (2 bits).
    pub const DS_ECN: usize = 1;
    /// Total length.
    pub const LENGTH: Span = 2..4;
    /// Identification.
    pub const IDENT: Span = 4..6;
    /// Flags (3 bits) and fragment offset (13 bits).
    pub const FLG_OFF: Span = 6..8;
    /// Time to live.
    pub const TTL: usize = 8;
    /// Protocol.
    pub const PROTOCOL: usize = 9;
    /// Header checksum.
    pub const CHECKSUM: Span = 10..12;
    /// Source address.
    pub const SRC_ADDR: Span = 12..16;
    /// Destination address.
    pub const DST_ADDR: Span = 16..20;
}

/// Length of a header without options.
pub const MIN_HEADER_LEN: usize = field::DST_ADDR.end;
/// Protocol number of TCP.
pub const PROTO_TCP: u8 = 6;
/// Protocol number of UDP.
pub const PROTO_UDP: u8 = 17;

/// A checked read-only view of an IPv4 packet: header, options and payload all present.
#[derive(Debug, Clone, Copy)]
pub struct Packet<'a> {
    buffer: &'a [u8],
}

impl<'a> Packet<'a> {
    /// Wraps `buffer` after checking version, header length and total length.
    ///
    /// # Errors
    /// [`WireError::Truncated`] when the bytes end before the header or the total length;
    /// [`WireError::Unsupported`] for a version other than 4; [`WireError::Malformed`] for an
    /// IHL below 5 or a total length shorter than the header.
    pub fn new_checked(buffer: &'a [u8]) -> Result<Self, WireError> {
        let truncated = |need| WireError::Truncated {
            layer: "ip",
            need,
            got: buffer.len(),
        };
        if buffer.len() < MIN_HEADER_LEN {
            return Err(truncated(MIN_HEADER_LEN));
        }
        let p = Packet { buffer };
        if p.version() != 4 {
            return Err(WireError::Unsupported {
                layer: "ip",
                what: format!("IP version {}", p.version()),
            });
        }
        let hl = p.header_len();
        if hl < MIN_HEADER_LEN {
            return Err(WireError::Malformed {
                layer: "ip",
                reason: format!("header length {hl} below 20"),
            });
        }
        if buffer.len() < hl {
            return Err(truncated(hl));
        }
        let total = usize::from(p.total_len());
        if total < hl {
            return Err(WireError::Malformed {
                layer: "ip",
                reason: format!("total length {total} below header length {hl}"),
            });
        }
        if buffer.len() < total {
            return Err(truncated(total));
        }
        Ok(p)
    }

    /// Version nibble.
    pub fn version(&self) -> u8 {
        self.buffer[field::VER_IHL] >> 4
    }

    /// Header length in bytes (IHL × 4).
    pub fn header_len(&self) -> usize {
        usize::from(self.buffer[field::VER_IHL] & 0x0f) * 4
    }

    /// DSCP (6 bits).
    pub fn dscp(&self) -> u8 {
        self.buffer[field::DS_ECN] >> 2
    }

    /// ECN (2 bits).
    pub fn ecn(&self) -> u8 {
        self.buffer[field::DS_ECN] & 0x03
    }

    /// Total length (header + payload).
    pub fn total_len(&self) -> u16 {
        be16(self.buffer, field::LENGTH.start)
    }

    /// Identification.
    pub fn ident(&self) -> u16 {
        be16(self.buffer, field::IDENT.start)
    }

    /// The three flag bits (reserved, DF, MF) as a number 0..=7.
    pub fn flags(&self) -> u8 {
        self.buffer[field::FLG_OFF.start] >> 5
    }

    /// Fragment offset in 8-byte units.
    pub fn frag_offset(&self) -> u16 {
        be16(self.buffer, field::FLG_OFF.start) & 0x1fff
    }

    /// More fragments follow, or this is not the first fragment.
    pub fn is_fragment(&self) -> bool {
        self.flags() & 1 == 1 || self.frag_offset() != 0
    }

    /// Time to live.
    pub fn ttl(&self) -> u8 {
        self.buffer[field::TTL]
    }

    /// Protocol number.
    pub fn protocol(&self) -> u8 {
        self.buffer[field::PROTOCOL]
    }

    /// Header checksum as on the wire.
    pub fn checksum(&self) -> u16 {
        be16(self.buffer, field::CHECKSUM.start)
    }

    /// Source address.
    pub fn src(&self) -> [u8; 4] {
        array(self.buffer, field::SRC_ADDR.start)
    }

    /// Destination address.
    pub fn dst(&self) -> [u8; 4] {
        array(self.buffer, field::DST_ADDR.start)
    }

    /// The header, options included.
    pub fn header(&self) -> &'a [u8] {
        &self.buffer[..self.header_len()]
    }

    /// The payload: from the end of the header to the total length.
    pub fn payload(&self) -> &'a [u8] {
        &self.buffer[self.header_len()..usize::from(self.total_len())]
    }

    /// Whether the header checksum is correct.
    pub fn verify_checksum(&self) -> bool {
        checksum::verify_ipv4_header(self.header())
    }

    /// The checksum the header should carry.
    pub fn expected_checksum(&self) -> u16 {
        checksum::ipv4_header(self.header())
    }
}

fn bit(v: bool) -> String {
    u8::from(v).to_string()
}

/// An IP protocol number as tshark names it in its Info column: `"UDP 17"`, `"TCP 6"`.
pub fn protocol_name(protocol: u8) -> String {
    match protocol {
        1 => "ICMP 1".into(),
        PROTO_TCP => format!("TCP {PROTO_TCP}"),
        PROTO_UDP => format!("UDP {PROTO_UDP}"),
        n => n.to_string(),
    }
}

/// The `ip` layer, the packet starting at frame offset `base`.
pub fn annotate(p: &Packet<'_>, base: usize) -> Layer {
    let flags = p.flags();
    let ds = p.buffer[field::DS_ECN];
    let mut fields = vec![
        Field::new("ip.version", base, 1, 0xf0, p.version().to_string()),
        Field::new("ip.hdr_len", base, 1, 0x0f, p.header_len().to_string()),
        Field::new(
            "ip.dsfield",
            base + field::DS_ECN,
            1,
            0,
            format!("0x{ds:02x}"),
        )
        .with_children(vec![
            Field::new("ip.dsfield.dscp", base + 1, 1, 0xfc, p.dscp().to_string()),
            Field::new("ip.dsfield.ecn", base + 1, 1, 0x03, p.ecn().to_string()),
        ]),
        Field::new(
            "ip.len",
            base + field::LENGTH.start,
            2,
            0,
            p.total_len().to_string(),
        ),
        Field::new(
            "ip.id",
            base + field::IDENT.start,
            2,
            0,
            format!("0x{:04x}", p.ident()),
        ),
        Field::new(
            "ip.flags",
            base + field::FLG_OFF.start,
            1,
            0xe0,
            format!("0x{flags:02x}"),
        )
        .with_children(vec![
            Field::new("ip.flags.rb", base + 6, 1, 0x80, bit(flags & 4 != 0)),
            Field::new("ip.flags.df", base + 6, 1, 0x40, bit(flags & 2 != 0)),
            Field::new("ip.flags.mf", base + 6, 1, 0x20, bit(flags & 1 != 0)),
        ]),
        Field::new(
            "ip.frag_offset",
            base + field::FLG_OFF.start,
            2,
            0x1fff,
            p.frag_offset().to_string(),
        ),
        Field::new("ip.ttl", base + field::TTL, 1, 0, p.ttl().to_string()),
        Field::new(
            "ip.proto",
            base + field::PROTOCOL,
            1,
            0,
            p.protocol().to_string(),
        ),
        Field::new(
            "ip.checksum",
            base + field::CHECKSUM.start,
            2,
            0,
            format!("0x{:04x}", p.checksum()),
        ),
        Field::new(
            "ip.src",
            base + field::SRC_ADDR.start,
            4,
            0,
            fmt_ipv4(p.src()),
        ),
        Field::new(
            "ip.dst",
            base + field::DST_ADDR.start,
            4,
            0,
            fmt_ipv4(p.dst()),
        ),
    ];
    let hl = p.header_len();
    if hl > MIN_HEADER_LEN {
        fields.push(Field::new(
            "ip.options",
            base + MIN_HEADER_LEN,
            hl - MIN_HEADER_LEN,
            0,
            fmt_hex_colon(&p.buffer[MIN_HEADER_LEN..hl]),
        ));
    }
    Layer {
        id: LayerId::Ip,
        offset: base,
        len: hl,
        fields,
    }
}
