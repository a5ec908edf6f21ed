#!/usr/bin/env bash
# A real single-node SLURM cluster on this machine, for the pipeline's SLURM tests (SlurmIT,
# ContainerIT) and for trying -profile slurm by hand. Debian/Ubuntu, as root (or with sudo).
#
#   scripts/slurm-localhost.sh            install slurm-wlm and munge (apt), configure, start
#   scripts/slurm-localhost.sh --no-install
#   scripts/slurm-localhost.sh --stop     stop slurmd, slurmctld and munged
#
# What this host needs (found on the CI machine, a VM/container without systemd and cgroup control):
#   ProctrackType=proctrack/linuxproc and TaskPlugin=task/none   no cgroup plugins
#   no accounting (AccountingStorageType=none; --account is accepted and not checked)
#   SelectType=select/cons_tres, CR_Core_Memory, DefMemPerCPU   jobs share the node by cores and
#       memory; without DefMemPerCPU every job takes all the node's memory and tasks run one at a time
#   SchedulerParameters=batch_sched_delay=0,sched_min_interval=0   start jobs at once
#   NodeName = the real hostname (it must resolve), RealMemory a bit under the machine's
#   the munge key owned by munge, mode 0400
# The daemons are started directly (no systemd). Idempotent: a second call restarts them.
set -euo pipefail
if [[ $(id -u) == 0 ]]; then sudo=(); else sudo=(sudo); fi
log() { echo "slurm-localhost: $*" >&2; }

stop() {
    for d in slurmd slurmctld; do
        if pgrep -x "$d" >/dev/null; then "${sudo[@]}" kill "$(pgrep -x "$d" | head -1)" 2>/dev/null || true; fi
    done
    for _ in $(seq 20); do pgrep -x slurmd >/dev/null || pgrep -x slurmctld >/dev/null || break; sleep 0.5; done
}

case ${1:-} in
    --stop)
        stop
        [[ -f /run/munge/munged.pid ]] && "${sudo[@]}" kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
        exit 0 ;;
    --no-install) ;;
    '')
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            slurm-wlm munge >/dev/null ;;
    *) echo "usage: $0 [--no-install|--stop]" >&2; exit 2 ;;
esac

host=$(hostname -s)
getent hosts "$host" >/dev/null || { log "hostname $host does not resolve: add it to /etc/hosts"; exit 1; }
cpus=$(nproc)
mem_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
real_mb=$((mem_mb - 512 > 1024 ? mem_mb - 512 : mem_mb))
# Memory per CPU for jobs that ask for none (Nextflow always asks: process.memory).
def_mem=$((real_mb / cpus < 2048 ? real_mb / cpus : 2048))

# --- munge -----------------------------------------------------------------------------------
"${sudo[@]}" mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
if [[ ! -s /etc/munge/munge.key ]]; then
    "${sudo[@]}" dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
"${sudo[@]}" chown munge:munge /etc/munge /etc/munge/munge.key /run/munge /var/lib/munge /var/log/munge
"${sudo[@]}" chmod 0700 /etc/munge && "${sudo[@]}" chmod 0400 /etc/munge/munge.key
"${sudo[@]}" chmod 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    "${sudo[@]}" runuser -u munge -- /usr/sbin/munged --force
    for _ in $(seq 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done
fi
munge -n | unmunge >/dev/null || { log "munged does not answer"; exit 1; }

# --- slurm.conf ------------------------------------------------------------------------------
"${sudo[@]}" mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
"${sudo[@]}" tee /etc/slurm/slurm.conf >/dev/null <<CONF
# Written by exprflow scripts/slurm-localhost.sh: a single-node test cluster.
ClusterName=exprflow
SlurmctldHost=${host}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/spool/slurmd
StateSaveLocation=/var/spool/slurmctld
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SwitchType=switch/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=${def_mem}
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=30
KillWait=5
InactiveLimit=0
Waittime=0
NodeName=${host} CPUs=${cpus} RealMemory=${real_mb} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF

# --- daemons ---------------------------------------------------------------------------------
stop
"${sudo[@]}" slurmctld -i
"${sudo[@]}" slurmd
for _ in $(seq 60); do
    state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
    case $state in
        idle*|mixed*|allocated*) break ;;
        down*|drain*) "${sudo[@]}" scontrol update nodename="$host" state=resume 2>/dev/null || true ;;
    esac
    sleep 0.5
done
state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
[[ $state == idle* || $state == mixed* || $state == allocated* ]] \
    || { log "node $host is '$state', see /var/log/slurm/"; tail -5 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2; exit 1; }
out=$(srun -N1 -n1 --mem=64 hostname) || { log "srun failed"; exit 1; }
log "node ${host}: ${cpus} CPUs, RealMemory ${real_mb} MB, DefMemPerCPU ${def_mem} MB, state ${state}; srun ran on ${out}"
