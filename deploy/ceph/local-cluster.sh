#!/usr/bin/env bash
# A real Ceph cluster from Debian's packages (16.2 "Pacific") under one directory, for development and tests:
# 1 mon, 1 mgr (with the prometheus module), 3 memstore OSDs, replicated pools of size 3 / min_size 2, and
# 2 radosgw gateways on free loopback ports, plus an RGW admin user for the s3aas control plane.
#
#   deploy/ceph/local-cluster.sh up   [DIR]   start (or restart) the cluster; prints what POST /clusters needs
#   deploy/ceph/local-cluster.sh down [DIR]   stop every daemon and delete DIR
#   deploy/ceph/local-cluster.sh stop [DIR]   stop every daemon, keep DIR (memstore OSDs lose their data)
#   deploy/ceph/local-cluster.sh env  [DIR]   print the cluster's settings as shell variables
#   deploy/ceph/local-cluster.sh kill-gateway N [DIR] / start-gateway N [DIR]   (N = 1 or 2)
#   deploy/ceph/local-cluster.sh kill-osd N [DIR] / start-osd N [DIR]           (N = 0, 1 or 2)
#
# DIR defaults to $S3AAS_CEPH_DIR or ./ceph-local. Everything binds to 127.0.0.1; cephx is off (loopback only:
# never use this configuration on a network). Needs: ceph-mon ceph-mgr ceph-osd radosgw ceph-common.
# Memory: about 300 MiB RSS in all; each memstore OSD holds at most OSD_BYTES (default 1 GiB) in RAM.
set -euo pipefail

cmd="${1:-}"
case "$cmd" in
  kill-gateway|start-gateway|kill-osd|start-osd) which_one="${2:?which one}"; dir_arg="${3:-}" ;;
  *) which_one=""; dir_arg="${2:-}" ;;
esac
dir="$(readlink -m "${dir_arg:-${S3AAS_CEPH_DIR:-./ceph-local}}")"
conf="$dir/ceph.conf"
osd_bytes="${OSD_BYTES:-1073741824}"
admin_uid="s3aas-admin"
# The admin user's capabilities: everything the control plane does through the admin ops API and IAM.
admin_caps="users=*;buckets=*;metadata=*;usage=*;user-policy=*"

die() { echo "local-cluster: $*" >&2; exit 1; }

# Free loopback ports: a range of $1 consecutive ones for the daemons' messengers (each OSD binds several), then
# $2 single ones outside that range (mon, Prometheus, the gateways), so no daemon can take another's port.
# Prints "LOW HIGH P1 P2 ...".
free_ports() {
  python3 - "$1" "$2" <<'EOF2'
import random, socket, sys
n, singles = int(sys.argv[1]), int(sys.argv[2])
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
for _ in range(200):
    base = random.randrange(20000, 60000 - n)
    if all(free(p) for p in range(base, base + n)):
        break
else:
    sys.exit("no free port range")
picked = []
while len(picked) < singles:
    p = random.randrange(20000, 60000)
    if not (base <= p < base + n) and p not in picked and free(p):
        picked.append(p)
print(base, base + n - 1, *picked)
EOF2
}

