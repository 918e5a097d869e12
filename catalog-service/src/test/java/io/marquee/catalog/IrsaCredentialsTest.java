package io.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.testsupport.IrsaStandIns;
import org.junit.jupiter.api.Test;

/** On EKS this service reaches DynamoDB with its pod's IAM role (IRSA), through the SDK's default chain. */
class IrsaCredentialsTest {

    @Test
    void theDefaultChainAssumesThePodRoleWithItsWebIdentityTokenAndSignsDynamoDbCallsWithIt() throws Exception {
        try (IrsaStandIns irsa = IrsaStandIns.start()) {
            IrsaStandIns.SignedCall call = irsa.signedDynamoDbCall();

            assertThat(call.accessKey()).isEqualTo(IrsaStandIns.ASSUMED_ACCESS_KEY);
            assertThat(call.securityToken()).isEqualTo(IrsaStandIns.ASSUMED_SESSION_TOKEN);
            assertThat(irsa.stsCalls()).singleElement().satisfies(sts -> {
                assertThat(sts.form()).containsEntry("Action", "AssumeRoleWithWebIdentity")
                        .containsEntry("RoleArn", IrsaStandIns.ROLE_ARN)
                        .containsEntry("WebIdentityToken", irsa.token());
                assertThat(sts.authorization()).as("AssumeRoleWithWebIdentity is not signed").isNull();
            });
        }
    }
}
