//! The operator's request to stop: SIGINT (Ctrl-C in a terminal) or SIGTERM (systemd, Docker,
//! Kubernetes). Both mean the same here: finish what was started, then exit cleanly.

use anyhow::Context;
use tokio::signal::unix::{SignalKind, signal};

/// Installs the handlers now, so a signal that arrives before anyone awaits is not lost (nor
/// left to its default action, which would kill the process mid-write).
pub struct Shutdown {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

impl Shutdown {
    pub fn install() -> anyhow::Result<Self> {
        Ok(Self {
            interrupt: signal(SignalKind::interrupt()).context("cannot handle SIGINT")?,
            terminate: signal(SignalKind::terminate()).context("cannot handle SIGTERM")?,
        })
    }

    /// Resolves at the first SIGINT or SIGTERM and returns its name, for the log.
    pub async fn requested(mut self) -> &'static str {
        tokio::select! {
            _ = self.interrupt.recv() => "SIGINT",
            _ = self.terminate.recv() => "SIGTERM",
        }
    }
}
