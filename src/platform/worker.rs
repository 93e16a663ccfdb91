//! The tools worker (`tools/`, built by Trunk as `wirewalk-tools_loader.js` + its wasm):
//! started on the first job, so the start-up path never fetches it, and kept for the
//! page's life. Speaks bytes: a job's message (+ the job's own bytes) in, the output's
//! message out, both `Uint8Array`s; `crate::tools` knows what they mean
//! (`wirewalk_engine::job::codec`).
//!
//! The worker posts `"ready"` once its wasm is running; jobs asked for before that wait
//! in a queue (a message that reached the worker before its handler was set would be
//! lost). In the one-file build there is no worker file to fetch from `file://`:
//! `scripts/onefile.mjs` puts the worker's whole source in a `<script type="text/plain"
//! id="ww-tools-src">` block and the worker starts from a `blob:` URL of it.

/// Why a job got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerFailure {
    /// The worker could not be started or loaded (no `Worker`, blocked, or its files are
    /// not reachable: offline before they were ever fetched).
    Unavailable,
    /// The worker stopped while a job was running (it ran out of memory, or trapped).
    Stopped,
}

/// The worker's answer to one job: its message, or why there is none.
pub type Answer = Result<Vec<u8>, WorkerFailure>;

/// The worker's loader, relative to the page (works under any sub-path).
pub const TOOLS_URL: &str = "./wirewalk-tools_loader.js";
/// Id of the one-file build's inline worker source.
pub const INLINE_SOURCE_ID: &str = "ww-tools-src";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{WorkerFailure, INLINE_SOURCE_ID, TOOLS_URL};
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    type Reply = Box<dyn FnOnce(super::Answer)>;

    struct Tools {
        worker: web_sys::Worker,
        ready: bool,
        queue: Vec<js_sys::Array>,
        waiting: BTreeMap<u32, Reply>,
        next_id: u32,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
    }

    /// The worker's URL: the inline source of the one-file build as a `blob:` URL, or the
    /// loader file next to the page.
    fn source_url() -> Option<String> {
        let document = web_sys::window()?.document()?;
        let Some(inline) = document.get_element_by_id(INLINE_SOURCE_ID) else {
            return Some(TOOLS_URL.to_owned());
        };
        let text = inline.text_content()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        web_sys::Url::create_object_url_with_blob(&blob).ok()
    }

    /// Every waiting job fails with `why`; the worker is dropped so the next job starts a
    /// new one.
    fn fail_all(why: WorkerFailure) {
        let tools = TOOLS.with(|t| t.borrow_mut().take());
        if let Some(tools) = tools {
            tools.worker.terminate();
            for (_, reply) in tools.waiting {
                reply(Err(why));
            }
        }
    }

    fn on_message(event: &web_sys::MessageEvent) {
        let data = event.data();
        if data.as_string().as_deref() == Some("ready") {
            let failed = TOOLS.with(|t| {
                let mut slot = t.borrow_mut();
                let Some(tools) = slot.as_mut() else {
                    return false;
                };
                tools.ready = true;
                let queue = std::mem::take(&mut tools.queue);
                queue
                    .iter()
                    .any(|message| tools.worker.post_message(message).is_err())
            });
            if failed {
                fail_all(WorkerFailure::Stopped);
            }
            return;
        }
        let reply = js_sys::Array::from(&data);
        let Some(id) = reply.get(0).as_f64() else {
            return;
        };
        let Ok(answer) = reply.get(1).dyn_into::<js_sys::Uint8Array>() else {
            return;
        };
        // Ids are small counters the page chose; a fraction or a negative is no answer of ours.
        if !(0.0..=f64::from(u32::MAX)).contains(&id) || id.fract() != 0.0 {
            return;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let id = id as u32;
        let waiting = TOOLS.with(|t| {
            t.borrow_mut()
                .as_mut()
                .and_then(|tools| tools.waiting.remove(&id))
        });
        if let Some(reply) = waiting {
            reply(Ok(answer.to_vec()));
        }
    }

    fn start() -> Option<Tools> {
        let url = source_url()?;
        let worker = web_sys::Worker::new(&url).ok()?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
                on_message(&e)
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            e.prevent_default();
            let started = TOOLS.with(|t| t.borrow().as_ref().is_some_and(|tools| tools.ready));
            fail_all(if started {
                WorkerFailure::Stopped
            } else {
                WorkerFailure::Unavailable
            });
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Tools {
            worker,
            ready: false,
            queue: Vec::new(),
            waiting: BTreeMap::new(),
            next_id: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Post one job; `reply` gets the worker's answer or why there is none.
    pub fn post(job: Vec<u8>, bytes: Vec<u8>, reply: Reply) {
        let started = TOOLS.with(|t| {
            let mut slot = t.borrow_mut();
            if slot.is_none() {
                *slot = start();
            }
            slot.is_some()
        });
        if !started {
            reply(Err(WorkerFailure::Unavailable));
            return;
        }
        let failed = TOOLS.with(|t| {
            let mut slot = t.borrow_mut();
            let Some(tools) = slot.as_mut() else {
                return true;
            };
            let id = tools.next_id;
            tools.next_id = tools.next_id.wrapping_add(1);
            let message = js_sys::Array::of2(
                &JsValue::from(id),
                &js_sys::Uint8Array::from(job.as_slice()),
            );
            if !bytes.is_empty() {
                message.push(&js_sys::Uint8Array::from(bytes.as_slice()));
            }
            tools.waiting.insert(id, reply);
            if tools.ready {
                tools.worker.post_message(&message).is_err()
            } else {
                tools.queue.push(message);
                false
            }
        });
        if failed {
            fail_all(WorkerFailure::Stopped);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::WorkerFailure;

    /// Natively there is no worker: `crate::tools` calls the engine directly.
    pub fn post(_job: Vec<u8>, _bytes: Vec<u8>, reply: Box<dyn FnOnce(super::Answer)>) {
        reply(Err(WorkerFailure::Unavailable));
    }
}

/// Run one job in the tools worker: the output's message, or why there is none.
pub async fn call(job: Vec<u8>, bytes: Vec<u8>) -> Answer {
    let (send, receive) = futures_oneshot();
    imp::post(job, bytes, Box::new(send));
    receive.await
}

/// A one-shot channel on one thread: the sender stores the answer and wakes the
/// receiver's future.
fn futures_oneshot() -> (
    impl FnOnce(Answer),
    impl std::future::Future<Output = Answer>,
) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::task::{Poll, Waker};

    #[derive(Default)]
    struct Slot {
        answer: Option<Answer>,
        waker: Option<Waker>,
    }
    let slot = Rc::new(RefCell::new(Slot::default()));
    let sender = Rc::clone(&slot);
    let send = move |answer| {
        let waker = {
            let mut s = sender.borrow_mut();
            s.answer = Some(answer);
            s.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    };
    let receive = std::future::poll_fn(move |cx| {
        let mut s = slot.borrow_mut();
        match s.answer.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                s.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    });
    (send, receive)
}
