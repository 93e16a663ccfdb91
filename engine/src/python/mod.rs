//! The socket playground's interpreter: the student's own Python programs on the hosts.
//!
//! A documented subset of Python 3 (`docs/PLAYGROUND.md`): `import socket`/`time`,
//! sockets (TCP and UDP), `time.sleep`, `print`, variables, int/float/str/bytes/tuple/list
//! values, f-strings, `if`/`while`/`for`, `try`/`except`, `with`. The source goes
//! through [`lexer`] → [`parser`] → [`compile`] into a flat instruction list that the
//! step machine in [`vm`] runs with an explicit stack, so a blocking socket call
//! (`accept`, `recv`, `connect`, `sendall` on a full buffer, `time.sleep`) suspends the
//! program and the next host step resumes it. [`PyRunner`] is the program's
//! [`crate::net::HostApp`]; its socket calls go to smoltcp through `socket.rs`.
//!
//! Everything is bounded: source size and lines, nesting, instructions, value sizes,
//! output, sockets. An error before running is a [`ProgramError`] at its line; a limit
//! hit while running ends the program with a [`crate::trace::EventKind::Stopped`].

pub mod ast;
pub mod builtins;
pub mod compile;
pub mod lexer;
pub mod ops;
pub mod parser;
mod presets;
pub mod runner;
pub mod socket;
pub mod value;
pub mod vm;

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::wire::role::named_enum;

pub use presets::{Preset, PresetId, PRESETS};
pub use runner::PyRunner;

/// Largest program source, bytes.
pub const MAX_SOURCE: usize = 16 * 1024;
/// Most lines in a program.
pub const MAX_LINES: usize = 500;
/// Most instructions a program compiles to.
pub const MAX_OPS: usize = 20_000;
/// Most instructions a program may execute in one run (a runaway loop stops here).
pub const MAX_STEPS: u64 = 200_000;
/// Largest str or bytes value, bytes.
pub const MAX_VALUE: usize = 64 * 1024;
/// Most items in a list or tuple (and deepest value stack).
pub const MAX_LIST: usize = 10_000;
/// Most bytes `print` may write in one run.
pub const MAX_OUTPUT: usize = 64 * 1024;
/// Most `print` calls in one run.
pub const MAX_PRINTS: usize = 2_000;
/// Most sockets a program may create.
pub const MAX_SOCKETS: usize = 16;
/// Modules a program may import.
pub const MODULES: &[&str] = &["socket", "time"];

/// Which host's program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The client (192.168.1.10 by default), `client.py`.
    Client,
    /// The server (192.168.1.20 by default), `server.py`.
    Server,
}

named_enum!(Side {
    Client => "client",
    Server => "server",
});

impl Side {
    /// The program's file name in tracebacks: `client.py`.
    pub fn file_name(self) -> &'static str {
        match self {
            Side::Client => "client.py",
            Side::Server => "server.py",
        }
    }
}

/// Why a program cannot run. Its i18n key is [`ProgramErrorKind::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramErrorKind {
    /// The source is over [`MAX_SOURCE`] bytes.
    SourceTooLarge,
    /// The source has over [`MAX_LINES`] lines.
    TooManyLines,
    /// The program compiles to over [`MAX_OPS`] instructions.
    TooLong,
    /// Blocks or brackets nested deeper than the parser follows.
    TooDeep,
    /// A character Python does not allow here.
    BadCharacter,
    /// A string literal without its closing quote.
    UnterminatedString,
    /// A bad `\x` or `\u` escape.
    BadEscape,
    /// A malformed number.
    BadNumber,
    /// Indentation that does not match a block.
    Indentation,
    /// Any other syntax error (the detail names the token).
    Syntax,
    /// Valid Python outside the playground's subset (the detail names it).
    NotInSubset,
    /// `import` of a module other than `socket` and `time`.
    UnknownModule,
}

named_enum!(ProgramErrorKind {
    SourceTooLarge => "program.error.source_too_large",
    TooManyLines => "program.error.too_many_lines",
    TooLong => "program.error.too_long",
    TooDeep => "program.error.too_deep",
    BadCharacter => "program.error.bad_character",
    UnterminatedString => "program.error.unterminated_string",
    BadEscape => "program.error.bad_escape",
    BadNumber => "program.error.bad_number",
    Indentation => "program.error.indentation",
    Syntax => "program.error.syntax",
    NotInSubset => "program.error.not_in_subset",
    UnknownModule => "program.error.unknown_module",
});

impl ProgramErrorKind {
    /// A short English description, for the command line (the app uses
    /// [`ProgramErrorKind::as_str`] and its translated messages).
    pub fn describe(self) -> &'static str {
        match self {
            ProgramErrorKind::SourceTooLarge => "the program is too long (bytes)",
            ProgramErrorKind::TooManyLines => "the program has too many lines",
            ProgramErrorKind::TooLong => "the program is too big for the simulator",
            ProgramErrorKind::TooDeep => "nested too deeply",
            ProgramErrorKind::BadCharacter => "character not allowed here",
            ProgramErrorKind::UnterminatedString => "unterminated string literal",
            ProgramErrorKind::BadEscape => "malformed escape sequence",
            ProgramErrorKind::BadNumber => "invalid number",
            ProgramErrorKind::Indentation => "wrong indentation",
            ProgramErrorKind::Syntax => "invalid syntax",
            ProgramErrorKind::NotInSubset => "not in the playground's Python subset",
            ProgramErrorKind::UnknownModule => "only socket and time can be imported",
        }
    }
}

/// A program that cannot run, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramError {
    /// Whose program.
    pub side: Side,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (1 when only the line is known).
    pub column: usize,
    /// What is wrong; the message is [`ProgramErrorKind::as_str`].
    pub kind: ProgramErrorKind,
    /// The offending text (a token, a name, a limit), untranslated; may be empty.
    pub detail: String,
}

impl fmt::Display for ProgramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.side.file_name(),
            self.line,
            self.kind.as_str()
        )?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for ProgramError {}

/// Check and compile one program.
///
/// # Errors
/// The errors that keep it from running (today: the first one found).
pub fn compile_program(side: Side, source: &str) -> Result<compile::Code, Vec<ProgramError>> {
    let at = |line: usize, kind, detail: String| ProgramError {
        side,
        line,
        column: 1,
        kind,
        detail,
    };
    if source.len() > MAX_SOURCE {
        return Err(vec![at(
            1,
            ProgramErrorKind::SourceTooLarge,
            MAX_SOURCE.to_string(),
        )]);
    }
    let lines = source.lines().count();
    if lines > MAX_LINES {
        return Err(vec![at(
            MAX_LINES + 1,
            ProgramErrorKind::TooManyLines,
            MAX_LINES.to_string(),
        )]);
    }
    let stmts = parser::parse(side, source).map_err(|e| vec![e])?;
    compile::compile(side, &stmts).map_err(|e| vec![e])
}

/// Check both programs: every error of each (client's first).
///
/// # Errors
/// The errors of both programs, client first.
pub fn check(client: &str, server: &str) -> Result<(), Vec<ProgramError>> {
    let mut errors = Vec::new();
    if let Err(e) = compile_program(Side::Client, client) {
        errors.extend(e);
    }
    if let Err(e) = compile_program(Side::Server, server) {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
