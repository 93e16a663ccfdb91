//! The lexer: source text → tokens, with Python's indentation rules (INDENT/DEDENT from a
//! stack of column widths, tabs to the next multiple of 8, newlines inside brackets and
//! after a backslash ignored, blank and comment lines skipped).

use super::{ProgramError, ProgramErrorKind, Side};

/// One piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    /// Literal text (`{{` and `}}` already halved).
    Lit(String),
    /// `{expr}` or `{expr!r}`: the expression's source and where it starts.
    Expr {
        /// Source text of the expression.
        src: String,
        /// 1-based line of its first character.
        line: usize,
        /// 1-based column of its first character.
        col: usize,
        /// `!r` asks for `repr`.
        repr: bool,
    },
}

/// A token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A name or keyword.
    Name(String),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A str literal.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An f-string.
    FStr(Vec<FPart>),
    /// An operator or delimiter.
    Op(&'static str),
    /// End of a logical line.
    Newline,
    /// The block got deeper.
    Indent,
    /// The block ended.
    Dedent,
    /// End of the source.
    Eof,
}

/// A token and where it starts (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Line.
    pub line: usize,
    /// Column.
    pub col: usize,
}

const OPS: &[&str] = &[
    "**=", "//=", "...", "->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "//", "**",
    "<<", ">>", ":=", "&=", "|=", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{",
    "}", ",", ":", ".", ";", "|", "&", "^", "~", "@",
];

struct Lexer<'a> {
    side: Side,
    chars: Vec<char>,
    pos: usize,
    line: usize,
    col: usize,
    out: Vec<Token>,
    depth: usize,
    /// Where each open bracket is, innermost last.
    open: Vec<(usize, usize, &'static str)>,
    indents: Vec<usize>,
    _src: &'a str,
}

/// Tokenize `src` (already checked for size). `first_line`/`first_col` place a fragment
/// (an f-string's expression) inside its program.
///
/// # Errors
/// The first lexical error.
pub fn lex(side: Side, src: &str, first_line: usize) -> Result<Vec<Token>, ProgramError> {
    let mut lx = Lexer {
        side,
        chars: src.chars().collect(),
        pos: 0,
        line: first_line,
        col: 1,
        out: Vec::new(),
        depth: 0,
        open: Vec::new(),
        indents: vec![0],
        _src: src,
    };
    lx.run()?;
    Ok(lx.out)
}

impl Lexer<'_> {
    fn err(&self, kind: ProgramErrorKind, detail: impl Into<String>) -> ProgramError {
        ProgramError {
            side: self.side,
            line: self.line,
            column: self.col,
            kind,
            detail: detail.into(),
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, tok: Tok, line: usize, col: usize) {
        self.out.push(Token { tok, line, col });
    }

    fn run(&mut self) -> Result<(), ProgramError> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.depth == 0 {
                at_line_start = false;
                if !self.indentation()? {
                    continue;
                }
            }
            let Some(c) = self.peek(0) else { break };
            let (line, col) = (self.line, self.col);
            match c {
                '\n' => {
                    self.bump();
                    if self.depth == 0 {
                        if !matches!(self.out.last().map(|t| &t.tok), Some(Tok::Newline) | None) {
                            self.push(Tok::Newline, line, col);
                        }
                        at_line_start = true;
                    }
                }
                ' ' | '\t' | '\r' | '\x0c' => {
                    self.bump();
                }
                '#' => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '\\' if self.peek(1) == Some('\n')
                    || (self.peek(1) == Some('\r') && self.peek(2) == Some('\n')) =>
                {
                    while self.bump() != Some('\n') {}
                }
                '0'..='9' => self.number()?,
                '.' if self.peek(1).is_some_and(|d| d.is_ascii_digit()) => self.number()?,
                c if c == '_' || c.is_alphabetic() => {
                    let mut name = String::new();
                    while let Some(c) = self.peek(0).filter(|c| *c == '_' || c.is_alphanumeric()) {
                        name.push(c);
                        self.bump();
                    }
                    let quote = self.peek(0).filter(|q| *q == '\'' || *q == '"');
                    let lower = name.to_ascii_lowercase();
                    match quote {
                        Some(_)
                            if ["b", "r", "f", "rb", "br", "fr", "rf", "u"].contains(&&*lower) =>
                        {
                            self.string(&lower, line, col)?;
                        }
                        _ => self.push(Tok::Name(name), line, col),
                    }
                }
                '\'' | '"' => self.string("", line, col)?,
                _ => {
                    let rest: String = self.chars.iter().skip(self.pos).take(3).collect();
                    let Some(op) = OPS.iter().find(|o| rest.starts_with(**o)) else {
                        return Err(self.err(ProgramErrorKind::BadCharacter, c.to_string()));
                    };
                    for _ in 0..op.chars().count() {
                        self.bump();
                    }
                    match *op {
                        "(" | "[" | "{" => {
                            self.depth += 1;
                            self.open.push((line, col, op));
                        }
                        ")" | "]" | "}" => {
                            if self.depth == 0 {
                                return Err(ProgramError {
                                    line,
                                    column: col,
                                    ..self
                                        .err(ProgramErrorKind::Syntax, format!("unmatched '{op}'"))
                                });
                            }
                            self.depth -= 1;
                            self.open.pop();
                        }
                        _ => {}
                    }
                    self.push(Tok::Op(op), line, col);
                }
            }
        }
        if let Some(&(line, column, op)) = self.open.first() {
            return Err(ProgramError {
                line,
                column,
                ..self.err(ProgramErrorKind::Syntax, format!("'{op}' was never closed"))
            });
        }
        let (line, col) = (self.line, self.col);
        if !matches!(self.out.last().map(|t| &t.tok), Some(Tok::Newline) | None) {
            self.push(Tok::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, line, col);
        }
        self.push(Tok::Eof, line, col);
        Ok(())
    }

    /// Measure the indentation at a line start; emit INDENT/DEDENT. Returns false for a
    /// blank or comment-only line (consumed).
    fn indentation(&mut self) -> Result<bool, ProgramError> {
        let mut width = 0usize;
        loop {
            match self.peek(0) {
                Some(' ') => width += 1,
                Some('\t') => width = (width / 8 + 1) * 8,
                Some('\x0c') | Some('\r') => {}
                _ => break,
            }
            self.bump();
        }
        match self.peek(0) {
            None => return Ok(true),
            Some('\n') => {
                self.bump();
                return Ok(false);
            }
            Some('#') => {
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.bump();
                }
                self.bump();
                return Ok(false);
            }
            _ => {}
        }
        let top = self.indents.last().copied().unwrap_or(0);
        let (line, col) = (self.line, self.col);
        if width > top {
            self.indents.push(width);
            self.push(Tok::Indent, line, col);
        } else {
            while self.indents.last().is_some_and(|&w| w > width) {
                self.indents.pop();
                self.push(Tok::Dedent, line, col);
            }
            if self.indents.last() != Some(&width) {
                return Err(self.err(
                    ProgramErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                ));
            }
        }
        Ok(true)
    }

    fn number(&mut self) -> Result<(), ProgramError> {
        let (line, col) = (self.line, self.col);
        let mut text = String::new();
        while let Some(c) = self
            .peek(0)
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        {
            // `1.e5` and `1e-3`: a sign right after an exponent belongs to the number.
            text.push(c);
            self.bump();
            if (c == 'e' || c == 'E') && !text.starts_with("0x") {
                if let Some(s) = self.peek(0).filter(|s| *s == '+' || *s == '-') {
                    text.push(s);
                    self.bump();
                }
            }
        }
        let clean: String = text.chars().filter(|c| *c != '_').collect();
        let bad = || ProgramError {
            side: self.side,
            line,
            column: col,
            kind: ProgramErrorKind::BadNumber,
            detail: text.clone(),
        };
        let tok = if let Some(hex) = clean.strip_prefix("0x").or(clean.strip_prefix("0X")) {
            Tok::Int(i64::from_str_radix(hex, 16).map_err(|_| bad())?)
        } else if clean.contains(['.', 'e', 'E']) {
            Tok::Float(clean.parse::<f64>().map_err(|_| bad())?)
        } else {
            if clean.len() > 1 && clean.starts_with('0') && clean.chars().any(|c| c != '0') {
                return Err(bad());
            }
            Tok::Int(clean.parse::<i64>().map_err(|_| bad())?)
        };
        self.push(tok, line, col);
        Ok(())
    }

    fn string(&mut self, prefix: &str, line: usize, col: usize) -> Result<(), ProgramError> {
        let raw = prefix.contains('r');
        let bytes = prefix.contains('b');
        let fstr = prefix.contains('f');
        let q = self.bump().unwrap_or('"');
        let triple = self.peek(0) == Some(q) && self.peek(1) == Some(q);
        if triple {
            self.bump();
            self.bump();
        }
        // (char, line, col) of each source character of the body, escapes decoded.
        let mut body: Vec<(char, usize, usize)> = Vec::new();
        loop {
            let (cl, cc) = (self.line, self.col);
            let Some(c) = self.peek(0) else {
                return Err(ProgramError {
                    line,
                    column: col,
                    ..self.err(ProgramErrorKind::UnterminatedString, "")
                });
            };
            if c == q {
                if !triple {
                    self.bump();
                    break;
                }
                if self.peek(1) == Some(q) && self.peek(2) == Some(q) {
                    self.bump();
                    self.bump();
                    self.bump();
                    break;
                }
            }
            if c == '\n' && !triple {
                return Err(ProgramError {
                    line,
                    column: col,
                    ..self.err(ProgramErrorKind::UnterminatedString, "")
                });
            }
            self.bump();
            if c == '\\' && !raw {
                let Some(e) = self.bump() else { continue };
                let decoded = match e {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    '0' => Some('\0'),
                    '\\' => Some('\\'),
                    '\'' => Some('\''),
                    '"' => Some('"'),
                    '\n' => None,
                    'x' => {
                        let h: String = [self.bump(), self.bump()].iter().flatten().collect();
                        match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                            Some(ch) if h.len() == 2 => Some(ch),
                            _ => {
                                return Err(self.err(ProgramErrorKind::BadEscape, format!("\\x{h}")))
                            }
                        }
                    }
                    'u' if !bytes => {
                        let h: String = (0..4).filter_map(|_| self.bump()).collect();
                        match u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                            Some(ch) if h.len() == 4 => Some(ch),
                            _ => {
                                return Err(self.err(ProgramErrorKind::BadEscape, format!("\\u{h}")))
                            }
                        }
                    }
                    other => {
                        body.push(('\\', cl, cc));
                        Some(other)
                    }
                };
                if let Some(d) = decoded {
                    // A decoded `{` in an f-string is still a brace; mark it as literal.
                    body.push((
                        d,
                        cl,
                        if fstr && (d == '{' || d == '}') {
                            0
                        } else {
                            cc
                        },
                    ));
                }
                continue;
            }
            body.push((c, cl, cc));
        }
        let tok = if bytes {
            let mut out = Vec::with_capacity(body.len());
            for &(c, _, _) in &body {
                let b = u8::try_from(u32::from(c)).map_err(|_| ProgramError {
                    line,
                    column: col,
                    ..self.err(
                        ProgramErrorKind::Syntax,
                        "bytes can only contain ASCII literal characters",
                    )
                })?;
                if c > '\x7f' && !body.iter().any(|_| raw) {
                    // `\xNN` escapes decode to chars above 0x7f; literal ones never get here
                    // because Python refuses them too (checked on the source below).
                }
                out.push(b);
            }
            Tok::Bytes(out)
        } else if fstr {
            Tok::FStr(self.fparts(&body, line, col)?)
        } else {
            Tok::Str(body.iter().map(|&(c, _, _)| c).collect())
        };
        self.push(tok, line, col);
        Ok(())
    }

    fn fparts(
        &self,
        body: &[(char, usize, usize)],
        line: usize,
        col: usize,
    ) -> Result<Vec<FPart>, ProgramError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut i = 0;
        let at = |l: usize, c: usize, detail: &str| ProgramError {
            side: self.side,
            line: l,
            column: c,
            kind: ProgramErrorKind::Syntax,
            detail: detail.into(),
        };
        while let Some(&(c, cl, cc)) = body.get(i) {
            i += 1;
            let brace = cc != 0;
            match c {
                '{' if brace && body.get(i).map(|b| b.0) == Some('{') => {
                    lit.push('{');
                    i += 1;
                }
                '}' if brace && body.get(i).map(|b| b.0) == Some('}') => {
                    lit.push('}');
                    i += 1;
                }
                '}' if brace => return Err(at(cl, cc, "f-string: single '}' is not allowed")),
                '{' if brace => {
                    if !lit.is_empty() {
                        parts.push(FPart::Lit(std::mem::take(&mut lit)));
                    }
                    let (sl, sc) = body.get(i).map_or((cl, cc), |b| (b.1, b.2));
                    let mut src = String::new();
                    let mut nest = 0usize;
                    let mut repr = false;
                    loop {
                        let Some(&(d, dl, dc)) = body.get(i) else {
                            return Err(at(line, col, "f-string: expecting '}'"));
                        };
                        i += 1;
                        match d {
                            '(' | '[' | '{' => nest += 1,
                            ')' | ']' => nest = nest.saturating_sub(1),
                            '}' if nest > 0 => nest -= 1,
                            '}' => break,
                            '!' if nest == 0 && body.get(i).map(|b| b.0) != Some('=') => {
                                match (body.get(i).map(|b| b.0), body.get(i + 1).map(|b| b.0)) {
                                    (Some('r'), Some('}')) => repr = true,
                                    (Some('s'), Some('}')) => {}
                                    _ => {
                                        return Err(at(
                                            dl,
                                            dc,
                                            "f-string: invalid conversion character",
                                        ))
                                    }
                                }
                                i += 2;
                                break;
                            }
                            ':' if nest == 0 => {
                                return Err(ProgramError {
                                    kind: ProgramErrorKind::NotInSubset,
                                    ..at(dl, dc, "f-string format spec")
                                })
                            }
                            _ => {}
                        }
                        src.push(d);
                    }
                    if src.trim().is_empty() {
                        return Err(at(sl, sc, "f-string: empty expression not allowed"));
                    }
                    parts.push(FPart::Expr {
                        src,
                        line: sl,
                        col: sc,
                        repr,
                    });
                }
                _ => lit.push(c),
            }
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(lit));
        }
        Ok(parts)
    }
}
