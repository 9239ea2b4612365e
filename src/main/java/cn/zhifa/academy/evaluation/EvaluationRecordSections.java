package cn.zhifa.academy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.records.PersonRecordSection;
import cn.zhifa.academy.provider.ProviderRecordSection;
import cn.zhifa.academy.platform.web.RecordTable;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Contributions to the records: a person's assessments, a provider's credit history and standing. */
public class EvaluationRecordSections {

    static EvalMessages messages(Locale locale) {
        return MessageBundles.get(EvalMessages.class,
                Localized.Literal.of(locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN"));
    }

    static String kind(EvalMessages m, CreditEventKind k) {
        return switch (k) {
            case COMPLAINT -> m.credit_kind_COMPLAINT();
            case PROFITEERING -> m.credit_kind_PROFITEERING();
            case REPAIR -> m.credit_kind_REPAIR();
            case COMMENDATION -> m.credit_kind_COMMENDATION();
        };
    }

    static String plain(Object o) {
        return o == null ? "-" : o instanceof java.math.BigDecimal d ? EvaluationService.plain(d) : String.valueOf(o);
    }

    /** 考核记录 on the personal record (学习档案): confirmed and open assessments, newest first. */
    @ApplicationScoped
    @Transactional(Transactional.TxType.SUPPORTS)
    public static class Assessments implements PersonRecordSection {

        @Override
        public int order() {
            return 50;
        }

        @Override
        public Optional<RecordTable> forPerson(long personId, Locale locale) {
            EvalMessages m = messages(locale);
            List<Evaluation> list = Evaluation.list("personId = ?1 ORDER BY periodStart DESC, id DESC", personId);
            Map<Long, EvalScheme> schemes = list.isEmpty() ? Map.of()
                    : EvalScheme.<EvalScheme> list("id IN ?1", list.stream().map(e -> e.schemeId).distinct().toList())
                            .stream().collect(Collectors.toMap(s -> s.id, s -> s));
            List<List<String>> rows = new ArrayList<>();
            for (Evaluation e : list) {
                rows.add(List.of(e.cycleLabel, schemes.get(e.schemeId).name, plain(e.total), plain(e.band),
                        e.isConfirmed() ? m.status_CONFIRMED() : m.status_OPEN()));
            }
            List<EvalFlag> flags = EvalFlag.openOf(personId);
            String summary = flags.isEmpty() ? null
                    : m.rec_summary_flag() + flags.stream().map(f -> f.reason).collect(Collectors.joining(m.rec_sep()));
            return Optional.of(new RecordTable("assessments", m.rec_assessments(),
                    List.of(m.cycle(), m.rec_scheme(), m.total(), m.band(), m.status()), rows, summary, m.list_empty()));
        }
    }

    /** 信用评价 on the provider page: evaluations, events, current band and blacklist. */
    @ApplicationScoped
    @Transactional(Transactional.TxType.SUPPORTS)
    public static class Credit implements ProviderRecordSection {

        @Override
        public int order() {
            return 50;
        }

        @Override
        public Optional<RecordTable> forProvider(long providerId, Locale locale) {
            EvalMessages m = messages(locale);
            List<List<String>> rows = new ArrayList<>();
            for (Evaluation e : Evaluation.<Evaluation> list("providerId = ?1 ORDER BY periodStart DESC, id DESC", providerId)) {
                rows.add(List.of(e.cycleLabel, m.rec_credit(), plain(e.total), plain(e.band),
                        e.isConfirmed() ? m.status_CONFIRMED() : m.status_OPEN()));
            }
            for (CreditEvent c : CreditEvent.<CreditEvent> list("providerId = ?1 ORDER BY occurredOn DESC", providerId)) {
                rows.add(List.of(c.occurredOn.toString(), m.rec_event(kind(m, c.kind), c.description), plain(c.points),
                        "", ""));
            }
            Evaluation latest = Evaluation.<Evaluation> find(
                    "providerId = ?1 AND status = ?2 ORDER BY periodStart DESC, id DESC", providerId,
                    Evaluation.Status.CONFIRMED).firstResult();
            CreditService.BlacklistView bl = CreditService.inForce(List.of(providerId)).get(providerId);
            String summary = m.rec_summary_band() + (latest == null ? "-" : m.rec_band_total(latest.band, plain(latest.total)))
                    + (bl == null ? "" : m.rec_sep() + m.blacklisted() + " " + bl.startsOn() + " — " + bl.endsOn().minusDays(1));
            return Optional.of(new RecordTable("credit", m.rec_credit(),
                    List.of(m.cycle(), m.rec_credit_events(), m.total(), m.band(), m.status()), rows, summary, m.list_empty()));
        }
    }
}
