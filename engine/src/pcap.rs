//! pcap export: frames with their virtual time, as a classic libpcap file (LINKTYPE_ETHERNET).
//!
//! One writer for native and wasm32 (where the app offers the same download): the classic
//! format is a 24-byte header and a 16-byte record header per frame. A test reads the file
//! back with the independent `pcap-file` crate, and the tshark oracle reads every file the
//! catalogue produces. Frames go in as captured: no preamble, padding or FCS.

/// pcap magic number for microsecond timestamps.
pub const MAGIC_MICROS: u32 = 0xa1b2_c3d4;
/// LINKTYPE_ETHERNET.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// Snapshot length written in the header.
pub const SNAPLEN: u32 = 65_535;

/// Writes `(time in µs, frame bytes)` pairs as a pcap file (little-endian, µs resolution).
pub fn write_pcap<'a>(frames: impl IntoIterator<Item = (u64, &'a [u8])>) -> Vec<u8> {
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
    }

    #[test]
    fn an_independent_reader_reads_it_back() {
        use pcap_file::pcap::PcapReader;
        use pcap_file::DataLink;
        let frames: [(u64, &[u8]); 2] = [(0, &[0xaa; 60]), (2_000_001, &[1, 2, 3])];
        let file = write_pcap(frames);
        let mut reader = PcapReader::new(&file[..]).expect("a pcap header");
        assert_eq!(reader.header().datalink, DataLink::ETHERNET);
        for (t, bytes) in frames {
            let p = reader
                .next_packet()
                .expect("a record")
                .expect("a valid record");
            assert_eq!(p.timestamp.as_micros(), u128::from(t));
            assert_eq!(p.orig_len as usize, bytes.len());
            assert_eq!(&p.data[..], bytes);
        }
        assert!(reader.next_packet().is_none());
    }
}
