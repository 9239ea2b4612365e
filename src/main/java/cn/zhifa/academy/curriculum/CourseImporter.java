package cn.zhifa.academy.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.content.FrontMatterDocument;
import cn.zhifa.academy.knowledge.KnowledgePoints;
import cn.zhifa.academy.knowledge.KnowledgeTags;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.text.FormatWords;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.storage.ContentTypes;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports curricula kept as files ({@code courses/<code>/course.yaml} plus one Markdown file
 * per lesson). The whole folder is validated first and every problem is reported with its file
 * and line; only a clean folder is imported, in one transaction. A course whose files are
 * unchanged (same content hash) is skipped; a changed course gets a new published version.
 */
@ApplicationScoped
public class CourseImporter {

    /** The words of the course-file format (formats/course-file.properties). */
    private static final FormatWords WORDS = FormatWords.of("course-file");
    /** course.yaml's levels values (市, 区县, 镇街), in the order of {@link OrgLevel}. */
    private static final Map<String, OrgLevel> LEVELS = levels();
    private static final Map<String, LessonType> TYPES = typesInOrder();

    private static Map<String, OrgLevel> levels() {
        Map<String, OrgLevel> out = new LinkedHashMap<>();
        for (OrgLevel l : OrgLevel.values()) {
            out.put(WORDS.get("level." + l.name()), l);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, LessonType> typesInOrder() {
        Map<String, LessonType> out = new LinkedHashMap<>();
        out.put("article", LessonType.ARTICLE);
        out.put("video", LessonType.VIDEO);
        out.put("slides", LessonType.SLIDES);
        out.put("case", LessonType.CASE);
        out.put("check", LessonType.CHECK);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The accepted words, as a message lists them (市、区县、镇街). */
    private static String choices(java.util.Collection<String> words) {
        return String.join(WORDS.get("choices.separator"), words);
    }

    /** A problem at a line; its text (a key of the errors bundle) in the reader's language. */
    private static ContentProblem problem(String file, int line, String key, Object... args) {
        return new ContentProblem(file, line, ErrorTexts.text(ErrorTexts.currentLocale(), key, args));
    }

    @Inject
    MediaService media;

    @Inject
    OrgDirectory org;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    KnowledgePoints knowledgePoints;

    @Inject
    KnowledgeTags knowledgeTags;

    /** What an import did. */
    public record Report(List<String> created, List<String> revised, List<String> unchanged) {
    }

    /** A validated course, ready to write. */
    record ParsedCourse(Path dir, String code, String title, String summary, String domain, List<String> grades,
            List<String> levels, BigDecimal hours, List<String> prerequisites, boolean significant,
            List<ParsedLesson> lessons, String hash) {
    }

    record ParsedLesson(String key, String title, LessonType type, int duration, boolean required, String body,
            Path media, Path subtitles, String caseCode, List<CheckQuestion> questions, Integer passScore,
            List<String> knowledge) {
    }

    /** Validates and imports; throws {@link ContentInvalidException} with every problem, writing nothing. */
    public Report importFolder(Path folder, String actor) {
        List<ContentProblem> problems = new ArrayList<>();
        List<ParsedCourse> courses = validate(folder, problems);
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems);
        }
        // media go to the object store before the write transaction opens: storing audits too,
        // and the audit chain's lock must not be held across two transactions
        Map<Path, Long> mediaIds = new HashMap<>();
        for (ParsedCourse c : courses) {
            if (QuarkusTransaction.requiringNew().call(() -> unchanged(c))) {
                continue;
            }
            for (ParsedLesson l : c.lessons()) {
                for (Path p : new Path[] { l.media(), l.subtitles() }) {
                    if (p != null && !mediaIds.containsKey(p)) {
                        mediaIds.put(p, store(p, actor));
                    }
                }
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> write(courses, mediaIds, actor));
    }

    private static boolean unchanged(ParsedCourse pc) {
        return Course.byCode(pc.code()).flatMap(c -> CourseVersion.latest(c.id))
                .map(v -> pc.hash().equals(v.contentHash)).orElse(false);
    }

    /** Every problem of the folder; empty when it would import. */
    public List<ContentProblem> check(Path folder) {
        List<ContentProblem> problems = new ArrayList<>();
        validate(folder, problems);
        return problems;
    }

    List<ParsedCourse> validate(Path folder, List<ContentProblem> problems) {
        List<ParsedCourse> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(problem(folder.toString(), 0, "course.file.folder_missing"));
            return out;
        }
        Set<String> domains = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> org.domains().forEach(d -> domains.add(d.name())));
        Map<String, String> codes = new HashMap<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(folder)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("course.yaml"))).sorted().toList();
        } catch (IOException e) {
            problems.add(problem(folder.toString(), 0, "course.file.folder_unreadable", e.getMessage()));
            return out;
        }
        for (Path dir : dirs) {
            ParsedCourse c = course(folder, dir, domains, problems);
            if (c == null) {
                continue;
            }
            String where = rel(folder, dir.resolve("course.yaml"));
            if (codes.containsKey(c.code())) {
                problems.add(problem(where, line(dir.resolve("course.yaml"), "code"),
                        "course.file.code_duplicate", c.code(), codes.get(c.code())));
            } else {
                codes.put(c.code(), where);
                out.add(c);
            }
        }
        for (ParsedCourse c : out) {
            for (String p : c.prerequisites()) {
                boolean known = codes.containsKey(p)
                        || QuarkusTransaction.requiringNew().call(() -> Course.byCode(p).isPresent());
                if (!known) {
                    problems.add(problem(rel(folder, c.dir().resolve("course.yaml")),
                            line(c.dir().resolve("course.yaml"), "prerequisites"), "course.file.prerequisite_unknown", p));
                }
            }
            Optional<CourseVersion> latest = QuarkusTransaction.requiringNew().call(
                    () -> Course.byCode(c.code()).flatMap(course -> CourseVersion.latest(course.id)));
            if (latest.isPresent() && latest.get().isDraft()) {
                problems.add(problem(rel(folder, c.dir().resolve("course.yaml")), 0,
                        "course.file.draft_open", c.code()));
            }
        }
        return out;
    }

    private ParsedCourse course(Path root, Path dir, Set<String> domains, List<ContentProblem> problems) {
        Path yamlFile = dir.resolve("course.yaml");
        String file = rel(root, yamlFile);
        String text = read(yamlFile, file, problems);
        if (text == null) {
            return null;
        }
        FrontMatterDocument.Parsed parsed = FrontMatterDocument.parseYaml(file, text);
        if (!parsed.ok()) {
            problems.addAll(parsed.problems());
            return null;
        }
        Map<String, Object> y = parsed.document().meta();
        int before = problems.size();
        String code = string(y, "code", file, text, problems, true);
        if (code != null && !code.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "code"), "course.file.code_invalid"));
        }
        String title = string(y, "title", file, text, problems, true);
        String summary = Optional.ofNullable(string(y, "summary", file, text, problems, false)).orElse("");
        String category = string(y, "category", file, text, problems, true);
        if (category != null && !domains.contains(category)) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "category"), "course.file.category_unknown", category));
        }
        List<String> grades = list(y, "grades", file, text, problems, true);
        grades.stream().filter(g -> Grade.fromLabel(g).isEmpty()).forEach(g -> problems.add(problem(file,
                FrontMatterDocument.lineOfKey(text, "grades"), "course.file.grade_unknown", g,
                choices(java.util.Arrays.stream(Grade.values()).map(x -> x.label).toList()))));
        List<String> levels = list(y, "levels", file, text, problems, true);
        levels.stream().filter(l -> !LEVELS.containsKey(l)).forEach(l -> problems.add(problem(file,
                FrontMatterDocument.lineOfKey(text, "levels"), "course.file.level_unknown", l, choices(LEVELS.keySet()))));
        BigDecimal hours = null;
        Object h = y.get("hours");
        if (h instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 200) {
            hours = new BigDecimal(n.toString());
        } else {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "hours"), "course.file.hours_range"));
        }
        List<String> prerequisites = list(y, "prerequisites", file, text, problems, false);
        boolean significant = Boolean.TRUE.equals(y.get("significant"));
        List<String> lessonFiles = list(y, "lessons", file, text, problems, true);
        if (y.containsKey("lessons") && lessonFiles.isEmpty()) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "lessons"), "course.file.no_lessons"));
        }
        List<ParsedLesson> lessons = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        MessageDigest sha = sha256();
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        for (String lf : lessonFiles) {
            Path lessonPath = dir.resolve(lf).normalize();
            if (!lessonPath.startsWith(dir) || !Files.isRegularFile(lessonPath)) {
                problems.add(problem(file, lineContaining(text, lf), "course.file.lesson_missing", lf));
                continue;
            }
            String key = lf.replaceFirst("\\.md$", "");
            if (!keys.add(key)) {
                problems.add(problem(file, lineContaining(text, lf), "course.file.lesson_duplicate", lf));
                continue;
            }
            ParsedLesson l = lesson(root, dir, lessonPath, key, problems, sha);
            if (l != null) {
                lessons.add(l);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ParsedCourse(dir, code, title, summary, category, grades, levels, hours, prerequisites, significant,
                lessons, HexFormat.of().formatHex(sha.digest()));
    }

    private ParsedLesson lesson(Path root, Path dir, Path path, String key, List<ContentProblem> problems,
            MessageDigest sha) {
        String file = rel(root, path);
        String text = read(path, file, problems);
        if (text == null) {
            return null;
        }
        sha.update(file.getBytes(StandardCharsets.UTF_8));
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        FrontMatterDocument.Parsed parsed = FrontMatterDocument.parse(file, text);
        if (!parsed.ok()) {
            problems.addAll(parsed.problems());
            return null;
        }
        Map<String, Object> m = parsed.document().meta();
        int before = problems.size();
        String title = string(m, "title", file, text, problems, true);
        String typeName = string(m, "type", file, text, problems, true);
        LessonType type = typeName == null ? null : TYPES.get(typeName);
        if (typeName != null && type == null) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "type"),
                    "course.file.lesson_type_unknown", typeName, choices(TYPES.keySet())));
        }
        int duration = 0;
        if (m.get("duration") instanceof Integer d && d > 0 && d <= 120) {
            duration = d;
        } else {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "duration"), "course.file.duration_range"));
        }
        boolean required = !Boolean.FALSE.equals(m.get("required"));
        List<String> knowledge = list(m, "knowledge", file, text, problems, false);
        for (String k : knowledge) {
            if (!knowledgePoints.exists(k)) {
                problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "knowledge"),
                        "course.file.knowledge_unknown", k));
            }
        }
        Path mediaPath = null;
        Path subtitles = null;
        String caseCode = null;
        List<CheckQuestion> questions = null;
        Integer passScore = null;
        if (type == LessonType.VIDEO || type == LessonType.SLIDES) {
            String field = type == LessonType.VIDEO ? "video" : "slides";
            String ref = string(m, field, file, text, problems, true);
            if (ref != null) {
                mediaPath = mediaFile(root, dir, ref, file, FrontMatterDocument.lineOfKey(text, field),
                        type == LessonType.VIDEO ? List.of("video/mp4", "video/webm") : List.of("application/pdf"),
                        problems, sha);
                if (mediaPath != null && type == LessonType.VIDEO) {
                    Path vtt = mediaPath.resolveSibling(mediaPath.getFileName().toString().replaceFirst("\\.[^.]+$", ".vtt"));
                    if (Files.isRegularFile(vtt)) {
                        subtitles = mediaFile(root, dir, dir.relativize(vtt).toString(), file, 0, List.of("text/vtt"),
                                problems, sha);
                    }
                }
            }
        } else if (type == LessonType.CASE) {
            caseCode = string(m, "case", file, text, problems, true);
        } else if (type == LessonType.CHECK) {
            questions = questions(m.get("questions"), file, text, problems);
            if (m.get("passScore") instanceof Integer p && p >= 0 && p <= 100) {
                passScore = p;
            } else {
                problems.add(problem(file, FrontMatterDocument.lineOfKey(text, "passScore"), "course.file.pass_score_range"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ParsedLesson(key, title, type, duration, required, parsed.document().body(), mediaPath, subtitles,
                caseCode, questions, passScore, knowledge);
    }

    private Path mediaFile(Path root, Path dir, String ref, String file, int line, List<String> types,
            List<ContentProblem> problems, MessageDigest sha) {
        Path p = dir.resolve(ref).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
            problems.add(problem(file, line, "course.file.media_missing", ref));
            return null;
        }
        Optional<String> type = ContentTypes.byFilename(p.getFileName().toString());
        if (type.isEmpty() || !types.contains(type.get())) {
            problems.add(problem(file, line, "course.file.media_type", ref, choices(types)));
            return null;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(ContentTypes.SNIFF_BYTES);
            if (!ContentTypes.contentMatches(type.get(), head, head.length)) {
                problems.add(problem(file, line, "course.file.media_mismatch", ref));
                return null;
            }
            sha.update(rel(root, p).getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(p));
        } catch (IOException e) {
            problems.add(problem(file, line, "course.file.media_unreadable", ref));
            return null;
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    List<CheckQuestion> questions(Object raw, String file, String text, List<ContentProblem> problems) {
        int line = FrontMatterDocument.lineOfKey(text, "questions");
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            problems.add(problem(file, line, "course.file.questions_missing"));
            return null;
        }
        List<CheckQuestion> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int number = i + 1;
            if (!(list.get(i) instanceof Map<?, ?> q)) {
                problems.add(problem(file, line, "course.file.question_malformed", number));
                continue;
            }
            String type = String.valueOf(q.get("type"));
            String stem = q.get("stem") == null ? null : q.get("stem").toString();
            List<String> options = q.get("options") instanceof List<?> o ? o.stream().map(String::valueOf).toList() : List.of();
            Object a = q.get("answer");
            String answer;
            if (a instanceof List<?> al) {
                answer = String.join(",", al.stream().map(String::valueOf).toList());
            } else {
                answer = a == null ? null : a.toString();
            }
            if (stem == null || stem.isBlank()) {
                problems.add(problem(file, line, "course.file.question_no_stem", number));
            }
            boolean ok = switch (type) {
                case "single" -> options.size() >= 2 && answer != null && answer.matches("[A-Z]")
                        && answer.charAt(0) - 'A' < options.size();
                case "multiple" -> options.size() >= 2 && answer != null && answer.matches("[A-Z](,[A-Z])+")
                        && answer.chars().filter(Character::isLetter).allMatch(c -> c - 'A' < options.size());
                case "judge" -> "true".equals(answer) || "false".equals(answer);
                default -> false;
            };
            if (!ok) {
                problems.add(problem(file, line, "course.file.question_inconsistent", number, type, answer));
                continue;
            }
            out.add(new CheckQuestion(type, stem, type.equals("judge") ? List.of() : options, answer,
                    q.get("explanation") == null ? "" : q.get("explanation").toString()));
        }
        return out;
    }

    private Report write(List<ParsedCourse> courses, Map<Path, Long> mediaIds, String actor) {
        List<String> created = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Course> byCode = new LinkedHashMap<>();
        for (ParsedCourse pc : courses) {
            Course course = Course.byCode(pc.code()).orElse(null);
            Optional<CourseVersion> latest = course == null ? Optional.empty() : CourseVersion.latest(course.id);
            if (latest.isPresent() && pc.hash().equals(latest.get().contentHash)) {
                unchanged.add(pc.code());
                byCode.put(pc.code(), course);
                continue;
            }
            boolean isNew = course == null;
            if (isNew) {
                course = new Course();
                course.code = pc.code();
                course.createdBy = actor;
            }
            course.domainId = org.domainByName(pc.domain()).orElseThrow().id();
            course.status = Course.Status.PUBLISHED;
            course.persist();
            CourseVersion v = new CourseVersion();
            v.courseId = course.id;
            v.number = latest.map(l -> l.number + 1).orElse(1);
            v.title = pc.title();
            v.summary = pc.summary();
            v.grades = String.join(",", pc.grades().stream().map(g -> Grade.fromLabel(g).orElseThrow().name()).toList());
            v.levels = String.join(",", pc.levels().stream().map(l -> LEVELS.get(l).name()).toList());
            v.creditHours = pc.hours();
            v.contentHash = pc.hash();
            v.significant = pc.significant();
            v.publishedAt = Now.instant();
            v.publishedBy = actor;
            v.persist();
            int position = 1;
            for (ParsedLesson pl : pc.lessons()) {
                Lesson l = new Lesson();
                l.courseVersionId = v.id;
                l.lessonKey = pl.key();
                l.position = position++;
                l.title = pl.title();
                l.type = pl.type();
                l.durationMinutes = pl.duration();
                l.required = pl.required();
                l.bodyMd = pl.body();
                l.mediaId = pl.media() == null ? null : mediaIds.get(pl.media());
                l.subtitlesMediaId = pl.subtitles() == null ? null : mediaIds.get(pl.subtitles());
                l.caseCode = pl.caseCode();
                l.checkJson = pl.questions() == null ? null : toJson(pl.questions());
                l.passScore = pl.passScore();
                l.persist();
                knowledgeTags.replace(KnowledgeTags.LESSON, l.id, pl.knowledge());
                // the course's files record what they belong to (the first course that uses them)
                media.assignOwnerId(java.util.stream.Stream.of(l.mediaId, l.subtitlesMediaId).filter(x -> x != null)
                        .toList(), course.id, cn.zhifa.academy.storage.MediaOwner.LESSON_MEDIA);
            }
            course.publishedVersionId = v.id;
            if (v.significant) {
                Enrollment.update("courseVersionId = ?1 WHERE courseId = ?2 AND completedAt IS NULL", v.id, course.id);
            }
            audit.recordAs(actor, isNew ? "course.imported" : "course.revised", "course", course.code,
                    AuditLog.detail("version", v.number, "hash", v.contentHash, "lessons", pc.lessons().size()));
            (isNew ? created : revised).add(pc.code());
            byCode.put(pc.code(), course);
        }
        for (ParsedCourse pc : courses) {
            Course c = byCode.get(pc.code());
            c.prerequisites.clear();
            for (String p : pc.prerequisites()) {
                c.prerequisites.add(byCode.containsKey(p) ? byCode.get(p) : Course.byCode(p).orElseThrow());
            }
        }
        return new Report(created, revised, unchanged);
    }

    /** Stores a media file once: the same bytes under the same name are reused. */
    private long store(Path file, String actor) {
        try {
            String sha = HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
            String name = file.getFileName().toString();
            Optional<MediaRef> existing = QuarkusTransaction.requiringNew().call(
                    () -> media.sameFile(sha, name, cn.zhifa.academy.storage.MediaOwner.LESSON_MEDIA));
            if (existing.isPresent()) {
                return existing.get().id();
            }
            return media.store(file, name, null, actor, cn.zhifa.academy.storage.MediaOwner.LESSON_MEDIA, null).id();
        } catch (IOException e) {
            throw new IllegalStateException("cannot store " + file, e);
        }
    }

    private String toJson(List<CheckQuestion> qs) {
        try {
            return json.writeValueAsString(qs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String string(Map<String, Object> m, String key, String file, String text,
            List<ContentProblem> problems, boolean required) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                problems.add(problem(file, 0, "course.file.required", key));
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, key), "course.file.not_text", key));
            return null;
        }
        return v.toString().trim();
    }

    private static List<String> list(Map<String, Object> m, String key, String file, String text,
            List<ContentProblem> problems, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problems.add(problem(file, 0, "course.file.required", key));
            }
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            problems.add(problem(file, FrontMatterDocument.lineOfKey(text, key), "course.file.not_list", key));
            return List.of();
        }
        return l.stream().map(String::valueOf).map(String::trim).toList();
    }

    private static String read(Path p, String file, List<ContentProblem> problems) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(problem(file, 0, "course.file.unreadable", e.getMessage()));
            return null;
        }
    }

    private static int line(Path yaml, String key) {
        try {
            return FrontMatterDocument.lineOfKey(Files.readString(yaml), key);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int lineContaining(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
