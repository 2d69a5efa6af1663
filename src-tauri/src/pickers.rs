//! The native file dialogs (rfd) every "Choose…" button opens: created on the GTK main
//! thread, as GTK requires, and awaited from the async command, so the window keeps painting
//! while a dialog is open. Each command in `commands/` only says which dialog to build.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::ErrorCode;
use tauri::WebviewWindow;

use crate::error::CommandError;
use crate::state::AppState;

/// Shows a native dialog built by `show` and returns the chosen path.
pub async fn pick<F>(
    state: &AppState,
    window: &WebviewWindow,
    show: impl FnOnce(rfd::AsyncFileDialog) -> F + Send + 'static,
) -> Result<Option<String>, CommandError>
where
    F: std::future::Future<Output = Option<rfd::FileHandle>> + Send + 'static,
{
    let chosen = run_dialog(state, window, show).await?;
    Ok(chosen.map(|handle| handle.path().display().to_string()))
}

/// Shows a native dialog built by `show` that returns several paths (empty if cancelled).
pub async fn pick_many<F>(
    state: &AppState,
    window: &WebviewWindow,
    show: impl FnOnce(rfd::AsyncFileDialog) -> F + Send + 'static,
) -> Result<Vec<String>, CommandError>
where
    F: std::future::Future<Output = Option<Vec<rfd::FileHandle>>> + Send + 'static,
{
    let chosen = run_dialog(state, window, show).await?;
    Ok(chosen
        .unwrap_or_default()
        .iter()
        .map(|handle| handle.path().display().to_string())
        .collect())
}

/// Shows the dialog `show` builds on the main thread and awaits what it returns here.
async fn run_dialog<F, T>(
    state: &AppState,
    window: &WebviewWindow,
    show: impl FnOnce(rfd::AsyncFileDialog) -> F + Send + 'static,
) -> Result<T, CommandError>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let lang = state.lang();
    let failed = || {
        CommandError::new(
            ErrorCode::Internal,
            Message::new("error.dialog_failed"),
            lang,
        )
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    let parent = window.clone();
    window
        .run_on_main_thread(move || {
            let _ = tx.send(show(rfd::AsyncFileDialog::new().set_parent(&parent)));
        })
        .map_err(|e| {
            tracing::error!(error = %e, "could not reach the main thread for the dialog");
            failed()
        })?;
    let dialog = rx.await.map_err(|_| failed())?;
    Ok(dialog.await)
}
