//! Envelopes open only with their key, in their place, unchanged; keys derived from one secret
//! differ by purpose; sizes show only their bucket; any stored bytes are read without a panic.

// `allow-expect-in-tests` covers `#[test]` functions only, not the helpers and properties here.
#![allow(clippy::expect_used)]

use proptest::prelude::*;
use steadfast_seal::{
    Envelope, Key, MAX_WORDS, SealError, VERSION, open, padded_len, seal, unwrap, wrap,
};

fn key() -> Key {
    Key::generate().expect("the operating system's random generator")
}

proptest! {
    #[test]
    fn words_come_back_as_they_were_sealed(
        words in prop::collection::vec(any::<u8>(), 0..5000),
        context in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let key = key();
        let envelope = seal(&key, &context, &words).expect("sealed");
        let opened = open(&key, &context, &envelope).expect("opened");
        prop_assert_eq!(opened.as_slice(), words.as_slice());
    }

    #[test]
    fn a_changed_byte_anywhere_keeps_the_envelope_shut(
        words in prop::collection::vec(any::<u8>(), 0..300),
        at in any::<prop::sample::Index>(),
        flip in 1_u8..=255,
    ) {
        let key = key();
        let mut envelope = seal(&key, b"journal", &words).expect("sealed");
        let at = at.index(envelope.len());
        envelope[at] ^= flip;
        prop_assert!(open(&key, b"journal", &envelope).is_err());
    }

    #[test]
    fn the_database_sees_only_a_bucket_never_the_length(len in 0_usize..20_000) {
        let padded = padded_len(len);
        prop_assert!(padded >= len + 4);
        prop_assert!(padded >= 64);
        prop_assert!(padded <= 4096 || padded.is_multiple_of(4096));
        prop_assert!(padded > 4096 || padded.is_power_of_two());
        // Every length in the same bucket looks the same.
        prop_assert_eq!(padded_len(padded - 4), padded);
    }

    #[test]
    fn any_stored_bytes_are_read_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let key = key();
        let _ = Envelope::parse(&bytes);
        let _ = open(&key, b"any", &bytes);
        let _ = unwrap(&key, b"any", &bytes);
    }
}

#[test]
fn another_key_or_another_place_does_not_open_it() {
    let (mine, theirs) = (key(), key());
    let envelope = seal(&mine, b"journal/entry-1", b"what I could not say").expect("sealed");
    assert_eq!(
        open(&theirs, b"journal/entry-1", &envelope),
        Err(SealError::WrongKey)
    );
    assert_eq!(
        open(&mine, b"journal/entry-2", &envelope),
        Err(SealError::WrongKey),
        "an envelope moved to another row stays shut"
    );
    assert!(open(&mine, b"journal/entry-1", &envelope).is_ok());
}

#[test]
fn the_same_words_seal_differently_each_time() {
    let key = key();
    let first = seal(&key, b"c", b"same words").expect("sealed");
    let second = seal(&key, b"c", b"same words").expect("sealed");
    assert_ne!(first, second, "a fresh nonce each time");
    assert_eq!(first[0], VERSION);
    assert_eq!(
        Envelope::parse(&first).map(|e| e.padded_len()),
        Ok(padded_len(10))
    );
}

#[test]
fn a_wrapped_key_opens_only_with_the_wrapping_key_and_its_context() {
    let (space, member) = (key(), key());
    let wrapped = wrap(&member, b"space-key/space-1", &space).expect("wrapped");
    let unwrapped = unwrap(&member, b"space-key/space-1", &wrapped).expect("unwrapped");
    assert_eq!(unwrapped, space);
    assert!(unwrap(&key(), b"space-key/space-1", &wrapped).is_err());
    assert!(unwrap(&member, b"space-key/space-2", &wrapped).is_err());
}

#[test]
fn derived_keys_are_stable_and_differ_by_purpose_and_secret() {
    let a = Key::derive(b"argon2 output", "steadfast/person-key-wrap");
    assert_eq!(
        a,
        Key::derive(b"argon2 output", "steadfast/person-key-wrap")
    );
    assert_ne!(a, Key::derive(b"argon2 output", "steadfast/session"));
    assert_ne!(
        a,
        Key::derive(b"another output", "steadfast/person-key-wrap")
    );
}

#[test]
fn a_key_never_shows_in_debug_output() {
    let key = Key::from_bytes([0xab; 32]);
    let shown = format!("{key:?}");
    assert!(!shown.contains("ab") && !shown.contains("171"), "{shown}");
}

#[test]
fn too_long_or_unknown_is_refused_plainly() {
    let key = key();
    assert_eq!(
        seal(&key, b"c", &vec![0; MAX_WORDS + 1]),
        Err(SealError::TooLong)
    );
    let mut envelope = seal(&key, b"c", b"x").expect("sealed");
    envelope[0] = VERSION + 1;
    assert_eq!(Envelope::parse(&envelope), Err(SealError::Malformed));
    assert_eq!(Envelope::parse(&[]), Err(SealError::Malformed));
}
