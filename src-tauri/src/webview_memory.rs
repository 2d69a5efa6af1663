//! The webview's memory caches (issue 15: the webview stays under 500 MB with tens of
//! thousands of records). Every page of this app comes from its own bundle through the
//! custom protocol, so WebKitGTK's default cache model, a web browser's (a large memory cache
//! of decoded resources and a back/forward cache of whole pages), keeps memory that nothing
//! here reuses: the document viewer's model turns those caches off.

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
