package io.marquee.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * On EKS a service reaches AWS with its pod's IAM role (IRSA), through the SDK's default chain.
 * Each AWS-using service runs this against its own class path ({@code class IrsaCredentialsTest
 * extends IrsaContract {}}): without {@code sts} there the chain skips the web-identity token.
 */
public abstract class IrsaContract {

    @Test
    void theDefaultChainAssumesThePodRoleWithItsWebIdentityTokenAndSignsAwsCallsWithIt() throws Exception {
        try (IrsaStandIns irsa = IrsaStandIns.start()) {
            IrsaStandIns.SignedCall call = irsa.signedDynamoDbCall();

            assertEquals(IrsaStandIns.ASSUMED_ACCESS_KEY, call.accessKey());
            assertEquals(IrsaStandIns.ASSUMED_SESSION_TOKEN, call.securityToken());
            assertEquals(1, irsa.stsCalls().size(), "one AssumeRoleWithWebIdentity call");
            IrsaStandIns.StsCall sts = irsa.stsCalls().get(0);
            assertEquals("AssumeRoleWithWebIdentity", sts.form().get("Action"));
            assertEquals(IrsaStandIns.ROLE_ARN, sts.form().get("RoleArn"));
            assertEquals(irsa.token(), sts.form().get("WebIdentityToken"));
            assertNull(sts.authorization(), "AssumeRoleWithWebIdentity is not signed");
        }
    }
}
