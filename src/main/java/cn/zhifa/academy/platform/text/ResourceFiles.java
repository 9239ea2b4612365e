package cn.zhifa.academy.platform.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Text that lives beside the code instead of in it (seed and demo data, format words): UTF-8
 * resources on the class path. A missing file is a packaging error and fails at once.
 */
public final class ResourceFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();

    private ResourceFiles() {
    }

    /** A UTF-8 properties file (unlike {@link Properties#load(InputStream)}, which reads ISO-8859-1). */
    public static Properties properties(String path) {
        try (InputStream in = open(path)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file as a tree. */
    public static JsonNode yaml(String path) {
        try (InputStream in = open(path)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file read into a type. */
    public static <T> T yaml(String path, TypeReference<T> type) {
        try (InputStream in = open(path)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = ResourceFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path);
        }
        return in;
    }
}
