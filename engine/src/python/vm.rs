//! The step machine: runs [`Code`] one instruction at a time with an explicit value stack
//! and handler stack, so a blocking call suspends the program between two instructions
//! and resumes it later, and no input can recurse in Rust. Every instruction counts
//! against [`MAX_STEPS`].

use std::collections::HashMap;
use std::rc::Rc;

use super::builtins;
use super::compile::{Code, Op, BUILTINS};
use super::ops::{self, Fault};
use super::value::{exception_class, is_subclass, Exc, Iter, Module, Value};
use super::{MAX_LIST, MAX_STEPS};
use crate::trace::RunLimit;

/// What a system call (socket, sleep, print) did.
#[derive(Debug, Clone, PartialEq)]
pub enum SysOutcome {
    /// It returned this value.
    Value(Value),
    /// It raised.
    Raise(Exc),
    /// It blocks: try again later.
    Wait,
    /// A limit of the engine stopped it.
    Limit(RunLimit),
}

/// The world a program runs in: sockets, clock, output.
pub trait Sys {
    /// Call `name` (`socket.socket`, `time.sleep`, or a socket method) on `this` (a
    /// socket, for methods) with `args`, at source line `line`.
    fn call(
        &mut self,
        name: &'static str,
        this: Option<usize>,
        args: &[Value],
        line: usize,
    ) -> SysOutcome;
    /// `print` wrote `text` (with its end) at `line`.
    fn print(&mut self, text: String, line: usize) -> SysOutcome;
}

/// Why the machine stopped running.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// A call blocks; run again later.
    Blocked,
    /// The program ended normally.
    Finished,
    /// An exception nobody caught ended it: the exception and the line of each frame.
    Raised(Exc, usize),
    /// An engine limit ended it at this line.
    Limit(RunLimit, usize),
}

/// The program's state between runs.
#[derive(Debug, Clone)]
pub struct Vm {
    code: Code,
    pc: usize,
    stack: Vec<Value>,
    vars: HashMap<String, Value>,
    /// Handlers: (target, stack depth).
    blocks: Vec<(usize, usize)>,
    steps: u64,
    done: bool,
    /// Line where the exception being handled was first raised.
    raised_line: usize,
}

impl Vm {
    /// A machine at the start of `code`.
    pub fn new(code: Code) -> Vm {
        Vm {
            code,
            pc: 0,
            stack: Vec::new(),
            vars: HashMap::new(),
            blocks: Vec::new(),
            steps: 0,
            done: false,
            raised_line: 0,
        }
    }

    /// The program has ended (normally, by an exception or at a limit).
    pub fn done(&self) -> bool {
        self.done
    }

