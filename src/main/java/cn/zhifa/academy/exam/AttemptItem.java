package cn.zhifa.academy.exam;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One question of a candidate's paper with its saved answer and score. */
@Entity
@Table(name = "attempt_item")
@IdClass(AttemptItem.Key.class)
public class AttemptItem extends PanacheEntityBase {

    @Id
    @Column(name = "attempt_id")
    public Long attemptId;

    @Id
    public int position;

    @Column(name = "question_version_id")
    public Long questionVersionId;

    @Column(name = "section_position")
    public int sectionPosition;

    public BigDecimal points;

    @Column(name = "partial_credit")
    public BigDecimal partialCredit;

    @Column(name = "option_order")
    public String optionOrder = "";

    @Column(name = "answer_json")
    public String answerJson;

    @Column(name = "answer_seq")
    public long answerSeq;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public boolean flagged;

    public BigDecimal score;

    @Column(name = "graded_by")
    public String gradedBy;

    @Column(name = "graded_at")
    public Instant gradedAt;

    @Column(name = "grader_comment")
    public String graderComment;

    /** Displayed option i is original option order()[i]. */
    public int[] order() {
        return order(optionOrder);
    }

    /** A stored option permutation ("2,0,1") as indexes; empty for none. */
    public static int[] order(String optionOrder) {
        if (optionOrder == null || optionOrder.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(optionOrder.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    public List<String> answer() {
        return Json.strings(answerJson);
    }

    public static class Key implements Serializable {
        public Long attemptId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(attemptId, k.attemptId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, position);
        }
    }
}
