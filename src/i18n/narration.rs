//! The engine's narration words, zh and en, sorted by key: teaching notes in traces
//! (`note.*`), the TCP states explained (`state.*`, named as in the RFC and `netstat`), the
//! playground's program errors and run limits (`program.*`) and the capture reader's errors
//! (`capture.*`). Only the bundles whose scenes narrate a trace hold this table (TCP, LAN,
//! capture: `crate::bundle`); the rest of the engine's words (`engine.rs`: fields, layers,
//! roles, parameter errors) are in every bundle. `tests/i18n_keys.rs` checks that a bundle
//! whose sources show notes, states, limits or program and capture errors holds it, and
//! `tests/engine_keys.rs` that every key the engine emits has its words.

use super::{m, Msg};

/// The narration messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m(
        "capture.error.malformed",
        "文件在第 {0} 字节处损坏：记录里的长度前后矛盾，或者一帧超过 262144 字节。",
        "The file is damaged at byte {0}: a record's lengths contradict each other, or a frame is longer than 262,144 bytes.",
    ),
    m(
        "capture.error.no_such_conversation",
        "没有这个对话：文件里只有 {0} 个 TCP/UDP 对话。",
        "No such conversation: the file has {0} TCP/UDP conversations.",
    ),
    m(
        "capture.error.not_a_capture",
        "这不是抓包文件：开头既不是 pcap 也不是 pcapng 的标志。请在 Wireshark 里用“另存为”保存成 .pcap 或 .pcapng。",
        "This is not a capture file: it starts with neither the pcap nor the pcapng signature. In Wireshark, use Save As… with .pcap or .pcapng.",
    ),
    m(
        "capture.error.too_big",
        "文件太大：最多 {0} 字节（50\u{a0}MB）。请在 Wireshark 里只导出你的那段对话（文件\u{a0}→ 导出特定分组）。",
        "The file is too big: at most {0} bytes (50\u{a0}MB). In Wireshark, export just your conversation (File\u{a0}→ Export Specified Packets).",
    ),
    m(
        "capture.error.too_many_frames",
        "帧太多：最多 {0} 帧。请在 Wireshark 里只导出你的那段对话（文件\u{a0}→ 导出特定分组）。",
        "Too many frames: at most {0}. In Wireshark, export just your conversation (File\u{a0}→ Export Specified Packets).",
    ),
    m(
        "capture.error.truncated",
        "文件不完整：它在第 {0} 字节处就结束了，后面还缺首部或帧的内容。也许文件没有保存完，或者下载被打断了。",
        "The file is cut short: it ends at byte {0}, inside a header or a frame. Perhaps it was not saved completely or the download was interrupted.",
    ),
    m(
        "capture.error.unsupported_link_type",
        "不支持链路类型 {0}：能读的是以太网（1）、Linux cooked（113 和 276，来自 tcpdump -i any）、BSD 回环（0，macOS 的 lo0）和裸 IPv4（101 和 228）。",
        "Link type {0} is not supported: Ethernet (1), Linux cooked (113 and 276, from tcpdump -i any), BSD loopback (0, macOS lo0) and raw IPv4 (101 and 228) are.",
    ),
    m(
        "note.arp_broadcast",
        "发送方只知道对方的 IP，不知道它的 MAC，于是发出 ARP 请求，目的 MAC 是广播地址 ff:ff:ff:ff:ff:ff：局域网里每台设备都会收到，但只有拥有这个 IP 的那台会回答。",
        "The sender knows the peer's IP but not its MAC, so it sends an ARP request to the broadcast address ff:ff:ff:ff:ff:ff: every device on the LAN receives it, but only the one with that IP answers.",
    ),
    m(
        "note.arp_reply_unicast",
        "ARP 应答是单播：直接发回提问者的 MAC（请求里已经带着它）。双方都把“IP\u{a0}→ MAC”记进 ARP 缓存，之后就不用再问了。",
        "The ARP reply is unicast: it goes straight back to the asker's MAC (the request carried it). Both sides keep “IP\u{a0}→ MAC” in their ARP cache, so they need not ask again.",
    ),
    m(
        "note.capture_dup_ack",
        "重复 ACK：确认号和窗口都和上一个 ACK 一样，而对方已经发了更多数据。接收方在说“我还缺从这个序号开始的数据”；连续三个重复 ACK 会触发快速重传。",
        "Duplicate ACK: the same acknowledgment number and window as the last ACK, while the peer has sent more. The receiver is saying “I am still missing the data from this number”; three in a row trigger a fast retransmission.",
    ),
    m(
        "note.capture_listen_unseen",
        "服务端调用 listen() 时进入 LISTEN，那时线上还没有任何报文段，所以抓包看不到这一步；这里假定它在第一个 SYN 到达之前就已经处于 LISTEN。",
        "The server entered LISTEN when it called listen(), before anything was on the wire, so no capture can show it; here it is assumed to be in LISTEN before the first SYN arrives.",
    ),
    m(
        "note.capture_mid_connection",
        "抓包开始时连接已经建立：没有看到 SYN，所以两端都从 ESTABLISHED 开始，相对序号从看到的第一个报文段算起。",
        "The capture started after the handshake: no SYN was seen, so both ends start in ESTABLISHED and relative numbers count from the first segment seen.",
    ),
    m(
        "note.capture_out_of_order",
        "乱序：这个报文段填上了发送方之前跳过的一段序号，它比后面的数据晚到（或者晚被抓到）。接收方先把后面的数据存着，等这一段到齐。",
        "Out of order: this segment fills a range of sequence numbers its sender skipped earlier; it arrived (or was captured) after data that follows it. The receiver keeps the later data until this part arrives.",
    ),
    m(
        "note.capture_retransmission",
        "重传：这个报文段的序号范围之前已经发过了。发送方没有及时收到确认（超时，或者收到了重复 ACK），于是再发一次。",
        "Retransmission: this segment's sequence range was sent before. The sender did not get an acknowledgment in time (a timeout, or duplicate ACKs), so it sent it again.",
    ),
    m(
        "note.capture_states_inferred",
        "下面两端的 TCP 状态是按 RFC 9293 从抓到的报文段推断出来的，不是主机报告的：抓包只看得到线上的字节，看不到套接字内部。",
        "The TCP states of both ends are inferred from the captured segments per RFC 9293, not reported by the hosts: a capture sees the bytes on the wire, not the inside of the sockets.",
    ),
    m(
        "note.checksum_offload",
        "校验和不对，但这多半不是错误：很多网卡自己计算校验和（校验和卸载），而抓包发生在交给网卡之前；回环接口上的包根本不计算。Wireshark 把它显示为“incorrect, maybe caused by checksum offload”。",
        "A checksum does not check out, but that is most likely no mistake: many network cards compute checksums themselves (checksum offload) after the capture point, and loopback packets never get one. Wireshark shows it as “incorrect, maybe caused by checksum offload”.",
    ),
    m(
        "note.deadlock",
        "两个程序都在等对方：各自停在一个阻塞调用里（比如 recv），线路上再也没有数据。这就是死锁。看看谁在哪一行等待。",
        "Both programs wait for each other: each is stuck in a blocking call (such as recv), and nothing is on the wire any more. This is a deadlock. See who waits on which line.",
    ),
    // Source: RFC 9293 §3.8.6.3 (delayed ACK: less than 0.5 s, and at least every second full-sized segment).
    m(
        "note.delayed_ack",
        "延迟确认：接收方收到数据后不马上回 ACK，而是先等一小会儿（smoltcp 为 10 毫秒），看能否把 ACK 搭在回复的数据上，或一次确认两个报文段。RFC 规定最多只能等 0.5 秒；Linux 一般等 40\u{2060}–\u{2060}200 毫秒。",
        "Delayed ACK: the receiver does not acknowledge data at once but waits a moment (10\u{a0}ms in smoltcp), hoping to carry the ACK on a reply or to acknowledge two segments together. The RFC allows at most 0.5 s; Linux usually waits 40\u{2060}–\u{2060}200\u{a0}ms.",
    ),
    m(
        "note.forgot_listen",
        "服务端 bind 了端口却没有调用 listen()：没有套接字在这个端口上监听，所以客户端的 SYN 被 RST 拒绝（accept() 也会失败）。请在 accept() 之前调用 listen()。",
        "The server bound its port but never called listen(): nothing listens on that port, so the client's SYN is refused with a RST (and accept() fails). Call listen() before accept().",
    ),
    m(
        "note.frame_lost",
        "这一帧在网线上丢了（模拟丢包）：接收方什么也没收到。它带着 SYN、FIN 或数据，要占用序号，所以发送方一直留着这个报文段，重传计时器（RTO）到期就再发一次。",
        "This frame was lost on the cable (simulated loss): the receiver gets nothing. It carries a SYN, a FIN or data, which take up sequence numbers, so the sender keeps the segment and sends it again when its retransmission timer (RTO) fires.",
    ),
    m(
        "note.frame_lost_ack",
        "这一帧在网线上丢了（模拟丢包）。它是不带数据的纯确认（或 RST），TCP 从不靠计时器重发它：要么同一方后面的报文段带上同样的确认号（确认是累积的），要么对方一直等不到确认，超时后重发自己的报文段（SYN-ACK、FIN 或数据），再换来一个新的确认。",
        "This frame was lost on the cable (simulated loss). It is a pure acknowledgment (or a RST) without data, and TCP never resends one on a timer: either a later segment from the same side carries the same acknowledgment number (ACKs are cumulative), or the other side, still waiting, resends its own segment (SYN-ACK, FIN or data) when its RTO fires and gets a fresh ACK.",
    ),
    m(
        "note.frame_lost_arp",
        "这个 ARP 帧在网线上丢了（模拟丢包）。ARP 没有自己的重传计时器：等着地址的 IP 数据报先排队，协议栈过一会儿再问一次（smoltcp 两次询问之间至少隔 1 秒）。",
        "This ARP frame was lost on the cable (simulated loss). ARP has no retransmission timer of its own: the packet waiting for the address stays queued, and the stack asks again a little later (smoltcp leaves at least 1 s between two requests).",
    ),
    m(
        "note.frame_lost_udp",
        "这个 UDP 数据报在网线上丢了（模拟丢包）。UDP 没有确认，也没有重传：谁也不会再发它，等着回复的 recvfrom() 会一直等下去，除非程序自己设了超时。",
        "This UDP datagram was lost on the cable (simulated loss). UDP has no acknowledgments and no retransmission: nobody sends it again, and a recvfrom() waiting for the answer waits forever unless the program sets its own timeout.",
    ),
    m(
        "note.loopback_refused",
        "127.0.0.1 是客户端自己这台计算机（回环地址），那里没有服务端在监听，所以连接被拒绝，线路上也没有任何帧。服务端在它自己的地址上，比如 192.168.1.20。",
        "127.0.0.1 is the client's own computer (the loopback address): no server listens there, so the connection is refused and nothing goes on the wire. The server is at its own address, such as 192.168.1.20.",
    ),
    // Source: IEEE 802.3 clause 3.2.1, 3.2.2, 3.2.8, 3.2.9 (preamble, SFD, pad, FCS); pcap stores the frame without them.
    m(
        "note.no_padding_fcs",
        "抓包（pcap）里的帧从目的 MAC 开始：没有前导码，也没有补齐到 60 字节的填充和 4 字节的 FCS，所以 ARP 帧只有 42 字节；网线上每帧至少 64 字节。",
        "A capture (pcap) shows each frame from the destination MAC on: no preamble, no padding up to 60 bytes and no 4-byte FCS, so an ARP frame is only 42 bytes; on the wire every frame is at least 64 bytes.",
    ),
    m(
        "note.partial_read",
        "recv(n) 最多返回 n 个字节：这次只读到了对方一次 send 的一部分，剩下的还在接收缓冲区里，等下一次 recv。",
        "recv(n) returns at most n bytes: this call read only part of what one send sent; the rest waits in the receive buffer for the next recv.",
    ),
    // Source: RFC 9293 §3.4.1 (initial sequence number selection) with RFC 6528.
    m(
        "note.random_isn",
        "SYN 里的原始序号（ISN）是随机选的（这里由场景的随机种子决定），让旧连接的残留报文段和伪造的报文段难以混进来；Wireshark 默认显示相对序号，所以 SYN 显示为 Seq=0。",
        "The SYN's raw sequence number (ISN) is chosen at random (here from the scenario's seed), so leftovers of old connections and forged segments cannot easily fit in; Wireshark shows relative numbers by default, so the SYN reads Seq=0.",
    ),
    // Source: RFC 6298 §2 and §5 (RTO, back-off doubles it); RFC 9293 §3.8.3 (after R2 the connection is closed with an error).
    m(
        "note.retransmission_rto",
        "发送方在重传超时（RTO）内没等到确认，就把同一段数据原样再发一次（序号不变）；每重传一次，等待时间加倍。重试到上限仍没有确认，连接就被放弃，程序收到错误。",
        "No acknowledgment came within the retransmission timeout (RTO), so the sender sends the same data again (same sequence number); the wait doubles with each retry. After enough retries with no acknowledgment, the connection is abandoned and the program gets an error.",
    ),
    m(
        "note.router_no_route",
        "路由器找不到通往目的地址所在网络的路由，只能把这个数据包丢弃。",
        "The router has no route to the destination's network, so it drops the packet.",
    ),
    // Source: RFC 1812 §5.2 and RFC 791 §3.2 (a router forwards by IP, decrements TTL, recomputes the header checksum; the link header is new on each hop).
    m(
        "note.router_rewrites_macs",
        "路由器转发时换掉了以太网首部：源 MAC 变成路由器出口的 MAC，目的 MAC 变成下一跳的 MAC；源 IP 和目的 IP 保持不变。",
        "Forwarding, the router replaced the Ethernet header: the source MAC is now its outgoing port's MAC and the destination MAC the next hop's; the source and destination IPs stay the same.",
    ),
    m(
        "note.router_ttl_decrement",
        "路由器每转发一次就把 TTL 减 1（64\u{a0}→ 63），并重新计算 IP 首部校验和。",
        "Each time the router forwards a packet it lowers the TTL by 1 (64\u{a0}→ 63) and recomputes the IP header checksum.",
    ),
    m(
        "note.router_ttl_expired",
        "TTL 减到 0，路由器丢弃了这个数据包。真实路由器还会回一个 ICMP“超时”报文（traceroute 就靠它）；这个模拟路由器只丢弃。",
        "The TTL ran out, so the router dropped the packet. A real router would also send back an ICMP Time Exceeded message (traceroute relies on it); this simulated router only drops it.",
    ),
    // Source: RFC 9293 §3.5.2 (reset generation: a SYN to a CLOSED port gets RST,ACK).
    m(
        "note.rst_closed_port",
        "服务器上这个端口没有程序在 listen()，系统直接回 RST,ACK 拒绝连接；客户端的 connect() 抛出 ConnectionRefusedError。",
        "No program listens on this port of the server, so its system answers RST, ACK and refuses the connection; the client's connect() raises ConnectionRefusedError.",
    ),
    m(
        "note.runaway_loop",
        "这个程序执行了太多条指令，却一直没有等待网络（比如一个从不调用 recv 或 sleep 的 while True 循环），模拟器在这里把它停下。",
        "This program ran too many instructions without ever waiting for the network (for example a while True loop that never calls recv or sleep), so the simulator stopped it here.",
    ),
    // Source: RFC 9293 §3.6 (closing a connection, simultaneous close) and §3.3.2 (state machine).
    m(
        "note.simultaneous_close",
        "双方同时关闭：两个 FIN 在路上交错而过。每一方都从 FIN_WAIT_1 进入 CLOSING，收到对方对自己 FIN 的确认后进入 TIME_WAIT，所以两边都要等 TIME_WAIT。",
        "Both sides closed at the same time: the two FINs crossed on the way. Each side goes from FIN_WAIT_1 to CLOSING and, once its own FIN is acknowledged, to TIME_WAIT, so both sides wait in TIME_WAIT.",
    ),
    // Source: RFC 9293 §3.7.1 (MSS), RFC 7323 §2 (window scale), RFC 2018 §2 (SACK-permitted).
    m(
        "note.smoltcp_syn_options",
        "SYN 带着选项：MSS 1460（每个报文段最多收 1460 字节）、窗口扩大 0（WS=1，不放大）、允许 SACK。这是 smoltcp 的选择；Linux 的 SYN 通常还带时间戳，窗口扩大值也更大。",
        "The SYN carries options: MSS 1460 (at most 1460 bytes per segment), window scale 0 (WS=1, no scaling) and SACK permitted. That is smoltcp's choice; a Linux SYN usually adds timestamps and a larger window scale.",
    ),
    m(
        "note.sticky_packet",
        "一次 recv 返回了两次 send 的字节（粘包）：TCP 是字节流，不保留消息边界。要用自己的协议来分开消息，比如定长、分隔符或长度前缀。",
        "One recv returned the bytes of two sends: TCP is a byte stream and keeps no message boundaries. Separate messages with your own protocol: a fixed length, a delimiter, or a length prefix.",
    ),
    m(
        "note.storm_capped",
        "模拟在这里被强行停止：两台交换机之间有环路，广播帧被不断复制转发，永远不会消失（以太网帧没有 TTL），这就是广播风暴。真实网络用生成树协议（STP）断开环路。",
        "The simulation was stopped here: the two switches form a loop, so broadcast frames are copied and forwarded forever (Ethernet frames have no TTL) — a broadcast storm. Real networks break such loops with the Spanning Tree Protocol (STP).",
    ),
    // Source: RFC 9293 §3.6 (closing a connection); the FIN may ride on the ACK of the peer's FIN.
    m(
        "note.three_segment_close",
        "被动关闭的一方（这里是服务端）在 recv() 返回 b''（对方的 FIN 到了）后立刻 close()，于是它的 FIN 和对那个 FIN 的 ACK 合在同一个报文段里发出：四次挥手只用了三个报文段。",
        "The side closing second (here the server) called close() right after recv() returned b'' (the peer's FIN had arrived), so its FIN rides in the same segment as the ACK of that FIN: the four-way teardown took only three segments.",
    ),
    // Source: RFC 9293 §3.6 and §3.3.2 (TIME-WAIT lasts 2 MSL); smoltcp 0.14 uses 10 s.
    m(
        "note.time_wait_10s",
        "主动关闭的一方进入 TIME_WAIT：先等一段时间，万一最后的 ACK 丢了还能重发，也让网络里残留的旧报文段消失。RFC 规定等 2·MSL；smoltcp 等 10 秒，Linux 等 60 秒。",
        "The side that closed first enters TIME_WAIT: it waits so it can resend the final ACK if that is lost, and so old segments still in the network die out. The RFC says 2·MSL; smoltcp waits 10 s, Linux 60 s.",
    ),
    m(
        "note.time_wait_expired",
        "TIME_WAIT 结束，连接彻底关闭（CLOSED），这组四元组（双方的 IP 和端口）可以再次使用。",
        "TIME_WAIT is over and the connection is fully CLOSED; its 4-tuple (both IPs and ports) may be used again.",
    ),
    // Source: RFC 768 (no connection, no acknowledgment, no retransmission).
    m(
        "note.udp_no_handshake",
        "UDP 没有连接：没有三次握手、没有确认、也没有四次挥手，sendto() 直接把数据报发出去；丢了也不会重传。",
        "UDP has no connection: no three-way handshake, no acknowledgments and no four-way teardown; sendto() just sends the datagram, and nothing resends it if it is lost.",
    ),
    // Source: RFC 9293 §3.8.6 (window management: the window is the receive buffer space offered).
    m(
        "note.window_free_buffer",
        "窗口（Win）是接收方缓冲区还空着的字节数，对方最多能发这么多尚未被确认的数据。这里每个 socket 的缓冲区是 8192 字节，窗口扩大为 0，所以 Win=8192 就是 8192 字节。",
        "The window (Win) is the free space in the receiver's buffer: the peer may have at most that many unacknowledged bytes in flight. Each socket here has an 8192-byte buffer and window scale 0, so Win=8192 means 8192 bytes.",
    ),
    // Source (phy.*): Physical view: IEEE 802.3 clause 3.2.1 (preamble 7 x 0x55), 3.2.2 (SFD 0xD5), 3.2.8 (pad), 3.2.9 (FCS, CRC-32).
    m(
        "program.error.bad_character",
        "这里不能出现字符“{0}”。",
        "The character “{0}” is not allowed here.",
    ),
    m(
        "program.error.bad_escape",
        "转义序列“{0}”不正确。",
        "The escape sequence “{0}” is malformed.",
    ),
    m(
        "program.error.bad_number",
        "“{0}”不是正确的数字。",
        "“{0}” is not a valid number.",
    ),
    m(
        "program.error.indentation",
        "缩进不对：这一行的缩进与它所在的代码块不匹配。",
        "Wrong indentation: this line's indent does not match its block.",
    ),
    m(
        "program.error.not_in_subset",
        "“{0}”不在练习场支持的 Python 子集中（见子集说明）。",
        "“{0}” is not in the playground's Python subset (see the subset table).",
    ),
    m(
        "program.error.source_too_large",
        "程序太长：最多 {0} 字节。",
        "The program is too long: at most {0} bytes.",
    ),
    m(
        "program.error.syntax",
        "语法错误：这里不应出现“{0}”。",
        "Syntax error: “{0}” was not expected here.",
    ),
    m(
        "program.error.syntax.end_of_file",
        "语法错误：程序在这里就结束了，还缺少内容（例如代码块的缩进行）。",
        "Syntax error: the program ends here while something is still missing (such as the indented lines of a block).",
    ),
    m(
        "program.error.syntax.end_of_line",
        "语法错误：这一行没写完就结束了（例如少了冒号、参数或右括号）。",
        "Syntax error: the line ends before the statement is complete (a missing colon, argument or closing bracket?).",
    ),
    m(
        "program.error.syntax.literal",
        "语法错误：这里不应出现一个值（数字或字符串）。",
        "Syntax error: a value (a number or a string) was not expected here.",
    ),
    m(
        "program.error.syntax.other",
        "语法错误：Python 不接受这一行的写法。",
        "Syntax error: Python does not accept this line as written.",
    ),
    m(
        "program.error.syntax.outside_loop",
        "语法错误：{0} 只能写在 for 或 while 循环里。",
        "Syntax error: {0} may only be used inside a for or while loop.",
    ),
    m(
        "program.error.syntax.unclosed",
        "语法错误：“{0}”没有闭合，缺少与它配对的右括号。",
        "Syntax error: “{0}” is never closed: its closing bracket is missing.",
    ),
    m(
        "program.error.syntax.unmatched",
        "语法错误：多了一个“{0}”，前面没有与它配对的左括号。",
        "Syntax error: an extra “{0}” with no opening bracket before it.",
    ),
    m(
        "program.error.too_deep",
        "嵌套太深：代码块和括号最多嵌套 {0} 层。",
        "Nested too deeply: blocks and brackets nest at most {0} levels.",
    ),
    m(
        "program.error.too_long",
        "程序太大，模拟器无法运行（最多 {0} 条指令）。",
        "The program is too big for the simulator (at most {0} instructions).",
    ),
    m(
        "program.error.too_many_lines",
        "程序行数太多：最多 {0} 行。",
        "The program has too many lines: at most {0}.",
    ),
    m(
        "program.error.unknown_module",
        "不能导入模块“{0}”：这里只有 socket 和 time。",
        "Module “{0}” cannot be imported: only socket and time are available.",
    ),
    m(
        "program.error.unterminated_string",
        "字符串没有结束：缺少结尾的引号。",
        "The string never ends: its closing quote is missing.",
    ),
    m(
        "program.limit.instructions",
        "程序执行了太多条指令（一个不等待网络的循环？），在这一行被停下。",
        "The program ran too many instructions (a loop that never waits for the network?) and was stopped at this line.",
    ),
    m(
        "program.limit.output",
        "print 输出的内容太多，程序在这一行被停下。",
        "print wrote too much; the program was stopped at this line.",
    ),
    m(
        "program.limit.sockets",
        "程序创建的套接字太多，在这一行被停下。",
        "The program created too many sockets and was stopped at this line.",
    ),
    m(
        "program.limit.value_size",
        "一个字符串、字节串或列表变得太大，程序在这一行被停下。",
        "A string, bytes or list grew too large; the program was stopped at this line.",
    ),
    m(
        "program.preset.echo_loop",
        "回显循环",
        "Echo loop",
    ),
    m(
        "program.preset.one_request",
        "一次请求",
        "One request",
    ),
    m(
        "program.preset.sticky_packets",
        "粘包演示",
        "Sticky packets (粘包)",
    ),
    m(
        "program.preset.udp",
        "UDP 请求与应答",
        "UDP request and reply",
    ),
    m(
        "state.CLOSED",
        "CLOSED：没有连接。socket 刚创建还没连上，或者连接已经彻底结束。",
        "CLOSED: no connection. The socket is new and not connected yet, or the connection has fully ended.",
    ),
    m(
        "state.CLOSE_WAIT",
        "CLOSE_WAIT：收到了对方的 FIN（recv() 返回 b''），但本方程序还没调用 close()；这时本方仍然可以发送数据。",
        "CLOSE_WAIT: the peer's FIN has arrived (recv() returns b''), but this program has not called close() yet; it may still send data.",
    ),
    m(
        "state.CLOSING",
        "CLOSING：双方同时关闭。本方发出 FIN 后，还没等到确认，先收到了对方的 FIN；现在等对方确认本方的 FIN。",
        "CLOSING: both sides closed at once. After sending its FIN, this side received the peer's FIN before any acknowledgment; it now waits for the ACK of its own FIN.",
    ),
    m(
        "state.ESTABLISHED",
        "ESTABLISHED：三次握手完成，连接已建立，双方可以互相发送数据；connect() 和 accept() 在这时返回。",
        "ESTABLISHED: the three-way handshake is done and both sides may send data; connect() and accept() return now.",
    ),
    m(
        "state.FIN_WAIT_1",
        "FIN_WAIT_1：本方调用了 close()，发出 FIN，正在等对方确认。",
        "FIN_WAIT_1: this side called close() and sent a FIN; it waits for the acknowledgment.",
    ),
    m(
        "state.FIN_WAIT_2",
        "FIN_WAIT_2：本方的 FIN 已被确认，本方这个方向关闭了；现在等对方发来它的 FIN。",
        "FIN_WAIT_2: this side's FIN was acknowledged, so its direction is closed; it now waits for the peer's FIN.",
    ),
    m(
        "state.LAST_ACK",
        "LAST_ACK：对方先关闭，本方随后也调用 close() 发出 FIN，正在等最后一个 ACK；收到后直接进入 CLOSED。",
        "LAST_ACK: the peer closed first, then this side called close() and sent its FIN; it waits for the last ACK and then goes straight to CLOSED.",
    ),
    m(
        "state.LISTEN",
        "LISTEN：服务端调用 listen() 之后，等待客户端发来 SYN。",
        "LISTEN: after listen(), the server waits for a client's SYN.",
    ),
    m(
        "state.SYN_RECEIVED",
        "SYN_RECEIVED：服务端收到了 SYN 并回了 SYN-ACK，正在等三次握手的最后一个 ACK。",
        "SYN_RECEIVED: the server got a SYN and answered SYN-ACK; it waits for the last ACK of the three-way handshake.",
    ),
    m(
        "state.SYN_SENT",
        "SYN_SENT：客户端在 connect() 里发出了 SYN，正在等服务端的 SYN-ACK。",
        "SYN_SENT: inside connect(), the client sent a SYN and waits for the server's SYN-ACK.",
    ),
    m(
        "state.TIME_WAIT",
        "TIME_WAIT：主动关闭的一方最后等待一段时间：万一最后的 ACK 丢了，对方会重发 FIN，本方还能再确认；也让网络里残留的旧报文段消失，免得混进以后同样四元组的新连接。RFC 规定等 2·MSL（报文最大生存时间的两倍）；smoltcp 等 10 秒，Linux 等 60 秒。",
        "TIME_WAIT: the side that closed first waits a while: if the final ACK is lost, the peer resends its FIN and this side can acknowledge it again; and old segments still in the network die out instead of slipping into a later connection with the same 4-tuple. The RFC says 2·MSL (twice the maximum segment lifetime); smoltcp waits 10 s, Linux 60 s.",
    ),
];
