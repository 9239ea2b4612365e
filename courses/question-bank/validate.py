#!/usr/bin/env python3
"""题库校验脚本。

用法：python3 courses/question-bank/validate.py [法律文本目录]
法律文本目录默认为检出目录旁的 ../shared/law；找不到时说明原因并以状态 2 退出。

校验内容：
  * 每个 YAML 文件可解析，且为题目列表；
  * 题目编号全库唯一，前缀与法律对应；
  * 题型、选项、答案格式一致（单选/多选/判断/填空/案例分析）；
  * 每个 (law, article) 在 <法律文本目录>/<law>.md 中存在“第X条”条文标题；
  * 解析以“依据《中华人民共和国……》”开头，并写明 articles 中列出的每一条；
  * 每题有 knowledge（知识点代码，见 courses/knowledge-points.yaml）；
  * 案例分析题评分要点分值之和等于 points（10 或 20），情境描述 200–400 字；
  * law 在法律登记表 courses/laws.yaml 中；已废止的法律须有早于废止日期的 conductDate，且解析写明承接法律；
  * 互斥组（group）：同组题目不会出现在同一张试卷上；疑似重复（同一法律、同一条文、题干或解析高度相似）
    而不在同一组的两题报错，确认不是重复的，在其中一题的 distinctFrom 中列出另一题；
  * 输出按法律、题型、难度的统计。
发现问题时以非零状态退出。
"""
import collections
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
import lawregistry  # noqa: E402

LAW_DIR = str(lawregistry.law_dir(sys.argv[1] if len(sys.argv) > 1 else None))
REGISTRY = lawregistry.load_registry()

PREFIX = {
    "行政处罚法": "CF",
    "行政强制法": "QZ",
    "行政许可法": "XK",
    "行政复议法": "FY",
    "行政诉讼法": "SS",
    "国家赔偿法": "PC",
    "政府信息公开条例": "GK",
    "食品安全法": "SP",
    # laws added to ../shared/law in 2026: a file <简称>.yaml with these prefixes when questions come
    "城乡规划法": "GH",
    "土地管理法": "TD",
    "房屋征收与补偿条例": "ZS",
    "移送涉嫌犯罪案件的规定": "YS",
    "优化营商环境条例": "YH",
    "重大行政决策程序暂行条例": "JC",
    "政务处分法": "ZW",
    "治安管理处罚法": "ZA",
    "浙江省综合行政执法条例": "ZJ",
    "生态环境法典": "HJ",
    "大气污染防治法": "DQ",
    "固体废物污染环境防治法": "GF",
}
FULL_TITLE = {k: "《%s》" % REGISTRY[k]["fullName"] for k in PREFIX}
TYPES = ["单选", "多选", "判断", "填空"]
GRADES = {"新任", "在岗", "骨干", "领导"}
LEVELS = {"市", "区县", "镇街"}
DOMAINS = {"通用", "市场监管"}
LETTERS = "ABCDE"
BLANK = "____"

DIGITS = "零一二三四五六七八九"


def cn_num(n: int) -> str:
    """整数转条文标题中使用的中文数字：42→四十二，110→一百一十，101→一百零一，1131→一千一百三十一，1007→一千零七。"""
    if not 0 < n < 10000:
        raise ValueError(n)
    if n < 20 and n >= 10:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def article_heading(n: int) -> str:
    return "第%s条" % cn_num(n)


def load_articles(law: str):
    path = os.path.join(LAW_DIR, law + ".md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"^(第[零一二三四五六七八九十百千]+条)[ 　]", text, re.M))


errors = []


def err(code, msg):
    errors.append("%s: %s" % (code, msg))


def check_registry(q, code, law):
    """The law is registered; a repealed one only for conduct dated before the repeal, with its successor named."""
    entry = REGISTRY.get(law)
    if entry is None:
        err(code, "law %r is not in courses/laws.yaml" % law)
        return
    conduct = q.get("conductDate")
    if conduct is not None:
        try:
            conduct = lawregistry._date(conduct)
        except ValueError:
            err(code, "conductDate %r is not an ISO date" % (conduct,))
            return
    problem = lawregistry.repeal_problem(entry, conduct)
    if problem:
        err(code, problem)
    elif entry.get("repealed"):
        succ = REGISTRY[entry["replacedBy"]]
        text = str(q.get("explanation") or q.get("referenceAnswer") or "")
        if succ["fullName"] not in text and succ["name"] not in text:
            err(code, "cites repealed %s: the explanation must name %s and its corresponding article" % (law, succ["name"]))


def check_group_fields(q, code):
    g = q.get("group")
    if g is not None and (not isinstance(g, str) or not g.strip() or len(g) > 40 or "," in g):
        err(code, "group must be a short name (at most 40 characters, no comma)")
    d = q.get("distinctFrom")
    if d is not None and not (isinstance(d, list) and all(isinstance(x, str) for x in d)):
        err(code, "distinctFrom must be a list of question codes")


def _bigrams(text):
    t = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text or "")
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _jaccard(a, b):
    return len(a & b) / len(a | b) if a and b else 0.0


