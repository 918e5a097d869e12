package io.marquee.ingest.ingest.events;

/** Events the broker did not acknowledge in time: the client should retry the whole batch later. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("not acknowledged by the broker: " + cause, cause, false, false);
    }
}
