//! The `request_bodies` fuzz target's saved corpus (`fuzz/corpus/request_bodies`), replayed on the
//! stable toolchain through the same harness the target drives: every body the fuzzer kept, and
//! every crash it once found, gets an answer below 500 from the route it names.

use std::path::Path;

use steadfast_web::fuzzing::RequestFuzzer;

#[test]
fn the_request_body_fuzz_corpus_never_gets_a_server_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/request_bodies");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    // In name order: the seeds that create things run before the ones that use them.
    inputs.sort();
    let fuzzer = RequestFuzzer::new();
    let mut routes = std::collections::BTreeSet::new();
    for path in &inputs {
        let (route, _) = fuzzer.exercise(&std::fs::read(path).unwrap());
        routes.insert(route.to_string());
    }
    // The seeds name every route that takes a body: a corpus that lost some, or a route added
    // without a seed, shows here.
    let missing: Vec<_> = fuzzer
        .routes()
        .iter()
        .map(ToString::to_string)
        .filter(|route| !routes.contains(route))
        .collect();
    assert!(missing.is_empty(), "no corpus input reaches {missing:?}");
}
