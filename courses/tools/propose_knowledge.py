#!/usr/bin/env python3
"""为课时、典型案例和题目提出知识点标签（courses/knowledge-points.yaml），供作者审阅。

用法：
  python3 courses/tools/propose_knowledge.py            列出没有 knowledge 字段的内容及建议标签
  python3 courses/tools/propose_knowledge.py --write    把建议写入这些文件（已有 knowledge 的不动）

规则：先按引用的条文（题目的 law/articles、案例的 legalBasis、课时正文中的“《××法》第×条”）对应知识点，
再按正文关键词补充，最多 4 个。建议只是起点：写入后须人工审阅，删去不贴切的标签。
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lawregistry  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent
MAX = 4

# 整部法律对应的专题
LAW_TOPIC = {
    "行政许可法": "KP-XUKE", "行政强制法": "KP-QIANGZHI", "行政复议法": "KP-FUYI", "行政诉讼法": "KP-SUSONG",
    "国家赔偿法": "KP-PEICHANG", "政府信息公开条例": "KP-GONGKAI", "食品安全法": "KP-SHIPIN",
    "城乡规划法": "KP-CHAIWEI", "土地管理法": "KP-TUDI", "房屋征收与补偿条例": "KP-ZHENGSHOU",
    "移送涉嫌犯罪案件的规定": "KP-XINGXING", "生态环境法典": "KP-SHENGTAI", "大气污染防治法": "KP-SHENGTAI",
    "固体废物污染环境防治法": "KP-SHENGTAI", "水污染防治法": "KP-SHENGTAI", "环境保护法": "KP-SHENGTAI",
}


def rng(a, b, code):
    return {n: code for n in range(a, b + 1)}


# 行政处罚法条文 → 知识点
CF = {}
CF.update(rng(1, 16, "KP-FALV"))
CF.update({5: "KP-CAILIANG", 6: "KP-ROUXING"})
CF.update(rng(17, 21, "KP-ZHUTI"))
CF.update({22: "KP-LIAN", 23: "KP-LIAN", 24: "KP-FUQUAN", 25: "KP-LIAN", 26: "KP-LIAN", 27: "KP-XINGXING"})
CF.update(rng(28, 31, "KP-FALV"))
CF.update({32: "KP-CAILIANG", 33: "KP-ROUXING", 34: "KP-CAILIANG", 35: "KP-FALV", 36: "KP-SHIXIAO",
           37: "KP-FALV", 38: "KP-CHENGXU", 39: "KP-GONGSHI", 40: "KP-SHISHI", 41: "KP-DIAOCHA",
           42: "KP-ZHUTI", 43: "KP-CHENGXU", 44: "KP-GAOZHI", 45: "KP-GAOZHI", 46: "KP-DIAOCHA",
           47: "KP-QUANGUOCHENG", 48: "KP-GONGSHI", 49: "KP-CHENGXU", 50: "KP-CHENGXU"})
CF.update(rng(51, 53, "KP-JIANYI"))
CF.update({54: "KP-LIAN", 55: "KP-DIAOCHA", 56: "KP-DIAOCHA", 57: "KP-JUEDING", 58: "KP-FAZHI",
           59: "KP-WENSHU", 60: "KP-JUEDING", 61: "KP-SONGDA", 62: "KP-GAOZHI"})
CF.update(rng(63, 65, "KP-TINGZHENG"))
CF.update(rng(66, 74, "KP-ZHIXING"))
CF.update(rng(75, 86, "KP-JIANDU"))

BY_ARTICLE = {
    "行政处罚法": CF,
    "行政强制法": {44: "KP-CHAIWEI", 53: "KP-ZHIXING", 54: "KP-ZHIXING"},
    "浙江省综合行政执法条例": {9: "KP-FUQUAN", 10: "KP-FUQUAN", 16: "KP-FUQUAN", 17: "KP-FUQUAN",
                           13: "KP-YIJIANSHI", 14: "KP-YIJIANSHI", 15: "KP-YIJIANSHI", 18: "KP-YIJIANSHI",
                           21: "KP-JIANCHA", 30: "KP-FUZHU", 34: "KP-ZERENZHI", 35: "KP-ZERENZHI",
                           37: "KP-GONGSHI", 36: "KP-JIANDU"},
    "优化营商环境条例": {43: "KP-XINYONG", 53: "KP-XINYONG", 54: "KP-JIANCHA", 58: "KP-GONGSHI",
                   59: "KP-ROUXING", 60: "KP-CAILIANG", 71: "KP-XINYONG"},
    "房屋征收与补偿条例": {},
    "移送涉嫌犯罪案件的规定": {},
}

# 关键词 → 知识点（按先后补充）
KEYWORDS = [
    (r"一件事|进一次门|综合查一次|联合执法|联合检查", "KP-YIJIANSHI"),
    (r"三书同达|说理式", "KP-SHUOLI"),
    (r"信用评价|信用修复|信用等级|第三方|中介|暂停委托", "KP-XINYONG"),
    (r"责任制|考核", "KP-ZERENZHI"),
    (r"辅助人员|协管员|协勤", "KP-FUZHU"),
    (r"赋权|乡镇人民政府、街道办事处|镇街承接|交由乡镇", "KP-FUQUAN"),
    (r"移送.{0,6}(公安|司法)|涉嫌犯罪|行刑衔接", "KP-XINGXING"),
    (r"全过程记录|执法记录仪|音像记录", "KP-QUANGUOCHENG"),
    (r"公示|公开.{0,4}处罚决定", "KP-GONGSHI"),
    (r"征收", "KP-ZHENGSHOU"),
    (r"违法建筑|违建|强制拆除|限期拆除", "KP-CHAIWEI"),
    (r"案卷评查|执法监督", "KP-JIANDU"),
    (r"法制审核", "KP-FAZHI"),
    (r"集体讨论", "KP-JITI"),
    (r"听证", "KP-TINGZHENG"),
    (r"陈述|申辩", "KP-GAOZHI"),
    (r"裁量", "KP-CAILIANG"),
    (r"首违|不予处罚|不予行政处罚|轻微", "KP-ROUXING"),
    (r"送达", "KP-SONGDA"),
    (r"立案", "KP-LIAN"),
    (r"取证|证据", "KP-DIAOCHA"),
    (r"双随机|日常检查|行政检查", "KP-JIANCHA"),
    (r"决定书|文书", "KP-WENSHU"),
    (r"归档", "KP-GUIDANG"),
    (r"复议", "KP-FUYI"),
    (r"诉讼|起诉", "KP-SUSONG"),
    (r"生态环境|秸秆|排放|污染", "KP-SHENGTAI"),
    (r"食品", "KP-SHIPIN"),
]

CITE = re.compile(r"《(?:中华人民共和国)?([^》]+)》第(" + lawregistry.NUM + r")条")


def from_citations(pairs):
    """Knowledge points of the cited articles, the most cited first."""
    count = {}
    for i, (law, art) in enumerate(pairs):
        code = BY_ARTICLE.get(law, {}).get(art) or LAW_TOPIC.get(law)
        if code:
            n, first = count.get(code, (0, i))
            count[code] = (n + 1, first)
    return sorted(count, key=lambda c: (-count[c][0], count[c][1]))


def propose(pairs, text, first=None):
    tags = list(first or [])
    for c in from_citations(pairs):
        if c not in tags:
            tags.append(c)
    for pattern, code in KEYWORDS:
        if len(tags) >= MAX:
            break
        if code not in tags and re.search(pattern, text or ""):
            tags.append(code)
    return tags[:MAX] or ["KP-FALV"]


def citations_in(text, registry):
    pairs = []
    for m in CITE.finditer(text):
        e = lawregistry.find(registry, m.group(1))
        if e:
            pairs.append((e["name"], lawregistry.cn2int(m.group(2))))
    return pairs


def insert_front_matter(path, tags):
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---", 3)
    path.write_text(text[:end] + "\nknowledge: [" + ", ".join(tags) + "]" + text[end:], encoding="utf-8")


def main():
    write = "--write" in sys.argv
    registry = lawregistry.load_registry()
    proposals = 0
    # 课时
    for md in sorted((REPO / "courses").glob("*/*.md")):
        text = md.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        fm = yaml.safe_load(text.split("---", 2)[1])
        if "knowledge" in fm:
            continue
        body = text.split("---", 2)[2]
        title_tags = [c for c in propose([], fm.get("title", "")) if c != "KP-FALV"][:2]
        tags = propose(citations_in(body, registry), fm.get("title", "") + "\n" + body, first=title_tags)
        print("%s: %s" % (md.relative_to(REPO), tags))
        proposals += 1
        if write:
            insert_front_matter(md, tags)
    # 案例
    for md in sorted((REPO / "case-library").glob("*/*.md")):
        text = md.read_text(encoding="utf-8")
        fm = yaml.safe_load(text.split("---", 2)[1])
        if "knowledge" in fm:
            continue
        pairs = []
        for b in fm.get("legalBasis") or []:
            e = lawregistry.find(registry, b.get("law"))
            if e and b.get("article"):
                pairs.append((e["name"], int(b["article"])))
        head = fm.get("title", "") + " " + " ".join(fm.get("keywords") or []) + " " + " ".join(fm.get("tags") or [])
        tags = propose([], head)
        tags = propose(pairs, head + "\n" + text.split("---", 2)[2], first=tags[:2] if tags != ["KP-FALV"] else [])
        print("%s: %s" % (md.relative_to(REPO), tags))
        proposals += 1
        if write:
            insert_front_matter(md, tags)
    # 题目
    for f in sorted((REPO / "courses" / "question-bank").glob("*.yaml")):
        items = yaml.safe_load(f.read_text(encoding="utf-8"))
        lines = f.read_text(encoding="utf-8").split("\n")
        new = {}
        for q in items:
            if "knowledge" in q:
                continue
            pairs = [(q["law"], a) for a in q.get("articles") or []]
            text = q.get("stem", "") + " " + " ".join(map(str, q.get("options") or []))
            tags = propose(pairs, text)[:3]
            new[q["code"]] = tags
            print("%s %s: %s" % (f.name, q["code"], tags))
            proposals += 1
        if write and new:
            out = []
            for line in lines:
                out.append(line)
                m = re.match(r"^- code: (\S+)\s*$", line)
                if m and m.group(1) in new:
                    out.append("  knowledge: [" + ", ".join(new[m.group(1)]) + "]")
            f.write_text("\n".join(out), encoding="utf-8")
    print("共 %d 处建议%s" % (proposals, "，已写入" if write else "（加 --write 写入）"), file=sys.stderr)


if __name__ == "__main__":
    main()
