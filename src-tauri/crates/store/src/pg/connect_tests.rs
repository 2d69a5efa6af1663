//! Failures to connect that need no PostgreSQL: a port no one listens on, and a server that
//! answers the TLS request with "no".

use std::io::{Read as _, Write as _};
use std::net::TcpListener;

use super::*;
use crate::pg::{PgConfig, PgUrl};

fn config(port: u16, sslmode: &str) -> PgConfig {
    let url = PgUrl::parse(&format!(
        "postgresql://u:pw@127.0.0.1:{port}/ws?sslmode={sslmode}&connect_timeout=5"
    ))
    .unwrap();
    PgConfig::resolve_with(&url, &|_| None).unwrap()
}

#[test]
fn a_port_no_one_listens_on_is_unreachable_naming_host_and_port() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    match connect(&config(port, "disable")) {
        Err(e @ Error::PgUnreachable { .. }) => {
            let Error::PgUnreachable { host, port: p, .. } = &e else {
                unreachable!()
            };
            assert_eq!((host.as_str(), *p), ("127.0.0.1", port));
            assert!(!e.to_string().contains("pw"), "{e}");
        }
        other => panic!("expected PgUnreachable, got {:?}", other.err()),
    }
}

/// A server that answers PostgreSQL's TLS request with `N` (no TLS here), then hangs up.
fn no_tls_server() -> (u16, std::thread::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 8];
        stream.read_exact(&mut request).unwrap();
        stream.write_all(b"N").unwrap();
        // What the client sends next (a start-up packet, or nothing when it gives up).
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(2)))
            .unwrap();
        let mut next = vec![0u8; 4];
        let n = stream.read(&mut next).unwrap_or(0);
        next.truncate(n);
        next
    });
    (port, handle)
}

#[test]
fn require_against_a_server_without_tls_is_refused_before_any_startup() {
    let (port, server) = no_tls_server();
    match connect(&config(port, "require")) {
        Err(Error::PgTls {
            host,
            port: p,
            reason,
        }) => {
            assert_eq!((host.as_str(), p), ("127.0.0.1", port));
            assert!(reason.contains("server does not support TLS"), "{reason}");
        }
        other => panic!("expected PgTls, got {:?}", other.err()),
    }
    assert!(
        server.join().unwrap().is_empty(),
        "the client sent its start-up (user name) in the clear"
    );
    // prefer goes on in the clear: the start-up packet follows.
    let (port, server) = no_tls_server();
    let _ = connect(&config(port, "prefer"));
    assert_eq!(
        server.join().unwrap().len(),
        4,
        "prefer sent no start-up packet"
    );
}
