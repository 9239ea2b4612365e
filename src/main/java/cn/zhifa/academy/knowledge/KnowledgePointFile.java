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
    static final Pattern ARTICLE = Pattern.compile("(.+?)第([0-9]+)条");

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
            throw new ContentInvalidException(List.of(new ContentProblem(file, line, "YAML 格式错误：" + e.getProblem())));
        } catch (RuntimeException e) {
            throw new ContentInvalidException(List.of(new ContentProblem(file, 1, "YAML 格式错误：" + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ContentInvalidException(List.of(new ContentProblem(file, 1, "文件应为含 version 和 points 的 YAML 映射")));
        }
        Map<String, Node> fields = fields(top);
        int version = 0;
        Node v = fields.get("version");
        if (v instanceof ScalarNode s && s.getValue().matches("[1-9][0-9]*")) {
            version = Integer.parseInt(s.getValue());
        } else {
            problems.add(new ContentProblem(file, v == null ? 1 : line(v), "version 应为正整数"));
        }
        Node pts = fields.get("points");
        if (!(pts instanceof SequenceNode seq)) {
            problems.add(new ContentProblem(file, pts == null ? 1 : line(pts), "缺少知识点列表 points"));
            throw new ContentInvalidException(problems);
        }
        List<KnowledgePoint> points = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Node n : seq.getValue()) {
            int line = line(n);
            if (!(n instanceof MappingNode m)) {
                problems.add(new ContentProblem(file, line, "每个知识点应为含 code、name、kind 的映射"));
                continue;
            }
            Map<String, Node> f = fields(m);
            for (String key : f.keySet()) {
                if (!Set.of("code", "name", "kind", "parent", "articles").contains(key)) {
                    problems.add(new ContentProblem(file, line(f.get(key)), "未知字段 " + key));
                }
            }
            String code = scalar(f.get("code"));
            String name = scalar(f.get("name"));
            String kind = scalar(f.get("kind"));
            String parent = scalar(f.get("parent"));
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(new ContentProblem(file, line,
                        "知识点代码 " + (code == null ? "（缺失）" : code) + " 不合格式：应为 KP- 加大写字母、数字和连字符"));
                continue;
            }
            if (lineOf.containsKey(code)) {
                problems.add(new ContentProblem(file, line, "知识点代码 " + code + " 重复（第 " + lineOf.get(code) + " 行已有）"));
                continue;
            }
            lineOf.put(code, line);
            if (name == null || name.isBlank()) {
                problems.add(new ContentProblem(file, line, code + "：缺少中文名称 name"));
            }
            if (!KnowledgePoint.STAGE.equals(kind) && !KnowledgePoint.TOPIC.equals(kind)) {
                problems.add(new ContentProblem(file, line, code + "：kind 应为 stage 或 topic，而不是 " + kind));
            }
            List<String> articles = new ArrayList<>();
            Node a = f.get("articles");
            if (a instanceof SequenceNode as) {
                for (Node an : as.getValue()) {
                    String art = scalar(an);
                    String why = checkArticle(art);
                    if (why != null) {
                        problems.add(new ContentProblem(file, line(an), code + "：" + why));
                    } else {
                        articles.add(art);
                    }
                }
            } else if (a != null) {
                problems.add(new ContentProblem(file, line(a), code + "：articles 应为列表"));
            }
            if (articles.isEmpty() && a == null) {
                problems.add(new ContentProblem(file, line, code + "：缺少所依据的条文 articles"));
            }
            points.add(new KnowledgePoint(code, name, kind, parent, articles));
        }
        for (KnowledgePoint p : points) {
            if (p.parent() == null) {
                continue;
            }
            if (!lineOf.containsKey(p.parent())) {
                problems.add(new ContentProblem(file, lineOf.get(p.code()), p.code() + "：上级知识点 " + p.parent() + " 不存在"));
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
                problems.add(new ContentProblem(file, lineOf.get(p.code()), p.code() + "：上级知识点形成循环"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems);
        }
        return new Taxonomy(version, List.copyOf(points));
    }

    /** Null when the article reference is good, else why not (Chinese). */
    static String checkArticle(String ref) {
        if (ref == null) {
            return "条文引用为空";
        }
        Matcher m = ARTICLE.matcher(ref.strip());
        if (!m.matches()) {
            return "条文引用 " + ref + " 应写作“法律简称第N条”，如 行政处罚法第54条";
        }
        var law = Laws.find(m.group(1));
        if (law.isEmpty()) {
            return "条文引用 " + ref + "：法律 " + m.group(1) + " 不在法律登记表 courses/laws.yaml 中";
        }
        if (law.get().repealed() != null) {
            return "条文引用 " + ref + "：《" + law.get().name() + "》已于 " + law.get().repealed() + " 废止，知识点应依据《"
                    + law.get().replacedBy() + "》";
        }
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || law.get().articles() > 0 && n > law.get().articles()) {
            return "条文引用 " + ref + "：《" + law.get().name() + "》没有第" + n + "条（共 " + law.get().articles() + " 条）";
        }
        return null;
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
