package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.web.ProblemException;

/**
 * Accepts uploads into the object store after checking size and real content type, and
 * serves them back in byte ranges. The database row is written only after the bytes are
 * stored; when the row cannot be written the bytes are removed again.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);

    @Inject
    ObjectStore store;

    @Inject
    AcademyConfig config;

    @Inject
    AuditLog audit;

    /**
     * Stores an uploaded file that Quarkus has already streamed to a temporary file.
     *
     * @param declaredType the part's Content-Type as the client sent it (may be null or generic)
     */
    public MediaRef store(Path file, String filename, String declaredType, String uploader) throws IOException {
        return store(file, filename, declaredType, uploader, MediaOwner.UPLOAD, null);
    }

    /**
     * Stores a file that belongs to {@code owner} (record {@code ownerId}, when it exists yet).
     * An {@link MediaOwner#IMPORT_FILE} expires after {@code academy.storage.import-retention}.
     */
    public MediaRef store(Path file, String filename, String declaredType, String uploader, MediaOwner owner,
            Long ownerId) throws IOException {
        checkUploadSize(file);
        return storeChecked(file, filename, declaredType, uploader, owner, ownerId);
    }

    /**
     * Refuses (413) a file larger than {@code academy.storage.max-upload-size}: for what a user
     * uploads, checked before anything is read from it.
     */
    public void checkUploadSize(Path file) throws IOException {
        long size = Files.size(file);
        long max = config.storage().maxUploadSize().asLongValue();
        if (size > max) {
            throw new ProblemException(413, "Payload too large",
                    "The file has " + size + " bytes; at most " + max + " are accepted.");
        }
    }

    /**
     * Stores a file the service derived itself from an upload whose size was checked (e.g. the
     * pseudonymised copy of a roster, which may be larger than the spreadsheet it came from):
     * the upload limit does not apply; name and real type are checked as for any file.
     */
    public MediaRef storeDerived(Path file, String filename, String declaredType, String uploader, MediaOwner owner,
            Long ownerId) throws IOException {
        return storeChecked(file, filename, declaredType, uploader, owner, ownerId);
    }

    private MediaRef storeChecked(Path file, String filename, String declaredType, String uploader,
            MediaOwner owner, Long ownerId) throws IOException {
        // issue 12 item 10: a name that cannot be kept is a 400, not a database error
        if (filename == null || filename.isBlank() || filename.length() > 255
                || cn.zhifa.academy.platform.web.TextRules.problem(filename) != null) {
            // still a ProblemException: the upload pages of exam and matters catch it
            throw ProblemException.invalid("file", ErrorTexts.text(ErrorTexts.currentLocale(), "media.filename_invalid"));
        }
        long size = Files.size(file);
        String type = resolveType(filename, declaredType);
        byte[] head = new byte[ContentTypes.SNIFF_BYTES];
        int len;
        try (InputStream in = Files.newInputStream(file)) {
            len = in.readNBytes(head, 0, head.length);
        }
        if (!ContentTypes.contentMatches(type, head, len)) {
            throw new ProblemException(415, "Unsupported media type",
                    "The content of '" + filename + "' is not " + type + ".");
        }
        String key = newKey(filename);
        String sha256;
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            store.put(key, in, size, type);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        try {
            String digest = sha256;
            return QuarkusTransaction.requiringNew().call(() -> record(key, filename, type, size, digest, uploader, owner,
                    ownerId));
        } catch (RuntimeException e) {
            try {
                store.delete(key);
            } catch (IOException cleanup) {
                LOG.warnf(cleanup, "could not remove orphaned object %s", key);
            }
            throw e;
        }
    }

    private MediaRef record(String key, String filename, String type, long size, String sha256, String uploader,
            MediaOwner owner, Long ownerId) {
        MediaObject m = new MediaObject();
        m.publicId = UUID.randomUUID();
        m.ownerKind = owner;
        m.ownerId = ownerId;
        if (owner == MediaOwner.IMPORT_FILE) {
            m.expiresAt = Now.instant().plus(config.storage().importRetention());
        }
        m.objectKey = key;
        m.filename = filename;
        m.contentType = type;
        m.sizeBytes = size;
        m.sha256 = sha256;
        m.uploadedBy = uploader;
        m.persist();
        audit.record("media.uploaded", "media_object", m.id,
                AuditLog.detail("after", Map.of("filename", filename, "contentType", type, "size", size, "sha256",
                        sha256, "backend", store.backend(), "owner", owner.name(), "publicId",
                        m.publicId.toString())));
        return MediaRef.of(m);
    }

    /** By the internal id, for the owning feature's own use (never from a URL: see {@link MediaAccess}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaRef> find(long id) {
        return MediaObject.<MediaObject> findByIdOptional(id).filter(m -> m.purgedAt == null).map(MediaRef::of);
    }

    /** Files by internal id, purged ones included (their description stays); unknown ids are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, MediaRef> find(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return MediaObject.<MediaObject> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.id, MediaRef::of));
    }

    /** The public id of a file by its internal id, purged or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> publicId(long id) {
        return MediaObject.<MediaObject> findByIdOptional(id).map(m -> m.publicId);
    }

    /** A file by its public id, purged or not (for the owning feature; URLs go through {@link MediaAccess}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaRef> byPublicId(UUID publicId) {
        return MediaObject.<MediaObject> find("publicId", publicId).firstResultOptional().map(MediaRef::of);
    }

    /** The files not purged of one owner, in the order they were stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<MediaRef> ownedBy(MediaOwner kind, long ownerId) {
        return MediaObject.<MediaObject> list("ownerKind = ?1 AND ownerId = ?2 AND purgedAt IS NULL ORDER BY id", kind,
                ownerId).stream().map(MediaRef::of).toList();
    }

    /** A stored file (not purged) of this kind with these bytes under this name, for storing a file once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaRef> sameFile(String sha256, String filename, MediaOwner kind) {
        return MediaObject.<MediaObject> find("sha256 = ?1 AND filename = ?2 AND ownerKind = ?3 AND purgedAt IS NULL",
                sha256, filename, kind).firstResultOptional().map(MediaRef::of);
    }

    /**
     * The first stored file (not purged) with these bytes that is of this kind or an unattached
     * upload of {@code uploader}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaRef> sameContent(String sha256, MediaOwner kind, String uploader) {
        return MediaObject.<MediaObject> find("sha256 = ?1 AND purgedAt IS NULL AND (ownerKind = ?2 OR "
                + "(ownerKind = ?3 AND uploadedBy = ?4)) ORDER BY id", sha256, kind, MediaOwner.UPLOAD, uploader)
                .firstResultOptional().map(MediaRef::of);
    }

    /**
     * Sets the owner record of files stored before it existed (owner kind already set, owner id
     * still empty); files that already have an owner id are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignOwnerId(java.util.Collection<Long> ids, long ownerId, MediaOwner kind) {
        if (ids.isEmpty()) {
            return 0;
        }
        return MediaObject.update("ownerId = ?1 WHERE ownerId IS NULL AND ownerKind = ?2 AND id IN ?3", ownerId, kind,
                ids);
    }

    /**
     * Attaches an upload to what it now belongs to (a lesson's course, a question). Only a file
     * still {@link MediaOwner#UPLOAD} and uploaded by {@code actor} is taken over, or one that
     * already has this owner kind; anything else is refused with 400 naming {@code field}, so
     * nobody attaches — and then reads — a file that is not theirs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MediaRef attach(MediaRef m, MediaOwner owner, Long ownerId, String actor, String field) {
        if (m.ownerKind() == owner) {
            return m;
        }
        if (m.ownerKind() != MediaOwner.UPLOAD || !m.uploadedBy().equals(actor)) {
            throw ProblemException.invalid(field, ErrorTexts.text(ErrorTexts.currentLocale(), "media.not_yours"));
        }
        MediaObject managed = MediaObject.findById(m.id());
        managed.ownerKind = owner;
        managed.ownerId = ownerId;
        audit.record("media.attached", "media_object", managed.id,
                AuditLog.detail("owner", owner.name(), "ownerId", ownerId));
        return MediaRef.of(managed);
    }

    /**
     * Uploads of {@code actor} still unattached among these public ids become {@code owner}'s
     * (another user's upload is left alone and stays theirs).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimUploads(java.util.Collection<UUID> publicIds, MediaOwner owner, long ownerId, String actor) {
        for (UUID id : publicIds) {
            MediaObject.update("ownerKind = ?1, ownerId = ?2 WHERE publicId = ?3 AND ownerKind = ?4 AND uploadedBy = ?5",
                    owner, ownerId, id, MediaOwner.UPLOAD, actor);
        }
    }

    /** Public ids of stored files named in Markdown ({@code /api/v1/media/<uuid>/content}). */
    public static java.util.Set<UUID> referencedIn(String markdown) {
        java.util.Set<UUID> out = new java.util.LinkedHashSet<>();
        if (markdown == null) {
            return out;
        }
        java.util.regex.Matcher mt = MEDIA_URL.matcher(markdown);
        while (mt.find()) {
            MediaAccess.parse(mt.group(1)).ifPresent(out::add);
        }
        return out;
    }

    /** The path at which the service serves a stored file's bytes. */
    public static String contentPath(MediaRef m) {
        return "/api/v1/media/" + m.publicId() + "/content";
    }

    public static final java.util.regex.Pattern MEDIA_URL = java.util.regex.Pattern
            .compile("/api/v1/media/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/content");

    public InputStream read(MediaRef m, long offset, long length) throws IOException {
        return store.read(m.objectKey(), offset, length);
    }

    /** A URL the browser can fetch the bytes from: presigned on S3, the service's own on the filesystem. */
    public DownloadUrl downloadUrl(MediaRef m) throws IOException {
        var expiry = config.storage().s3().presignExpiry();
        Optional<URI> presigned = store.presignedDownload(m.objectKey(), expiry);
        if (presigned.isPresent()) {
            return new DownloadUrl(presigned.get().toString(), Now.instant().plus(expiry), true);
        }
        return new DownloadUrl(contentPath(m), null, false);
    }

    public record DownloadUrl(String url, Instant expiresAt, boolean presigned) {
    }

    /** The type from the file name, which must agree with a specific declared type. */
    static String resolveType(String filename, String declaredType) {
        Optional<String> byName = ContentTypes.byFilename(filename);
        String declared = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
        boolean generic = declared.isEmpty() || declared.equals("application/octet-stream");
        if (byName.isEmpty()) {
            throw new ProblemException(415, "Unsupported media type",
                    "Files named '" + filename + "' are not accepted; use mp4, webm, mp3, png, jpg, gif, webp, pdf, "
                            + "xlsx, docx, pptx, csv, md, txt or vtt.");
        }
        if (!generic && !declared.equals(byName.get())) {
            throw new ProblemException(415, "Unsupported media type",
                    "The file is declared as " + declared + " but named '" + filename + "'.");
        }
        return byName.get();
    }

    private static String newKey(String filename) {
        LocalDate d = Now.instant().atZone(ZoneOffset.UTC).toLocalDate();
        String ext = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase();
        return String.format("media/%04d/%02d/%s.%s", d.getYear(), d.getMonthValue(), UUID.randomUUID(), ext);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
