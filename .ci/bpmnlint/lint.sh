#!/usr/bin/env bash
# Lints every BPMN file in bpmn/ with bpmnlint (recommended rules + Camunda Platform 7.24 compatibility).
# Works from any directory; exits non-zero when bpmnlint reports an error.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
shopt -s nullglob
files=(../../bpmn/*.bpmn)
if [ ${#files[@]} -eq 0 ]; then
  echo "lint.sh: no BPMN files in ../../bpmn" >&2
  exit 1
fi
npx --no-install bpmnlint "${files[@]}"
echo "bpmnlint: ${#files[@]} files, no errors"
