//! Any bytes as a stored envelope (refused, never opened), and sealed and opened again (given
//! back as they were).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    steadfast_seal::exercise(data);
});
