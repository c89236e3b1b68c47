//! Driving servers over loopback, for the benchmarks that measure whole requests: `wrk`
//! in alternating rounds for requests per second, and callgrind for the instructions a
//! server spends per request, which do not move with the machine's load.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::rounds::median;

/// What a whole-request benchmark is asked on its command line: `instructions [REQUESTS]`
/// (default 20,000), else `[ROUNDS [SECONDS]]` of `wrk` (default 5 rounds of 4 s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    /// Count the server's instructions per request with callgrind.
    Instructions {
        /// The requests of the longer run.
        requests: u64,
    },
    /// Load the sides with `wrk` in alternating rounds.
    Wrk {
        /// How many rounds.
        rounds: usize,
        /// How long each side is loaded in a round.
        seconds: u64,
    },
}

impl Run {
    /// The run `args` (the program's arguments, without its name) ask for; panics with
    /// what is wrong on an argument that is not a number.
    ///
    /// ```
    /// use hero_codes_bench::loopback::Run;
    /// let args = |text: &str| Run::from_args(text.split_whitespace().map(str::to_owned));
    /// assert_eq!(args("instructions 500"), Run::Instructions { requests: 500 });
    /// assert_eq!(args("9"), Run::Wrk { rounds: 9, seconds: 4 });
    /// ```
    pub fn from_args(mut args: impl Iterator<Item = String>) -> Run {
        let number = |arg: Option<String>, name: &str, default| {
            arg.map_or(default, |arg| {
                arg.parse()
                    .unwrap_or_else(|_| panic!("{name} is a number, not `{arg}`"))
            })
        };
        match args.next() {
            Some(first) if first == "instructions" => Run::Instructions {
                requests: number(args.next(), "REQUESTS", 20_000),
            },
            first => Run::Wrk {
                rounds: number(first, "ROUNDS", 5) as usize,
                seconds: number(args.next(), "SECONDS", 4),
            },
        }
    }
}

/// A server process, killed when dropped.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port of 127.0.0.1 free now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Waits up to 10 s for a server to listen on `port`.
pub fn wait_for(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the server did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Exits with a message unless `wrk` is on the PATH.
pub fn require_wrk() {
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("this benchmark needs wrk on the PATH (Debian: apt-get install wrk)");
        std::process::exit(2);
    }
}

/// Requests per second of `wrk` (1 thread, 32 connections) on `url` for `seconds`; panics
/// if a socket failed.
pub fn wrk(url: &str, seconds: u64) -> f64 {
    let output = Command::new("wrk")
        .args(["-t1", "-c32", &format!("-d{seconds}s"), url])
        .output()
        .expect("run wrk");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "wrk failed on {url}:\n{text}");
    assert!(
        !text.contains("Socket errors"),
        "wrk saw socket errors on {url}:\n{text}"
    );
    text.lines()
        .find_map(|line| line.strip_prefix("Requests/sec:"))
        .and_then(|rate| rate.trim().parse().ok())
        .unwrap_or_else(|| panic!("no Requests/sec in wrk's output:\n{text}"))
}

