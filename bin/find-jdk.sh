# Sourced by ./s3aas, ./run-tests and .ci/run: sets JAVA_HOME to a JDK >= 21 or exits with a clear message.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm, else `java` on PATH if >= 21.

s3aas_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

s3aas_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(s3aas_java_major "$JAVA_HOME/bin/java") || major=0
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(s3aas_java_major "$candidate/bin/java") || major=0
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(s3aas_java_major "$candidate/bin/java") || major=0
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      best="$candidate"
    fi
  fi
  if [ -z "$best" ]; then
    echo "s3aas: no JDK >= 21 found (checked JAVA_HOME, /usr/lib/jvm/*, PATH)." >&2
    echo "s3aas: install one (e.g. openjdk-21-jdk-headless or a Temurin 21+ package) or set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

s3aas_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
