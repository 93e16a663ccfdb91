//! The tools worker: a Web Worker that runs engine jobs the start-up path does not need
//! (the socket playground's interpreter, the capture reader), so their code is fetched
//! only when a student first uses them, and a long job never blocks the page.
//!
//! Protocol (one message each way per job): the page posts `[id, job]`, where `job` is a
//! [`wirewalk_engine::job::Job`] in the binary form of [`wirewalk_engine::job::codec`]
//! (a `Uint8Array`), optionally followed by the job's bytes as a `Uint8Array` (a capture
//! file); the worker answers `[id, output]`, the [`wirewalk_engine::job::JobOutput`] in
//! the same form. All the work is
//! [`wirewalk_engine::job::Session::handle`] (the session keeps the capture read last);
//! this file only moves messages.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use wirewalk_engine::job::Session;

    thread_local! {
        static SESSION: RefCell<Session> = RefCell::new(Session::new());
    }

    /// Answer one message; a message that is not `[id, job, bytes?]` is ignored (the page
    /// is the only sender and never posts one).
    fn answer(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
        let data = js_sys::Array::from(&event.data());
        let Some(id) = data.get(0).as_f64() else {
            return;
        };
        let Ok(job) = data.get(1).dyn_into::<js_sys::Uint8Array>() else {
            return;
        };
        let bytes = data
            .get(2)
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let output = SESSION.with(|s| s.borrow_mut().handle(&job.to_vec(), bytes));
        let reply = js_sys::Array::of2(
            &JsValue::from_f64(id),
            &js_sys::Uint8Array::from(output.as_slice()),
        );
        // A failed post means the page is gone; there is nobody left to tell.
        let _ = scope.post_message(&reply);
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let inner = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            answer(&inner, &event)
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
