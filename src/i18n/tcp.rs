//! The TCP scene's words (`scenes/tcp*`): held by the TCP bundle only. Its navigation
//! label, title and intro stay in the shell's catalogue, as every scene's do, and so do the
//! words of the shared widgets (ladder, state diagram, inspector, code, frame text) that
//! are keyed under `scene.tcp.`.

use super::{m, Msg};

/// The TCP scene's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m("scene.tcp.code.client", "客户端程序（Python）", "Client program (Python)"),
    m("scene.tcp.code.server", "服务端程序（Python）", "Server program (Python)"),
    m("scene.tcp.export.pcap", "下载 pcap（用 Wireshark 打开）", "Download pcap (opens in Wireshark)"),
    m("scene.tcp.export.png", "下载时序图（PNG，用于幻灯片）", "Download the diagram (PNG, for slides)"),
    m("scene.tcp.export.png_failed", "浏览器没能把时序图画成 PNG。请改用 SVG 下载，或换一个浏览器再试。", "The browser could not draw the diagram as a PNG. Download the SVG instead, or try another browser."),
    m("scene.tcp.export.svg", "下载时序图（SVG）", "Download the diagram (SVG)"),
    m("scene.tcp.field.client_payload", "客户端 send() 的数据", "Client sends"),
    m("scene.tcp.field.delayed_ack", "延迟确认（delayed ACK）", "Delayed ACK"),
    m("scene.tcp.field.port_picks", "常用默认端口", "Common default ports"),
    m("scene.tcp.field.server_payload", "服务端 send() 的数据", "Server sends back"),
    m("scene.tcp.field.server_port", "服务端端口", "Server port"),
    m("scene.tcp.inspector.title", "帧详情", "Frame details"),
    m("scene.tcp.loss.data", "第一个带数据的报文段", "The first data segment"),
    m("scene.tcp.loss.data2", "第一个带数据的报文段，连丢两次", "The first data segment, twice"),
    m("scene.tcp.loss.fin", "客户端的 FIN", "The client's FIN"),
    m("scene.tcp.loss.final_ack", "最后一个 ACK", "The final ACK"),
    m("scene.tcp.loss.handshake_ack", "ACK（第三次握手）", "The ACK (handshake 3/3)"),
    m("scene.tcp.loss.label", "让哪一帧丢失", "Frame to lose"),
    m("scene.tcp.loss.none", "不丢包", "None"),
    m("scene.tcp.loss.syn", "SYN（第一次握手）", "The SYN (handshake 1/3)"),
    m("scene.tcp.loss.syn_ack", "SYN-ACK（第二次握手）", "The SYN-ACK (handshake 2/3)"),
    m("scene.tcp.narr.call", "{0} 调用 {1}()", "{0} calls {1}()"),
    m("scene.tcp.narr.call_blocks", "{0} 调用 {1}()，程序停在这里等待（阻塞），直到对方的报文到来。", "{0} calls {1}() and its program waits here (blocks) until the other side's segment arrives."),
    m("scene.tcp.narr.dropped", "这一帧在途中丢失了：对方什么也没收到。发送方还留着这个报文段，重传计时器（RTO）到期后会再发一次。", "This frame was lost on the way: the other side received nothing. The sender still holds this segment and sends it again when its retransmission timer (RTO) fires."),
    m("scene.tcp.narr.dropped_ack", "这一帧在途中丢失了：它只是一个确认，TCP 不会靠计时器重发它。等着确认的一方超时后会重发自己的报文段，或者后面的报文段顺带捎上同样的确认。", "This frame was lost on the way: it is only an acknowledgment, and TCP never resends one on a timer. The side waiting for it resends its own segment when its timer fires, or a later segment carries the same acknowledgment."),
    m("scene.tcp.narr.dropped_arp", "这个 ARP 帧在途中丢失了：协议栈过一会儿会再问一次。", "This ARP frame was lost on the way: the stack asks again a little later."),
    m("scene.tcp.narr.dropped_udp", "这个数据报在途中丢失了：UDP 不会重发它，对方什么也收不到。", "This datagram was lost on the way: UDP never resends it, so the other side gets nothing."),
    m("scene.tcp.narr.frame", "{0} → {1}：{2}。{3}", "{0} → {1}: {2}. {3}"),
    m("scene.tcp.narr.learn", "交换机 {0} 记下：{1} 在端口 {2}", "Switch {0} learns: {1} is on port {2}"),
    m("scene.tcp.narr.returned", "{0} 的 {1}() 返回：{2}", "{0}'s {1}() returns: {2}"),
    m("scene.tcp.narr.start", "按 ▶ 或空格键开始：客户端和服务端的程序即将运行。也可以用 ←/→ 一步一步看。", "Press ▶ or Space to start: the client's and the server's programs are about to run. ←/→ step one event at a time."),
    m("scene.tcp.narr.start_touch", "点 ▶ 开始：客户端和服务端的程序即将运行。也可以在时序图上左右滑动，一步一步看。", "Tap ▶ to start: the client's and the server's programs are about to run. Swipe left or right on the diagram to step one event at a time."),
    m("scene.tcp.narr.state", "{0} 的 TCP 状态：{1} → {2}", "{0}'s TCP state: {1} → {2}"),
    m("scene.tcp.narr.states", "客户端：{0} · 服务端：{1}", "Client: {0} · Server: {1}"),
    m("scene.tcp.narr.udp_no_state", "UDP 没有连接，也就没有 TCP 状态：数据报直接发出，不握手、不确认、不重传。", "UDP has no connection and so no TCP state: datagrams go out directly, with no handshake, no ACK and no retransmission."),
    m("scene.tcp.time_wait_left", "还剩 {0} 秒", "{0} s left"),
    m("scene.tcp.variant.label", "演示内容", "Variant"),
    m("scene.tcp.variant.refused", "连接没有监听的端口 → RST", "Connect to a closed port → RST"),
    m("scene.tcp.variant.tcp", "正常：三次握手、数据、四次挥手", "Normal: handshake, data, teardown"),
    m("scene.tcp.variant.tcp_loss", "丢失一个带数据的报文段 → 超时重传", "A data segment is lost → retransmission"),
    m("scene.tcp.variant.tcp_loss_twice", "连续丢失两次 → 重传间隔加倍（退避）", "Lost twice → the timeout doubles (backoff)"),
    m("scene.tcp.variant.tcp_server_close", "服务端立即关闭 → FIN 搭上 ACK，挥手只用三个报文段", "Server closes at once → its FIN rides on the ACK: a 3-segment close"),
    m("scene.tcp.variant.tcp_simultaneous_close", "双方同时关闭 → CLOSING", "Both close at once → CLOSING"),
    m("scene.tcp.variant.udp", "改用 UDP（同样的数据）", "UDP instead (same payloads)"),
    // Source: Handshake, data, ACK and teardown: RFC 9293 §3.5 (establishing), §3.4 (sequence numbers), §3.6 (closing).
    m("scene.tcp.why.ack", "确认：ack = 期望收到的下一个字节的序号 = 对方 seq + len。收到确认后，对方才能释放这部分数据。", "An acknowledgment: ack = the next byte expected = the peer's seq + len. Only now may the peer free that data."),
    m("scene.tcp.why.ack.lost", "确认：ack = 期望收到的下一个字节的序号 = 对方 seq + len。这个确认没有送到，对方只好继续在内存里留着这部分数据。", "An acknowledgment: ack = the next byte expected = the peer's seq + len. It never arrived, so the peer keeps those bytes in memory."),
    m("scene.tcp.why.ack_fin", "确认对方的 FIN（ack = FIN 的 seq + 1）。收到 FIN 的一方进入 CLOSE_WAIT：它还可以继续发送，直到自己的程序也调用 close()。", "Acknowledges the peer's FIN (ack = the FIN's seq + 1). The side that got the FIN is in CLOSE_WAIT: it may still send until its own program calls close()."),
    // Source: RFC 826 (request broadcast, reply unicast).
    m("scene.tcp.why.arp_reply", "ARP 应答以单播发回：现在发送方知道了对方的 MAC 地址，可以把 IP 数据报装进以太网帧了。", "The ARP reply comes back as unicast: now the sender knows the peer's MAC address and can wrap IP packets in Ethernet frames."),
    m("scene.tcp.why.arp_reply.lost", "ARP 应答以单播发回，却没有送到：发送方仍不知道对方的 MAC 地址，还不能把 IP 数据报装进以太网帧。", "The ARP reply goes back as unicast but never arrives: the sender still does not know the peer's MAC address, so it cannot put the IP datagram in an Ethernet frame yet."),
    m("scene.tcp.why.arp_request", "ARP 请求以广播发出（目的 MAC ff:ff:ff:ff:ff:ff）：局域网里每台主机都会收到，只有拥有这个 IP 的主机回答。", "An ARP request goes out as a broadcast (destination MAC ff:ff:ff:ff:ff:ff): every host on the LAN receives it, only the owner of that IP answers."),
    m("scene.tcp.why.data", "带数据的报文段：seq 是这段数据第一个字节的序号，len 是字节数。数据要等对方确认后才会从发送方内存中释放。", "A data segment: seq numbers its first byte, len counts its bytes. The sender keeps the data in memory until the other side acknowledges it."),
    m("scene.tcp.why.fin", "FIN：这一方调用了 close()，表示“我不再发送数据了”。FIN 也占一个序号。", "FIN: this side called close(), meaning \"I will send no more data\". A FIN takes up one sequence number too."),
    m("scene.tcp.why.final_ack", "最后一个 ACK：确认对方的 FIN。发出它的一方进入 TIME_WAIT 再等一会儿，以防这个 ACK 丢失、对方重发 FIN。", "The final ACK acknowledges the peer's FIN. Its sender waits in TIME_WAIT in case this ACK is lost and the FIN comes again."),
    m("scene.tcp.why.handshake_ack", "第三次握手：客户端确认服务端的 SYN。双向通道都已建立，服务端的 accept() 因此返回。", "Handshake 3/3: the client acknowledges the server's SYN. Both directions are open, so the server's accept() returns."),
    m("scene.tcp.why.handshake_ack.lost", "第三次握手：客户端确认服务端的 SYN，发出后自己就进入 ESTABLISHED。这个 ACK 没有送到：服务端仍停在 SYN_RECEIVED，它的 accept() 还不会返回。", "Handshake 3/3: the client acknowledges the server's SYN and is ESTABLISHED as soon as it sends it. This ACK never arrived: the server stays in SYN_RECEIVED and its accept() does not return yet."),
    // Source: RFC 6298 §5 (back-off) and RFC 9293 §3.8.3 (connection failures: give up after R2).
    m("scene.tcp.why.retransmission", "超时重传：在重传超时（RTO）内没有收到确认，发送方把内存中的同一段数据再发一次；每次失败后等待时间加倍。重试次数到了上限仍没有确认，就放弃这条连接并向程序报错。", "Retransmission: no ACK came within the retransmission timeout (RTO), so the sender sends the same bytes from memory again; each failure doubles the wait. After enough retries with no ACK, the connection is abandoned with an error."),
    // Source: RFC 9293 §3.5.2 (reset generation); Python socket docs: connect() raises ConnectionRefusedError.
    m("scene.tcp.why.rst", "RST：这个端口上没有程序在 listen()，协议栈（这里是 smoltcp）用 RST,ACK 拒绝连接，客户端的 connect() 因此报错 “Connection refused”。", "RST: no program is listening on that port, so the protocol stack (here, smoltcp) refuses with RST,ACK and the client's connect() fails with \"Connection refused\"."),
    m("scene.tcp.why.syn", "第一次握手：客户端发出 SYN，带上自己的初始序号（ISN）。Wireshark 把它显示为相对序号 seq=0。", "Handshake 1/3: the client sends a SYN carrying its initial sequence number (ISN), which Wireshark shows as relative seq=0."),
    m("scene.tcp.why.syn_ack", "第二次握手：服务端确认客户端的 SYN（ack = 对方 seq + 1，因为 SYN 本身占一个序号），同时发出自己的 SYN。", "Handshake 2/3: the server acknowledges the client's SYN (ack = its seq + 1, because a SYN takes up one sequence number) and sends its own SYN."),
    // Source: RFC 768.
    m("scene.tcp.why.udp", "UDP 数据报：只有端口、长度和校验和，没有序号、没有确认——丢了就丢了。", "A UDP datagram: just ports, a length and a checksum; no sequence numbers, no ACKs: a lost datagram stays lost."),
];
