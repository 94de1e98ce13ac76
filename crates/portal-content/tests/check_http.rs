//! `check` of an API over HTTP (the `http` feature): the committed API, served by a tiny
//! local server, passes as it does on disk; a file the server lacks is reported missing.
#![cfg(feature = "http")]

use portal_content::check::{check, DirTree, HttpTree};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

fn api_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api/v1")
}

/// Serves `root` on a free local port, one request per connection, `hidden` answered 404.
fn serve(root: PathBuf, hidden: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api/v1/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // Skip the headers.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split(' ').nth(1).unwrap_or("/");
            let rel = path.strip_prefix("/api/v1/").unwrap_or("");
            let body = (!rel.contains("..") && rel != hidden)
                .then(|| std::fs::read(root.join(rel)).ok())
                .flatten();
            let response = match body {
                Some(body) => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    base
}

#[test]
fn the_committed_api_passes_over_http_as_on_disk() {
    let base = serve(api_root(), "");
    let (over_http, errors) = check(&HttpTree::new(&base));
    assert!(errors.is_empty(), "{errors:#?}");
    let (on_disk, _) = check(&DirTree(api_root()));
    // The same links; over HTTP only what links lead to is read.
    assert_eq!(over_http.links, on_disk.links);
    assert_eq!(over_http.articles, on_disk.articles);
}

#[test]
fn a_file_the_server_lacks_is_missing() {
    let base = serve(api_root(), "ru/news/7.json");
    let (_, errors) = check(&HttpTree::new(&base));
    assert!(
        errors
            .iter()
            .any(|e| e.message == "article 7 has no file ru/news/7.json"),
        "{errors:#?}"
    );
}
