package cn.zhifa.academy.storage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media types the platform accepts and the magic bytes each must start with. A file is
 * accepted only when its content matches the type its name and its declared type claim, so an
 * HTML page renamed to .mp4 is refused.
 */
public final class ContentTypes {

    /** Bytes needed for every check below (text checks look further, at what is there). */
    public static final int SNIFF_BYTES = 8192;

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"), Map.entry("txt", "text/plain"),
            Map.entry("vtt", "text/vtt"));

    private ContentTypes() {
    }

    /** The type a file name claims by its extension, if the extension is one we accept. */
    public static Optional<String> byFilename(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    public static boolean isAccepted(String contentType) {
        return BY_EXTENSION.containsValue(contentType);
    }

    /** True when {@code head} (the first bytes of the file) is what {@code contentType} promises. */
    public static boolean contentMatches(String contentType, byte[] head, int len) {
        return switch (contentType) {
            case "video/mp4", "audio/mp4" -> len >= 12 && ascii(head, 4, "ftyp");
            case "video/webm" -> startsWith(head, len, 0x1A, 0x45, 0xDF, 0xA3);
            case "audio/mpeg" -> (len >= 3 && ascii(head, 0, "ID3"))
                    || (len >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
            case "image/png" -> startsWith(head, len, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> startsWith(head, len, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> len >= 6 && (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a"));
            case "image/webp" -> len >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP");
            case "application/pdf" -> len >= 5 && ascii(head, 0, "%PDF-");
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation" ->
                startsWith(head, len, 0x50, 0x4B, 0x03, 0x04);
            case "text/markdown", "text/plain", "text/vtt" -> isPlainText(head, len, false);
            // spreadsheets saved as CSV by Chinese Excel are GB18030
            case "text/csv" -> isPlainText(head, len, true);
            default -> false;
        };
    }

    /** UTF-8 (or GB18030 when allowed) without NUL bytes and without HTML markup a browser might run. */
    static boolean isPlainText(byte[] head, int len, boolean gb18030Allowed) {
        int cut = len;
        // a multi-byte character may be split at the end of the sniffed window
        while (cut > 0 && cut > len - 4 && (head[cut - 1] & 0xC0) == 0x80) {
            cut--;
        }
        if (cut > 0 && (head[cut - 1] & 0xC0) == 0xC0) {
            cut--;
        }
        String text = decode(StandardCharsets.UTF_8, head, cut);
        // a GB18030 character is up to 4 bytes and may be cut by the end of the window
        for (int drop = 0; text == null && gb18030Allowed && drop < 4 && drop < len; drop++) {
            text = decode(java.nio.charset.Charset.forName("GB18030"), head, len - drop);
        }
        if (text == null) {
            return false;
        }
        if (text.indexOf('\0') >= 0) {
            return false;
        }
        String lower = text.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.startsWith("\ufeff")) {
            lower = lower.substring(1).stripLeading();
        }
        return !(lower.startsWith("<!doctype") || lower.startsWith("<html") || lower.startsWith("<?xml")
                || lower.startsWith("<svg") || lower.contains("<script"));
    }

    private static String decode(java.nio.charset.Charset cs, byte[] head, int len) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        if (head.length < offset + expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (head[offset + i] != (byte) expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int len, int... magic) {
        if (len < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
