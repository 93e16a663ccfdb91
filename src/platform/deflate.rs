//! Raw DEFLATE (RFC 1951) through the browser's own `CompressionStream('deflate-raw')`
//! and `DecompressionStream`: no compression code of ours in the wasm. Natively both are
//! no-op twins that return the bytes unchanged, so the callers' tests run without a
//! browser.

/// Compresses `bytes` with raw DEFLATE; `None` if the browser cannot.
#[cfg(target_arch = "wasm32")]
pub async fn deflate_raw(bytes: Vec<u8>) -> Option<Vec<u8>> {
    imp::through(&bytes, true).await
}

/// Decompresses raw DEFLATE; `None` for data that is not valid raw DEFLATE, or when the
/// browser cannot.
#[cfg(target_arch = "wasm32")]
pub async fn inflate_raw(bytes: Vec<u8>) -> Option<Vec<u8>> {
    imp::through(&bytes, false).await
}

/// Natively: the bytes unchanged.
#[cfg(not(target_arch = "wasm32"))]
pub async fn deflate_raw(bytes: Vec<u8>) -> Option<Vec<u8>> {
    Some(bytes)
}

/// Natively: the bytes unchanged.
#[cfg(not(target_arch = "wasm32"))]
pub async fn inflate_raw(bytes: Vec<u8>) -> Option<Vec<u8>> {
    Some(bytes)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        /// `CompressionStream` (web-sys has it only behind its unstable flag).
        type CompressionStream;
        #[wasm_bindgen(constructor, catch)]
        fn new(format: &str) -> Result<CompressionStream, JsValue>;

        /// `DecompressionStream`.
        type DecompressionStream;
        #[wasm_bindgen(constructor, catch)]
        fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    }

    /// Pipes `bytes` through a (de)compression stream and reads the whole result.
    pub async fn through(bytes: &[u8], compress: bool) -> Option<Vec<u8>> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
        let pair: JsValue = if compress {
            CompressionStream::new("deflate-raw").ok()?.into()
        } else {
            DecompressionStream::new("deflate-raw").ok()?.into()
        };
        // Both streams have `readable` and `writable`: the shape `pipeThrough` takes.
        let pair = pair.unchecked_into::<web_sys::ReadableWritablePair>();
        let out = blob.stream().pipe_through(&pair);
        let response = web_sys::Response::new_with_opt_readable_stream(Some(&out)).ok()?;
        let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?)
            .await
            .ok()?;
        Some(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
