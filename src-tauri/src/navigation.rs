//! The window may only ever show the app's own pages.
//!
//! The CSP stops the page from fetching, loading or connecting anywhere else, but it does not
//! govern navigation: an injected `<meta http-equiv=refresh>`, `location.href = …` or a
//! clicked link would otherwise load an outside page in the window (sending a request, and
//! with it whatever the URL carries). This guard refuses every navigation away from the
//! app's own origin before WebKit starts it.

use tauri::Url;

/// Whether the window may navigate to `url`: only the app's embedded pages (`tauri://localhost`
/// on Linux and macOS, `http(s)://tauri.localhost` on Windows).
pub fn allowed(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The plugin that applies [`allowed`] to every navigation of every webview.
pub fn guard<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let ok = allowed(url);
            if !ok {
                tracing::warn!(%url, "navigation away from the app refused");
            }
            ok
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html#/history",
            "http://tauri.localhost/index.html",
            "https://tauri.localhost/",
        ] {
            assert!(allowed(&Url::parse(ok).unwrap()), "{ok}");
        }
        for refused in [
            "https://example.com/",
            "http://127.0.0.1:4444/leak?data=secret",
            "http://ipc.localhost/evidence_list",
            "http://tauri.localhost.evil.example/",
            "tauri://evil/",
            "file:///etc/passwd",
            "data:text/html,<h1>hi</h1>",
            "javascript:alert(1)",
            "about:blank",
            "ws://127.0.0.1:9/",
        ] {
            assert!(!allowed(&Url::parse(refused).unwrap()), "{refused}");
        }
    }
}
