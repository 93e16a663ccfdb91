//! What values do: operators, indexing, attributes, builtin functions and the methods of
//! str, bytes and list, with Python's results and Python's exceptions. Every value built
//! here is bounded ([`MAX_VALUE`], [`MAX_LIST`]).

use std::cell::RefCell;
use std::rc::Rc;

use super::ast::BinOp;
use super::ops::{binop, check_len, float_of, int_of, items, raise, text_of, type_error, Fault, R};
use super::value::{Exc, Iter, Module, Value};
use super::{MAX_LIST, MAX_VALUE};
use crate::trace::RunLimit;

/// The `.name` of `v`.
pub fn attr(v: Value, name: &'static str) -> R {
    let missing = |v: &Value| {
        raise(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", v.type_name()),
        )
    };
    let ok = match (&v, name) {
        (Value::Module(Module::Socket), _) => {
            return Ok(match name {
                "socket" => Value::Builtin("socket.socket"),
                "AF_INET" | "SOCK_DGRAM" | "SO_REUSEADDR" | "SHUT_RDWR" => Value::Int(2),
                "SOCK_STREAM" | "SOL_SOCKET" | "TCP_NODELAY" | "SHUT_WR" => Value::Int(1),
                "IPPROTO_TCP" => Value::Int(6),
                "SHUT_RD" => Value::Int(0),
                "timeout" => Value::Class("TimeoutError"),
                "error" => Value::Class("OSError"),
                _ => return Err(missing(&v)),
            })
        }
        (Value::Module(Module::Time), "sleep") => return Ok(Value::Builtin("time.sleep")),
        (
            Value::Socket(_),
            "bind" | "listen" | "accept" | "connect" | "send" | "sendall" | "recv" | "sendto"
            | "recvfrom" | "close" | "shutdown" | "setsockopt" | "settimeout",
        ) => true,
        (Value::Str(_), "encode" | "upper" | "lower" | "strip" | "startswith" | "endswith")
        | (Value::Str(_), "split" | "join") => true,
        (Value::Bytes(_), "decode" | "upper" | "lower" | "strip" | "startswith" | "endswith")
        | (Value::Bytes(_), "split" | "join") => true,
        (Value::List(_), "append") => true,
        _ => false,
    };
    if ok {
        Ok(Value::Method(Rc::new(v), name))
    } else {
        Err(missing(&v))
    }
}

/// An iterator over `v` (a `range` call already is one).
pub fn iter(v: &Value) -> Result<Iter, Fault> {
    Ok(Iter::Items(items(v)?, 0))
}

/// The text `print(*args, sep=…, end=…)` writes.
pub fn print_text(args: &[Value], kwargs: &[(&str, Value)]) -> Result<String, Fault> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    for (k, v) in kwargs {
        let s = match v {
            Value::Str(s) => s.to_string(),
            Value::None => continue,
            other if *k == "flush" => {
                let _ = other;
                continue;
            }
            other => {
                return Err(type_error(format!(
                    "{k} must be None or a string, not {}",
                    other.type_name()
                )))
            }
        };
        match *k {
            "sep" => sep = s,
            "end" => end = s,
            _ => {}
        }
    }
    let mut out = args
        .iter()
        .map(Value::to_str)
        .collect::<Vec<_>>()
        .join(&sep);
    out.push_str(&end);
    check_len(out.len())?;
    Ok(out)
}

