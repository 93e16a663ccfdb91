//! The two capture file formats, read record by record within [`super::Limits`]:
//! classic pcap (both byte orders, microsecond and nanosecond magic) and pcapng (section
//! header, interface description, enhanced and simple packet blocks; every other block
//! is skipped by its length). Nothing here allocates more than one record at a time
//! beyond the packets it returns, and every length is checked before it is used.

use super::{CaptureError, Format, Limits, Packet};
use crate::wire::LinkType;

const PCAP_MICROS: u32 = 0xa1b2_c3d4;
const PCAP_NANOS: u32 = 0xa1b2_3c4d;
const PCAPNG_SHB: u32 = 0x0a0d_0d0a;
const PCAPNG_BOM: u32 = 0x1a2b_3c4d;

/// A bounds-checked cursor over the file's bytes.
struct Bytes<'a> {
    data: &'a [u8],
    big: bool,
}

impl<'a> Bytes<'a> {
    fn slice(&self, at: usize, n: usize) -> Result<&'a [u8], CaptureError> {
        at.checked_add(n)
            .and_then(|end| self.data.get(at..end))
            .ok_or(CaptureError::Truncated {
                at: self.data.len() as u64,
            })
    }

    fn u16(&self, at: usize) -> Result<u16, CaptureError> {
        let b = self.slice(at, 2)?;
        let a = [b[0], b[1]];
        Ok(if self.big {
            u16::from_be_bytes(a)
        } else {
            u16::from_le_bytes(a)
        })
    }

    fn u32(&self, at: usize) -> Result<u32, CaptureError> {
        let b = self.slice(at, 4)?;
        let a = [b[0], b[1], b[2], b[3]];
        Ok(if self.big {
            u32::from_be_bytes(a)
        } else {
            u32::from_le_bytes(a)
        })
    }
}

fn link(n: u32) -> Result<LinkType, CaptureError> {
    LinkType::from_number(n).ok_or(CaptureError::UnsupportedLinkType { link_type: n })
}

/// Reads a whole file: its format and its packets.
pub(super) fn read(data: &[u8], limits: &Limits) -> Result<(Format, Vec<Packet>), CaptureError> {
    if data.len() as u64 > limits.max_bytes {
        return Err(CaptureError::TooBig {
            limit: limits.max_bytes,
        });
    }
    let Some(head) = data.get(..4) else {
        return Err(CaptureError::NotACapture);
    };
    let le = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let be = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
    if le == PCAPNG_SHB {
        Ok((Format::Pcapng, pcapng(data, limits)?))
    } else if le == PCAP_MICROS || le == PCAP_NANOS {
        Ok((
            Format::Pcap,
            pcap(Bytes { data, big: false }, le == PCAP_NANOS, limits)?,
        ))
    } else if be == PCAP_MICROS || be == PCAP_NANOS {
        Ok((
            Format::Pcap,
            pcap(Bytes { data, big: true }, be == PCAP_NANOS, limits)?,
        ))
    } else {
        Err(CaptureError::NotACapture)
    }
}

fn push(out: &mut Vec<Packet>, p: Packet, limits: &Limits) -> Result<(), CaptureError> {
    if out.len() >= limits.max_frames {
        return Err(CaptureError::TooManyFrames {
            limit: limits.max_frames as u64,
        });
    }
    out.push(p);
    Ok(())
}

fn record_len(len: u32, at: usize, limits: &Limits) -> Result<usize, CaptureError> {
    if len > limits.max_record {
        return Err(CaptureError::Malformed { at: at as u64 });
    }
    Ok(len as usize)
}

fn pcap(b: Bytes<'_>, nanos: bool, limits: &Limits) -> Result<Vec<Packet>, CaptureError> {
    let link = link(b.u32(20)? & 0x0fff_ffff)?;
    let mut out = Vec::new();
    let mut at = 24;
    while at < b.data.len() {
        let secs = u64::from(b.u32(at)?);
        let frac = u64::from(b.u32(at + 4)?);
        let incl = record_len(b.u32(at + 8)?, at, limits)?;
        let orig = b.u32(at + 12)?;
        let bytes = b.slice(at + 16, incl)?;
        let time_us = secs * 1_000_000 + if nanos { frac / 1000 } else { frac };
        push(
            &mut out,
            Packet {
                time_us,
                link,
                orig_len: orig,
                bytes: bytes.to_vec(),
            },
            limits,
        )?;
        at += 16 + incl;
    }
    Ok(out)
}

