package cn.zhifa.academy.caselibrary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * Finds article citations (条文引用) in what officers type and in case text, whatever the
 * numerals: 行政处罚法 第三十三条, 处罚法33条, 第33条, 《中华人民共和国行政处罚法》第三十三条第一款、
 * 第五十七条. The search index keeps each citation as one token ({@link #token}), so a query in
 * any of these spellings meets the same token.
 */
public final class Citations {

    /** The words of citations (第, 条, the numerals, 《》 …): linguistic data in formats/citations.properties. */
    static final FormatWords WORDS = FormatWords.of("citations");
    /** 第 and 条 around an article number. */
    static final String DI = WORDS.get("article.before");
    static final String TIAO = WORDS.get("article.after");
    /** The opening and closing marks of a statute's title. */
    static final String TITLE_OPEN = WORDS.get("title.open");
    static final String TITLE_CLOSE = WORDS.get("title.close");
    /** The Chinese numerals an article number may be written in. */
    static final String NUMERALS = WORDS.get("numerals");

    static final String NUM = "([0-9]{1,4}|[" + NUMERALS + "]{1,8})";
    private static final String CONNECTORS = WORDS.get("connectors");
    /** 第 N 条 (or 第 N at a word end) anywhere, for queries that name no statute. */
    private static final Pattern FREE_ARTICLE = Pattern.compile(DI + "\\s*" + NUM + "\\s*(" + TIAO + ")?|" + NUM + "\\s*" + TIAO);
    private static final Pattern ARTICLE_AFTER_LAW = Pattern.compile("\\G\\s*" + TITLE_CLOSE + "?\\s*(" + DI + ")?\\s*" + NUM
            + "\\s*(" + TIAO + ")?");
    private static final Pattern NEXT_ARTICLE = Pattern.compile("\\G\\s*(?:" + CONNECTORS + "|\\s)\\s*(" + DI + ")?\\s*" + NUM
            + "\\s*(" + TIAO + ")?");
    private static final Pattern BODY_ARTICLE = Pattern.compile("\\G\\s*" + TITLE_CLOSE + "?\\s*" + DI + NUM + TIAO);
    private static final Pattern BODY_SUBDIVISION = Pattern.compile("\\G(?:" + DI + NUM + "[" + WORDS.get("subdivisions") + "]|["
            + WORDS.get("item.open") + "][" + "0-9" + WORDS.get("numerals.item") + "]+[" + WORDS.get("item.close") + "]|"
            + WORDS.get("parts") + ")");
    private static final Pattern BODY_NEXT = Pattern.compile("\\G\\s*(?:" + CONNECTORS + ")\\s*" + DI + NUM + TIAO);

    private Citations() {
    }

    /** One citation found in a text: the statute (null when the text named none), the article, and where. */
    public record Ref(Laws.Law law, int article, int start, int end) {
        public String token() {
            return Citations.token(law == null ? null : law.name(), article);
        }
    }

    /** The index token of a citation: 行政处罚法#33, or #33 for "article 33 of any statute". */
    public static String token(String law, int article) {
        return (law == null ? "" : law) + "#" + article;
    }

    /** Full-width digits and letters to ASCII, so that ３３条 reads as 33条. */
    public static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    }

    /** The article number of 33 or 三十三; -1 when neither. */
    static int number(String digits) {
        if (digits == null || digits.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(digits.charAt(0))) {
            int n = Integer.parseInt(digits);
            return n > 0 ? n : -1;
        }
        return ChineseNumerals.parse(digits);
    }

    /**
     * Citations in a search query (already {@link #normalise normalised}). A statute followed by
     * a number is a citation even without 第 or 条 (处罚法33); a number alone needs 第…条, 第N
     * at a word end, or N条 — so 第三方 is not article 3.
     */
    public static List<Ref> inQuery(String q) {
        List<Ref> refs = new ArrayList<>();
        boolean[] used = new boolean[q.length()];
        for (int i = 0; i < q.length(); i++) {
            Optional<Map.Entry<String, Laws.Law>> law = Laws.at(q, i);
            if (law.isEmpty()) {
                continue;
            }
            int lawStart = i > 0 && q.startsWith(TITLE_OPEN, i - 1) ? i - 1 : i;
            int pos = i + law.get().getKey().length();
            Matcher m = ARTICLE_AFTER_LAW.matcher(q);
            if (m.find(pos) && articleShaped(q, m, 1, 2, 3)) {
                int n = number(m.group(2));
                if (n > 0) {
                    refs.add(new Ref(law.get().getValue(), n, lawStart, m.end()));
                    mark(used, lawStart, m.end());
                    pos = m.end();
                    Matcher next = NEXT_ARTICLE.matcher(q);
                    while (next.find(pos) && (next.group(1) != null || next.group(3) != null)) {
                        int k = number(next.group(2));
                        if (k <= 0) {
                            break;
                        }
                        refs.add(new Ref(law.get().getValue(), k, next.start(), next.end()));
                        mark(used, next.start(), next.end());
                        pos = next.end();
                    }
                }
            }
            i = Math.max(i, pos - 1);
        }
        Matcher m = FREE_ARTICLE.matcher(q);
        while (m.find()) {
            if (used[m.start()]) {
                continue;
            }
            String digits = m.group(1) != null ? m.group(1) : m.group(3);
            boolean withDi = m.group(1) != null;
            boolean withTiao = withDi ? m.group(2) != null : true;
            if (withDi && !withTiao && m.end() < q.length() && isHan(q.codePointAt(m.end()))) {
                continue; // 第三方, 第一次: not an article
            }
            if (!withDi && m.start() > 0 && isHan(q.codePointAt(m.start() - 1)) && !Character.isDigit(digits.charAt(0))) {
                continue; // 三十条 inside a longer word is too weak a signal without 第
            }
            int n = number(digits);
            if (n > 0) {
                refs.add(new Ref(null, n, m.start(), m.end()));
                mark(used, m.start(), m.end());
            }
        }
        refs.sort(java.util.Comparator.comparingInt(Ref::start));
        return refs;
    }

    /** 第 or 条 present, or Arabic digits right after the statute's name (处罚法33). */
    private static boolean articleShaped(String q, Matcher m, int di, int num, int tiao) {
        if (m.group(di) != null || m.group(tiao) != null) {
            return m.group(tiao) != null || m.end() >= q.length() || !isHan(q.codePointAt(m.end()));
        }
        return Character.isDigit(m.group(num).charAt(0));
    }

    /**
     * Citations in case text: a statute's name (with or without 《》, full or short) followed by
     * one or more 第N条, with 款/项 and lists (、和及) understood. An article without a statute is
     * ignored here: in running text it refers to whatever statute was named before.
     */
    public static Set<String> inText(String text) {
        String t = normalise(text);
        Set<String> tokens = new LinkedHashSet<>();
        for (int i = 0; i < t.length(); i++) {
            Optional<Map.Entry<String, Laws.Law>> law = Laws.at(t, i);
            if (law.isEmpty()) {
                continue;
            }
            int pos = i + law.get().getKey().length();
            Matcher m = BODY_ARTICLE.matcher(t);
            if (m.find(pos)) {
                tokens.add(token(law.get().getValue().name(), number(m.group(1))));
                pos = m.end();
                while (true) {
                    Matcher sub = BODY_SUBDIVISION.matcher(t);
                    while (sub.find(pos)) {
                        pos = sub.end();
                    }
                    Matcher next = BODY_NEXT.matcher(t);
                    if (!next.find(pos)) {
                        break;
                    }
                    int n = number(next.group(1));
                    if (n > 0) {
                        tokens.add(token(law.get().getValue().name(), n));
                    }
                    pos = next.end();
                }
            }
            i = pos - 1;
        }
        tokens.removeIf(tok -> tok.endsWith("#-1"));
        return tokens;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = from; i < to && i < used.length; i++) {
            used[i] = true;
        }
    }
}
