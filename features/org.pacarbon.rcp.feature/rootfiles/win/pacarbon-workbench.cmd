@echo off
rem Starts PA-Carbon Workbench from this folder (there is no native launcher: Eclipse's executable feature is
rem not on Maven Central). Needs Java 17+ in JAVA_HOME or on the PATH.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
set "JMAJOR="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "JVER=%%~v"
if defined JVER for /f "delims=." %%m in ("%JVER%") do set "JMAJOR=%%m"
if not defined JMAJOR goto nojava
if %JMAJOR% LSS 17 goto nojava
set "LAUNCHER="
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%f"
if not defined PACARBON_VMARGS set "PACARBON_VMARGS=-Xmx4g"
if not defined PACARBON_WORKSPACE set "PACARBON_WORKSPACE=%USERPROFILE%\.pacarbon\workspace"
"%JAVA%" %PACARBON_VMARGS% -Dosgi.requiredJavaVersion=17 -Dslf4j.internal.verbosity=ERROR -jar "%LAUNCHER%" -data "%PACARBON_WORKSPACE%" %*
exit /b %ERRORLEVEL%
:nojava
echo PA-Carbon Workbench needs Java 17 or newer (found: %JVER%). Install a JDK 17+ and set JAVA_HOME or put java on the PATH. 1>&2
pause
exit /b 1
