//! Sealed words: the envelopes a couple's words are kept in, and the keys that open them.
//!
//! An envelope is a text (or a key) encrypted with XChaCha20-Poly1305 under a 256-bit [`Key`],
//! with a fresh random 192-bit nonce each time, so a nonce never repeats however many envelopes
//! one key seals. Each envelope is bound to where it belongs (its `context`: which stream, which
//! item), so one moved to another row does not open there. Before sealing, the words are padded
//! to a size bucket ([`padded_len`]): the database shows roughly how long a text is, never its
//! length to the byte.
//!
//! Keys are wrapped in envelopes too ([`wrap`], [`unwrap`]): a person's key under a key derived
//! from their password or a recovery code, a space's key under each member's. Keys derived from
//! a secret ([`Key::derive`]) go through HKDF-SHA-256 with a purpose of their own, so one secret
//! never gives the same key to two uses. Every key is wiped from memory when dropped, and no key
//! is ever printed.
//!
//! The cryptography is RustCrypto's (`chacha20poly1305`, `hkdf`); this crate only frames it.

#![forbid(unsafe_code)]

use std::fmt;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use sha2::Sha256;
use thiserror::Error;
use zeroize::{Zeroize, Zeroizing};

/// The length of a key, in bytes.
pub const KEY_LEN: usize = 32;
/// The envelope format written now; the first byte of every envelope.
pub const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// The length prefix inside the padded words.
const LEN_PREFIX: usize = 4;
/// The smallest bucket: even an empty text takes this much.
const SMALLEST_BUCKET: usize = 64;
/// Up to this size buckets double; beyond it they grow by this much.
const LARGE_STEP: usize = 4096;
/// The longest words one envelope takes (a journal entry is far shorter).
pub const MAX_WORDS: usize = 1 << 20;

/// Why an envelope was not made or not opened.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum SealError {
    /// Not an envelope of ours: too short, or a format we do not know.
    #[error("not a sealed envelope")]
    Malformed,
    /// The key, or the context, is not the one it was sealed with — or it was changed since.
    #[error("the envelope does not open with this key here")]
    WrongKey,
    /// More than [`MAX_WORDS`] bytes.
    #[error("too long to seal")]
    TooLong,
    /// The operating system's random generator failed.
    #[error("the operating system's random generator failed")]
    Randomness,
}

/// A 256-bit key: a person's, a space's, or one derived from a secret. Wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; KEY_LEN]);

impl Key {
    /// A new random key.
    pub fn generate() -> Result<Key, SealError> {
        let mut bytes = [0_u8; KEY_LEN];
        getrandom::fill(&mut bytes).map_err(|_| SealError::Randomness)?;
        Ok(Key(bytes))
    }

    /// The key for `purpose` from a secret: a password's argon2id output, a recovery code, the
    /// secret in a session cookie or an invite link. The same secret and purpose always give the
    /// same key; another purpose gives an unrelated one.
    pub fn derive(secret: &[u8], purpose: &str) -> Key {
        let mut bytes = [0_u8; KEY_LEN];
        // 32 bytes is far below HKDF-SHA-256's limit of 8,160: expanding cannot fail.
        if Hkdf::<Sha256>::new(None, secret)
            .expand(purpose.as_bytes(), &mut bytes)
            .is_err()
        {
            unreachable!("HKDF-SHA-256 expands to 32 bytes");
        }
        Key(bytes)
    }

    /// A key kept as bytes elsewhere (inside an envelope, in a cookie's secret).
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Key {
        Key(bytes)
    }

