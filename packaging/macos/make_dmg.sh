#!/bin/bash
# Pack ClusterQuote.app into a compressed, read-only disk image with the usual
# "drag to Applications" layout. Run on macOS (hdiutil); build.py calls it:
#
#   packaging/macos/make_dmg.sh dist/ClusterQuote.app dist/ClusterQuote-0.1.0-macos-arm64.dmg "ClusterQuote 0.1.0"
#
# Signing and notarisation, where IT has a Developer ID (otherwise users open the
# app the first time with right-click > Open):
#   codesign --deep --force --options runtime --sign "Developer ID Application: ..." dist/ClusterQuote.app
#   (then run this script)
#   xcrun notarytool submit dist/ClusterQuote-*.dmg --keychain-profile PROFILE --wait
#   xcrun stapler staple dist/ClusterQuote-*.dmg
set -euo pipefail

app=${1:?path to ClusterQuote.app}
dmg=${2:?output .dmg}
volname=${3:-ClusterQuote}

if ! command -v hdiutil >/dev/null; then
    echo "hdiutil not found: the .dmg can only be made on macOS" >&2
    exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symbolic links, extended attributes and signatures.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "$volname" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$dmg"
hdiutil verify "$dmg"
echo "wrote $dmg"
