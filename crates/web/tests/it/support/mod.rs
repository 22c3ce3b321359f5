//! Harnesses for later tests too: `TestApp` starts the real application; `Browser` drives Debian's
//! Chromium through chromedriver.

pub mod api;
pub mod app;
pub mod browser;
pub mod pages;
pub mod people;

pub use app::TestApp;

/// Asserts that answers for known and unknown accounts take the same time: their medians within
/// a factor of 1.5 of each other. Start with `TestApp::builder().alone()`, so no other test competes.
pub fn assert_same_time(
    mut known: Vec<std::time::Duration>,
    mut unknown: Vec<std::time::Duration>,
) {
    let median = |times: &mut Vec<std::time::Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let (known, unknown) = (median(&mut known), median(&mut unknown));
    let ratio = known.as_secs_f64() / unknown.as_secs_f64();
    assert!(
        (0.67..1.5).contains(&ratio),
        "known names take {known:?}, unknown {unknown:?}: the time gives the difference away"
    );
}
