//! The `import` fuzz target's saved corpus (`fuzz/corpus/import`), replayed on the stable
//! toolchain through the same function the target calls: every input the fuzzer kept, and every
//! crash it once found, must be read or refused without a panic.

use std::path::Path;

#[test]
fn the_import_fuzz_corpus_is_read_or_refused_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/import");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| steadfast_core::import::exercise(&bytes));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        // The seeds downloaded from a running server must be accepted, so the writes are
        // exercised too, not only the refusals.
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("real-export-") {
            let now = steadfast_core::Timestamp::from_millis(4_102_444_800_000);
            let plan = steadfast_core::import::read(&bytes, now);
            assert!(plan.is_ok(), "{name}: {plan:?}");
        }
        replayed += 1;
    }
    // A corpus that went missing would make this test pass without testing anything.
    assert!(replayed >= 5, "only {replayed} inputs in {}", dir.display());
}
