package org.pacarbon.product.check;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a product archive (.zip or .tar.gz) read into memory: name, bytes and Unix mode (tar only). A small tar
 * reader of our own (ustar, GNU long names and pax paths), so that the check needs nothing but the JDK.
 */
record Archive(Path file, Map<String, Entry> entries) {

    record Entry(byte[] bytes, int mode) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Archive read(Path file) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            if (file.toString().endsWith(".zip")) {
                readZip(in, out);
            } else {
                readTar(new GZIPInputStream(in, 1 << 16), out);
            }
        }
        return new Archive(file, out);
    }

    /** The entries of a zip held in this archive (a plug-in jar), by name. */
    Map<String, Entry> nested(String name) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        readZip(new ByteArrayInputStream(entries.get(name).bytes()), out);
        return out;
    }

    private static void readZip(InputStream in, Map<String, Entry> out) throws IOException {
        try (ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), new Entry(z.readAllBytes(), 0));
                }
            }
        }
    }

    private static void readTar(InputStream raw, Map<String, Entry> out) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] h = new byte[512];
        String longName = null;
        while (true) {
            try {
                in.readFully(h);
            } catch (EOFException e) {
                return;
            }
            if (h[0] == 0) {
                return; // end of archive
            }
            String name = text(h, 0, 100);
            int mode = (int) octal(h, 100, 8);
            long size = octal(h, 124, 12);
            char type = (char) h[156];
            String prefix = "ustar".equals(text(h, 257, 5)) ? text(h, 345, 155) : "";
            byte[] data = new byte[(int) size];
            in.readFully(data);
            int pad = (int) ((512 - size % 512) % 512);
            in.readFully(new byte[pad]);
            if (type == 'L') {
                longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x') {
                for (String rec : new String(data, StandardCharsets.UTF_8).split("\n")) {
                    int sp = rec.indexOf(' ');
                    if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                        longName = rec.substring(sp + 6);
                    }
                }
                continue;
            }
            String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            longName = null;
            if (type == '0' || type == 0) {
                out.put(full, new Entry(data, mode));
            }
        }
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        String s = text(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
