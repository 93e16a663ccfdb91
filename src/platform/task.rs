//! Splitting work into tasks: a long render may leave its lower part to the next task, so
//! the browser can paint and handle input in between (`widgets::later`).

/// Whether [`next_task`] runs its function later (in the browser); natively (server-side
/// rendering) it never does, and components render everything at once.
pub const SPLITS_TASKS: bool = cfg!(target_arch = "wasm32");

/// Runs `f` in a task of its own after this one (a zero-delay timer).
#[cfg(target_arch = "wasm32")]
pub fn next_task(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Natively nothing runs later: `f` is dropped ([`SPLITS_TASKS`] is `false`).
#[cfg(not(target_arch = "wasm32"))]
pub fn next_task(_f: impl FnOnce() + 'static) {}
