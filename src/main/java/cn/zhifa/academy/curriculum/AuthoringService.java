package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.content.FrontMatterDocument;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.storage.MediaRef;

/**
 * Authoring in the browser (课程编写): a course is edited as a draft version; editing a
 * published course first copies it into a new draft, so learners never see half-made changes;
 * publishing freezes the draft.
 */
@ApplicationScoped
@Transactional
public class AuthoringService {

    @Inject
    CurrentUser user;

    @Inject
    OrgDirectory org;

    @Inject
    cn.zhifa.academy.storage.MediaService media;

    @Inject
    cn.zhifa.academy.storage.MediaAccess mediaAccess;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    CourseImporter importer;

    /** The editable facts of a course version. */
    public record CourseInput(String title, String summary, Long domainId, List<Grade> grades, List<OrgLevel> levels,
            BigDecimal hours) {
    }

    /** The editable facts of a lesson; {@code checkYaml} holds a check's questions in the file format. */
    public record LessonInput(String title, LessonType type, int durationMinutes, boolean required, String bodyMd,
            String mediaId, String caseCode, String checkYaml, Integer passScore) {
    }

    public Course create(String code, CourseInput in) {
        String c = code == null ? "" : code.trim().toUpperCase();
        if (!c.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw InvalidException.field("code", "course.code_invalid");
        }
        if (Course.byCode(c).isPresent()) {
            throw new ConflictException("course.code_taken", c);
        }
        Course course = new Course();
        course.code = c;
        course.createdBy = user.getUsername();
        course.domainId = domain(in.domainId());
        course.status = Course.Status.DRAFT;
        course.persist();
        CourseVersion v = new CourseVersion();
        v.courseId = course.id;
        v.number = 1;
        apply(v, in);
        v.persist();
        audit.record("course.created", "course", c, AuditLog.detail("title", v.title));
        return course;
    }

    /** The course's draft, made from the published version when there is none. */
    public CourseVersion draft(String code) {
        Course c = course(code);
        CourseVersion latest = CourseVersion.latest(c.id).orElseThrow();
        if (latest.isDraft()) {
            return latest;
        }
        CourseVersion d = new CourseVersion();
        d.courseId = c.id;
        d.number = latest.number + 1;
        d.title = latest.title;
        d.summary = latest.summary;
        d.grades = latest.grades;
        d.levels = latest.levels;
        d.creditHours = latest.creditHours;
        d.persist();
        for (Lesson l : Lesson.ofVersion(latest.id)) {
            Lesson copy = new Lesson();
            copy.courseVersionId = d.id;
            copy.lessonKey = l.lessonKey;
            copy.position = l.position;
            copy.title = l.title;
            copy.type = l.type;
            copy.durationMinutes = l.durationMinutes;
            copy.required = l.required;
            copy.bodyMd = l.bodyMd;
            copy.mediaId = l.mediaId;
            copy.subtitlesMediaId = l.subtitlesMediaId;
            copy.caseCode = l.caseCode;
            copy.checkJson = l.checkJson;
            copy.passScore = l.passScore;
            copy.persist();
        }
        return d;
    }

    public CourseVersion update(String code, CourseInput in) {
        CourseVersion d = draft(code);
        apply(d, in);
        course(code).domainId = domain(in.domainId());
        return d;
    }

