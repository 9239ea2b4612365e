package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.content.FrontMatterDocument;
import cn.zhifa.academy.knowledge.KnowledgePoints;
import cn.zhifa.academy.knowledge.KnowledgeTags;
import cn.zhifa.academy.platform.audit.AuditLog;

/**
 * Imports the case-library/ folder (案例库导入) with the shared content mechanism: every file is
 * read and validated first, and any problem anywhere (with file and line) stops the import
 * before anything is written; otherwise the whole folder is written in one transaction.
 * Imported cases are published at once — the folder is the curated, reviewed source — and the
 * importer is recorded as their author. Idempotent: a file whose content hash equals the last
 * version imported from it changes nothing; a changed file becomes a new published version and
 * the previous one stays readable as superseded. Cases missing from the folder are left alone.
 */
@ApplicationScoped
public class CaseImportService {

    /** Serialises imports across nodes (two nodes starting together import once). */
    private static final long IMPORT_LOCK = 0x436173654c6962L; // "CaseLib"

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CaseLibraryService library;

    @Inject
    CaseWorkflowService workflow;

    /** What the import does (or did) with one file. */
    public enum Action {
        /** 新增: a new case, published as version 1 */
        CREATE,
        /** 新版本: the file changed since it was last imported */
        REVISE,
        /** 无变化 */
        UNCHANGED
    }

    public record Item(String file, String code, Action action, int versionNo) {
    }

    /** The result: counts and each file's action. {@code dryRun}: validated and planned, nothing written. */
    public record Outcome(String folder, int files, int created, int revised, int unchanged, boolean dryRun,
            List<Item> items) {
    }

    private record Planned(String file, CaseContent content, Action action, TypicalCase existing, int versionNo,
            List<String> knowledge) {
        Planned withKnowledge(List<String> k) {
            return new Planned(file, content, action, existing, versionNo, k);
        }
    }

    @Inject
    KnowledgePoints knowledgePoints;

    @Inject
    KnowledgeTags knowledgeTags;

