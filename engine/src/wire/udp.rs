//! UDP header (RFC 768): ports, length, checksum over the IPv4 pseudo-header.

use super::{be16, checksum, Field, Layer, LayerId, WireError};

/// Field offsets of the UDP header.
pub mod field {
    use crate::wire::Span;
    /// Source port.
    pub const SRC_PORT: Span = 0..2;
    /// Destination port.
    pub const DST_PORT: Span = 2..4;
    /// Length of header + payload.
    pub const LENGTH: Span = 4..6;
    /// Checksum.
    pub const CHECKSUM: Span = 6..8;
}

/// UDP header length.
pub const HEADER_LEN: usize = field::CHECKSUM.end;

/// A checked read-only view of a UDP datagram.
#[derive(Debug, Clone, Copy)]
pub struct Datagram<'a> {
    buffer: &'a [u8],
}

impl<'a> Datagram<'a> {
    /// Wraps `buffer` (the IPv4 payload) after checking header and length field.
    ///
    /// # Errors
    /// [`WireError::Truncated`] when shorter than 8 bytes or than its length field;
    /// [`WireError::Malformed`] when the length field is below 8.
    pub fn new_checked(buffer: &'a [u8]) -> Result<Self, WireError> {
        if buffer.len() < HEADER_LEN {
            return Err(WireError::Truncated {
                layer: "udp",
                need: HEADER_LEN,
                got: buffer.len(),
            });
        }
        let d = Datagram { buffer };
        let len = usize::from(d.length());
        if len < HEADER_LEN {
            return Err(WireError::Malformed {
                layer: "udp",
                reason: format!("length {len} below 8"),
            });
        }
        if len > buffer.len() {
            return Err(WireError::Truncated {
                layer: "udp",
                need: len,
                got: buffer.len(),
            });
        }
        Ok(d)
    }

    /// Source port.
    pub fn src_port(&self) -> u16 {
        be16(self.buffer, field::SRC_PORT.start)
    }

    /// Destination port.
    pub fn dst_port(&self) -> u16 {
        be16(self.buffer, field::DST_PORT.start)
    }

    /// Length field (header + payload).
    pub fn length(&self) -> u16 {
        be16(self.buffer, field::LENGTH.start)
    }

    /// Checksum as on the wire (0 = none sent).
    pub fn checksum(&self) -> u16 {
        be16(self.buffer, field::CHECKSUM.start)
    }

    /// Header and payload, as far as the length field says.
    pub fn datagram(&self) -> &'a [u8] {
        &self.buffer[..usize::from(self.length())]
    }

    /// The payload.
    pub fn payload(&self) -> &'a [u8] {
        &self.datagram()[HEADER_LEN..]
    }

    /// Whether the checksum is right; `None` when the sender sent none (0).
    pub fn verify_checksum(&self, src: [u8; 4], dst: [u8; 4]) -> Option<bool> {
        if self.checksum() == 0 {
            return None;
        }
        Some(checksum::verify_l4(src, dst, 17, self.datagram()))
    }

    /// The checksum the datagram should carry.
    pub fn expected_checksum(&self, src: [u8; 4], dst: [u8; 4]) -> u16 {
        checksum::udp(src, dst, self.datagram())
    }
}

/// The `udp` layer, the datagram starting at frame offset `base`.
pub fn annotate(d: &Datagram<'_>, base: usize) -> Layer {
    Layer {
        id: LayerId::Udp,
        offset: base,
        len: HEADER_LEN,
        fields: vec![
            Field::new("udp.srcport", base, 2, 0, d.src_port().to_string()),
            Field::new("udp.dstport", base + 2, 2, 0, d.dst_port().to_string()),
            Field::new("udp.length", base + 4, 2, 0, d.length().to_string()),
            Field::new(
                "udp.checksum",
                base + 6,
                2,
                0,
                format!("0x{:04x}", d.checksum()),
            ),
        ],
    }
}
