; The Windows installer of notegui: a per-user install (no administrator rights), a Start
; menu entry, a desktop shortcut if asked for, notegui-cli.exe's folder on the user's PATH,
; notegui in Open With for notegui JSON exports (.json) and question notes (.txt), and an
; uninstaller that removes all of it and keeps the user's library. It refuses to install
; over, or uninstall, a notegui that is running.
;
; build.py windows compiles it:
;   makensis -DVERSION=0.1.0 -DFILE_VERSION=0.1.0.0 -DBUNDLE=dist\notegui
;            -DICON=build\packaging\icons\notegui.ico -DOUTFILE=dist\notegui-0.1.0-setup.exe
;            notegui.nsi
; BUNDLE is PyInstaller's one-folder bundle: notegui.exe (windowed), notegui-cli.exe (the
; same app with a console, for the command line) and _internal\.
; Silent install: notegui-0.1.0-setup.exe /S [/D=C:\path]; silent uninstall: uninstall.exe /S

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "StrFunc.nsh"
!include "WinMessages.nsh"
${StrStr}
${StrRep}
${UnStrRep}

!ifndef VERSION | BUNDLE | ICON | OUTFILE
  !error "Define VERSION, BUNDLE, ICON and OUTFILE (see the top of this file)."
!endif
!ifndef FILE_VERSION
  !define FILE_VERSION "0.0.0.0"
!endif

!define APP "notegui"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
; Per-user file types (HKCU\Software\Classes needs no administrator). Windows names a type
; by its last extension only: a notegui export is a .json file and a question note a .txt
; one, so notegui adds itself to their Open With (OpenWithProgids) and never takes them
; over from the app that opens them now.
!define CLASSES "Software\Classes"
!define PROGID_EXPORT "notegui.LibraryExport"
!define PROGID_QUESTION "notegui.QuestionNote"
!define ENVIRONMENT "Environment"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
; %LOCALAPPDATA%\Programs is where per-user programs go. The library, settings and logs are
; in %LOCALAPPDATA%\notegui: another folder, which neither install nor uninstall touches.
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
SetCompressor /SOLID lzma
ManifestDPIAware true
BrandingText "${APP} ${VERSION}"

VIProductVersion "${FILE_VERSION}"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "The notegui developers, MIT licence"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP} will be removed. Your library, settings and \
logs in $LOCALAPPDATA\${APP} are kept."

!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; Waits while notegui runs from $INSTDIR: Windows lets no one write to a running program's
; .exe, so opening it for writing fails exactly while this install's notegui (or its CLI)
; runs. Retry checks again; Cancel (and a silent install, /S) gives up with nothing changed.
!macro REFUSE_WHILE_RUNNING
  ${ForEach} $R1 0 1 + 1
    ${If} $R1 == 0
      StrCpy $R2 "$INSTDIR\${APP}.exe"
    ${Else}
      StrCpy $R2 "$INSTDIR\${APP}-cli.exe"
    ${EndIf}
    ${Do}
      ${IfNot} ${FileExists} $R2
        ${Break}
      ${EndIf}
      ClearErrors
      FileOpen $R3 $R2 a
      ${IfNot} ${Errors}
        FileClose $R3
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP} is running (from $INSTDIR). \
Quit it (File > Quit, in every notegui window and command) and click Retry.$\n$\n\
Nothing has been changed yet." /SD IDCANCEL IDRETRY retry_${__MACRO__}
      SetErrorLevel 2
      Abort "${APP} is running from $INSTDIR: nothing was changed."
      retry_${__MACRO__}:
    ${Loop}
  ${Next}
!macroend

; $R0: ";" + the user's PATH + ";" (read from HKCU\Environment, as Windows keeps it).
!macro READ_USER_PATH
  ReadRegStr $R0 HKCU "${ENVIRONMENT}" "Path"
  StrCpy $R0 ";$R0;"
!macroend

; The user's PATH written back from $R0 (";"-wrapped, as READ_USER_PATH makes it), without
; the wrapping or doubled separators; removed when nothing is left; every program started
; afterwards sees it (WM_SETTINGCHANGE).
!macro WRITE_USER_PATH un
  ${${un}StrRep} $R0 $R0 ";;" ";"
  StrCpy $R0 $R0 "" 1
  StrCpy $R0 $R0 -1
  ${If} $R0 == ""
    DeleteRegValue HKCU "${ENVIRONMENT}" "Path"
  ${Else}
    WriteRegExpandStr HKCU "${ENVIRONMENT}" "Path" $R0
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:${ENVIRONMENT}" /TIMEOUT=5000
!macroend

