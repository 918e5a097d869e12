{{/*
Shared building blocks. Every service is rendered by "marquee.service" from two inputs: its entry
in "marquee.serviceRegistry" (port, who it calls, which backing services it uses) and its block in
values.yaml. Adding a service = a registry entry, a values block (+ schema) and a one-line
template file.
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

{{/* Image reference: (dict "root" $ "image" .image). Tag: the service's, else image.tag, else appVersion. */}}
{{- define "marquee.image" -}}
{{- $tag := toString (.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- if eq $tag "latest" }}{{ fail "image tag 'latest' is not allowed: pin a version" }}{{ end -}}
{{- $registry := trimSuffix "/" .root.Values.image.registry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
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
  uses: [personalize]
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

{{/* One service: ServiceAccount, ConfigMap, Deployment, Service, HPA, PDB, NetworkPolicy, ServiceMonitor (+ Ingress for the public one). */}}
{{- define "marquee.service" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $spec := get (include "marquee.serviceRegistry" $root | fromYaml) $name -}}
{{- if not $spec }}{{ fail (printf "unknown service %s: add it to marquee.serviceRegistry" $name) }}{{ end -}}
{{- $v := get $root.Values $spec.valuesKey -}}
{{- if and $v $v.enabled -}}
{{- $ctx := dict "root" $root "name" $name "spec" $spec "v" $v "fullname" (include "marquee.componentName" (dict "root" $root "name" $name)) -}}
{{ include "marquee.serviceAccount" $ctx }}
---
{{ include "marquee.configMap" $ctx }}
---
{{ include "marquee.deployment" $ctx }}
---
{{ include "marquee.k8sService" $ctx }}
{{- if $v.autoscaling.enabled }}
---
{{ include "marquee.hpa" $ctx }}
{{- end }}
{{- if (include "marquee.needsPdb" $ctx) }}
---
{{ include "marquee.pdb" $ctx }}
{{- end }}
{{- if $root.Values.networkPolicies.enabled }}
---
{{ include "marquee.networkPolicy" $ctx }}
{{- end }}
{{- if $root.Values.serviceMonitor.enabled }}
---
{{ include "marquee.serviceMonitor" $ctx }}
{{- end }}
{{- if and $spec.public $v.ingress $v.ingress.enabled }}
---
{{ include "marquee.ingress" $ctx }}
{{- end }}
{{- end }}
{{- end }}

{{- define "marquee.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .v.serviceAccount.name | default .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
  {{- with .v.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}

{{/* Non-secret configuration as environment variables. Secrets never go here (existingSecret). */}}
{{- define "marquee.configMapData" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $prefix := include "marquee.prefix" $root -}}
{{- $registry := include "marquee.serviceRegistry" $root | fromYaml -}}
{{- $data := dict -}}
{{- range $callee := .spec.calls -}}
{{- if include "marquee.serviceEnabled" (dict "root" $root "name" $callee) -}}
{{- $c := get $registry $callee -}}
{{- $_ := set $data (printf "QUARKUS_REST_CLIENT_%s_URL" (include "marquee.envName" $c.restClientKey)) (printf "http://%s-%s:%v" $prefix $callee $c.port) -}}
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

{{- define "marquee.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
data:
  {{- include "marquee.configMapData" . | nindent 2 }}
{{- end }}

{{- define "marquee.deployment" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
spec:
  {{- if not .v.autoscaling.enabled }}
  replicas: {{ .v.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "marquee.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "marquee.configMapData" . | sha256sum }}
        {{- with .v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ .v.serviceAccount.name | default .fullname }}
      automountServiceAccountToken: false
      {{- with $values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- include "marquee.podSecurityContext" . | nindent 8 }}
      topologySpreadConstraints:
        {{- include "marquee.topologySpread" . | nindent 8 }}
      # preStop delay + Quarkus' shutdown timeout + a margin, so the kubelet never kills a pod that is
      # still finishing requests.
      terminationGracePeriodSeconds: {{ add $values.shutdown.preStopSeconds $values.shutdown.timeoutSeconds 5 }}
      containers:
        - name: {{ .name }}
          image: {{ include "marquee.image" (dict "root" $root "image" .v.image) | quote }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .spec.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ .fullname }}
            {{- if and $values.aws.credentialsSecret (or (has "dynamodb" .spec.uses) (has "personalize" .spec.uses)) }}
            - secretRef:
                name: {{ $values.aws.credentialsSecret }}
            {{- end }}
            {{- if .v.existingSecret }}
            - secretRef:
                name: {{ .v.existingSecret }}
            {{- end }}
          {{- if and (has "kafka" .spec.uses) (not $values.devDependencies.enabled) (eq $values.kafka.authentication "SCRAM_SHA_512") }}
          {{- $kafkaSecret := get $values.kafka.credentialsSecrets .name | default (printf "%s-kafka-%s" (include "marquee.prefix" $root) .name) }}
          # This service's own Kafka credentials: its ACLs are kafka.topics' writers and readers.
          env:
            - name: MARQUEE_KAFKA_USERNAME
              valueFrom:
                secretKeyRef:
                  name: {{ $kafkaSecret }}
                  key: username
            - name: MARQUEE_KAFKA_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $kafkaSecret }}
                  key: password
          {{- end }}
          lifecycle:
            # Keep serving while the endpoint removal reaches every node and ingress controller;
            # only then does SIGTERM start Quarkus' graceful shutdown.
            preStop:
              sleep:
                seconds: {{ $values.shutdown.preStopSeconds }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 2
            timeoutSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
          resources:
            {{- toYaml .v.resources | nindent 12 }}
          securityContext:
            {{- include "marquee.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if and .spec.issuesTokens .v.jwt.existingSecret }}
            - name: jwt
              mountPath: /etc/marquee/jwt
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .v.tmpSizeLimit }}
        {{- if and .spec.issuesTokens .v.jwt.existingSecret }}
        - name: jwt
          secret:
            secretName: {{ .v.jwt.existingSecret }}
            defaultMode: 0440
            items:
              - key: {{ .v.jwt.privateKeyKey }}
                path: {{ .v.jwt.privateKeyKey }}
        {{- end }}
      {{- with .v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "marquee.k8sService" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "marquee.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .spec.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "marquee.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .fullname }}
  minReplicas: {{ .v.autoscaling.minReplicas }}
  maxReplicas: {{ .v.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .v.autoscaling.targetCPUUtilizationPercentage }}
    {{- range .v.autoscaling.customMetrics }}
    - type: Pods
      pods:
        metric:
          name: {{ .name }}
        target:
          type: AverageValue
          averageValue: {{ .targetAverageValue | quote }}
    {{- end }}
{{- end }}

{{/* A PDB wherever more than one replica can run. */}}
{{- define "marquee.needsPdb" -}}
{{- if .v.autoscaling.enabled -}}
{{- if gt (int .v.autoscaling.maxReplicas) 1 }}true{{ end -}}
{{- else if gt (int .v.replicas) 1 }}true{{ end -}}
{{- end }}

{{- define "marquee.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .v.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
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

{{- define "marquee.networkPolicy" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $registry := include "marquee.serviceRegistry" $root | fromYaml -}}
{{- $callers := (include "marquee.callersOf" . | fromYaml).callers -}}
{{- $uses := .spec.uses -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if $callers }}
    # Only the services that call this one.
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ $root.Release.Name }}
            matchExpressions:
              - key: app.kubernetes.io/name
                operator: In
                values:
                  {{- toYaml $callers | nindent 18 }}
      ports:
        - protocol: TCP
          port: {{ .spec.port }}
    {{- end }}
    {{- if .spec.public }}
    # The ingress controller.
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $values.networkPolicies.ingressController.namespace }}
          podSelector:
            matchLabels:
              {{- toYaml $values.networkPolicies.ingressController.podLabels | nindent 14 }}
      ports:
        - protocol: TCP
          port: {{ .spec.port }}
    {{- end }}
    {{- if $values.serviceMonitor.enabled }}
    # Prometheus scraping /q/metrics.
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $values.networkPolicies.monitoring.namespace }}
          podSelector:
            matchLabels:
              {{- toYaml $values.networkPolicies.monitoring.podLabels | nindent 14 }}
      ports:
        - protocol: TCP
          port: {{ .spec.port }}
    {{- end }}
  egress:
    {{- include "marquee.dnsEgress" $root | nindent 4 }}
    {{- range $callee := .spec.calls }}
    {{- if include "marquee.serviceEnabled" (dict "root" $root "name" $callee) }}
    - to:
        - podSelector:
            matchLabels:
              {{- include "marquee.selectorLabels" (dict "root" $root "name" $callee) | nindent 14 }}
      ports:
        - protocol: TCP
          port: {{ (get $registry $callee).port }}
    {{- end }}
    {{- end }}
    {{- if and (not .spec.issuesTokens) (not $values.auth.jwksUrl) (include "marquee.serviceEnabled" (dict "root" $root "name" "user-service")) (not (has "user-service" .spec.calls)) }}
    # JWKS from user-service.
    - to:
        - podSelector:
            matchLabels:
              {{- include "marquee.selectorLabels" (dict "root" $root "name" "user-service") | nindent 14 }}
      ports:
        - protocol: TCP
          port: {{ (get $registry "user-service").port }}
    {{- end }}
    {{- if $values.devDependencies.enabled }}
    {{- if has "dynamodb" $uses }}
    {{- include "marquee.devDependenciesPeer" (dict "root" $root "port" 8000) | nindent 4 }}
    {{- end }}
    {{- if has "kafka" $uses }}
    {{- include "marquee.devDependenciesPeer" (dict "root" $root "port" 9092) | nindent 4 }}
    {{- end }}
    {{- if has "personalize" $uses }}
    {{- include "marquee.devDependenciesPeer" (dict "root" $root "port" 9380) | nindent 4 }}
    {{- end }}
    {{- else }}
    {{- if or (has "dynamodb" $uses) (has "personalize" $uses) }}
    {{- include "marquee.awsEgress" $root | nindent 4 }}
    {{- end }}
    {{- if has "kafka" $uses }}
    # Kafka brokers (MSK: 9092 plaintext, 9094 TLS, 9098 IAM).
    - to:
        {{- range $values.networkPolicies.kafka.cidrs }}
        - ipBlock:
            cidr: {{ . }}
        {{- end }}
      ports:
        {{- range $values.networkPolicies.kafka.ports }}
        - protocol: TCP
          port: {{ . }}
        {{- end }}
    {{- end }}
    {{- end }}
    {{- if and $values.tracing.otlpEndpoint $values.networkPolicies.tracing.cidrs }}
    # OpenTelemetry collector.
    - to:
        {{- range $values.networkPolicies.tracing.cidrs }}
        - ipBlock:
            cidr: {{ . }}
        {{- end }}
      ports:
        - protocol: TCP
          port: {{ $values.networkPolicies.tracing.port }}
    {{- end }}
{{- end }}

{{- define "marquee.serviceMonitor" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
    {{- with .root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "marquee.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ .root.Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .root.Values.serviceMonitor.scrapeTimeout }}
{{- end }}

{{- define "marquee.ingress" -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "marquee.labels" . | nindent 4 }}
  {{- with .v.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .v.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with .v.ingress.tls }}
  tls:
    {{- range . }}
    - secretName: {{ .secretName }}
      hosts:
        {{- toYaml .hosts | nindent 8 }}
    {{- end }}
  {{- end }}
  rules:
    {{- range .v.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType }}
            backend:
              service:
                name: {{ $.fullname }}
                port:
                  name: http
          {{- end }}
    {{- end }}
{{- end }}
