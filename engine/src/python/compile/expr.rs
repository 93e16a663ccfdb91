//! Compiling expressions: constants, names, containers, f-strings, attributes, calls,
//! operators and the short-circuit `and`/`or`/`if … else`.

use super::super::ast::{Expr, ExprKind, FPiece};
use super::super::value::Value;
use super::super::{ProgramError, ProgramErrorKind};
use super::{Compiler, Op, ATTRS, OTHER_BUILTINS};

impl Compiler {
    pub(super) fn expr(&mut self, e: &Expr) -> Result<(), ProgramError> {
        self.line = e.line;
        match &e.kind {
            ExprKind::None => self.emit(Op::Const(Value::None))?,
            ExprKind::Bool(b) => self.emit(Op::Const(Value::Bool(*b)))?,
            ExprKind::Int(i) => self.emit(Op::Const(Value::Int(*i)))?,
            ExprKind::Float(f) => self.emit(Op::Const(Value::Float(*f)))?,
            ExprKind::Str(s) => self.emit(Op::Const(Value::str(s.as_str())))?,
            ExprKind::Bytes(b) => self.emit(Op::Const(Value::bytes(b)))?,
            ExprKind::FStr(pieces) => {
                for p in pieces {
                    match p {
                        FPiece::Lit(s) => {
                            self.emit(Op::Const(Value::str(s.as_str())))?;
                        }
                        FPiece::Expr(x, repr) => {
                            self.expr(x)?;
                            self.emit(Op::Format(*repr))?;
                        }
                    }
                }
                self.line = e.line;
                self.emit(Op::Join(pieces.len()))?
            }
            ExprKind::Name(n) => {
                if OTHER_BUILTINS.contains(&n.as_str()) {
                    return Err(self.err(ProgramErrorKind::NotInSubset, n.clone()));
                }
                self.emit(Op::Load(n.clone()))?
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.expr(i)?;
                }
                self.line = e.line;
                if matches!(e.kind, ExprKind::Tuple(_)) {
                    self.emit(Op::Tuple(items.len()))?
                } else {
                    self.emit(Op::List(items.len()))?
                }
            }
            ExprKind::Attr(obj, name) => {
                self.expr(obj)?;
                self.line = e.line;
                let Some(a) = ATTRS.iter().find(|a| **a == name.as_str()) else {
                    return Err(self.err(ProgramErrorKind::NotInSubset, format!(".{name}")));
                };
                self.emit(Op::Attr(a))?
            }
            ExprKind::Call(f, args, kwargs) => {
                self.expr(f)?;
                for a in args {
                    self.expr(a)?;
                }
                let mut names = Vec::new();
                for (k, v) in kwargs {
                    let Some(n) = ["sep", "end", "flush"].iter().find(|n| **n == k.as_str()) else {
                        self.line = e.line;
                        return Err(self.err(ProgramErrorKind::NotInSubset, format!("{k}=")));
                    };
                    names.push(*n);
                    self.expr(v)?;
                }
                self.line = e.line;
                self.emit(Op::Call(args.len(), names))?
            }
            ExprKind::Index(a, i) => {
                self.expr(a)?;
                self.expr(i)?;
                self.line = e.line;
                self.emit(Op::Index)?
            }
            ExprKind::Slice(a, lo, hi) => {
                self.expr(a)?;
                if let Some(lo) = lo {
                    self.expr(lo)?;
                }
                if let Some(hi) = hi {
                    self.expr(hi)?;
                }
                self.line = e.line;
                self.emit(Op::Slice(lo.is_some(), hi.is_some()))?
            }
            ExprKind::Bin(op, a, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.line = e.line;
                self.emit(Op::Bin(*op))?
            }
            ExprKind::Neg(a) => {
                self.expr(a)?;
                self.emit(Op::Neg)?
            }
            ExprKind::Not(a) => {
                self.expr(a)?;
                self.emit(Op::Not)?
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a)?;
                let j = if matches!(e.kind, ExprKind::And(..)) {
                    self.emit(Op::AndJump(0))?
                } else {
                    self.emit(Op::OrJump(0))?
                };
                self.expr(b)?;
                let end = self.here();
                self.patch(j, end);
                end
            }
            ExprKind::IfElse(cond, a, b) => {
                self.expr(cond)?;
                let jf = self.emit(Op::JumpIfFalse(0))?;
                self.expr(a)?;
                let j = self.emit(Op::Jump(0))?;
                let other = self.here();
                self.patch(jf, other);
                self.expr(b)?;
                let end = self.here();
                self.patch(j, end);
                end
            }
        };
        Ok(())
    }
}