    /// The line of the next instruction.
    pub fn line(&self) -> usize {
        self.code.lines.get(self.pc).copied().unwrap_or(1)
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Run until the program blocks or ends.
    pub fn run(&mut self, sys: &mut dyn Sys) -> Stop {
        if self.done {
            return Stop::Finished;
        }
        loop {
            let Some(op) = self.code.ops.get(self.pc).cloned() else {
                self.done = true;
                return Stop::Finished;
            };
            self.steps += 1;
            if self.steps > MAX_STEPS || self.stack.len() > MAX_LIST {
                self.done = true;
                return Stop::Limit(RunLimit::Instructions, self.line());
            }
            let line = self.line();
            let reraise = matches!(op, Op::Reraise);
            let r = self.exec(op, sys, line);
            let fault = match r {
                Ok(true) => continue,
                Ok(false) => return Stop::Blocked,
                Err(f) => f,
            };
            match fault {
                Fault::Limit(l) => {
                    self.done = true;
                    return Stop::Limit(l, line);
                }
                Fault::Raise(exc) => {
                    if !reraise {
                        self.raised_line = line;
                    }
                    if let Some((target, depth)) = self.blocks.pop() {
                        self.stack.truncate(depth);
                        self.push(Value::Exc(Rc::new(exc)));
                        self.pc = target;
                    } else {
                        self.done = true;
                        return Stop::Raised(exc, self.raised_line);
                    }
                }
            }
        }
    }

    /// Execute one instruction. `Ok(true)` = go on, `Ok(false)` = blocked (pc unchanged).
    fn exec(&mut self, op: Op, sys: &mut dyn Sys, line: usize) -> Result<bool, Fault> {
        let mut next = self.pc + 1;
        match op {
            Op::Const(v) => self.push(v),
            Op::Load(n) => {
                let v = match self.vars.get(&n) {
                    Some(v) => v.clone(),
                    None => global(&n).ok_or_else(|| {
                        Fault::Raise(Exc::new("NameError", format!("name '{n}' is not defined")))
                    })?,
                };
                self.push(v);
            }
            Op::Store(n) => {
                let v = self.pop();
                self.vars.insert(n, v);
            }
            Op::Pop => {
                self.pop();
            }
            Op::Dup => {
                let v = self.stack.last().cloned().unwrap_or(Value::None);
                self.push(v);
            }
            Op::Attr(name) => {
                let v = self.pop();
                self.push(builtins::attr(v, name)?);
            }
            Op::Call(n, kw) => {
                let total = n + kw.len();
                let base = self.stack.len().saturating_sub(total + 1);
                let callee = self.stack.get(base).cloned().unwrap_or(Value::None);
                let args: Vec<Value> = self.stack.get(base + 1..).unwrap_or_default().to_vec();
                let (pos, kwv) = args.split_at(n.min(args.len()));
                let kwargs: Vec<(&str, Value)> =
                    kw.iter().copied().zip(kwv.iter().cloned()).collect();
                let out = match &callee {
                    Value::Builtin(name @ ("socket.socket" | "time.sleep")) => {
                        Some(sys.call(name, None, pos, line))
                    }
                    Value::Builtin("print") => {
                        let text = builtins::print_text(pos, &kwargs)?;
                        Some(sys.print(text, line))
                    }
                    Value::Method(this, name) => match this.as_ref() {
                        Value::Socket(i) => Some(sys.call(name, Some(*i), pos, line)),
                        _ => None,
                    },
                    _ => None,
                };
                let value = match out {
                    Some(SysOutcome::Value(v)) => v,
                    Some(SysOutcome::Wait) => return Ok(false),
                    Some(SysOutcome::Raise(e)) => {
                        self.stack.truncate(base);
                        return Err(Fault::Raise(e));
                    }
                    Some(SysOutcome::Limit(l)) => return Err(Fault::Limit(l)),
                    None => {
                        if !kwargs.is_empty() {
                            return Err(Fault::Raise(Exc::new(
                                "TypeError",
                                "this function takes no keyword arguments",
                            )));
                        }
                        builtins::call(&callee, pos)?
                    }
                };
                self.stack.truncate(base);
                self.push(value);
            }
            Op::Bin(op) => {
                let b = self.pop();
                let a = self.pop();
                self.push(ops::binop(op, &a, &b)?);
            }
            Op::Neg => {
                let a = self.pop();
                self.push(ops::neg(&a)?);
            }
            Op::Not => {
                let a = self.pop();
                self.push(Value::Bool(!a.truthy()));
            }
            Op::JumpIfFalse(t) => {
                if !self.pop().truthy() {
                    next = t;
                }
            }
            Op::AndJump(t) | Op::OrJump(t) => {
                let truth = self.stack.last().is_some_and(Value::truthy);
                if truth == matches!(op, Op::OrJump(_)) {
                    next = t;
                } else {
                    self.pop();
                }
            }
            Op::Jump(t) => next = t,
            Op::Tuple(n) | Op::List(n) => {
                let at = self.stack.len().saturating_sub(n);
                let items = self.stack.split_off(at);
                self.push(if matches!(op, Op::Tuple(_)) {
                    Value::Tuple(items.into())
                } else {
                    Value::List(Rc::new(items.into()))
                });
            }
            Op::Join(n) => {
                let at = self.stack.len().saturating_sub(n);
                let parts = self.stack.split_off(at);
                let mut s = String::new();
                for p in parts {
                    s.push_str(&p.to_str());
                    ops::check_len(s.len())?;
                }
                self.push(Value::str(s));
            }
            Op::Format(repr) => {
                let v = self.pop();
                self.push(Value::str(if repr { v.repr() } else { v.to_str() }));
            }
            Op::Unpack(n) => {
                let v = self.pop();
                let items = ops::items(&v)?;
                if items.len() != n {
                    return Err(Fault::Raise(Exc::new(
                        "ValueError",
                        if items.len() > n {
                            format!("too many values to unpack (expected {n})")
                        } else {
                            format!(
                                "not enough values to unpack (expected {n}, got {})",
                                items.len()
                            )
                        },
                    )));
                }
                for it in items.iter().rev() {
                    self.push(it.clone());
                }
            }
            Op::Index => {
                let i = self.pop();
                let a = self.pop();
                self.push(ops::index(&a, &i)?);
            }
            Op::Slice(lo, hi) => {
                let hi = if hi { Some(self.pop()) } else { None };
                let lo = if lo { Some(self.pop()) } else { None };
                let a = self.pop();
                self.push(ops::slice(&a, lo.as_ref(), hi.as_ref())?);
            }
            Op::GetIter => {
                let v = self.pop();
                let it = match v {
                    Value::Iter(_) => v,
                    other => Value::Iter(Rc::new(builtins::iter(&other)?.into())),
                };
                self.push(it);
            }
            Op::ForIter(t) => {
                let item = match self.stack.last() {
                    Some(Value::Iter(it)) => {
                        let mut it = it.borrow_mut();
                        match &mut *it {
                            Iter::Range(cur, stop, step) => {
                                let more = if *step > 0 {
                                    *cur < *stop
                                } else {
                                    *cur > *stop
                                };
                                if more {
                                    let v = *cur;
                                    *cur = cur.saturating_add(*step);
                                    Some(Value::Int(v))
                                } else {
                                    None
                                }
                            }
                            Iter::Items(items, i) => {
                                let v = items.get(*i).cloned();
                                *i += 1;
                                v
                            }
                        }
                    }
                    _ => None,
                };
                match item {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        next = t;
                    }
                }
            }
            Op::SetupExcept(t) => self.blocks.push((t, self.stack.len())),
            Op::PopBlock => {
                self.blocks.pop();
            }
            Op::ExcMatch(classes) => {
                let hit = match self.pop() {
                    Value::Exc(e) => {
                        classes.is_empty() || classes.iter().any(|c| is_subclass(e.name, c))
                    }
                    _ => false,
                };
                self.push(Value::Bool(hit));
            }
            Op::Reraise => {
                let e = match self.pop() {
                    Value::Exc(e) => (*e).clone(),
                    other => Exc::new("TypeError", format!("cannot raise {}", other.type_name())),
                };
                // The traceback names the line where it was first raised: keep the pc.
                return Err(Fault::Raise(e));
            }
            Op::Import(m) => self.push(Value::Module(if m == "socket" {
                Module::Socket
            } else {
                Module::Time
            })),
        }
        self.pc = next;
        Ok(true)
    }
}

/// A name no assignment made: a builtin function, an exception class, or `__name__`.
fn global(n: &str) -> Option<Value> {
    if let Some(b) = BUILTINS.iter().find(|b| **b == n) {
        return Some(Value::Builtin(b));
    }
    if n == "__name__" {
        return Some(Value::str("__main__"));
    }
    if n.contains('.') {
        return None;
    }
    exception_class(n).map(Value::Class)
}
