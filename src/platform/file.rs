//! Reading a file the user picked (`<input type="file">`) or dropped, in the page: nothing
//! is uploaded. A file over the caller's limit is refused by its size before any byte is
//! read, so a huge file costs nothing.

/// What reading a picked or dropped file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRead {
    /// Its name and bytes.
    Bytes(String, Vec<u8>),
    /// Bigger than the limit: its size in bytes.
    TooBig(u64),
    /// The browser could not read it.
    Failed,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::FileRead;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    type Done = Rc<RefCell<Option<Box<dyn FnOnce(FileRead)>>>>;

    fn finish(done: &Done, result: FileRead) {
        let f = done.borrow_mut().take();
        if let Some(f) = f {
            f(result);
        }
    }

    fn read(file: &web_sys::File, max: u64, done: Box<dyn FnOnce(FileRead)>) {
        let size = file.size();
        if !(size >= 0.0 && size <= max as f64) {
            done(FileRead::TooBig(size as u64));
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            done(FileRead::Failed);
            return;
        };
        let done: Done = Rc::new(RefCell::new(Some(done)));
        let failed = done.clone();
        gloo::events::EventListener::once(&reader, "error", move |_| {
            finish(&failed, FileRead::Failed);
        })
        .forget();
        let name = file.name();
        let r2 = reader.clone();
        gloo::events::EventListener::once(&reader, "load", move |_| {
            let result = match r2.result() {
                Ok(buf) if buf.is_instance_of::<js_sys::ArrayBuffer>() => {
                    FileRead::Bytes(name, js_sys::Uint8Array::new(&buf).to_vec())
                }
                _ => FileRead::Failed,
            };
            finish(&done, result);
        })
        .forget();
        // If the read cannot start no event comes; the listeners hold only this call's state.
        let _ = reader.read_as_array_buffer(file);
    }

    /// Starts reading `file` if there is one; `false` if there is none.
    fn read_first(
        file: Option<web_sys::File>,
        max: u64,
        done: impl FnOnce(FileRead) + 'static,
    ) -> bool {
        file.map(|f| read(&f, max, Box::new(done))).is_some()
    }

    /// Reads the first file of the `<input type="file">` that fired `e`; `false` if it
    /// holds none (the user cancelled the picker).
    pub fn read_input_file(
        e: &web_sys::Event,
        max: u64,
        done: impl FnOnce(FileRead) + 'static,
    ) -> bool {
        let file = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|list| list.get(0));
        read_first(file, max, done)
    }

    /// Reads the first file dropped by `e`; `false` if the drop carried none.
    pub fn read_dropped_file(
        e: &web_sys::DragEvent,
        max: u64,
        done: impl FnOnce(FileRead) + 'static,
    ) -> bool {
        e.prevent_default();
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|list| list.get(0));
        read_first(file, max, done)
    }

    /// Lets a drop happen on the element whose `dragover` fired `e`.
    pub fn allow_drop(e: &web_sys::DragEvent) {
        e.prevent_default();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::FileRead;

    /// No files natively.
    pub fn read_input_file(
        _e: &yew::Event,
        _max: u64,
        _done: impl FnOnce(FileRead) + 'static,
    ) -> bool {
        false
    }
    /// No files natively.
    pub fn read_dropped_file(
        _e: &yew::DragEvent,
        _max: u64,
        _done: impl FnOnce(FileRead) + 'static,
    ) -> bool {
        false
    }
    /// No drops natively.
    pub fn allow_drop(_e: &yew::DragEvent) {}
}

pub use imp::*;
