package io.marquee.personalize.server.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.server.web.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventFaultsTest {

    private static final byte[] CALL = "{\"trackingId\":\"t\",\"sessionId\":\"s\",\"eventList\":[{\"itemId\":\"bad-1\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private static EventFaults faults(double throttle, double fail, String rejectPrefix) {
        return new EventFaults(new EventFaults.Config() {
            @Override
            public double throttleShare() {
                return throttle;
            }

            @Override
            public double failShare() {
                return fail;
            }

            @Override
            public Optional<String> rejectItemPrefix() {
                return Optional.ofNullable(rejectPrefix);
            }
        });
    }

    @Test
    void offByDefault() {
        assertThatCode(() -> faults(0, 0, null).beforePutEvents(CALL)).doesNotThrowAnyException();
    }

    @Test
    void aFullThrottleShareThrottlesEveryCallTheWaySdksRetry() {
        assertThatThrownBy(() -> faults(1, 0, null).beforePutEvents(CALL)).isInstanceOfSatisfying(AwsException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("ThrottlingException"));
    }

    @Test
    void aFullFailShareAnswers503() {
        assertThatThrownBy(() -> faults(0, 1, null).beforePutEvents(CALL)).isInstanceOfSatisfying(AwsException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void callsWithARejectedItemAreInvalidInputOthersPass() {
        assertThatThrownBy(() -> faults(0, 0, "bad-").beforePutEvents(CALL)).isInstanceOfSatisfying(AwsException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("InvalidInputException"));
        assertThatCode(() -> faults(0, 0, "other-").beforePutEvents(CALL)).doesNotThrowAnyException();
    }
}