fn arity(name: &str, args: &[Value], lo: usize, hi: usize) -> Result<(), Fault> {
    if args.len() < lo || args.len() > hi {
        return Err(type_error(format!(
            "{name}() takes {} argument{} ({} given)",
            if lo == hi {
                lo.to_string()
            } else {
                format!("{lo} to {hi}")
            },
            if hi == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

/// Call a builtin function or a str/bytes/list method (not a socket call).
pub fn call(f: &Value, args: &[Value]) -> R {
    let a0 = args.first();
    match f {
        Value::Builtin(name) => builtin(name, args),
        Value::Class(name) => Ok(Value::Exc(Rc::new(Exc::new(
            name,
            a0.map(Value::to_str).unwrap_or_default(),
        )))),
        Value::Method(this, name) => method(this, name, args),
        other => Err(type_error(format!(
            "'{}' object is not callable",
            other.type_name()
        ))),
    }
}

fn builtin(name: &str, args: &[Value]) -> R {
    let a0 = args.first().cloned().unwrap_or(Value::None);
    match name {
        "len" => {
            arity("len", args, 1, 1)?;
            let n = match &a0 {
                Value::Str(s) => s.chars().count(),
                Value::Bytes(b) => b.len(),
                Value::Tuple(t) => t.len(),
                Value::List(l) => l.borrow().len(),
                other => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        other.type_name()
                    )))
                }
            };
            Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
        }
        "str" | "repr" => {
            arity(name, args, 0, 1)?;
            if args.is_empty() {
                return Ok(Value::str(""));
            }
            Ok(Value::str(if name == "repr" {
                a0.repr()
            } else {
                a0.to_str()
            }))
        }
        "bool" => Ok(Value::Bool(a0.truthy())),
        "int" => {
            arity("int", args, 0, 1)?;
            match &a0 {
                Value::Int(_) | Value::Bool(_) => Ok(Value::Int(int_of(&a0).unwrap_or(0))),
                Value::Float(f) if f.is_finite() && f.abs() < 9.0e18 => {
                    #[allow(clippy::cast_possible_truncation)]
                    Ok(Value::Int(f.trunc() as i64))
                }
                Value::Str(_) | Value::Bytes(_) => {
                    let t = text_of(&a0).unwrap_or_default();
                    let s = String::from_utf8_lossy(&t);
                    s.trim().replace('_', "").parse::<i64>().map(Value::Int).map_err(|_| {
                        raise(
                            "ValueError",
                            format!("invalid literal for int() with base 10: {}", a0.repr()),
                        )
                    })
                }
                Value::None if args.is_empty() => Ok(Value::Int(0)),
                other => Err(type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                ))),
            }
        }
        "float" => match &a0 {
            Value::Str(s) => s.trim().parse::<f64>().map(Value::Float).map_err(|_| {
                raise(
                    "ValueError",
                    format!("could not convert string to float: {}", a0.repr()),
                )
            }),
            v => float_of(v)
                .map(Value::Float)
                .ok_or_else(|| type_error("float() argument must be a string or a real number")),
        },
        "abs" => match a0 {
            Value::Float(f) => Ok(Value::Float(f.abs())),
            v => int_of(&v)
                .and_then(i64::checked_abs)
                .map(Value::Int)
                .ok_or_else(|| type_error("bad operand type for abs()")),
        },
        "min" | "max" => {
            let list = if args.len() == 1 {
                items(&a0)?.to_vec()
            } else {
                args.to_vec()
            };
            let mut best: Option<Value> = None;
            for v in list {
                best = Some(match best {
                    None => v,
                    Some(b) => {
                        let less = binop(BinOp::Lt, &v, &b)?.truthy();
                        if less == (name == "min") {
                            v
                        } else {
                            b
                        }
                    }
                });
            }
            best.ok_or_else(|| raise("ValueError", format!("{name}() arg is an empty sequence")))
        }
        "list" => Ok(Value::List(Rc::new(RefCell::new(if args.is_empty() {
            Vec::new()
        } else {
            items(&a0)?.to_vec()
        })))),
        "bytes" => match &a0 {
            Value::Int(n) if (0..=MAX_VALUE as i64).contains(n) => {
                Ok(Value::bytes(&vec![0; usize::try_from(*n).unwrap_or(0)]))
            }
            Value::Int(_) => Err(Fault::Limit(RunLimit::ValueSize)),
            Value::Str(s) if args.len() >= 2 => Ok(Value::bytes(s.as_bytes())),
            Value::Bytes(_) => Ok(a0.clone()),
            Value::List(_) | Value::Tuple(_) => {
                let mut out = Vec::new();
                for v in items(&a0)?.iter() {
                    match int_of(v).and_then(|i| u8::try_from(i).ok()) {
                        Some(b) => out.push(b),
                        None => return Err(raise("ValueError", "bytes must be in range(0, 256)")),
                    }
                }
                Ok(Value::bytes(&out))
            }
            Value::None if args.is_empty() => Ok(Value::bytes(b"")),
            _ => Err(type_error("string argument without an encoding")),
        },
        "range" => {
            arity("range", args, 1, 3)?;
            let mut n = Vec::new();
            for a in args {
                n.push(int_of(a).ok_or_else(|| {
                    type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        a.type_name()
                    ))
                })?);
            }
            let (start, stop, step) = match n.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                _ => (0, 0, 1),
            };
            if step == 0 {
                return Err(raise("ValueError", "range() arg 3 must not be zero"));
            }
            Ok(Value::Iter(Rc::new(RefCell::new(Iter::Range(
                start, stop, step,
            )))))
        }
        "isinstance" => Err(type_error("isinstance() is not in the subset")),
        other => Err(type_error(format!("{other}() cannot be called here"))),
    }
}

