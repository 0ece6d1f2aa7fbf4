; Inno Setup script for the Windows installer of Pipedeck.
;
; Input: the PyInstaller folder dist\pipedeck\ (pipedeck.exe windowed, pipedeck-cli.exe for
; the command line) and build\icons\pipedeck.ico (python packaging\make_icons.py --out
; build\icons). Run from the repository root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\pipedeck.iss
;
; Output: dist\Pipedeck-<version>-windows-x64-setup.exe. Installs per user by default (no
; administrator rights needed), or for all users if chosen; English and Simplified Chinese.
;
; Tesseract OCR: Pipedeck looks for tesseract\tesseract.exe (with tesseract\tessdata\) beside
; pipedeck.exe first, then on PATH, then in the standard Tesseract-OCR install folders. To ship
; it, copy a Tesseract build into dist\pipedeck\tesseract\ before running iscc: everything
; under dist\pipedeck is installed. Without it, scanned documents need a separately installed
; Tesseract (PDFs with a text layer work either way).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Pipedeck"
#define Root "..\.."

[Setup]
AppId={{5BE0B52D-4F66-41C8-9FE3-132808C4FE76}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pipedeck contributors
AppPublisherURL=https://github.com/pipedeck/pipedeck
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=Pipedeck-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\pipedeck.ico
UninstallDisplayIcon={app}\pipedeck.exe
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=4
WizardStyle=modern
ShowLanguageDialog=auto
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese (Simplified) moved between the official and unofficial folders across Inno Setup
; releases: use whichever this compiler has.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif

[CustomMessages]
english.LaunchApp=Start Pipedeck
english.CommandLine=Command-line version (pipedeck-cli)
chinesesimplified.LaunchApp=启动 Pipedeck
chinesesimplified.CommandLine=命令行版本 (pipedeck-cli)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\pipedeck\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\pipedeck.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\pipedeck.exe"; Tasks: desktopicon

[Run]
; the app follows the system language; the installer's choice is passed on when it differs
Filename: "{app}\pipedeck.exe"; Parameters: "{code:LanguageArgument}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; compiled Python caches written next to the program; the user's data and history stay
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function LanguageArgument(Param: String): String;
begin
  if ActiveLanguage = 'chinesesimplified' then
    Result := '--lang zh_CN'
  else
    Result := '';
end;
