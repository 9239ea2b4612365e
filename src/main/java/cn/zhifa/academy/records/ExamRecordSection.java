package cn.zhifa.academy.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.RecordTable;

/** 学习档案: exams and scores from the exam records (the kept result of every exam). */
@ApplicationScoped
public class ExamRecordSection implements PersonRecordSection {


    @Inject
    ExamRecords exams;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<RecordTable> forPerson(long personId, Locale locale) {
        RecordMessages m = RecordText.of(locale);
        List<List<String>> rows = exams.of(personId).stream().map(r -> List.of(m.rec_exam_with_code(r.examTitle, r.examCode),
                r.resit ? m.rec_purpose_resit(RecordText.purpose(m, r.purpose)) : RecordText.purpose(m, r.purpose), r.domainCode,
                r.score.stripTrailingZeros().toPlainString(), r.band, r.passed ? m.rec_yes() : m.rec_no(),
                LocalDate.ofInstant(r.finishedAt, Now.zone()).toString())).toList();
        return Optional.of(new RecordTable("exams", m.rec_exams_title(), List.of(m.rec_exam(), m.rec_exam_purpose(),
                m.rec_exam_domain(), m.rec_exam_score(), m.rec_exam_band(), m.rec_exam_passed(), m.rec_exam_date()), rows,
                null, m.rec_exams_empty()));
    }
}
