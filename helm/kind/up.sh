#!/usr/bin/env bash
# Marquee on a laptop Kubernetes: creates a kind cluster (helm/kind/cluster.yaml: ingress-ready
# node, ports 80/443), installs ingress-nginx, builds every image, loads them into the cluster,
# installs the chart with values-kind.yaml, waits, and prints the URL.
#
#   helm/kind/up.sh                 # kind (docker or podman)
#   MARQUEE_CLUSTER=minikube helm/kind/up.sh
#
# Needs: Java 17, docker or podman, kind (or minikube), kubectl, helm. BASE_IMAGE names the UBI 9
# OpenJDK 17 runtime image the Dockerfiles build on (from Red Hat's registry or your mirror).
# It cannot run where there is no container engine (CI here): its parts are tested instead — the
# cluster config, the rendered manifests (k8s/) and the image build configuration (helm module tests).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

cluster="${MARQUEE_CLUSTER:-kind}"
name="${MARQUEE_CLUSTER_NAME:-marquee}"
namespace="${MARQUEE_NAMESPACE:-marquee}"
tag="$(sed -n 's/^appVersion: "\(.*\)"/\1/p' helm/marquee/Chart.yaml)"
# The Dockerfiles' base (UBI 9 OpenJDK 17 runtime), from the registry you choose: nothing here picks one.
base_image="${BASE_IMAGE:?set BASE_IMAGE to a UBI 9 OpenJDK 17 runtime image, e.g. <registry>/ubi9/openjdk-17-runtime:1.23}"
ingress_nginx="${INGRESS_NGINX_MANIFEST:-https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.1/deploy/static/provider/kind/deploy.yaml}"
# The images the kind values run; the services are the modules with a Dockerfile beside their code.
services=(gateway user-service catalog-service rating-service)
for optional in recommendation-service event-ingest-service; do
  [ -f "$optional/src/main/docker/Dockerfile.jvm" ] && services+=("$optional")
done

engine="${CONTAINER_ENGINE:-}"
if [ -z "$engine" ]; then
  if command -v docker >/dev/null 2>&1; then engine=docker; elif command -v podman >/dev/null 2>&1; then engine=podman; fi
fi
need() { command -v "$1" >/dev/null 2>&1 || { echo "up.sh: $1 is required ($2)" >&2; exit 1; }; }
[ -n "$engine" ] || { echo "up.sh: docker or podman is required" >&2; exit 1; }
need kubectl "https://kubernetes.io/docs/tasks/tools/"
need helm "https://helm.sh/docs/intro/install/"
need "$cluster" "kind: https://kind.sigs.k8s.io/ ; minikube: https://minikube.sigs.k8s.io/"
[ "$engine" = podman ] && export KIND_EXPERIMENTAL_PROVIDER=podman

echo "== 1/6 cluster ($cluster)"
if [ "$cluster" = kind ]; then
  kind get clusters | grep -qx "$name" || kind create cluster --name "$name" --config helm/kind/cluster.yaml
  kubectl config use-context "kind-$name"
  echo "== 2/6 ingress-nginx"
  kubectl apply -f "$ingress_nginx"
  kubectl -n ingress-nginx wait --for=condition=Available deployment/ingress-nginx-controller --timeout=300s
else
  minikube status -p "$name" >/dev/null 2>&1 || minikube start -p "$name" --cpus 4 --memory 8g --cni=calico
  kubectl config use-context "$name"
  echo "== 2/6 ingress-nginx"
  minikube addons enable ingress -p "$name"
  kubectl -n ingress-nginx wait --for=condition=Available deployment/ingress-nginx-controller --timeout=300s
fi

echo "== 3/6 build (Maven, then one image per service and the devstack image)"
modules="$(IFS=,; echo "${services[*]}"),devstack,personalize-local/server"
./mvnw -B -q package -DskipTests -pl "$modules" -am
for service in "${services[@]}"; do
  "$engine" build -f "$service/src/main/docker/Dockerfile.jvm" --build-arg BASE_IMAGE="$base_image" \
    -t "marquee/$service:$tag" "$service"
done
"$engine" build -f devstack/src/main/docker/Dockerfile.jvm --build-arg BASE_IMAGE="$base_image" \
  -t "marquee/devstack:$tag" .

echo "== 4/6 load images into the cluster"
for image in "${services[@]}" devstack; do
  if [ "$cluster" = kind ]; then
    if [ "$engine" = podman ]; then
      podman save "marquee/$image:$tag" -o "/tmp/marquee-$image.tar"
      kind load image-archive "/tmp/marquee-$image.tar" --name "$name"
      rm -f "/tmp/marquee-$image.tar"
    else
      kind load docker-image "marquee/$image:$tag" --name "$name"
    fi
  else
    minikube image load "marquee/$image:$tag" -p "$name"
  fi
done

echo "== 5/6 install the chart"
kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f -
# DynamoDB Local and personalize-local accept any key, but the AWS SDK wants one: a Secret, never a value.
kubectl -n "$namespace" create secret generic marquee-dev-aws \
  --from-literal=AWS_ACCESS_KEY_ID=local --from-literal=AWS_SECRET_ACCESS_KEY=local \
  --dry-run=client -o yaml | kubectl apply -f -
helm upgrade --install marquee helm/marquee -n "$namespace" -f helm/marquee/values-kind.yaml \
  --wait --timeout 15m

echo "== 6/6 check"
helm test marquee -n "$namespace" --timeout 5m
if [ "$cluster" = kind ]; then
  url="http://localhost"
else
  url="http://$(minikube ip -p "$name")"
  echo "minikube: the Ingress answers for host 'localhost'; use curl -H 'Host: localhost' $url/... or run 'minikube tunnel' and use http://localhost"
fi
echo "Marquee is up: $url/api/v1/status"
