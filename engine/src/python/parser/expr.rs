//! Expressions: Python's precedence from conditional expressions down to atoms, string
//! literal joining and f-string fields.

use super::super::ast::{BinOp, Expr, ExprKind, FPiece};
use super::super::lexer::{lex, FPart, Tok};
use super::super::{ProgramError, ProgramErrorKind};
use super::Parser;

impl Parser {
    /// `a` or `a, b, …` (a tuple).
    pub(super) fn expr_list(&mut self) -> Result<Expr, ProgramError> {
        let line = self.line();
        let first = self.expr()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.at_op(",") {
            self.advance();
            if self.at(&Tok::Newline) || self.at_op("=") || self.at_op(":") || self.at_op(")") {
                break;
            }
            items.push(self.expr()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            line,
        })
    }

    pub(super) fn expr(&mut self) -> Result<Expr, ProgramError> {
        self.enter()?;
        let line = self.line();
        if self.at_kw("lambda") || self.at_kw("yield") || self.at_kw("await") {
            return Err(self.unexpected());
        }
        let body = self.or_test()?;
        let out = if self.at_kw("if") {
            self.advance();
            let cond = self.or_test()?;
            self.expect_kw("else")?;
            let other = self.expr()?;
            Expr {
                kind: ExprKind::IfElse(Box::new(cond), Box::new(body), Box::new(other)),
                line,
            }
        } else {
            body
        };
        self.leave();
        Ok(out)
    }

    pub(super) fn or_test(&mut self) -> Result<Expr, ProgramError> {
        let mut e = self.and_test()?;
        while self.at_kw("or") {
            self.advance();
            let line = e.line;
            let r = self.and_test()?;
            e = Expr {
                kind: ExprKind::Or(Box::new(e), Box::new(r)),
                line,
            };
        }
        Ok(e)
    }

    pub(super) fn and_test(&mut self) -> Result<Expr, ProgramError> {
        let mut e = self.not_test()?;
        while self.at_kw("and") {
            self.advance();
            let line = e.line;
            let r = self.not_test()?;
            e = Expr {
                kind: ExprKind::And(Box::new(e), Box::new(r)),
                line,
            };
        }
        Ok(e)
    }

    pub(super) fn not_test(&mut self) -> Result<Expr, ProgramError> {
        if self.at_kw("not") {
            let line = self.line();
            self.advance();
            self.enter()?;
            let e = self.not_test()?;
            self.leave();
            return Ok(Expr {
                kind: ExprKind::Not(Box::new(e)),
                line,
            });
        }
        self.comparison()
    }

    pub(super) fn comp_op(&mut self) -> Option<BinOp> {
        let op = match &self.tok().tok {
            Tok::Op("==") => BinOp::Eq,
            Tok::Op("!=") => BinOp::Ne,
            Tok::Op("<") => BinOp::Lt,
            Tok::Op("<=") => BinOp::Le,
            Tok::Op(">") => BinOp::Gt,
            Tok::Op(">=") => BinOp::Ge,
            Tok::Name(n) if n == "in" => BinOp::In,
            Tok::Name(n) if n == "is" => {
                self.advance();
                if self.at_kw("not") {
                    self.advance();
                    return Some(BinOp::IsNot);
                }
                return Some(BinOp::Is);
            }
            Tok::Name(n) if n == "not" => {
                let next_in = matches!(self.toks.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Name(n)) if n == "in");
                if !next_in {
                    return None;
                }
                self.advance();
                BinOp::NotIn
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    pub(super) fn comparison(&mut self) -> Result<Expr, ProgramError> {
        let first = self.bitor()?;
        let line = first.line;
        let Some(op) = self.comp_op() else {
            return Ok(first);
        };
        let second = self.bitor()?;
        let mut e = Expr {
            kind: ExprKind::Bin(op, Box::new(first), Box::new(second.clone())),
            line,
        };
        // `a < b < c` is `a < b and b < c`.
        let mut prev = second;
        while let Some(op) = self.comp_op() {
            let next = self.bitor()?;
            let cmp = Expr {
                kind: ExprKind::Bin(op, Box::new(prev), Box::new(next.clone())),
                line,
            };
            e = Expr {
                kind: ExprKind::And(Box::new(e), Box::new(cmp)),
                line,
            };
            prev = next;
        }
        Ok(e)
    }

    pub(super) fn binary(
        &mut self,
        ops: &[(&str, BinOp)],
        next: fn(&mut Self) -> Result<Expr, ProgramError>,
    ) -> Result<Expr, ProgramError> {
        let mut e = next(self)?;
        while let Some(&(_, op)) = ops.iter().find(|(s, _)| self.at_op(s)) {
            self.advance();
            let line = e.line;
            let r = next(self)?;
            e = Expr {
                kind: ExprKind::Bin(op, Box::new(e), Box::new(r)),
                line,
            };
        }
        Ok(e)
    }

    pub(super) fn bitor(&mut self) -> Result<Expr, ProgramError> {
        self.binary(&[("|", BinOp::BitOr)], Self::arith)
    }

    pub(super) fn arith(&mut self) -> Result<Expr, ProgramError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::term)
    }

