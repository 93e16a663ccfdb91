//! The parser: tokens → [`Stmt`]s, by recursive descent over Python's grammar for the
//! subset. Nesting is bounded ([`MAX_NESTING`]) so no input can exhaust the stack; every
//! construct outside the subset is a [`ProgramErrorKind::NotInSubset`] error at its line.

use super::ast::{BinOp, Expr, ExprKind, Handler, Stmt, StmtKind, Target};
use super::lexer::{lex, Tok, Token};
use super::{ProgramError, ProgramErrorKind, Side, MODULES};

mod expr;

/// Deepest nesting of blocks and brackets the parser follows.
pub const MAX_NESTING: usize = 40;

/// Keywords of Python outside the subset.
const NOT_IN_SUBSET: &[&str] = &[
    "def", "class", "return", "lambda", "yield", "global", "nonlocal", "raise", "del", "assert",
    "async", "await", "from", "finally", "match",
];

/// Keywords that cannot be a variable.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

struct Parser {
    side: Side,
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
}

/// Parse a whole program.
///
/// # Errors
/// The first syntax error, or the first construct outside the subset.
pub fn parse(side: Side, src: &str) -> Result<Vec<Stmt>, ProgramError> {
    let toks = lex(side, src, 1)?;
    let mut p = Parser {
        side,
        toks,
        pos: 0,
        depth: 0,
    };
    let mut out = Vec::new();
    while !p.at(&Tok::Eof) {
        if p.at(&Tok::Indent) {
            return Err(p.err(ProgramErrorKind::Indentation, "unexpected indent"));
        }
        out.extend(p.statement()?);
    }
    Ok(out)
}

impl Parser {
    fn tok(&self) -> &Token {
        // The lexer always ends with Eof, and the parser never moves past it.
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .unwrap_or(&Token {
                tok: Tok::Eof,
                line: 1,
                col: 1,
            })
    }

    fn line(&self) -> usize {
        self.tok().line
    }

