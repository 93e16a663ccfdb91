//! The client/server program pairs the playground runs both in Wirewalk and under CPython.
//! Each is timing-independent (sleeps make the order certain) and uses the TCP scene's
//! addresses: the server at 192.168.1.20:8080.

/// (name, client.py, server.py)
pub const CASES: &[(&str, &str, &str)] = &[
    (
        "one_request",
        r#"import socket
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect(('192.168.1.20', 8080))
c.sendall(b'hello')
print('reply:', c.recv(1024))
c.close()
"#,
        r#"import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
data = conn.recv(1024)
print('received:', data)
conn.sendall(data.upper())
conn.close()
s.close()
"#,
    ),
    (
        "echo_loop_with",
        r#"import socket
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(('192.168.1.20', 8080))
    for word in ['one', 'two', 'three']:
        s.sendall(word.encode())
        data = s.recv(1024)
        print(f'sent {word}, got {data.decode()}')
print('done')
"#,
        r#"import socket
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(('192.168.1.20', 8080))
    s.listen(1)
    conn, addr = s.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
print('client closed the connection')
"#,
    ),
    (
        "sticky_two_sends_one_recv",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.send(b'one')
c.send(b'two')
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(2)
print('one recv returned', conn.recv(1024))
print('then', conn.recv(1024))
conn.close()
"#,
    ),
    (
        "sticky_with_nodelay",
        r#"import socket
c = socket.socket()
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
c.connect(('192.168.1.20', 8080))
for i in range(3):
    c.send(f'msg{i};'.encode())
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 8080))
s.listen(5)
conn, addr = s.accept()
time.sleep(2)
data = conn.recv(1024)
print(data.split(b';'))
conn.close()
"#,
    ),
    (
        "small_recv_reads_in_pieces",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'hello world')
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(0.5)
while True:
    chunk = conn.recv(4)
    print(len(chunk), chunk)
    if chunk == b'':
        break
"#,
    ),
    (
        "recv_after_fin_is_empty_twice",
        r#"import socket
import time
c = socket.socket()
c.connect(('192.168.1.20', 8080))
time.sleep(0.3)
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
print(conn.recv(100))
print(conn.recv(100))
conn.close()
"#,
    ),
    (
        "large_sendall_counted",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'x' * 3000)
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(2)
total = 0
while True:
    data = conn.recv(1000)
    if not data:
        break
    total += len(data)
print('total', total)
"#,
    ),
    (
        "refused_caught",
        r#"import socket
c = socket.socket()
try:
    c.connect(('192.168.1.20', 8080))
    print('connected?')
except ConnectionRefusedError as e:
    print('refused:', e)
c.close()
"#,
        r#"import time
time.sleep(0.2)
"#,
    ),
    (
        "refused_uncaught",
        r#"import socket
print('connecting')
c = socket.socket()
c.connect(('192.168.1.20', 8080))
print('never printed')
"#,
        r#"import time
time.sleep(0.2)
"#,
    ),
    (
        "refused_as_oserror",
        r#"import socket
c = socket.socket()
try:
    c.connect(('192.168.1.20', 8080))
except OSError as e:
    print('oserror', str(e))
"#,
        r#"import time
time.sleep(0.2)
"#,
    ),
    (
        "half_close_then_reply",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'question')
c.shutdown(socket.SHUT_WR)
reply = b''
while True:
    part = c.recv(1024)
    if not part:
        break
    reply += part
print('reply', reply)
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
data = b''
while True:
    part = conn.recv(1024)
    if not part:
        break
    data += part
conn.sendall(b'answer to ' + data)
conn.close()
"#,
    ),
    (
        "send_returns_count_sendall_none",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
print(c.send(b'abc'))
print(c.sendall(b'defg'))
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(2)
print(conn.recv(100))
"#,
    ),
    (
        "fstrings_and_str_methods",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall('  Mixed Case  '.encode())
r = c.recv(1024).decode()
print(f'[{r}] {len(r)} {r!r}')
print(r.lower(), r.startswith('MIX'), r.endswith('x'))
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
text = conn.recv(1024).decode().strip()
conn.sendall(text.upper().encode())
conn.close()
"#,
    ),
    (
        "numbers_over_the_wire",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
for n in [1, 20, 300]:
    c.sendall(str(n).encode())
    print(n, '->', int(c.recv(64)))
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
while True:
    data = conn.recv(64)
    if not data:
        break
    n = int(data.decode())
    conn.sendall(str(n * 2 + 1).encode())
conn.close()
"#,
    ),
    (
        "while_break_continue",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    c.sendall(bytes([48 + i]))
    print('sent', i, c.recv(10))
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
count = 0
while True:
    d = conn.recv(10)
    if d == b'':
        break
    count = count + 1
    conn.sendall(d + b'!')
print('messages', count)
"#,
    ),
    (
        "recv_timeout",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.settimeout(0.5)
try:
    c.recv(10)
except socket.timeout:
    print('timed out')
c.settimeout(None)
print('then', c.recv(10))
c.close()
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(1.5)
conn.sendall(b'late')
conn.close()
"#,
    ),
    (
        "timeout_uncaught",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.settimeout(0.3)
print('waiting')
c.recv(10)
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
time.sleep(1)
"#,
    ),
    (
        "udp_request_reply",
        r#"import socket
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.sendto(b'ping', ('192.168.1.20', 8080))
data, addr = c.recvfrom(1024)
print('reply', data)
c.close()
"#,
        r#"import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('192.168.1.20', 8080))
data, addr = s.recvfrom(1024)
print('got', data)
s.sendto(data.upper(), addr)
s.close()
"#,
    ),
    (
        "udp_keeps_boundaries",
        r#"import socket
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for m in [b'one', b'two', b'three']:
    c.sendto(m, ('192.168.1.20', 8080))
"#,
        r#"import socket
import time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('192.168.1.20', 8080))
time.sleep(0.5)
for i in range(3):
    data, addr = s.recvfrom(1024)
    print(i, data)