# two questions on the same law and article are likely to test the same fact when their stems and
# options, or their explanations, are this alike (tuned on the bank: every pair above it was reviewed)
STEM_SIMILAR = 0.40
EXPLANATION_SIMILAR = 0.70


def near_duplicates(questions):
    """Pairs (code, code, stem similarity, explanation similarity) likely to test the same fact."""
    out = []
    prepared = []
    for q in questions:
        stem = str(q.get("stem", "")) + "".join(str(o) for o in q.get("options") or [])
        prepared.append((q, set(q.get("articles") or []), _bigrams(stem), _bigrams(str(q.get("explanation", "")))))
    for i in range(len(prepared)):
        qa, aa, sa, ea = prepared[i]
        for j in range(i + 1, len(prepared)):
            qb, ab, sb, eb = prepared[j]
            if qa.get("law") != qb.get("law") or not (aa & ab):
                continue
            js, je = _jaccard(sa, sb), _jaccard(ea, eb)
            if js >= STEM_SIMILAR or je >= EXPLANATION_SIMILAR:
                out.append((qa["code"], qb["code"], js, je))
    return out


def check_near_duplicates(questions):
    by_code = {q.get("code"): q for q in questions}
    groups = collections.Counter(q.get("group") for q in questions if q.get("group"))
    for g, n in groups.items():
        if n < 2:
            err(g, "exclusion group has only one member")
    for q in questions:
        for other in q.get("distinctFrom") or []:
            if other not in by_code:
                err(q.get("code"), "distinctFrom names unknown question %s" % other)
    for a, b, js, je in near_duplicates(questions):
        qa, qb = by_code[a], by_code[b]
        if qa.get("group") and qa.get("group") == qb.get("group"):
            continue
        if b in (qa.get("distinctFrom") or []) or a in (qb.get("distinctFrom") or []):
            continue
        err(a, "likely near-duplicate of %s (stem %.2f, explanation %.2f): put both in one group, "
               "or list the other in distinctFrom" % (b, js, je))


def check_readme(total, case_count, by_law_type, counts):
    """README.md states the counts: 客观题 N 道，另有案例分析 M 道, and a row per law plus 合计."""
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    m = re.search(r"客观题 (\d+) 道，另有案例分析 (\d+) 道", readme)
    if not m or (int(m.group(1)), int(m.group(2))) != (total, case_count):
        err("README.md", "应写明“客观题 %d 道，另有案例分析 %d 道”" % (total, case_count))
    rows = {r[0]: tuple(int(x) for x in r[1:]) for r in
            re.findall(r"^\| (\S+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", readme, re.M)}
    expected = {law: tuple(c[t] for t in TYPES) + (sum(c.values()),) for law, c in by_law_type.items() if c}
    expected["合计"] = tuple(counts[t] for t in TYPES) + (total,)
    for law, want in expected.items():
        if rows.get(law) != want:
            err("README.md", "%s 一行应为 %s，实际 %s" % (law, " | ".join(map(str, want)), rows.get(law)))
    for law in set(rows) - set(expected):
        err("README.md", "数量表中的 %s 没有题目" % law)


