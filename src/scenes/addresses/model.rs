//! The addresses scene's pure logic: the IPv4 converter (dotted decimal ⇄ 32-bit binary ⇄
//! integer) with its own validator (the bounds 0.0.0.0 and 255.255.255.255 are valid
//! here, unlike for a host), address ranges, and MAC anatomy (vendor OUI vs serial, I/G
//! and U/L bits); port ranges and the default-ports quiz in [`ports`]; the 4-tuple read
//! from two real engine runs in [`tuple`]. Everything is re-exported here, flat.

pub mod ports;
pub mod tuple;

pub use ports::*;
pub use tuple::*;

use crate::i18n::{error_message, tf, Lang};
use wirewalk_engine::scenario::{self};

/// Why the converter refused what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvError {
    /// Nothing typed.
    Empty,
    /// Dotted decimal without four parts (the count found).
    PartCount(usize),
    /// A part that is not a decimal number (as typed).
    NotDecimal(String),
    /// A part with a leading zero such as `010` (ambiguous: some parsers read octal).
    LeadingZero(String),
    /// A part above 255 (as typed).
    Octet(String),
    /// Binary with a character other than 0 and 1 (the character).
    BinaryChar(char),
    /// Binary without 32 digits (the count found).
    BinaryLen(usize),
    /// An integer with a non-digit.
    NotInteger(String),
    /// An integer above 4294967295 (as typed).
    IntegerRange(String),
    /// A MAC address without six groups (the count found).
    MacGroups(usize),
    /// A MAC group that is not two hex digits (as typed).
    MacGroup(String),
    /// A MAC written without separators that is not 12 hex digits (the count found).
    MacDigits(usize),
    /// A port that is not a number (as typed).
    PortNotNumber(String),
    /// A port above 65535 (as typed).
    PortRange(String),
}

impl ConvError {
    /// The i18n key of the message.
    #[must_use]
    pub fn key(&self) -> &'static str {
        match self {
            ConvError::Empty => "scene.addresses.err.empty",
            ConvError::PartCount(_) => "scene.addresses.err.part_count",
            ConvError::NotDecimal(_) => "scene.addresses.err.not_decimal",
            ConvError::LeadingZero(_) => "scene.addresses.err.leading_zero",
            ConvError::Octet(_) => "scene.addresses.err.octet",
            ConvError::BinaryChar(_) => "scene.addresses.err.binary_char",
            ConvError::BinaryLen(_) => "scene.addresses.err.binary_len",
            ConvError::NotInteger(_) => "scene.addresses.err.not_integer",
            ConvError::IntegerRange(_) => "scene.addresses.err.integer_range",
            ConvError::MacGroups(_) => "scene.addresses.err.mac_groups",
            ConvError::MacGroup(_) => "scene.addresses.err.mac_group",
            ConvError::MacDigits(_) => "scene.addresses.err.mac_digits",
            ConvError::PortNotNumber(_) => "scene.addresses.err.port_not_number",
            ConvError::PortRange(_) => "scene.addresses.err.port_range",
        }
    }

    /// The message, translated, with the offending part filled in.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let arg = match self {
            ConvError::Empty => String::new(),
            ConvError::PartCount(n) | ConvError::BinaryLen(n) => n.to_string(),
            ConvError::MacGroups(n) | ConvError::MacDigits(n) => n.to_string(),
            ConvError::BinaryChar(c) => c.to_string(),
            ConvError::NotDecimal(s)
            | ConvError::LeadingZero(s)
            | ConvError::Octet(s)
            | ConvError::NotInteger(s)
            | ConvError::IntegerRange(s)
            | ConvError::MacGroup(s)
            | ConvError::PortNotNumber(s)
            | ConvError::PortRange(s) => s.clone(),
        };
        tf(lang, self.key(), &[&arg])
    }
}

/// Which converter field a value was typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpForm {
    /// `192.168.1.10` (or `localhost`).
    Dotted,
    /// 32 binary digits (spaces and dots allowed between them).
    Binary,
    /// An unsigned 32-bit integer.
    Integer,
}

