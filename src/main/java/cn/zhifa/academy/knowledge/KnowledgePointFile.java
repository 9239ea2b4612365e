package cn.zhifa.academy.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * Parses and checks the taxonomy file (courses/knowledge-points.yaml). Every problem comes back
 * at once with the file and the line: a malformed or duplicate code, a kind other than stage or
 * topic, a parent that is missing or makes a cycle, an article of a statute that is not in the
 * law registry, is repealed, or lies past the statute's last article.
 */
public final class KnowledgePointFile {

    /** The parsed taxonomy. */
    public record Taxonomy(int version, List<KnowledgePoint> points) {
    }

    public static final Pattern CODE = Pattern.compile("KP-[A-Z0-9]+(-[A-Z0-9]+)*");
    static final Pattern ARTICLE = Pattern.compile(FormatWords.of("knowledge-points").get("pattern.article"));

    private KnowledgePointFile() {
    }

    /** The taxonomy, or {@link ContentInvalidException} with every problem (file and line). */
    public static Taxonomy parse(String file, String text) {
        List<ContentProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ContentInvalidException(List.of(problem(file, line, "kpfile.yaml_invalid", e.getProblem())));
        } catch (RuntimeException e) {
            throw new ContentInvalidException(List.of(problem(file, 1, "kpfile.yaml_invalid", e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ContentInvalidException(List.of(problem(file, 1, "kpfile.not_mapping")));
        }
        Map<String, Node> fields = fields(top);
        int version = 0;
        Node v = fields.get("version");
        if (v instanceof ScalarNode s && s.getValue().matches("[1-9][0-9]*")) {
            version = Integer.parseInt(s.getValue());
        } else {
            problems.add(problem(file, v == null ? 1 : line(v), "kpfile.version"));
        }
        Node pts = fields.get("points");
        if (!(pts instanceof SequenceNode seq)) {
            problems.add(problem(file, pts == null ? 1 : line(pts), "kpfile.points_missing"));
            throw new ContentInvalidException(problems);
        }
        List<KnowledgePoint> points = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Node n : seq.getValue()) {
            int line = line(n);
            if (!(n instanceof MappingNode m)) {
                problems.add(problem(file, line, "kpfile.point_not_mapping"));
                continue;
            }
            Map<String, Node> f = fields(m);
            for (String key : f.keySet()) {
                if (!Set.of("code", "name", "kind", "parent", "articles").contains(key)) {
                    problems.add(problem(file, line(f.get(key)), "kpfile.unknown_field", key));
                }
            }
            String code = scalar(f.get("code"));
            String name = scalar(f.get("name"));
            String kind = scalar(f.get("kind"));
            String parent = scalar(f.get("parent"));
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(problem(file, line, "kpfile.code_invalid",
                        code == null ? ErrorTexts.key("kpfile.code_absent") : code));
                continue;
            }
            if (lineOf.containsKey(code)) {
                problems.add(problem(file, line, "kpfile.code_repeated", code, lineOf.get(code)));
                continue;
            }
            lineOf.put(code, line);
            if (name == null || name.isBlank()) {
                problems.add(ofPoint(file, line, code, "kpfile.name_missing"));
            }
            if (!KnowledgePoint.STAGE.equals(kind) && !KnowledgePoint.TOPIC.equals(kind)) {
                problems.add(ofPoint(file, line, code, "kpfile.kind", kind));
            }
            List<String> articles = new ArrayList<>();
            Node a = f.get("articles");
            if (a instanceof SequenceNode as) {
                for (Node an : as.getValue()) {
                    String art = scalar(an);
                    Why why = checkArticle(art);
                    if (why != null) {
                        problems.add(ofPoint(file, line(an), code, why.key(), why.args()));
                    } else {
                        articles.add(art);
                    }
                }
            } else if (a != null) {
                problems.add(ofPoint(file, line(a), code, "kpfile.articles_list"));
            }
            if (articles.isEmpty() && a == null) {
                problems.add(ofPoint(file, line, code, "kpfile.articles_missing"));
            }
            points.add(new KnowledgePoint(code, name, kind, parent, articles));
        }
        for (KnowledgePoint p : points) {
            if (p.parent() == null) {
                continue;
            }
            if (!lineOf.containsKey(p.parent())) {
                problems.add(ofPoint(file, lineOf.get(p.code()), p.code(), "kpfile.parent_missing", p.parent()));
                continue;
            }
            Map<String, String> parents = new LinkedHashMap<>();
            points.forEach(q -> parents.put(q.code(), q.parent()));
            Set<String> seen = new HashSet<>();
            String c = p.code();
            while (c != null && seen.add(c)) {
                c = parents.get(c);
            }
            if (c != null) {
                problems.add(ofPoint(file, lineOf.get(p.code()), p.code(), "kpfile.parent_cycle"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems);
        }
        return new Taxonomy(version, List.copyOf(points));
    }

    /** Why an article reference is not good: a key of the errors bundle and its arguments. */
    record Why(String key, Object... args) {
    }

    /** Null when the article reference is good, else why not. */
    static Why checkArticle(String ref) {
        if (ref == null) {
            return new Why("kpfile.article_empty");
        }
        Matcher m = ARTICLE.matcher(ref.strip());
        if (!m.matches()) {
            return new Why("kpfile.article_form", ref);
        }
        var law = Laws.find(m.group(1));
        if (law.isEmpty()) {
            return new Why("kpfile.article_law_unknown", ref, m.group(1));
        }
        if (law.get().repealed() != null) {
            return new Why("kpfile.article_repealed", ref, law.get().name(), law.get().repealed(), law.get().replacedBy());
        }
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || law.get().articles() > 0 && n > law.get().articles()) {
            return new Why("kpfile.article_past_end", ref, law.get().name(), n, law.get().articles());
        }
        return null;
    }

    /** A problem of the file, its text in the language of the current request (Chinese outside one). */
    private static ContentProblem problem(String file, int line, String key, Object... args) {
        return new ContentProblem(file, line, ErrorTexts.text(ErrorTexts.currentLocale(), key, args));
    }

    /** A problem of one knowledge point: its code, then why. */
    private static ContentProblem ofPoint(String file, int line, String code, String key, Object... args) {
        java.util.Locale locale = ErrorTexts.currentLocale();
        return new ContentProblem(file, line, ErrorTexts.text(locale, "kpfile.of_point", code, ErrorTexts.text(locale, key, args)));
    }

    private static Map<String, Node> fields(MappingNode m) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.put(k.getValue(), t.getValueNode());
            }
        }
        return out;
    }

    private static String scalar(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return v == null || v.isBlank() || "null".equals(v) || "~".equals(v) ? null : v.strip();
        }
        return null;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
