//! Messages of the widgets every scene bundle may show (the inspector's explanations, the
//! bit strip, the program editor), zh and en, sorted by key. They are in every bundle
//! (`SHELL_TABLES`): the widgets are shared, so their words cannot live in one scene's
//! table (keys keep the names they were given under `scene.encapsulation.`).

use super::{m, Msg};

/// The widgets' messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m("editor.empty", "（空程序）", "(empty program)"),
    m("editor.error_at", "第 {0} 行：", "Line {0}:"),
    m(
        "scene.encapsulation.bits.caption",
        "物理层把 {0} 字节变成 {1} 个比特（0 和 1），按发送顺序排列：每个字节先发最低位。",
        "The physical layer turns {0} bytes into {1}\u{a0}bits (0s and 1s), in sending order: each byte least significant bit first.",
    ),
    m(
        "scene.encapsulation.bits.label",
        "线缆上的比特",
        "Bits on the cable",
    ),
    m(
        "scene.encapsulation.bits.segment",
        "{0}（{1} 字节）",
        "{0} ({1} bytes)",
    ),
    m(
        "scene.encapsulation.bits.signal",
        "前导码末尾、SFD 和帧开头的信号示意",
        "Signal sketch of the end of the preamble, the SFD and the start of the frame",
    ),
    m(
        "scene.encapsulation.bits.signal_note",
        "示意图：高电平表示 1，低电平表示 0。真实网线还会再做线路编码（如曼彻斯特编码、MLT-3），但传的仍是这些 0 和 1。",
        "Sketch: high level\u{a0}= 1, low level\u{a0}= 0. Real cables add a line code (Manchester, MLT-3…), but these are still the 0s and 1s they carry.",
    ),
    m(
        "scene.encapsulation.insp.bits",
        "比特：{0}",
        "bits: {0}",
    ),
    m(
        "scene.encapsulation.insp.byte",
        "偏移 0x{0}：字节 {1}，属于 {2}",
        "offset 0x{0}: byte {1}, part of {2}",
    ),
    m(
        "scene.encapsulation.insp.cover_ip",
        "覆盖范围：只算 IPv4 首部（字节 {0}..{1}），不含数据。",
        "Covers the IPv4 header only (bytes {0}..{1}), not the data.",
    ),
    m(
        "scene.encapsulation.insp.cover_l4",
        "覆盖范围：伪首部 + 整个报文段或数据报（字节 {0}..{1}，首部和数据）。",
        "Covers the pseudo-header + the whole segment or datagram (bytes {0}..{1}, header and data).",
    ),
    m(
        "scene.encapsulation.insp.cover_show",
        "标出覆盖的字节",
        "Highlight the bytes it covers",
    ),
    m(
        "scene.encapsulation.insp.hex_help",
        "选中这里后用方向键逐字节移动。",
        "Focus here and use the arrow keys to move byte by byte.",
    ),
    m(
        "scene.encapsulation.insp.hex_help_touch",
        "点一个字节，看它属于哪个字段。",
        "Tap a byte to see which field it belongs to.",
    ),
    m(
        "scene.encapsulation.insp.ipv4_binary",
        "{0} 是点分十进制，每段 0\u{2060}–\u{2060}255 是一个字节；二进制：{1}",
        "{0} is dotted decimal, each part 0\u{2060}–\u{2060}255 one byte; in binary: {1}",
    ),
    m(
        "scene.encapsulation.insp.mac_all_ones",
        "广播地址：48 位全是 1，不是哪家厂商的地址，局域网里每块网卡都收。",
        "The broadcast address: all 48\u{a0}bits are 1. It belongs to no vendor; every card on the LAN receives it.",
    ),
    m(
        "scene.encapsulation.insp.mac_global",
        "厂商分配，全球唯一（前 6 位是厂商号）",
        "assigned by the vendor, globally unique (first 6 digits are the vendor number)",
    ),
    m(
        "scene.encapsulation.insp.mac_ig",
        "I/G 位\u{a0}= {0}：{1}",
        "I/G bit\u{a0}= {0}: {1}",
    ),
    m(
        "scene.encapsulation.insp.mac_lg",
        "U/L 位\u{a0}= {0}：{1}",
        "U/L bit\u{a0}= {0}: {1}",
    ),
    m(
        "scene.encapsulation.insp.mac_local",
        "本地管理的地址（不是买来的厂商号）",
        "locally administered (not a bought vendor number)",
    ),
    m(
        "scene.encapsulation.insp.mac_multicast",
        "组播，一组网卡都收",
        "multicast, received by a group of cards",
    ),
    m(
        "scene.encapsulation.insp.mac_oui",
        " 厂商号（OUI，前 6 位）",
        " vendor (OUI, first 6 digits)",
    ),
    m(
        "scene.encapsulation.insp.mac_serial",
        " 流水号（后 6 位）",
        " serial (last 6 digits)",
    ),
    m(
        "scene.encapsulation.insp.mac_unicast",
        "单播，只给一块网卡",
        "unicast, for one card",
    ),
    m(
        "scene.encapsulation.insp.pseudo",
        "伪首部（不发送，只参与计算）：源 IP {0}，目的 IP {1}，协议号 {2}，长度 {3}",
        "Pseudo-header (never sent, only summed): source IP {0}, destination IP {1}, protocol {2}, length {3}",
    ),
    m(
        "scene.encapsulation.insp.sum",
        "反码求和（含校验和本身）= {0}，等于 0xffff 即正确",
        "one's-complement sum (checksum included)\u{a0}= {0}; 0xffff means correct",
    ),
    m(
        "scene.encapsulation.seg.fcs",
        "FCS",
        "FCS",
    ),
    m(
        "scene.encapsulation.seg.frame",
        "帧",
        "Frame",
    ),
    m(
        "scene.encapsulation.seg.padding",
        "填充",
        "Padding",
    ),
    m(
        "scene.encapsulation.seg.preamble",
        "前导码",
        "Preamble",
    ),
    m(
        "scene.encapsulation.seg.sfd",
        "SFD",
        "SFD",
    ),
];
