#!/usr/bin/env bash
# The README's first command on a fresh clone: a clone of HEAD with no dist/, target/,
# node_modules/ or .build/ runs `scripts/serve`, which must install what is missing, build and
# serve the app; then Chromium opens `/en/` and a deep link from it and sees their content.
# (Trunk once failed at once there: it could not take the canonical path of a missing folder.)
# The clone shares this tree's cargo target folder (outside the clone, so the clone still has no
# target/): the dependencies are not compiled twice. The check runs from the clone, with the node
# packages that scripts/serve installed there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill -- -"$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

git clone --quiet --no-hardlinks "$root" "$tmp/portal"
cd "$tmp/portal"
for d in dist target node_modules .build; do
  [ ! -e "$d" ] || { echo "fresh-clone: the clone has $d/" >&2; exit 1; }
done

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# In a process group of its own, so that trunk and what it started stop with it.
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" PORT=$port setsid scripts/serve >"$tmp/serve.log" 2>&1 &
server=$!

# The first build takes minutes; trunk answers only once it has built.
for _ in $(seq 1 900); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/en/" 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "fresh-clone: scripts/serve exited:" >&2
    tail -30 "$tmp/serve.log" >&2
    exit 1
  fi
  sleep 1
done

PORTAL_SERVE_URL="http://127.0.0.1:$port" node --test tests/fresh-clone-check.mjs || {
  tail -30 "$tmp/serve.log" >&2
  exit 1
}
