package cn.zhifa.academy.curriculum;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A micro-lesson (微课单元) of one course version. */
@Entity
@Table(name = "lesson")
public class Lesson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_version_id")
    public Long courseVersionId;

    /** Stable across versions, e.g. the file name "02-gongshi". */
    @Column(name = "lesson_key")
    public String lessonKey;

    public int position;

    public String title;

    @Enumerated(EnumType.STRING)
    public LessonType type;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    public boolean required = true;

    @Column(name = "body_md")
    public String bodyMd = "";

    @Column(name = "media_id")
    public Long mediaId;

    @Column(name = "subtitles_media_id")
    public Long subtitlesMediaId;

    @Column(name = "case_code")
    public String caseCode;

    /** Check questions with their keys, as JSON; never sent to learners. */
    @Column(name = "check_json")
    public String checkJson;

    @Column(name = "pass_score")
    public Integer passScore;

    public static List<Lesson> ofVersion(long versionId) {
        return list("courseVersionId = ?1 ORDER BY position", versionId);
    }
}