/// Parses dotted decimal. `localhost` is the loopback address's name and reads as 127.0.0.1.
///
/// # Errors
/// The first problem, as a [`ConvError`].
pub fn parse_dotted(s: &str) -> Result<u32, ConvError> {
    let v = s.trim();
    if v.is_empty() {
        return Err(ConvError::Empty);
    }
    if v.eq_ignore_ascii_case("localhost") {
        return Ok(0x7f00_0001);
    }
    let parts: Vec<&str> = v.split('.').collect();
    for p in &parts {
        if p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()) {
            return Err(ConvError::NotDecimal((*p).to_owned()));
        }
    }
    if parts.len() != 4 {
        return Err(ConvError::PartCount(parts.len()));
    }
    let mut out = 0u32;
    for p in parts {
        if p.len() > 1 && p.starts_with('0') {
            return Err(ConvError::LeadingZero(p.to_owned()));
        }
        let n: u32 = if p.len() > 3 {
            256
        } else {
            p.parse().unwrap_or(256)
        };
        if n > 255 {
            return Err(ConvError::Octet(p.to_owned()));
        }
        out = (out << 8) | n;
    }
    Ok(out)
}

/// Parses 32 binary digits; spaces, dots and underscores between them are ignored.
///
/// # Errors
/// [`ConvError::Empty`], [`ConvError::BinaryChar`] or [`ConvError::BinaryLen`].
pub fn parse_binary(s: &str) -> Result<u32, ConvError> {
    let digits: Vec<char> = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '_'))
        .collect();
    if digits.is_empty() {
        return Err(ConvError::Empty);
    }
    if let Some(&c) = digits.iter().find(|c| !matches!(c, '0' | '1')) {
        return Err(ConvError::BinaryChar(c));
    }
    if digits.len() != 32 {
        return Err(ConvError::BinaryLen(digits.len()));
    }
    Ok(digits
        .iter()
        .fold(0u32, |acc, &c| (acc << 1) | u32::from(c == '1')))
}

/// Parses an unsigned integer 0–4294967295.
///
/// # Errors
/// [`ConvError::Empty`], [`ConvError::NotInteger`] or [`ConvError::IntegerRange`].
pub fn parse_integer(s: &str) -> Result<u32, ConvError> {
    let v = s.trim();
    if v.is_empty() {
        return Err(ConvError::Empty);
    }
    if !v.bytes().all(|c| c.is_ascii_digit()) {
        return Err(ConvError::NotInteger(v.to_owned()));
    }
    let digits = v.trim_start_matches('0');
    if digits.len() > 10 {
        return Err(ConvError::IntegerRange(v.to_owned()));
    }
    let n: u64 = digits.parse().unwrap_or(0);
    u32::try_from(n).map_err(|_| ConvError::IntegerRange(v.to_owned()))
}

/// Parses any of the three forms.
///
/// # Errors
/// That form's [`ConvError`].
pub fn parse_ip(form: IpForm, s: &str) -> Result<u32, ConvError> {
    match form {
        IpForm::Dotted => parse_dotted(s),
        IpForm::Binary => parse_binary(s),
        IpForm::Integer => parse_integer(s),
    }
}

/// `192.168.1.10`.
#[must_use]
pub fn dotted(ip: u32) -> String {
    wirewalk_engine::wire::fmt_ipv4(ip.to_be_bytes())
}

/// `11000000.10101000.00000001.00001010` (octets separated by dots).
#[must_use]
pub fn binary(ip: u32) -> String {
    ip.to_be_bytes()
        .iter()
        .map(|b| format!("{b:08b}"))
        .collect::<Vec<_>>()
        .join(".")
}

/// What kind of address an IPv4 address is (the ranges a student meets first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpKind {
    /// 0.0.0.0: "this host, any address" (the lower bound).
    Unspecified,
    /// 255.255.255.255: limited broadcast (the upper bound).
    Broadcast,
    /// 127.0.0.0/8: loopback, `localhost`.
    Loopback,
    /// 10.0.0.0/8.
    Private10,
    /// 172.16.0.0/12.
    Private172,
    /// 192.168.0.0/16.
    Private192,
    /// 169.254.0.0/16: link-local (no DHCP answer).
    LinkLocal,
    /// 224.0.0.0/4: multicast.
    Multicast,
    /// 0.0.0.0/8 and 240.0.0.0/4: reserved.
    Reserved,
    /// Everything else: a public address, reachable across the Internet.
    Public,
}

