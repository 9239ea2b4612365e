package cn.zhifa.academy.exam.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;

/**
 * Writes the question bank: imports (all or nothing, idempotent), single edits and
 * retirement. A version used by an attempt is never changed; an edit then adds a version.
 */
@ApplicationScoped
public class QuestionBankService {

    @Inject
    MediaService media;

    @Inject
    AuditLog audit;

    @Inject
    cn.zhifa.academy.knowledge.KnowledgePoints knowledgePoints;

    /** Tags 知识点:<code> must name a knowledge point of courses/knowledge-points.yaml. */
    private void checkKnowledge(List<QuestionInput> inputs, List<ImportProblem> problems) {
        String prefix = cn.zhifa.academy.knowledge.KnowledgeTags.QUESTION_TAG_PREFIX;
        for (QuestionInput in : inputs) {
            for (String t : in.tags() == null ? List.<String> of() : in.tags()) {
                String tag = t == null ? "" : t.strip();
                if (tag.startsWith(prefix) && !knowledgePoints.exists(tag.substring(prefix.length()).strip())) {
                    problems.add(ImportProblem.of(in.file(), in.line(), QuestionFields.KNOWLEDGE, "exam.knowledge_unknown",
                            tag.substring(prefix.length()).strip()));
                }
            }
        }
    }

    public record ImportReport(List<String> created, List<String> revised, List<String> unchanged) {
        public int total() {
            return created.size() + revised.size() + unchanged.size();
        }
    }

    /** What an import would do, without writing. */
    public record Preview(List<QuestionRules.Valid> valid, List<ImportProblem> problems, List<String> created,
            List<String> revised, List<String> unchanged) {
        public boolean ok() {
            return problems.isEmpty() && !valid.isEmpty();
        }
    }

    public static QuestionRules.Domains domains() {
        OrgDirectory org = io.quarkus.arc.Arc.container().instance(OrgDirectory.class).get();
        return s -> org.domainByName(s).map(OrgDirectory.Domain::code)
                .or(() -> org.domain(s).map(OrgDirectory.Domain::code));
    }

    @Transactional
    public Preview preview(List<QuestionInput> inputs) {
        QuestionRules.Result r = QuestionRules.validate(inputs, domains());
        List<String> created = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (QuestionRules.Valid v : r.valid()) {
            Optional<QuestionVersion> current = currentVersion(v.code());
            if (current.isEmpty()) {
                created.add(v.code());
            } else if (current.get().contentHash.equals(v.contentHash())) {
                unchanged.add(v.code());
            } else {
                revised.add(v.code());
            }
        }
        List<ImportProblem> problems = new ArrayList<>(r.problems());
        checkKnowledge(inputs, problems);
        if (inputs.isEmpty()) {
            problems.add(ImportProblem.of(null, 1, "-", "exam.import_empty"));
        }
        return new Preview(r.valid(), problems, created, revised, unchanged);
    }

    /** Validates everything, then writes everything in one transaction; nothing on any problem. */
    @Transactional
    public ImportReport importAll(List<QuestionInput> inputs, String actor, String source) {
        Preview p = preview(inputs);
        if (!p.problems().isEmpty()) {
            throw new QuestionImportException(p.problems());
        }
        List<String> created = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (QuestionRules.Valid v : p.valid()) {
            switch (write(v, actor)) {
                case CREATED -> created.add(v.code());
                case REVISED -> revised.add(v.code());
                case UNCHANGED -> unchanged.add(v.code());
            }
        }
        if (!created.isEmpty() || !revised.isEmpty()) {
            audit.record("question.import", "question-bank", source, AuditLog.detail("created", created.size(),
                    "revised", revised.size(), "unchanged", unchanged.size(), "source", source));
        }
        return new ImportReport(created, revised, unchanged);
    }

    enum Outcome {
        CREATED, REVISED, UNCHANGED
    }

    /** Creates or revises one question (a retired question that is re-imported stays retired). */
    Outcome write(QuestionRules.Valid v, String actor) {
        Outcome o = writeVersion(v, actor);
        if (o != Outcome.UNCHANGED) {
            media.claimUploads(MediaService.referencedIn(v.stemMd()), MediaOwner.QUESTION_IMAGE,
                    Question.findByCode(v.code()).orElseThrow().id, actor);
        }
        return o;
    }

