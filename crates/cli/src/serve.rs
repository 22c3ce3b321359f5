//! `steadfast serve`: open the database (applying migrations), listen, and on SIGINT or SIGTERM
//! stop accepting, let requests in flight finish, and commit queued writes before exiting.

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, bail};
use steadfast_web::WebConfig;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::config::ServeArgs;
use crate::database;
use crate::signal::Shutdown;

/// How long requests in flight get to finish after a stop is requested. Orchestrators send
/// SIGKILL after their own grace period (Docker: 10 s, Kubernetes: 30 s); past this limit we
/// would rather close the store cleanly than be killed while waiting on a stuck client.
const DRAIN_LIMIT: Duration = Duration::from_secs(8);

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database.database_url)?;
    let mut web = web_config(args.quick_exit_url)?;
    let shutdown = Shutdown::install()?;
    // Installed before the store exists, so its write counters are recorded from the first one.
    let _ = steadfast_web::metrics_handle();
    metrics::gauge!("steadfast_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);

    // Listen first: a port in use is found before the database is created or migrated.
    let listener = TcpListener::bind(args.listen.as_str())
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let address = listener
        .local_addr()
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let metrics_listener = match &args.metrics_listen {
        Some(metrics) => Some(
            TcpListener::bind(metrics.as_str())
                .await
                .with_context(|| format!("cannot listen for metrics on {metrics}"))?,
        ),
        None => None,
    };
    web.help_resources = args.help_resources;
    web.help_defaults = args.help_defaults;
    web.client_address_header = args.client_address_header;
    web.write_quota = steadfast_web::WriteQuota {
        burst: args.write_burst,
        one_per: Duration::from_millis(args.write_interval_ms),
    };
    web.session_policy = steadfast_core::SessionPolicy {
        idle: Duration::from_secs(args.session_idle_minutes * 60),
        absolute: Duration::from_secs(args.session_max_hours * 60 * 60),
    };
    web.secure_cookies = args
        .secure_cookies
        .unwrap_or_else(|| address.ip().is_loopback());
    web.mail = mail_config(args.smtp_url, args.mail_from, args.public_url)?;
    let store = database::open(&url).await?;
    // The application; due reminders are sent (or, without mail, moved on) by a task of its own,
    // started beside the server and stopped before the store closes.
    let routers = match steadfast_web::app_with_metrics(store.clone(), web) {
        Ok(routers) => routers,
        Err(error) => {
            store.close().await;
            return Err(error.into());
        }
    };

    // A closed stdout (some service managers) must not stop the server; the log has the address.
    let _ = writeln!(std::io::stdout().lock(), "{}", running_message(address));
    tracing::info!(%address, database = %url, "serving");
    let metrics_address = match &metrics_listener {
        Some(listener) => Some(listener.local_addr().context("cannot listen for metrics")?),
        None => None,
    };
    if let Some(metrics) = metrics_address {
        let _ = writeln!(
            std::io::stdout().lock(),
            "Metrics for your monitoring: http://{metrics}/metrics"
        );
        tracing::info!(address = %metrics, "serving metrics");
    }

    let (stopping, stop_requested) = oneshot::channel();
    let graceful = async move {
        let signal = shutdown.requested().await;
        tracing::info!(
            signal,
            "stopping: no new connections; finishing requests in flight"
        );
        let _ = stopping.send(());
    };
    let app = routers
        .public
        .into_make_service_with_connect_info::<SocketAddr>();
    // The operator's listener, apart from the public one; it ends with the server.
    let metrics = metrics_listener.map(|listener| {
        tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, routers.metrics).await {
                tracing::warn!(%error, "the metrics listener stopped");
            }
        })
    });
    let reminders = routers.reminders.start();
    let server = async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(graceful)
            .await
    };
    let drain_limit = async move {
        match stop_requested.await {
            Ok(()) => tokio::time::sleep(DRAIN_LIMIT).await,
            // The server ended without a stop request; its own branch reports how.
            Err(_) => std::future::pending().await,
        }
    };
    let served = tokio::select! {
        served = server => served.context("the HTTP server stopped"),
        () = drain_limit => {
            tracing::warn!(limit = ?DRAIN_LIMIT, "requests still running at the drain limit; closing anyway");
            Ok(())
        }
    };

    if let Some(metrics) = metrics {
        metrics.abort();
    }
    reminders.stop().await;
    // Commits the writes already queued before the connections close.
    store.close().await;
    tracing::info!("stopped");
    served
}