impl IpKind {
    /// The i18n key describing the kind.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            IpKind::Unspecified => "scene.addresses.ip.kind.unspecified",
            IpKind::Broadcast => "scene.addresses.ip.kind.broadcast",
            IpKind::Loopback => "scene.addresses.ip.kind.loopback",
            IpKind::Private10 | IpKind::Private172 | IpKind::Private192 => {
                "scene.addresses.ip.kind.private"
            }
            IpKind::LinkLocal => "scene.addresses.ip.kind.link_local",
            IpKind::Multicast => "scene.addresses.ip.kind.multicast",
            IpKind::Reserved => "scene.addresses.ip.kind.reserved",
            IpKind::Public => "scene.addresses.ip.kind.public",
        }
    }

    /// A short id for CSS and tests.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            IpKind::Unspecified => "unspecified",
            IpKind::Broadcast => "broadcast",
            IpKind::Loopback => "loopback",
            IpKind::Private10 | IpKind::Private172 | IpKind::Private192 => "private",
            IpKind::LinkLocal => "link_local",
            IpKind::Multicast => "multicast",
            IpKind::Reserved => "reserved",
            IpKind::Public => "public",
        }
    }

    /// The range in CIDR notation, if the kind is a range.
    #[must_use]
    pub fn cidr(self) -> &'static str {
        match self {
            IpKind::Unspecified => "0.0.0.0/32",
            IpKind::Broadcast => "255.255.255.255/32",
            IpKind::Loopback => "127.0.0.0/8",
            IpKind::Private10 => "10.0.0.0/8",
            IpKind::Private172 => "172.16.0.0/12",
            IpKind::Private192 => "192.168.0.0/16",
            IpKind::LinkLocal => "169.254.0.0/16",
            IpKind::Multicast => "224.0.0.0/4",
            IpKind::Reserved => "0.0.0.0/8, 240.0.0.0/4",
            IpKind::Public => "",
        }
    }
}

/// The kind of `ip`.
#[must_use]
pub fn classify(ip: u32) -> IpKind {
    let [a, b, ..] = ip.to_be_bytes();
    match (ip, a, b) {
        (0, ..) => IpKind::Unspecified,
        (u32::MAX, ..) => IpKind::Broadcast,
        (_, 127, _) => IpKind::Loopback,
        (_, 10, _) => IpKind::Private10,
        (_, 172, 16..=31) => IpKind::Private172,
        (_, 192, 168) => IpKind::Private192,
        (_, 169, 254) => IpKind::LinkLocal,
        (_, 224..=239, _) => IpKind::Multicast,
        (_, 0, _) | (_, 240..=255, _) => IpKind::Reserved,
        _ => IpKind::Public,
    }
}

/// Whether the engine would accept `ip` as a host's address in its simulated /24 LAN,
/// and if not its translated reason (loopback never on a wire, network/broadcast, …).
///
/// # Errors
/// The engine's refusal, translated.
pub fn host_verdict(ip: u32, lang: Lang) -> Result<(), String> {
    scenario::parse_ipv4("client.ip", &dotted(ip))
        .map(|_| ())
        .map_err(|e| error_message(lang, &e))
}

/// The one IPv6 address shown for contrast (the documentation prefix 2001:db8::/32).
pub const IPV6_EXAMPLE: &str = "2001:db8:85a3::8a2e:370:7334";

/// An IPv6 address written out in full: eight groups of four hex digits (128 bits).
#[must_use]
pub fn ipv6_full(addr: &str) -> Option<String> {
    let ip: std::net::Ipv6Addr = addr.parse().ok()?;
    Some(
        ip.segments()
            .iter()
            .map(|s| format!("{s:04x}"))
            .collect::<Vec<_>>()
            .join(":"),
    )
}

/// Parses a MAC address as a converter: any 48-bit value is shown (broadcast, multicast
/// and all zeros included). Accepts `aa:bb:cc:dd:ee:ff`, `aa-bb-…` or 12 hex digits.
///
/// # Errors
/// The first problem, as a [`ConvError`].
pub fn parse_mac(s: &str) -> Result<[u8; 6], ConvError> {
    let v = s.trim();
    if v.is_empty() {
        return Err(ConvError::Empty);
    }
    let mut out = [0u8; 6];
    if !v.contains([':', '-']) {
        if v.len() != 12 || !v.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Err(ConvError::MacDigits(v.chars().count()));
        }
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&v[2 * i..2 * i + 2], 16).unwrap_or(0);
        }
        return Ok(out);
    }
    let parts: Vec<&str> = v.split([':', '-']).collect();
    if parts.len() != 6 {
        return Err(ConvError::MacGroups(parts.len()));
    }
    for (b, p) in out.iter_mut().zip(&parts) {
        if p.len() != 2 || !p.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Err(ConvError::MacGroup((*p).to_owned()));
        }
        *b = u8::from_str_radix(p, 16).unwrap_or(0);
    }
    Ok(out)
}

