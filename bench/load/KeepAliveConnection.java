import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP/1.1 keep-alive connection of the load generators (LoadGen, EventLoad), reopened after
 * a failure or a {@code Connection: close}. A blocking socket and a minimal answer parser: the
 * generators share the two cores with the stack they measure, and the JDK's java.net.http client
 * spent about half a core at 200 requests a second and added its own thread hand-offs to every
 * latency.
 */
final class KeepAliveConnection {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    /** The run's first failure, so a table full of errors can be explained. */
    private final AtomicReference<String> firstError;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(String host, int port, int timeoutMillis, AtomicReference<String> firstError) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.firstError = firstError;
    }

    /** Sends one request (its whole bytes) and reads its whole answer; the status code, or -1 on failure. */
    int exchange(byte[] request) {
        try {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(timeoutMillis);
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            }
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            firstError.compareAndSet(null, e.toString());
            close();
            return -1;
        }
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String header;
        while (!(header = line()).isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closeAfter = true; // body runs to end of stream
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (closeAfter) {
            close();
        }
        if (status / 100 != 2) {
            firstError.compareAndSet(null, "HTTP " + status);
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken socket: nothing left to do
        }
        socket = null;
    }
}