    /// The key's bytes, to wrap it or hand it to a credential; wiped when the copy is dropped.
    pub fn to_bytes(&self) -> Zeroizing<[u8; KEY_LEN]> {
        Zeroizing::new(self.0)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

/// The size `len` bytes of words take once padded (with their length prefix): at least 64,
/// then the next power of two up to 4 KiB, then the next multiple of 4 KiB.
pub fn padded_len(len: usize) -> usize {
    let framed = len.saturating_add(LEN_PREFIX);
    if framed <= SMALLEST_BUCKET {
        SMALLEST_BUCKET
    } else if framed <= LARGE_STEP {
        framed.next_power_of_two()
    } else {
        framed.div_ceil(LARGE_STEP).saturating_mul(LARGE_STEP)
    }
}

/// An envelope as it is stored, read apart but not opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope<'a> {
    nonce: &'a [u8; NONCE_LEN],
    sealed: &'a [u8],
}

impl<'a> Envelope<'a> {
    /// Reads an envelope's parts from stored bytes: the version, the nonce and the sealed words
    /// with their tag. Any bytes at all give an answer, never a panic.
    pub fn parse(bytes: &'a [u8]) -> Result<Envelope<'a>, SealError> {
        let (&version, rest) = bytes.split_first().ok_or(SealError::Malformed)?;
        if version != VERSION {
            return Err(SealError::Malformed);
        }
        let (nonce, sealed) = rest
            .split_first_chunk::<NONCE_LEN>()
            .ok_or(SealError::Malformed)?;
        if sealed.len() < TAG_LEN + LEN_PREFIX {
            return Err(SealError::Malformed);
        }
        Ok(Envelope { nonce, sealed })
    }

    /// How many bytes the sealed words take, padding included: all the database can tell.
    pub fn padded_len(&self) -> usize {
        self.sealed.len() - TAG_LEN
    }
}

/// Seals `words` under `key`, bound to `context`.
pub fn seal(key: &Key, context: &[u8], words: &[u8]) -> Result<Vec<u8>, SealError> {
    if words.len() > MAX_WORDS {
        return Err(SealError::TooLong);
    }
    let mut padded = Zeroizing::new(vec![0_u8; padded_len(words.len())]);
    let len = u32::try_from(words.len()).map_err(|_| SealError::TooLong)?;
    padded[..LEN_PREFIX].copy_from_slice(&len.to_le_bytes());
    padded[LEN_PREFIX..LEN_PREFIX + words.len()].copy_from_slice(words);
    let mut nonce = [0_u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|_| SealError::Randomness)?;
    let sealed = key
        .cipher()
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &padded,
                aad: &aad(context),
            },
        )
        // Encryption fails only for messages beyond the cipher's limit, far above MAX_WORDS.
        .map_err(|_| SealError::TooLong)?;
    let mut envelope = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    envelope.push(VERSION);
    envelope.extend_from_slice(&nonce);
    envelope.extend_from_slice(&sealed);
    Ok(envelope)
}

/// Opens an envelope sealed under `key` for `context`; the words are wiped when dropped.
pub fn open(key: &Key, context: &[u8], envelope: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let envelope = Envelope::parse(envelope)?;
    let padded = Zeroizing::new(
        key.cipher()
            .decrypt(
                &XNonce::from(*envelope.nonce),
                Payload {
                    msg: envelope.sealed,
                    aad: &aad(context),
                },
            )
            .map_err(|_| SealError::WrongKey)?,
    );
    let (prefix, rest) = padded
        .split_first_chunk::<LEN_PREFIX>()
        .ok_or(SealError::Malformed)?;
    let len = usize::try_from(u32::from_le_bytes(*prefix)).map_err(|_| SealError::Malformed)?;
    let words = rest.get(..len).ok_or(SealError::Malformed)?;
    Ok(Zeroizing::new(words.to_vec()))
}

/// Wraps `key` under `wrapping`, bound to `context` (whose key it is, for what).
pub fn wrap(wrapping: &Key, context: &[u8], key: &Key) -> Result<Vec<u8>, SealError> {
    seal(wrapping, context, &key.0)
}

/// The key inside a wrapped key.
pub fn unwrap(wrapping: &Key, context: &[u8], wrapped: &[u8]) -> Result<Key, SealError> {
    let bytes = open(wrapping, context, wrapped)?;
    let bytes: [u8; KEY_LEN] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| SealError::Malformed)?;
    Ok(Key(bytes))
}

/// What the `sealed_envelope` fuzz target and its corpus replay (in `cargo test`) run on each
/// input: the input read as a stored envelope (which must be refused, never opened, since no one
/// could have sealed it under this key), and the input sealed and opened again (which must give
/// it back). It panics on a broken promise of this crate, never on bad input.
#[allow(clippy::panic)]
pub fn exercise(bytes: &[u8]) {
    let key = Key::derive(b"the fuzz target's own secret", "steadfast/fuzz");
    let _ = Envelope::parse(bytes);
    if open(&key, b"fuzz", bytes).is_ok() || unwrap(&key, b"fuzz", bytes).is_ok() {
        panic!("bytes no one sealed opened");
    }
    let Ok(envelope) = seal(&key, b"fuzz", bytes) else {
        return;
    };
    match open(&key, b"fuzz", &envelope) {
        Ok(words) if words.as_slice() == bytes => {}
        _ => panic!("sealed words did not come back as they were"),
    }
    if open(&key, b"elsewhere", &envelope).is_ok() {
        panic!("an envelope opened in another place");
    }
}

/// The associated data: the format's version and the context, so neither can be swapped.
fn aad(context: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + context.len());
    aad.push(VERSION);
    aad.extend_from_slice(context);
    aad
}
