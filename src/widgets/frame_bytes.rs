//! Pure readings of a frame's bytes, shown by the inspector and used by scene models:
//! which field a byte belongs to, a bit field's bits, a MAC split into vendor and serial,
//! an IPv4 address in binary, and what a checksum covers. No HTML here.

use std::collections::BTreeSet;
use std::ops::Range;
use wirewalk_engine::wire::{self, checksum, AnnotatedFrame, Field};

/// The deepest field whose bytes contain `offset`.
#[must_use]
pub fn field_at(fields: &[Field], offset: usize) -> Option<&Field> {
    fields
        .iter()
        .find(|f| f.len > 0 && (f.offset..f.offset + f.len).contains(&offset))
        .map(|f| field_at(&f.children, offset).unwrap_or(f))
}

/// The bits of a bit field as Wireshark prints them: the bits of its bytes, `None` (a dot)
/// for bits outside the mask. Empty for whole-byte fields.
#[must_use]
pub fn bit_pattern(f: &Field, bytes: &[u8]) -> Vec<Option<u8>> {
    if f.mask == 0 {
        return Vec::new();
    }
    let bits: BTreeSet<usize> = f.bits().into_iter().collect();
    let (Some(&first), Some(&last)) = (bits.first(), bits.last()) else {
        return Vec::new();
    };
    // Only the bytes that hold the field's bits (tshark gives `eth.dst.ig` all 3 OUI bytes).
    (first / 8 * 8..(last / 8 + 1) * 8)
        .map(|i| {
            bits.contains(&i)
                .then(|| bytes.get(i / 8).map_or(0, |b| (b >> (7 - i % 8)) & 1))
        })
        .collect()
}

/// A MAC address split as the course teaches it: vendor (OUI) and serial, with the two
/// low bits of the first byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MacParts {
    /// The whole address, `aa:bb:cc:dd:ee:ff`, lower case.
    pub text: String,
    /// First 3 bytes (the first 6 hex digits): the vendor's OUI.
    pub oui: String,
    /// Last 3 bytes: the card's serial number.
    pub serial: String,
    /// I/G bit: 1 = group (multicast or broadcast).
    pub group: bool,
    /// U/L bit: 1 = locally administered.
    pub local: bool,
    /// All ones: broadcast.
    pub broadcast: bool,
}

/// Splits a 6-byte MAC.
#[must_use]
pub fn mac_parts(mac: &[u8]) -> Option<MacParts> {
    mac.try_into().ok().map(mac_parts_of)
}

/// Splits a MAC address.
#[must_use]
pub fn mac_parts_of(m: &[u8; 6]) -> MacParts {
    MacParts {
        text: wire::fmt_mac(*m),
        oui: wire::fmt_hex_colon(&m[..3]),
        serial: wire::fmt_hex_colon(&m[3..]),
        group: m[0] & 1 == 1,
        local: m[0] & 2 == 2,
        broadcast: m.iter().all(|&b| b == 0xff),
    }
}

/// The bytes a field's value lives in: for a bit field, only the bytes its mask touches
/// (`eth.dst.ig` is bit 0 of byte 0, though tshark gives it the MAC's first 3 bytes).
#[must_use]
pub fn value_bytes(f: &wirewalk_engine::wire::Field) -> std::ops::Range<usize> {
    let bits = f.bits();
    match (bits.first(), bits.last()) {
        (Some(a), Some(b)) if f.mask != 0 => a / 8..b / 8 + 1,
        _ => f.range(),
    }
}

/// An IPv4 address's four octets in binary, dot-separated.
#[must_use]
pub fn ipv4_binary(ip: &[u8]) -> String {
    ip.iter()
        .map(|b| format!("{b:08b}"))
        .collect::<Vec<_>>()
        .join(".")
}