    /**
     * Validates the folder and imports it all, or throws {@link ContentInvalidException} (422) with
     * every problem and writes nothing.
     *
     * @param actor who imports: the user, or "system" at start-up
     */
    @Transactional
    public Outcome importFolder(Path folder, String actor, boolean dryRun) {
        cn.zhifa.academy.platform.AdvisoryLocks.lock(em, IMPORT_LOCK);
        List<ContentProblem> problems = new ArrayList<>();
        List<Planned> plan = plan(folder, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ContentProblem::file).thenComparingInt(ContentProblem::line));
            throw new ContentInvalidException(problems);
        }
        List<Item> items = new ArrayList<>();
        int created = 0;
        int revised = 0;
        for (Planned p : plan) {
            items.add(new Item(p.file(), p.content().code(), p.action(), p.versionNo()));
            if (!dryRun && p.action() == Action.UNCHANGED) {
                // the tags are not part of the case's content hash: they follow the file every time
                knowledgeTags.replace(KnowledgeTags.CASE, p.existing().id, p.knowledge());
            }
            if (dryRun || p.action() == Action.UNCHANGED) {
                continue;
            }
            TypicalCase c = p.existing();
            if (c == null) {
                c = new TypicalCase();
                c.code = p.content().code();
                c.origin = CaseOrigin.IMPORTED;
                c.createdBy = actor;
                c.persist();
                created++;
            } else {
                revised++;
            }
            CaseVersion v = CaseWorkflowService.newVersion(c, p.versionNo(), p.content(), actor);
            v.status = CaseStatus.DRAFT; // published just below, in the same transaction
            v.sourceFile = p.file();
            v.persist();
            em.flush();
            Integer superseded = workflow.publish(c, v, actor);
            knowledgeTags.replace(KnowledgeTags.CASE, c.id, p.knowledge());
            audit.recordAs(actor, "case.imported", "typical_case", c.code, AuditLog.detail("file", p.file(), "version",
                    v.versionNo, "action", p.action().name(), "superseded", superseded, "contentHash", v.contentHash));
        }
        int unchanged = plan.size() - created - revised;
        if (dryRun) {
            created = (int) plan.stream().filter(p -> p.action() == Action.CREATE).count();
            revised = (int) plan.stream().filter(p -> p.action() == Action.REVISE).count();
            unchanged = plan.size() - created - revised;
        } else {
            audit.recordAs(actor, "cases.imported", "case_library", folder.getFileName().toString(), AuditLog.detail(
                    "files", plan.size(), "created", created, "revised", revised, "unchanged", unchanged));
        }
        return new Outcome(folder.toString(), plan.size(), created, revised, unchanged, dryRun, List.copyOf(items));
    }

    /** Reads and checks every file and decides what each one does; problems go to the list. */
    private List<Planned> plan(Path folder, List<ContentProblem> problems) {
        String folderName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        if (!Files.isDirectory(folder)) {
            problems.add(CaseFile.problem(folderName, 0, "case.import.folder_missing", folder.toAbsolutePath()));
            return List.of();
        }
        Set<String> domains = library.domainNames();
        List<Planned> plan = new ArrayList<>();
        Map<String, String> fileOfCode = new HashMap<>();
        for (Path file : files(folder, problems)) {
            String rel = folder.relativize(file).toString().replace('\\', '/');
            Optional<String> text = read(file, rel, problems);
            if (text.isEmpty()) {
                continue;
            }
            CaseFile.Parsed parsed = CaseFile.parse(rel, text.get(), domains);
            problems.addAll(parsed.problems());
            if (!parsed.ok()) {
                continue;
            }
            CaseContent content = parsed.content();
            String earlier = fileOfCode.putIfAbsent(content.code(), rel);
            if (earlier != null) {
                problems.add(CaseFile.problem(rel, parsed.codeLine(), "case.import.code_duplicate", content.code(), earlier));
                continue;
            }
            List<String> knowledge = knowledge(rel, text.get(), problems);
            plan(rel, content, parsed.codeLine(), problems).map(pl -> pl.withKnowledge(knowledge)).ifPresent(plan::add);
        }
        if (plan.isEmpty() && problems.isEmpty()) {
            problems.add(CaseFile.problem(folderName, 0, "case.import.folder_empty"));
        }
        return plan;
    }

    private Optional<Planned> plan(String rel, CaseContent content, int codeLine, List<ContentProblem> problems) {
        Optional<TypicalCase> existing = TypicalCase.byCode(content.code());
        if (existing.isEmpty()) {
            return Optional.of(new Planned(rel, content, Action.CREATE, null, 1, List.of()));
        }
        TypicalCase c = existing.get();
        if (c.origin != CaseOrigin.IMPORTED) {
            problems.add(CaseFile.problem(rel, codeLine, "case.import.code_authored", c.code));
            return Optional.empty();
        }
        String hash = content.hash();
        Optional<CaseVersion> lastImported = CaseVersion
                .find("caseId = ?1 AND sourceFile IS NOT NULL ORDER BY versionNo DESC", c.id).firstResultOptional();
        if (lastImported.isPresent() && lastImported.get().contentHash.equals(hash)) {
            return Optional.of(new Planned(rel, content, Action.UNCHANGED, c, lastImported.get().versionNo, List.of()));
        }
        Optional<CaseVersion> open = CaseVersion.open(c.id);
        if (open.isPresent()) {
            problems.add(CaseFile.problem(rel, codeLine, "case.import.open_version", c.code, open.get().versionNo,
                    open.get().status.word()));
            return Optional.empty();
        }
        int next = CaseVersion.latest(c.id).map(v -> v.versionNo + 1).orElse(1);
        return Optional.of(new Planned(rel, content, Action.REVISE, c, next, List.of()));
    }

    /** The file's knowledge-point tags (knowledge: [KP-…]); an unknown code is a problem at its line. */
    private List<String> knowledge(String rel, String text, List<ContentProblem> problems) {
        FrontMatterDocument.Parsed fm = FrontMatterDocument.parse(rel, text);
        Object raw = fm.ok() ? fm.document().meta().get("knowledge") : null;
        if (raw == null) {
            return List.of();
        }
        int line = FrontMatterDocument.lineOfKey(text.startsWith("\ufeff") ? text.substring(1) : text, "knowledge");
        if (!(raw instanceof List<?> l)) {
            problems.add(CaseFile.problem(rel, line, "case.import.knowledge_not_list"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            String code = String.valueOf(o).strip();
            if (!knowledgePoints.exists(code)) {
                problems.add(CaseFile.problem(rel, line, "case.import.knowledge_unknown", code));
            } else {
                out.add(code);
            }
        }
        return out;
    }

    /** The case files: {@code <domain folder>/<code>.md}; a stray Markdown file elsewhere is a problem. */
    private static List<Path> files(Path folder, List<ContentProblem> problems) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder, 3)) {
            all.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .sorted().forEach(p -> {
                        int depth = folder.relativize(p).getNameCount();
                        String rel = folder.relativize(p).toString().replace('\\', '/');
                        if (depth == 2) {
                            out.add(p);
                        } else if (!(depth == 1 && p.getFileName().toString().equalsIgnoreCase("README.md"))) {
                            problems.add(CaseFile.problem(rel, 0, "case.import.misplaced"));
                        }
                    });
        } catch (IOException e) {
            problems.add(CaseFile.problem(folder.toString(), 0, "case.import.folder_unreadable", e.getMessage()));
        }
        return out;
    }

    private static Optional<String> read(Path file, String rel, List<ContentProblem> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.add(CaseFile.problem(rel, 0, "case.import.not_utf8"));
        } catch (IOException e) {
            problems.add(CaseFile.problem(rel, 0, "case.import.file_unreadable", e.getMessage()));
        }
        return Optional.empty();
    }
}
