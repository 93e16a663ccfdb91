//! [`PyRunner`]: a compiled Python program running on a host, as its [`HostApp`].

use smoltcp::iface::{Interface, SocketHandle, SocketSet};

use super::socket::{Pending, SockResult, Table, World};
use super::value::{Exc, Value};
use super::vm::{Stop, Sys, SysOutcome, Vm};
use super::{compile_program, ProgramError, Side, MAX_OUTPUT, MAX_PRINTS};
use crate::net::{HostApp, HostCtx, StateWatch};
use crate::trace::{CallPhase, EventKind, RunLimit};

/// A student's program on a host.
#[derive(Debug)]
pub struct PyRunner {
    host: String,
    side: Side,
    lines: Vec<String>,
    vm: Vm,
    table: Table,
    pending: Pending,
    started: bool,
    printed: usize,
    prints: usize,
}

impl PyRunner {
    /// Compile `source` for host `host` (named after `side`: `client.py`, `server.py`).
    ///
    /// # Errors
    /// Every [`ProgramError`] that keeps it from running.
    pub fn new(host: &str, side: Side, source: &str) -> Result<PyRunner, Vec<ProgramError>> {
        let code = compile_program(side, source)?;
        Ok(PyRunner {
            host: host.to_string(),
            side,
            lines: source.lines().map(str::to_string).collect(),
            vm: Vm::new(code),
            table: Table::default(),
            pending: Pending::default(),
            started: false,
            printed: 0,
            prints: 0,
        })
    }

    /// Python's traceback text for `exc` raised at `line`.
    pub fn traceback(&self, exc: &Exc, line: usize) -> String {
        let src = self
            .lines
            .get(line.saturating_sub(1))
            .map(|l| l.trim())
            .unwrap_or_default();
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line {line}, in <module>\n    {src}\n{}",
            self.side.file_name(),
            exc.line()
        )
    }
}

/// The program's view of the world during one poll.
struct Env<'a, 'w> {
    host: &'a str,
    table: &'a mut Table,
    pending: &'a mut Pending,
    world: &'a mut World<'w>,
    events: &'a mut Vec<EventKind>,
    watch: &'a mut StateWatch,
    printed: &'a mut usize,
    prints: &'a mut usize,
}

fn call_name(name: &str) -> &str {
    match name {
        "socket.socket" => "socket",
        "time.sleep" => "sleep",
        n => n,
    }
}

impl Env<'_, '_> {
    fn sleep(&mut self, args: &[Value]) -> SockResult {
        let secs = match args.first() {
            Some(Value::Int(n)) => *n as f64,
            Some(Value::Float(f)) => *f,
            Some(other) => {
                return SockResult::Other(SysOutcome::Raise(Exc::new(
                    "TypeError",
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ),
                )))
            }
            None => {
                return SockResult::Other(SysOutcome::Raise(Exc::new(
                    "TypeError",
                    "time.sleep() takes exactly one argument (0 given)",
                )))
            }
        };
        if !secs.is_finite() || secs < 0.0 {
            return SockResult::Other(SysOutcome::Raise(Exc::new(
                "ValueError",
                "sleep length must be non-negative",
            )));
        }
        if !self.pending.started {
            self.pending.started = true;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let us = (secs * 1e6).round().min(1e15) as u64;
            self.pending.deadline = Some(self.world.now.saturating_add(us));
        }
        if self.pending.deadline.is_some_and(|d| self.world.now >= d) {
            SockResult::Done(super::socket::Done {
                value: Value::None,
                shown: "None".into(),
                nbytes: None,
            })
        } else {
            SockResult::Other(SysOutcome::Wait)
        }
    }
}

impl Sys for Env<'_, '_> {
    fn call(
        &mut self,
        name: &'static str,
        this: Option<usize>,
        args: &[Value],
        line: usize,
    ) -> SysOutcome {
        let call = call_name(name).to_string();
        if !self.pending.announced {
            self.pending.announced = true;
            self.events.push(EventKind::SocketCall {
                host: self.host.to_string(),
                call: call.clone(),
                line,
                phase: CallPhase::Blocked,
                result: String::new(),
                args: args.iter().map(Value::repr).collect::<Vec<_>>().join(", "),
                nbytes: None,
            });
        }
        let r = match (name, this) {
            ("socket.socket", _) => self.table.create(args, self.world),
            ("time.sleep", _) => self.sleep(args),
            (_, Some(i)) => self.table.method(i, name, args, self.pending, self.world),
            _ => SockResult::Other(SysOutcome::Raise(Exc::new("TypeError", "not callable"))),
        };
        let (out, shown, nbytes) = match r {
            SockResult::Other(SysOutcome::Wait) => return SysOutcome::Wait,
            SockResult::Done(d) => (SysOutcome::Value(d.value), d.shown, d.nbytes),
            SockResult::Other(SysOutcome::Raise(e)) => {
                let shown = e.line();
                (SysOutcome::Raise(e), shown, None)
            }
            SockResult::Other(other) => {
                *self.pending = Pending::default();
                return other;
            }
        };
        *self.pending = Pending::default();
        self.events.push(EventKind::SocketCall {
            host: self.host.to_string(),
            call,
            line,
            phase: CallPhase::Returned,
            result: shown,
            args: String::new(),
            nbytes,
        });
        self.watch
            .observe_socket(self.world.sockets, self.table.main_tcp, self.events);
        out
    }

    fn print(&mut self, text: String, line: usize) -> SysOutcome {
        *self.printed += text.len();
        *self.prints += 1;
        if *self.printed > MAX_OUTPUT || *self.prints > MAX_PRINTS {
            return SysOutcome::Limit(RunLimit::Output);
        }
        self.events.push(EventKind::Print {
            host: self.host.to_string(),
            line,
            text,
        });
        SysOutcome::Value(Value::None)
    }
}

impl HostApp for PyRunner {
    fn code(&self) -> Vec<String> {
        self.lines.clone()
    }

    fn poll(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
        watch: &mut StateWatch,
    ) -> bool {
        if self.vm.done() {
            return false;
        }
        self.started = true;
        let before = events.len();
        let mut world = World {
            now: now_us,
            ctx,
            iface,
            sockets,
        };
        let mut env = Env {
            host: &self.host,
            table: &mut self.table,
            pending: &mut self.pending,
            world: &mut world,
            events,
            watch,
            printed: &mut self.printed,
            prints: &mut self.prints,
        };
        let stop = self.vm.run(&mut env);
        let ended = match stop {
            Stop::Blocked => false,
            Stop::Finished => true,
            Stop::Raised(exc, line) => {
                let traceback = self.traceback(&exc, line);
                events.push(EventKind::Exception {
                    host: self.host.clone(),
                    line,
                    name: exc.name.to_string(),
                    message: exc.message.clone(),
                    traceback,
                });
                true
            }
            Stop::Limit(limit, line) => {
                events.push(EventKind::Stopped {
                    host: self.host.clone(),
                    line,
                    limit,
                });
                true
            }
        };
        if ended {
            // The process exits: the kernel closes what the program left open.
            self.table.close_all(&mut world);
        }
        events.len() > before || ended
    }

    fn wake_at(&self) -> Option<u64> {
        if self.vm.done() {
            return None;
        }
        if !self.started {
            return Some(0);
        }
        self.pending.deadline
    }

    fn tcp_handle(&self) -> Option<SocketHandle> {
        self.table.main_tcp
    }
}
