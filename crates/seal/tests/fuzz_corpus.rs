//! The `sealed_envelope` fuzz target's saved corpus (`fuzz/corpus/sealed_envelope`), replayed
//! on the stable toolchain through the same function the target calls.

#![allow(clippy::unwrap_used)]

use std::path::Path;

#[test]
fn the_sealed_envelope_fuzz_corpus_is_refused_or_round_trips_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/sealed_envelope");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| steadfast_seal::exercise(&bytes));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        replayed += 1;
    }
    // A corpus that went missing would make this test pass without testing anything.
    assert!(replayed >= 5, "only {replayed} inputs in {}", dir.display());
}
