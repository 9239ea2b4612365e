package cn.zhifa.academy.records;

import java.util.Locale;
import java.util.Optional;

import cn.zhifa.academy.platform.web.RecordTable;

/**
 * A feature's contribution to a person's record (学习档案): courses and hours, exams,
 * qualifications, assessments. Implementations are CDI beans; the record page and its PDF
 * list every bean's table in {@link #order()} order. Callers have already checked that the
 * viewer may see the person.
 */
public interface PersonRecordSection {

    int order();

    Optional<RecordTable> forPerson(long personId, Locale locale);
}
