package cn.zhifa.academy.exam;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One audience filter of an exam. Filters of one kind are OR-ed, kinds are AND-ed; a
 * PERSON row admits that person whatever the filters say.
 */
@Entity
@Table(name = "exam_audience")
@IdClass(ExamAudience.Key.class)
public class ExamAudience extends PanacheEntityBase {

    public enum Kind {
        CATEGORY, GRADE, UNIT, PROVIDER, PERSON
    }

    @Id
    @Column(name = "exam_id")
    public Long examId;

    @Id
    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Id
    public String value;

    public String reason;

    public ExamAudience() {
    }

    public ExamAudience(long examId, Kind kind, String value, String reason) {
        this.examId = examId;
        this.kind = kind;
        this.value = value;
        this.reason = reason;
    }

    public static class Key implements Serializable {
        public Long examId;
        public Kind kind;
        public String value;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(examId, k.examId) && kind == k.kind
                    && Objects.equals(value, k.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(examId, kind, value);
        }
    }
}
