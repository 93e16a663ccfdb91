//! The physical-layer view of a frame: what actually crosses the cable.
//!
//! A capture (and our pcap) holds the frame from destination MAC to the end of the payload.
//! On the wire an IEEE 802.3 transmitter adds 7 preamble bytes `0x55`, the start frame
//! delimiter `0xd5`, zero padding up to 60 bytes, and the 4-byte frame check sequence
//! (CRC-32 over destination MAC .. padding, sent least significant byte first). Each byte
//! goes out least significant bit first, which [`PhysicalFrame::bits`] follows.

use serde::{Deserialize, Serialize};

use super::ethernet::MIN_FRAME_LEN;

/// Preamble byte (sent 7 times).
pub const PREAMBLE_BYTE: u8 = 0x55;
/// Preamble length.
pub const PREAMBLE_LEN: usize = 7;
/// Start frame delimiter.
pub const SFD: u8 = 0xd5;
/// FCS length.
pub const FCS_LEN: usize = 4;

/// A named run of bytes of a [`PhysicalFrame`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhysicalSegment {
    /// `"preamble"`, `"sfd"`, `"frame"`, `"padding"` or `"fcs"`.
    pub id: String,
    /// Offset in [`PhysicalFrame::bytes`].
    pub offset: usize,
    /// Length in bytes (a `padding` segment is present only when its length is not 0).
    pub len: usize,
    /// i18n message key, e.g. `"phy.preamble"`.
    pub meaning: String,
}

/// A frame as transmitted: preamble, SFD, frame, padding, FCS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhysicalFrame {
    /// All bytes in transmission order.
    pub bytes: Vec<u8>,
    /// The named parts of `bytes`, in order; they tile it.
    pub segments: Vec<PhysicalSegment>,
    /// The CRC-32 value (the FCS bytes are its little-endian encoding).
    pub fcs: u32,
}

impl PhysicalFrame {
    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&PhysicalSegment> {
        self.segments.iter().find(|s| s.id == id)
    }

    /// The bytes of the segment with this id (empty if absent).
    pub fn segment_bytes(&self, id: &str) -> &[u8] {
        self.segment(id)
            .and_then(|s| self.bytes.get(s.offset..s.offset + s.len))
            .unwrap_or(&[])
    }

    /// Every bit in transmission order (each byte least significant bit first), as 0/1.
    pub fn bits(&self) -> Vec<u8> {
        self.bytes.iter().flat_map(|&b| wire_bits(b)).collect()
    }

    /// Whether the FCS matches the bytes it covers (always true for a fresh [`physical`] frame).
    pub fn fcs_ok(&self) -> bool {
        let start = PREAMBLE_LEN + 1;
        match self.bytes.get(start..) {
            Some(covered) if covered.len() >= FCS_LEN => crc32(covered) == CRC32_RESIDUE,
            _ => false,
        }
    }
}

/// The CRC-32 of data followed by its own little-endian CRC.
pub const CRC32_RESIDUE: u32 = 0x2144_df1c;

/// The 8 bits of `byte` in the order Ethernet sends them: least significant first.
pub fn wire_bits(byte: u8) -> [u8; 8] {
    let mut out = [0u8; 8];
    for (i, bit) in out.iter_mut().enumerate() {
        *bit = (byte >> i) & 1;
    }
    out
}

/// IEEE 802.3 CRC-32 (reflected polynomial 0xedb88320, initial and final XOR 0xffffffff).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let lsb = crc & 1;
            crc >>= 1;
            if lsb == 1 {
                crc ^= 0xedb8_8320;
            }
        }
    }
    !crc
}

fn segment(id: &str, offset: usize, len: usize) -> PhysicalSegment {
    PhysicalSegment {
        id: id.into(),
        offset,
        len,
        meaning: format!("phy.{id}"),
    }
}

/// Builds the physical-layer view of `frame` (as captured: no padding, no FCS).
pub fn physical(frame: &[u8]) -> PhysicalFrame {
    let pad = MIN_FRAME_LEN.saturating_sub(frame.len());
    let mut bytes = Vec::with_capacity(PREAMBLE_LEN + 1 + frame.len() + pad + FCS_LEN);
    bytes.extend_from_slice(&[PREAMBLE_BYTE; PREAMBLE_LEN]);
    bytes.push(SFD);
    let start = bytes.len();
    bytes.extend_from_slice(frame);
    bytes.resize(bytes.len() + pad, 0);
    let fcs = crc32(&bytes[start..]);
    bytes.extend_from_slice(&fcs.to_le_bytes());
    let mut segments = vec![
        segment("preamble", 0, PREAMBLE_LEN),
        segment("sfd", PREAMBLE_LEN, 1),
        segment("frame", start, frame.len()),
    ];
    if pad > 0 {
        segments.push(segment("padding", start + frame.len(), pad));
    }
    segments.push(segment("fcs", start + frame.len() + pad, FCS_LEN));
    PhysicalFrame {
        bytes,
        segments,
        fcs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn preamble_sfd_bits() {
        assert_eq!(wire_bits(PREAMBLE_BYTE), [1, 0, 1, 0, 1, 0, 1, 0]);
        assert_eq!(wire_bits(SFD), [1, 0, 1, 0, 1, 0, 1, 1]);
    }

    #[test]
    fn short_frame_is_padded_and_checked() {
        let p = physical(&[0xff; 42]);
        assert_eq!(p.bytes.len(), 8 + 60 + 4);
        assert_eq!(p.segment("padding").map(|s| s.len), Some(18));
        assert!(p.fcs_ok());
        let tiles: usize = p.segments.iter().map(|s| s.len).sum();
        assert_eq!(tiles, p.bytes.len());
        assert_eq!(p.bits().len(), p.bytes.len() * 8);
    }
}
