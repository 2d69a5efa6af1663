; The Windows installer of CSMS Desk, built by `cargo xtask bundle --windows` (and, from the
; debug build, by `cargo xtask test`, which checks its file list with 7z). makensis comes from
; Debian's nsis package; the defines come from xtask: VERSION, BUILD (the folder with the
; Windows builds), ROOT (the repository), OUTFILE.
;
; Per user, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\CSMS Desk, the Start menu entry and the uninstaller entry are the
; user's own (HKCU). The workspace is never touched by installing or uninstalling: it lives
; in %APPDATA%\CSMS Desk\csmsdesk\data\workspace (see README, "Windows").
;
; WebView2: Windows 11 and current Windows 10 ship the Evergreen runtime. When it is missing,
; the installer fetches Microsoft's bootstrapper with PowerShell (the one download, at install
; time, with the user's consent) and runs it; if that fails it says where to get it. Not
; tested here: under Wine the silent install declines the download (no network, no WebView2).
; Tauri's own NSIS bundler cannot be used here: it downloads its NSIS plugins while bundling,
; and the build machines have no network.

Unicode true
Target amd64-unicode
; The test's installer of the debug build (FAST) trades size for time.
!ifdef FAST
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define PRODUCT "CSMS Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CSMSDesk"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_BOOTSTRAPPER "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Proprietary"

!define MUI_ICON "${ROOT}/icons/icon.ico"
!define MUI_UNICON "${ROOT}/icons/icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\csmsdesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"

LangString WebView2Missing ${LANG_ENGLISH} "CSMS Desk needs Microsoft Edge WebView2, which is not installed. Download and install it now (about 2 MB from Microsoft)?"
LangString WebView2Missing ${LANG_GERMAN} "CSMS Desk braucht Microsoft Edge WebView2, das nicht installiert ist. Jetzt herunterladen und installieren (etwa 2 MB von Microsoft)?"
LangString WebView2Failed ${LANG_ENGLISH} "WebView2 could not be installed. Install the Evergreen runtime from https://developer.microsoft.com/microsoft-edge/webview2/ and start CSMS Desk again. The command line (csmsdesk-cli.exe) works without it."
LangString WebView2Failed ${LANG_GERMAN} "WebView2 konnte nicht installiert werden. Installieren Sie die Evergreen-Laufzeit von https://developer.microsoft.com/microsoft-edge/webview2/ und starten Sie CSMS Desk erneut. Die Kommandozeile (csmsdesk-cli.exe) funktioniert auch ohne."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; Whether a WebView2 runtime is registered, machine-wide or for this user.
Function HasWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
FunctionEnd

Section "CSMS Desk" Main
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${BUILD}/csmsdesk.exe"
  File "${BUILD}/csmsdesk-cli.exe"
  File "${BUILD}/WebView2Loader.dll"
  File "${ROOT}/README.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\csmsdesk.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\csmsdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  Call HasWebView2
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONQUESTION "$(WebView2Missing)" /SD IDNO IDNO webview2_failed
    ; PowerShell (in every Windows 10 and 11) speaks HTTPS; NSIS's own NSISdl does not.
    Delete "$TEMP\MicrosoftEdgeWebview2Setup.exe"
    nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "Invoke-WebRequest -UseBasicParsing -Uri '${WEBVIEW2_BOOTSTRAPPER}' -OutFile '$TEMP\MicrosoftEdgeWebview2Setup.exe'"`
    Pop $1
    ${If} $1 != "0"
    ${OrIfNot} ${FileExists} "$TEMP\MicrosoftEdgeWebview2Setup.exe"
      Goto webview2_failed
    ${EndIf}
    ExecWait '"$TEMP\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
    Delete "$TEMP\MicrosoftEdgeWebview2Setup.exe"
    Call HasWebView2
    ${If} $0 != ""
    ${AndIf} $0 != "0.0.0.0"
      Goto webview2_done
    ${EndIf}
    webview2_failed:
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(WebView2Failed)" /SD IDOK
    webview2_done:
  ${EndIf}
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\csmsdesk.exe"
  Delete "$INSTDIR\csmsdesk-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
