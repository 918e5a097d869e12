package io.marquee.user;

import io.marquee.testsupport.IrsaContract;

/** On EKS this service reaches DynamoDB with its pod's IAM role (IRSA); see {@link IrsaContract}. */
class IrsaCredentialsTest extends IrsaContract {
}
