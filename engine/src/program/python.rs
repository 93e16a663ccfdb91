//! Scripts as Python 3 source: the program text the app shows beside the trace.

use super::{Call, Script, Transport};
use crate::wire::fmt_ipv4;

/// A Python bytes literal for `data`: `b'hello'` for printable ASCII, otherwise
/// `'你好'.encode()` (UTF-8, as Python 3 encodes by default).
pub fn py_bytes(data: &[u8]) -> String {
    if data.iter().all(|b| (0x20..0x7f).contains(b)) {
        let mut s = String::from("b'");
        for &b in data {
            match b {
                b'\'' => s.push_str("\\'"),
                b'\\' => s.push_str("\\\\"),
                _ => s.push(b as char),
            }
        }
        s.push('\'');
        s
    } else {
        match core::str::from_utf8(data) {
            Ok(text) => {
                let mut s = String::from("'");
                for c in text.chars() {
                    match c {
                        '\'' => s.push_str("\\'"),
                        '\\' => s.push_str("\\\\"),
                        '\n' => s.push_str("\\n"),
                        '\r' => s.push_str("\\r"),
                        '\t' => s.push_str("\\t"),
                        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                            s.push_str(&format!("\\x{:02x}", c as u32))
                        }
                        c => s.push(c),
                    }
                }
                s.push_str("'.encode()");
                s
            }
            Err(_) => {
                let mut s = String::from("b'");
                for &b in data {
                    if (0x20..0x7f).contains(&b) && b != b'\'' && b != b'\\' {
                        s.push(b as char);
                    } else {
                        s.push_str(&format!("\\x{b:02x}"));
                    }
                }
                s.push('\'');
                s
            }
        }
    }
}

fn py_seconds(us: u64) -> String {
    if us.is_multiple_of(1_000_000) {
        format!("{}", us / 1_000_000)
    } else {
        let s = format!("{}.{:06}", us / 1_000_000, us % 1_000_000);
        s.trim_end_matches('0').to_string()
    }
}

/// The script as the equivalent Python 3 program, one string per line; call `i` is on
/// line [`Script::line_of`]`(i)` (1-based).
pub fn python_source(script: &Script) -> Vec<String> {
    let mut lines = vec!["import socket".to_string()];
    if script.uses_time() {
        lines.push("import time".to_string());
    }
    lines.push(String::new());
    let v = &script.var;
    let mut conn = v.clone();
    for call in &script.calls {
        let line = match call {
            Call::Socket { transport } => format!(
                "{v} = socket.socket(socket.AF_INET, socket.{})",
                match transport {
                    Transport::Tcp => "SOCK_STREAM",
                    Transport::Udp => "SOCK_DGRAM",
                }
            ),
            Call::Bind { ip, port } => format!("{v}.bind(('{}', {port}))", fmt_ipv4(*ip)),
            Call::Listen { backlog } => format!("{v}.listen({backlog})"),
            Call::Accept => {
                conn = "conn".to_string();
                format!("conn, addr = {v}.accept()")
            }
            Call::Connect { ip, port } => format!("{v}.connect(('{}', {port}))", fmt_ipv4(*ip)),
            Call::Send { data } => format!("{conn}.send({})", py_bytes(data.as_bytes())),
            Call::Recv { bufsize } => format!("data = {conn}.recv({bufsize})"),
            Call::Close => format!("{conn}.close()"),
            Call::SendTo { data, to } => format!(
                "{v}.sendto({}, {})",
                py_bytes(data.as_bytes()),
                match to {
                    Some((ip, port)) => format!("('{}', {port})", fmt_ipv4(*ip)),
                    None => "addr".to_string(),
                }
            ),
            Call::RecvFrom { bufsize } => format!("data, addr = {v}.recvfrom({bufsize})"),
            Call::Sleep { us } => format!("time.sleep({})", py_seconds(*us)),
        };
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_lines_and_numbers() {
        let s = Script {
            var: "server".into(),
            calls: vec![
                Call::Socket {
                    transport: Transport::Tcp,
                },
                Call::Bind {
                    ip: [192, 168, 1, 20],
                    port: 8080,
                },
                Call::Listen { backlog: 5 },
                Call::Accept,
                Call::Recv { bufsize: 1024 },
                Call::Send {
                    data: "HELLO".into(),
                },
                Call::Sleep { us: 100_000 },
                Call::Close,
            ],
        };
        let src = python_source(&s);
        assert_eq!(src[0], "import socket");
        assert_eq!(src[1], "import time");
        assert_eq!(src[s.line_of(1) - 1], "server.bind(('192.168.1.20', 8080))");
        assert_eq!(src[s.line_of(3) - 1], "conn, addr = server.accept()");
        assert_eq!(src[s.line_of(5) - 1], "conn.send(b'HELLO')");
        assert_eq!(src[s.line_of(6) - 1], "time.sleep(0.1)");
        assert_eq!(src[s.line_of(7) - 1], "conn.close()");
    }

    #[test]
    fn bytes_literals() {
        assert_eq!(py_bytes(b"hello"), "b'hello'");
        assert_eq!(py_bytes(b"it's"), "b'it\\'s'");
        assert_eq!(py_bytes("你好".as_bytes()), "'你好'.encode()");
        assert_eq!(py_bytes(&[0xff]), "b'\\xff'");
    }
}
