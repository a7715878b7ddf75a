; Inno Setup script: ganexplorer-setup-X.Y.Z.exe from the PyInstaller folder.
; Saved as UTF-8 with a byte-order mark: Inno Setup then reads the Korean messages as Unicode.
; Built by `python packaging/build.py` on Windows, or by hand:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\ganexplorer /DOutputDir=dist packaging\windows\ganexplorer.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ganexplorer"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6B0E7C1A-2F4B-4C8E-9B2D-5A7E3F1C9D40}
AppName=ganexplorer
AppVersion={#AppVersion}
AppPublisher=ganexplorer developers
DefaultDirName={autopf}\ganexplorer
DefaultGroupName=ganexplorer
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=ganexplorer-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\ganexplorer.ico
UninstallDisplayIcon={app}\ganexplorer.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

; Every label the installer shows comes from Inno's own translated messages or from these, in both languages.
[CustomMessages]
english.AssociateTask=Open .pkl, .pt, .pth and .safetensors checkpoints with ganexplorer
korean.AssociateTask=.pkl, .pt, .pth, .safetensors 체크포인트를 ganexplorer로 열기
english.AssociationsGroup=File associations:
korean.AssociationsGroup=파일 연결:
english.CommandLineShortcut=ganexplorer command line (prints; for --self-test)
korean.CommandLineShortcut=ganexplorer 명령줄 (출력 표시, --self-test용)
english.NoticesShortcut=Licence and third-party notices
korean.NoticesShortcut=라이선스 및 타사 고지

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateTask}"; GroupDescription: "{cm:AssociationsGroup}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ganexplorer"; Filename: "{app}\ganexplorer.exe"
Name: "{group}\{cm:UninstallProgram,ganexplorer}"; Filename: "{uninstallexe}"
; The windowed ganexplorer.exe has no console: this shortcut opens a command prompt in the app folder, where
; ganexplorer-cli.exe (the same program, console build) prints the CLI's and --self-test's output.
Name: "{group}\{cm:CommandLineShortcut}"; Filename: "{cmd}"; Parameters: "/k ganexplorer-cli.exe --help"; WorkingDir: "{app}"
Name: "{group}\{cm:NoticesShortcut}"; Filename: "{app}\THIRD_PARTY_NOTICES.md"
Name: "{autodesktop}\ganexplorer"; Filename: "{app}\ganexplorer.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\ganexplorer.checkpoint"; ValueType: string; ValueName: ""; ValueData: "GAN checkpoint"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\ganexplorer.checkpoint\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ganexplorer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\ganexplorer.checkpoint\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ganexplorer.exe"" gui ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.pkl\OpenWithProgids"; ValueType: string; ValueName: "ganexplorer.checkpoint"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.pt\OpenWithProgids"; ValueType: string; ValueName: "ganexplorer.checkpoint"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.pth\OpenWithProgids"; ValueType: string; ValueName: "ganexplorer.checkpoint"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.safetensors\OpenWithProgids"; ValueType: string; ValueName: "ganexplorer.checkpoint"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate

[Run]
Filename: "{app}\ganexplorer.exe"; Description: "{cm:LaunchProgram,ganexplorer}"; Flags: nowait postinstall skipifsilent
