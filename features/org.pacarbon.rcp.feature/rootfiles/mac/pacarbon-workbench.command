#!/bin/sh
# Starts PA-Carbon Workbench on macOS from this folder (double-click in Finder, or run it in Terminal).
# There is no native launcher (Eclipse's executable feature is not on Maven Central): this runs the Equinox launcher
# with the Java 17+ found in JAVA_HOME, by /usr/libexec/java_home, or on the PATH. SWT needs -XstartOnFirstThread.
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "$JAVA_HOME" ] && [ -x /usr/libexec/java_home ]; then JAVA_HOME="$(/usr/libexec/java_home -v 17+ 2>/dev/null)"; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
major="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
  echo "PA-Carbon Workbench needs Java 17 or newer (found: ${major:-no java}). Install a JDK 17+ (e.g. Temurin) or set JAVA_HOME." >&2
  exit 1
fi
launcher="$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)"
exec "$java" -XstartOnFirstThread ${PACARBON_VMARGS:--Xmx4g} -Dosgi.requiredJavaVersion=17 -Dslf4j.internal.verbosity=ERROR \
  -jar "$launcher" -data "${PACARBON_WORKSPACE:-$HOME/.pacarbon/workspace}" "$@"
