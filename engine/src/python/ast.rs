//! The syntax tree of the subset: what the parser builds and the compiler reads.

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `|` (for `SOCK_STREAM | …` flags)
    BitOr,
}

impl BinOp {
    /// Python's spelling.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::In => "in",
            BinOp::NotIn => "not in",
            BinOp::Is => "is",
            BinOp::IsNot => "is not",
            BinOp::BitOr => "|",
        }
    }
}

/// An expression, with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// 1-based line.
    pub line: usize,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A str literal.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An f-string: literal parts and expressions (`true` = `!r`).
    FStr(Vec<FPiece>),
    /// A variable.
    Name(String),
    /// `(a, b)`
    Tuple(Vec<Expr>),
    /// `[a, b]`
    List(Vec<Expr>),
    /// `a.name`
    Attr(Box<Expr>, String),
    /// `f(args, key=value)`
    Call(Box<Expr>, Vec<Expr>, Vec<(String, Expr)>),
    /// `a[i]`
    Index(Box<Expr>, Box<Expr>),
    /// `a[i:j]` (either bound may be missing)
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `a op b`
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// `-a`
    Neg(Box<Expr>),
    /// `not a`
    Not(Box<Expr>),
    /// `a and b`
    And(Box<Expr>, Box<Expr>),
    /// `a or b`
    Or(Box<Expr>, Box<Expr>),
    /// `a if c else b`
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// One piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FPiece {
    /// Literal text.
    Lit(String),
    /// An expression; `true` = `!r`.
    Expr(Expr, bool),
}

/// A statement, with its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// 1-based line.
    pub line: usize,
}

/// Where an assignment stores.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A variable.
    Name(String),
    /// `a, b` (nested allowed).
    Tuple(Vec<Target>),
}

/// One `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    /// The exception names it catches (empty = bare `except:`).
    pub names: Vec<String>,
    /// `as e`.
    pub bind: Option<String>,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Its line.
    pub line: usize,
}

/// The kinds of statement.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `import socket` / `import time`.
    Import(String),
    /// An expression on its own.
    Expr(Expr),
    /// `a = b = value`
    Assign(Vec<Target>, Expr),
    /// `a += value` (`true`) / `a -= value` (`false`)
    AugAssign(String, BinOp, Expr),
    /// `if` with its `elif`s folded into `orelse`.
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while cond:`
    While(Expr, Vec<Stmt>),
    /// `for target in iter:`
    For(Target, Expr, Vec<Stmt>),
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `pass`
    Pass,
    /// `try:` … `except …:` …
    Try(Vec<Stmt>, Vec<Handler>),
    /// `with expr as name:`
    With(Expr, Option<String>, Vec<Stmt>),
}
