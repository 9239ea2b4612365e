package cn.zhifa.academy.matters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.roster.RosterReader;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.UnprocessableException;
import cn.zhifa.academy.platform.web.ProblemException;
import cn.zhifa.academy.storage.MediaAccess;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;

/**
 * The delegated-matters catalogue (赋权事项目录): XLSX import (upload → preview with every bad
 * cell → commit all or nothing; the file waits in the object store, so any node can commit) and
 * editing in the browser. Matters are matched by 事项编码: the same file again changes nothing.
 * Town assignments outside the importer's scope are never touched. Every change is audited.
 */
@ApplicationScoped
public class MatterCatalogueService {

    @Inject
    MediaService media;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    MediaAccess mediaAccess;

    @Inject
    MatterValidator validator;

    @Inject
    MatterAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    MatterMessages msg;

    public record Preview(String importId, String filename, int totalRows, int toCreate, int toUpdate, int unchanged,
            List<MatterImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public record Outcome(String importId, int created, int updated, int unchanged) {
    }

    /** One matter as listed: towns by name (only the towns the viewer may see). */
    public record MatterView(long id, String code, String name, String domainCode, String domainName,
            String legalBasis, boolean highFrequency, String effectiveOn, List<String> towns, int townCount,
            List<String> knowledgePoints, List<String> courses, List<String> cases, List<String> questions, int version) {
    }

    /** Stores the file and validates it; writes no matter. */
    public Preview preview(Path file, String filename, String declaredType) throws IOException {
        if (filename == null || !filename.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            // the upload edge's status (no domain kind for it), in the reader's words
            throw new ProblemException(415, "Unsupported media type", msg.err_not_xlsx());
        }
        List<RosterReader.Line> lines = read(file);
        MediaRef stored = media.store(file, filename, MatterXlsx.TYPE, user.getUsername(), MediaOwner.IMPORT_FILE,
                null);
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            MatterValidator.Result result = validator.validate(lines);
            int[] c = result.ok() ? counts(result.records()) : new int[3];
            return new Preview(stored.publicId().toString(), filename, result.dataRows(), c[0], c[1], c[2],
                    result.errors());
        });
    }

    /** Re-reads the stored file, validates it again under the committing user's scope and writes every row, or none. */
    @Transactional
    public Outcome commit(String importId) {
        MediaRef m = mediaAccess.find(importId)
                .filter(x -> x.ownerKind() == MediaOwner.IMPORT_FILE && MatterXlsx.TYPE.equals(x.contentType())
                        && x.uploadedBy().equals(user.getUsername()))
                .orElseThrow(() -> new NotFoundException("matters.import_gone"));
        List<RosterReader.Line> lines;
        try (InputStream in = media.read(m, 0, m.sizeBytes())) {
            lines = RosterReader.read(in, m.filename());
        } catch (IOException | RosterReader.UnreadableFile e) {
            throw new UnprocessableException("matters.unreadable");
        }
        MatterValidator.Result result = validator.validate(lines);
        if (!result.ok()) {
            throw rejected(result.errors());
        }
        int[] c = apply(result.records());
        audit.record("matters.imported", "media_object", m.publicId(), AuditLog.detail("filename", m.filename(), "rows",
                result.dataRows(), "created", c[0], "updated", c[1], "unchanged", c[2], "sha256", m.sha256()));
        return new Outcome(importId, c[0], c[1], c[2]);
    }

    /** 422 listing every problem of the file by line and column (the validator says why in the reader's words). */
    static UnprocessableException rejected(List<MatterImportError> errors) {
        return UnprocessableException.listing(errors.stream()
                .map(e -> new FieldError(e.line() + ":" + e.column(), "content.problem", e.message())).toList(),
                "matters.import_rejected", errors.size()).titled("Catalogue has errors");
    }

    /** The fields of the edit form, as text (the same rules as a file row apply). */
    public record Form(String code, String name, String domain, String legalBasis, boolean highFrequency,
            List<String> townCodes, String effectiveOn, String knowledgePoints, String courses, String cases,
            String questions, Integer version) {
    }

    /** Creates or updates one matter from the form; 422 with the problems by column. */
    @Transactional
    public DelegatedMatter save(Long id, Form f) {
        if (!access.isAdmin()) {
            throw new io.quarkus.security.ForbiddenException();
        }
        DelegatedMatter existing = id == null ? null : DelegatedMatter.<DelegatedMatter> findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("matters.no_matter"));
        if (existing != null && !existing.code.equals(f.code())) {
            throw InvalidException.field("code", "matters.code_fixed");
        }
        if (existing == null && DelegatedMatter.byCode(Objects.toString(f.code(), "").trim()).isPresent()) {
            throw ConflictException.on("code", "matters.code_taken");
        }
        if (existing != null && f.version() != null && f.version() != existing.version) {
            throw new ConflictException("matters.stale");
        }
        List<String> head = java.util.Arrays.stream(MatterColumn.values()).map(c -> c.header).toList();
        List<String> row = List.of(nz(f.code()), nz(f.name()), nz(f.domain()), nz(f.legalBasis()),
                f.highFrequency() ? "1" : "0", String.join(",", f.townCodes() == null ? List.of() : f.townCodes()),
                nz(f.effectiveOn()), nz(f.knowledgePoints()), nz(f.courses()), nz(f.cases()), nz(f.questions()));
        List<RosterReader.Line> lines = List.of(new RosterReader.Line(1, head), new RosterReader.Line(2, row));
        MatterValidator.Result result = validator.validate(lines);
        if (!result.ok()) {
            throw UnprocessableException.listing(result.errors().stream()
                    .map(e -> new FieldError(e.column(), "content.problem", e.message())).toList(), "matters.form_invalid")
                    .titled("Invalid matter");
        }
        apply(result.records());
        return DelegatedMatter.byCode(f.code().trim()).orElseThrow();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private int[] counts(List<MatterRecord> records) {
        Map<String, DelegatedMatter> existing = existing();
        int created = 0;
        int updated = 0;
        for (MatterRecord r : records) {
            DelegatedMatter m = existing.get(r.code());
            if (m == null) {
                created++;
            } else if (!MatterValidator.sameEntry(m, r) || !newTowns(m, r).equals(m.townIds)) {
                updated++;
            }
        }
        return new int[] { created, updated, records.size() - created - updated };
    }

    private int[] apply(List<MatterRecord> records) {
        Map<String, DelegatedMatter> existing = existing();
        Map<Long, String> townNames = orgDirectory.unitsAt(OrgLevel.TOWN).stream()
                .collect(Collectors.toMap(OrgDirectory.Unit::id, OrgDirectory.Unit::name));
        int created = 0;
        int updated = 0;
        for (MatterRecord r : records) {
            DelegatedMatter m = existing.get(r.code());
            boolean isNew = m == null;
            if (!isNew && MatterValidator.sameEntry(m, r) && newTowns(m, r).equals(m.townIds)) {
                continue;
            }
            Map<String, Object> before = isNew ? null : snapshot(m, townNames);
            if (isNew) {
                m = new DelegatedMatter();
                m.code = r.code();
                m.createdBy = user.getUsername();
            }
            Set<Long> towns = isNew ? new LinkedHashSet<>(r.townIds()) : newTowns(m, r);
            m.name = r.name();
            m.domainId = r.domainId();
            m.legalBasis = r.legalBasis();
            m.highFrequency = r.highFrequency();
            m.effectiveOn = r.effectiveOn();
            m.knowledgePoints = DelegatedMatter.join(r.knowledgePoints());
            m.courseCodes = DelegatedMatter.join(r.courses());
            m.caseCodes = DelegatedMatter.join(r.cases());
            m.questionCodes = DelegatedMatter.join(r.questions());
            m.townIds.clear();
            m.townIds.addAll(towns);
            if (isNew) {
                m.persist();
                created++;
            } else {
                updated++;
            }
            DelegatedMatter.getEntityManager().flush();
            Map<String, Object> after = snapshot(m, townNames);
            audit.record(isNew ? "matter.created" : "matter.updated", "delegated_matter", m.id,
                    before == null ? AuditLog.detail("after", after) : AuditLog.detail("before", before, "after", after));
        }
        return new int[] { created, updated, records.size() - created - updated };
    }

    /** The towns after applying the row: assignments outside the user's scope stay, those inside follow the row. */
    private Set<Long> newTowns(DelegatedMatter m, MatterRecord r) {
        Set<Long> out = new LinkedHashSet<>();
        for (Long t : m.townIds) {
            if (!access.inScope(t)) {
                out.add(t);
            }
        }
        out.addAll(r.townIds());
        return out;
    }

    private static Map<String, DelegatedMatter> existing() {
        Map<String, DelegatedMatter> out = new HashMap<>();
        DelegatedMatter.<DelegatedMatter> listAll().forEach(m -> out.put(m.code, m));
        return out;
    }

    private static Map<String, Object> snapshot(DelegatedMatter m, Map<Long, String> townNames) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("code", m.code);
        s.put("name", m.name);
        s.put("domainId", m.domainId);
        s.put("legalBasis", m.legalBasis);
        s.put("highFrequency", m.highFrequency);
        s.put("effectiveOn", String.valueOf(m.effectiveOn));
        s.put("towns", m.townIds.stream().map(t -> townNames.getOrDefault(t, String.valueOf(t))).sorted().toList());
        s.put("knowledgePoints", m.knowledgePoints);
        s.put("courses", m.courseCodes);
        s.put("cases", m.caseCodes);
        s.put("questions", m.questionCodes);
        return s;
    }

    private static List<RosterReader.Line> read(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return RosterReader.read(in, "upload.xlsx");
        } catch (RosterReader.UnreadableFile e) {
            throw new UnprocessableException("content.problem", e.getMessage());
        }
    }

    /** The catalogue as the viewer may see it (towns limited to their scope). */
    @Transactional
    public List<MatterView> list() {
        Map<Long, OrgDirectory.Unit> towns = orgDirectory.unitsAt(OrgLevel.TOWN).stream()
                .collect(Collectors.toMap(OrgDirectory.Unit::id, u -> u));
        Map<Long, OrgDirectory.Domain> domains = orgDirectory.allDomains().stream()
                .collect(Collectors.toMap(OrgDirectory.Domain::id, d -> d));
        List<MatterView> out = new ArrayList<>();
        for (DelegatedMatter m : DelegatedMatter.ordered()) {
            out.add(view(m, towns, domains));
        }
        return out;
    }

    @Transactional
    public MatterView view(long id) {
        DelegatedMatter m = DelegatedMatter.<DelegatedMatter> findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("matters.no_matter"));
        Map<Long, OrgDirectory.Unit> towns = orgDirectory.unitsAt(OrgLevel.TOWN).stream()
                .collect(Collectors.toMap(OrgDirectory.Unit::id, u -> u));
        Map<Long, OrgDirectory.Domain> domains = orgDirectory.allDomains().stream()
                .collect(Collectors.toMap(OrgDirectory.Domain::id, d -> d));
        return view(m, towns, domains);
    }

    private MatterView view(DelegatedMatter m, Map<Long, OrgDirectory.Unit> towns,
            Map<Long, OrgDirectory.Domain> domains) {
        List<String> visible = m.townIds.stream().filter(access::inScope).map(towns::get).filter(Objects::nonNull)
                .sorted(java.util.Comparator.comparing(OrgDirectory.Unit::path)).map(OrgDirectory.Unit::name).toList();
        OrgDirectory.Domain d = domains.get(m.domainId);
        return new MatterView(m.id, m.code, m.name, d.code(), d.name(), m.legalBasis, m.highFrequency,
                String.valueOf(m.effectiveOn), visible, m.townIds.size(), m.knowledgePointList(), m.courseCodeList(),
                m.caseCodeList(), m.questionCodeList(), m.version);
    }

    /** The matter's towns inside the viewer's scope, by code (for the edit form). */
    @Transactional
    public Set<String> townCodesInScope(long id) {
        DelegatedMatter m = DelegatedMatter.findById(id);
        if (m == null) {
            return Set.of();
        }
        return m.townIds.stream().filter(access::inScope).map(t -> orgDirectory.unit(t).orElseThrow().code())
                .collect(Collectors.toSet());
    }

    public byte[] template() throws IOException {
        List<String> domains = orgDirectory.domains().stream().map(OrgDirectory.Domain::name).toList();
        List<String> towns = access.towns().stream().map(OrgDirectory.Unit::name).toList();
        return MatterXlsx.template(msg, domains, towns);
    }
}