/// A byte string longer than a MAC (`02:04:05:b4:03:03:…`, a dotted binary address) with
/// a break opportunity (U+200B) after each `:` or `.`, so a narrow box wraps it between
/// bytes, never inside one (a box's `overflow-wrap: anywhere` would otherwise cut
/// "0" / "0:04"). Anything else, a MAC or an IPv4 address included, is returned as it is.
#[must_use]
pub fn breakable(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.len() > 17
        && s.contains([':', '.'])
        && s.chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    if !bytes {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    for c in s.chars() {
        out.push(c);
        if c == ':' || c == '.' {
            out.push('\u{200b}');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// What a checksum covers, recomputed from the frame's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Frame byte ranges summed (for TCP/UDP: source IP, destination IP, the segment).
    pub ranges: Vec<Range<usize>>,
    /// The 12-byte pseudo-header (TCP/UDP only): source IP, destination IP, zero,
    /// protocol, segment length.
    pub pseudo: Option<[u8; 12]>,
    /// The one's-complement sum of everything covered, checksum included: `0xffff` when right.
    pub sum: u16,
}

/// What the checksum field `id` of frame `a` covers.
#[must_use]
pub fn coverage(a: &AnnotatedFrame, bytes: &[u8], id: &str) -> Option<Coverage> {
    let ip = a.layer(wire::LayerId::Ip)?;
    let header = bytes.get(ip.offset..ip.offset + ip.len)?;
    if id == "ip.checksum" {
        return Some(Coverage {
            ranges: std::iter::once(ip.offset..ip.offset + ip.len).collect(),
            pseudo: None,
            sum: checksum::sum(header),
        });
    }
    let (layer, proto) = match id {
        "tcp.checksum" => ("tcp", 6u8),
        "udp.checksum" => ("udp", 17u8),
        _ => return None,
    };
    let l4 = a.layer(wire::LayerId::parse(layer)?)?;
    // The addresses and the length are read where the annotation says they are.
    let range = |field: &str| a.field(field).map(|f| f.offset..f.offset + f.len);
    let (src_at, dst_at, len_at) = (range("ip.src")?, range("ip.dst")?, range("ip.len")?);
    let src: [u8; 4] = bytes.get(src_at.clone())?.try_into().ok()?;
    let dst: [u8; 4] = bytes.get(dst_at.clone())?.try_into().ok()?;
    let total = usize::from(u16::from_be_bytes(bytes.get(len_at)?.try_into().ok()?));
    let end = (ip.offset + total).min(bytes.len());
    let segment = bytes.get(l4.offset..end)?;
    let pseudo = checksum::pseudo_header_bytes(src, dst, proto, segment.len());
    let mut all = pseudo.to_vec();
    all.extend_from_slice(segment);
    Some(Coverage {
        ranges: vec![src_at, dst_at, l4.offset..end],
        pseudo: Some(pseudo),
        sum: checksum::sum(&all),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use wirewalk_engine::trace::Frame;

    fn f(id: &str, offset: usize, len: usize, children: Vec<Field>) -> Field {
        Field {
            id: id.into(),
            offset,
            len,
            mask: 0,
            show: String::new(),
            meaning: String::new(),
            children,
        }
    }

    #[test]
    fn a_byte_maps_to_its_deepest_field() {
        let fields = vec![
            f("tcp.srcport", 34, 2, vec![]),
            f("tcp.flags", 46, 2, vec![f("tcp.flags.syn", 47, 1, vec![])]),
        ];
        assert_eq!(
            field_at(&fields, 35).map(|f| f.id.as_str()),
            Some("tcp.srcport")
        );
        assert_eq!(
            field_at(&fields, 47).map(|f| f.id.as_str()),
            Some("tcp.flags.syn")
        );
        assert_eq!(
            field_at(&fields, 46).map(|f| f.id.as_str()),
            Some("tcp.flags")
        );
        assert_eq!(field_at(&fields, 10), None);
    }

    /// The first data segment (or datagram) of a catalogue scenario, for tests of the
    /// widgets that read frames.
    pub(crate) fn data_frame(scenario: &str) -> Frame {
        let t =
            wirewalk_engine::run(&wirewalk_engine::scenario::Scenario::named(scenario).unwrap())
                .unwrap();
        t.frames
            .iter()
            .find(|f| matches!(f.role.map(|r| r.as_str()), Some("data" | "udp")))
            .unwrap()
            .clone()
    }

    #[test]
    fn bit_fields_show_only_their_bits() {
        let fr = data_frame("tcp");
        let a = fr.annotated.as_ref().unwrap();
        let pat = |id: &str| -> String {
            bit_pattern(a.field(id).unwrap(), &fr.bytes)
                .iter()
                .map(|b| b.map_or('.', |v| char::from(b'0' + v)))
                .collect()
        };
        assert_eq!(pat("ip.version"), "0100....");
        assert_eq!(pat("ip.hdr_len"), "....0101");
        assert_eq!(pat("tcp.flags.push"), "....1...");
        assert_eq!(pat("tcp.flags.syn"), "......0.");
        assert_eq!(pat("tcp.flags.res"), "....000.");
        assert_eq!(pat("eth.dst.ig"), ".......0");
        assert_eq!(pat("eth.dst.lg"), "......1.");
        assert!(bit_pattern(a.field("ip.ttl").unwrap(), &fr.bytes).is_empty());
    }

    #[test]
    fn macs_split_into_vendor_and_serial() {
        let m = mac_parts(&[0x02, 0, 0, 0, 0, 0x0a]).unwrap();
        assert_eq!(
            (m.oui.as_str(), m.serial.as_str()),
            ("02:00:00", "00:00:0a")
        );
        assert!(m.local && !m.group && !m.broadcast);
        let b = mac_parts(&[0xff; 6]).unwrap();
        assert!(b.broadcast && b.group);
        let v = mac_parts(&[0x00, 0x1b, 0x21, 1, 2, 3]).unwrap();
        assert!(!v.local && !v.group);
        assert_eq!(mac_parts(&[1, 2]), None);
        assert_eq!(
            ipv4_binary(&[192, 168, 1, 10]),
            "11000000.10101000.00000001.00001010"
        );
    }

    #[test]
    fn long_byte_strings_may_break_between_bytes_only() {
        assert_eq!(
            breakable("11000000.10101000.00000001.00001010"),
            "11000000.\u{200b}10101000.\u{200b}00000001.\u{200b}00001010"
        );
        assert_eq!(
            breakable("02:04:05:b4:03:03"),
            "02:04:05:b4:03:03",
            "a MAC stays as it is"
        );
        assert_eq!(
            breakable("02:04:05:b4:03:03:00"),
            "02:\u{200b}04:\u{200b}05:\u{200b}b4:\u{200b}03:\u{200b}03:\u{200b}00"
        );
        assert_eq!(breakable("192.168.100.200"), "192.168.100.200");
        assert_eq!(
            breakable("a long sentence: with words."),
            "a long sentence: with words."
        );
    }

    #[test]
    fn checksums_cover_what_they_should_and_sum_to_ffff() {
        for (sc, id, proto) in [("tcp", "tcp.checksum", 6), ("udp", "udp.checksum", 17)] {
            let fr = data_frame(sc);
            let a = fr.annotated.as_ref().unwrap();
            let ip = coverage(a, &fr.bytes, "ip.checksum").unwrap();
            assert_eq!(ip.ranges.len(), 1);
            assert_eq!(ip.ranges[0], 14..34);
            assert_eq!(ip.sum, 0xffff);
            let l4 = coverage(a, &fr.bytes, id).unwrap();
            assert_eq!(l4.sum, 0xffff, "{sc}");
            let p = l4.pseudo.unwrap();
            assert_eq!(&p[0..4], &[192, 168, 1, 10]);
            assert_eq!(&p[4..8], &[192, 168, 1, 20]);
            assert_eq!(p[9], proto);
            assert_eq!(
                usize::from(u16::from_be_bytes([p[10], p[11]])),
                fr.bytes.len() - 34
            );
            assert_eq!(l4.ranges[2], 34..fr.bytes.len());
            // A flipped payload bit breaks the sum.
            let mut bad = fr.bytes.clone();
            *bad.last_mut().unwrap() ^= 1;
            assert_ne!(coverage(a, &bad, id).unwrap().sum, 0xffff);
        }
    }
}
