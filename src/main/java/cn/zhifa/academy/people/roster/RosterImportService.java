package cn.zhifa.academy.people.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonStatusChange;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.GoneException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.UnprocessableException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;

/**
 * Roster import (花名册导入): upload → preview with every bad row → commit all or nothing.
 * The file is kept in the object store between the two steps, so any node can commit it.
 * Matching is by employee number: the same file again changes nothing, an updated file
 * updates people, and people missing from a file are left alone.
 */
@ApplicationScoped
public class RosterImportService {

    private static final int FLUSH_EVERY = 500;

    @Inject
    MediaService media;

    @Inject
    RosterValidator validator;

    @Inject
    RosterPseudonymiser pseudonymiser;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<cn.zhifa.academy.people.PeopleChanged> changed;

    /** What the preview shows. */
    public record Preview(long importId, String filename, int totalRows, int toCreate, int toUpdate, int unchanged,
            List<RosterError> errors, int halfWidthCells, List<Integer> halfWidthLines) {
        /** The lines with converted cells, the first ten listed. */
        public String halfWidthLineList() {
            String shown = String.join(", ", halfWidthLines.stream().limit(10).map(String::valueOf).toList());
            return halfWidthLines.size() > 10 ? shown + " …" : shown;
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** What a commit did. */
    public record Outcome(long importId, int created, int updated, int unchanged) {
    }

    /** Validates the uploaded file and keeps it for the commit; writes no person. */
    public Preview preview(Path file, String filename, String declaredType) {
        try {
            return previewChecked(file, filename, declaredType);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Preview previewChecked(Path file, String filename, String declaredType) throws IOException {
        media.checkUploadSize(file); // the upload itself; its pseudonymised copy below may be larger
        HalfWidth.Normalised normalised = HalfWidth.codeColumns(read(file, filename));
        List<RosterReader.Line> lines = normalised.lines();
        // only a pseudonymised copy is kept: no ID number reaches the object store
        Path copy = pseudonymiser.write(lines);
        MediaRef stored;
        try {
            stored = media.storeDerived(copy, storedName(filename), "text/csv", user.getUsername(), MediaOwner.IMPORT_FILE, null);
        } finally {
            Files.deleteIfExists(copy);
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            RosterValidator.Result result = validator.validate(lines);
            Counts counts = result.ok() ? counts(result.records(), result.people()) : new Counts(0, 0, 0);
            RosterImport imp = new RosterImport();
            imp.mediaId = stored.id();
            imp.filename = filename;
            imp.uploadedBy = user.getUsername();
            imp.status = RosterImport.Status.PREVIEWED;
            imp.totalRows = result.dataRows();
            imp.errorCount = result.errors().size();
            imp.persist();
            media.assignOwnerId(List.of(stored.id()), imp.id, MediaOwner.IMPORT_FILE);
            return new Preview(imp.id, filename, result.dataRows(), counts.created, counts.updated, counts.unchanged,
                    result.errors(), normalised.cells(), normalised.lineNumbers());
        });
    }

    /** Re-validates the stored file under the committing user's scope and writes every row, or nothing. */
    @Transactional
    public Outcome commit(long importId) {
        // the row lock makes a second, concurrent commit of the same import wait and then see COMMITTED
        RosterImport imp = RosterImport.<RosterImport> findByIdOptional(importId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("roster.import_not_found", importId));
        if (imp.status == RosterImport.Status.COMMITTED) {
            throw new ConflictException("roster.already_committed");
        }
        if (!imp.uploadedBy.equals(user.getUsername()) && !user.isSysadmin()) {
            throw new io.quarkus.security.ForbiddenException("only the uploader may commit this import");
        }
        MediaRef m = media.find(imp.mediaId).orElseThrow(() -> new GoneException("roster.file_gone"));
        List<RosterReader.Line> lines;
        try (InputStream in = media.read(m, 0, m.sizeBytes())) {
            lines = HalfWidth.codeColumns(RosterReader.read(in, m.filename())).lines();
        } catch (IOException | RosterReader.UnreadableFile e) {
            throw new UnprocessableException("roster.stored_unreadable");
        }
        RosterValidator.Result result = validator.validate(lines, true);
        if (!result.ok()) {
            throw UnprocessableException.listing(result.errors().stream().map(RosterError::asFieldError).toList(),
                    "roster.has_errors", result.errors().size()).titled("Roster has errors");
        }
        Counts c = apply(result.records(), result.people());
        imp = RosterImport.findById(importId); // apply() cleared the persistence context
        imp.status = RosterImport.Status.COMMITTED;
        imp.committedAt = Now.instant();
        imp.createdCount = c.created;
        imp.updatedCount = c.updated;
        imp.unchangedCount = c.unchanged;
        audit.record("roster.imported", "roster_import", imp.id, AuditLog.detail("filename", imp.filename, "rows",
                result.dataRows(), "created", c.created, "updated", c.updated, "unchanged", c.unchanged, "sha256",
                m.sha256()));
        changed.fire(new cn.zhifa.academy.people.PeopleChanged("roster.imported"));
        return new Outcome(imp.id, c.created, c.updated, c.unchanged);
    }

    private record Counts(int created, int updated, int unchanged) {
    }

    private Counts counts(List<RosterRecord> records, Map<String, Person> existing) {
        int created = 0;
        int updated = 0;
        for (RosterRecord r : records) {
            Person p = existing.get(r.employeeNo());
            if (p == null) {
                created++;
            } else if (!same(p, r)) {
                updated++;
            }
        }
        return new Counts(created, updated, records.size() - created - updated);
    }

    /** Writes the records; {@code existing}: the validator's people (managed, with their domains). */
    private Counts apply(List<RosterRecord> records, Map<String, Person> existing) {
        String actor = user.getUsername();
        int created = 0;
        int updated = 0;
        int n = 0;
        // written entities leave the persistence context after each flush, and unchanged people at
        // once, so that flushes do not dirty-check the whole file; people still to be written stay
        // managed (a clear() would detach them and lose their changes)
        List<Object> batch = new java.util.ArrayList<>();
        for (RosterRecord r : records) {
            Person p = existing.get(r.employeeNo());
            boolean isNew = p == null;
            if (isNew) {
                p = new Person();
                p.employeeNo = r.employeeNo();
            } else if (same(p, r)) {
                em.detach(p);
                continue;
            }
            EmploymentStatus status = r.status() != null ? r.status() : isNew ? EmploymentStatus.ACTIVE : p.status;
            LocalDate since = r.statusSince() != null ? r.statusSince()
                    : isNew || status != p.status ? Now.today() : p.statusSince;
            boolean statusChanged = isNew || p.status != status || !p.statusSince.equals(since);
            p.name = r.name();
            p.idHash = r.idHash();
            p.idMasked = r.idMasked();
            p.category = r.category();
            p.grade = r.grade();
            p.unitId = r.unitId();
            p.departmentId = r.departmentId();
            p.providerId = r.providerId();
            p.certNo = r.certNo();
            p.status = status;
            p.statusSince = since;
            p.mobile = r.mobile();
            p.domainIds.clear();
            p.domainIds.addAll(r.domainIds());
            if (isNew) {
                em.persist(p);
                created++;
            } else {
                updated++;
            }
            if (statusChanged) {
                PersonStatusChange s = new PersonStatusChange();
                s.personId = p.id;
                s.status = p.status;
                s.since = p.statusSince;
                s.reason = RosterColumn.words().get("status_reason");
                s.recordedBy = actor;
                em.persist(s);
                batch.add(s);
            }
            batch.add(p);
            if (++n % FLUSH_EVERY == 0) {
                em.flush();
                batch.forEach(em::detach);
                batch.clear();
            }
        }
        em.flush();
        em.clear();
        return new Counts(created, updated, records.size() - created - updated);
    }

    static boolean same(Person p, RosterRecord r) {
        Set<Long> domains = new HashSet<>(p.domainIds);
        return p.name.equals(r.name()) && p.idHash.equals(r.idHash()) && p.category == r.category()
                && p.grade == r.grade() && p.unitId == r.unitId() && Objects.equals(p.departmentId, r.departmentId())
                && Objects.equals(p.providerId, r.providerId()) && Objects.equals(p.certNo, r.certNo())
                && (r.status() == null || p.status == r.status())
                && (r.statusSince() == null || p.statusSince.equals(r.statusSince()))
                && Objects.equals(p.mobile, r.mobile()) && domains.equals(new HashSet<>(r.domainIds()));
    }

    /** The stored copy's name: the upload's, as CSV. */
    static String storedName(String filename) {
        String base = filename == null ? "roster" : filename.replaceAll("\\.[A-Za-z]+$", "");
        return (base.isBlank() ? "roster" : base) + RosterColumn.words().get("stored_suffix") + ".csv";
    }

    private static List<RosterReader.Line> read(Path file, String filename) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RosterReader.read(in, filename);
        } catch (RosterReader.UnreadableFile e) {
            throw UnprocessableException.listing(List.of(new FieldError("file", e.key())), e.key())
                    .titled("Unreadable roster");
        }
    }
}
