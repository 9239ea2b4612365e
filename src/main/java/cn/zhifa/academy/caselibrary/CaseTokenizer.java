package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * Turns case text and search input into PostgreSQL text-search values (分词). PostgreSQL has no
 * Chinese parser, so we produce the tokens ourselves and hand them over as {@code tsvector} /
 * {@code tsquery} literals:
 * <ul>
 * <li>words from Lucene's smartcn segmenter (single Han characters are dropped: they are too
 * common to help and the bigrams cover them);</li>
 * <li>every pair of adjacent Han characters (CJK bigrams), so a phrase is found even where the
 * segmenter cut it differently in the query and in the text;</li>
 * <li>the negations 未不无非没 as one-character tokens wherever they occur ({@link #INDEXED_CHARACTERS});</li>
 * <li>citations as one token each ({@code 行政处罚法#33}, and {@code #33} for "article 33 of any
 * statute"), whatever numerals the text used, see {@link Citations}.</li>
 * </ul>
 * Positions are character offsets, so a phrase's tokens sit close together and PostgreSQL's
 * ranking can use that.
 */
public final class CaseTokenizer {

    /** Bump when the tokens change: rows indexed under another version are re-indexed at start. */
    public static final int VERSION = 2;

    static final int MAX_POSITION = 16383; // tsvector's limit
    static final int MAX_POSITIONS_PER_LEXEME = 255; // tsvector keeps at most 256
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_LEXEME_LENGTH = 200;
    /**
     * Single characters indexed on their own wherever they occur (version 2, issue 16): the negations,
     * which a query often glues to a word the text keeps apart (未告知 against 未依法告知). Matching them
     * as one lexeme is cheap; as a prefix (未:*) the index had to merge every lexeme starting with 未.
     */
    static final String INDEXED_CHARACTERS = FormatWords.of("case-tokenizer").get("negations");

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer();
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z])[A-Za-z]{2,4}-\\d{4}-\\d{3,4}(?!\\d)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,.;:!?\"'()\\[\\]{}<>/\\\\|"
            + FormatWords.of("case-tokenizer").get("separators.cjk") + "~`@$%^&*+=_-]+");

    private CaseTokenizer() {
    }

    /** A token and its character offsets in the analysed text. */
    record Tok(String text, int start, int end) {
        boolean han() {
            return text.codePoints().allMatch(Citations::isHan);
        }

        int length() {
            return end - start;
        }
    }

    /** smartcn's words of a text, lower-cased, with offsets. */
    static List<Tok> words(String text) {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Tok(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    /** Adjacent Han pairs of every Han run in text, with offsets. */
    static List<Tok> bigrams(String text) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Citations.isHan(text.charAt(i)) && Citations.isHan(text.charAt(i + 1))) {
                out.add(new Tok(text.substring(i, i + 2), i, i + 2));
            }
        }
        return out;
    }

    /** What one field contributes to the index: words (no single Han characters) and bigrams. */
    static List<Tok> indexTokens(String text) {
        List<Tok> out = new ArrayList<>();
        for (Tok w : words(text)) {
            if (!(w.han() && w.length() == 1)) {
                out.add(w);
            }
        }
        out.addAll(bigrams(text));
        return out;
    }

    /** A weighted document being assembled field by field into a {@code tsvector} literal. */
    public static final class Document {
        private final Map<String, TreeMap<Integer, Character>> entries = new LinkedHashMap<>();
        private int base;

        /** Tokens of a text (Markdown or plain) with a weight A–D (A strongest). */
        public Document text(String text, char weight) {
            if (text == null || text.isBlank()) {
                return this;
            }
            String t = Citations.normalise(text);
            for (Tok tok : indexTokens(t)) {
                add(tok.text(), base + tok.start() + 1, weight);
            }
            for (int i = 0; i < t.length(); i++) {
                if (INDEXED_CHARACTERS.indexOf(t.charAt(i)) >= 0) {
                    add(String.valueOf(t.charAt(i)), base + i + 1, weight);
                }
            }
            for (String citation : Citations.inText(t)) {
                add(citation, base + 1, weight);
                add(citation.substring(citation.indexOf('#')), base + 1, weight);
            }
            base += t.length() + 2; // a gap, so that fields never look adjacent
            return this;
        }

        /** One whole lexeme, e.g. a citation token or the case code. */
        public Document lexeme(String lexeme, char weight) {
            add(Citations.normalise(lexeme).toLowerCase(), base + 1, weight);
            base += 2;
            return this;
        }

        private void add(String lexeme, int position, char weight) {
            if (lexeme.isBlank() || lexeme.length() > MAX_LEXEME_LENGTH) {
                return;
            }
            int p = Math.min(position, MAX_POSITION);
            TreeMap<Integer, Character> positions = entries.computeIfAbsent(lexeme, k -> new TreeMap<>());
            if (positions.size() >= MAX_POSITIONS_PER_LEXEME && !positions.containsKey(p)) {
                return;
            }
            positions.merge(p, weight, (a, b) -> a <= b ? a : b); // 'A' < 'B': keep the stronger
        }

        public int lexemeCount() {
            return entries.size();
        }

        /** The {@code tsvector} literal, e.g. {@code '过期':12A,40C '行政处罚法#33':300B}. */
        public String toTsvector() {
            StringBuilder sb = new StringBuilder(entries.size() * 16);
            for (Map.Entry<String, TreeMap<Integer, Character>> e : entries.entrySet()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(TsQuery.quote(e.getKey())).append(':');
                boolean first = true;
                for (Map.Entry<Integer, Character> p : e.getValue().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    sb.append(p.getKey());
                    if (p.getValue() != 'D') {
                        sb.append(p.getValue());
                    }
                    first = false;
                }
            }
            return sb.toString();
        }
    }

    /**
     * A search as typed, turned into queries.
     *
     * @param all every term must match (what a search means first)
     * @param any at least one term matches (the fallback when {@code all} finds nothing)
     * @param rank every token of the input, words and bigrams, for ranking: a case that has the
     *        typed phrase intact (its cross-word bigrams too) ranks above one that has the words apart
     * @param highlights strings to mark in titles and snippets, longest first
     * @param citations the article citations recognised in the input
     */
    public record Parsed(TsQuery all, TsQuery any, TsQuery rank, List<String> highlights,
            List<Citations.Ref> citations) {
        public String allText() {
            return all.render();
        }

        public String anyText() {
            return any.render();
        }

        public String rankText() {
            return rank.render();
        }
    }

    /** The queries for what an officer typed; empty when nothing searchable is left. */
    public static Optional<Parsed> query(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String q = Citations.normalise(input).trim();
        if (q.length() > MAX_QUERY_LENGTH) {
            q = q.substring(0, MAX_QUERY_LENGTH);
        }
        List<TsQuery> clauses = new ArrayList<>();
        Set<TsQuery.Lexeme> rank = new LinkedHashSet<>();
        Set<String> highlights = new LinkedHashSet<>();

        List<Citations.Ref> refs = Citations.inQuery(q);
        StringBuilder rest = new StringBuilder(q);
        for (Citations.Ref r : refs) {
            TsQuery.Lexeme lex = new TsQuery.Lexeme(r.token(), false);
            clauses.add(lex);
            rank.add(lex);
            if (r.law() != null) {
                highlights.add(r.law().name());
                highlights.add(r.law().fullName());
            }
            highlights.add(ChineseNumerals.article(r.article()));
            highlights.add(Citations.DI + r.article() + Citations.TIAO);
            for (int i = r.start(); i < r.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher code = CODE.matcher(rest);
        while (code.find()) {
            TsQuery.Lexeme lex = new TsQuery.Lexeme(code.group().toLowerCase(), false);
            clauses.add(lex);
            rank.add(lex);
            highlights.add(code.group());
            for (int i = code.start(); i < code.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        for (String term : SEPARATORS.split(rest.toString())) {
            if (term.isBlank()) {
                continue;
            }
            Optional<TsQuery> clause = termClause(term, rank, highlights);
            Optional<Laws.Law> law = Laws.find(term);
            if (law.isPresent()) {
                TsQuery.Lexeme lex = new TsQuery.Lexeme(law.get().name(), false);
                rank.add(lex);
                clause = Optional.of(clause.map(c -> TsQuery.or(List.of(lex, c))).orElse(lex));
                highlights.add(law.get().name());
            }
            clause.ifPresent(c -> {
                clauses.add(c);
                highlights.add(term);
            });
        }
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        List<String> marks = new ArrayList<>(highlights);
        marks.sort(Comparator.comparingInt(String::length).reversed());
        return Optional.of(new Parsed(TsQuery.and(clauses), TsQuery.or(clauses),
                TsQuery.or(List.copyOf(rank)), List.copyOf(marks), List.copyOf(refs)));
    }

    /**
     * One typed term as a query: its smartcn words must all be present; single Han characters
     * the segmenter left over are glued to their neighbours and matched as bigrams (占道经营 →
     * 占道 & 经营; 三书同达 → 三书 & 同达); a word of three or more characters may also match as
     * its bigrams (行政处罚法 | 行政 & 政处 & 处罚 & 罚法); a lone character matches as a prefix.
     */
    static Optional<TsQuery> termClause(String term, Set<TsQuery.Lexeme> rank, Set<String> highlights) {
        List<Tok> words = words(term);
        List<List<Tok>> chunks = new ArrayList<>();
        for (Tok w : words) {
            List<Tok> last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            Tok lastTok = last == null ? null : last.get(last.size() - 1);
            boolean adjacent = lastTok != null && lastTok.end() == w.start() && lastTok.han() && w.han();
            boolean single = w.han() && w.length() == 1;
            if (single && adjacent) {
                last.add(w); // glue a leftover character to what precedes it
            } else if (!single && adjacent && last.size() == 1 && lastTok.length() == 1) {
                last.add(w); // a lone leading character glues to the word after it
            } else {
                chunks.add(new ArrayList<>(List.of(w)));
            }
        }
        List<TsQuery> units = new ArrayList<>();
        for (List<Tok> chunk : chunks) {
            String text = term.substring(chunk.get(0).start(), chunk.get(chunk.size() - 1).end());
            Tok first = chunk.get(0);
            if (text.length() > 1 || term.length() == 1) {
                highlights.add(text); // what to mark when the words stand apart in a title or snippet
            }
            if (!first.han()) {
                TsQuery.Lexeme lex = new TsQuery.Lexeme(first.text(), false);
                units.add(lex);
                rank.add(lex);
            } else if (text.length() == 1) {
                TsQuery.Lexeme lex = new TsQuery.Lexeme(text, true);
                units.add(lex);
                rank.add(lex);
            } else {
                List<TsQuery> grams = new ArrayList<>();
                for (Tok b : bigrams(text)) {
                    TsQuery.Lexeme lex = new TsQuery.Lexeme(b.text(), false);
                    grams.add(lex);
                    rank.add(lex);
                }
                if (chunk.size() == 1 && text.length() >= 3) {
                    TsQuery.Lexeme word = new TsQuery.Lexeme(text, false);
                    rank.add(word);
                    units.add(TsQuery.or(List.of(word, TsQuery.and(grams))));
                } else if (chunk.size() > 1 && chunk.stream().filter(w -> w.length() == 1).count() == 1) {
                    // recall (issue 16): the glued words may stand apart in the text (未告知 against
                    // 未依法告知): each word then matches on its own — a leftover character as the
                    // start of a token, a longer word as its bigrams; the intact phrase still ranks first.
                    // Only for one leftover character: more (三书同达) would match almost anything.
                    List<TsQuery> apart = new ArrayList<>();
                    for (Tok w : chunk) {
                        if (w.length() == 1) {
                            // a negation is indexed on its own; another character matches as a token's start
                            apart.add(new TsQuery.Lexeme(w.text(), INDEXED_CHARACTERS.indexOf(w.text().charAt(0)) < 0));
                        } else {
                            apart.add(TsQuery.and(bigrams(w.text()).stream()
                                    .<TsQuery> map(b -> new TsQuery.Lexeme(b.text(), false)).toList()));
                            highlights.add(w.text());
                        }
                    }
                    units.add(TsQuery.or(List.of(TsQuery.and(grams), TsQuery.and(apart))));
                } else {
                    units.add(TsQuery.and(grams));
                }
            }
        }
        // the phrase as typed: its cross-word bigrams count for ranking
        for (Tok b : bigrams(term)) {
            rank.add(new TsQuery.Lexeme(b.text(), false));
        }
        return units.isEmpty() ? Optional.empty() : Optional.of(TsQuery.and(units));
    }
}
