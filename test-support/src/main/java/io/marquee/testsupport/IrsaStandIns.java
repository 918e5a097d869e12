package io.marquee.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What an EKS pod with IRSA sees, without AWS: a projected web-identity token file, the
 * {@code AWS_ROLE_ARN}/{@code AWS_WEB_IDENTITY_TOKEN_FILE} settings (as the SDK's system
 * properties {@code aws.roleArn}/{@code aws.webIdentityTokenFile}, which it reads like the
 * environment), an STS stand-in that answers {@code AssumeRoleWithWebIdentity} with the recorded
 * wire response (an example from the STS API reference, with a future expiry), and a DynamoDB
 * stand-in that records the SigV4 access key and session token each request was signed with.
 *
 * <p>Use: {@code try (IrsaStandIns irsa = IrsaStandIns.start()) { ... build a client with the
 * default credentials chain and {@link #dynamoDbEndpoint()} ... }}; closing restores the system
 * properties.
 */
public final class IrsaStandIns implements AutoCloseable {

    /** The AccessKeyId in the recorded STS response. */
    public static final String ASSUMED_ACCESS_KEY = "ASIAIRSATESTEXAMPLE1";
    /** The SessionToken in the recorded STS response. */
    public static final String ASSUMED_SESSION_TOKEN = "AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE";
    public static final String ROLE_ARN = "arn:aws:iam::111122223333:role/marquee-test-service";
    public static final String REGION = "eu-west-1";

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");
    private static final List<String> PROPERTIES = List.of("aws.roleArn", "aws.webIdentityTokenFile",
            "aws.roleSessionName", "aws.region", "aws.endpointUrlSts", "aws.accessKeyId", "aws.secretAccessKey",
            "aws.sessionToken");

    /** One STS call as the stand-in received it (form fields). */
    public record StsCall(Map<String, String> form, String authorization) {
    }

    /** One DynamoDB call: the operation, the access key of its signature and its session token. */
    public record SignedCall(String target, String accessKey, String securityToken) {
    }

    private final HttpServer sts;
    private final HttpServer dynamo;
    private final Path tokenFile;
    private final String token;
    private final Map<String, String> previous = new HashMap<>();
    private final List<StsCall> stsCalls = new CopyOnWriteArrayList<>();
    private final List<SignedCall> dynamoCalls = new CopyOnWriteArrayList<>();

    private IrsaStandIns() throws IOException {
        token = "eyJhbGciOiJSUzI1NiJ9.irsa-test-" + System.nanoTime() + ".sig";
        tokenFile = Files.createTempFile("eks-pod-identity-token", "");
        Files.writeString(tokenFile, token);
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", this::answerSts);
        sts.start();
        dynamo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamo.createContext("/", this::answerDynamo);
        dynamo.start();
    }

    /** Starts both stand-ins and sets the IRSA settings, as the EKS pod identity webhook would. */
    public static IrsaStandIns start() throws IOException {
        IrsaStandIns irsa = new IrsaStandIns();
        for (String p : PROPERTIES) {
            irsa.previous.put(p, System.getProperty(p));
        }
        // A pod has no static keys; a test JVM may (a test resource's local stand-in credentials),
        // and the default chain would take those before the web identity.
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
        System.setProperty("aws.roleArn", ROLE_ARN);
        System.setProperty("aws.webIdentityTokenFile", irsa.tokenFile.toString());
        System.setProperty("aws.roleSessionName", "irsa-test");
        System.setProperty("aws.region", REGION);
        // The SDK's service-specific endpoint setting (AWS_ENDPOINT_URL_STS): STS is the stand-in.
        System.setProperty("aws.endpointUrlSts", "http://127.0.0.1:" + irsa.sts.getAddress().getPort());
        return irsa;
    }

    /**
     * Makes one DynamoDB call the way a service's client is built on EKS (region and credentials
     * from the SDK's default chains, the URL-connection HTTP client) and returns how it was signed.
     * With {@code sts} missing from the class path the chain skips the web-identity token and this
     * fails with "Unable to load credentials".
     */
    public SignedCall signedDynamoDbCall() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .build()) {
            client.listTables();
        }
        return dynamoCalls.get(dynamoCalls.size() - 1);
    }

    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort());
    }

    /** The token the pod's projected volume holds. */
    public String token() {
        return token;
    }

    public List<StsCall> stsCalls() {
        return List.copyOf(stsCalls);
    }

    public List<SignedCall> dynamoCalls() {
        return List.copyOf(dynamoCalls);
    }

    private void answerSts(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(read(exchange.getRequestBody()));
        stsCalls.add(new StsCall(form, exchange.getRequestHeaders().getFirst("Authorization")));
        if (!"AssumeRoleWithWebIdentity".equals(form.get("Action"))) {
            respond(exchange, 400, "text/xml", "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
            return;
        }
        String body = recorded().replace("${expiration}", Instant.now().plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS).toString());
        respond(exchange, 200, "text/xml", body);
    }

    private void answerDynamo(HttpExchange exchange) throws IOException {
        read(exchange.getRequestBody());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        dynamoCalls.add(new SignedCall(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                m.find() ? m.group(1) : null, exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
        respond(exchange, 200, "application/x-amz-json-1.0", "{\"TableNames\":[]}");
    }

    private static String recorded() {
        try (InputStream in = IrsaStandIns.class.getResourceAsStream("sts-assume-role-with-web-identity.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "irsa-test");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() throws IOException {
        for (String p : PROPERTIES) {
            if (previous.get(p) == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, previous.get(p));
            }
        }
        sts.stop(0);
        dynamo.stop(0);
        Files.deleteIfExists(tokenFile);
    }
}
