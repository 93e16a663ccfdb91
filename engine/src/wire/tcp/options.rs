//! TCP options: their fields (tshark's `tcp.options.*`) and, read separately without
//! building any field, what the summary needs of them (MSS, window scale, SACK permitted,
//! the Info column's texts).

use super::field;
use crate::wire::{be16, be32, fmt_hex_colon, Field};

/// What the options say (the summary's part of them), read without building fields.
#[derive(Default)]
pub(super) struct OptionSummary {
    pub(super) mss: Option<u16>,
    pub(super) wscale: Option<u8>,
    pub(super) sack_perm: bool,
    /// The options as tshark's Info column lists them, in frame order.
    pub(super) info: Vec<String>,
}

/// Reads the option bytes `opts` as [`options`] walks them, for the summary only.
pub(super) fn option_summary(opts: &[u8], peer_base: Option<u32>) -> OptionSummary {
    let mut out = OptionSummary::default();
    let mut i = 0;
    while i < opts.len() {
        let kind = opts[i];
        if kind == field::OPT_EOL || kind == field::OPT_NOP {
            i += 1;
            continue;
        }
        let len = opts.get(i + 1).copied().map_or(0, usize::from);
        if len < 2 || i + len > opts.len() {
            break;
        }
        let o = &opts[i..i + len];
        match (kind, len) {
            (field::OPT_MSS, 4) => {
                let v = be16(o, 2);
                out.mss = Some(v);
                out.info.push(format!("MSS={v}"));
            }
            (field::OPT_WS, 3) => {
                out.wscale = Some(o[2]);
                out.info.push(format!("WS={}", ws_multiplier(o[2])));
            }
            (field::OPT_SACK_PERM, 2) => {
                out.sack_perm = true;
                out.info.push("SACK_PERM".into());
            }
            (field::OPT_SACK, l) if is_sack_len(l) => {
                for j in (2..l).step_by(8) {
                    let (le, re) = (be32(o, j), be32(o, j + 4));
                    out.info.push(format!(
                        "SLE={} SRE={}",
                        sack_rel(le, peer_base),
                        sack_rel(re, peer_base)
                    ));
                }
            }
            (field::OPT_TSTAMP, 10) => {
                out.info
                    .push(format!("TSval={} TSecr={}", be32(o, 2), be32(o, 6)))
            }
            _ => {}
        }
        i += len;
    }
    out
}

/// The window scale multiplier of a shift (0 past 63, as `checked_shl` gives).
fn ws_multiplier(shift: u8) -> u64 {
    1u64.checked_shl(u32::from(shift)).unwrap_or(0)
}

/// Whether `len` is a well-formed SACK option length (one to four blocks).
fn is_sack_len(len: usize) -> bool {
    len >= 10 && (len - 2).is_multiple_of(8)
}

/// A SACK edge relative to the peer's base, as tshark shows it.
fn sack_rel(v: u32, peer_base: Option<u32>) -> String {
    peer_base.map_or(v, |b| v.wrapping_sub(b)).to_string()
}

fn kind_field(at: usize, kind: u8) -> Field {
    Field::new("tcp.option_kind", at, 1, 0, kind.to_string())
}

fn len_field(at: usize, len: u8) -> Field {
    Field::new("tcp.option_len", at + 1, 1, 0, len.to_string())
}

/// Annotates the option bytes `opts` starting at frame offset `base` (the fields; the
/// numbers and Info texts are [`option_summary`]'s).
pub(super) fn options(opts: &[u8], base: usize, peer_base: Option<u32>) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut i = 0;
    while i < opts.len() {
        let at = base + i;
        let kind = opts[i];
        if kind == field::OPT_EOL || kind == field::OPT_NOP {
            let id = if kind == field::OPT_EOL {
                "tcp.options.eol"
            } else {
                "tcp.options.nop"
            };
            fields.push(
                Field::new(id, at, 1, 0, fmt_hex_colon(&opts[i..=i]))
                    .with_children(vec![kind_field(at, kind)]),
            );
            i += 1;
            continue;
        }
        let len = opts.get(i + 1).copied().map_or(0, usize::from);
        if len < 2 || i + len > opts.len() {
            // A broken option: show the rest as one unknown blob and stop.
            fields.push(Field::new(
                "tcp.options.unknown",
                at,
                opts.len() - i,
                0,
                fmt_hex_colon(&opts[i..]),
            ));
            break;
        }
        let o = &opts[i..i + len];
        let show = fmt_hex_colon(o);
        let head = vec![kind_field(at, kind), len_field(at, o[1])];
        let f = match (kind, len) {
            (field::OPT_MSS, 4) => {
                let v = be16(o, 2);
                Field::new("tcp.options.mss", at, len, 0, show).with_children(
                    [
                        head,
                        vec![Field::new(
                            "tcp.options.mss_val",
                            at + 2,
                            2,
                            0,
                            v.to_string(),
                        )],
                    ]
                    .concat(),
                )
            }
            (field::OPT_WS, 3) => {
                let shift = o[2];
                let mult = ws_multiplier(shift);
                Field::new("tcp.options.wscale", at, len, 0, show).with_children(
                    [
                        head,
                        vec![
                            Field::new("tcp.options.wscale.shift", at + 2, 1, 0, shift.to_string()),
                            Field::new(
                                "tcp.options.wscale.multiplier",
                                at + 2,
                                1,
                                0,
                                mult.min(65535).to_string(),
                            ),
                        ],
                    ]
                    .concat(),
                )
            }
            (field::OPT_SACK_PERM, 2) => {
                Field::new("tcp.options.sack_perm", at, len, 0, show).with_children(head)
            }
            (field::OPT_SACK, l) if is_sack_len(l) => {
                let mut ch = head;
                for j in (2..l).step_by(8) {
                    let (le, re) = (be32(o, j), be32(o, j + 4));
                    let rel = |v: u32| sack_rel(v, peer_base);
                    ch.push(Field::new("tcp.options.sack_le", at + j, 4, 0, rel(le)));
                    ch.push(Field::new("tcp.options.sack_re", at + j + 4, 4, 0, rel(re)));
                }
                Field::new("tcp.options.sack", at, len, 0, show).with_children(ch)
            }
            (field::OPT_TSTAMP, 10) => Field::new("tcp.options.timestamp", at, len, 0, show)
                .with_children(
                    [
                        head,
                        vec![
                            Field::new(
                                "tcp.options.timestamp.tsval",
                                at + 2,
                                4,
                                0,
                                be32(o, 2).to_string(),
                            ),
                            Field::new(
                                "tcp.options.timestamp.tsecr",
                                at + 6,
                                4,
                                0,
                                be32(o, 6).to_string(),
                            ),
                        ],
                    ]
                    .concat(),
                ),
            _ => {
                let mut ch = head;
                if len > 2 {
                    ch.push(Field::new(
                        "tcp.options.unknown.payload",
                        at + 2,
                        len - 2,
                        0,
                        fmt_hex_colon(&o[2..]),
                    ));
                }
                Field::new("tcp.options.unknown", at, len, 0, show).with_children(ch)
            }
        };
        fields.push(f);
        i += len;
    }
    fields
}
