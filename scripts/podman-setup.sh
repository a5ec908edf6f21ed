#!/usr/bin/env bash
# Sets up rootful podman for exprflow's container profiles (podman, and docker through Debian's
# podman-docker) on a Debian host like the CI machine, and checks that a container runs.
#
# Installs podman, podman-docker, runc and debootstrap (apt) and writes
# /etc/containers/containers.conf.d/50-exprflow.conf with the settings this kind of host needs:
#   runtime = "runc"              crun fails to set up cgroups on a hybrid cgroup v1/v2 host
#   cgroup_manager = "cgroupfs"   no systemd as PID 1 in a CI container/VM
#   events_logger = "file"        no journald
#   default_ulimits nofile/nproc  root here cannot raise rlimits above the current hard limits,
#                                 and podman's defaults (1048576) would fail every container start
# Idempotent. Usage: scripts/podman-setup.sh [--no-install]
set -euo pipefail
if [[ $(id -u) == 0 ]]; then sudo=(); else sudo=(sudo); fi
if [[ ${1:-} != --no-install ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        podman podman-docker runc debootstrap uidmap >/dev/null
fi
"${sudo[@]}" mkdir -p /etc/containers/containers.conf.d
"${sudo[@]}" tee /etc/containers/containers.conf.d/50-exprflow.conf >/dev/null <<'CONF'
# Written by exprflow scripts/podman-setup.sh
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
# podman-docker prints a notice on every call unless this file exists.
"${sudo[@]}" mkdir -p /etc/containers && "${sudo[@]}" touch /etc/containers/nodocker
podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Host.CgroupsVersion}}' \
    | sed 's/^/podman-setup: runtime, cgroup manager, cgroups: /' >&2
