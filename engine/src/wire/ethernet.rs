//! Ethernet II: destination, source, EtherType; plus the padding/trailer after the last protocol.

use super::{array, be16, fmt_hex_colon, fmt_mac, Field, Layer, LayerId, WireError};

/// Field offsets of the Ethernet II header.
pub mod field {
    use crate::wire::Span;
    /// Destination MAC address.
    pub const DESTINATION: Span = 0..6;
    /// Source MAC address.
    pub const SOURCE: Span = 6..12;
    /// EtherType.
    pub const ETHERTYPE: Span = 12..14;
    /// First byte after the header.
    pub const PAYLOAD: usize = 14;
}

/// Ethernet II header length.
pub const HEADER_LEN: usize = field::PAYLOAD;
/// Minimum frame length without FCS; shorter frames are padded on the wire.
pub const MIN_FRAME_LEN: usize = 60;
/// EtherType of IPv4.
pub const ETHERTYPE_IPV4: u16 = 0x0800;
/// EtherType of ARP.
pub const ETHERTYPE_ARP: u16 = 0x0806;

/// A checked read-only view of an Ethernet II frame.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    buffer: &'a [u8],
}

impl<'a> Frame<'a> {
    /// Wraps `buffer` after checking it holds a whole header.
    ///
    /// # Errors
    /// [`WireError::Truncated`] when `buffer` is shorter than 14 bytes.
    pub fn new_checked(buffer: &'a [u8]) -> Result<Self, WireError> {
        if buffer.len() < HEADER_LEN {
            return Err(WireError::Truncated {
                layer: "eth",
                need: HEADER_LEN,
                got: buffer.len(),
            });
        }
        Ok(Frame { buffer })
    }

    /// Destination MAC address.
    pub fn dst(&self) -> [u8; 6] {
        array(self.buffer, field::DESTINATION.start)
    }

    /// Source MAC address.
    pub fn src(&self) -> [u8; 6] {
        array(self.buffer, field::SOURCE.start)
    }

    /// EtherType.
    pub fn ethertype(&self) -> u16 {
        be16(self.buffer, field::ETHERTYPE.start)
    }

    /// Everything after the header.
    pub fn payload(&self) -> &'a [u8] {
        &self.buffer[HEADER_LEN..]
    }
}

/// The address field with tshark's LG and IG bit children.
fn address(id: &str, range: &super::Span, mac: [u8; 6]) -> Field {
    let lg = (mac[0] >> 1) & 1;
    let ig = mac[0] & 1;
    Field::new(id, range.start, 6, 0, fmt_mac(mac)).with_children(vec![
        Field::new(
            &format!("{id}.lg"),
            range.start,
            3,
            0x02_0000,
            lg.to_string(),
        ),
        Field::new(
            &format!("{id}.ig"),
            range.start,
            3,
            0x01_0000,
            ig.to_string(),
        ),
    ])
}

/// The `eth` layer of a frame (always at offset 0).
pub fn annotate(frame: &Frame<'_>) -> Layer {
    Layer {
        id: LayerId::Eth,
        offset: 0,
        len: HEADER_LEN,
        fields: vec![
            address("eth.dst", &field::DESTINATION, frame.dst()),
            address("eth.src", &field::SOURCE, frame.src()),
            Field::new(
                "eth.type",
                field::ETHERTYPE.start,
                2,
                0,
                format!("0x{:04x}", frame.ethertype()),
            ),
        ],
    }
}

/// The `padding` layer for bytes after `end` (where the last protocol stops): up to byte 60
/// they are `eth.padding`, beyond it `eth.trailer`, as tshark names them. `None` if there are none.
pub fn annotate_padding(frame: &[u8], end: usize) -> Option<Layer> {
    if end >= frame.len() {
        return None;
    }
    let mut fields = Vec::new();
    let pad_end = frame.len().min(MIN_FRAME_LEN.max(end));
    if pad_end > end {
        fields.push(Field::new(
            "eth.padding",
            end,
            pad_end - end,
            0,
            fmt_hex_colon(&frame[end..pad_end]),
        ));
    }
    if frame.len() > pad_end {
        fields.push(Field::new(
            "eth.trailer",
            pad_end,
            frame.len() - pad_end,
            0,
            fmt_hex_colon(&frame[pad_end..]),
        ));
    }
    Some(Layer {
        id: LayerId::Padding,
        offset: end,
        len: frame.len() - end,
        fields,
    })
}
