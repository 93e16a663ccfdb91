//! Messages of predict mode (questions before chosen steps), zh and en, sorted by key.
//! Question templates take their values from the trace.

use super::Msg;

const fn m(key: &'static str, zh: &'static str, en: &'static str) -> Msg {
    Msg { key, zh, en }
}

/// Predict mode's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m("predict.check", "核对答案", "Check"),
    m("predict.correct", "答对了：{0}。{1}", "Correct: {0}. {1}"),
    m("predict.count", "第 {0} 题，共 {1} 题", "Question {0} of {1}"),
    m("predict.enc.dst_mac", "服务器的网卡读出帧的目的 MAC 地址。它是哪一个？", "The server's network card reads the frame's destination MAC address. Which one is it?"),
    m("predict.enc.layer_macs", "往下一层：哪一层加上写着 MAC 地址 {0} → {1} 的首部？", "One layer down: which layer adds the header with the MAC addresses {0} → {1}?"),
    m("predict.enc.layer_ports", "数据往下交：哪一层加上写着端口 {0} → {1} 的首部？", "The data goes down: which layer adds the header with the ports {0} → {1}?"),
    m("predict.enc.port", "传输层要把数据交给一个 socket。它按哪个目的端口号找？", "The transport layer hands the data to a socket. Which destination port does it look up?"),
    m("predict.enc.recv", "服务器执行 {0}。它返回多少字节？", "The server runs {0}. How many bytes does it return?"),
    m("predict.enc.ttl", "网络层写 IP 首部。客户端在 TTL 字段里写多少？", "The network layer writes the IP header. What does the client put in the TTL field?"),
    // Source: RFC 826 (a card takes frames for its own MAC or broadcast), RFC 791 §3.1 (TTL), RFC 9293 §3.1 / RFC 768 (ports).
    m("predict.enc.why.dst_mac", "目的 MAC 是服务器自己网卡的地址 {0}（客户端用 ARP 查到的）；网卡只收发给自己的帧和广播。", "The destination MAC is the server card's own address {0} (the client found it with ARP); a card keeps only frames for itself and broadcasts."),
    m("predict.enc.why.macs", "MAC 地址属于数据链路层：以太网首部写明这一段链路上谁发、谁收。", "MAC addresses belong to the data link layer: the Ethernet header says who sends and who receives on this one link."),
    m("predict.enc.why.port", "服务器程序 bind 了端口 {0}；传输层按目的端口把数据交给那个 socket。", "The server program bound port {0}; the transport layer delivers by destination port to that socket."),
    m("predict.enc.why.ports", "端口属于传输层（TCP/UDP）：它用端口区分同一台主机上的不同程序。", "Ports belong to the transport layer (TCP/UDP): they tell apart the programs on one host."),
    m("predict.enc.why.recv", "客户端发了 {0} 字节；recv({1}) 返回已经到达的数据，最多 {1} 字节。", "The client sent {0} bytes; recv({1}) returns what has arrived, at most {1} bytes."),
    m("predict.enc.why.ttl", "这个协议栈发出的 IP 数据报 TTL 从 {0} 开始；每经过一个路由器减 1，减到 0 就被丢弃。", "This stack starts its packets at TTL {0}; each router takes 1 off, and at 0 the packet is dropped."),
    m("predict.hint", "继续前进：下一道题会在它问的那一步之前出现。", "Step on: the next question appears just before the step it asks about."),
    m("predict.incorrect", "不对：正确答案是 {0}。{1}", "Not quite: the answer is {0}. {1}"),
    m("predict.lan.back", "从进来的端口 {0} 发回去", "Back out of port {0}, where it came in"),
    m("predict.lan.entry", "{0} → 端口 {1}", "{0} → port {1}"),
    m("predict.lan.flood", "泛洪：从端口 {0} 发出", "Flood: out of ports {0}"),
    m("predict.lan.forward", "转发：只从端口 {0} 发出", "Forward: out of port {0} only"),
    m("predict.lan.learn", "一个源 MAC 为 {0} 的帧进入交换机。交换机在 MAC 地址表里记下什么？", "A frame with source MAC {0} enters the switch. What does the switch write in its MAC table?"),
    m("predict.lan.mac_pair", "源 {0} → 目的 {1}", "source {0} → destination {1}"),
    m("predict.lan.macs", "一个帧（源 {0} → 目的 {1}）把发往 {2} 的包交给路由器。路由器转发时写入的源 MAC 和目的 MAC 是？", "A frame (source {0} → destination {1}) brings the router a packet for {2}. Which source and destination MACs does the router write when it forwards it?"),
    m("predict.lan.ttl", "这个数据包进入路由器时 TTL={0}。路由器转发出去时 TTL 是多少？", "This packet enters the router with TTL={0}. What is its TTL when the router sends it on?"),
    m("predict.lan.where", "一个帧（源 {0} → 目的 {1}）从端口 {2} 进入交换机。交换机把它从哪里发出去？", "A frame (source {0} → destination {1}) enters the switch on port {2}. Where does the switch send it?"),
    // Source: IEEE 802.1D §7.7–7.9 (learning, filtering, flooding of broadcast and unknown unicast); RFC 1812 §5.3.1 (TTL).
    m("predict.lan.why.broadcast", "目的 {0} 是广播地址：交换机从除入口外的每个端口发出（这里是 {1}）。", "{0} is the broadcast address: the switch sends it out of every port but the one it came in on ({1} here)."),
    m("predict.lan.why.learn", "交换机记下帧的源地址来自哪个端口：{0} 在端口 {1}。以后发给 {0} 的帧只从这个端口出去。", "A switch notes which port a frame's source address came in on: {0} is on port {1}. Frames for {0} will leave by that port only."),
    m("predict.lan.why.macs", "MAC 地址只在一段链路上有效：路由器用自己这一侧接口的 MAC 作源地址，用下一站的 MAC 作目的地址：{0} → {1}。IP 地址不变。", "MAC addresses only hold on one link: the router writes its own MAC on this side as the source and the next stop's MAC as the destination: {0} → {1}. The IP addresses stay."),
    m("predict.lan.why.ttl", "每个路由器转发时把 TTL 减 1：{0} − 1 = {1}（并重新计算 IP 首部校验和）。", "Every router takes 1 off the TTL when it forwards: {0} − 1 = {1} (and recomputes the IP header checksum)."),
    m("predict.lan.why.unicast", "交换机的表里已经有 {0}：只从它所在的端口 {1} 发出，其他电脑收不到。", "The switch's table already has {0}: the frame leaves by its port, {1}, only; the other computers never see it."),
    m("predict.lan.why.unknown", "交换机的表里还没有 {0}：只好像广播一样泛洪（端口 {1}）。", "The switch's table does not have {0} yet: it floods the frame like a broadcast (ports {1})."),
    m("predict.none", "这一段没有题目：直接播放吧。", "No question in this part: just play it."),
    m("predict.retry", "再来一次", "Try again"),
    m("predict.score", "得分：{0}/{1}", "Score: {0}/{1}"),
    m("predict.switch", "先预测，再观看", "Predict, then see"),
    m("predict.tcp.bytes", "{0} 字节", "{0} bytes"),
    m("predict.tcp.data_ack", "{0}向{1}发出 {2} 字节数据，seq={3}（相对序号）。{1}回复的确认号 ack 是多少？", "{0} sends {2} bytes of data to {1} at seq={3} (relative). What ack number does {1} send back?"),
    m("predict.tcp.recv", "{0}执行 {1}，现在返回。它返回多少字节？", "{0} runs {1}, which returns now. How many bytes does it return?"),
    m("predict.tcp.state", "下一步，{0}进入哪个 TCP 状态？", "Next step: which TCP state does {0} enter?"),
    m("predict.tcp.synack_ack", "{0}的 SYN 的序号是 seq={1}（相对序号）。{2}回复的 SYN-ACK 里确认号 ack 是多少？", "{0}'s SYN has seq={1} (relative). What ack number does {2}'s SYN-ACK carry?"),
    m("predict.tcp.time_wait", "一个程序正要调用 close()，连接开始关闭。谁会经过 TIME_WAIT 状态？", "A program is about to call close(): the connection starts to close. Who will pass through TIME_WAIT?"),
    m("predict.tcp.tw.both", "双方都会", "Both"),
    m("predict.tcp.tw.client", "只有客户端", "Only the client"),
    m("predict.tcp.tw.none", "谁都不会", "Neither"),
    m("predict.tcp.tw.server", "只有服务端", "Only the server"),
    // Source: RFC 9293 §3.4 (an ACK names the next sequence number expected; a SYN occupies one).
    m("predict.tcp.why.data_ack", "确认号是“下一个期望收到的字节的序号”：{0} + {1} = {2}。", "The ack is the number of the next byte expected: {0} + {1} = {2}."),
    m("predict.tcp.why.recv", "recv({0}) 最多取 {0} 字节：已经到达多少就返回多少（这里是 {1} 字节），不会等到凑满。", "recv({0}) takes at most {0} bytes: it returns what has arrived ({1} bytes here) and does not wait to fill the buffer."),
    m("predict.tcp.why.state", "{0}：{1} → {2}。{3}", "{0}: {1} → {2}. {3}"),
    m("predict.tcp.why.synack", "SYN 本身占用一个序号，所以确认号 = 对方的 seq + 1 = {0} + 1 = {1}，意思是“下一个我要收的是第 {1} 号”。", "A SYN uses up one sequence number, so the ack is the peer's seq + 1 = {0} + 1 = {1}: \"the next one I expect is number {1}\"."),
    // Source: RFC 9293 §3.6 (the side that closes first enters TIME-WAIT; on a simultaneous close both do).
    m("predict.tcp.why.time_wait", "TIME_WAIT 属于主动关闭的一方：先发 FIN、最后发出最终 ACK 的那一方要等一会儿，以免迟到的报文干扰新连接；双方同时关闭时两边都会进入。", "TIME_WAIT belongs to the active closer: the side that sent the first FIN and the last ACK waits a while so that late segments cannot disturb a new connection; when both close at once, both do."),
    m("predict.title", "先预测，再观看", "Predict, then see"),
    m("predict.value", "{0}", "{0}"),
];
