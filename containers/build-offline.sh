#!/usr/bin/env bash
# Builds the exprflow image (exprflow:<manifest.version>) without any container registry:
#
#   1. base image localhost/exprflow-base:bookworm-jre17: a Debian bookworm rootfs made by
#      debootstrap --variant=minbase with openjdk-17-jre-headless and procps (Nextflow needs bash
#      and ps in the task container), imported with `podman import`. Needs only a Debian mirror
#      (the apt one), root, and debootstrap. Made once: skipped when the image exists; the rootfs
#      tarball is also kept under $EXPRFLOW_ROOTFS_CACHE and re-imported from there when present.
#   2. the image: containers/Dockerfile built FROM that base with `podman build`, which layers the
#      steps jar (/opt/exprflow/exprflow.jar) and bin/exprflow (/usr/local/bin) on top.
#
# Usage: containers/build-offline.sh [--jar JAR] [--tag NAME:TAG] [--base IMAGE] [--base-only]
#                                    [--save ARCHIVE.tar]
#   --jar       the steps jar to put in the image (default $EXPRFLOW_JAR or java-steps/target/exprflow.jar)
#   --base      build FROM this image instead of the debootstrap base (e.g. eclipse-temurin:17-jre;
#               that pulls from a registry)
#   --base-only make (or check) the debootstrap base and stop (CI does this before the tests)
#   --save      also `podman save` the image to a docker-archive, for
#               `apptainer build exprflow.sif docker-archive:ARCHIVE.tar` on a cluster
# Environment: DEBIAN_MIRROR (default: the first deb.debian.org-style URI of apt's sources, else
#   http://deb.debian.org/debian), EXPRFLOW_ROOTFS_CACHE (default /var/cache/exprflow).
# Podman must be set up first (scripts/podman-setup.sh on a machine like the CI one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

version=$(sed -n "s/^[[:space:]]*version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$here/nextflow.config" | head -1)
[[ -n $version ]] || { echo "build-offline: cannot read manifest.version from nextflow.config" >&2; exit 1; }
tag=exprflow:$version
jar=${EXPRFLOW_JAR:-$here/java-steps/target/exprflow.jar}
base=
base_only=false
save=
base_image=localhost/exprflow-base:bookworm-jre17
while (($#)); do
    case $1 in
        --jar) jar=$2; shift 2 ;;
        --tag) tag=$2; shift 2 ;;
        --base) base=$2; shift 2 ;;
        --base-only) base_only=true; shift ;;
        --save) save=$2; shift 2 ;;
        *) echo "build-offline: unknown option $1" >&2; exit 2 ;;
    esac
done

log() { echo "build-offline: $*" >&2; }
start=$(date +%s)

if [[ -z $base ]]; then
    base=$base_image
    if podman image exists "$base_image"; then
        log "base $base_image exists"
    else
        cache=${EXPRFLOW_ROOTFS_CACHE:-/var/cache/exprflow}
        tarball=$cache/rootfs-bookworm-jre17.tar
        if [[ ! -s $tarball ]]; then
            command -v debootstrap >/dev/null || { log "debootstrap not found (apt-get install debootstrap)"; exit 1; }
            mirror=${DEBIAN_MIRROR:-}
            if [[ -z $mirror ]]; then
                mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
                    | grep -v security | head -1 | awk '{print $2}') || true
                mirror=${mirror:-http://deb.debian.org/debian}
            fi
            mkdir -p "$cache"
            rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
            log "debootstrap bookworm (minbase + openjdk-17-jre-headless, procps) from $mirror into $rootfs"
            debootstrap --variant=minbase --include=openjdk-17-jre-headless,procps \
                bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
                || { log "debootstrap failed, see $cache/debootstrap.log"; tail -20 "$cache/debootstrap.log" >&2; exit 1; }
            # Smaller image: no package lists, caches or docs.
            rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
                "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
            tar --numeric-owner -C "$rootfs" -cf "$tarball.partial" .
            mv -f "$tarball.partial" "$tarball"
            rm -rf "$rootfs"
            log "rootfs tarball $tarball ($(du -h "$tarball" | cut -f1))"
        fi
        podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["/bin/bash"]' "$tarball" "$base_image" >/dev/null
        log "imported $base_image"
    fi
fi
if $base_only; then
    log "base ready in $(($(date +%s) - start)) s"
    exit 0
fi

[[ -f $jar ]] || { log "jar $jar not found (mvn -f java-steps/pom.xml package -DskipTests)"; exit 1; }
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/java-steps/target" "$ctx/bin" "$ctx/scripts"
cp "$jar" "$ctx/java-steps/target/exprflow.jar"
cp "$here/bin/exprflow" "$ctx/bin/exprflow"
cp "$here/scripts/build-cds-archive.sh" "$ctx/scripts/build-cds-archive.sh"
# The debootstrap base has everything the Dockerfile's RUN checks for: no network needed then.
net=(); [[ $base == "$base_image" ]] && net=(--network none)
podman build -q "${net[@]}" --build-arg BASE="$base" --build-arg VERSION="$version" \
    -f "$here/containers/Dockerfile" -t "$tag" "$ctx" >/dev/null
log "built $tag from $base with $(sha256sum "$jar" | cut -c1-16)... in $(($(date +%s) - start)) s"
if [[ -n $save ]]; then
    podman save --format docker-archive -o "$save" "$tag"
    log "saved $tag to $save ($(du -h "$save" | cut -f1))"
fi