fn method(this: &Value, name: &str, args: &[Value]) -> R {
    let a0 = args.first();
    match (this, name) {
        (Value::Str(s), "encode") => {
            arity("encode", args, 0, 2)?;
            Ok(Value::bytes(s.as_bytes()))
        }
        (Value::Bytes(b), "decode") => {
            arity("decode", args, 0, 2)?;
            match core::str::from_utf8(b) {
                Ok(s) => Ok(Value::str(s)),
                Err(e) => Err(raise(
                    "UnicodeDecodeError",
                    format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b.get(e.valid_up_to()).copied().unwrap_or(0),
                        e.valid_up_to()
                    ),
                )),
            }
        }
        (Value::Str(s), "upper") => Ok(Value::str(s.to_uppercase())),
        (Value::Str(s), "lower") => Ok(Value::str(s.to_lowercase())),
        (Value::Str(s), "strip") => Ok(Value::str(s.trim())),
        (Value::Bytes(b), "upper") => Ok(Value::bytes(&b.to_ascii_uppercase())),
        (Value::Bytes(b), "lower") => Ok(Value::bytes(&b.to_ascii_lowercase())),
        (Value::Bytes(b), "strip") => Ok(Value::bytes(b.trim_ascii())),
        (Value::Str(_) | Value::Bytes(_), "startswith" | "endswith") => {
            arity(name, args, 1, 1)?;
            let (Some(h), Some(n)) = (text_of(this), a0.and_then(text_of)) else {
                return Err(type_error(format!(
                    "{name} first arg must be the same type"
                )));
            };
            if std::mem::discriminant(this) != std::mem::discriminant(a0.unwrap_or(this)) {
                return Err(type_error(format!(
                    "{name} first arg must be the same type"
                )));
            }
            Ok(Value::Bool(if name == "startswith" {
                h.starts_with(&n)
            } else {
                h.ends_with(&n)
            }))
        }
        (Value::Str(s), "split") => {
            let parts: Vec<Value> = match a0 {
                None | Some(Value::None) => s.split_whitespace().map(Value::str).collect(),
                Some(Value::Str(sep)) if !sep.is_empty() => {
                    s.split(&**sep).map(Value::str).collect()
                }
                _ => return Err(raise("ValueError", "empty separator")),
            };
            Ok(Value::List(Rc::new(RefCell::new(parts))))
        }
        (Value::Bytes(b), "split") => {
            let parts: Vec<Value> = match a0 {
                None | Some(Value::None) => b
                    .split(u8::is_ascii_whitespace)
                    .filter(|p| !p.is_empty())
                    .map(Value::bytes)
                    .collect(),
                Some(Value::Bytes(sep)) if !sep.is_empty() => split_bytes(b, sep),
                _ => return Err(raise("ValueError", "empty separator")),
            };
            Ok(Value::List(Rc::new(RefCell::new(parts))))
        }
        (Value::Str(_) | Value::Bytes(_), "join") => {
            arity("join", args, 1, 1)?;
            let sep = text_of(this).unwrap_or_default();
            let mut out: Vec<u8> = Vec::new();
            for (i, v) in items(a0.unwrap_or(&Value::None))?.iter().enumerate() {
                if std::mem::discriminant(v) != std::mem::discriminant(this) {
                    return Err(type_error(format!(
                        "sequence item {i}: expected {} instance, {} found",
                        this.type_name(),
                        v.type_name()
                    )));
                }
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend(text_of(v).unwrap_or_default());
                check_len(out.len())?;
            }
            Ok(match this {
                Value::Str(_) => Value::str(String::from_utf8_lossy(&out).into_owned()),
                _ => Value::bytes(&out),
            })
        }
        (Value::List(l), "append") => {
            arity("append", args, 1, 1)?;
            let mut l = l.borrow_mut();
            if l.len() >= MAX_LIST {
                return Err(Fault::Limit(RunLimit::ValueSize));
            }
            l.push(a0.cloned().unwrap_or(Value::None));
            Ok(Value::None)
        }
        _ => Err(raise(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", this.type_name()),
        )),
    }
}

fn split_bytes(b: &[u8], sep: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= b.len() {
        if b.get(i..i + sep.len()) == Some(sep) {
            out.push(Value::bytes(b.get(start..i).unwrap_or_default()));
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(Value::bytes(b.get(start..).unwrap_or_default()));
    out
}
