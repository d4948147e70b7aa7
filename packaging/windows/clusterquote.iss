; Inno Setup 6 script for the ClusterQuote installer.
;
; Built by packaging/build.py on Windows, which passes the version and paths:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\clusterquote /DOutputDir=dist
;        /DIconFile=resources\icons\clusterquote.ico packaging\windows\clusterquote.iss
; Output: dist\ClusterQuote-<version>-setup.exe
;
; Installs per machine (Program Files) when run as an administrator, or per user
; (no administrator rights needed) otherwise; adds a Start-menu entry, an optional
; desktop icon, and the .cqplan file type for saved plans; the uninstaller removes
; all of it (plans and settings the user made are left alone).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\clusterquote"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\clusterquote.ico"
#endif

#define AppName "ClusterQuote"
#define AppExe "clusterquote.exe"
#define PlanExt ".cqplan"
#define PlanProgId "ClusterQuote.Plan"

[Setup]
; A fixed AppId keeps upgrades in place: never change it.
AppId={{7B0F5C36-2E4B-4C59-9B0E-6E2E4D8A1C51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Chinese (Simplified) as an unofficial translation; add it when
; the build machine has it:
;   Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open ClusterQuote plans ({#PlanExt}) with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole: no libraries left over from the old version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; File association for saved plans, under HKLM or HKCU (HKA follows the install mode).
Root: HKA; Subkey: "Software\Classes\{#PlanExt}"; ValueType: string; ValueName: ""; ValueData: "{#PlanProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-clusterquote-plan"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanExt}\OpenWithProgids"; ValueType: string; ValueName: "{#PlanProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}"; ValueType: string; ValueName: ""; ValueData: "ClusterQuote Plan"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#PlanExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the app may have written beside itself (caches); user data lives elsewhere
; (the user data folder) and is kept.
Type: filesandordirs; Name: "{app}"
