#!/usr/bin/env bash
# Validates the deployment files, offline once its tools are installed (into target/deploy-validate, from npm):
#  1. renders the kustomization with "kubectl kustomize" when kubectl is installed (checks the resource list),
#  2. validates every Kubernetes manifest against the Kubernetes OpenAPI schemas of the npm package
#     kubernetes-models (types, required fields, enums; not unknown fields),
#  3. lints deploy/Containerfile with dockerfile-utils (instruction syntax, flags, ports, durations).
# Usage: deploy/validate.sh   (from anywhere; exits non-zero on any problem)
# The invariants that matter to Interleave (probes, grace period, selectors, ...) are checked by the JUnit test
# DeployManifestsTest, which runs in every build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/target/deploy-validate"
KUBERNETES_MODELS_VERSION=4.5.1 # engines: node >= 14 (5.x needs node 22)
YAML_VERSION=2.8.1
DOCKERFILE_UTILS_VERSION=0.16.3

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "validate.sh: node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
}

mkdir -p "$tools"
if command -v kubectl >/dev/null; then
  kubectl kustomize "$root/deploy/k8s" >"$tools/rendered.yaml" 2>&1 || {
    cat "$tools/rendered.yaml" >&2
    echo "validate.sh: kubectl kustomize deploy/k8s failed" >&2
    exit 1
  }
  rendered="$tools/rendered.yaml"
  echo "validate.sh: kustomization renders ($(grep -c '^kind:' "$rendered") resources)"
else
  rendered=""
  echo "validate.sh: kubectl not installed; skipping the kustomize render"
fi

installed() { grep -qs "\"version\": \"$2\"" "$tools/node_modules/$1/package.json"; }
if ! installed kubernetes-models "$KUBERNETES_MODELS_VERSION" || ! installed yaml "$YAML_VERSION" ||
  ! installed dockerfile-utils "$DOCKERFILE_UTILS_VERSION"; then
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error \
    "kubernetes-models@$KUBERNETES_MODELS_VERSION" "yaml@$YAML_VERSION" \
    "dockerfile-utils@$DOCKERFILE_UTILS_VERSION"
fi

manifests=()
for f in "$root"/deploy/k8s/*.yaml; do
  [ "$(basename "$f")" = kustomization.yaml ] || manifests+=("$f")
done
node "$root/deploy/validate-manifests.cjs" "$tools/node_modules" "${manifests[@]}" ${rendered:+"$rendered"}
"$tools/node_modules/.bin/dockerfile-utils" lint "$root/deploy/Containerfile"
echo "validate.sh: deploy/Containerfile lints clean"
