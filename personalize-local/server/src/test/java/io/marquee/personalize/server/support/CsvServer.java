package io.marquee.personalize.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A real HTTP server on loopback for URL imports: {@code /interactions.csv} answers the CSV,
 * {@code /moved} redirects there (302).
 */
public final class CsvServer implements AutoCloseable {

    private final HttpServer server;

    private CsvServer(HttpServer server) {
        this.server = server;
    }

    public static CsvServer start(String csv) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = csv.getBytes(StandardCharsets.UTF_8);
            server.createContext("/interactions.csv", exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/moved", exchange -> {
                exchange.getResponseHeaders().add("Location", "/interactions.csv");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
            return new CsvServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
