package io.marquee.personalize.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything personalize-local can be told from outside ({@code personalize.*}, env {@code PERSONALIZE_*}). */
@ConfigMapping(prefix = "personalize")
public interface ServerConfig {

    /**
     * Where resources, imported datasets, the event log and trained models live
     * ({@code PERSONALIZE_DATA_DIR}). Everything survives a restart; delete the directory to start
     * from scratch.
     */
    @WithDefault("./personalize-data")
    String dataDir();

    /** The region written into every ARN ({@code PERSONALIZE_REGION}); requests from any region are served. */
    @WithDefault("us-east-1")
    String region();

    /** The account id written into every ARN ({@code PERSONALIZE_ACCOUNT_ID}). */
    @WithDefault("000000000000")
    String accountId();

    /**
     * How long each status step of a create or delete lasts (CREATE PENDING, then CREATE
     * IN_PROGRESS), so clients that poll Describe* see the lifecycle AWS has. Imports and training
     * take as long as they take on top of this.
     */
    @WithDefault("200ms")
    Duration statusStep();

    /**
     * The directory dataset import jobs may read {@code file://} locations from
     * ({@code PERSONALIZE_IMPORT_ROOT}); unset, {@code imports/} inside the data directory. A
     * caller of CreateDatasetImportJob can read any file under it (and see parts of a file that
     * does not parse in the failure reason), so keep it to the files meant for import.
     */
    Optional<String> importRoot();

    /** The import root in effect: {@link #importRoot()}, or {@code <data-dir>/imports}. */
    default Path importDirectory() {
        return Path.of(importRoot().filter(r -> !r.isBlank()).orElse(Path.of(dataDir()).resolve("imports").toString()))
                .toAbsolutePath().normalize();
    }

    /**
     * Let {@code http(s)://} imports reach loopback, private, link-local and other non-public
     * addresses ({@code PERSONALIZE_IMPORT_ALLOW_PRIVATE_ADDRESSES}). Off, an import cannot be
     * used to read services inside the network personalize-local runs in (cloud metadata
     * endpoints included). Redirects are never followed, so a public URL cannot lead there either.
     */
    @WithDefault("false")
    boolean importAllowPrivateAddresses();

    /** The largest dataset file an import job reads, in bytes. */
    @WithDefault("2000000000")
    long importMaxBytes();

    /**
     * Force the event log to disk after each PutEvents/PutItems/PutUsers call: survives power
     * loss, not only a crashed process, at the price of one fsync per call.
     */
    @WithDefault("false")
    boolean fsyncEvents();

    /**
     * The most recorded events (PutEvents) a start replays into memory, over all dataset groups
     * ({@code PERSONALIZE_MAX_EVENTS}); the newest are kept, the older ones dropped, and the dataset
     * group's failureReason says so. Unset: as many as half the heap holds (about 48 bytes an
     * event: some 22 million with -Xmx2g). Personalize keeps every event; a local engine keeps
     * what its heap allows rather than fail to start.
     */
    Optional<Long> maxEvents();

    /**
     * How many GetRecommendations/GetPersonalizedRanking requests may be in progress at once;
     * more are answered with ThrottlingException (the SDKs back off and retry). Scoring is
     * CPU-bound, so a few per core keep the cores busy; more would only wait in line.
     */
    @WithDefault("16")
    int maxConcurrentRequests();

    /** Request signing; off unless a key is configured. */
    Auth auth();

    /**
     * AWS Signature Version 4, checked as AWS checks it, for a shared development cluster: with
     * a key configured every Personalize request must be signed with it (the SDKs and the CLI do
     * this given the same key); a request that is unsigned, signed with another key, or whose
     * signature does not match is refused with AWS's error. Health and metrics stay open.
     */
    interface Auth {

        /** The access key id clients sign with ({@code PERSONALIZE_AUTH_ACCESS_KEY_ID}); unset, nothing is checked. */
        Optional<String> accessKeyId();

        /** Its secret ({@code PERSONALIZE_AUTH_SECRET_ACCESS_KEY}); from a secret store, never committed. */
        Optional<String> secretAccessKey();

        /** How far a request's X-Amz-Date may be from this server's clock (AWS allows 15 minutes). */
        @WithDefault("15m")
        Duration maxClockSkew();
    }
}
