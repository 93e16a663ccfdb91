//! The playground's programs in the URL: UTF-8 text, raw DEFLATE (the browser's, see
//! `platform::deflate_raw`), then base64url without padding (RFC 4648 §5), under keys
//! `client` and `server`. An encoded value past [`MAX_ENCODED`] characters is refused
//! with a message beside the editor; a value that does not decode gets one too.

/// The longest encoded program a link may carry, in URL characters.
pub const MAX_ENCODED: usize = 4096;

/// The longest program text accepted from a link after decompression, in bytes (a small
/// compressed value may inflate a lot; this bounds what a hostile link can make us hold).
pub const MAX_SOURCE: usize = 16 * 1024;

/// Why a program could not go into, or come out of, the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Encoded, the program is longer than [`MAX_ENCODED`] characters (how many it took).
    TooLong(usize),
    /// The value in the link is not a program we wrote (bad base64url, bad DEFLATE, not
    /// UTF-8, or it inflates past [`MAX_SOURCE`]).
    Undecodable,
    /// The browser could not compress.
    Unavailable,
}

impl ShareError {
    /// The i18n key of the message, and its one argument.
    #[must_use]
    pub fn message(self) -> (&'static str, String) {
        match self {
            ShareError::TooLong(n) => ("play.share.too_long", n.to_string()),
            ShareError::Undecodable => ("play.share.undecodable", String::new()),
            ShareError::Unavailable => ("play.share.unavailable", String::new()),
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
#[must_use]
pub fn b64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextets = [n >> 18, n >> 12, n >> 6, n];
        for s in sextets.iter().take(chunk.len() + 1) {
            out.push(char::from(ALPHABET[(*s & 63) as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// base64url, with or without padding; `None` for any other character, or a length no
/// encoder makes (one character left over), or stray bits in the last character.
#[must_use]
pub fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    let body = text.trim_end_matches('=').as_bytes();
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    for chunk in body.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = chunk.len() - 1;
        // Bits past the last whole byte must be zero, as an encoder leaves them.
        if bytes[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}

/// The URL value of already compressed program bytes, or why it may not go there.
///
/// # Errors
/// [`ShareError::TooLong`] past [`MAX_ENCODED`].
pub fn to_url_value(compressed: &[u8]) -> Result<String, ShareError> {
    let v = b64url_encode(compressed);
    if v.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(v.len()));
    }
    Ok(v)
}

/// The compressed bytes in a URL value.
///
/// # Errors
/// [`ShareError::TooLong`] past [`MAX_ENCODED`] (checked before any decoding work);
/// [`ShareError::Undecodable`] for anything that is not base64url.
pub fn from_url_value(value: &str) -> Result<Vec<u8>, ShareError> {
    if value.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(value.len()));
    }
    b64url_decode(value).ok_or(ShareError::Undecodable)
}

/// The program text in inflated bytes.
///
/// # Errors
/// [`ShareError::Undecodable`] when it is not UTF-8 or longer than [`MAX_SOURCE`].
pub fn to_source(inflated: Vec<u8>) -> Result<String, ShareError> {
    if inflated.len() > MAX_SOURCE {
        return Err(ShareError::Undecodable);
    }
    String::from_utf8(inflated).map_err(|_| ShareError::Undecodable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors_without_padding() {
        // RFC 4648 §10, padding dropped (base64url keeps the same letters for these).
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, enc) in cases {
            assert_eq!(b64url_encode(plain.as_bytes()), enc);
            assert_eq!(b64url_decode(enc).unwrap(), plain.as_bytes());
        }
        assert_eq!(b64url_decode("Zm8=").unwrap(), b"fo");
    }

    #[test]
    fn the_url_alphabet_and_every_byte_round_trip() {
        let all: Vec<u8> = (0..=255).collect();
        let e = b64url_encode(&all);
        assert!(e
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(b64url_decode(&e).unwrap(), all);
        // 0xfb 0xff → "-_8" in base64url ("+/8" in standard base64).
        assert_eq!(b64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn garbage_is_refused_not_guessed() {
        for bad in ["a", "Zm9vY", "Zm+v", "Zm/v", "Zm9v!", "%41", "Zh", "你好"] {
            assert_eq!(b64url_decode(bad), None, "{bad}");
            assert_eq!(from_url_value(bad), Err(ShareError::Undecodable), "{bad}");
        }
        assert_eq!(
            from_url_value(&"A".repeat(MAX_ENCODED + 4)),
            Err(ShareError::TooLong(MAX_ENCODED + 4))
        );
        assert_eq!(to_source(vec![0xff, 0xfe]), Err(ShareError::Undecodable));
        assert_eq!(
            to_source(vec![b'#'; MAX_SOURCE + 1]),
            Err(ShareError::Undecodable)
        );
        assert_eq!(to_source(b"print(1)\n".to_vec()).unwrap(), "print(1)\n");
    }

    #[test]
    fn the_size_limit_is_on_the_encoded_value() {
        let fits = vec![7u8; MAX_ENCODED / 4 * 3];
        assert_eq!(to_url_value(&fits).unwrap().len(), MAX_ENCODED);
        let over = vec![7u8; MAX_ENCODED / 4 * 3 + 1];
        assert_eq!(
            to_url_value(&over),
            Err(ShareError::TooLong(MAX_ENCODED + 2))
        );
    }
}
