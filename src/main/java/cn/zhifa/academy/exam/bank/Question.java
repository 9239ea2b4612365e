package cn.zhifa.academy.exam.bank;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/** A bank question; its content lives in {@link QuestionVersion}s. */
@Entity
@Table(name = "question")
public class Question extends BaseEntity {

    public enum Status {
        ACTIVE, RETIRED
    }

    public String code;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    @Column(name = "current_version_id")
    public Long currentVersionId;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<Question> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