/// Requests per second of each of `urls`, in `rounds` rounds of `seconds` each after a
/// warm-up of 1 s per URL: every URL once per round, the order reversed every other round
/// so that none always runs first. One row per URL.
pub fn alternating_rounds(urls: &[String], rounds: usize, seconds: u64) -> Vec<Vec<f64>> {
    println!("warming up: 1 s per side");
    for url in urls {
        wrk(url, 1);
    }
    let mut rates = vec![Vec::new(); urls.len()];
    for round in 0..rounds {
        let mut order: Vec<usize> = (0..urls.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for index in order {
            rates[index].push(wrk(&urls[index], seconds));
        }
        println!("round {} of {rounds} done", round + 1);
    }
    rates
}

/// Prints each side's median and rounds, then each comparison `(label, ours, baseline,
/// target)` (indexes into `labels` and `rates`) as the median of the rounds' ratios and
/// the ratio of the medians.
pub fn report_rates(
    labels: &[&str],
    rates: &[Vec<f64>],
    comparisons: &[(&str, usize, usize, f64)],
) {
    println!("| side | median (requests/s) | rounds (requests/s) |");
    println!("|---|---:|---|");
    let medians: Vec<f64> = rates
        .iter()
        .map(|rates| median(&mut rates.clone()))
        .collect();
    for ((label, rates), median) in labels.iter().zip(rates).zip(&medians) {
        let all: Vec<String> = rates.iter().map(|rate| format!("{rate:.0}")).collect();
        println!("| {label} | {median:.0} | {} |", all.join(", "));
    }
    // The two sides of a comparison run one after the other in every round, so the ratio
    // of each round is taken under the same load; its median is the figure that decides.
    println!("\n| comparison | median of the rounds' ratios | ratio of the medians | target |");
    println!("|---|---:|---:|---|");
    for &(label, ours, baseline, target) in comparisons {
        let mut ratios: Vec<f64> = rates[ours]
            .iter()
            .zip(&rates[baseline])
            .map(|(ours, baseline)| ours / baseline)
            .collect();
        println!(
            "| {label} | {:.3} | {:.3} | >= {target:.2} |",
            median(&mut ratios),
            medians[ours] / medians[baseline]
        );
    }
}

/// The instructions a server spends per request of `path`, counted by callgrind: the
/// difference between a run of `requests` requests and one of a tenth as many, sent one
/// after the other on one connection. `server` makes the command that starts the server
/// listening on the port it is given; the server is stopped by closing its standard input
/// and sending it SIGTERM, after which callgrind writes its counts.
pub fn instructions_per_request(server: impl Fn(u16) -> Command, path: &str, requests: u64) -> f64 {
    let few = requests / 10;
    let counted = |requests| instructions(&server, path, requests);
    (counted(requests) - counted(few)) as f64 / (requests - few) as f64
}

fn instructions(server: impl Fn(u16) -> Command, path: &str, requests: u64) -> u64 {
    let port = free_port();
    let out = std::env::temp_dir().join(format!("loopback.{port}.callgrind"));
    let command = server(port);
    let mut child = Command::new("valgrind")
        .args(["--tool=callgrind", "--quiet"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(command.get_program())
        .args(command.get_args())
        .envs(
            command
                .get_envs()
                .filter_map(|(key, value)| Some((key, value?))),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("run valgrind (Debian: apt-get install valgrind)");
    wait_for(port);
    send_requests(port, path, requests);
    drop(child.stdin.take());
    let stopped = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    assert!(stopped.is_ok(), "send SIGTERM to the server");
    child.wait().expect("wait for the server");
    total_instructions(&out)
}

/// Sends `requests` requests of `path` one after the other on one connection.
fn send_requests(port: u16, path: &str, requests: u64) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    let mut buffer = Vec::new();
    for _ in 0..requests {
        stream
            .write_all(request.as_bytes())
            .expect("send a request");
        read_answer(&mut stream, &mut buffer);
    }
}

/// The total in callgrind's counts file at `path`, which is removed.
fn total_instructions(path: &Path) -> u64 {
    let counts = std::fs::read_to_string(path).expect("read callgrind's counts");
    std::fs::remove_file(path).expect("remove callgrind's counts");
    counts
        .lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or(line.strip_prefix("summary:"))
        })
        .and_then(|total| total.trim().parse().ok())
        .expect("a total in callgrind's counts")
}

/// Reads one answer with a `Content-Length` from `stream`.
fn read_answer(stream: &mut TcpStream, buffer: &mut Vec<u8>) {
    buffer.clear();
    let mut chunk = [0u8; 4096];
    loop {
        let read = stream.read(&mut chunk).expect("read an answer");
        assert!(read > 0, "the server closed the connection");
        buffer.extend_from_slice(&chunk[..read]);
        let Some(head) = buffer.windows(4).position(|window| window == b"\r\n\r\n") else {
            continue;
        };
        let length: usize = String::from_utf8_lossy(&buffer[..head])
            .to_ascii_lowercase()
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|length| length.trim().parse().ok())
            .expect("a Content-Length");
        if buffer.len() >= head + 4 + length {
            return;
        }
    }
}