    pub(super) fn term(&mut self) -> Result<Expr, ProgramError> {
        self.binary(
            &[
                ("*", BinOp::Mul),
                ("//", BinOp::FloorDiv),
                ("/", BinOp::Div),
                ("%", BinOp::Mod),
            ],
            Self::factor,
        )
    }

    pub(super) fn factor(&mut self) -> Result<Expr, ProgramError> {
        let line = self.line();
        if self.at_op("-") || self.at_op("+") {
            let neg = self.at_op("-");
            self.advance();
            self.enter()?;
            let e = self.factor()?;
            self.leave();
            return Ok(if neg {
                Expr {
                    kind: ExprKind::Neg(Box::new(e)),
                    line,
                }
            } else {
                e
            });
        }
        let e = self.primary()?;
        if let Tok::Op(o @ ("**" | "&" | "^" | "~" | "<<" | ">>" | "@")) = self.tok().tok {
            return Err(self.err(ProgramErrorKind::NotInSubset, o));
        }
        Ok(e)
    }

    pub(super) fn primary(&mut self) -> Result<Expr, ProgramError> {
        let mut e = self.atom()?;
        loop {
            let line = e.line;
            if self.at_op(".") {
                self.advance();
                let n = self.name()?;
                e = Expr {
                    kind: ExprKind::Attr(Box::new(e), n),
                    line,
                };
            } else if self.at_op("(") {
                self.advance();
                self.enter()?;
                let (args, kwargs) = self.call_args()?;
                self.leave();
                e = Expr {
                    kind: ExprKind::Call(Box::new(e), args, kwargs),
                    line,
                };
            } else if self.at_op("[") {
                self.advance();
                self.enter()?;
                let lo = if self.at_op(":") {
                    None
                } else {
                    Some(Box::new(self.expr()?))
                };
                if self.at_op(":") {
                    self.advance();
                    let hi = if self.at_op("]") {
                        None
                    } else {
                        Some(Box::new(self.expr()?))
                    };
                    if self.at_op(":") {
                        return Err(self.err(ProgramErrorKind::NotInSubset, "a[i:j:k]"));
                    }
                    e = Expr {
                        kind: ExprKind::Slice(Box::new(e), lo, hi),
                        line,
                    };
                } else {
                    let Some(i) = lo else {
                        return Err(self.unexpected());
                    };
                    e = Expr {
                        kind: ExprKind::Index(Box::new(e), i),
                        line,
                    };
                }
                self.expect_op("]")?;
                self.leave();
            } else {
                return Ok(e);
            }
        }
    }

    #[allow(clippy::type_complexity)]
    pub(super) fn call_args(&mut self) -> Result<(Vec<Expr>, Vec<(String, Expr)>), ProgramError> {
        let mut args = Vec::new();
        let mut kwargs = Vec::new();
        while !self.at_op(")") {
            if self.at_op("*") || self.at_op("**") {
                return Err(self.err(ProgramErrorKind::NotInSubset, "*args"));
            }
            let is_kw = matches!(self.tok().tok, Tok::Name(_))
                && matches!(
                    self.toks.get(self.pos + 1).map(|t| &t.tok),
                    Some(Tok::Op("="))
                );
            if is_kw {
                let n = self.name()?;
                self.advance();
                kwargs.push((n, self.expr()?));
            } else {
                if !kwargs.is_empty() {
                    return Err(self.err(
                        ProgramErrorKind::Syntax,
                        "positional argument follows keyword argument",
                    ));
                }
                args.push(self.expr()?);
            }
            if self.at_kw("for") {
                return Err(self.err(ProgramErrorKind::NotInSubset, "for (comprehension)"));
            }
            if !self.at_op(",") {
                break;
            }
            self.advance();
        }
        self.expect_op(")")?;
        Ok((args, kwargs))
    }

