//! pcap export: frames with their virtual time, as a classic libpcap file (LINKTYPE_ETHERNET).
//!
//! Natively the file is written with the `pcap-file` crate; on wasm32 (where the app offers
//! the same download) a few lines write the identical format by hand. A test checks both
//! give the same bytes. Frames go in as captured: no preamble, padding or FCS.

/// pcap magic number for microsecond timestamps.
pub const MAGIC_MICROS: u32 = 0xa1b2_c3d4;
/// LINKTYPE_ETHERNET.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// Snapshot length written in the header.
pub const SNAPLEN: u32 = 65_535;

/// Writes `(time in µs, frame bytes)` pairs as a pcap file (little-endian, µs resolution).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_pcap<'a>(frames: impl IntoIterator<Item = (u64, &'a [u8])>) -> Vec<u8> {
    use pcap_file::pcap::{PcapHeader, PcapPacket, PcapWriter};
    use pcap_file::{DataLink, Endianness, TsResolution};
    use std::time::Duration;

    let header = PcapHeader {
        version_major: 2,
        version_minor: 4,
        ts_correction: 0,
        ts_accuracy: 0,
        snaplen: SNAPLEN,
        datalink: DataLink::ETHERNET,
        ts_resolution: TsResolution::MicroSecond,
        endianness: Endianness::Little,
    };
    let Ok(mut writer) = PcapWriter::with_header(Vec::new(), header) else {
        // Writing to a Vec cannot fail; fall back to the hand-written format anyway.
        return write_pcap_plain(frames);
    };
    let mut fallback = false;
    let mut all: Vec<(u64, &[u8])> = Vec::new();
    for (t, bytes) in frames {
        all.push((t, bytes));
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let packet = PcapPacket::new(Duration::from_micros(t), len, bytes);
        if writer.write_packet(&packet).is_err() {
            fallback = true;
        }
    }
    if fallback {
        return write_pcap_plain(all);
    }
    writer.into_writer()
}

/// Writes `(time in µs, frame bytes)` pairs as a pcap file (little-endian, µs resolution).
#[cfg(target_arch = "wasm32")]
pub fn write_pcap<'a>(frames: impl IntoIterator<Item = (u64, &'a [u8])>) -> Vec<u8> {
    write_pcap_plain(frames)
}

/// The same file as [`write_pcap`], written without the `pcap-file` crate.
pub fn write_pcap_plain<'a>(frames: impl IntoIterator<Item = (u64, &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC_MICROS.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&0i32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&SNAPLEN.to_le_bytes());
    out.extend_from_slice(&LINKTYPE_ETHERNET.to_le_bytes());
    for (t, bytes) in frames {
        let secs = u32::try_from(t / 1_000_000).unwrap_or(u32::MAX);
        let micros = (t % 1_000_000) as u32;
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&secs.to_le_bytes());
        out.extend_from_slice(&micros.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_record() {
        let f = [1u8, 2, 3];
        let p = write_pcap([(1_500_002u64, &f[..])]);
        assert_eq!(&p[..4], &[0xd4, 0xc3, 0xb2, 0xa1]);
        assert_eq!(&p[20..24], &1u32.to_le_bytes());
        assert_eq!(&p[24..28], &1u32.to_le_bytes()); // seconds
        assert_eq!(&p[28..32], &500_002u32.to_le_bytes()); // microseconds
        assert_eq!(&p[40..], &f);
        assert_eq!(p, write_pcap_plain([(1_500_002u64, &f[..])]));
    }
}