/// One pcapng interface: its link type and how many of its time units make a second.
#[derive(Clone, Copy)]
struct Interface {
    link: Result<LinkType, u32>,
    units_per_sec: u64,
}

/// The `if_tsresol` option value as units per second (`None` if it would not fit).
fn tsresol(v: u8) -> Option<u64> {
    let exp = u32::from(v & 0x7f);
    if v & 0x80 != 0 {
        1u64.checked_shl(exp)
    } else {
        10u64.checked_pow(exp)
    }
}

fn interface(b: &Bytes<'_>, at: usize, len: usize) -> Result<Interface, CaptureError> {
    let n = u32::from(b.u16(at + 8)?);
    let mut units_per_sec = 1_000_000;
    // Options start after link type, reserved and snap length.
    let mut o = at + 16;
    let end = at + len - 4;
    while o + 4 <= end {
        let code = b.u16(o)?;
        let olen = usize::from(b.u16(o + 2)?);
        if code == 0 {
            break;
        }
        if code == 9 && olen >= 1 {
            let v = b.slice(o + 4, 1)?[0];
            units_per_sec = tsresol(v)
                .filter(|u| *u > 0)
                .ok_or(CaptureError::Malformed { at: o as u64 })?;
        }
        o += 4 + olen.div_ceil(4) * 4;
    }
    Ok(Interface {
        link: LinkType::from_number(n).ok_or(n),
        units_per_sec,
    })
}

fn to_us(ts: u64, units_per_sec: u64) -> u64 {
    let us = u128::from(ts) * 1_000_000 / u128::from(units_per_sec);
    u64::try_from(us).unwrap_or(u64::MAX)
}

fn pcapng(data: &[u8], limits: &Limits) -> Result<Vec<Packet>, CaptureError> {
    let mut out = Vec::new();
    let mut ifaces: Vec<Interface> = Vec::new();
    let mut b = Bytes { data, big: false };
    let mut at = 0;
    while at < data.len() {
        let btype = b.u32(at)?;
        if btype == PCAPNG_SHB {
            // A new section: its byte-order magic decides how everything in it is read.
            let bom = b.slice(at + 8, 4)?;
            b.big = match u32::from_le_bytes([bom[0], bom[1], bom[2], bom[3]]) {
                PCAPNG_BOM => false,
                m if m.swap_bytes() == PCAPNG_BOM => true,
                _ => return Err(CaptureError::NotACapture),
            };
            ifaces.clear();
        }
        let len = b.u32(at + 4)? as usize;
        if len < 12 || !len.is_multiple_of(4) {
            return Err(CaptureError::Malformed { at: at as u64 });
        }
        b.slice(at, len)?;
        match btype {
            1 => ifaces.push(interface(&b, at, len)?),
            6 => {
                let id = b.u32(at + 8)? as usize;
                let iface = *ifaces
                    .get(id)
                    .ok_or(CaptureError::Malformed { at: at as u64 })?;
                let ts = (u64::from(b.u32(at + 12)?) << 32) | u64::from(b.u32(at + 16)?);
                let incl = record_len(b.u32(at + 20)?, at, limits)?;
                let orig = b.u32(at + 24)?;
                if 28 + incl > len - 4 {
                    return Err(CaptureError::Malformed { at: at as u64 });
                }
                let bytes = b.slice(at + 28, incl)?;
                let link = iface
                    .link
                    .map_err(|n| CaptureError::UnsupportedLinkType { link_type: n })?;
                push(
                    &mut out,
                    Packet {
                        time_us: to_us(ts, iface.units_per_sec),
                        link,
                        orig_len: orig,
                        bytes: bytes.to_vec(),
                    },
                    limits,
                )?;
            }
            3 => {
                // A simple packet block: interface 0, no timestamp (the previous one is kept).
                let iface = *ifaces
                    .first()
                    .ok_or(CaptureError::Malformed { at: at as u64 })?;
                let orig = b.u32(at + 8)?;
                let incl = (orig as usize).min(len - 16);
                record_len(incl as u32, at, limits)?;
                let bytes = b.slice(at + 12, incl)?;
                let link = iface
                    .link
                    .map_err(|n| CaptureError::UnsupportedLinkType { link_type: n })?;
                let time_us = out.last().map_or(0, |p: &Packet| p.time_us);
                push(
                    &mut out,
                    Packet {
                        time_us,
                        link,
                        orig_len: orig,
                        bytes: bytes.to_vec(),
                    },
                    limits,
                )?;
            }
            _ => {}
        }
        at += len;
    }
    Ok(out)
}
