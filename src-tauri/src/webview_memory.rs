//! The webview's memory (issue 15: the webview stays under 500 MB with tens of thousands of
//! records), on Linux, where WebKitGTK does not size itself by the system's memory pressure:
//!
//! - Every page of this app comes from its own bundle through the custom protocol, so
//!   WebKitGTK's default cache model, a web browser's (a large memory cache of decoded
//!   resources and a back/forward cache of whole pages), keeps memory that nothing here
//!   reuses: the document viewer's model turns those caches off.
//! - JavaScriptCore's JIT compilers keep compiled code and profiles for a page that runs for
//!   hours; this UI's scripts draw a page of rows at a time, and its interpreter draws them
//!   as fast within the goals. Without the JIT the webview ends `cargo xtask bench ui --sizes
//!   40000 --reps 5` at 419-426 MiB instead of 473-488 (peak), with the filter's and the
//!   sort's medians at 0.09 and 0.06 s and every screen's at most 0.25 s (turning off only
//!   the optimising tiers, DFG and FTL, saved 15-35 MiB). Set through JSC's environment
//!   options (`JSC_useJIT=0`), which the web process inherits; a value the user set is kept.

/// Turns JavaScriptCore's JIT off for the web process about to start. Called first thing in
/// `run`, before any thread exists.
pub fn before_start() {
    if !cfg!(target_os = "linux") {
        return;
    }
    const JIT: &str = "JSC_useJIT";
    if std::env::var_os(JIT).is_none() {
        // SAFETY: `run` calls this before it starts any thread (the log, Tauri, the web
        // process), so nothing reads or writes the environment at the same time.
        #[allow(
            unsafe_code,
            reason = "setting the environment before any thread exists"
        )]
        unsafe {
            std::env::set_var(JIT, "0");
        }
    }
}

/// Sets the main window's cache model. Called once, in setup.
pub fn tune(app: &tauri::AppHandle) {
    use tauri::Manager as _;
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    platform::tune(&window);
}

#[cfg(target_os = "linux")]
mod platform {
    use webkit2gtk::{CacheModel, WebContextExt as _, WebViewExt as _};

    pub(super) fn tune(window: &tauri::WebviewWindow) {
        let tuned = window.with_webview(|platform| {
            if let Some(context) = platform.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = tuned {
            tracing::warn!(error = %e, "the webview's cache model was not set");
        }
    }
}

/// WebView2 and WKWebView size their caches by the system's memory pressure.
#[cfg(not(target_os = "linux"))]
mod platform {
    pub(super) fn tune(_window: &tauri::WebviewWindow) {}
}
