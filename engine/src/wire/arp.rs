//! ARP for Ethernet and IPv4 (RFC 826): who has this IP address? — it is at this MAC.

use super::{array, be16, fmt_ipv4, fmt_mac, Field, Layer, LayerId, WireError};

/// Field offsets of an ARP packet for Ethernet/IPv4.
pub mod field {
    use crate::wire::Span;
    /// Hardware type (1 = Ethernet).
    pub const HTYPE: Span = 0..2;
    /// Protocol type (0x0800 = IPv4).
    pub const PTYPE: Span = 2..4;
    /// Hardware address length.
    pub const HLEN: Span = 4..5;
    /// Protocol address length.
    pub const PLEN: Span = 5..6;
    /// Operation (1 request, 2 reply).
    pub const OPER: Span = 6..8;
    /// Sender hardware address.
    pub const SHA: Span = 8..14;
    /// Sender protocol address.
    pub const SPA: Span = 14..18;
    /// Target hardware address.
    pub const THA: Span = 18..24;
    /// Target protocol address.
    pub const TPA: Span = 24..28;
}

/// Length of an Ethernet/IPv4 ARP packet.
pub const PACKET_LEN: usize = field::TPA.end;
/// Opcode of a request.
pub const OP_REQUEST: u16 = 1;
/// Opcode of a reply.
pub const OP_REPLY: u16 = 2;

/// A checked read-only view of an Ethernet/IPv4 ARP packet.
#[derive(Debug, Clone, Copy)]
pub struct Packet<'a> {
    buffer: &'a [u8],
}

impl<'a> Packet<'a> {
    /// Wraps `buffer` after checking its length and that it is ARP for Ethernet/IPv4.
    ///
    /// # Errors
    /// [`WireError::Truncated`] if shorter than the fixed part or the 28 bytes;
    /// [`WireError::Unsupported`] for other hardware/protocol types or address sizes.
    pub fn new_checked(buffer: &'a [u8]) -> Result<Self, WireError> {
        if buffer.len() < field::SHA.start {
            return Err(WireError::Truncated {
                layer: "arp",
                need: field::SHA.start,
                got: buffer.len(),
            });
        }
        let htype = be16(buffer, field::HTYPE.start);
        let ptype = be16(buffer, field::PTYPE.start);
        let (hlen, plen) = (buffer[field::HLEN.start], buffer[field::PLEN.start]);
        if htype != 1 || ptype != 0x0800 || hlen != 6 || plen != 4 {
            return Err(WireError::Unsupported {
                layer: "arp",
                what: format!(
                    "hardware type {htype} / protocol 0x{ptype:04x} / sizes {hlen},{plen}"
                ),
            });
        }
        if buffer.len() < PACKET_LEN {
            return Err(WireError::Truncated {
                layer: "arp",
                need: PACKET_LEN,
                got: buffer.len(),
            });
        }
        Ok(Packet { buffer })
    }

    /// Operation: 1 request, 2 reply.
    pub fn opcode(&self) -> u16 {
        be16(self.buffer, field::OPER.start)
    }

    /// Sender MAC.
    pub fn sender_mac(&self) -> [u8; 6] {
        array(self.buffer, field::SHA.start)
    }

    /// Sender IPv4 address.
    pub fn sender_ip(&self) -> [u8; 4] {
        array(self.buffer, field::SPA.start)
    }

    /// Target MAC.
    pub fn target_mac(&self) -> [u8; 6] {
        array(self.buffer, field::THA.start)
    }

    /// Target IPv4 address.
    pub fn target_ip(&self) -> [u8; 4] {
        array(self.buffer, field::TPA.start)
    }
}

/// tshark's Info text: `"Who has T? Tell S"`, `"S is at M"`, or `"ARP opcode N"`.
pub fn info(pkt: &Packet<'_>) -> String {
    match pkt.opcode() {
        OP_REQUEST => format!(
            "Who has {}? Tell {}",
            fmt_ipv4(pkt.target_ip()),
            fmt_ipv4(pkt.sender_ip())
        ),
        OP_REPLY => format!(
            "{} is at {}",
            fmt_ipv4(pkt.sender_ip()),
            fmt_mac(pkt.sender_mac())
        ),
        op => format!("ARP opcode {op}"),
    }
}

/// The `arp` layer, the packet starting at frame offset `base`.
pub fn annotate(pkt: &Packet<'_>, base: usize) -> Layer {
    let b = pkt.buffer;
    let at = |r: &super::Span| base + r.start;
    Layer {
        id: LayerId::Arp,
        offset: base,
        len: PACKET_LEN,
        fields: vec![
            Field::new(
                "arp.hw.type",
                at(&field::HTYPE),
                2,
                0,
                be16(b, 0).to_string(),
            ),
            Field::new(
                "arp.proto.type",
                at(&field::PTYPE),
                2,
                0,
                format!("0x{:04x}", be16(b, field::PTYPE.start)),
            ),
            Field::new(
                "arp.hw.size",
                at(&field::HLEN),
                1,
                0,
                b[field::HLEN.start].to_string(),
            ),
            Field::new(
                "arp.proto.size",
                at(&field::PLEN),
                1,
                0,
                b[field::PLEN.start].to_string(),
            ),
            Field::new(
                "arp.opcode",
                at(&field::OPER),
                2,
                0,
                pkt.opcode().to_string(),
            ),
            Field::new(
                "arp.src.hw_mac",
                at(&field::SHA),
                6,
                0,
                fmt_mac(pkt.sender_mac()),
            ),
            Field::new(
                "arp.src.proto_ipv4",
                at(&field::SPA),
                4,
                0,
                fmt_ipv4(pkt.sender_ip()),
            ),
            Field::new(
                "arp.dst.hw_mac",
                at(&field::THA),
                6,
                0,
                fmt_mac(pkt.target_mac()),
            ),
            Field::new(
                "arp.dst.proto_ipv4",
                at(&field::TPA),
                4,
                0,
                fmt_ipv4(pkt.target_ip()),
            ),
        ],
    }
}
