package io.marquee.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests an HTTP client would
 * re-encode or refuse to send (malformed percent-encoding, over-long lines, broken headers).
 * Reads one answer; the request should carry {@code Connection: close} or the server closes anyway.
 */
public final class RawHttp {

    /** One answer: status, headers (names lower-cased, last one wins) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** {@code GET target} with only Host and Connection: close. */
    public static Answer get(URL server, String target) throws IOException {
        return send(server, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends the request text (ISO-8859-1, so every char below 256 is one byte) and reads one answer. */
    public static Answer send(URL server, String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        int contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                n = -1; // a reset after the answer: keep what arrived
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    contentLength = contentLength(text.substring(0, headEnd));
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && received.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
            throw new IOException("no complete answer; received " + text.length() + " bytes");
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] all = received.toByteArray();
        int bodyStart = headEnd + 4;
        int bodyLength = contentLength >= 0 ? Math.min(contentLength, all.length - bodyStart) : all.length - bodyStart;
        return new Answer(status, headers, new String(all, bodyStart, bodyLength, StandardCharsets.UTF_8));
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }
}
