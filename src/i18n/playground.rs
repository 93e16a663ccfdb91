//! Messages of the socket playground (the TCP scene's editable programs) and its editor
//! widget, zh and en, sorted by key.

use super::{m, Msg};

/// The playground's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m("play.busy", "正在运行你的程序…", "Running your programs…"),
    m("play.code.client", "客户端程序（Python，可编辑）", "Client program (Python, editable)"),
    m("play.code.server", "服务端程序（Python，可编辑）", "Server program (Python, editable)"),
    m("play.errors", "程序有错误，无法运行：改正标出的行。", "The programs have errors and cannot run: fix the marked lines."),
    m("play.intro", "改动客户端和服务端的 Python 程序，看看你的代码在网线上发出了什么。每次修改后会重新模拟；代码保存在链接里，可以直接分享。", "Edit the client and server Python programs and see what your code puts on the wire. Every edit runs the simulation again; the code lives in the link, so you can share it."),
    m("play.kept", "显示的是上一次成功运行的结果", "Showing the last run that worked"),
    m("play.narr.exception", "{0}的程序因没有被捕获的异常而结束：{1}：{2}", "{0} program ended with an uncaught exception: {1}: {2}"),
    m("play.narr.print", "{0}的程序 print 输出：{1}", "{0} program printed: {1}"),
    m("play.narr.stopped", "{0}的程序被引擎停止：{1}", "{0} program stopped by the engine: {1}"),
    m("play.none", "还没有成功运行的结果", "No run has worked yet"),
    m("play.output.empty", "（到这一步还没有输出）", "(no output up to this step)"),
    m("play.output.title", "输出（print 与异常）", "Output (print and tracebacks)"),
    m("play.preset.label", "示例程序", "Example programs"),
    m("play.ready", "已是最新运行结果", "Showing the latest run"),
    m("play.reset", "恢复示例", "Reset to the example"),
    m("play.share.too_long", "程序太长，放不进链接：压缩后 {0} 个字符，上限 4096。程序照常运行，但链接里保存的仍是上一个版本。", "This program is too long for the link: {0} characters compressed, the limit is 4096. It still runs, but the link keeps the previous version."),
    m("play.share.unavailable", "这个浏览器不能压缩程序，链接里不会保存代码。", "This browser cannot compress the program, so the link will not keep the code."),
    m("play.share.undecodable", "链接里的这个程序无法读取（可能被截断或改动过），现在显示的是示例程序。", "The program in the link cannot be read (it may be cut off or altered); showing the example program instead."),
    m("play.sticky", "粘包：这一次 recv 返回的字节来自对方的两次 send。TCP 是字节流，不保留消息边界。", "Message boundaries (粘包): this one recv returned the bytes of two sends. TCP is a byte stream; it keeps no message boundaries."),
    m("play.subset.1", "模块：import socket、import time", "Modules: import socket, import time"),
    m("play.subset.2", "套接字：socket.socket(socket.AF_INET, socket.SOCK_STREAM)、socket.socket(socket.AF_INET, socket.SOCK_DGRAM)、socket.socket()、with … as s、bind、listen、accept、connect、send、sendall、recv(n)、sendto、recvfrom(n)、close、shutdown(socket.SHUT_WR)、setsockopt、settimeout", "Sockets: socket.socket(socket.AF_INET, socket.SOCK_STREAM or SOCK_DGRAM), with … as s, bind, listen, accept, connect, send, sendall, recv(n), sendto, recvfrom(n), close, shutdown(socket.SHUT_WR), setsockopt, settimeout"),
    m("play.subset.3", "值与运算：变量，int、str、bytes、元组和列表字面量，f-string，+、比较、not、and、or，len、str、int、.encode()、.decode()、.upper()、.lower()", "Values and operators: variables; int, str, bytes, tuple and list literals; f-strings; +, comparisons, not, and, or; len, str, int, .encode(), .decode(), .upper(), .lower()"),
    m("play.subset.4", "流程：if、elif、else，while，for … in range(…) 和对列表的 for，break、continue，try、except（ConnectionRefusedError、ConnectionResetError、BrokenPipeError、socket.timeout）", "Control flow: if, elif, else; while; for … in range(…) and for over a list; break, continue; try, except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError, socket.timeout)"),
    m("play.subset.5", "其他：time.sleep、print。超出这个范围的写法会在它所在的行给出提示。", "Also: time.sleep, print. Anything outside this subset gets a message at its line."),
    m("play.subset.title", "这里能运行哪些 Python？", "What Python works here?"),
    m("play.toggle", "编辑程序", "Edit the programs"),
    m("play.toggle_off", "回到课本示例", "Back to the textbook example"),
];