ceph_cli() { ceph -c "$conf" --connect-timeout 10 "$@"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pidfile() {
  local f="$1" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

write_conf() {
  local mon_port="$1" range_lo="$2" range_hi="$3"
  cat >"$conf" <<EOF
[global]
fsid = $(cat "$dir/fsid")
mon host = v2:127.0.0.1:$mon_port
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
ms bind port min = $range_lo
ms bind port max = $range_hi
ms mon client mode = crc secure
osd pool default size = 3
osd pool default min size = 2
osd pool default pg autoscale mode = off
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool delete = true
mon allow pool size one = false
mon warn on pool no redundancy = false
mon data avail warn = 2
mon data avail crit = 1
mon pg warn min per osd = 0
mon max pg per osd = 1000
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
keyring = $dir/keyring
osd objectstore = memstore
memstore device bytes = $osd_bytes
osd data = $dir/osd.\$id
osd max object name len = 460
osd max object namespace len = 64
mgr data = $dir/mgr.\$id
mon data = $dir/mon.\$id
mgr initial modules = prometheus
[client]
rgw dns name = localhost
rgw enable apis = s3, s3website, admin, sts, iam
rgw enable usage log = true
# Quotas are checked against the bucket index at once, not against stats cached for minutes.
rgw bucket quota ttl = 0
rgw user quota bucket sync interval = 0
rgw user quota sync interval = 0
rgw thread pool size = 64
# Overwritten and deleted objects' data is collected after a minute instead of two hours: memstore OSDs are small.
rgw gc obj min wait = 60
rgw gc processor period = 60
EOF
}

start_mon() {
  pid_alive "$dir/run/mon.a.pid" && return 0
  ceph-mon -c "$conf" -i a
}

start_mgr() {
  pid_alive "$dir/run/mgr.x.pid" && return 0
  mkdir -p "$dir/mgr.x"
  ceph-mgr -c "$conf" -i x
}

start_osd() {
  local id="$1"
  pid_alive "$dir/run/osd.$id.pid" && return 0
  # memstore keeps nothing across a restart: a restarted OSD is made again and backfilled by its peers.
  rm -rf "$dir/osd.$id"; mkdir -p "$dir/osd.$id"
  local uuid; uuid="$(cat "$dir/osd.$id.uuid")"
  ceph-osd -c "$conf" -i "$id" --mkfs --osd-uuid "$uuid" >>"$dir/log/osd-mkfs.log" 2>&1
  ceph-osd -c "$conf" -i "$id" 2>>"$dir/log/daemons.err"
}

start_gateway() {
  local n="$1" port
  pid_alive "$dir/run/client.rgw.$n.pid" && return 0
  port="$(cat "$dir/gateway$n.port")"
  radosgw -c "$conf" -n "client.rgw.$n" --rgw-frontends "beast endpoint=127.0.0.1:$port" \
    --pid-file "$dir/run/client.rgw.$n.pid" --log-file "$dir/log/rgw.$n.log"
}

wait_for() {
  local what="$1" tries="$2"; shift 2
  for _ in $(seq 1 "$tries"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "timed out waiting for $what (logs in $dir/log)"
}

gateway_up() { curl -s -o /dev/null "http://127.0.0.1:$(cat "$dir/gateway$1.port")/"; }

osds_up() { [ "$(ceph_cli osd stat -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)["num_up_osds"])')" = 3 ]; }

create_cluster() {
  mkdir -p "$dir"/{run,log}
  cat /proc/sys/kernel/random/uuid >"$dir/fsid"
  local lo hi mon_port prom gw1 gw2
  read -r lo hi mon_port prom gw1 gw2 <<<"$(free_ports 200 4)"
  echo "$prom" >"$dir/prometheus-port"
  echo "$gw1" >"$dir/gateway1.port"
  echo "$gw2" >"$dir/gateway2.port"
  write_conf "$mon_port" "$lo" "$hi"
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$(cat "$dir/fsid")" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring"
  start_mon
  wait_for "the monitor" 60 ceph_cli mon stat
  # Settings that live in the monitors' configuration database rather than in ceph.conf.
  ceph_cli config set mon mon_warn_on_insecure_global_id_reclaim_allowed false
  ceph_cli config set mgr mgr/prometheus/server_addr 127.0.0.1 --force
  ceph_cli config set mgr mgr/prometheus/server_port "$(cat "$dir/prometheus-port")" --force
  start_mgr
  for id in 0 1 2; do
    cat /proc/sys/kernel/random/uuid >"$dir/osd.$id.uuid"
    ceph_cli osd new "$(cat "$dir/osd.$id.uuid")" "$id" >/dev/null
    start_osd "$id"
  done
  wait_for "3 OSDs up" 120 osds_up
  for n in 1 2; do start_gateway "$n"; done
  wait_for "gateway 1" 120 gateway_up 1
  wait_for "gateway 2" 120 gateway_up 2
  radosgw-admin -c "$conf" user create --uid="$admin_uid" --display-name="s3aas control plane" \
    --caps="$admin_caps" >"$dir/admin-user.json"
  chmod 600 "$dir/admin-user.json"
}

admin_key() {
  python3 -c 'import json,sys; k=json.load(open(sys.argv[1]))["keys"][0]; print(k[sys.argv[2]])' \
    "$dir/admin-user.json" "$1"
}

print_env() {
  [ -f "$dir/admin-user.json" ] || die "no cluster in $dir (run: $0 up)"
  echo "CEPH_CONF=$conf"
  echo "CEPH_GATEWAY_1=http://127.0.0.1:$(cat "$dir/gateway1.port")"
  echo "CEPH_GATEWAY_2=http://127.0.0.1:$(cat "$dir/gateway2.port")"
  echo "CEPH_PROMETHEUS=http://127.0.0.1:$(cat "$dir/prometheus-port")/metrics"
  echo "CEPH_ADMIN_ACCESS_KEY=$(admin_key access_key)"
  echo "CEPH_ADMIN_SECRET_KEY=$(admin_key secret_key)"
}

case "$cmd" in
  up)
    for b in ceph-mon ceph-mgr ceph-osd radosgw radosgw-admin ceph monmaptool ceph-authtool curl python3; do
      command -v "$b" >/dev/null || die "$b not found (apt-get install ceph-mon ceph-mgr ceph-osd radosgw ceph-common)"
    done
    if [ -f "$dir/admin-user.json" ]; then
      # Restart what is not running. The mon keeps the cluster map on disk; memstore OSDs come back empty and
      # are refilled from their peers, so at most one may have been down (min_size 2).
      start_mon; wait_for "the monitor" 60 ceph_cli mon stat
      start_mgr
      for id in 0 1 2; do start_osd "$id"; done
      wait_for "3 OSDs up" 120 osds_up
      for n in 1 2; do start_gateway "$n"; done
      wait_for "gateway 1" 120 gateway_up 1; wait_for "gateway 2" 120 gateway_up 2
    else
      create_cluster
    fi
    echo "# Ceph cluster in $dir. Register it with the control plane:"
    eval "$(print_env)"
    cat <<EOF
# curl -X POST http://127.0.0.1:8080/v1/types/s3/clusters -H "Authorization: Bearer \$TOKEN" \\
#   -H 'Content-Type: application/json' -d @- <<'JSON'
{"name": "ceph-local", "engine": "ceph", "gateways": ["$CEPH_GATEWAY_1", "$CEPH_GATEWAY_2"],
 "admin_access_key": "$CEPH_ADMIN_ACCESS_KEY", "admin_secret_key": "$CEPH_ADMIN_SECRET_KEY",
 "prometheus_url": "$CEPH_PROMETHEUS"}
EOF
    ;;
  env) print_env ;;
  stop|down)
    for f in "$dir"/run/client.rgw.*.pid "$dir"/run/osd.*.pid "$dir"/run/mgr.*.pid "$dir"/run/mon.*.pid; do
      [ -e "$f" ] && stop_pidfile "$f"
    done
    if [ "$cmd" = down ]; then
      case "$dir" in /|"$HOME"|/usr*|/etc*) die "refusing to delete $dir" ;; esac
      [ ! -e "$dir" ] || [ -f "$dir/fsid" ] || die "$dir does not look like a local cluster; not deleting it"
      rm -rf "$dir"
    fi
    ;;
  kill-gateway) stop_pidfile "$dir/run/client.rgw.$which_one.pid" ;;
  start-gateway) start_gateway "$which_one"; wait_for "gateway $which_one" 120 gateway_up "$which_one" ;;
  kill-osd) stop_pidfile "$dir/run/osd.$which_one.pid" ;;
  start-osd) start_osd "$which_one" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
