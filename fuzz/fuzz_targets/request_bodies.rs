//! Any bytes as the JSON body of one of the API's POST and PUT routes, through the real router;
//! the harness panics on a 5xx. See `steadfast_web::fuzzing` for the input's shape.
#![no_main]

use std::sync::LazyLock;

use steadfast_web::fuzzing::RequestFuzzer;

static FUZZER: LazyLock<RequestFuzzer> = LazyLock::new(RequestFuzzer::new);

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    FUZZER.exercise(data);
});
