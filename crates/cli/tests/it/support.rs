//! Running the real binary: a guard that kills the process if a test fails half-way, stdout read
//! line by line as it comes, stderr kept for the failure message.

use std::path::Path;
use std::process::{ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

pub const BIN: &str = env!("CARGO_BIN_EXE_steadfast");

/// Long enough for a debug build on a busy two-core machine to start.
pub const START_TIMEOUT: Duration = Duration::from_secs(60);
/// "Exits within a few seconds" of a stop request.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// The binary with none of the operator's settings from this environment: each test says what
/// it means.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir).kill_on_drop(true);
    for var in [
        "STEADFAST_LISTEN",
        "STEADFAST_DATABASE_URL",
        "STEADFAST_LOG_FORMAT",
        "STEADFAST_QUICK_EXIT_URL",
        "STEADFAST_SECURE_COOKIES",
        "STEADFAST_HELP_RESOURCES",
        "STEADFAST_CLIENT_ADDRESS_HEADER",
        "STEADFAST_SESSION_IDLE_MINUTES",
        "STEADFAST_SESSION_MAX_HOURS",
        "RUST_LOG",
    ] {
        command.env_remove(var);
    }
    command
}

/// Runs the binary to its end and returns what it printed.
pub async fn run(dir: &Path, args: &[&str]) -> Output {
    let mut command = command(dir, args);
    command.stdin(Stdio::null());
    tokio::time::timeout(Duration::from_secs(60), command.output())
        .await
        .unwrap_or_else(|_| panic!("steadfast {args:?} did not finish within a minute"))
        .expect("steadfast runs")
}

/// A running `steadfast`; killed (SIGKILL) when dropped, so a failing test leaks no process.
pub struct Process {
    child: Child,
    stdout: mpsc::UnboundedReceiver<String>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Process {
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        Self::spawn(command(dir, args))
    }

    pub fn spawn(mut command: Command) -> Self {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("steadfast starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let stderr = child.stderr.take().expect("stderr is piped");
        let (lines, received) = mpsc::unbounded_channel();
        tokio::spawn(read_lines(stdout, lines));
        let kept = Arc::new(Mutex::new(Vec::new()));
        tokio::spawn(keep_all(stderr, Arc::clone(&kept)));
        Self {
            child,
            stdout: received,
            stderr: kept,
        }
    }

    /// The next complete line on stdout, or `None` if none came in time or stdout closed.
    pub async fn next_line(&mut self, within: Duration) -> Option<String> {
        tokio::time::timeout(within, self.stdout.recv())
            .await
            .ok()
            .flatten()
    }

    /// Every complete line still to come on stdout, up to its end (after the process exited).
    pub async fn remaining_lines(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        while let Some(line) = self.next_line(STOP_TIMEOUT).await {
            lines.push(line);
        }
        lines
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Sends a signal the way an operator or a service manager does.
    pub fn signal(&self, name: &str) {
        let pid = self
            .child
            .id()
            .expect("the process has not been reaped yet");
        let sent = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{name} {pid} failed");
    }

    /// SIGKILL, as a power cut would: no chance to finish anything.
    pub async fn kill_hard(&mut self) {
        self.child.start_kill().expect("SIGKILL is sent");
        self.exit_status(STOP_TIMEOUT).await;
    }

    pub async fn exit_status(&mut self, within: Duration) -> ExitStatus {
        match tokio::time::timeout(within, self.child.wait()).await {
            Ok(status) => status.expect("the exit status is readable"),
            Err(_) => panic!(
                "steadfast did not exit within {within:?}; stderr:\n{}",
                self.stderr()
            ),
        }
    }
}

/// Complete lines only: a line cut short by a kill was never fully written, so it promises
/// nothing.
async fn read_lines(stdout: impl AsyncRead + Unpin, lines: mpsc::UnboundedSender<String>) {
    let mut reader = BufReader::new(stdout);
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) if line.ends_with(b"\n") => {
                let text = String::from_utf8_lossy(&line).trim_end().to_owned();
                if lines.send(text).is_err() {
                    return;
                }
            }
            Ok(_) => return,
        }
    }
}

async fn keep_all(mut stderr: impl AsyncRead + Unpin, kept: Arc<Mutex<Vec<u8>>>) {
    let mut buffer = [0; 4096];
    while let Ok(read @ 1..) = stderr.read(&mut buffer).await {
        kept.lock().unwrap().extend_from_slice(&buffer[..read]);
    }
}

/// `steadfast serve` on a port of its choosing, at the address it printed.
pub struct Server {
    pub process: Process,
    pub base: String,
}

impl Server {
    pub async fn start(dir: &Path, database_url: &str) -> Self {
        let process = Process::start(
            dir,
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                database_url,
            ],
        );
        Self::running(process).await
    }

    /// Waits for the line that tells the operator what to open, and takes the address from it.
    pub async fn running(mut process: Process) -> Self {
        let Some(line) = process.next_line(START_TIMEOUT).await else {
            panic!("serve printed no address; stderr:\n{}", process.stderr());
        };
        let base = address_in(&line).unwrap_or_else(|| panic!("no address to open in {line:?}"));
        Self { process, base }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        reqwest::get(format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|error| panic!("GET {path} failed: {error}"))
    }

    /// Asks it to stop with `signal` and expects a clean exit within a few seconds.
    pub async fn stop(mut self, signal: &str) {
        self.process.signal(signal);
        let status = self.process.exit_status(STOP_TIMEOUT).await;
        assert_eq!(
            status.code(),
            Some(0),
            "serve exits 0 on SIG{signal}; stderr:\n{}",
            self.process.stderr()
        );
    }
}

/// "… open http://127.0.0.1:PORT in your browser" → "http://127.0.0.1:PORT".
fn address_in(line: &str) -> Option<String> {
    let (_, after) = line.split_once("open ")?;
    let address = after.split_whitespace().next()?;
    address.starts_with("http://").then(|| address.to_owned())
}

/// What an operator must see when something stops the binary: exit code 1 and exactly one line
/// on stderr, starting "error:", with no panic or backtrace hint.
pub fn assert_one_line_error(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit code 1; stderr:\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line on stderr, got:\n{stderr}");
    let line = lines[0];
    assert!(
        line.starts_with("error: ") && line.len() > "error: ".len(),
        "{line}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    line.to_owned()
}
