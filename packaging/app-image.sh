#!/usr/bin/env bash
# Kantor as a desktop app a musician runs without Java or Maven: a jpackage app image with a Java runtime trimmed to
# the modules Kantor uses. Built on Linux here; the same command makes the macOS and Windows images on those systems.
#   packaging/app-image.sh            -> target/app-image/Kantor (run Kantor/bin/Kantor studio, or any kantor command)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/app-image"
work="$root/target/app-image-work"
jar="$root/cli/target/kantor.jar"

"$root/kantor" --version >/dev/null   # builds the jar when it is missing or older than the sources
rm -rf "$out" "$work"
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/"

# The modules Kantor's classes use (jdeps over the jar), and those reached only by name at run time:
# jdk.charsets (scores in other encodings), jdk.zipfs (.mxl), jdk.jsobject (the engraver's page calls Java).
modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar"),jdk.charsets,jdk.zipfs,jdk.jsobject"
jlink --add-modules "$modules" --generate-cds-archive --strip-debug --no-header-files --no-man-pages --output "$work/runtime"

version="$(grep -m1 -o '<version>[^<]*' "$root/pom.xml" | sed 's/<version>//; s/-SNAPSHOT//')"
jpackage --type app-image --name Kantor --app-version "$version" --dest "$out" \
  --input "$work/input" --main-jar kantor.jar --main-class org.kantor.cli.Kantor \
  --runtime-image "$work/runtime" \
  --java-options "-Xmx4g" \
  --java-options "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED" \
  --description "Kantor: AI tools for sheet music"

# JavaFX's native libraries beside the jar, where JavaFX loads them as they are (no copy checked at every start)
app="$out/Kantor"
(cd "$app/lib/app" && jar xf kantor.jar $(jar tf kantor.jar | grep -E '^lib(jfxwebkit|glass|glassgtk3|prism_[a-z0-9]+|javafx_[a-z_]+|decora_sse)\.so$'))

# Class-data sharing, recorded once from the studio opening a score (the app's front door; JavaFX is most of what it
# loads): later starts map those classes instead of loading and verifying them again
scratch="$(mktemp -d)"
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/lib/app/kantor.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$app/bin/Kantor" studio "$root/examples/chorale.musicxml" --screenshot "$scratch/studio.png" >/dev/null 2>&1 || true
rm -rf "$scratch"
if [ -f "$app/lib/app/kantor.jsa" ]; then
  printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/kantor.jsa' 'java-options=-Xshare:auto' 'java-options=-Xlog:cds=off' \
    'java-options=-Xlog:cds+dynamic=off' >> "$app/lib/app/Kantor.cfg"
fi
rm -rf "$work"
echo "Kantor app image: $app ($(du -sh "$app" | cut -f1)); run: $app/bin/Kantor studio"
