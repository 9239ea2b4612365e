package cn.zhifa.academy.exam.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.zhifa.academy.exam.bank.QuestionCache;

/**
 * An exam's question texts and options as one immutable document (issue 11): every question
 * of the exam's frozen pool, stem as safe HTML, options in their original order. It is the
 * same for every candidate, so it is built once per node, kept as JSON and gzip bytes, and sent
 * with a strong ETag and a year's max-age; per candidate only the order, the option
 * permutation, the saved answers and the deadline travel (the paper). It never holds a key,
 * an explanation, a reference answer or a rubric.
 */
@ApplicationScoped
public class QuestionDocument {

    /**
     * One question as candidates see it. The document is the same for every candidate, in every
     * language: {@code typeLabel} is the type as the question files write it; the exam page shows
     * the type's name in the reader's language from {@code type}.
     */
    public record Question(long id, String type, String typeLabel, String stemHtml, List<String> options) {
    }

    public record Body(long examId, List<Question> questions) {
    }

    /**
     * The built document: its body as sent and its gzip form, and the strong ETag. The bodies are
     * held once each in direct memory ({@link #body}): every response sends a slice of them
     * (never written to, never released), so thousands of candidates fetching the document at the
     * bell cost no copy and no buffer allocation per response (before, each response copied its
     * 30 KB into a new pooled direct buffer, and the pool kept allocating and zeroing new 4 MB
     * chunks while the sockets drained: 14 % of the worker threads' CPU in the start burst).
     */
    public record Doc(io.netty.buffer.ByteBuf json, io.netty.buffer.ByteBuf gzip, String etag) {

        Doc(byte[] json, byte[] gzip, String etag) {
            this(shared(json), shared(gzip), etag);
        }

        private static io.netty.buffer.ByteBuf shared(byte[] bytes) {
            return io.netty.buffer.Unpooled.unreleasableBuffer(
                    io.netty.buffer.Unpooled.directBuffer(bytes.length).writeBytes(bytes));
        }

        /** The body to send: a view of the shared bytes (Vert.x writes a slice of it, never releases it). */
        public io.vertx.core.buffer.Buffer body(boolean gzip) {
            return io.vertx.core.buffer.Buffer.buffer(gzip ? this.gzip : json);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    QuestionCache questions;

    @Inject
    ObjectMapper json;

    private final Map<Long, Doc> docs = new ConcurrentHashMap<>();

    /**
     * The exam's document (built on first use; the pool of a published exam never changes). Built
     * once per node: the first caller builds it and callers arriving meanwhile wait for that build
     * (one lock for all exams: a build happens once per exam and node). Before, every start of a cold node's first second built its own copy (JSON
     * and gzip of the whole pool, on up to 200 worker threads at once).
     */
    public Doc of(long examId) {
        Doc d = docs.get(examId);
        if (d != null) {
            return d;
        }
        synchronized (docs) {
            d = docs.get(examId);
            if (d == null) {
                d = QuarkusTransaction.joiningExisting().call(() -> build(examId));
                docs.put(examId, d);
            }
            return d;
        }
    }

    /** The exam's document if this node has built it already, else null (never builds: safe on an event loop). */
    public Doc built(long examId) {
        return docs.get(examId);
    }

    /** Drops this node's copy (tests: a node that has not built it yet). */
    void forget(long examId) {
        docs.remove(examId);
    }

    Body body(long examId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                "SELECT DISTINCT question_version_id FROM exam_pool WHERE exam_id = ?1 ORDER BY 1").setParameter(1, examId)
                .getResultList();
        List<Question> out = ids.stream().map(id -> {
            QuestionCache.Q q = questions.get(id.longValue());
            return new Question(q.versionId(), q.type().name(), q.type().label, q.stemHtml(),
                    q.type().choice() ? q.options() : List.of());
        }).toList();
        return new Body(examId, out);
    }

    private Doc build(long examId) {
        try {
            byte[] bytes = json.writeValueAsString(body(examId)).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(bytes);
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Doc(bytes, zipped.toByteArray(), "\"q" + examId + "-" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("building the question document of exam " + examId + " failed", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