    public Lesson saveLesson(String code, Long lessonId, LessonInput in) {
        CourseVersion d = draft(code);
        Lesson l;
        if (lessonId == null) {
            l = new Lesson();
            l.courseVersionId = d.id;
            l.position = (int) Lesson.count("courseVersionId", d.id) + 1;
            l.lessonKey = "web-" + Long.toString(System.currentTimeMillis(), 36);
        } else {
            l = lessonOfDraft(d, lessonId);
        }
        if (in.title() == null || in.title().isBlank() || in.type() == null) {
            throw InvalidException.field("title", "lesson.title_required");
        }
        if (in.durationMinutes() < 1 || in.durationMinutes() > 120) {
            throw InvalidException.field("durationMinutes", "lesson.duration_range");
        }
        l.title = in.title().trim();
        l.type = in.type();
        l.durationMinutes = in.durationMinutes();
        l.required = in.required();
        l.bodyMd = in.bodyMd() == null ? "" : in.bodyMd();
        l.caseCode = in.type() == LessonType.CASE ? blank(in.caseCode()) : null;
        if (in.type() == LessonType.VIDEO || in.type() == LessonType.SLIDES) {
            if (in.mediaId() != null && !in.mediaId().isBlank()) {
                // the file by its public id; an upload becomes the course's lesson media (only the uploader's own)
                MediaRef m = mediaAccess.find(in.mediaId().trim()).orElse(null);
                boolean ok = m != null && (in.type() == LessonType.VIDEO ? m.contentType().startsWith("video/")
                        : m.contentType().equals("application/pdf"));
                if (!ok) {
                    throw InvalidException.field("mediaId",
                            in.type() == LessonType.VIDEO ? "lesson.video_required" : "lesson.pdf_required");
                }
                m = media.attach(m, cn.zhifa.academy.storage.MediaOwner.LESSON_MEDIA, d.courseId,
                        user.getUsername(), "mediaId");
                l.mediaId = m.id();
            }
        } else {
            l.mediaId = null;
            l.subtitlesMediaId = null;
        }
        if (in.type() == LessonType.CHECK) {
            List<ContentProblem> problems = new ArrayList<>();
            FrontMatterDocument.Parsed parsed = FrontMatterDocument.parseYaml("questions", "questions:\n"
                    + indent(in.checkYaml() == null ? "" : in.checkYaml()));
            List<CheckQuestion> qs = parsed.ok()
                    ? importer.questions(parsed.document().meta().get("questions"), "questions", "", problems)
                    : null;
            if (!parsed.ok() || qs == null || !problems.isEmpty()) {
                List<ContentProblem> all = parsed.ok() ? problems : parsed.problems();
                throw InvalidException.fields(all.stream().map(p -> new FieldError("checkYaml", "content.problem", p.message())).toList(),
                        "lesson.check_invalid").titled("Invalid questions");
            }
            l.checkJson = toJson(qs);
            l.passScore = in.passScore() == null ? 60 : Math.max(0, Math.min(100, in.passScore()));
        } else {
            l.checkJson = null;
            l.passScore = null;
        }
        l.persist();
        return l;
    }

    /** The check questions of a lesson back in the YAML form trainers edit. */
    public String checkYaml(Lesson l) {
        if (l.checkJson == null) {
            return "";
        }
        try {
            List<Map<String, Object>> qs = json.readValue(l.checkJson, new TypeReference<List<Map<String, Object>>>() {
            });
            String y = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                    .writeValueAsString(qs);
            return y;
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    public void move(String code, long lessonId, boolean up) {
        CourseVersion d = draft(code);
        List<Lesson> lessons = Lesson.ofVersion(d.id);
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id == lessonId || lessons.get(i).lessonKey.equals(keyOf(lessonId))) {
                int j = up ? i - 1 : i + 1;
                if (j >= 0 && j < lessons.size()) {
                    int p = lessons.get(i).position;
                    lessons.get(i).position = lessons.get(j).position;
                    lessons.get(j).position = p;
                }
                return;
            }
        }
    }

    public void deleteLesson(String code, long lessonId) {
        CourseVersion d = draft(code);
        Lesson l = lessonOfDraft(d, lessonId);
        l.delete();
        int pos = 1;
        for (Lesson x : Lesson.ofVersion(d.id)) {
            x.position = pos++;
        }
    }

