#!/bin/sh
# Starts the service with $JAVA_OPTS plus the JVM profile of ACADEMY_NODE_SIZE (docs/operations.md,
# "JVM and small nodes"):
#   auto   (default) small when the node has at most 2 CPUs, else large;
#   small  C1 only (-XX:TieredStopAtLevel=1) and the serial collector (-XX:+UseSerialGC);
#   large  the JVM's defaults (tiered C1 + C2, G1).
# Why: on a 2-core node the C2 compiler took about a third of the machine in the exam-day start
# burst, when the code of 开始 first became hot, and G1's concurrent work and barriers cost more
# than they save on a heap this size. The small profile took start p99 at 3,000 candidates from
# 2.6 s to 1.4 s and idle RSS from 365 MB to 252 MB, at the price of 15-40 % of sustained
# throughput (docs/performance.md, issue 11 "Sixth round", issue 16 "Fourth round").
set -e
opts=""
size="${ACADEMY_NODE_SIZE:-auto}"
if [ "$size" = auto ]; then
  if [ "$(nproc)" -le 2 ]; then size=small; else size=large; fi
fi
case "$size" in
  small) opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
  large) opts="" ;;
  *) echo "ACADEMY_NODE_SIZE must be auto, small or large, not '${ACADEMY_NODE_SIZE}'" >&2; exit 64 ;;
esac
# A small node starts with a 128 MB heap (the serial collector grows it under load, up to
# MaxRAMPercentage) instead of 1/64 of the host's memory: the young generation the start-up sweeps
# through is then ~40 MB, not ~130 MB, and stays resident. Idle RSS 341 -> 268 MB on 2 CPUs and a
# 24 GB host, restart time unchanged (docs/performance.md, issue 16 "Seventh round"). An initial
# heap in JAVA_OPTS wins.
if [ "$size" = small ]; then
  case " $JAVA_OPTS " in
    *" -Xms"*|*InitialRAMPercentage*|*InitialHeapSize*) ;;
    *) opts="$opts -Xms128m" ;;
  esac
fi
# Class data sharing (issue 16): the first start of a container records the classes the service
# loads in an archive the JVM writes when it stops (docker stop: SIGTERM, a graceful shutdown);
# the next starts of the same container map it instead of loading, verifying and parsing those
# classes again: restart 4.1 -> 3.2 s on 2 CPUs (docs/performance.md, issue 16 "Fifth round").
# The archive lives in the container (default /tmp), so a new image, i.e. a new container,
# records a new one; a missing, partial or foreign archive is ignored by the JVM. ACADEMY_CDS=off
# disables both steps.
cds="${ACADEMY_CDS_ARCHIVE:-/tmp/academy-app-cds.jsa}"
case "${ACADEMY_CDS:-on}" in
  on)
    if [ -s "$cds" ]; then
      opts="$opts -XX:SharedArchiveFile=$cds -Xlog:cds=off"
    else
      opts="$opts -XX:ArchiveClassesAtExit=$cds -Xlog:cds=off -Xlog:cds+dynamic=off"
    fi ;;
  off) ;;
  *) echo "ACADEMY_CDS must be on or off, not '${ACADEMY_CDS}'" >&2; exit 64 ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS and opts hold several options each
exec java $JAVA_OPTS $opts -jar /deployments/quarkus-run.jar
