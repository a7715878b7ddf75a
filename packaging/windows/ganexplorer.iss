; Inno Setup script: ganexplorer-setup-X.Y.Z.exe from the PyInstaller folder.
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

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open .pkl, .pt and .safetensors checkpoints with ganexplorer"; GroupDescription: "File associations:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ganexplorer"; Filename: "{app}\ganexplorer.exe"
Name: "{group}\{cm:UninstallProgram,ganexplorer}"; Filename: "{uninstallexe}"
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
