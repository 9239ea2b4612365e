package cn.zhifa.academy.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.web.RecordTable;
import cn.zhifa.academy.records.PersonRecordSection;

/** 学习档案: the person's qualifications and certificates, every state, with the current cycle's dates. */
@ApplicationScoped
public class QualificationRecordSection implements PersonRecordSection {

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationJobs jobs;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<RecordTable> forPerson(long personId, Locale locale) {
        QualMessages m = QualText.of(locale);
        boolean en = locale != null && "en".equals(locale.getLanguage());
        List<List<String>> rows = new ArrayList<>();
        int valid = 0;
        List<QualificationQueries.View> views = queries.ofPerson(personId, jobs.today());
        for (QualificationQueries.View v : views) {
            if (v.valid()) {
                valid++;
            }
            rows.add(List.of(en ? v.typeNameEn() : v.typeName(), v.domainName(), v.number(), QualText.state(m, v.state()),
                    v.issuedOn().toString(), v.expiresOn().toString()));
        }
        return Optional.of(new RecordTable("qualifications", m.rec_qual_title(), List.of(m.col_type(), m.col_domain(),
                m.col_number(), m.col_state(), m.col_issued(), m.col_expires()), rows,
                views.isEmpty() ? null : m.rec_qual_summary(valid, views.size()), m.rec_qual_empty()));
    }
}
