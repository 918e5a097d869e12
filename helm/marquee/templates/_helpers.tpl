{{/*
Shared building blocks. Every kind of object has its own template (deployment.yaml, service.yaml,
hpa.yaml, pdb.yaml, networkpolicy.yaml, servicemonitor.yaml, ingress.yaml, ...), which ranges over
"marquee.serviceRegistry" (port, who a service calls, which backing services it uses) and renders
each enabled service from its block in values.yaml. Adding a service = a registry entry and a
values block (+ schema); no template file.
*/}}

{{/* Name prefix of every object: the release name (or fullnameOverride). */}}
{{- define "marquee.prefix" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end }}

{{/* Object name of one component: (dict "root" $ "name" "catalog-service") */}}
{{- define "marquee.componentName" -}}
{{- printf "%s-%s" (include "marquee.prefix" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Selector labels: never the version (selectors are immutable). */}}
{{- define "marquee.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* All labels of an object: (dict "root" $ "name" "gateway" "component" "api") */}}
{{- define "marquee.labels" -}}
{{ include "marquee.selectorLabels" . }}
app.kubernetes.io/component: {{ .component | default "service" }}
app.kubernetes.io/part-of: marquee
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end }}

{{/* Labels shared by every pod of the release: what the default-deny policy selects. */}}
{{- define "marquee.releaseSelector" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: marquee
{{- end }}

{{/*
Image reference: (dict "root" $ "image" .image). A digest (sha256:...) pins the exact image and
wins over any tag; otherwise the tag is the service's, else image.tag, else appVersion.
*/}}
{{- define "marquee.image" -}}
{{- $registry := trimSuffix "/" .root.Values.image.registry -}}
{{- $repository := ternary (printf "%s/%s" $registry .image.repository) .image.repository (ne $registry "") -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- $tag := toString (.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- if eq $tag "latest" }}{{ fail "image tag 'latest' is not allowed: pin a version" }}{{ end -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end }}

{{/* Pod and container security: non-root (185, the UBI OpenJDK user), read-only root, no capabilities. */}}
{{- define "marquee.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "marquee.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Spread replicas over zones and nodes; preferred, so a one-node kind cluster still schedules. */}}
{{- define "marquee.topologySpread" -}}
- maxSkew: 1
  topologyKey: topology.kubernetes.io/zone
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
- maxSkew: 1
  topologyKey: kubernetes.io/hostname
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
{{- end }}

{{/*
Every service the chart knows. valuesKey: its block in values.yaml; restClientKey: the key in
QUARKUS_REST_CLIENT_<KEY>_URL of its callers; calls: services it sends requests to; uses: backing
services (dynamodb, kafka, personalize). Entries whose values block is missing or disabled are
skipped, so future services can be listed before they exist.
*/}}
{{- define "marquee.serviceRegistry" -}}
gateway:
  valuesKey: gateway
  port: 8080
  restClientKey: gateway
  calls: [user-service, catalog-service, rating-service, recommendation-service, event-ingest-service]
  uses: []
  public: true
user-service:
  valuesKey: userService
  port: 8081
  restClientKey: user
  calls: []
  uses: [dynamodb, kafka]
  issuesTokens: true
catalog-service:
  valuesKey: catalogService
  port: 8082
  restClientKey: catalog
  calls: [user-service]
  uses: [dynamodb, kafka]
rating-service:
  valuesKey: ratingService
  port: 8083
  restClientKey: rating
  calls: [user-service, catalog-service]
  uses: [dynamodb, kafka]
recommendation-service:
  valuesKey: recommendationService
  port: 8084
  restClientKey: recommendation
  calls: [user-service, catalog-service, rating-service]
  uses: [personalize, kafka]
event-ingest-service:
  valuesKey: eventIngestService
  port: 8085
  restClientKey: event-ingest
  calls: [user-service]
  uses: [kafka, personalize, dynamodb]
{{- end }}

{{/* "true" when the named service exists in values and is enabled: (dict "root" $ "name" "x") */}}
{{- define "marquee.serviceEnabled" -}}
{{- $spec := get (include "marquee.serviceRegistry" .root | fromYaml) .name -}}
{{- if $spec -}}
{{- $v := get .root.Values $spec.valuesKey -}}
{{- if and $v $v.enabled }}true{{ end -}}
{{- end -}}
{{- end }}

{{/* Services (enabled) that call the given one: a YAML list. */}}
{{- define "marquee.callersOf" -}}
{{- $root := .root -}}
{{- $target := .name -}}
{{- $callers := list -}}
{{- range $name, $spec := (include "marquee.serviceRegistry" $root | fromYaml) -}}
{{- if and (has $target $spec.calls) (include "marquee.serviceEnabled" (dict "root" $root "name" $name)) -}}
{{- $callers = append $callers $name -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "callers" $callers) -}}
{{- end }}

{{/* Property name to environment variable, as MicroProfile Config maps them. */}}
{{- define "marquee.envName" -}}
{{- regexReplaceAll "[^A-Z0-9_]" (upper .) "_" -}}
{{- end }}

{{- define "marquee.devDependenciesHost" -}}
{{- include "marquee.componentName" (dict "root" . "name" "dev-dependencies") -}}
{{- end }}

{{/*
Services are rendered one kind per template (deployment.yaml, service.yaml, hpa.yaml, ...) from
"marquee.serviceRegistry" and each service's values block; a service needs no template file of its
own. Kept, rendering nothing, so an old one-line service template is harmless.
*/}}
{{- define "marquee.service" -}}
{{- end }}


{{/* Non-secret configuration as environment variables. Secrets never go here (existingSecret). */}}
{{- define "marquee.configMapData" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $prefix := include "marquee.prefix" $root -}}
{{- $registry := include "marquee.serviceRegistry" $root | fromYaml -}}
{{- $data := dict -}}
{{- $_ := set $data "QUARKUS_MANAGEMENT_PORT" (toString $values.management.port) -}}
{{- $public := .spec.public -}}
{{- range $callee := .spec.calls -}}
{{- if include "marquee.serviceEnabled" (dict "root" $root "name" $callee) -}}
{{- $c := get $registry $callee -}}
{{- $_ := set $data (printf "QUARKUS_REST_CLIENT_%s_URL" (include "marquee.envName" $c.restClientKey)) (printf "http://%s-%s:%v" $prefix $callee $c.port) -}}
{{- if $public -}}
{{- $_ := set $data (printf "GATEWAY_%s_MANAGEMENT_URL" (include "marquee.envName" $c.restClientKey)) (printf "http://%s-%s:%v" $prefix $callee $values.management.port) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $values.auth.jwksUrl -}}
{{- $_ := set $data "MP_JWT_VERIFY_PUBLICKEY_LOCATION" $values.auth.jwksUrl -}}
{{- else if and (not .spec.issuesTokens) (include "marquee.serviceEnabled" (dict "root" $root "name" "user-service")) -}}
{{- $_ := set $data "MP_JWT_VERIFY_PUBLICKEY_LOCATION" (printf "http://%s-user-service:%v/auth/jwks" $prefix (get $registry "user-service").port) -}}
{{- end -}}
{{- if $values.auth.issuer -}}
{{- $_ := set $data "MP_JWT_VERIFY_ISSUER" $values.auth.issuer -}}
{{- end -}}
{{- if has "dynamodb" .spec.uses -}}
{{- $_ := set $data "QUARKUS_DYNAMODB_AWS_REGION" $values.aws.region -}}
{{- if or $values.devDependencies.enabled $values.dynamodb.createTables -}}
{{- $_ := set $data "MARQUEE_DYNAMODB_CREATE_TABLES" "true" -}}
{{- end -}}
{{- if $values.devDependencies.enabled -}}
{{- $_ := set $data "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE" (printf "http://%s:8000" (include "marquee.devDependenciesHost" $root)) -}}
{{- else if $values.dynamodb.endpoint -}}
{{- $_ := set $data "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE" $values.dynamodb.endpoint -}}
{{- end -}}
{{- end -}}
{{- if has "kafka" .spec.uses -}}
{{- if $values.devDependencies.enabled -}}
{{- $_ := set $data "KAFKA_BOOTSTRAP_SERVERS" (printf "%s:9092" (include "marquee.devDependenciesHost" $root)) -}}
{{- else -}}
{{- $_ := set $data "KAFKA_BOOTSTRAP_SERVERS" (required "kafka.bootstrapServers is required when devDependencies.enabled is false" $values.kafka.bootstrapServers) -}}
{{- /* Every Kafka client of a service reads this (io.marquee.common.kafka.KafkaClients). */ -}}
{{- $_ := set $data "MARQUEE_KAFKA_AUTHENTICATION" $values.kafka.authentication -}}
{{- if ne (toString $values.kafka.tls) "" -}}
{{- $_ := set $data "MARQUEE_KAFKA_TLS" (toString $values.kafka.tls) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if has "personalize" .spec.uses -}}
{{- $_ := set $data "PERSONALIZE_REGION" $values.aws.region -}}
{{- if $values.devDependencies.enabled -}}
{{- $_ := set $data "PERSONALIZE_ENDPOINT_OVERRIDE" (printf "http://%s:9380" (include "marquee.devDependenciesHost" $root)) -}}
{{- else if $values.personalize.endpoint -}}
{{- $_ := set $data "PERSONALIZE_ENDPOINT_OVERRIDE" $values.personalize.endpoint -}}
{{- end -}}
{{- range $key, $arn := $values.personalize.campaignArns -}}
{{- if $arn }}{{ $_ := set $data (printf "PERSONALIZE_CAMPAIGNS_%s_ARN" (include "marquee.envName" (kebabcase $key))) $arn }}{{ end -}}
{{- end -}}
{{- range $key, $arn := $values.personalize.filterArns -}}
{{- if $arn }}{{ $_ := set $data (printf "PERSONALIZE_FILTERS_%s_ARN" (include "marquee.envName" (kebabcase $key))) $arn }}{{ end -}}
{{- end -}}
{{- if $values.personalize.trackingId -}}
{{- $_ := set $data "PERSONALIZE_TRACKING_ID" $values.personalize.trackingId -}}
{{- end -}}
{{- end -}}
{{- if $values.tracing.otlpEndpoint -}}
{{- $_ := set $data "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT" $values.tracing.otlpEndpoint -}}
{{- end -}}
{{- if .spec.issuesTokens -}}
{{- if $values.auth.issuer -}}
{{- $_ := set $data "USERS_JWT_ISSUER" $values.auth.issuer -}}
{{- end -}}
{{- if .v.jwt.existingSecret -}}
{{- $_ := set $data "USERS_JWT_PRIVATE_KEY_LOCATION" (printf "/etc/marquee/jwt/%s" .v.jwt.privateKeyKey) -}}
{{- else if include "marquee.needsPdb" . -}}
{{- fail (printf "%s.jwt.existingSecret is required when more than one replica can run: each replica would sign tokens with its own generated key" .spec.valuesKey) -}}
{{- else -}}
{{- $_ := set $data "USERS_JWT_KEY_DIR" "/tmp/jwt-keys" -}}
{{- end -}}
{{- end -}}
{{- if .v.trustedProxies -}}
{{- /* Only the configured proxies may name the client (docs/security.md); unset, Quarkus would trust every peer. */ -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING" "true" -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED" "true" -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES" (toString .v.trustedProxies) -}}
{{- end -}}
{{- $_ := set $data "QUARKUS_SHUTDOWN_TIMEOUT" (printf "%ds" (int $values.shutdown.timeoutSeconds)) -}}
{{- range $property, $value := .v.config -}}
{{- $_ := set $data (include "marquee.envName" $property) (toString $value) -}}
{{- end -}}
{{- range $key, $value := .v.env -}}
{{- $_ := set $data $key (toString $value) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end }}





{{/* A PDB wherever more than one replica can run. */}}
{{- define "marquee.needsPdb" -}}
{{- if .v.autoscaling.enabled -}}
{{- if gt (int .v.autoscaling.maxReplicas) 1 }}true{{ end -}}
{{- else if gt (int .v.replicas) 1 }}true{{ end -}}
{{- end }}


{{/* DNS egress, shared by every policy. */}}
{{- define "marquee.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicies.dns.namespace }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicies.dns.podLabels | nindent 10 }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end }}

{{/* Egress to AWS endpoints over HTTPS (DynamoDB, Personalize, STS for IRSA); never the instance metadata. */}}
{{- define "marquee.awsEgress" -}}
- to:
    {{- range .Values.networkPolicies.aws.cidrs }}
    - ipBlock:
        cidr: {{ . }}
        except:
          - 169.254.169.254/32
    {{- end }}
  ports:
    - protocol: TCP
      port: 443
{{- end }}

{{- define "marquee.devDependenciesPeer" -}}
- to:
    - podSelector:
        matchLabels:
          {{- include "marquee.selectorLabels" (dict "root" .root "name" "dev-dependencies") | nindent 10 }}
  ports:
    - protocol: TCP
      port: {{ .port }}
{{- end }}



{{/*
Annotations per ingress controller. alb (AWS Load Balancer Controller): IP targets (pods are
reached directly, so the NetworkPolicy must admit the VPC's subnets: networkPolicies.
ingressController.cidrs) and the health check on the management port's readiness. nginx needs none:
it follows the endpoints, which readiness keeps current. The user's annotations win.
*/}}
{{- define "marquee.ingressAnnotations" -}}
{{- $a := dict -}}
{{- if eq .v.ingress.controller "alb" -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/target-type" "ip" -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/scheme" (.v.ingress.alb.scheme | default "internet-facing") -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/healthcheck-port" (toString .root.Values.management.port) -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/healthcheck-path" "/q/health/ready" -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/success-codes" "200" -}}
{{- if .v.ingress.tls -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/listen-ports" "[{\"HTTPS\":443}]" -}}
{{- end -}}
{{- with .v.ingress.alb.certificateArn -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/certificate-arn" . -}}
{{- $_ := set $a "alb.ingress.kubernetes.io/listen-ports" "[{\"HTTPS\":443}]" -}}
{{- end -}}
{{- end -}}
{{- range $k, $val := .v.ingress.annotations -}}
{{- $_ := set $a $k $val -}}
{{- end -}}
{{- if $a }}{{ toYaml $a }}{{ end -}}
{{- end }}


