package io.marquee.personalize.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 checked on the server side, as AWS documents it: the canonical request
 * (method, path, query, the signed headers, the SHA-256 of the body) is rebuilt from what arrived,
 * signed with the key derived from the configured secret, date, region and service, and compared
 * in constant time with the signature the client sent. Failures carry AWS's error types.
 */
public final class SigV4 {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final byte[] secret;
    private final Duration maxSkew;

    public SigV4(String accessKeyId, String secretAccessKey, Duration maxSkew) {
        this.accessKeyId = accessKeyId;
        this.secret = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        this.maxSkew = maxSkew;
    }

    /**
     * Refuses the request unless it is signed with the configured key.
     *
     * @param rawPath the path as sent (still percent-encoded)
     * @param rawQuery the query as sent, or null
     * @param header a header's value by (any-case) name, or null
     */
    public void verify(String method, String rawPath, String rawQuery, Function<String, String> header, byte[] body,
                       Instant now) {
        String authorization = header.apply("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw incomplete("Authorization must use " + ALGORITHM);
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization needs Credential, SignedHeaders and Signature");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw incomplete("Credential must be <key>/<date>/<region>/<service>/aws4_request");
        }
        if (!MessageDigest.isEqual(scope[0].getBytes(StandardCharsets.UTF_8),
                accessKeyId.getBytes(StandardCharsets.UTF_8))) {
            throw new AwsException("UnrecognizedClientException", 403,
                    "The security token included in the request is invalid.");
        }
        String amzDate = header.apply("X-Amz-Date");
        if (amzDate == null) {
            throw incomplete("X-Amz-Date is required");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must look like 20260101T120000Z");
        }
        if (!amzDate.startsWith(scope[1])) {
            throw invalid("The credential date does not match X-Amz-Date");
        }
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw invalid("Signature expired: " + amzDate + " is too far from the server's time");
        }
        List<String> names = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!names.contains("host")) {
            throw incomplete("SignedHeaders must include host");
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(method.toUpperCase(Locale.ROOT)).append('\n')
                .append(canonicalPath(rawPath)).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        for (String name : names) {
            String value = header.apply(name);
            canonical.append(name).append(':').append(value == null ? "" : value.trim().replaceAll(" +", " "))
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", names)).append('\n');
        String payloadHash = header.apply("X-Amz-Content-Sha256");
        canonical.append(payloadHash != null && !payloadHash.isBlank() ? payloadHash : hex(sha256(body)));
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + String.join("/", scope[1], scope[2], scope[3],
                scope[4]) + '\n' + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(hmac(hmac(hmac(secret, scope[1]), scope[2]), scope[3]), "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.");
        }
        if (payloadHash != null && !payloadHash.isBlank() && !payloadHash.equalsIgnoreCase(hex(sha256(body)))) {
            throw invalid("The body does not match X-Amz-Content-Sha256");
        }
    }

    /** Each path segment encoded once more, as the SDKs sign every service but S3. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(reencode(k) + "=" + reencode(v));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** Decodes a query component and encodes it the SigV4 way. */
    private static String reencode(String part) {
        byte[] decoded = java.net.URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (byte b : decoded) {
            char c = (char) (b & 0xff);
            out.append(unreserved(c) ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~';
    }

    private static AwsException invalid(String message) {
        return new AwsException("InvalidSignatureException", 403, message);
    }

    private static AwsException incomplete(String message) {
        return new AwsException("IncompleteSignatureException", 403, message);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
