package cn.zhifa.academy.matters;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.qualification.QualificationJobs;
import cn.zhifa.academy.qualification.QualificationService;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo catalogue of 示范市: 33 delegated matters of the kind 浙江 towns received (城市管理、
 * 市容环卫、规划与违法建设、农村宅基地、生态环境、食品摊贩、交通与安全生产 …) across the six
 * demo towns, linked to the demo courses, cases and questions, and a few enforcement
 * qualifications for town officers so the readiness view has both green and red cells (望江街道
 * holds the 食品摊贩 and 餐饮油烟 matters with nobody qualified in 市场监管 or 生态环境; 白沙乡 has no
 * qualified officer at all). Articles of statutes in ../shared/law were checked there; for
 * regulations not kept there the basis says "依据以地方目录为准". Loaded once, after the
 * qualifications demo.
 */
@Singleton
public class DemoMatters {

    private static final Logger LOG = Logger.getLogger(DemoMatters.class);
    /** The demo catalogue and its words: {@code demo/matters.yaml}. */
    private static final JsonNode DEMO = read("demo/matters.yaml");
    private static final List<String> ALL = strings(DEMO.path("groups").path("ALL"));

    @Inject
    AcademyConfig config;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory people;

    @Inject
    QualificationService qualifications;

    @Inject
    QualificationJobs clock;

    @Inject
    EntityManager em;

    @Inject
    MatterKnowledge knowledge;

    record Demo(String name, String domain, String basis, boolean hf, List<String> towns, String courses, String cases,
            String questions) {
    }

    static final List<Demo> MATTERS = matters();

    private static JsonNode read(String file) {
        return cn.zhifa.academy.platform.text.ResourceFiles.yaml(file);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new java.util.ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** The matters of the file; {@code towns} names a group of the file or lists unit codes. */
    private static List<Demo> matters() {
        List<Demo> out = new java.util.ArrayList<>();
        for (JsonNode m : DEMO.path("matters")) {
            JsonNode towns = m.path("towns");
            out.add(new Demo(m.path("name").asText(), m.path("domain").asText(), m.path("basis").asText(),
                    m.path("hf").asBoolean(), strings(towns.isArray() ? towns : DEMO.path("groups").path(towns.asText())),
                    m.path("courses").asText(), m.path("cases").asText(), m.path("questions").asText()));
        }
        return List.copyOf(out);
    }

    /** Town → domains in which its first active officers get a demo qualification (望江街道 and 白沙乡 keep gaps). */
    static final Map<String, List<String>> QUALIFIED = Map.of(
            "SFS-LJ-JB", List.of("ZHZF", "STHJ", "SCJG"),
            "SFS-LJ-WJ", List.of("ZHZF"),
            "SFS-QS-QS", List.of("ZHZF", "NYNC", "ZHZF", "YJGL"),
            "SFS-QS-SM", List.of("ZHZF", "STHJ", "SCJG"),
            "SFS-YX-YX", List.of("ZHZF", "NYNC", "JTYS", "ZRZY", "YJGL"));

    @Transactional
    void load(@Observes @Priority(60) StartupEvent event) {
        if (!config.demo().enabled() || orgDirectory.unitByCode("SFS").isEmpty() || DelegatedMatter.count() > 0) {
            return;
        }
        Map<String, Long> towns = new HashMap<>();
        ALL.forEach(c -> orgDirectory.unitByCode(c).ifPresent(u -> towns.put(c, u.id())));
        if (towns.size() < ALL.size()) {
            return;
        }
        Map<String, Long> domains = new HashMap<>();
        orgDirectory.allDomains().forEach(d -> domains.put(d.code(), d.id()));
        int n = 0;
        for (Demo d : MATTERS) {
            DelegatedMatter m = new DelegatedMatter();
            m.code = String.format("SFS-FQ-%03d", ++n);
            m.name = d.name();
            m.domainId = domains.get(d.domain());
            m.legalBasis = d.basis();
            m.highFrequency = d.hf();
            m.effectiveOn = n <= 20 ? LocalDate.of(2024, 1, 1) : LocalDate.of(2025, 7, 1);
            m.courseCodes = existing("course", d.courses());
            m.caseCodes = existing("typical_case", d.cases());
            m.questionCodes = existing("question", d.questions());
            m.knowledgePoints = knowledgePoints(d);
            m.createdBy = "system";
            d.towns().forEach(t -> m.townIds.add(towns.get(t)));
            m.persist();
        }
        LocalDate today = clock.today();
        int issued = 0;
        for (var e : QUALIFIED.entrySet()) {
            List<PeopleDirectory.PersonSummary> officers = people.activeIn(List.of(towns.get(e.getKey())),
                    PersonCategory.OFFICER).stream().sorted(Comparator.comparingLong(PeopleDirectory.PersonSummary::id))
                    .toList();
            int i = 0;
            for (String domain : e.getValue()) {
                // one officer per listed domain, skipping anyone who already holds a qualification in it
                while (i < officers.size() && hasValid(officers.get(i).id(), domain)) {
                    i++;
                }
                if (i >= officers.size()) {
                    break;
                }
                qualifications.issueManually(officers.get(i++).id(), "ZFZG", domain, DEMO.path("qualificationNote").asText(), today,
                        "system");
                issued++;
            }
        }
        LOG.infof("demo delegated matters loaded: %d matters across %d towns, %d town qualifications",
                DelegatedMatter.count(), towns.size(), issued);
    }

    /** 镇街赋权 for every matter, plus the topic its basis belongs to (codes of courses/knowledge-points.yaml). */
    private String knowledgePoints(Demo d) {
        List<String> kps = new java.util.ArrayList<>(List.of("KP-FUQUAN"));
        DEMO.path("knowledgeByStatute").fields().forEachRemaining(e -> {
            if (d.basis().contains(e.getKey())) {
                kps.add(e.getValue().asText());
            }
        });
        return DelegatedMatter.join(kps.stream().filter(knowledge::known).toList());
    }

    private boolean hasValid(long personId, String domain) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM qualification WHERE person_id = ?1 AND domain_code = ?2")
                .setParameter(1, personId).setParameter(2, domain).getSingleResult()).longValue() > 0;
    }

    /** The codes of the comma-separated list that exist (demo content may be trimmed in tests). */
    @SuppressWarnings("unchecked")
    private String existing(String table, String codes) {
        List<String> wanted = DelegatedMatter.split(codes);
        if (wanted.isEmpty()) {
            return "";
        }
        List<String> found = em.createNativeQuery("SELECT code FROM " + table + " WHERE code IN (:c)")
                .setParameter("c", wanted).getResultList();
        return DelegatedMatter.join(wanted.stream().filter(found::contains).toList());
    }
}
