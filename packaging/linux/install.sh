#!/bin/sh
# Install ClusterQuote from this unpacked folder for the current user
# (or system-wide with --system, as root), with a menu entry, the icon and
# the file type for saved plans (*.cqplan).
#
#   ./install.sh              install into ~/.local
#   sudo ./install.sh --system install into /usr/local (app in /opt)
#   ./install.sh --uninstall  remove what ./install.sh put in place (add --system likewise)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/VERSION")
mode=user
action=install
for arg in "$@"; do
    case "$arg" in
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

if [ "$mode" = system ]; then
    prefix=/usr/local
    appdir=/opt/clusterquote
else
    prefix=$HOME/.local
    appdir=$prefix/opt/clusterquote
fi
share=$prefix/share
bindir=$prefix/bin

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$appdir"
    rm -f "$bindir/clusterquote" "$share/applications/clusterquote.desktop" \
        "$share/mime/packages/clusterquote.xml"
    for size in 16 32 48 64 128 256 512; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/clusterquote.png"
    done
    refresh
    echo "ClusterQuote removed from $appdir"
    exit 0
fi

rm -rf "$appdir"
mkdir -p "$appdir" "$bindir" "$share/applications" "$share/mime/packages"
cp -a "$here/clusterquote" "$here/_internal" "$here/VERSION" "$appdir/"
ln -sf "$appdir/clusterquote" "$bindir/clusterquote"
for size in 16 32 48 64 128 256 512; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$here/icons/clusterquote-$size.png" "$share/icons/hicolor/${size}x${size}/apps/clusterquote.png"
done
sed -e "s|^Exec=.*|Exec=$appdir/clusterquote %f|" -e "s|^TryExec=.*|TryExec=$appdir/clusterquote|" \
    "$here/clusterquote.desktop" > "$share/applications/clusterquote.desktop"
cp "$here/clusterquote-mime.xml" "$share/mime/packages/clusterquote.xml"
refresh
echo "ClusterQuote $version installed in $appdir (command: $bindir/clusterquote)"
