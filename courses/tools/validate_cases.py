#!/usr/bin/env python3
"""校验典型案例库 case-library/ 的格式、法律依据和 README 清单。

用法：python3 courses/tools/validate_cases.py [--law-dir ../shared/law]
（法律文本目录默认为检出目录旁的 ../shared/law；找不到时说明原因并以状态 2 退出）

检查内容：
- 每个案例文件的 YAML 头可解析，字段齐全，编号与文件名、领域目录和日期年份一致；
- legalBasis 中的法律在法律登记表 courses/laws.yaml 中；有文本的法律，条号在原文中存在；
- 已废止的法律（登记表 repealed）只能用于废止日期以前的案件（以 date 为准），
  且 legalBasis 中须同时列出承接法律（replacedBy）的对应条文；
- 正文有七个二级标题；正文中引用的条文（《某法》第X条）在原文中存在，引用已废止法律的段落须写明承接法律；
- case-library/README.md 的总数、各领域件数和案例清单与文件一致。
"""
import argparse
import collections
import datetime
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import yaml  # noqa: E402

import lawregistry  # noqa: E402
import validate as course_validate  # noqa: E402  (citation checks shared with the course validator)

CASES = lawregistry.REPO / "case-library"
DOMAINS = {"zonghe": ("综合行政执法", "ZH"), "shichang": ("市场监管", "SJ"), "shengtai": ("生态环境", "ST"),
           "jiaotong": ("交通运输", "JT"), "wenhua": ("文化市场", "WH"), "nongye": ("农业农村", "NY"),
           "yingji": ("应急管理", "YJ"), "weisheng": ("卫生健康", "WS"), "ziran": ("自然资源", "ZR"),
           "tongyong": ("通用", "TY")}
CASE_TYPES = {"行政处罚", "行政强制", "行政检查", "行政许可", "执法监督", "行政复议", "行政诉讼", "政府信息公开"}
LEVELS = {"市", "区县", "镇街"}
SECTIONS = ["基本案情", "调查取证要点", "处理结果", "裁量说理", "程序要点", "典型意义", "易错点"]
FIELDS = {"code", "title", "keywords", "tags", "domain", "matter", "caseType", "orgLevel", "legalBasis", "source", "date"}


def check_case(path, registry, texts, errors, knowledge=frozenset()):
    rel = path.relative_to(CASES)
    text = path.read_text(encoding="utf-8")
    fm, body = course_validate.split_front_matter(text, str(rel), errors)
    if fm is None:
        return None
    missing = FIELDS - set(fm)
    if missing:
        errors.append(f"{rel}: 缺少字段 {sorted(missing)}")
        return None
    lawregistry.check_knowledge_tags(fm.get("knowledge"), knowledge, str(rel), errors)
    code = str(fm["code"])
    dir_name = path.parent.name
    if dir_name not in DOMAINS:
        errors.append(f"{rel}: 未知的领域目录 {dir_name}")
        return None
    domain, prefix = DOMAINS[dir_name]
    if path.stem != code:
        errors.append(f"{rel}: 文件名与编号 {code} 不一致")
    m = re.fullmatch(r"([A-Z]{2})-(\d{4})-\d{3}", code)
    if not m or m.group(1) != prefix:
        errors.append(f"{rel}: 编号应为 {prefix}-年份-序号")
    if fm["domain"] != domain:
        errors.append(f"{rel}: domain 应为 {domain}")
    if fm["caseType"] not in CASE_TYPES:
        errors.append(f"{rel}: caseType 非法：{fm['caseType']!r}")
    if fm["orgLevel"] not in LEVELS:
        errors.append(f"{rel}: orgLevel 非法：{fm['orgLevel']!r}")
    try:
        date = fm["date"] if isinstance(fm["date"], datetime.date) else datetime.date.fromisoformat(str(fm["date"]))
    except ValueError:
        errors.append(f"{rel}: date 应为 ISO 日期")
        return None
    if m and int(m.group(2)) != date.year:
        errors.append(f"{rel}: 编号年份与 date {date} 不一致")
    cited = set()
    for i, b in enumerate(fm.get("legalBasis") or [], 1):
        where = f"{rel}: legalBasis[{i}]"
        entry = lawregistry.find(registry, str(b.get("law", "")))
        if entry is None:
            errors.append(f"{where}: 《{b.get('law')}》不在法律登记表 courses/laws.yaml 中")
            continue
        art = b.get("article")
        if type(art) is not int or art <= 0:
            errors.append(f"{where}: article 应为正整数")
            continue
        if entry["name"] in texts and art not in texts[entry["name"]]:
            errors.append(f"{where}: 《{entry['name']}》没有第{art}条")
        cited.add(entry["name"])
        problem = lawregistry.repeal_problem(entry, date)
        if problem:
            errors.append(f"{where}: {problem}")
    for name in cited:
        e = registry[name]
        if e.get("repealed") and e["replacedBy"] not in cited:
            errors.append(f"{rel}: 引用已废止的《{name}》，legalBasis 中须同时列出《{e['replacedBy']}》的对应条文，"
                          f"正文说明行为发生在废止以前")
    headings = re.findall(r"^## (.+?)\s*$", body, re.M)
    if headings != SECTIONS:
        errors.append(f"{rel}: 正文二级标题应依次为 {SECTIONS}，实际 {headings}")
    if re.search(r"</?[A-Za-z][^>]*>", body):
        errors.append(f"{rel}: 正文含 HTML 标签")
    course_validate.check_citations(body, texts, str(rel), errors, [])
    course_validate.check_repealed(body, str(rel), errors)
    return {"code": code, "dir": dir_name, "domain": domain, "title": fm["title"], "caseType": fm["caseType"],
            "orgLevel": fm["orgLevel"]}


