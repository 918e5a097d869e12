package io.marquee.ingest;

import io.marquee.testsupport.IrsaContract;

/** On EKS this service reaches DynamoDB and Personalize with its pod's IAM role (IRSA); see {@link IrsaContract}. */
class IrsaCredentialsTest extends IrsaContract {
}
