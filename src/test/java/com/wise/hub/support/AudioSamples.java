package com.wise.hub.support;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Byte sequences that start like real recordings of each accepted format, with random payload after. */
public final class AudioSamples {

    private AudioSamples() {
    }

    public static byte[] wav(int size) {
        return withHead(size, seeded(size), ascii("RIFF"), new byte[] {0x24, 0, 0, 0}, ascii("WAVEfmt "));
    }

    public static byte[] mp3Id3(int size) {
        return withHead(size, seeded(size), ascii("ID3"), new byte[] {4, 0, 0});
    }

    public static byte[] mp3Frame(int size) {
        return withHead(size, seeded(size), new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
    }

    public static byte[] m4a(int size) {
        return withHead(size, seeded(size), new byte[] {0, 0, 0, 0x20}, ascii("ftypM4A "));
    }

    public static byte[] ogg(int size) {
        return withHead(size, seeded(size), ascii("OggS"), new byte[] {0, 2});
    }

    public static byte[] webm(int size) {
        return withHead(size, seeded(size), new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3});
    }

    public static byte[] flac(int size) {
        return withHead(size, seeded(size), ascii("fLaC"));
    }

    private static byte[] seeded(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] withHead(int size, byte[] bytes, byte[]... head) {
        int at = 0;
        for (byte[] part : head) {
            System.arraycopy(part, 0, bytes, at, part.length);
            at += part.length;
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
