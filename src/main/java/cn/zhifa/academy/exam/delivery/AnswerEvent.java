package cn.zhifa.academy.exam.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Every answer save as received, applied or not, kept for appeals. */
@Entity
@Table(name = "answer_event")
public class AnswerEvent extends PanacheEntityBase {

    public enum Outcome {
        APPLIED, STALE, LATE, SUBMITTED, DEVICE_REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "attempt_id")
    public Long attemptId;

    public int position;

    public long seq;

    @Column(name = "answer_json")
    public String answerJson;

    public Boolean flagged;

    @Column(name = "device_id")
    public String deviceId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Outcome outcome;

    @Column(name = "received_at")
    public Instant receivedAt;
}