/// A MAC address taken apart: the inspector's split, shared.
pub type MacInfo = crate::widgets::frame_bytes::MacParts;

/// Takes `mac` apart.
#[must_use]
pub fn mac_info(mac: [u8; 6]) -> MacInfo {
    crate::widgets::frame_bytes::mac_parts_of(&mac)
}

/// Whether the engine would give `mac` to a network card, and if not its translated reason.
///
/// # Errors
/// The engine's refusal, translated.
pub fn card_verdict(mac: &MacInfo, lang: Lang) -> Result<(), String> {
    scenario::parse_mac("client.mac", &mac.text)
        .map(|_| ())
        .map_err(|e| error_message(lang, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_round_trip() {
        for ip in [
            0u32,
            1,
            0x7f00_0001,
            0xc0a8_010a,
            0x0a00_0001,
            u32::MAX,
            0x8000_0000,
        ] {
            assert_eq!(parse_dotted(&dotted(ip)), Ok(ip));
            assert_eq!(parse_binary(&binary(ip)), Ok(ip));
            assert_eq!(parse_integer(&ip.to_string()), Ok(ip));
        }
        assert_eq!(dotted(0xc0a8_010a), "192.168.1.10");
        assert_eq!(binary(0xc0a8_010a), "11000000.10101000.00000001.00001010");
        assert_eq!(parse_integer("3232235786"), Ok(0xc0a8_010a));
        assert_eq!(
            parse_binary("11000000 10101000 00000001 00001010"),
            Ok(0xc0a8_010a)
        );
    }

    #[test]
    fn the_bounds_are_valid_here_though_not_as_hosts() {
        assert_eq!(parse_dotted("0.0.0.0"), Ok(0));
        assert_eq!(parse_dotted("255.255.255.255"), Ok(u32::MAX));
        assert_eq!(parse_integer("4294967295"), Ok(u32::MAX));
        assert_eq!(classify(0), IpKind::Unspecified);
        assert_eq!(classify(u32::MAX), IpKind::Broadcast);
        assert!(host_verdict(0, Lang::En).is_err());
        assert!(host_verdict(u32::MAX, Lang::En).is_err());
        assert!(host_verdict(0xc0a8_010a, Lang::En).is_ok());
        let lo = host_verdict(0x7f00_0001, Lang::En).unwrap_err();
        assert!(lo.contains("127.0.0.1"), "{lo}");
    }

    #[test]
    fn localhost_is_the_loopback_address() {
        assert_eq!(parse_dotted("localhost"), Ok(0x7f00_0001));
        assert_eq!(parse_dotted(" LocalHost "), Ok(0x7f00_0001));
        assert_eq!(classify(0x7f00_0001), IpKind::Loopback);
    }

    #[test]
    fn ranges_are_classified() {
        let k = |s: &str| classify(parse_dotted(s).unwrap());
        assert_eq!(k("10.1.2.3"), IpKind::Private10);
        assert_eq!(k("172.16.0.1"), IpKind::Private172);
        assert_eq!(k("172.31.255.254"), IpKind::Private172);
        assert_eq!(k("172.32.0.1"), IpKind::Public);
        assert_eq!(k("192.168.1.10"), IpKind::Private192);
        assert_eq!(k("192.169.1.10"), IpKind::Public);
        assert_eq!(k("114.114.114.114"), IpKind::Public);
        assert_eq!(k("169.254.3.4"), IpKind::LinkLocal);
        assert_eq!(k("224.0.0.1"), IpKind::Multicast);
        assert_eq!(k("240.0.0.1"), IpKind::Reserved);
        assert_eq!(k("0.1.2.3"), IpKind::Reserved);
    }

    #[test]
    fn every_converter_error_has_its_message_in_both_languages() {
        let cases = [
            (parse_dotted(""), ConvError::Empty),
            (parse_dotted("256.1.1.1"), ConvError::Octet("256".into())),
            (
                parse_dotted("1.2.3.99999"),
                ConvError::Octet("99999".into()),
            ),
            (parse_dotted("1.2.3"), ConvError::PartCount(3)),
            (parse_dotted("1.2.3.4.5"), ConvError::PartCount(5)),
            (parse_dotted("1.2.x.4"), ConvError::NotDecimal("x".into())),
            (parse_dotted("1..3.4"), ConvError::NotDecimal(String::new())),
            (
                parse_dotted("1.02.3.4"),
                ConvError::LeadingZero("02".into()),
            ),
            (parse_binary("1012"), ConvError::BinaryChar('2')),
            (parse_binary("1010"), ConvError::BinaryLen(4)),
            (parse_integer("12a"), ConvError::NotInteger("12a".into())),
            (
                parse_integer("4294967296"),
                ConvError::IntegerRange("4294967296".into()),
            ),
            (
                parse_integer("99999999999999999999"),
                ConvError::IntegerRange("99999999999999999999".into()),
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, Err(want.clone()));
        }
        let macs = [
            (parse_mac("aa:bb:cc"), ConvError::MacGroups(3)),
            (
                parse_mac("aa:bb:cc:dd:ee:zz"),
                ConvError::MacGroup("zz".into()),
            ),
            (parse_mac("aabbcc"), ConvError::MacDigits(6)),
            (parse_mac(" "), ConvError::Empty),
        ];
        for (got, want) in macs {
            assert_eq!(got, Err(want));
        }
        assert_eq!(
            parse_port("65536"),
            Err(ConvError::PortRange("65536".into()))
        );
        assert_eq!(
            parse_port("80a"),
            Err(ConvError::PortNotNumber("80a".into()))
        );
        assert_eq!(
            parse_port("9999999999999"),
            Err(ConvError::PortRange("9999999999999".into()))
        );
        let all = [
            ConvError::Empty,
            ConvError::PartCount(3),
            ConvError::NotDecimal("x".into()),
            ConvError::LeadingZero("02".into()),
            ConvError::Octet("256".into()),
            ConvError::BinaryChar('2'),
            ConvError::BinaryLen(4),
            ConvError::NotInteger("12a".into()),
            ConvError::IntegerRange("4294967296".into()),
            ConvError::MacGroups(3),
            ConvError::MacGroup("zz".into()),
            ConvError::MacDigits(6),
            ConvError::PortNotNumber("80a".into()),
            ConvError::PortRange("65536".into()),
        ];
        for e in all {
            for lang in Lang::ALL {
                let m = e.message(lang);
                assert!(!m.starts_with("scene."), "{e:?} {lang:?}: {m}");
                assert!(!m.contains("{0}"), "{m}");
            }
        }
        assert_eq!(
            ConvError::Octet("256".into()).message(Lang::En),
            "256 is not a valid octet (0\u{2060}–\u{2060}255)"
        );
    }

    #[test]
    fn mac_halves_and_bits() {
        let m = mac_info(parse_mac("3C-22-FB-12-34-56").unwrap());
        assert_eq!(m.text, "3c:22:fb:12:34:56");
        assert_eq!(
            (m.oui.as_str(), m.serial.as_str()),
            ("3c:22:fb", "12:34:56")
        );
        assert!(!m.group && !m.local && !m.broadcast);
        assert!(card_verdict(&m, Lang::En).is_ok());
        let b = mac_info(parse_mac("ffffffffffff").unwrap());
        assert!(b.broadcast && b.group && b.local);
        assert!(card_verdict(&b, Lang::En).is_err());
        let l = mac_info(parse_mac("02:00:00:00:00:0a").unwrap());
        assert!(l.local && !l.group);
        let z = mac_info(parse_mac("00:00:00:00:00:00").unwrap());
        assert!(card_verdict(&z, Lang::Zh).is_err());
    }

    #[test]
    fn ipv6_is_written_out_in_full() {
        assert_eq!(
            ipv6_full(IPV6_EXAMPLE).as_deref(),
            Some("2001:0db8:85a3:0000:0000:8a2e:0370:7334")
        );
    }
}