    private Outcome writeVersion(QuestionRules.Valid v, String actor) {
        Optional<Question> existing = Question.findByCode(v.code());
        String hash = v.contentHash();
        if (existing.isEmpty()) {
            Question q = new Question();
            q.code = v.code();
            q.createdBy = actor;
            q.persist();
            QuestionVersion qv = newVersion(q, 1, v, hash, actor);
            q.currentVersionId = qv.id;
            return Outcome.CREATED;
        }
        Question q = existing.get();
        QuestionVersion current = QuestionVersion.findById(q.currentVersionId);
        if (current.contentHash.equals(hash)) {
            return Outcome.UNCHANGED;
        }
        if (current.used) {
            QuestionVersion qv = newVersion(q, current.number + 1, v, hash, actor);
            q.currentVersionId = qv.id;
        } else {
            fill(current, v, hash);
        }
        q.updatedAt = Now.instant();
        return Outcome.REVISED;
    }

    private static QuestionVersion newVersion(Question q, int number, QuestionRules.Valid v, String hash, String actor) {
        QuestionVersion qv = new QuestionVersion();
        qv.questionId = q.id;
        qv.number = number;
        qv.createdBy = actor;
        fill(qv, v, hash);
        qv.persist();
        return qv;
    }

    private static void fill(QuestionVersion qv, QuestionRules.Valid v, String hash) {
        qv.type = v.type();
        qv.stemMd = v.stemMd();
        qv.optionsJson = Json.write(v.options());
        qv.keyJson = Json.write(v.key());
        qv.referenceAnswer = v.referenceAnswer();
        qv.rubricJson = Json.write(v.rubric());
        qv.explanation = v.explanation();
        qv.law = v.law();
        qv.articles = v.articles();
        qv.domainCode = v.domainCode();
        qv.difficulty = v.difficulty();
        qv.grades = v.grades();
        qv.levels = v.levels();
        qv.tags = v.tags();
        qv.sourceCase = v.sourceCase();
        qv.defaultPoints = v.points();
        qv.contentHash = hash;
    }

    /** Creates one question from the single-question form (issue 13 item 9); the code must be new. */
    @Transactional
    public QuestionVersion create(QuestionInput input, String actor) {
        List<ImportProblem> problems = new ArrayList<>();
        QuestionRules.Valid v = QuestionRules.one(input, domains(), problems);
        String code = input.code() == null ? "" : input.code().trim();
        if (!code.isEmpty() && Question.findByCode(code).isPresent()) {
            // beside the form's code field (the column is the format's word, as for every other field)
            problems.add(ImportProblem.of(null, 1, QuestionFields.CODE, "question.code_taken", code));
        }
        checkKnowledge(List.of(input), problems);
        if (!problems.isEmpty()) {
            throw new QuestionImportException(problems);
        }
        write(v, actor);
        Question q = Question.findByCode(v.code()).orElseThrow();
        audit.record("question.create", "question", v.code(), AuditLog.detail("type", v.type().name()));
        return QuestionVersion.findById(q.currentVersionId);
    }

    /** Edits one question (the code in the input must be the question's). */
    @Transactional
    public QuestionVersion edit(String code, QuestionInput input, String actor) {
        Question q = Question.findByCode(code).orElseThrow(() -> new NotFoundException("exam.question_not_found"));
        if (!code.equals(input.code() == null ? null : input.code().trim())) {
            throw InvalidException.field("code", "exam.question_code_fixed");
        }
        List<ImportProblem> problems = new ArrayList<>();
        QuestionRules.Valid v = QuestionRules.one(input, domains(), problems);
        checkKnowledge(List.of(input), problems);
        if (!problems.isEmpty()) {
            throw new QuestionImportException(problems);
        }
        int before = QuestionVersion.<QuestionVersion> findById(q.currentVersionId).number;
        Outcome o = write(v, actor);
        QuestionVersion now = QuestionVersion.findById(q.currentVersionId);
        if (o != Outcome.UNCHANGED) {
            audit.record("question.edit", "question", code, AuditLog.detail("fromVersion", before, "toVersion",
                    now.number, "newVersion", now.number != before));
        }
        return now;
    }

    @Transactional
    public void setRetired(String code, boolean retired, String actor) {
        Question q = Question.findByCode(code).orElseThrow(() -> new NotFoundException("exam.question_not_found"));
        Question.Status target = retired ? Question.Status.RETIRED : Question.Status.ACTIVE;
        if (q.status != target) {
            q.status = target;
            audit.record(retired ? "question.retire" : "question.restore", "question", code, AuditLog.detail());
        }
    }

    public static Optional<QuestionVersion> currentVersion(String code) {
        return Question.findByCode(code).map(q -> QuestionVersion.findById(q.currentVersionId));
    }
}
