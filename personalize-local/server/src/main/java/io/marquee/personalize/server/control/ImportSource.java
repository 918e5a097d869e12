package io.marquee.personalize.server.control;

import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Where an import job's file comes from, and what a caller of CreateDatasetImportJob may make
 * personalize-local read: {@code file://} only under the import root (symbolic links resolved
 * first), {@code http(s)://} only from public addresses unless configured otherwise, and never
 * by following a redirect (a public URL could otherwise lead to an internal one).
 */
@ApplicationScoped
class ImportSource {

    /** A file to read; {@code scratch} when it is a download to delete afterwards. */
    record Local(Path file, boolean scratch) {
    }

    private final ServerConfig config;
    private final Store store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ImportSource(ServerConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    Local fetch(URI uri) throws Exception {
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "s3" -> throw new Lifecycle.WorkFailed("s3:// locations are not supported by "
                    + "personalize-local; import from a file:// or http(s):// URL");
            case "file" -> new Local(localFile(uri), false);
            default -> new Local(download(uri), true);
        };
    }

    private Path localFile(URI uri) throws Exception {
        Path root = config.importDirectory();
        Path file = Path.of(uri).toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            throw new Lifecycle.WorkFailed(uri + " is outside the import root " + root
                    + " (personalize.import-root); put the file there");
        }
        if (!Files.isRegularFile(file)) {
            throw new Lifecycle.WorkFailed("No CSV file at " + uri);
        }
        // A link inside the root must not lead outside it.
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            throw new Lifecycle.WorkFailed(uri + " leads outside the import root " + root);
        }
        if (Files.size(file) > config.importMaxBytes()) {
            throw new Lifecycle.WorkFailed(uri + " is larger than personalize.import-max-bytes");
        }
        return file;
    }

    private Path download(URI uri) throws Exception {
        if (uri.getHost() == null) {
            throw new Lifecycle.WorkFailed(uri + " names no host");
        }
        if (!config.importAllowPrivateAddresses()) {
            refuseNonPublic(uri);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Lifecycle.WorkFailed("Could not download " + uri + ": " + e.getMessage());
        }
        if (response.statusCode() / 100 == 3) {
            response.body().close();
            throw new Lifecycle.WorkFailed("Downloading " + uri + " answered a redirect (HTTP " + response.statusCode()
                    + "); redirects are not followed, give the final URL");
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new Lifecycle.WorkFailed("Downloading " + uri + " answered HTTP " + response.statusCode());
        }
        Path target = store.scratchFile("download");
        try (InputStream body = response.body()) {
            // Copy at most one byte past the limit: a huge answer must not fill the disk first.
            long copied = Files.copy(new BoundedInputStream(body, config.importMaxBytes() + 1), target,
                    StandardCopyOption.REPLACE_EXISTING);
            if (copied > config.importMaxBytes()) {
                Files.deleteIfExists(target);
                throw new Lifecycle.WorkFailed(uri + " is larger than personalize.import-max-bytes");
            }
        }
        return target;
    }

    /**
     * Every address the host resolves to must be public. (The HTTP client resolves the name
     * again; a name whose answers change between the two is not caught here: a network policy
     * on egress is the complete answer where that matters.)
     */
    private static void refuseNonPublic(URI uri) throws Lifecycle.WorkFailed {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Lifecycle.WorkFailed("Could not download " + uri + ": unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new Lifecycle.WorkFailed(uri + " resolves to " + a.getHostAddress() + ", a loopback, private or "
                        + "link-local address; personalize.import-allow-private-addresses=true allows it");
            }
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128) // 100.64/10, carrier-grade NAT
                && !(first == 198 && (second == 18 || second == 19)); // 198.18/15, benchmarking
    }

    /** Reads at most {@code limit} bytes of another stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
