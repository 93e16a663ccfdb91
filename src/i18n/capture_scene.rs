//! Messages of the capture scene ("open your own capture"), zh and en, sorted by key.

use super::{m, Msg};

/// This scene's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m("scene.capture.conv_row", "{0} 帧，{1} 字节", "{0} frames, {1} bytes"),
    m("scene.capture.convs", "对话", "Conversations"),
    m("scene.capture.cut", "这个对话有 {0} 帧，梯形图只画前 {1} 帧。", "This conversation has {0} frames; the ladder shows the first {1}."),
    m("scene.capture.drop", "把 .pcap 或 .pcapng 文件拖到这里，或者", "Drop a .pcap or .pcapng file here, or"),
    m("scene.capture.error.failed", "浏览器读不了这个文件，请再选一次。", "The browser could not read this file; please choose it again."),
    m("scene.capture.inferred", "推断", "inferred"),
    m("scene.capture.inferred_title", "从抓到的报文段推断，不是主机报告的", "inferred from the captured segments, not reported by the host"),
    m("scene.capture.inspector.title", "帧检查器", "Frame inspector"),
    m("scene.capture.intro", "用 Wireshark 或 tcpdump 抓下你自己的套接字程序（例如 {0}），再把文件拖到这里：Wirewalk 列出其中的 TCP 和 UDP 对话，并把你选的那个画成和 TCP 一课一样的梯形图。文件只在你的浏览器里读取，不会上传。", "Capture your own socket program with Wireshark or tcpdump (for example {0}) and drop the file here: Wirewalk lists its TCP and UDP conversations and draws the one you pick as the same ladder as the TCP lesson. The file is read in your browser only; nothing is uploaded."),
    m("scene.capture.intro.command", "tcpdump -i any -w my.pcap port 8080", "tcpdump -i any -w my.pcap port 8080"),
    m("scene.capture.limits", "最大 50\u{a0}MB、100000 帧；链路类型：以太网、Linux cooked（SLL/SLL2）、BSD 回环、裸 IPv4。", "Up to 50\u{a0}MB and 100,000 frames; link types: Ethernet, Linux cooked (SLL/SLL2), BSD loopback, raw IPv4."),
    m("scene.capture.more", "只列出前 {0} 个，共 {1} 个。", "Only the first {0} of {1} are listed."),
    m("scene.capture.narr.frame", "{0}\u{a0}→ {1}：{2} · {3}", "{0}\u{a0}→ {1}: {2} · {3}"),
    m("scene.capture.narr.start", "用播放器一步一步看这个对话：每一帧、两端推断出的状态变化，以及 Wirewalk 的解释。", "Step through the conversation with the player: every frame, both ends' inferred state changes, and Wirewalk's explanations."),
    m("scene.capture.narr.state", "{0}：{1}\u{a0}→ {2}（推断）", "{0}: {1}\u{a0}→ {2} (inferred)"),
    m("scene.capture.none", "这个文件里没有 IPv4 上的 TCP 或 UDP 对话。", "This file has no TCP or UDP conversation over IPv4."),
    m("scene.capture.pick", "选择文件…", "choose a file…"),
    m("scene.capture.reading", "正在读取…", "Reading…"),
    m("scene.capture.summary", "{0}：{1} 帧，{2} 个 TCP/UDP 对话", "{0}: {1} frames, {2} TCP/UDP conversations"),
    m("scene.capture.udp_no_state", "UDP 没有连接，也就没有连接状态。", "UDP has no connection, so no connection states."),
];
