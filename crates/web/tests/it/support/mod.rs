//! Harnesses for later tests too: `TestApp` starts the real application; `Browser` drives Debian's
//! Chromium through chromedriver.

pub mod app;
pub mod browser;

pub use app::TestApp;
