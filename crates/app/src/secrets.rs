//! Secrets handed to a browser or a client (session cookies, API tokens, invite and password
//! links) and the form in which we keep them: only a SHA-256 of each is stored, so a copy of the
//! database opens no session and accepts no invite. The secrets have 256 bits of randomness, so
//! a fast hash is enough; passwords, which people choose, get argon2 instead.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use crate::refusal::Failure;

/// A fresh secret and the hash to store for it.
pub struct Secret {
    pub token: String,
    pub hash: String,
}

impl Secret {
    /// 32 bytes from the operating system's generator, as 64 hex characters.
    pub fn generate() -> Result<Self, Failure> {
        let bytes = random_bytes::<32>()?;
        let token = hex(&bytes);
        let hash = hash(&token);
        Ok(Self { token, hash })
    }
}

/// What the store keeps for a secret a client presents.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of a secret of ours (64 hex digits): anything else needs no
/// lookup.
pub fn looks_like_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Random bytes for anything else that needs them (recovery codes).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], Failure> {
    let mut bytes = [0_u8; N];
    getrandom::fill(&mut bytes).map_err(|_| Failure::Randomness)?;
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut text, byte| {
            let _ = write!(text, "{byte:02x}");
            text
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_distinct_and_stored_only_as_hashes() {
        let first = Secret::generate().expect("randomness");
        let second = Secret::generate().expect("randomness");
        assert_eq!(first.token.len(), 64);
        assert!(looks_like_token(&first.token));
        assert_ne!(first.token, second.token);
        assert_eq!(first.hash, hash(&first.token));
        assert_ne!(first.hash, first.token);
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
