//! Any bytes through the export reader, and a plan it accepts through the writes it makes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    steadfast_core::import::exercise(data);
});
