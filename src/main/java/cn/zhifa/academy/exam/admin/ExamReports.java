package cn.zhifa.academy.exam.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAdminMessages;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.NativeRows;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.platform.security.OrgScope;

/** Monitor, results, item statistics and their XLSX export, for exam managers. */
@ApplicationScoped
public class ExamReports {

    @Inject
    EntityManager em;

    @Inject
    ExamScope scope;

    @Inject
    QuestionCache questions;

    public record Monitor(long examId, long eligible, long started, long answering, long submitted, long awaitingGrading,
            long graded, List<Running> running) {
    }

    public record Running(long attemptId, String name, String employeeNo, Instant startedAt, Instant deadline,
            long answered, int items, String device) {
    }

    public record ResultRow(long personId, String name, String employeeNo, String unit, int attempts,
            BigDecimal percent, String band, Boolean passed, Instant finishedAt) {
    }

    public record ItemStat(int section, String questionCode, int questionVersion, String type, long responses,
            BigDecimal difficulty, BigDecimal discrimination) {
    }

    /** Audience size (same rules as {@link ExamService#eligible}) in one query. */
    public long eligibleCount(long examId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM person p LEFT JOIN org_unit u ON u.id = p.unit_id "
                + "WHERE p.status = 'ACTIVE' AND (p.id IN (SELECT value::bigint FROM exam_audience WHERE exam_id = ?1 AND kind = 'PERSON') "
                + "OR (EXISTS (SELECT 1 FROM exam_audience WHERE exam_id = ?1 AND kind <> 'PERSON') "
                + "AND (NOT EXISTS (SELECT 1 FROM exam_audience WHERE exam_id = ?1 AND kind = 'CATEGORY') "
                + "  OR p.category IN (SELECT value FROM exam_audience WHERE exam_id = ?1 AND kind = 'CATEGORY')) "
                + "AND (NOT EXISTS (SELECT 1 FROM exam_audience WHERE exam_id = ?1 AND kind = 'GRADE') "
                + "  OR p.grade IN (SELECT value FROM exam_audience WHERE exam_id = ?1 AND kind = 'GRADE')) "
                + "AND (NOT EXISTS (SELECT 1 FROM exam_audience WHERE exam_id = ?1 AND kind = 'UNIT') "
                + "  OR EXISTS (SELECT 1 FROM exam_audience a JOIN org_unit au ON au.id = a.value::bigint "
                + "     WHERE a.exam_id = ?1 AND a.kind = 'UNIT' AND " + OrgScope.pathWithin("u.path", "au.path || '%'") + ")) "
                + "AND (NOT EXISTS (SELECT 1 FROM exam_audience WHERE exam_id = ?1 AND kind = 'PROVIDER') "
                + "  OR p.provider_id::text IN (SELECT value FROM exam_audience WHERE exam_id = ?1 AND kind = 'PROVIDER'))))")
                .setParameter(1, examId).getSingleResult()).longValue();
    }

    @Transactional
    public Monitor monitor(long examId) {
        Exam e = scope.exam(examId);
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT status, count(DISTINCT person_id), count(*) FROM exam_attempt "
                + "WHERE exam_id = ?1 AND status <> 'PREPARED' GROUP BY status").setParameter(1, e.id).getResultList();
        Map<String, Long> people = new HashMap<>();
        for (Object[] r : counts) {
            people.put((String) r[0], ((Number) r[1]).longValue());
        }
        long started = ((Number) em.createNativeQuery("SELECT count(DISTINCT person_id) FROM exam_attempt WHERE exam_id = ?1 "
                + "AND status <> 'PREPARED'")
                .setParameter(1, e.id).getSingleResult()).longValue();
        // named candidates only inside the viewer's scope; the counts are the exam's own
        OrgScope.Condition inScope = scope.paths("u.path", "?2");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("SELECT a.id, p.name, p.employee_no, a.started_at, a.deadline_at, "
                + "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id AND i.answer_json IS NOT NULL), "
                + "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id), a.device_id "
                + "FROM exam_attempt a JOIN person p ON p.id = a.person_id JOIN org_unit u ON u.id = p.unit_id "
                + "WHERE a.exam_id = ?1 AND a.status = 'IN_PROGRESS' AND " + inScope.text() + " "
                + "ORDER BY a.deadline_at LIMIT 500").setParameter(1, e.id)).getResultList();
        List<Running> running = rows.stream().map(r -> new Running(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], NativeRows.instant(r[3]), NativeRows.instant(r[4]), ((Number) r[5]).longValue(),
                ((Number) r[6]).intValue(), r[7] == null ? "" : ((String) r[7]).substring(0, Math.min(8, ((String) r[7]).length()))))
                .toList();
        long submitted = ((Number) em.createNativeQuery("SELECT count(DISTINCT person_id) FROM exam_attempt "
                + "WHERE exam_id = ?1 AND status IN ('SUBMITTED', 'GRADED')").setParameter(1, e.id).getSingleResult())
                .longValue();
        return new Monitor(e.id, eligibleCount(e.id), started, people.getOrDefault("IN_PROGRESS", 0L), submitted,
                people.getOrDefault("SUBMITTED", 0L), people.getOrDefault("GRADED", 0L), running);
    }

    /** Each candidate's kept result (from the exam record) with their attempt count; only people in the viewer's scope. */
    @Transactional
    public List<ResultRow> results(long examId) {
        Exam e = scope.exam(examId);
        OrgScope.Condition inScope = scope.paths("u.path", "?2");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("SELECT p.id, p.name, p.employee_no, u.name, "
                + "(SELECT count(*) FROM exam_attempt a WHERE a.exam_id = ?1 AND a.person_id = p.id AND a.status <> 'PREPARED'), "
                + "r.score, r.band, r.passed, r.finished_at FROM person p JOIN org_unit u ON u.id = p.unit_id "
                + "LEFT JOIN exam_record r ON r.person_id = p.id AND r.exam_id = ?1 "
                + "WHERE p.id IN (SELECT person_id FROM exam_attempt WHERE exam_id = ?1 AND status <> 'PREPARED') AND " + inScope.text()
                + " ORDER BY r.score DESC NULLS LAST, p.employee_no").setParameter(1, e.id)).getResultList();
        return rows.stream().map(r -> new ResultRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), (BigDecimal) r[5], (String) r[6], (Boolean) r[7],
                r[8] == null ? null : NativeRows.instant(r[8]))).toList();
    }

    /**
     * Item statistics over graded attempts: difficulty = mean share of the points earned (higher =
     * easier); discrimination = that share in the top 27 % of candidates by total minus the bottom 27 %.
     */
    @Transactional
    public List<ItemStat> itemStats(long examId) {
        Exam e = scope.exam(examId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.percent, i.question_version_id, i.section_position, "
                + "i.score, i.points FROM exam_attempt a JOIN attempt_item i ON i.attempt_id = a.id "
                + "WHERE a.exam_id = ?1 AND a.status = 'GRADED'").setParameter(1, e.id).getResultList();
        Map<Long, BigDecimal> totals = new HashMap<>();
        Map<Long, List<double[]>> byVersion = new LinkedHashMap<>();
        Map<Long, Integer> sections = new HashMap<>();
        for (Object[] r : rows) {
            long attempt = ((Number) r[0]).longValue();
            totals.put(attempt, (BigDecimal) r[1]);
            long version = ((Number) r[2]).longValue();
            sections.put(version, ((Number) r[3]).intValue());
            double share = r[4] == null ? 0 : ((BigDecimal) r[4]).doubleValue() / ((BigDecimal) r[5]).doubleValue();
            byVersion.computeIfAbsent(version, k -> new ArrayList<>()).add(new double[] { attempt, share });
        }
        List<Long> ranked = totals.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        int group = (int) Math.max(1, Math.round(ranked.size() * 0.27));
        java.util.Set<Long> low = new java.util.HashSet<>(ranked.subList(0, Math.min(group, ranked.size())));
        java.util.Set<Long> high = new java.util.HashSet<>(ranked.subList(Math.max(0, ranked.size() - group), ranked.size()));
        List<ItemStat> out = new ArrayList<>();
        for (Map.Entry<Long, List<double[]>> en : byVersion.entrySet()) {
            QuestionCache.Q q = questions.get(en.getKey());
            List<double[]> xs = en.getValue();
            double mean = xs.stream().mapToDouble(x -> x[1]).average().orElse(0);
            double hi = xs.stream().filter(x -> high.contains((long) x[0])).mapToDouble(x -> x[1]).average().orElse(0);
            double lo = xs.stream().filter(x -> low.contains((long) x[0])).mapToDouble(x -> x[1]).average().orElse(0);
            out.add(new ItemStat(sections.get(en.getKey()), q.code(), q.number(), ExamText.type(q.type()), xs.size(),
                    BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(hi - lo).setScale(2, RoundingMode.HALF_UP)));
        }
        out.sort(Comparator.comparingInt(ItemStat::section).thenComparing(ItemStat::questionCode));
        return out;
    }

    /** Results and item statistics as a workbook. */
    @Transactional
    public byte[] exportXlsx(long examId) {
        Exam e = scope.exam(examId);
        // the sheets, headers and words in the language of the request
        ExamAdminMessages m = ExamText.admin(ExamText.locale());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(m.results_title());
            row(s, 0, m.field_exam(), e.code + " " + e.title);
            row(s, 1, m.col_employee_no(), m.col_name(), m.col_unit(), m.col_attempts(), m.col_score(), m.col_band(),
                    m.col_passed(), m.col_finished());
            int r = 2;
            for (ResultRow x : results(examId)) {
                row(s, r++, x.employeeNo(), x.name(), x.unit(), String.valueOf(x.attempts()),
                        x.percent() == null ? m.results_pending() : x.percent().toPlainString(), x.band() == null ? "" : x.band(),
                        x.passed() == null ? "" : x.passed() ? m.passed() : m.failed(),
                        x.finishedAt() == null ? "" : ExamAdminFormat.SHOWN.format(x.finishedAt()));
            }
            Sheet st = wb.createSheet(m.stats_title());
            row(st, 0, m.col_section(), m.xlsx_question_code(), m.col_version(), m.col_type(), m.col_responses(),
                    m.xlsx_difficulty(), m.col_discrimination());
            r = 1;
            for (ItemStat x : itemStats(examId)) {
                row(st, r++, String.valueOf(x.section()), x.questionCode(), String.valueOf(x.questionVersion()), x.type(),
                        String.valueOf(x.responses()), x.difficulty().toPlainString(), x.discrimination().toPlainString());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void row(Sheet s, int index, String... cells) {
        Row row = s.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
