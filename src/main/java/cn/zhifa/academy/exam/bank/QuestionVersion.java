package cn.zhifa.academy.exam.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.platform.time.Now;

/**
 * The content of a question at one point in time. Once {@link #used} by an attempt it is
 * never changed again: attempts keep pointing at the exact version they were drawn with.
 */
@Entity
@Table(name = "question_version")
public class QuestionVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "question_id")
    public Long questionId;

    public int number;

    @Enumerated(EnumType.STRING)
    public QuestionType type;

    @Column(name = "stem_md")
    public String stemMd;

    @Column(name = "options_json")
    public String optionsJson = "[]";

    @Column(name = "key_json")
    public String keyJson;

    @Column(name = "reference_answer")
    public String referenceAnswer;

    @Column(name = "rubric_json")
    public String rubricJson = "[]";

    public String explanation = "";

    public String law;

    public String articles = "";

    @Column(name = "domain_code")
    public String domainCode;

    public int difficulty;

    public String grades = "";

    public String levels = "";

    public String tags = "";

    @Column(name = "source_case")
    public String sourceCase;

    @Column(name = "default_points")
    public BigDecimal defaultPoints;

    @Column(name = "content_hash")
    public String contentHash;

    public boolean used;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
    }

    public List<String> options() {
        return Json.strings(optionsJson);
    }

    /** The key as stored: option indexes for choice types, 0/1 for 判断, accepted texts for 填空. */
    public List<String> key() {
        return Json.strings(keyJson);
    }

    public List<Json.RubricPoint> rubric() {
        return Json.rubric(rubricJson);
    }
}
