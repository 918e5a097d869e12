# Example (Terraform >= 1.5, AWS provider >= 5): what Marquee needs in AWS before `helm install`
# with values-eks.yaml — the DynamoDB tables (production never creates them; the services run with
# MARQUEE_DYNAMODB_CREATE_TABLES unset), one IAM role per service account (IRSA) with the
# least-privilege policies in ../<service>.json, and the topic Job's role for MSK IAM.
# The MSK cluster itself (IAM authentication on 9098) is assumed to exist: pass its ARN.
# Plan it: terraform init && terraform plan -var msk_cluster_arn=... -var oidc_provider_arn=...

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "table_prefix" {
  description = "Every table's name prefix: the services' users.table-prefix / catalog.table-prefix / ratings.table-prefix."
  type        = string
  default     = "marquee-"
}

variable "namespace" {
  description = "Kubernetes namespace of the release."
  type        = string
  default     = "marquee"
}

variable "release" {
  description = "Helm release name: service accounts are <release>-<service>."
  type        = string
  default     = "marquee"
}

variable "personalize_prefix" {
  description = "Name prefix of the Personalize campaigns, filters and event tracker (personalize-setup's default: marquee)."
  type        = string
  default     = "marquee"
}

variable "oidc_provider_arn" {
  description = "The EKS cluster's IAM OIDC provider, e.g. arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE."
  type        = string
}

variable "msk_cluster_arn" {
  description = "arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid> of an MSK cluster with IAM authentication."
  type        = string
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

locals {
  account_id       = data.aws_caller_identity.current.account_id
  oidc_issuer      = replace(var.oidc_provider_arn, "/^arn:aws:iam::[0-9]+:oidc-provider\\//", "")
  msk_cluster_name = split("/", var.msk_cluster_arn)[1]
  msk_cluster_uuid = split("/", var.msk_cluster_arn)[2]
  policy_vars = {
    region             = var.region
    account_id         = local.account_id
    table_prefix       = var.table_prefix
    msk_cluster_name   = local.msk_cluster_name
    msk_cluster_uuid   = local.msk_cluster_uuid
    personalize_prefix = var.personalize_prefix
  }
  # Service account name => policy file beside the chart.
  roles = {
    "user-service"           = "user-service.json"
    "catalog-service"        = "catalog-service.json"
    "rating-service"         = "rating-service.json"
    "recommendation-service" = "recommendation-service.json"
    "event-ingest-service"   = "event-ingest-service.json"
    "kafka-topic-setup"      = "kafka-topic-setup.json"
  }

  # Key schemas exactly as the services' TableSetup classes create them in development.
  tables = {
    "users"               = { hash = "userId", range = null, ttl = null, numbers = [], indexes = {} }
    "user-emails"         = { hash = "email", range = null, ttl = null, numbers = [], indexes = {} }
    "user-refresh-tokens" = { hash = "id", range = null, ttl = "expiresAt", numbers = [], indexes = {} }
    "user-login-throttle" = { hash = "id", range = null, ttl = "expiresAt", numbers = [], indexes = {} }
    "user-history"        = { hash = "userId", range = null, ttl = null, numbers = [], indexes = {} }
    "catalog-items"       = { hash = "itemId", range = null, ttl = null, numbers = [], indexes = {} }
    "catalog-item-index"  = { hash = "bucket", range = "sortKey", ttl = null, numbers = [], indexes = {} }
    "catalog-search"      = { hash = "part", range = "term", ttl = null, numbers = [], indexes = {} }
    "catalog-stats" = {
      hash    = "bucket", range = "itemId", ttl = null, numbers = ["viewScore", "ratingScore", "trendScore"]
      indexes = { "by-views" = ["bucket", "viewScore"], "by-rating" = ["bucket", "ratingScore"], "by-trend" = ["bucket", "trendScore"] }
    }
    "ratings" = {
      hash = "userId", range = "itemId", ttl = null, numbers = []
      indexes = {
        "by-user-newest"            = ["userId", "byUserKey"]
        "reviews-by-item-newest"    = ["itemId", "reviewKey"]
        "reviews-by-item-sentiment" = ["itemId", "sentimentKey"]
        "reviews-by-item-helpful"   = ["itemId", "helpfulKey"]
        "reviews-flagged-newest"    = ["flag", "flagKey"]
      }
    }
    "rating-outbox"     = { hash = "userId", range = "seq", ttl = null, numbers = ["seq"], indexes = {} }
    "rating-user-heads" = { hash = "userId", range = null, ttl = null, numbers = [], indexes = {} }
    "review-summaries"  = { hash = "itemId", range = null, ttl = null, numbers = [], indexes = {} }
    "review-votes"      = { hash = "reviewId", range = "voterId", ttl = null, numbers = [], indexes = {} }
    "rating-jobs"       = { hash = "jobId", range = null, ttl = null, numbers = [], indexes = {} }
    "relay-delivered-ranges" = { hash = "partition", range = "position", ttl = "expiresAt", numbers = [], indexes = {} }
    "sessions" = {
      hash    = "userId", range = "startKey", ttl = null, numbers = []
      indexes = { "by-day" = ["day", "startKey"] }
    }
  }
}

resource "aws_dynamodb_table" "marquee" {
  for_each     = local.tables
  name         = "${var.table_prefix}${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash
  range_key    = each.value.range

  dynamic "attribute" {
    for_each = toset(compact(concat([each.value.hash, each.value.range], flatten(values(each.value.indexes)))))
    content {
      name = attribute.value
      type = contains(each.value.numbers, attribute.value) ? "N" : "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value[0]
      range_key       = global_secondary_index.value[1]
      projection_type = "ALL"
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl == null ? [] : [each.value.ttl]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }
}

# One role per service account, assumable only by that service account through the cluster's OIDC provider.
resource "aws_iam_role" "service" {
  for_each = local.roles
  name     = "${var.release}-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.oidc_issuer}:sub" = "system:serviceaccount:${var.namespace}:${var.release}-${each.key}"
          "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "service" {
  for_each = local.roles
  name     = "least-privilege"
  role     = aws_iam_role.service[each.key].id
  policy   = templatefile("${path.module}/../${each.value}", local.policy_vars)
}

output "service_account_annotations" {
  description = "eks.amazonaws.com/role-arn per service account, for values-eks.yaml."
  value       = { for name, role in aws_iam_role.service : name => role.arn }
}
