package cn.zhifa.academy.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statutes a typical case may cite (法律依据), by the short name case files use
 * (行政处罚法), with the full name and the aliases officers type (处罚法). This is the law
 * registry courses/laws.yaml in code (LawRegistryTest keeps the two equal): where the statute
 * text is kept (../shared/law beside the checkout, see case-library/README.md) the number of its
 * last article is known, so a citation past it is refused; for the others it is 0 (not checked).
 * A repealed statute carries its repeal date and the statute that took it over: a case may cite
 * it only for conduct before that date (the case library's {@code CaseRules}). Local regulations
 * are not listed on purpose: cases cite them without article numbers. Kept in content (the shared
 * mechanism of content files) because cases, questions and knowledge points all cite statutes.
 */
public final class Laws {

    /** One statute; {@code repealed} is null while it is in force. */
    public record Law(String name, String fullName, int articles, List<String> aliases, LocalDate repealed,
            String replacedBy) {
        /** 《中华人民共和国行政处罚法》第三十三条 */
        public String cite(int article) {
            return "《" + fullName + "》" + ChineseNumerals.article(article);
        }

        /** Whether conduct on that day may still be judged under this statute. */
        public boolean inForceOn(LocalDate day) {
            return repealed == null || day.isBefore(repealed);
        }
    }

    /** The day the 生态环境法典 took effect and repealed ten environmental laws (its 第一千二百四十二条). */
    static final LocalDate ECO_CODE = LocalDate.of(2026, 8, 15);

    private static final Map<String, Law> BY_NAME = new LinkedHashMap<>();
    /** Every spelling (short name, full name, alias) → the statute, longest spelling first. */
    private static final List<Map.Entry<String, Law>> SPELLINGS;

    static {
        // checked against the statute texts: the last article is known
        law("行政处罚法", "中华人民共和国行政处罚法", 86, "处罚法");
        law("行政许可法", "中华人民共和国行政许可法", 83, "许可法");
        law("行政强制法", "中华人民共和国行政强制法", 71, "强制法");
        law("行政复议法", "中华人民共和国行政复议法", 90, "复议法");
        law("行政诉讼法", "中华人民共和国行政诉讼法", 103, "行诉法");
        law("国家赔偿法", "中华人民共和国国家赔偿法", 42, "赔偿法");
        law("政府信息公开条例", "中华人民共和国政府信息公开条例", 56, "信息公开条例");
        law("食品安全法", "中华人民共和国食品安全法", 154, "食安法");
        law("城乡规划法", "中华人民共和国城乡规划法", 70, "规划法");
        law("土地管理法", "中华人民共和国土地管理法", 87, "土地法");
        law("房屋征收与补偿条例", "国有土地上房屋征收与补偿条例", 35, "征收补偿条例");
        law("移送涉嫌犯罪案件的规定", "行政执法机关移送涉嫌犯罪案件的规定", 20, "移送规定");
        law("优化营商环境条例", "优化营商环境条例", 72);
        law("重大行政决策程序暂行条例", "重大行政决策程序暂行条例", 44);
        law("政务处分法", "中华人民共和国公职人员政务处分法", 68);
        law("治安管理处罚法", "中华人民共和国治安管理处罚法", 144, "治安处罚法");
        law("浙江省综合行政执法条例", "浙江省综合行政执法条例", 38);
        law("生态环境法典", "中华人民共和国生态环境法典", 1242, "环境法典");
        // repealed by the 生态环境法典 on 2026-08-15; kept for conduct before that day
        repealed("大气污染防治法", "中华人民共和国大气污染防治法", 129, "大气法");
        repealed("固体废物污染环境防治法", "中华人民共和国固体废物污染环境防治法", 126, "固废法");
        repealed("水污染防治法", "中华人民共和国水污染防治法", 0, "水污法");
        repealed("环境保护法", "中华人民共和国环境保护法", 0, "环保法");
        // cited by cases, article numbers not checked here
        law("刑法", "中华人民共和国刑法", 0);
        law("刑事诉讼法", "中华人民共和国刑事诉讼法", 0, "刑诉法");
        // common in enforcement work, available to authors
        law("宪法", "中华人民共和国宪法", 0);
        law("安全生产法", "中华人民共和国安全生产法", 0);
        law("广告法", "中华人民共和国广告法", 0);
        law("产品质量法", "中华人民共和国产品质量法", 0);
        law("药品管理法", "中华人民共和国药品管理法", 0);
        law("消防法", "中华人民共和国消防法", 0);
        law("渔业法", "中华人民共和国渔业法", 0);
        law("道路运输条例", "中华人民共和国道路运输条例", 0);
        law("医疗机构管理条例", "医疗机构管理条例", 0);
        law("城市市容和环境卫生管理条例", "城市市容和环境卫生管理条例", 0, "市容环卫条例");
        law("娱乐场所管理条例", "娱乐场所管理条例", 0);
        law("互联网上网服务营业场所管理条例", "互联网上网服务营业场所管理条例", 0, "网吧管理条例");

        List<Map.Entry<String, Law>> spellings = new ArrayList<>();
        for (Law l : BY_NAME.values()) {
            spellings.add(Map.entry(l.name(), l));
            if (!l.fullName().equals(l.name())) {
                spellings.add(Map.entry(l.fullName(), l));
            }
            l.aliases().forEach(a -> spellings.add(Map.entry(a, l)));
        }
        spellings.sort(Comparator.comparingInt((Map.Entry<String, Law> e) -> e.getKey().length()).reversed());
        SPELLINGS = List.copyOf(spellings);
    }

    private Laws() {
    }

    private static void law(String name, String fullName, int articles, String... aliases) {
        BY_NAME.put(name, new Law(name, fullName, articles, List.of(aliases), null, null));
    }

    private static void repealed(String name, String fullName, int articles, String... aliases) {
        BY_NAME.put(name, new Law(name, fullName, articles, List.of(aliases), ECO_CODE, "生态环境法典"));
    }

    /** By short name, full name or alias, with or without 《》. */
    public static Optional<Law> find(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String s = spelling.trim().replace("《", "").replace("》", "");
        Law byName = BY_NAME.get(s);
        if (byName != null) {
            return Optional.of(byName);
        }
        return SPELLINGS.stream().filter(e -> e.getKey().equals(s)).map(Map.Entry::getValue).findFirst();
    }

    /** The statute whose spelling starts at {@code from} in text (longest spelling wins), with its length. */
    public static Optional<Map.Entry<String, Law>> at(String text, int from) {
        for (Map.Entry<String, Law> e : SPELLINGS) {
            if (text.startsWith(e.getKey(), from)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static List<Law> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static String names() {
        return String.join("、", BY_NAME.keySet());
    }
}
