//! Operators and indexing: `+ - * / // % |`, comparisons, `in`, `is`, `a[i]`, `a[i:j]`,
//! with Python's results and exceptions, every value bounded.

use std::cell::RefCell;
use std::rc::Rc;

use super::ast::BinOp;
use super::value::{Exc, Value};
use super::{MAX_LIST, MAX_VALUE};
use crate::trace::RunLimit;

/// Why an operation did not produce a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// A Python exception.
    Raise(Exc),
    /// An engine limit.
    Limit(RunLimit),
}

pub type R = Result<Value, Fault>;

pub fn raise(name: &'static str, msg: impl Into<String>) -> Fault {
    Fault::Raise(Exc::new(name, msg))
}

pub fn type_error(msg: impl Into<String>) -> Fault {
    raise("TypeError", msg)
}

/// A str/bytes of `n` bytes may exist.
pub fn check_len(n: usize) -> Result<(), Fault> {
    if n > MAX_VALUE {
        Err(Fault::Limit(RunLimit::ValueSize))
    } else {
        Ok(())
    }
}

pub fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

pub fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        // Values of the subset's ints convert exactly enough for sleep times.
        #[allow(clippy::cast_precision_loss)]
        v => int_of(v).map(|i| i as f64),
    }
}

/// The items of a tuple, list, str (characters) or bytes (ints).
pub fn items(v: &Value) -> Result<Rc<[Value]>, Fault> {
    Ok(match v {
        Value::Tuple(t) => t.clone(),
        Value::List(l) => l.borrow().clone().into(),
        Value::Str(s) => s.chars().map(|c| Value::str(c.to_string())).collect(),
        Value::Bytes(b) => b.iter().map(|&x| Value::Int(i64::from(x))).collect(),
        other => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )))
        }
    })
}

pub fn text_of(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        Value::Bytes(b) => Some(b.to_vec()),
        _ => None,
    }
}

/// `-a`
pub fn neg(a: &Value) -> R {
    match a {
        Value::Float(f) => Ok(Value::Float(-f)),
        v => int_of(v)
            .and_then(i64::checked_neg)
            .map(Value::Int)
            .ok_or_else(|| {
                type_error(format!("bad operand type for unary -: '{}'", v.type_name()))
            }),
    }
}

fn overflow() -> Fault {
    raise(
        "OverflowError",
        "integer too large for this simulator (64-bit)",
    )
}

fn repeat(unit: usize, n: i64) -> Result<usize, Fault> {
    let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
    let total = unit.saturating_mul(n);
    check_len(total)?;
    Ok(n)
}

