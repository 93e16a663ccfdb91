//! The compiler: [`Stmt`]s → a flat list of [`Op`]s for the step machine in `vm.rs`.
//!
//! Control flow becomes jumps; `try` and `with` push a handler block at run time, so an
//! exception unwinds without any Rust recursion and a blocking call can suspend the
//! program between any two instructions. Names and attributes outside the subset are
//! refused here, at their line.

use super::ast::{BinOp, Handler, Stmt, StmtKind, Target};
use super::value::{exception_class, Value};
use super::{ProgramError, ProgramErrorKind, Side, MAX_OPS};

mod expr;

/// One instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Push a constant.
    Const(Value),
    /// Push a variable (NameError if unset).
    Load(String),
    /// Pop into a variable.
    Store(String),
    /// Drop the top.
    Pop,
    /// Push a copy of the top.
    Dup,
    /// Replace the top with its attribute.
    Attr(&'static str),
    /// Call: the callee, then `n` positional values, then one value per keyword name.
    Call(usize, Vec<&'static str>),
    /// Binary operator.
    Bin(BinOp),
    /// Unary minus.
    Neg,
    /// `not`.
    Not,
    /// Pop; jump if false.
    JumpIfFalse(usize),
    /// For `and`: if the top is false jump (keeping it), else pop it.
    AndJump(usize),
    /// For `or`: if the top is true jump (keeping it), else pop it.
    OrJump(usize),
    /// Jump.
    Jump(usize),
    /// Pop `n` values, push a tuple.
    Tuple(usize),
    /// Pop `n` values, push a list.
    List(usize),
    /// Pop `n` strs, push their concatenation (an f-string).
    Join(usize),
    /// Replace the top with its `str()` (`false`) or `repr()` (`true`).
    Format(bool),
    /// Pop a sequence of exactly `n` items, push them (last item on top… first on top).
    Unpack(usize),
    /// `a[i]`.
    Index,
    /// `a[i:j]`: with lower bound, with upper bound.
    Slice(bool, bool),
    /// Replace the top with an iterator over it.
    GetIter,
    /// Push the iterator's next item, or pop the iterator and jump when it is done.
    ForIter(usize),
    /// Push an exception handler (at the target) for what follows.
    SetupExcept(usize),
    /// Drop the innermost handler.
    PopBlock,
    /// The top is an exception: push whether it is one of these classes (empty = any).
    ExcMatch(Vec<&'static str>),
    /// Pop an exception and raise it again.
    Reraise,
    /// Push the module.
    Import(&'static str),
}

/// A compiled program: instructions and the source line of each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Code {
    /// Instructions.
    pub ops: Vec<Op>,
    /// 1-based line of each instruction.
    pub lines: Vec<usize>,
}

/// Names of builtins the subset offers.
pub const BUILTINS: &[&str] = &[
    "print",
    "len",
    "str",
    "int",
    "float",
    "range",
    "bytes",
    "repr",
    "bool",
    "list",
    "abs",
    "min",
    "max",
    "isinstance",
];

/// Python builtins outside the subset (a clear error instead of a NameError).
const OTHER_BUILTINS: &[&str] = &[
    "input",
    "open",
    "dict",
    "set",
    "map",
    "filter",
    "zip",
    "sorted",
    "enumerate",
    "sum",
    "exec",
    "eval",
    "compile",
    "globals",
    "locals",
    "vars",
    "dir",
    "getattr",
    "setattr",
    "hasattr",
    "id",
    "hash",
    "hex",
    "oct",
    "bin",
    "chr",
    "ord",
    "iter",
    "next",
    "reversed",
    "round",
    "pow",
    "type",
    "object",
    "super",
    "property",
    "format",
    "frozenset",
    "bytearray",
    "memoryview",
    "exit",
    "quit",
    "help",
    "breakpoint",
    "divmod",
    "any",
    "all",
    "callable",
    "classmethod",
    "staticmethod",
    "__import__",
];

/// Attribute names the subset offers (modules' names and methods).
pub const ATTRS: &[&str] = &[
    // socket module
    "socket",
    "AF_INET",
    "SOCK_STREAM",
    "SOCK_DGRAM",
    "SOL_SOCKET",
    "SO_REUSEADDR",
    "IPPROTO_TCP",
    "TCP_NODELAY",
    "SHUT_RD",
    "SHUT_WR",
    "SHUT_RDWR",
    "timeout",
    "error",
    // time module
    "sleep",
    // socket methods
    "bind",
    "listen",
    "accept",
    "connect",
    "send",
    "sendall",
    "recv",
    "sendto",
    "recvfrom",
    "close",
    "shutdown",
    "setsockopt",
    "settimeout",
    // str / bytes / list methods
    "encode",
    "decode",
    "upper",
    "lower",
    "strip",
    "startswith",
    "endswith",
    "append",
    "split",
    "join",
];

struct Loop {
    /// Where `continue` jumps.
    top: usize,
    /// Jumps to patch to the loop's end.
    breaks: Vec<usize>,
    /// A `for` loop keeps its iterator on the stack.
    is_for: bool,
    /// Handler blocks open when the loop began.
    blocks: usize,
}

/// A handler block open at compile time: `try` (None) or `with` (its hidden variable).
type Block = Option<String>;

struct Compiler {
    side: Side,
    code: Code,
    line: usize,
    loops: Vec<Loop>,
    blocks: Vec<Block>,
    withs: usize,
}

/// Compile a parsed program.
///
/// # Errors
/// A name or attribute outside the subset, `break`/`continue` outside a loop, or a
/// program too long ([`MAX_OPS`]).
pub fn compile(side: Side, stmts: &[Stmt]) -> Result<Code, ProgramError> {
    let mut c = Compiler {
        side,
        code: Code::default(),
        line: 1,
        loops: Vec::new(),
        blocks: Vec::new(),
        withs: 0,
    };
    c.stmts(stmts)?;
    Ok(c.code)
}

impl Compiler {
    fn err(&self, kind: ProgramErrorKind, detail: impl Into<String>) -> ProgramError {
        ProgramError {
            side: self.side,
            line: self.line,
            column: 1,
            kind,
            detail: detail.into(),
        }
    }

    fn emit(&mut self, op: Op) -> Result<usize, ProgramError> {
        if self.code.ops.len() >= MAX_OPS {
            return Err(self.err(ProgramErrorKind::TooLong, MAX_OPS.to_string()));
        }
        self.code.ops.push(op);
        self.code.lines.push(self.line);
        Ok(self.code.ops.len() - 1)
    }

    fn here(&self) -> usize {
        self.code.ops.len()
    }

    fn patch(&mut self, at: usize, target: usize) {
        if let Some(
            Op::JumpIfFalse(t)
            | Op::AndJump(t)
            | Op::OrJump(t)
            | Op::Jump(t)
            | Op::ForIter(t)
            | Op::SetupExcept(t),
        ) = self.code.ops.get_mut(at)
        {
            *t = target;
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) -> Result<(), ProgramError> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn store(&mut self, t: &Target) -> Result<(), ProgramError> {
        match t {
            Target::Name(n) => {
                self.emit(Op::Store(n.clone()))?;
            }
            Target::Tuple(items) => {
                self.emit(Op::Unpack(items.len()))?;
                for i in items {
                    self.store(i)?;
                }
            }
        }
        Ok(())
    }

    /// Close the handler blocks opened inside the innermost loop (for `break`/`continue`).
    fn unwind_to_loop(&mut self) -> Result<(), ProgramError> {
        let Some(base) = self.loops.last().map(|l| l.blocks) else {
            return Err(self.err(ProgramErrorKind::Syntax, "'break' outside loop"));
        };
        let open: Vec<Block> = self.blocks.get(base..).unwrap_or_default().to_vec();
        for b in open.iter().rev() {
            self.emit(Op::PopBlock)?;
            if let Some(var) = b {
                self.close_with(var)?;
            }
        }
        Ok(())
    }

    fn close_with(&mut self, var: &str) -> Result<(), ProgramError> {
        self.emit(Op::Load(var.to_string()))?;
        self.emit(Op::Attr("close"))?;
        self.emit(Op::Call(0, Vec::new()))?;
        self.emit(Op::Pop)?;
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ProgramError> {
        self.line = s.line;
        match &s.kind {
            StmtKind::Import(m) => {
                let m = if m == "socket" { "socket" } else { "time" };
                self.emit(Op::Import(m))?;
                self.emit(Op::Store(m.to_string()))?;
            }
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.line = s.line;
                self.emit(Op::Pop)?;
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                self.line = s.line;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup)?;
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign(name, op, value) => {
                self.emit(Op::Load(name.clone()))?;
                self.expr(value)?;
                self.line = s.line;
                self.emit(Op::Bin(*op))?;
                self.emit(Op::Store(name.clone()))?;
            }
            StmtKind::If(cond, body, orelse) => {
                self.expr(cond)?;
                let jf = self.emit(Op::JumpIfFalse(0))?;
                self.stmts(body)?;
                if orelse.is_empty() {
                    let end = self.here();
                    self.patch(jf, end);
                } else {
                    let j = self.emit(Op::Jump(0))?;
                    let else_at = self.here();
                    self.patch(jf, else_at);
                    self.stmts(orelse)?;
                    let end = self.here();
                    self.patch(j, end);
                }
            }
            StmtKind::While(cond, body) => {
                let top = self.here();
                self.expr(cond)?;
                let jf = self.emit(Op::JumpIfFalse(0))?;
                self.loop_body(top, false, body)?;
                self.line = s.line;
                self.emit(Op::Jump(top))?;
                let end = self.here();
                self.patch(jf, end);
                self.end_loop(end);
            }
            StmtKind::For(target, iter, body) => {
                self.expr(iter)?;
                self.line = s.line;
                self.emit(Op::GetIter)?;
                let top = self.emit(Op::ForIter(0))?;
                self.store(target)?;
                self.loop_body(top, true, body)?;
                self.line = s.line;
                self.emit(Op::Jump(top))?;
                let end = self.here();
                self.patch(top, end);
                self.end_loop(end);
            }
            StmtKind::Break => {
                self.unwind_to_loop()?;
                if self.loops.last().is_some_and(|l| l.is_for) {
                    self.emit(Op::Pop)?;
                }
                let j = self.emit(Op::Jump(0))?;
                if let Some(l) = self.loops.last_mut() {
                    l.breaks.push(j);
                }
            }
            StmtKind::Continue => {
                self.unwind_to_loop().map_err(|e| ProgramError {
                    detail: "'continue' not properly in loop".into(),
                    ..e
                })?;
                let top = self.loops.last().map_or(0, |l| l.top);
                self.emit(Op::Jump(top))?;
            }
            StmtKind::Pass => {}
            StmtKind::Try(body, handlers) => self.try_stmt(body, handlers)?,
            StmtKind::With(e, bind, body) => {
                self.expr(e)?;
                self.line = s.line;
                self.withs += 1;
                let hidden = format!(" with{}", self.withs);
                self.emit(Op::Store(hidden.clone()))?;
                if let Some(b) = bind {
                    self.emit(Op::Load(hidden.clone()))?;
                    self.emit(Op::Store(b.clone()))?;
                }
                let setup = self.emit(Op::SetupExcept(0))?;
                self.blocks.push(Some(hidden.clone()));
                self.stmts(body)?;
                self.blocks.pop();
                self.line = s.line;
                self.emit(Op::PopBlock)?;
                self.close_with(&hidden)?;
                let j = self.emit(Op::Jump(0))?;
                let handler = self.here();
                self.patch(setup, handler);
                self.close_with(&hidden)?;
                self.emit(Op::Reraise)?;
                let end = self.here();
                self.patch(j, end);
            }
        }
        Ok(())
    }

    fn loop_body(&mut self, top: usize, is_for: bool, body: &[Stmt]) -> Result<(), ProgramError> {
        self.loops.push(Loop {
            top,
            breaks: Vec::new(),
            is_for,
            blocks: self.blocks.len(),
        });
        self.stmts(body)
    }

    fn end_loop(&mut self, end: usize) {
        if let Some(l) = self.loops.pop() {
            for b in l.breaks {
                self.patch(b, end);
            }
        }
    }

    fn try_stmt(&mut self, body: &[Stmt], handlers: &[Handler]) -> Result<(), ProgramError> {
        let setup = self.emit(Op::SetupExcept(0))?;
        self.blocks.push(None);
        self.stmts(body)?;
        self.blocks.pop();
        self.emit(Op::PopBlock)?;
        let mut to_end = vec![self.emit(Op::Jump(0))?];
        let first = self.here();
        self.patch(setup, first);
        for h in handlers {
            self.line = h.line;
            let mut classes = Vec::new();
            for n in &h.names {
                match exception_class(n) {
                    Some(c) => classes.push(c),
                    None => {
                        return Err(self.err(ProgramErrorKind::NotInSubset, n.clone()));
                    }
                }
            }
            self.emit(Op::Dup)?;
            self.emit(Op::ExcMatch(classes))?;
            let jf = self.emit(Op::JumpIfFalse(0))?;
            match &h.bind {
                Some(b) => self.emit(Op::Store(b.clone()))?,
                None => self.emit(Op::Pop)?,
            };
            self.stmts(&h.body)?;
            to_end.push(self.emit(Op::Jump(0))?);
            let next = self.here();
            self.patch(jf, next);
        }
        self.emit(Op::Reraise)?;
        let end = self.here();
        for j in to_end {
            self.patch(j, end);
        }
        Ok(())
    }
}
