//! The link-layer headers a capture file can start its frames with, besides Ethernet:
//! Linux cooked capture v1 and v2 (`tcpdump -i any`), BSD null/loopback (macOS `lo0`) and
//! raw IPv4 (no link header at all). Field ids, offsets and shown values are tshark 4.0's;
//! the capture tests compare them with tshark reading the same files.

use super::role::named_enum;
use super::{be16, be32, fmt_hex_colon, fmt_mac, Field, Layer, LayerId, WireError};
use serde::{Deserialize, Serialize};

/// What a frame's first byte is, as a capture file's link type (LINKTYPE_*) says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkType {
    /// LINKTYPE_ETHERNET (1): an Ethernet II header.
    #[default]
    Ethernet,
    /// LINKTYPE_LINUX_SLL (113): Linux cooked capture v1, 16 bytes.
    Sll,
    /// LINKTYPE_LINUX_SLL2 (276): Linux cooked capture v2, 20 bytes.
    Sll2,
    /// LINKTYPE_NULL (0): a 4-byte address family in the capturing host's byte order.
    Null,
    /// LINKTYPE_RAW (101) and LINKTYPE_IPV4 (228): the IP header comes first.
    RawIp,
}

named_enum!(LinkType {
    Ethernet => "ethernet",
    Sll => "sll",
    Sll2 => "sll2",
    Null => "null",
    RawIp => "raw_ip",
});

impl LinkType {
    /// The link type of a LINKTYPE_* number, if this engine reads it.
    pub fn from_number(n: u32) -> Option<LinkType> {
        match n {
            1 => Some(LinkType::Ethernet),
            113 => Some(LinkType::Sll),
            276 => Some(LinkType::Sll2),
            0 => Some(LinkType::Null),
            101 | 228 => Some(LinkType::RawIp),
            _ => None,
        }
    }
}

/// Linux cooked v1 header length.
pub const SLL_LEN: usize = 16;
/// Linux cooked v2 header length.
pub const SLL2_LEN: usize = 20;
/// BSD null header length.
pub const NULL_LEN: usize = 4;

/// What comes after a link header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// An EtherType (SLL, SLL2).
    EtherType(u16),
    /// A BSD address family (2 is IPv4).
    Family(u32),
}

fn need(layer: &'static str, frame: &[u8], n: usize) -> Result<(), WireError> {
    if frame.len() < n {
        return Err(WireError::Truncated {
            layer,
            need: n,
            got: frame.len(),
        });
    }
    Ok(())
}

/// The link-layer source address fields of SLL (v1 and v2): the address, as long as its
/// length field says, in an 8-byte slot whose rest tshark calls `sll.unused`.
fn sll_address(frame: &[u8], at: usize, halen: usize) -> Vec<Field> {
    let slot = &frame[at..at + 8];
    let mut out = Vec::new();
    let used = if halen == 6 {
        out.push(Field::new(
            "sll.src.eth",
            at,
            6,
            0,
            fmt_mac(super::array(slot, 0)),
        ));
        6
    } else if halen > 0 {
        let n = halen.min(8);
        out.push(Field::new(
            "sll.src.other",
            at,
            n,
            0,
            fmt_hex_colon(&slot[..n]),
        ));
        n
    } else {
        0
    };
    if used < 8 {
        out.push(Field::new(
            "sll.unused",
            at + used,
            8 - used,
            0,
            fmt_hex_colon(&slot[used..]),
        ));
    }
    out
}

/// Annotates a Linux cooked v1 header.
///
/// # Errors
/// [`WireError::Truncated`] when the frame is shorter than 16 bytes.
pub fn annotate_sll(frame: &[u8]) -> Result<(Layer, Next), WireError> {
    need("sll", frame, SLL_LEN)?;
    let halen = usize::from(be16(frame, 4));
    let etype = be16(frame, 14);
    let mut fields = vec![
        Field::new("sll.pkttype", 0, 2, 0, be16(frame, 0).to_string()),
        Field::new("sll.hatype", 2, 2, 0, be16(frame, 2).to_string()),
        Field::new("sll.halen", 4, 2, 0, halen.to_string()),
    ];
    fields.extend(sll_address(frame, 6, halen));
    fields.push(Field::new("sll.etype", 14, 2, 0, format!("0x{etype:04x}")));
    Ok((layer(SLL_LEN, fields), Next::EtherType(etype)))
}

/// Annotates a Linux cooked v2 header (tshark shows no field for its 2 reserved bytes).
///
/// # Errors
/// [`WireError::Truncated`] when the frame is shorter than 20 bytes.
pub fn annotate_sll2(frame: &[u8]) -> Result<(Layer, Next), WireError> {
    need("sll", frame, SLL2_LEN)?;
    let etype = be16(frame, 0);
    let halen = usize::from(frame[11]);
    let mut fields = vec![
        Field::new("sll.etype", 0, 2, 0, format!("0x{etype:04x}")),
        Field::new("sll.ifindex", 4, 4, 0, be32(frame, 4).to_string()),
        Field::new("sll.hatype", 8, 2, 0, be16(frame, 8).to_string()),
        Field::new("sll.pkttype", 10, 1, 0, frame[10].to_string()),
        Field::new("sll.halen", 11, 1, 0, halen.to_string()),
    ];
    fields.extend(sll_address(frame, 12, halen));
    Ok((layer(SLL2_LEN, fields), Next::EtherType(etype)))
}

/// Annotates a BSD null/loopback header. The family is in the capturing host's byte order;
/// like tshark, a value that does not fit in 16 bits is read the other way round.
///
/// # Errors
/// [`WireError::Truncated`] when the frame is shorter than 4 bytes.
pub fn annotate_null(frame: &[u8]) -> Result<(Layer, Next), WireError> {
    need("null", frame, NULL_LEN)?;
    let le = u32::from_le_bytes([frame[0], frame[1], frame[2], frame[3]]);
    let family = if le > 0xffff { le.swap_bytes() } else { le };
    let fields = vec![Field::new("null.family", 0, 4, 0, family.to_string())];
    Ok((
        Layer {
            id: LayerId::Null,
            offset: 0,
            len: NULL_LEN,
            fields,
        },
        Next::Family(family),
    ))
}

fn layer(len: usize, fields: Vec<Field>) -> Layer {
    Layer {
        id: LayerId::Sll,
        offset: 0,
        len,
        fields,
    }
}

/// BSD address family of IPv4.
pub const AF_INET: u32 = 2;