    /** Freezes the draft; learners start it from now on (and move to it when {@code significant}). */
    public CourseVersion publish(String code, boolean significant) {
        Course c = course(code);
        CourseVersion d = CourseVersion.latest(c.id).orElseThrow();
        if (!d.isDraft()) {
            throw new ConflictException("course.no_draft");
        }
        List<Lesson> lessons = Lesson.ofVersion(d.id);
        List<FieldError> problems = new ArrayList<>();
        if (lessons.isEmpty()) {
            problems.add(new FieldError("lessons", "course.needs_lesson"));
        }
        for (Lesson l : lessons) {
            if ((l.type == LessonType.VIDEO || l.type == LessonType.SLIDES) && l.mediaId == null) {
                problems.add(new FieldError(l.title, "course.lesson_media_missing"));
            }
            if (l.type == LessonType.CHECK && l.checkJson == null) {
                problems.add(new FieldError(l.title, "course.lesson_check_missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidException.fields(problems, "course.cannot_publish").titled("Cannot publish");
        }
        d.significant = significant;
        d.publishedAt = Now.instant();
        d.publishedBy = user.getUsername();
        d.contentHash = hash(d, lessons);
        c.publishedVersionId = d.id;
        c.status = Course.Status.PUBLISHED;
        if (significant) {
            Enrollment.update("courseVersionId = ?1 WHERE courseId = ?2 AND completedAt IS NULL", d.id, c.id);
        }
        audit.record("course.published", "course", c.code, AuditLog.detail("version", d.number, "significant",
                significant, "lessons", lessons.size()));
        return d;
    }

    public Course course(String code) {
        return Course.byCode(code).orElseThrow(() -> new NotFoundException("course.not_found", code));
    }

    private Lesson lessonOfDraft(CourseVersion d, long lessonId) {
        Lesson l = Lesson.findById(lessonId);
        if (l == null) {
            throw new NotFoundException("lesson.not_found", lessonId);
        }
        if (!l.courseVersionId.equals(d.id)) {
            // an id from the published version: the same lesson in the draft
            l = Lesson.<Lesson> find("courseVersionId = ?1 AND lessonKey = ?2", d.id, l.lessonKey).firstResultOptional()
                    .orElseThrow(() -> new NotFoundException("lesson.not_found", lessonId));
        }
        return l;
    }

    private String keyOf(long lessonId) {
        Lesson l = Lesson.findById(lessonId);
        return l == null ? "" : l.lessonKey;
    }

    private void apply(CourseVersion v, CourseInput in) {
        if (in.title() == null || in.title().isBlank()) {
            throw InvalidException.field("title", "course.title_required");
        }
        if (in.grades() == null || in.grades().isEmpty() || in.levels() == null || in.levels().isEmpty()) {
            throw InvalidException.field("grades", "course.grades_required");
        }
        if (in.hours() == null || in.hours().signum() < 0 || in.hours().compareTo(BigDecimal.valueOf(200)) > 0) {
            throw InvalidException.field("hours", "course.hours_range");
        }
        v.title = in.title().trim();
        v.summary = in.summary() == null ? "" : in.summary().trim();
        v.grades = String.join(",", in.grades().stream().map(Enum::name).toList());
        v.levels = String.join(",", in.levels().stream().map(Enum::name).toList());
        v.creditHours = in.hours();
    }

    private Long domain(Long id) {
        if (id == null || !org.domainExists(id)) {
            throw InvalidException.field("domainId", "course.domain_required");
        }
        return id;
    }

    private String hash(CourseVersion v, List<Lesson> lessons) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((v.title + "|" + v.summary + "|" + v.grades + "|" + v.levels + "|" + v.creditHours)
                    .getBytes(StandardCharsets.UTF_8));
            for (Lesson l : lessons) {
                sha.update((l.lessonKey + "|" + l.title + "|" + l.type + "|" + l.durationMinutes + "|" + l.required + "|"
                        + l.bodyMd + "|" + l.mediaId + "|" + l.caseCode + "|" + l.checkJson).getBytes(StandardCharsets.UTF_8));
            }
            return "web-" + HexFormat.of().formatHex(sha.digest()).substring(4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(List<CheckQuestion> qs) {
        try {
            return json.writeValueAsString(qs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String yaml) {
        return yaml.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