    pub(super) fn atom(&mut self) -> Result<Expr, ProgramError> {
        let t = self.tok().clone();
        let line = t.line;
        let kind = match t.tok {
            Tok::Int(i) => {
                self.advance();
                ExprKind::Int(i)
            }
            Tok::Float(f) => {
                self.advance();
                ExprKind::Float(f)
            }
            Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) => return self.strings(),
            Tok::Name(n) => match n.as_str() {
                "None" => {
                    self.advance();
                    ExprKind::None
                }
                "True" | "False" => {
                    self.advance();
                    ExprKind::Bool(n == "True")
                }
                _ => ExprKind::Name(self.name()?),
            },
            Tok::Op("(") => {
                self.advance();
                self.enter()?;
                if self.at_op(")") {
                    self.advance();
                    self.leave();
                    return Ok(Expr {
                        kind: ExprKind::Tuple(Vec::new()),
                        line,
                    });
                }
                let first = self.expr()?;
                if self.at_kw("for") {
                    return Err(self.err(ProgramErrorKind::NotInSubset, "generator expression"));
                }
                let e = if self.at_op(",") {
                    let mut items = vec![first];
                    while self.at_op(",") {
                        self.advance();
                        if self.at_op(")") {
                            break;
                        }
                        items.push(self.expr()?);
                    }
                    Expr {
                        kind: ExprKind::Tuple(items),
                        line,
                    }
                } else {
                    first
                };
                self.expect_op(")")?;
                self.leave();
                return Ok(e);
            }
            Tok::Op("[") => {
                self.advance();
                self.enter()?;
                let mut items = Vec::new();
                while !self.at_op("]") {
                    items.push(self.expr()?);
                    if self.at_kw("for") {
                        return Err(self.err(ProgramErrorKind::NotInSubset, "list comprehension"));
                    }
                    if !self.at_op(",") {
                        break;
                    }
                    self.advance();
                }
                self.expect_op("]")?;
                self.leave();
                ExprKind::List(items)
            }
            Tok::Op("{") => return Err(self.err(ProgramErrorKind::NotInSubset, "{…}")),
            Tok::Op("...") => return Err(self.err(ProgramErrorKind::NotInSubset, "...")),
            _ => return Err(self.unexpected()),
        };
        Ok(Expr { kind, line })
    }

    /// Adjacent string literals join (`'a' 'b'`); str and bytes may not mix.
    pub(super) fn strings(&mut self) -> Result<Expr, ProgramError> {
        let line = self.line();
        let mut pieces: Vec<FPiece> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut any_f = false;
        let mut any_str = false;
        loop {
            match self.tok().tok.clone() {
                Tok::Str(s) => {
                    any_str = true;
                    pieces.push(FPiece::Lit(s));
                }
                Tok::FStr(parts) => {
                    any_str = true;
                    any_f = true;
                    for p in parts {
                        pieces.push(match p {
                            FPart::Lit(s) => FPiece::Lit(s),
                            FPart::Expr {
                                src,
                                line,
                                col,
                                repr,
                            } => FPiece::Expr(self.fexpr(&src, line, col)?, repr),
                        });
                    }
                }
                Tok::Bytes(b) => bytes.get_or_insert_with(Vec::new).extend(b),
                _ => break,
            }
            self.advance();
        }
        let kind = match bytes {
            Some(_) if any_str => {
                return Err(ProgramError {
                    line,
                    ..self.err(
                        ProgramErrorKind::Syntax,
                        "cannot mix bytes and nonbytes literals",
                    )
                })
            }
            Some(b) => ExprKind::Bytes(b),
            None if any_f => ExprKind::FStr(pieces),
            None => ExprKind::Str(
                pieces
                    .into_iter()
                    .map(|p| match p {
                        FPiece::Lit(s) => s,
                        FPiece::Expr(..) => String::new(),
                    })
                    .collect(),
            ),
        };
        Ok(Expr { kind, line })
    }

    pub(super) fn fexpr(
        &mut self,
        src: &str,
        line: usize,
        col: usize,
    ) -> Result<Expr, ProgramError> {
        let mut toks = lex(self.side, &format!("({src})"), line)
            .map_err(|e| ProgramError { column: col, ..e })?;
        // Drop the trailing NEWLINE/EOF so the sub-parser stops at the closing paren.
        toks.retain(|t| !matches!(t.tok, Tok::Newline));
        let mut sub = Parser {
            side: self.side,
            toks,
            pos: 0,
            depth: self.depth,
        };
        let e = sub.expr()?;
        if !sub.at(&Tok::Eof) {
            return Err(sub.unexpected());
        }
        Ok(e)
    }
}
