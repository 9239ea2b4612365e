package cn.zhifa.academy.platform.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed words of a file format we read or write: column headers of an XLSX template, the
 * markers of the Word question format (答案：), the section headings of a case file. They are
 * part of the format, not of the user interface, so they do not change with the reader's
 * language; they live in {@code formats/<format>.properties} (UTF-8) beside the other resources
 * instead of in Java, where a reviewer of the format finds them in one place.
 *
 * <p>A missing key is a programming error and fails at once (the format's tests load every word).
 */
public final class FormatWords {

    private static final Map<String, FormatWords> FORMATS = new ConcurrentHashMap<>();

    private final String format;
    private final Properties words;

    private FormatWords(String format, Properties words) {
        this.format = format;
        this.words = words;
    }

    /** The words of {@code formats/<format>.properties}, loaded once. */
    public static FormatWords of(String format) {
        return FORMATS.computeIfAbsent(format, FormatWords::load);
    }

    private static FormatWords load(String format) {
        return new FormatWords(format, ResourceFiles.properties("formats/" + format + ".properties"));
    }

    /** The word for a key; {@code {0}}, {@code {1}} … are replaced by the arguments if given. */
    public String get(String key, Object... args) {
        String w = words.getProperty(key);
        if (w == null) {
            throw new IllegalStateException("formats/" + format + ".properties has no " + key);
        }
        return args.length == 0 ? w : new MessageFormat(w, Locale.ROOT).format(args);
    }

    /** A list of words stored as one value separated by {@code |} (e.g. the accepted spellings of 是). */
    public List<String> list(String key) {
        return List.of(get(key).split("\\|", -1));
    }
}
