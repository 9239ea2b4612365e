package cn.zhifa.academy.caselibrary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL text-search query built from tokens we produced ourselves, rendered as a
 * {@code tsquery} literal (so PostgreSQL applies no parser or dictionary of its own).
 */
sealed interface TsQuery {

    String render();

    /** Every lexeme in the query, for ranking and highlighting. */
    void lexemes(Set<Lexeme> into);

    /** One token; {@code prefix} matches every lexeme starting with it. */
    record Lexeme(String text, boolean prefix) implements TsQuery {
        @Override
        public String render() {
            return quote(text) + (prefix ? ":*" : "");
        }

        @Override
        public void lexemes(Set<Lexeme> into) {
            into.add(this);
        }
    }

    record And(List<TsQuery> parts) implements TsQuery {
        @Override
        public String render() {
            return join(parts, " & ");
        }

        @Override
        public void lexemes(Set<Lexeme> into) {
            parts.forEach(p -> p.lexemes(into));
        }
    }

    record Or(List<TsQuery> parts) implements TsQuery {
        @Override
        public String render() {
            return join(parts, " | ");
        }

        @Override
        public void lexemes(Set<Lexeme> into) {
            parts.forEach(p -> p.lexemes(into));
        }
    }

    static TsQuery lexeme(String text) {
        return new Lexeme(text, false);
    }

    /** AND of the parts, without duplicates; a single part stands for itself. */
    static TsQuery and(List<TsQuery> parts) {
        List<TsQuery> flat = new ArrayList<>();
        parts.forEach(p -> flat.addAll(p instanceof And a ? a.parts() : List.of(p)));
        List<TsQuery> distinct = new ArrayList<>(new LinkedHashSet<>(flat));
        return distinct.size() == 1 ? distinct.get(0) : new And(List.copyOf(distinct));
    }

    static TsQuery or(List<TsQuery> parts) {
        List<TsQuery> flat = new ArrayList<>();
        parts.forEach(p -> flat.addAll(p instanceof Or o ? o.parts() : List.of(p)));
        List<TsQuery> distinct = new ArrayList<>(new LinkedHashSet<>(flat));
        return distinct.size() == 1 ? distinct.get(0) : new Or(List.copyOf(distinct));
    }

    /** A lexeme as a quoted tsvector/tsquery literal: quotes doubled, backslashes escaped. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String join(List<TsQuery> parts, String op) {
        List<String> rendered = new ArrayList<>();
        for (TsQuery p : parts) {
            rendered.add(p instanceof Lexeme ? p.render() : "(" + p.render() + ")");
        }
        return String.join(op, rendered);
    }
}
