#!/usr/bin/env bash
# Lighthouse's four scores (mobile: Lighthouse's default emulation, a slow 4G phone) for public pages of a
# running instance, with Debian's Chromium. Not part of `mvn verify` (README "Phones and accessibility").
#   .ci/lighthouse/lighthouse.sh http://localhost:8080 [path ...]      (default paths: /micrositio /micrositio/jal)
# Writes the full reports to target/lighthouse/<page>.json and prints one line per page.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
base="${1:?usage: lighthouse.sh BASE_URL [path ...]}"
shift
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/micrositio /micrositio/jal)
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
out=../../target/lighthouse
mkdir -p "$out"
for path in "${paths[@]}"; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//')
  CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" npx --no-install lighthouse "$base$path" --quiet --output=json \
    --output-path="$out/$name.json" --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  node -e '
    const r = require(process.argv[1]);
    const s = Object.entries(r.categories).map(([k, c]) => k + " " + Math.round(c.score * 100)).join(", ");
    console.log(process.argv[2] + ": " + s);' "$(readlink -f "$out/$name.json")" "$path"
done
