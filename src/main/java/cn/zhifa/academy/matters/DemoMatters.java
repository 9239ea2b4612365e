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
    private static final String LOCAL = "（依据以地方目录为准）";
    private static final List<String> ALL = List.of("SFS-LJ-JB", "SFS-LJ-WJ", "SFS-QS-QS", "SFS-QS-SM", "SFS-YX-YX",
            "SFS-YX-BS");
    private static final List<String> STREETS = List.of("SFS-LJ-JB", "SFS-LJ-WJ", "SFS-QS-SM");
    private static final List<String> RURAL = List.of("SFS-QS-QS", "SFS-YX-YX", "SFS-YX-BS");

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

    static final List<Demo> MATTERS = List.of(
            new Demo("对擅自占用城市道路的处罚", "ZHZF", "《城市道路管理条例》第二十七条、第四十二条" + LOCAL, true, ALL,
                    "ZH-ZJGP", "ZH-2024-001", ""),
            new Demo("对在城市道路两侧和公共场地摆摊设点、占道经营的处罚", "ZHZF",
                    "《城市市容和环境卫生管理条例》第十四条、第三十六条" + LOCAL, true, ALL, "ZH-ZJGP,TY-RXZF", "ZH-2024-001", ""),
            new Demo("对擅自设置户外广告设施的处罚", "ZHZF", "《城市市容和环境卫生管理条例》第十一条" + LOCAL, true, STREETS, "ZH-ZJGP",
                    "ZH-2025-004", ""),
            new Demo("对超出门窗和外墙从事店外经营的处罚", "ZHZF", "依据以地方目录为准（《浙江省城市市容和环境卫生管理条例》相关条款）", true,
                    STREETS, "ZH-ZJGP", "ZH-2024-001", ""),
            new Demo("对单位和个人未按规定分类投放生活垃圾的处罚", "ZHZF", "依据以地方目录为准（《浙江省生活垃圾管理条例》相关条款）", true, ALL,
                    "ZH-ZJGP", "ZH-2024-002", ""),
            new Demo("对运输建筑垃圾（渣土）车辆沿途丢弃、遗撒、抛洒的处罚", "ZHZF",
                    "《生态环境法典》第一千一百六十九条；《城市建筑垃圾管理规定》" + LOCAL, true, ALL, "ZH-ZJGP,TY-CLJZ", "ZH-2025-003", ""),
            new Demo("对在禁止区域和时段露天焚烧秸秆、落叶等产生烟尘污染物质的处罚", "ZHZF", "《生态环境法典》第一千一百三十一条", true, RURAL,
                    "ZH-ZJGP", "", ""),
            new Demo("对餐饮服务业经营者未安装油烟净化设施或者未正常使用的处罚", "STHJ", "《生态环境法典》第一千一百三十二条", true, STREETS,
                    "ZH-ZJGP", "ZH-2025-009", ""),
            new Demo("对在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设的处理", "ZHZF", "《城乡规划法》第六十五条", true, RURAL,
                    "TY-ZSCW,ZH-ZJGP", "ZH-2025-005", "GH-003"),
            new Demo("对未取得建设工程规划许可证或者未按照许可证规定进行建设的处罚", "ZHZF", "《城乡规划法》第六十四条", false, ALL, "TY-ZSCW",
                    "", "GH-001"),
            new Demo("对未经批准进行临时建设或者临时建筑物、构筑物超过批准期限不拆除的处罚", "ZHZF", "《城乡规划法》第六十六条", false, ALL,
                    "TY-ZSCW", "", "GH-004"),
            new Demo("对当事人不停止建设或者逾期不拆除违法建设的查封施工现场、强制拆除", "ZHZF", "《城乡规划法》第六十八条；《行政强制法》第四十四条",
                    false, ALL, "TY-ZSCW", "ZH-2025-005", "GH-002"),
            new Demo("对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处理", "NYNC", "《土地管理法》第七十八条", true, RURAL,
                    "TY-ZSCW", "", "TD-003"),
            new Demo("对占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、取土的处罚", "ZRZY", "《土地管理法》第七十五条", false,
                    List.of("SFS-QS-QS", "SFS-YX-YX"), "", "", ""),
            new Demo("对擅自砍伐、移植城市树木或者损坏城市绿化设施的处罚", "ZHZF", "《城市绿化条例》第二十六条" + LOCAL, false, STREETS, "",
                    "ZH-2024-006", ""),
            new Demo("对擅自占用城市绿化用地的处罚", "ZHZF", "《城市绿化条例》第二十七条" + LOCAL, false, STREETS, "", "", ""),
            new Demo("对在建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚", "ZHZF",
                    "《城市市容和环境卫生管理条例》第十七条、第三十四条" + LOCAL, true, STREETS, "ZH-ZJGP", "", ""),
            new Demo("对随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物的处罚", "ZHZF", "《城市市容和环境卫生管理条例》第三十四条" + LOCAL, false,
                    STREETS, "", "ZH-2024-002", ""),
            new Demo("对在露天场所和垃圾收集容器内焚烧树叶、垃圾的处罚", "ZHZF", "依据以地方目录为准（市容环境卫生地方性法规相关条款）", false,
                    ALL, "", "", ""),
            new Demo("对在城市市区饲养家畜家禽影响市容和环境卫生的处罚", "ZHZF", "《城市市容和环境卫生管理条例》第三十五条" + LOCAL, false,
                    STREETS, "", "", ""),
            new Demo("对违反规定携犬出户、未及时清除犬只粪便的处罚", "ZHZF", "依据以地方目录为准（设区的市养犬管理地方性法规）", true, STREETS,
                    "TY-RXZF", "", ""),
            new Demo("对未经批准擅自挖掘城市道路的处罚", "ZHZF", "《城市道路管理条例》第三十三条、第四十二条" + LOCAL, false, STREETS, "",
                    "", ""),
            new Demo("对擅自在街道两侧和公共场地堆放物料的处罚", "ZHZF", "《城市市容和环境卫生管理条例》第十四条、第三十六条" + LOCAL, true,
                    ALL, "ZH-ZJGP", "", ""),
            new Demo("对施工工地未采取扬尘污染防治措施的处罚", "ZHZF", "依据以地方目录为准（《生态环境法典》扬尘污染防治相关条款）", false, ALL,
                    "", "", ""),
            new Demo("对食品摊贩违反食品摊贩管理规定从事经营的处罚", "SCJG",
                    "《食品安全法》第三十六条、第一百二十七条；《浙江省食品小作坊小餐饮店小食杂店和食品摊贩管理规定》" + LOCAL, true, STREETS, "",
                    "", "SP-001"),
            new Demo("对违反规定使用瓶装燃气的处罚", "ZHZF", "依据以地方目录为准（《城镇燃气管理条例》及地方燃气管理条例）", false, ALL, "",
                    "", ""),
            new Demo("对在河道管理范围内弃置、堆放阻碍行洪物体的处罚", "ZHZF", "依据以地方目录为准（《河道管理条例》及地方河道管理条例）", false,
                    RURAL, "", "", ""),
            new Demo("对未经许可在公路用地范围内设置非公路标志的处罚", "JTYS", "《公路法》第五十四条、第七十九条" + LOCAL, false,
                    List.of("SFS-QS-QS", "SFS-YX-YX"), "", "", ""),
            new Demo("对生产经营单位未采取措施消除事故隐患的处罚", "YJGL", "《安全生产法》第一百零二条" + LOCAL, false, RURAL, "", "",
                    ""),
            new Demo("对擅自倾倒、堆放、丢弃、遗撒建筑垃圾等固体废物的处罚", "ZHZF", "《生态环境法典》第一千一百六十九条", true, RURAL,
                    "ZH-ZJGP", "ZH-2025-003", ""),
            new Demo("对在人口集中地区对树木、花草喷洒剧毒、高毒农药的处罚", "ZHZF", "《生态环境法典》第一千一百三十一条", false, RURAL, "", "",
                    ""),
            new Demo("对未经批准擅自设置大型户外广告或者在城市道路上散发宣传品的处罚", "ZHZF", "依据以地方目录为准（户外广告设施设置管理地方性法规）",
                    false, STREETS, "", "ZH-2025-004", ""),
            new Demo("对物业服务企业未按规定履行生活垃圾分类管理责任的处罚", "ZHZF", "依据以地方目录为准（《浙江省生活垃圾管理条例》相关条款）", false,
                    STREETS, "", "ZH-2024-002", ""));

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
                qualifications.issueManually(officers.get(i++).id(), "ZFZG", domain, "示范数据：赋权事项承接人员资格考试合格", today,
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
        if (d.basis().contains("城乡规划法")) {
            kps.add("KP-CHAIWEI");
        }
        if (d.basis().contains("土地管理法")) {
            kps.add("KP-TUDI");
        }
        if (d.basis().contains("食品安全法")) {
            kps.add("KP-SHIPIN");
        }
        if (d.basis().contains("行政强制法")) {
            kps.add("KP-QIANGZHI");
        }
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
