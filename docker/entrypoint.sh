#!/bin/sh
# Starts the service with $JAVA_OPTS and the JIT choice of ACADEMY_JIT (docs/operations.md,
# "JVM and small nodes"):
#   auto    (default) C1 only (-XX:TieredStopAtLevel=1) when the node has at most 2 CPUs, else the
#           JVM's default tiered C1 + C2;
#   c1      always C1 only;
#   tiered  always the JVM's default.
# Why: on a 2-core node the C2 compiler took about a third of the machine in the exam-day start
# burst, when the code of 开始 first became hot; C1 alone halved start p99 at 3,000 candidates
# (docs/performance.md, issue 11 "Sixth round") at the price of 15-40 % of sustained throughput.
set -e
jit=""
case "${ACADEMY_JIT:-auto}" in
  c1) jit="-XX:TieredStopAtLevel=1" ;;
  tiered) jit="" ;;
  auto) if [ "$(nproc)" -le 2 ]; then jit="-XX:TieredStopAtLevel=1"; fi ;;
  *) echo "ACADEMY_JIT must be auto, c1 or tiered, not '${ACADEMY_JIT}'" >&2; exit 64 ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java $JAVA_OPTS $jit -jar /deployments/quarkus-run.jar
