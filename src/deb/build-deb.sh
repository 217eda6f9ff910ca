#!/usr/bin/env bash
# Builds target/privscreen_<version>_<arch>.deb, a package that needs no Java: a runtime of only
# the modules privscreen uses (jlink), the jar, the launcher as /usr/bin/privscreen, the man pages
# and the completions. The class-data archive is dumped at install time (postinst), when the jar
# has the path the archive records. Run by `mvn -Pdeb package`, after the jar, launcher and man
# pages are built.
#   src/deb/build-deb.sh TARGET_DIR VERSION
set -euo pipefail
target="$1"
version="${2//-/\~}" # Debian orders 0.1.0~SNAPSHOT before 0.1.0
root="$(cd "$(dirname "$0")/../.." && pwd)"
arch="$(dpkg --print-architecture)"
stage="$target/deb"
rm -rf "$stage"
lib="$stage/usr/lib/privscreen"
mkdir -p "$lib" "$stage/usr/bin" "$stage/usr/share/man/man1" "$stage/DEBIAN" \
  "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
  "$stage/usr/share/fish/vendor_completions.d" "$stage/usr/share/doc/privscreen"

# The runtime is the newest JDK here, 24 or later when there is one (PRIVSCREEN_DEB_JDK names
# another): the jar is release 17, and a JDK 24+ runtime starts it from an AOT cache (JEP 483),
# made at install. Else the JDK on the PATH, with a class-data archive.
jdk="${PRIVSCREEN_DEB_JDK:-}"
if [ -z "$jdk" ]; then
  for d in /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/java-*-openjdk*; do
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null)" || continue
    if [[ $v =~ ^[0-9]+$ ]] && [ "$v" -ge 24 ] && [ -x "$d/bin/jlink" ]; then
      jdk="$d"
    fi
  done
fi
jlink="${jdk:+$jdk/bin/}jlink"
# the modules jdeps finds, plus what it cannot see: JUL (silenced in fetch), TLS's EC ciphers, and
# sun.misc.Signal (the watch's resize)
"$jlink" --add-modules java.base,java.desktop,java.net.http,java.sql,java.logging,jdk.crypto.ec,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --output "$lib/runtime"
cp "$target/privscreen.jar" "$target/privscreen.classlist" "$lib/"
# bash straight from /bin (Debian's bash is Essential), not through env: one program fewer at
# every start, 2 ms (issue 22)
sed '1s|^#!/usr/bin/env bash$|#!/bin/bash|' "$target/privscreen" >"$stage/usr/bin/privscreen"
chmod 755 "$stage/usr/bin/privscreen"
for page in "$target"/man/man1/*.1; do
  gzip -9n -c "$page" >"$stage/usr/share/man/man1/$(basename "$page").gz"
done
cp "$root/completions/privscreen.bash" "$stage/usr/share/bash-completion/completions/privscreen"
cp "$root/completions/_privscreen" "$stage/usr/share/zsh/vendor-completions/_privscreen"
cp "$root/completions/privscreen.fish" "$stage/usr/share/fish/vendor_completions.d/privscreen.fish"
cp "$root/LICENSE" "$stage/usr/share/doc/privscreen/copyright"

size_kb=$(du -sk "$stage/usr" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: privscreen
Version: $version
Architecture: $arch
Maintainer: privscreen <privscreen@example.invalid>
Installed-Size: $size_kb
Section: utils
Priority: optional
Homepage: https://example.invalid/privscreen
Description: screener for the privacy sector of the crypto market
 Loads a snapshot of token data (prices, volumes, futures open interest, exchange
 listings), applies screening rules, ranks what passes and prints a table, JSON,
 NDJSON or CSV; replays rules over history and charts what it screens. Built for
 terminals, cron jobs and jq. Bundles its own Java runtime.
CONTROL
cat >"$stage/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
# The start-up cache, now that the jar has its final path: made once. On a JDK 24+ runtime an AOT
# cache trained on the example in the jar, with the launcher's flags; else a class-data archive.
set -e
lib=/usr/lib/privscreen
java="$lib/runtime/bin/java"
vm="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true" # as the launcher
if grep -q '^JAVA_VERSION="\(2[4-9]\|[3-9][0-9]\)' "$lib/runtime/release" 2>/dev/null; then
  # shellcheck disable=SC2086
  ("$java" $vm -XX:AOTMode=record -XX:AOTConfiguration="$lib/privscreen.aotconf" \
    -cp "$lib/privscreen.jar" dev.privscreen.Train \
    && "$java" $vm -XX:AOTMode=create -XX:AOTConfiguration="$lib/privscreen.aotconf" \
      -XX:AOTCache="$lib/privscreen.aot" -cp "$lib/privscreen.jar") </dev/null >/dev/null 2>&1 || true
  rm -f "$lib/privscreen.aotconf"
else
  "$java" -Xshare:dump -XX:SharedClassListFile="$lib/privscreen.classlist" \
    -XX:SharedArchiveFile="$lib/privscreen.jsa" -cp "$lib/privscreen.jar" >/dev/null 2>&1 || true
fi
exit 0
POSTINST
cat >"$stage/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
rm -f /usr/lib/privscreen/privscreen.jsa /usr/lib/privscreen/privscreen.aot
exit 0
PRERM
chmod 755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm"
deb="$target/privscreen_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