/// `a op b`
pub fn binop(op: BinOp, a: &Value, b: &Value) -> R {
    use BinOp as B;
    let unsupported = || {
        type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))
    };
    match op {
        B::Eq => return Ok(Value::Bool(equal(a, b))),
        B::Ne => return Ok(Value::Bool(!equal(a, b))),
        B::Is => return Ok(Value::Bool(identical(a, b))),
        B::IsNot => return Ok(Value::Bool(!identical(a, b))),
        B::In | B::NotIn => {
            let found = match (b, a) {
                (Value::Str(h), Value::Str(n)) => h.contains(&**n),
                (Value::Bytes(h), Value::Bytes(n)) => {
                    n.is_empty() || h.windows(n.len()).any(|w| w == &**n)
                }
                (Value::Tuple(_) | Value::List(_), _) => items(b)?.iter().any(|x| equal(x, a)),
                _ => {
                    return Err(type_error(format!(
                        "argument of type '{}' is not iterable",
                        b.type_name()
                    )))
                }
            };
            return Ok(Value::Bool(found == (op == B::In)));
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        return match op {
            B::Add => x.checked_add(y).map(Value::Int).ok_or_else(overflow),
            B::Sub => x.checked_sub(y).map(Value::Int).ok_or_else(overflow),
            B::Mul => x.checked_mul(y).map(Value::Int).ok_or_else(overflow),
            B::BitOr => Ok(Value::Int(x | y)),
            B::FloorDiv | B::Mod if y == 0 => Err(raise(
                "ZeroDivisionError",
                if op == B::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                },
            )),
            B::FloorDiv => x
                .checked_div_euclid(y)
                .map(|_| Value::Int(floor_div(x, y)))
                .ok_or_else(overflow),
            B::Mod => Ok(Value::Int(x - floor_div(x, y).saturating_mul(y))),
            B::Div if y == 0 => Err(raise("ZeroDivisionError", "division by zero")),
            #[allow(clippy::cast_precision_loss)]
            B::Div => Ok(Value::Float(x as f64 / y as f64)),
            B::Lt => Ok(Value::Bool(x < y)),
            B::Le => Ok(Value::Bool(x <= y)),
            B::Gt => Ok(Value::Bool(x > y)),
            B::Ge => Ok(Value::Bool(x >= y)),
            _ => Err(unsupported()),
        };
    }
    if let (Some(x), Some(y), true) = (
        float_of(a),
        float_of(b),
        matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)),
    ) {
        return match op {
            B::Add => Ok(Value::Float(x + y)),
            B::Sub => Ok(Value::Float(x - y)),
            B::Mul => Ok(Value::Float(x * y)),
            B::Div | B::FloorDiv | B::Mod if y == 0.0 => {
                Err(raise("ZeroDivisionError", "float division by zero"))
            }
            B::Div => Ok(Value::Float(x / y)),
            B::FloorDiv => Ok(Value::Float((x / y).floor())),
            B::Mod => Ok(Value::Float(x - (x / y).floor() * y)),
            B::Lt => Ok(Value::Bool(x < y)),
            B::Le => Ok(Value::Bool(x <= y)),
            B::Gt => Ok(Value::Bool(x > y)),
            B::Ge => Ok(Value::Bool(x >= y)),
            _ => Err(unsupported()),
        };
    }
    match (op, a, b) {
        (B::Add, Value::Str(x), Value::Str(y)) => {
            check_len(x.len() + y.len())?;
            Ok(Value::str(format!("{x}{y}")))
        }
        (B::Add, Value::Bytes(x), Value::Bytes(y)) => {
            check_len(x.len() + y.len())?;
            Ok(Value::bytes(&[&x[..], &y[..]].concat()))
        }
        (B::Add, Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() + y.len() > MAX_LIST {
                return Err(Fault::Limit(RunLimit::ValueSize));
            }
            Ok(Value::Tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        (B::Add, Value::List(x), Value::List(y)) => {
            let v: Vec<Value> = x
                .borrow()
                .iter()
                .chain(y.borrow().iter())
                .cloned()
                .collect();
            if v.len() > MAX_LIST {
                return Err(Fault::Limit(RunLimit::ValueSize));
            }
            Ok(Value::List(Rc::new(RefCell::new(v))))
        }
        (B::Mul, Value::Str(s), n) | (B::Mul, n, Value::Str(s)) if int_of(n).is_some() => {
            let k = repeat(s.len(), int_of(n).unwrap_or(0))?;
            Ok(Value::str(s.repeat(k)))
        }
        (B::Mul, Value::Bytes(s), n) | (B::Mul, n, Value::Bytes(s)) if int_of(n).is_some() => {
            let k = repeat(s.len(), int_of(n).unwrap_or(0))?;
            Ok(Value::bytes(&s.repeat(k)))
        }
        (B::Lt | B::Le | B::Gt | B::Ge, Value::Str(_), Value::Str(_))
        | (B::Lt | B::Le | B::Gt | B::Ge, Value::Bytes(_), Value::Bytes(_)) => {
            let (x, y) = (
                text_of(a).unwrap_or_default(),
                text_of(b).unwrap_or_default(),
            );
            Ok(Value::Bool(match op {
                B::Lt => x < y,
                B::Le => x <= y,
                B::Gt => x > y,
                _ => x >= y,
            }))
        }
        (B::Lt | B::Le | B::Gt | B::Ge, _, _) => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
        (B::Add, Value::Str(_), _) => Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_name()
        ))),
        (B::Add, Value::Bytes(_), _) => Err(type_error(format!(
            "can't concat {} to bytes",
            b.type_name()
        ))),
        _ => Err(unsupported()),
    }
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x.wrapping_div(y);
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// Python's `==`.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => match (float_of(a), float_of(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => int_of(a) == int_of(b),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q))
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q))
        }
        (Value::Exc(x), Value::Exc(y)) => Rc::ptr_eq(x, y),
        _ => a == b,
    }
}

fn position(len: usize, i: i64) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let j = if i < 0 { i + len } else { i };
    if (0..len).contains(&j) {
        usize::try_from(j).ok()
    } else {
        None
    }
}

/// `a[i]`
pub fn index(a: &Value, i: &Value) -> R {
    let Some(i) = int_of(i) else {
        return Err(type_error(format!(
            "{} indices must be integers, not {}",
            a.type_name(),
            i.type_name()
        )));
    };
    let out_of_range = || {
        raise(
            "IndexError",
            format!("{} index out of range", a.type_name()),
        )
    };
    match a {
        Value::Bytes(b) => position(b.len(), i)
            .and_then(|p| b.get(p))
            .map(|&x| Value::Int(i64::from(x)))
            .ok_or_else(out_of_range),
        Value::Str(_) | Value::Tuple(_) | Value::List(_) => {
            let it = items(a)?;
            position(it.len(), i)
                .and_then(|p| it.get(p).cloned())
                .ok_or_else(out_of_range)
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `a[lo:hi]`
pub fn slice(a: &Value, lo: Option<&Value>, hi: Option<&Value>) -> R {
    let bound = |v: Option<&Value>, len: usize, default: usize| -> Result<usize, Fault> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = int_of(v)
                    .ok_or_else(|| type_error("slice indices must be integers or None"))?;
                let len_i = i64::try_from(len).unwrap_or(i64::MAX);
                let j = if i < 0 {
                    (i + len_i).max(0)
                } else {
                    i.min(len_i)
                };
                Ok(usize::try_from(j).unwrap_or(0))
            }
        }
    };
    match a {
        Value::Bytes(b) => {
            let (s, e) = (bound(lo, b.len(), 0)?, bound(hi, b.len(), b.len())?);
            Ok(Value::bytes(b.get(s..e.max(s)).unwrap_or_default()))
        }
        Value::Str(_) | Value::Tuple(_) | Value::List(_) => {
            let it = items(a)?;
            let (s, e) = (bound(lo, it.len(), 0)?, bound(hi, it.len(), it.len())?);
            let part: Vec<Value> = it.get(s..e.max(s)).unwrap_or_default().to_vec();
            Ok(match a {
                Value::Str(_) => Value::str(part.iter().map(Value::to_str).collect::<String>()),
                Value::Tuple(_) => Value::Tuple(part.into()),
                _ => Value::List(Rc::new(RefCell::new(part))),
            })
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}