def check_readme(cases, errors):
    readme = (CASES / "README.md").read_text(encoding="utf-8")
    m = re.search(r"共 (\d+) 件，覆盖 (\d+) 个领域：(.+?)。", readme)
    by_domain = collections.Counter(c["domain"] for c in cases)
    if not m:
        errors.append("README.md: 找不到“共 N 件，覆盖 M 个领域：……。”一句")
    else:
        if int(m.group(1)) != len(cases):
            errors.append(f"README.md: 写的是共 {m.group(1)} 件，实际 {len(cases)} 件")
        if int(m.group(2)) != len(by_domain):
            errors.append(f"README.md: 写的是覆盖 {m.group(2)} 个领域，实际 {len(by_domain)} 个")
        stated = dict((d, int(n)) for d, n in re.findall(r"([^、\s]+) (\d+) 件", m.group(3)))
        if stated != dict(by_domain):
            errors.append(f"README.md: 各领域件数 {stated} 与文件 {dict(by_domain)} 不一致")
    rows = re.findall(r"^\| \[([A-Z]{2}-\d{4}-\d{3})\]\(([a-z]+)/\1\.md\) \| (.+?) \| (.+?) \| (.+?) \| (.+?) \|$",
                      readme, re.M)
    listed = {r[0]: r for r in rows}
    for c in cases:
        r = listed.get(c["code"])
        if r is None:
            errors.append(f"README.md: 案例清单缺少 {c['code']}")
        elif (r[1], r[2], r[3], r[4], r[5]) != (c["dir"], c["title"], c["domain"], c["caseType"], c["orgLevel"]):
            errors.append(f"README.md: {c['code']} 一行与文件不一致")
    for code in set(listed) - {c["code"] for c in cases}:
        errors.append(f"README.md: 案例清单中的 {code} 没有文件")
    if len(rows) != len(listed):
        errors.append("README.md: 案例清单有重复行")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--law-dir", default=None, help="法律文本目录，默认为检出目录旁的 ../shared/law")
    args = ap.parse_args()
    registry = lawregistry.load_registry()
    texts = lawregistry.texts(registry, lawregistry.law_dir(args.law_dir))
    errors, cases = [], []
    knowledge = lawregistry.load_knowledge(registry, texts, errors)
    for path in sorted(CASES.glob("*/*.md")):
        c = check_case(path, registry, texts, errors, knowledge)
        if c:
            cases.append(c)
    codes = collections.Counter(c["code"] for c in cases)
    for code, n in codes.items():
        if n > 1:
            errors.append(f"{code}: 编号重复")
    check_readme(cases, errors)
    print(f"案例 {len(cases)} 件，{len({c['domain'] for c in cases})} 个领域")
    for e in errors:
        print("错误：" + e)
    if errors:
        sys.exit(1)
    print("校验通过")


if __name__ == "__main__":
    main()
