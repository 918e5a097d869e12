#!/usr/bin/env bash
# Regenerates k8s/ (plain manifests) from the chart in helm/marquee with values-kind.yaml.
# The one way k8s/ is written; helm/src/test/.../K8sManifestsDriftTest fails when they differ.
# Uses the Helm that helm-java embeds, so no helm binary is needed. Extra arguments go to Maven (e.g. -o).
# common is built alongside: the helm tests (and so the module) read its Kafka topic table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -B -q -pl common,helm -Prender-k8s process-classes "$@"
