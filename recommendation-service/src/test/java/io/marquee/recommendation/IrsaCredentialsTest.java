package io.marquee.recommendation;

import io.marquee.testsupport.IrsaContract;

/** On EKS this service reaches Personalize with its pod's IAM role (IRSA); see {@link IrsaContract}. */
class IrsaCredentialsTest extends IrsaContract {
}