Section "notegui" SecMain
  SectionIn RO
  !insertmacro REFUSE_WHILE_RUNNING
  ; An upgrade replaces the runtime whole, so no file of the old version lingers.
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\licences"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${APP}.exe" "" "$INSTDIR\${APP}.exe" 0 \
    SW_SHOWNORMAL "" "Read, search and annotate linked question notes"

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The notegui developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP}.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${APP}.exe" "" "$INSTDIR\${APP}.exe" 0 \
    SW_SHOWNORMAL "" "Read, search and annotate linked question notes"
SectionEnd

Section "notegui-cli on PATH" SecPath
  ; The user's PATH only (HKCU\Environment). A PATH longer than NSIS reads whole is left
  ; alone rather than written back cut short.
  !insertmacro READ_USER_PATH
  StrLen $R1 $R0
  StrLen $R2 $INSTDIR
  IntOp $R1 $R1 + $R2
  ${If} $R1 >= ${NSIS_MAX_STRLEN}
    DetailPrint "Your PATH is too long to change safely: add $INSTDIR to it yourself."
    MessageBox MB_OK|MB_ICONINFORMATION "Your PATH is too long for this installer to \
change safely. To run notegui-cli from a command prompt, add $INSTDIR to it yourself." \
      /SD IDOK
  ${Else}
    ${StrStr} $R1 $R0 ";$INSTDIR;"
    ${If} $R1 == ""
      StrCpy $R0 "$R0$INSTDIR;"
      !insertmacro WRITE_USER_PATH ""
    ${EndIf}
    WriteRegDWORD HKCU "Software\${APP}" "OnPath" 1
  ${EndIf}
SectionEnd

Section "Open notegui files with notegui" SecTypes
  ; notegui FILE asks whether to import the file, then shows the note.
  WriteRegStr HKCU "${CLASSES}\${PROGID_EXPORT}" "" "notegui library export"
  WriteRegStr HKCU "${CLASSES}\${PROGID_EXPORT}\DefaultIcon" "" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "${CLASSES}\${PROGID_EXPORT}\shell\open\command" "" \
    '"$INSTDIR\${APP}.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\${PROGID_QUESTION}" "" "notegui question note"
  WriteRegStr HKCU "${CLASSES}\${PROGID_QUESTION}\DefaultIcon" "" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "${CLASSES}\${PROGID_QUESTION}\shell\open\command" "" \
    '"$INSTDIR\${APP}.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\.json\OpenWithProgids" "${PROGID_EXPORT}" ""
  WriteRegStr HKCU "${CLASSES}\.txt\OpenWithProgids" "${PROGID_QUESTION}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${APP}.exe" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "${CLASSES}\Applications\${APP}.exe\shell\open\command" "" \
    '"$INSTDIR\${APP}.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\Applications\${APP}.exe\SupportedTypes" ".json" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${APP}.exe\SupportedTypes" ".txt" ""
  ; Explorer reads the associations again (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "notegui itself: notegui.exe, and \
notegui-cli.exe for the command line. Your library is never touched."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A notegui shortcut on the desktop."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecPath} "Put the program folder on your PATH, so \
that notegui-cli works in any command prompt opened afterwards."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecTypes} "Offer notegui in Open With for notegui \
JSON exports (.json) and question notes (.txt); the app that opens them now stays the \
default."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  !insertmacro REFUSE_WHILE_RUNNING
  ; Only what the installer put here, by name: never RMDir /r "$INSTDIR" (the user may have
  ; chosen a folder holding other files), and never $LOCALAPPDATA\notegui (the library).
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  ; PATH: this folder taken out of the user's PATH (every copy of it, nothing else).
  ReadRegDWORD $R1 HKCU "Software\${APP}" "OnPath"
  ${If} $R1 == 1
    !insertmacro READ_USER_PATH
    ${UnStrRep} $R0 $R0 ";$INSTDIR;" ";"
    !insertmacro WRITE_USER_PATH "Un"
  ${EndIf}
  ; File types: the ProgIDs and the Open With entries this installer added.
  DeleteRegKey HKCU "${CLASSES}\${PROGID_EXPORT}"
  DeleteRegKey HKCU "${CLASSES}\${PROGID_QUESTION}"
  DeleteRegValue HKCU "${CLASSES}\.json\OpenWithProgids" "${PROGID_EXPORT}"
  DeleteRegValue HKCU "${CLASSES}\.txt\OpenWithProgids" "${PROGID_QUESTION}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.json\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.json"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.txt\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.txt"
  DeleteRegKey HKCU "${CLASSES}\Applications\${APP}.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\licences"
  Delete "$INSTDIR\${APP}.exe"
  Delete "$INSTDIR\${APP}-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