    fn at(&self, t: &Tok) -> bool {
        &self.tok().tok == t
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(&self.tok().tok, Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(&self.tok().tok, Tok::Name(n) if n == kw)
    }

    fn advance(&mut self) -> Token {
        let t = self.tok().clone();
        if self.pos < self.toks.len().saturating_sub(1) {
            self.pos += 1;
        }
        t
    }

    fn err(&self, kind: ProgramErrorKind, detail: impl Into<String>) -> ProgramError {
        let t = self.tok();
        ProgramError {
            side: self.side,
            line: t.line,
            column: t.col,
            kind,
            detail: detail.into(),
        }
    }

    fn unexpected(&self) -> ProgramError {
        let what = match &self.tok().tok {
            Tok::Name(n) => n.clone(),
            Tok::Op(o) => (*o).to_string(),
            Tok::Newline => "end of line".into(),
            Tok::Indent => return self.err(ProgramErrorKind::Indentation, "unexpected indent"),
            Tok::Dedent => "end of block".into(),
            Tok::Eof => "end of file".into(),
            _ => "literal".into(),
        };
        if NOT_IN_SUBSET.contains(&what.as_str()) {
            return self.err(ProgramErrorKind::NotInSubset, what);
        }
        self.err(ProgramErrorKind::Syntax, what)
    }

    fn expect_op(&mut self, op: &str) -> Result<(), ProgramError> {
        if self.at_op(op) {
            self.advance();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_kw(&mut self, kw: &str) -> Result<(), ProgramError> {
        if self.at_kw(kw) {
            self.advance();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn name(&mut self) -> Result<String, ProgramError> {
        match &self.tok().tok {
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                let n = n.clone();
                self.advance();
                Ok(n)
            }
            _ => Err(self.unexpected()),
        }
    }

    fn enter(&mut self) -> Result<(), ProgramError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.err(ProgramErrorKind::TooDeep, MAX_NESTING.to_string()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn statement(&mut self) -> Result<Vec<Stmt>, ProgramError> {
        let line = self.line();
        let kind = match &self.tok().tok {
            Tok::Name(k) => k.clone(),
            _ => String::new(),
        };
        let compound = match kind.as_str() {
            "if" => Some(self.if_stmt()?),
            "while" => {
                self.advance();
                let cond = self.expr()?;
                let body = self.block()?;
                if self.at_kw("else") {
                    return Err(self.err(ProgramErrorKind::NotInSubset, "while … else"));
                }
                Some(StmtKind::While(cond, body))
            }
            "for" => {
                self.advance();
                let target = self.target_list()?;
                self.expect_kw("in")?;
                let iter = self.expr_list()?;
                let body = self.block()?;
                if self.at_kw("else") {
                    return Err(self.err(ProgramErrorKind::NotInSubset, "for … else"));
                }
                Some(StmtKind::For(target, iter, body))
            }
            "try" => Some(self.try_stmt()?),
            "with" => {
                self.advance();
                let e = self.expr()?;
                let bind = if self.at_kw("as") {
                    self.advance();
                    Some(self.name()?)
                } else {
                    None
                };
                if self.at_op(",") {
                    return Err(self.err(ProgramErrorKind::NotInSubset, "with a, b"));
                }
                let body = self.block()?;
                Some(StmtKind::With(e, bind, body))
            }
            _ => None,
        };
        if let Some(kind) = compound {
            return Ok(vec![Stmt { kind, line }]);
        }
        let mut out = vec![self.simple()?];
        while self.at_op(";") {
            self.advance();
            if self.at(&Tok::Newline) {
                break;
            }
            out.push(self.simple()?);
        }
        if !self.at(&Tok::Newline) {
            return Err(self.unexpected());
        }
        self.advance();
        Ok(out)
    }

    fn if_stmt(&mut self) -> Result<StmtKind, ProgramError> {
        self.advance(); // `if` or `elif`
        let cond = self.expr()?;
        let body = self.block()?;
        let orelse = if self.at_kw("elif") {
            let line = self.line();
            let kind = self.if_stmt()?;
            vec![Stmt { kind, line }]
        } else if self.at_kw("else") {
            self.advance();
            self.block()?
        } else {
            Vec::new()
        };
        Ok(StmtKind::If(cond, body, orelse))
    }

    fn try_stmt(&mut self) -> Result<StmtKind, ProgramError> {
        self.advance();
        let body = self.block()?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let line = self.line();
            self.advance();
            let mut names = Vec::new();
            if !self.at_op(":") {
                if self.at_op("(") {
                    self.advance();
                    loop {
                        names.push(self.dotted()?);
                        if self.at_op(",") {
                            self.advance();
                            if self.at_op(")") {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    self.expect_op(")")?;
                } else {
                    names.push(self.dotted()?);
                }
            }
            let bind = if self.at_kw("as") {
                self.advance();
                Some(self.name()?)
            } else {
                None
            };
            let hbody = self.block()?;
            handlers.push(Handler {
                names,
                bind,
                body: hbody,
                line,
            });
        }
        if self.at_kw("else") {
            return Err(self.err(ProgramErrorKind::NotInSubset, "try … else"));
        }
        if self.at_kw("finally") {
            return Err(self.err(ProgramErrorKind::NotInSubset, "finally"));
        }
        if handlers.is_empty() {
            return Err(self.unexpected());
        }
        Ok(StmtKind::Try(body, handlers))
    }

    /// `name` or `socket.timeout`: an exception name in an `except` clause.
    fn dotted(&mut self) -> Result<String, ProgramError> {
        let mut n = self.name()?;
        while self.at_op(".") {
            self.advance();
            n.push('.');
            n.push_str(&self.name()?);
        }
        Ok(n)
    }

    fn block(&mut self) -> Result<Vec<Stmt>, ProgramError> {
        self.expect_op(":")?;
        self.enter()?;
        let out = if self.at(&Tok::Newline) {
            self.advance();
            if !self.at(&Tok::Indent) {
                return Err(self.err(ProgramErrorKind::Indentation, "expected an indented block"));
            }
            self.advance();
            let mut body = Vec::new();
            while !self.at(&Tok::Dedent) && !self.at(&Tok::Eof) {
                if self.at(&Tok::Indent) {
                    return Err(self.err(ProgramErrorKind::Indentation, "unexpected indent"));
                }
                body.extend(self.statement()?);
            }
            if self.at(&Tok::Dedent) {
                self.advance();
            }
            body
        } else {
            self.statement()?
        };
        self.leave();
        Ok(out)
    }

    fn simple(&mut self) -> Result<Stmt, ProgramError> {
        let line = self.line();
        if let Tok::Name(k) = &self.tok().tok {
            let k = k.clone();
            match k.as_str() {
                "pass" | "break" | "continue" => {
                    self.advance();
                    let kind = match k.as_str() {
                        "pass" => StmtKind::Pass,
                        "break" => StmtKind::Break,
                        _ => StmtKind::Continue,
                    };
                    return Ok(Stmt { kind, line });
                }
                "import" => {
                    self.advance();
                    let m = self.name()?;
                    if !MODULES.contains(&m.as_str()) {
                        return Err(ProgramError {
                            line,
                            ..self.err(ProgramErrorKind::UnknownModule, m)
                        });
                    }
                    if self.at_op(",") || self.at_kw("as") || self.at_op(".") {
                        return Err(self.err(ProgramErrorKind::NotInSubset, "import …"));
                    }
                    return Ok(Stmt {
                        kind: StmtKind::Import(m),
                        line,
                    });
                }
                k if NOT_IN_SUBSET.contains(&k) => {
                    return Err(self.err(ProgramErrorKind::NotInSubset, k));
                }
                _ => {}
            }
        }
        let first = self.expr_list()?;
        if let Some(op) = ["+=", "-="].iter().find(|o| self.at_op(o)) {
            let ExprKind::Name(n) = first.kind else {
                return Err(self.err(ProgramErrorKind::NotInSubset, *op));
            };
            let bin = if *op == "+=" { BinOp::Add } else { BinOp::Sub };
            self.advance();
            let value = self.expr_list()?;
            return Ok(Stmt {
                kind: StmtKind::AugAssign(n, bin, value),
                line,
            });
        }
        if let Tok::Op(o) = self.tok().tok {
            if o.ends_with('=') && !matches!(o, "==" | "!=" | "<=" | ">=" | "=") || o == ":" {
                return Err(self.err(ProgramErrorKind::NotInSubset, o));
            }
        }
        if !self.at_op("=") {
            return Ok(Stmt {
                kind: StmtKind::Expr(first),
                line,
            });
        }
        let mut targets = vec![self.to_target(first)?];
        let mut value;
        loop {
            self.expect_op("=")?;
            value = self.expr_list()?;
            if !self.at_op("=") {
                break;
            }
            targets.push(self.to_target(value)?);
        }
        Ok(Stmt {
            kind: StmtKind::Assign(targets, value),
            line,
        })
    }

    fn to_target(&self, e: Expr) -> Result<Target, ProgramError> {
        match e.kind {
            ExprKind::Name(n) => Ok(Target::Name(n)),
            ExprKind::Tuple(items) | ExprKind::List(items) => Ok(Target::Tuple(
                items
                    .into_iter()
                    .map(|i| self.to_target(i))
                    .collect::<Result<_, _>>()?,
            )),
            ExprKind::Attr(..) | ExprKind::Index(..) | ExprKind::Slice(..) => Err(ProgramError {
                line: e.line,
                ..self.err(
                    ProgramErrorKind::NotInSubset,
                    "assignment to an attribute or item",
                )
            }),
            _ => Err(ProgramError {
                line: e.line,
                ..self.err(ProgramErrorKind::Syntax, "cannot assign to expression")
            }),
        }
    }

    fn target_list(&mut self) -> Result<Target, ProgramError> {
        let line = self.line();
        let mut items = vec![self.bitor()?];
        while self.at_op(",") {
            self.advance();
            if self.at_kw("in") {
                break;
            }
            items.push(self.bitor()?);
        }
        let e = if items.len() == 1 {
            items.pop().unwrap_or(Expr {
                kind: ExprKind::None,
                line,
            })
        } else {
            Expr {
                kind: ExprKind::Tuple(items),
                line,
            }
        };
        self.to_target(e)
    }
}
