package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binary helpers for {@link Model#write} and {@link Models#read}: big arrays in chunks. */
final class Io {

    private static final int CHUNK = 1 << 16;

    private Io() {
    }

    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a == null) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int i = 0; i < a.length; i += CHUNK) {
            int len = Math.min(CHUNK, a.length - i);
            buf.clear();
            buf.asFloatBuffer().put(a, i, len);
            out.write(buf.array(), 0, len * 4);
        }
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] a = new float[n];
        byte[] bytes = new byte[CHUNK * 4];
        for (int i = 0; i < n; i += CHUNK) {
            int len = Math.min(CHUNK, n - i);
            in.readFully(bytes, 0, len * 4);
            ByteBuffer.wrap(bytes, 0, len * 4).asFloatBuffer().get(a, i, len);
        }
        return a;
    }

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a == null) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int i = 0; i < a.length; i += CHUNK) {
            int len = Math.min(CHUNK, a.length - i);
            buf.clear();
            buf.asIntBuffer().put(a, i, len);
            out.write(buf.array(), 0, len * 4);
        }
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        int[] a = new int[n];
        byte[] bytes = new byte[CHUNK * 4];
        for (int i = 0; i < n; i += CHUNK) {
            int len = Math.min(CHUNK, n - i);
            in.readFully(bytes, 0, len * 4);
            ByteBuffer.wrap(bytes, 0, len * 4).asIntBuffer().get(a, i, len);
        }
        return a;
    }

    static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    static void writeDoubleMap(DataOutputStream out, Map<String, Double> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, Double> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    static Map<String, Double> readDoubleMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readDouble());
        }
        return map;
    }

    static void writeStringMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeLongString(out, e.getKey());
            writeLongString(out, e.getValue() == null ? "" : e.getValue());
        }
    }

    static Map<String, String> readStringMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(readLongString(in), readLongString(in));
        }
        return map;
    }

    /** Strings beyond writeUTF's 64 KB limit (item properties may be 32,000 characters of any script). */
    static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readLongString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
