package cn.zhifa.academy.storage;

import java.util.Optional;

/**
 * One byte range of an object, parsed from an HTTP {@code Range} header (RFC 9110 §14.2).
 * Only single ranges are served; a header this class cannot use means "send it all".
 */
public record ByteRange(long start, long end) {

    public long length() {
        return end - start + 1;
    }

    public String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    /** Thrown for a syntactically valid range that lies outside the object (416). */
    public static class NotSatisfiable extends RuntimeException {
        public NotSatisfiable() {
            super("range not satisfiable");
        }
    }

    /**
     * @return the range to send, or empty for the whole object
     * @throws NotSatisfiable when the range starts past the end
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            if (size == 0) {
                throw new NotSatisfiable();
            }
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) { // suffix: the last N bytes
                long n = Long.parseLong(last);
                if (n <= 0) {
                    throw new NotSatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                throw new NotSatisfiable();
            }
            if (end < start) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(start, end));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
