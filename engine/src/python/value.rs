//! Values of the subset, Python's `repr`/`str` of them, and its exceptions.

use std::cell::RefCell;
use std::rc::Rc;

/// A module the program imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// `socket`
    Socket,
    /// `time`
    Time,
}

/// A running iterator of a `for` loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Iter {
    /// `range(start, stop, step)`: the next value.
    Range(i64, i64, i64),
    /// Items of a list, tuple, str or bytes (a snapshot), and the next index.
    Items(Rc<[Value]>, usize),
}

/// A Python exception: its class name and its arguments' text.
#[derive(Debug, Clone, PartialEq)]
pub struct Exc {
    /// `ConnectionRefusedError`
    pub name: &'static str,
    /// `str(e)`: `[Errno 111] Connection refused`
    pub message: String,
}

impl Exc {
    /// A new exception.
    pub fn new(name: &'static str, message: impl Into<String>) -> Exc {
        Exc {
            name,
            message: message.into(),
        }
    }

    /// The last line of a traceback: `ConnectionRefusedError: [Errno 111] …`.
    pub fn line(&self) -> String {
        if self.message.is_empty() {
            self.name.to_string()
        } else {
            format!("{}: {}", self.name, self.message)
        }
    }
}

/// The exception classes the subset knows, each with its parent.
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("BrokenPipeError", "ConnectionError"),
    ("TimeoutError", "OSError"),
    ("ValueError", "Exception"),
    ("UnicodeDecodeError", "ValueError"),
    ("TypeError", "Exception"),
    ("NameError", "Exception"),
    ("AttributeError", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyboardInterrupt", "BaseException"),
];

/// The class named `name` as `except` spells it (`socket.timeout` is `TimeoutError`).
pub fn exception_class(name: &str) -> Option<&'static str> {
    let name = match name {
        "socket.timeout" => "TimeoutError",
        "socket.error" | "IOError" | "EnvironmentError" => "OSError",
        n => n,
    };
    EXCEPTIONS.iter().find(|(n, _)| *n == name).map(|(n, _)| *n)
}

/// `class` is `of` or one of its subclasses.
pub fn is_subclass(class: &str, of: &str) -> bool {
    let mut c = class;
    for _ in 0..EXCEPTIONS.len() {
        if c == of {
            return true;
        }
        match EXCEPTIONS.iter().find(|(n, _)| *n == c) {
            Some((_, parent)) if !parent.is_empty() => c = parent,
            _ => return false,
        }
    }
    false
}

/// A value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int (64-bit; beyond it is an `OverflowError`).
    Int(i64),
    /// A float.
    Float(f64),
    /// A str.
    Str(Rc<str>),
    /// A bytes object.
    Bytes(Rc<[u8]>),
    /// A tuple.
    Tuple(Rc<[Value]>),
    /// A list (shared, as Python's).
    List(Rc<RefCell<Vec<Value>>>),
    /// An imported module.
    Module(Module),
    /// A builtin function or a module's function: `print`, `socket.socket`, `time.sleep`.
    Builtin(&'static str),
    /// A method bound to its object: `s.recv`, `"a".upper`.
    Method(Rc<Value>, &'static str),
    /// A socket: index into the program's socket table.
    Socket(usize),
    /// An exception object.
    Exc(Rc<Exc>),
    /// An exception class (`ConnectionRefusedError`, `socket.timeout`).
    Class(&'static str),
    /// A `for` loop's iterator.
    Iter(Rc<RefCell<Iter>>),
}

impl Value {
    /// Python's type name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Module(_) => "module",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(..) => "method",
            Value::Socket(_) => "socket",
            Value::Exc(_) => "exception",
            Value::Class(_) => "type",
            Value::Iter(_) => "iterator",
        }
    }

    /// Python's truth value.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            _ => true,
        }
    }

    /// A str value.
    pub fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    /// A bytes value.
    pub fn bytes(b: &[u8]) -> Value {
        Value::Bytes(b.into())
    }

    /// An `(ip, port)` tuple.
    pub fn addr(ip: &str, port: u16) -> Value {
        Value::Tuple(vec![Value::str(ip), Value::Int(i64::from(port))].into())
    }

    /// `repr(value)`.
    pub fn repr(&self) -> String {
        match self {
            Value::None => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::Tuple(t) if t.len() == 1 => {
                format!("({},)", t.first().map(Value::repr).unwrap_or_default())
            }
            Value::Tuple(t) => format!(
                "({})",
                t.iter().map(Value::repr).collect::<Vec<_>>().join(", ")
            ),
            Value::List(l) => format!(
                "[{}]",
                l.borrow()
                    .iter()
                    .map(Value::repr)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Value::Module(Module::Socket) => "<module 'socket'>".into(),
            Value::Module(Module::Time) => "<module 'time' (built-in)>".into(),
            Value::Builtin(n) => format!("<built-in function {n}>"),
            Value::Method(_, n) => format!("<built-in method {n}>"),
            Value::Socket(_) => "<socket.socket>".into(),
            Value::Exc(e) => format!("{}({})", e.name, str_repr(&e.message)),
            Value::Class(n) => format!("<class '{n}'>"),
            Value::Iter(_) => "<iterator>".into(),
        }
    }

    /// `str(value)`.
    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Exc(e) => e.message.clone(),
            v => v.repr(),
        }
    }
}

/// Python's `repr` of a float.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// Python's `repr` of a str: single quotes unless the text holds one and no double quote.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// Python's `repr` of a bytes object: `b'one\ntwo'`, `b"it's"`, `b'\xe4'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q as char);
    out
}