fn web_config(quick_exit_url: Option<String>) -> anyhow::Result<WebConfig> {
    let Some(quick_exit_url) = quick_exit_url else {
        return Ok(WebConfig::default());
    };
    // It becomes a link in every page: anything but a plain web address (a `javascript:` URL, a
    // stray space) would be a hole or a dead control when someone needs it most.
    let lower = quick_exit_url.to_ascii_lowercase();
    let plain = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !quick_exit_url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control());
    if !plain {
        bail!("--quick-exit-url (STEADFAST_QUICK_EXIT_URL) must be an http:// or https:// address");
    }
    Ok(WebConfig {
        quick_exit_url,
        ..WebConfig::default()
    })
}

/// Mail settings, checked together: an SMTP server needs a sender; a sender or a public address
/// without a server would be a setting that silently does nothing.
fn mail_config(
    smtp_url: Option<String>,
    from: Option<String>,
    public_url: Option<String>,
) -> anyhow::Result<Option<steadfast_web::MailConfig>> {
    let public_url = public_url.filter(|url| !url.trim().is_empty());
    if let Some(url) = &public_url {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            bail!("--public-url (STEADFAST_PUBLIC_URL) must be an http:// or https:// address");
        }
    }
    match (smtp_url.filter(|url| !url.trim().is_empty()), from) {
        (None, None) => Ok(None),
        (None, Some(_)) => {
            bail!("--mail-from (STEADFAST_MAIL_FROM) needs --smtp-url (STEADFAST_SMTP_URL)")
        }
        (Some(_), None) => {
            bail!("--smtp-url (STEADFAST_SMTP_URL) needs --mail-from (STEADFAST_MAIL_FROM)")
        }
        (Some(smtp_url), Some(from)) => Ok(Some(steadfast_web::MailConfig {
            smtp_url,
            from,
            public_url,
        })),
    }
}

/// What to open, in words: an address bound to every interface is not one a browser can open.
fn running_message(address: SocketAddr) -> String {
    if address.ip().is_unspecified() {
        let port = address.port();
        format!(
            "Steadfast is running on every network interface: open http://localhost:{port} in your \
             browser on this machine, or http://<this machine's address>:{port} from another device"
        )
    } else {
        format!("Steadfast is running: open http://{address} in your browser")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_to_open_is_the_one_listened_on() {
        let address = SocketAddr::from(([127, 0, 0, 1], 8787));
        assert_eq!(
            running_message(address),
            "Steadfast is running: open http://127.0.0.1:8787 in your browser"
        );
        let v6 = SocketAddr::from(([0, 0, 0, 0, 0, 0, 0, 1], 8787));
        assert!(running_message(v6).contains("http://[::1]:8787"));
    }

    #[test]
    fn listening_everywhere_points_at_localhost_and_the_machines_address() {
        let message = running_message(SocketAddr::from(([0, 0, 0, 0], 9000)));
        assert!(message.contains("http://localhost:9000"), "{message}");
        assert!(!message.contains("0.0.0.0"), "{message}");
    }

    #[test]
    fn only_plain_web_addresses_can_be_the_quick_exit() {
        let accepted = |url: &str| web_config(Some(url.to_owned())).is_ok();
        assert!(accepted("https://www.bbc.co.uk/weather"));
        assert!(accepted("http://example.org/"));
        assert!(!accepted("javascript:alert(1)"));
        assert!(!accepted("https://example.org/a b"));
        assert!(!accepted("example.org"));
    }

    #[test]
    fn mail_needs_a_server_and_a_sender_together() -> anyhow::Result<()> {
        let some = |s: &str| Some(s.to_owned());
        assert!(mail_config(None, None, None)?.is_none());
        assert!(mail_config(some("smtp://relay:25"), None, None).is_err());
        assert!(mail_config(None, some("a@example.org"), None).is_err());
        assert!(
            mail_config(
                some("smtp://relay:25"),
                some("a@example.org"),
                some("javascript:x")
            )
            .is_err()
        );
        let config = mail_config(
            some("smtp://relay:25"),
            some("a@example.org"),
            some("https://us.example.org"),
        )?;
        assert_eq!(
            config.and_then(|c| c.public_url).as_deref(),
            Some("https://us.example.org")
        );
        Ok(())
    }

    #[test]
    fn without_a_quick_exit_url_the_default_stands() -> anyhow::Result<()> {
        assert_eq!(
            web_config(None)?.quick_exit_url,
            WebConfig::default().quick_exit_url
        );
        Ok(())
    }
}