"#,
    ),
    (
        "udp_truncates_to_n",
        r#"import socket
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.sendto(b'hello world', ('192.168.1.20', 8080))
c.sendto(b'second', ('192.168.1.20', 8080))
"#,
        r#"import socket
import time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('192.168.1.20', 8080))
time.sleep(0.5)
print(s.recvfrom(5)[0])
print(s.recvfrom(100)[0])
"#,
    ),
    (
        "udp_connect_send_recv",
        r#"import socket
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.connect(('192.168.1.20', 8080))
c.send(b'via connect')
print(c.recv(100))
"#,
        r#"import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('', 8080))
data, addr = s.recvfrom(100)
s.sendto(data + b'!', addr)
"#,
    ),
    (
        "two_connections_in_a_row",
        r#"import socket
import time
for word in [b'first', b'second']:
    c = socket.socket()
    c.connect(('192.168.1.20', 8080))
    c.sendall(word)
    print(c.recv(100))
    c.close()
    time.sleep(0.2)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(5)
for i in range(2):
    conn, addr = s.accept()
    data = conn.recv(100)
    conn.sendall(str(i).encode() + b':' + data)
    conn.close()
s.close()
"#,
    ),
    (
        "server_sends_twice_client_reads_twice",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
print(c.recv(100))
print(c.recv(100))
print(c.recv(100))
"#,
        r#"import socket
import time
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
conn.sendall(b'one')
time.sleep(1)
conn.sendall(b'two')
time.sleep(1)
conn.close()
"#,
    ),
    (
        "bytes_index_slice_len",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'ABCDEFGH')
d = c.recv(100)
print(d[0], d[-1], d[2:5], d[:2], d[6:], len(d))
print(d.decode()[1:3], 'CD' in d.decode(), b'Z' in d)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
conn.sendall(conn.recv(100).lower())
"#,
    ),
    (
        "print_sep_end_and_values",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'x')
print('a', 'b', sep='-', end='|')
print(1, 2.5, None, True, [1, 'two', b'3'], (4,), ('a', 1))
print(c.recv(10), 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
conn.sendall(conn.recv(10) * 3)
"#,
    ),
    (
        "name_error_uncaught",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
print('before')
c.sendall(mesage)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
print('server got', conn.recv(10))
"#,
    ),
    (
        "type_error_str_plus_bytes",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
try:
    c.sendall('text')
except TypeError as e:
    print('TypeError:', e)
c.sendall(b'ok')
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
print(conn.recv(10))
try:
    x = 'n=' + 1
except TypeError as e:
    print(e)
"#,
    ),
    (
        "zero_division_caught_bare_except",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
n = len(c.recv(10))
try:
    print(10 // (n - 3))
except:
    print('cannot divide')
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
conn.sendall(b'abc')
"#,
    ),
    (
        "main_guard_and_lists",
        r#"import socket

if __name__ == '__main__':
    replies = []
    c = socket.socket()
    c.connect(('192.168.1.20', 8080))
    for x in range(2, 8, 2):
        c.sendall(str(x).encode())
        replies.append(c.recv(10).decode())
    print(replies, len(replies), max(replies), min([3, 1, 2]))
    c.close()
"#,
        r#"import socket

if __name__ == '__main__':
    s = socket.socket()
    s.bind(('192.168.1.20', 8080))
    s.listen(1)
    conn, addr = s.accept()
    while True:
        d = conn.recv(10)
        if not d:
            break
        conn.sendall(d + d)
"#,
    ),
    (
        "conditional_expression_and_chained_compare",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
for n in [0, 5, 12]:
    c.sendall(str(n).encode())
    r = c.recv(20).decode()
    print(n, r, 'small' if 0 < n < 10 else 'other', n == 5 or n > 10, not n)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
while True:
    d = conn.recv(20)
    if not d:
        break
    v = int(d)
    conn.sendall(b'even' if v % 2 == 0 else b'odd')
"#,
    ),
    (
        "server_closes_first_client_reads_empty",
        r#"import socket
c = socket.socket()
c.connect(('192.168.1.20', 8080))
c.sendall(b'bye?')
while True:
    d = c.recv(3)
    print(d)
    if not d:
        break
c.close()
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
s.listen(1)
conn, addr = s.accept()
conn.recv(10)
conn.sendall(b'goodbye')
conn.close()
s.close()
"#,
    ),
    (
        "accept_without_listen_raises",
        r#"import time
time.sleep(0.1)
"#,
        r#"import socket
s = socket.socket()
s.bind(('192.168.1.20', 8080))
try:
    s.accept()
except OSError as e:
    print('OSError', e)
"#,
    ),
];
