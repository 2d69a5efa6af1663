//! Build script of the desktop app: embeds `tauri.conf.json` and the UI, and declares the app's
//! commands so that each must be granted by name in `src-tauri/capabilities/`.

include!("src/commands/names.rs");

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
