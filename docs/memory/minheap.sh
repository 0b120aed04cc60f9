#!/bin/bash
# minheap.sh ARGS...: the least -Xmx (MiB, to 2 MiB) with which `Peak ARGS` succeeds (SerialGC).
CP="$(cd "$(dirname "$0")/../.." && pwd)/grpc-server/target/textsim-server.jar:/tmp/textsim-mem"
lo=8; hi=${HI:-2048}
while [ $((hi - lo)) -gt 2 ]; do
  mid=$(((lo + hi) / 2))
  if timeout 120 java -XX:+UseSerialGC -Xmx${mid}m -cp $CP Peak "$@" >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
done
echo "$hi"
