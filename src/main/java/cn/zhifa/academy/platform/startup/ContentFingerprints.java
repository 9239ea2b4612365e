package cn.zhifa.academy.platform.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Fingerprints of the content folders imported at start (issue 16). A fingerprint hashes every
 * regular file's relative path, size and modification time — file metadata only, no file is
 * opened — plus an importer version, so a start with an unchanged folder skips the import
 * (which reads, parses and compares every file). Any change of a file, a new file or a removed
 * one changes the fingerprint and the folder is imported as before. Stored only after an import
 * succeeded, so a folder with errors is tried again at the next start.
 */
@ApplicationScoped
public class ContentFingerprints {

    /** A folder's fingerprint and how many files it covers. */
    public record Fingerprint(String hash, int files) {
    }

    @Inject
    EntityManager em;

    /** The fingerprint of {@code folder} for an importer at {@code version}. */
    public static Fingerprint of(Path folder, String version) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<String> lines = new ArrayList<>();
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    lines.add(folder.relativize(p).toString().replace('\\', '/') + '\0' + a.size() + '\0'
                            + a.lastModifiedTime().toMillis());
                }
            }
            lines.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            for (String l : lines) {
                sha.update((byte) '\n');
                sha.update(l.getBytes(StandardCharsets.UTF_8));
            }
            return new Fingerprint(HexFormat.of().formatHex(sha.digest()), lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the last successful import of {@code kind} was of {@code folder} with this fingerprint. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unchanged(String kind, Path folder, Fingerprint fp) {
        List<?> rows = em.createNativeQuery("SELECT 1 FROM content_fingerprint WHERE kind = ?1 AND folder = ?2 "
                + "AND fingerprint = ?3").setParameter(1, kind).setParameter(2, folder.toString())
                .setParameter(3, fp.hash()).getResultList();
        return !rows.isEmpty();
    }

    /** Records a successful import of {@code folder} as {@code kind}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(String kind, Path folder, Fingerprint fp) {
        em.createNativeQuery("INSERT INTO content_fingerprint (kind, folder, fingerprint, files) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (kind) DO UPDATE SET folder = EXCLUDED.folder, fingerprint = EXCLUDED.fingerprint, "
                + "files = EXCLUDED.files, imported_at = now()").setParameter(1, kind)
                .setParameter(2, folder.toString()).setParameter(3, fp.hash()).setParameter(4, fp.files())
                .executeUpdate();
    }

    /** Forgets every fingerprint, so the next start imports every folder again (tests, operators). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetAll() {
        em.createNativeQuery("DELETE FROM content_fingerprint").executeUpdate();
    }
}