def main():
    # self-test of the numeral converter
    for n, want in [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (42, "四十二"),
                    (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"),
                    (148, "一百四十八"), (1000, "一千"), (1007, "一千零七"), (1020, "一千零二十"),
                    (1107, "一千一百零七"), (1131, "一千一百三十一"), (1242, "一千二百四十二")]:
        assert cn_num(n) == want, (n, cn_num(n), want)

    law_articles = {law: load_articles(law) for law in PREFIX if os.path.exists(os.path.join(LAW_DIR, law + ".md"))}
    for law in PREFIX:
        if law not in law_articles:
            err(law, "law text %s.md missing in %s" % (law, LAW_DIR))
            law_articles[law] = set()
    for law, arts in law_articles.items():
        # each law file must contain 第一条..第N条 continuously
        n = 1
        while article_heading(n) in arts:
            n += 1
        if len(arts) != n - 1:
            err(law, "law file article headings not contiguous")

    knowledge = lawregistry.load_knowledge(REGISTRY, lawregistry.texts(REGISTRY, LAW_DIR), errors)
    codes = {}
    allq = []
    counts = collections.Counter()
    by_law_type = collections.defaultdict(collections.Counter)
    by_diff = collections.Counter()
    case_count = 0

    files = sorted(glob.glob(os.path.join(HERE, "*.yaml")))
    for path in files:
        fname = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            try:
                data = yaml.safe_load(f)
            except yaml.YAMLError as e:
                err(fname, "YAML parse error: %s" % e)
                continue
        if not isinstance(data, list):
            err(fname, "top level must be a list")
            continue
        is_case_file = fname == "案例分析"
        if not is_case_file and fname not in PREFIX:
            err(fname, "unknown file name (expected a law short name or 案例分析)")
            continue
        for q in data:
            code = q.get("code", "<no code>") if isinstance(q, dict) else "<not a mapping>"
            if not isinstance(q, dict):
                err(fname, "item is not a mapping")
                continue
            if code in codes:
                err(code, "duplicate code (also in %s)" % codes[code])
            codes[code] = fname
            qtype = q.get("type")
            law = q.get("law")
            if law not in PREFIX:
                err(code, "unknown law %r" % law)
                continue
            if not is_case_file and law != fname:
                err(code, "law %r does not match file %s" % (law, fname))

            # common fields
            for key in ("stem", "law", "articles", "domain", "difficulty", "grades", "levels"):
                if key not in q:
                    err(code, "missing field %s" % key)
            stem = q.get("stem")
            if not isinstance(stem, str) or not stem.strip():
                err(code, "stem must be a non-empty string")
                stem = ""
            arts = q.get("articles")
            if not isinstance(arts, list) or not arts or not all(type(a) is int for a in arts):
                err(code, "articles must be a non-empty list of integers")
                arts = []
            for a in arts:
                if article_heading(a) not in law_articles[law]:
                    err(code, "article %d (%s) not found in %s.md" % (a, article_heading(a), law))
            if len(set(arts)) != len(arts):
                err(code, "duplicate article numbers")
            check_registry(q, code, law)
            check_group_fields(q, code)
            lawregistry.check_knowledge_tags(q.get("knowledge"), knowledge, code, errors)
            allq.append(q)
            if q.get("domain") not in DOMAINS:
                err(code, "bad domain %r" % q.get("domain"))
            if law == "食品安全法" and q.get("domain") != "市场监管":
                err(code, "食品安全法 questions must use domain 市场监管")
            d = q.get("difficulty")
            if type(d) is not int or not 1 <= d <= 5:
                err(code, "difficulty must be int 1-5")
            for key, allowed in (("grades", GRADES), ("levels", LEVELS)):
                v = q.get(key)
                if not isinstance(v, list) or not v or not set(v) <= allowed or len(set(v)) != len(v):
                    err(code, "bad %s %r" % (key, v))

            if is_case_file:
                case_count += 1
                if qtype != "案例分析":
                    err(code, "type must be 案例分析 in 案例分析.yaml")
                if not code.startswith("AL-"):
                    err(code, "案例分析 code must start with AL-")
                if "answer" in q:
                    err(code, "案例分析 must not have answer")
                if "options" in q:
                    err(code, "案例分析 must not have options")
                ref = q.get("referenceAnswer")
                if not isinstance(ref, str) or len(ref) < 100:
                    err(code, "referenceAnswer missing or too short")
                else:
                    for a in arts:
                        if article_heading(a) not in ref:
                            err(code, "referenceAnswer does not cite %s" % article_heading(a))
                pts = q.get("points")
                if pts not in (10, 20):
                    err(code, "points must be 10 or 20")
                rub = q.get("rubric")
                if not isinstance(rub, list) or not rub:
                    err(code, "rubric must be a non-empty list")
                else:
                    total = 0
                    for r in rub:
                        if not (isinstance(r, dict) and set(r) == {"point", "score"}
                                and isinstance(r["point"], str) and type(r["score"]) is int and r["score"] > 0):
                            err(code, "bad rubric item %r" % (r,))
                        else:
                            total += r["score"]
                    if total != pts:
                        err(code, "rubric scores sum to %d, points is %r" % (total, pts))
                scenario = re.split(r"^问题[：:]", stem, flags=re.M)[0].strip()
                if not 200 <= len(scenario) <= 400:
                    err(code, "scenario length %d not in 200-400" % len(scenario))
                subq = re.findall(r"^（[一二三四五123]）", stem, re.M)
                if not 2 <= len(subq) <= 3:
                    err(code, "expected 2-3 sub-questions, found %d" % len(subq))
                by_diff[d] += 1
                continue

            # objective questions
            if not code.startswith(PREFIX[law] + "-") or not re.fullmatch(r"[A-Z]{2}-\d{3}", code):
                err(code, "code must look like %s-NNN" % PREFIX[law])
            if qtype not in TYPES:
                err(code, "bad type %r" % qtype)
                continue
            expl = q.get("explanation")
            if not isinstance(expl, str) or not expl.startswith("依据" + FULL_TITLE[law]):
                err(code, "explanation must start with 依据%s" % FULL_TITLE[law])
            else:
                for a in arts:
                    if article_heading(a) not in expl:
                        err(code, "explanation does not cite %s" % article_heading(a))
            opts = q.get("options")
            ans = q.get("answer")
            if qtype in ("单选", "多选"):
                n_ok = (4,) if qtype == "单选" else (4, 5)
                if not isinstance(opts, list) or len(opts) not in n_ok:
                    err(code, "%s needs %s options" % (qtype, n_ok))
                    continue
                if not all(isinstance(o, str) and o.strip() for o in opts):
                    err(code, "options must be non-empty strings: %r" % opts)
                if len(set(opts)) != len(opts):
                    err(code, "options not distinct")
                for o in opts:
                    if isinstance(o, str) and re.match(r"^[A-Ea-e][\.．、:：\s]", o):
                        err(code, "option has a letter prefix: %r" % o)
                valid = set(LETTERS[:len(opts)])
                if qtype == "单选":
                    if not (isinstance(ans, str) and ans in valid):
                        err(code, "单选 answer must be one letter in %s" % sorted(valid))
                else:
                    if not (isinstance(ans, list) and len(ans) >= 2 and all(isinstance(x, str) and x in valid for x in ans)
                            and len(set(ans)) == len(ans)):
                        err(code, "多选 answer must be a list of >=2 distinct letters in %s" % sorted(valid))
                    elif ans != sorted(ans):
                        err(code, "多选 answer letters not sorted")
                    elif len(ans) == len(opts) and len(opts) == 4:
                        pass  # all-correct allowed
            elif qtype == "判断":
                if opts is not None:
                    err(code, "判断 must not have options")
                if type(ans) is not bool:
                    err(code, "判断 answer must be true/false")
            elif qtype == "填空":
                if opts is not None:
                    err(code, "填空 must not have options")
                if stem.count(BLANK) != 1 or "_____" in stem:
                    err(code, "填空 stem must contain exactly one blank ____")
                if not (isinstance(ans, list) and ans and all(isinstance(x, str) and x.strip() for x in ans)):
                    err(code, "填空 answer must be a non-empty list of strings")
                elif len(set(ans)) != len(ans):
                    err(code, "填空 answer alternatives not distinct")
            counts[qtype] += 1
            by_law_type[law][qtype] += 1
            by_diff[d] += 1

    check_near_duplicates(allq)

    # report
    total = sum(counts.values())
    print("客观题总数: %d（另有案例分析 %d 题）" % (total, case_count))
    header = "%-10s" % "法律" + "".join("%6s" % t for t in TYPES) + "%6s" % "合计"
    print(header)
    for law in PREFIX:
        c = by_law_type[law]
        if not c:
            continue
        print("%-10s" % law + "".join("%6d" % c[t] for t in TYPES) + "%6d" % sum(c.values()))
    print("%-10s" % "合计" + "".join("%6d" % counts[t] for t in TYPES) + "%6d" % total)
    if total:
        print("题型占比: " + "，".join("%s %.1f%%" % (t, 100.0 * counts[t] / total) for t in TYPES))
    print("难度分布(含案例): " + "，".join("%d级 %d" % (k, by_diff[k]) for k in sorted(by_diff)))

    minimum = {"行政处罚法": 80, "行政强制法": 30, "行政许可法": 25, "行政复议法": 25,
               "行政诉讼法": 20, "国家赔偿法": 10, "政府信息公开条例": 15, "食品安全法": 15}
    for law, m in minimum.items():
        if sum(by_law_type[law].values()) < m:
            err(law, "fewer than %d questions" % m)
    if total < 220:
        err("ALL", "fewer than 220 questions")
    if case_count < 4:
        err("案例分析", "fewer than 4 case questions")

    check_readme(total, case_count, by_law_type, counts)

    if errors:
        print("\n发现 %d 个问题：" % len(errors))
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\n校验通过。")


if __name__ == "__main__":
    main()
