package io.marquee.common.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Judges a raw request target ({@code /path?query} as the client sent it) before anything decodes
 * it, and says what is wrong in words that never quote the input: the target is hostile by
 * assumption, so a detail names the part (path or query string) and the rule, not the bytes.
 * {@link RequestHeadCheck} answers with it; a plain class so the rules are tested without a server.
 */
public final class RequestTargets {

    static final String BAD_ESCAPE = "is not valid percent-encoding: every '%' must be followed by two hexadecimal digits";
    static final String NOT_UTF8 = "is not valid UTF-8 once percent-decoded";
    static final String ILLEGAL_CHARACTER = "has a character that must be percent-encoded "
            + "(such as a space, a control character, '\"', '<', '>', '\\', '^', '`', '{', '|' or '}')";

    private RequestTargets() {
    }

    /** What is wrong with this target, or empty when it is a well-formed URI with UTF-8 escapes. */
    public static Optional<String> problemWith(String target) {
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? null : target.substring(queryStart + 1);
        Optional<String> problem = problemWith(path, "The path");
        if (problem.isEmpty() && query != null) {
            problem = problemWith(query, "The query string");
        }
        if (problem.isPresent()) {
            return problem;
        }
        // The same parse Quarkus refuses a target with (bare 400) before any route runs; it is off
        // in our services so this answer can carry a body (RequestHeadCheck), and kept here so
        // nothing it refused gets through.
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            boolean inQuery = queryStart >= 0 && e.getIndex() > queryStart;
            return Optional.of((inQuery ? "The query string " : "The path ") + ILLEGAL_CHARACTER);
        }
    }

    private static Optional<String> problemWith(String part, String name) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                    return Optional.of(name + " " + BAD_ESCAPE);
                }
                bytes.put((byte) (hex(part.charAt(i + 1)) << 4 | hex(part.charAt(i + 2))));
                i += 2;
            } else if (c < 0x21 || c == 0x7f || c > 0xff) {
                return Optional.of(name + " " + ILLEGAL_CHARACTER);
            } else {
                // Netty hands the request line over byte for byte (ISO-8859-1), so a raw non-ASCII
                // byte is judged with the escaped ones: together they must spell UTF-8.
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of(name + " " + NOT_UTF8);
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
