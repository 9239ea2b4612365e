#!/usr/bin/env python3
"""校验 courses/ 下的课程包格式与法条引用。

用法：python3 courses/tools/validate.py [--law-dir ../shared/law] [--list-citations]
（法律文本目录默认为检出目录旁的 ../shared/law；找不到时说明原因并以状态 2 退出）

检查内容：
- 每个 course.yaml 可解析，字段、取值范围合法，列出的课时文件存在，最后一课为 check；
- 每个课时的 front matter 可解析，type 合法，video/case/check 的附加字段正确；
- check 题目：题型、选项、答案一致；
- article 课时正文汉字数在 500–1200 之间，正文不含 HTML 标签；
- 正文、题干、选项、解析中引用的法律法规条文（第X条、第X款、第（X）项）在 law 目录的原文中真实存在：
  法律登记表 courses/laws.yaml 中有文本（file）的法律都核对。引用归属于其前面最近提到的法律名称；
  出现其他法规名称（如《某省市容条例》）后，其后的条文号不做校验，直到再次出现登记表中的法律；
- 引用已废止的法律（登记表 repealed）的，所在段落须写明承接法律（replacedBy）的名称，
  说明该条只适用于废止以前的行为，并给出承接法律的对应条文。
"""
import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("需要 PyYAML：apt-get install python3-yaml 或 pip install pyyaml")
import lawregistry  # noqa: E402

COURSES = Path(__file__).resolve().parent.parent
CATEGORIES = {"通用", "综合行政执法", "市场监管", "生态环境", "交通运输", "文化市场",
              "农业农村", "应急管理", "卫生健康", "自然资源"}
GRADES = {"新任", "在岗", "骨干", "领导"}
LEVELS = {"市", "区县", "镇街"}
TYPES = {"article", "video", "case", "check"}
KNOWN_CASES = {"SJ-2025-001"}
SKIP_DIRS = {"question-bank", "tools"}
REGISTRY = lawregistry.load_registry()
# laws whose text is kept: their citations are checked; longer names first so that a bare name matches whole
LAWS = sorted((n for n, e in REGISTRY.items() if e.get("file")), key=len, reverse=True)

NUM = lawregistry.NUM
cn2int = lawregistry.cn2int


TOKEN = re.compile(
    r"《(?P<book>[^》]+)》"
    r"|(?P<bare>" + "|".join(LAWS) + r")"
    r"|第(?P<art>" + NUM + r")条(?:第(?P<para>" + NUM + r")款)?(?:第[（(](?P<item>" + NUM + r")[）)]项)?"
)


def law_of(name):
    e = lawregistry.find(REGISTRY, name)
    return e["name"] if e and e["name"] in LAWS else None


def check_repealed(text, where, errors):
    """A repealed law cited with an article: the same paragraph must name its successor."""
    for para in re.split(r"\n\s*\n", text):
        for m in TOKEN.finditer(para):
            name = law_of(m.group("book")) if m.group("book") else m.group("bare")
            if not name or not REGISTRY[name].get("repealed"):
                continue
            e = REGISTRY[name]
            if not re.search("第" + NUM + "条", para[m.end():m.end() + 40]):
                continue  # named, not cited
            succ = REGISTRY[e["replacedBy"]]
            if succ["name"] not in para:
                errors.append(f"{where}: 引用已于 {e['repealed']} 废止的《{name}》，同一段落须说明只适用于废止以前的行为，"
                              f"并给出《{succ['name']}》的对应条文")


def check_citations(text, laws, where, errors, cites):
    current = None
    for m in TOKEN.finditer(text):
        if m.group("book"):
            current = law_of(m.group("book"))
            continue
        if m.group("bare"):
            current = m.group("bare")
            continue
        art = cn2int(m.group("art"))
        ref = m.group(0)
        if current is None:
            cites.append((where, "（未归属）", ref))
            continue
        cites.append((where, current, ref))
        arts = laws[current]
        if art not in arts:
            errors.append(f"{where}: 《{current}》没有{ref}")
            continue
        paras = arts[art]
        p = cn2int(m.group("para")) if m.group("para") else None
        if p is not None and p > len(paras):
            errors.append(f"{where}: 《{current}》第{art}条只有{len(paras)}款，引用为{ref}")
            continue
        if m.group("item"):
            it = cn2int(m.group("item"))
            items = paras[(p or 1) - 1]["items"]
            if it not in items:
                errors.append(f"{where}: 《{current}》{ref}：该款没有第{it}项")


def split_front_matter(text, where, errors):
    if not text.startswith("---\n"):
        errors.append(f"{where}: 文件应以 --- 开头")
        return None, ""
    end = text.find("\n---\n", 4)
    if end < 0:
        errors.append(f"{where}: front matter 没有结束的 ---")
        return None, ""
    try:
        fm = yaml.safe_load(text[4:end])
    except yaml.YAMLError as e:
        errors.append(f"{where}: front matter 解析失败：{e}")
        return None, ""
    return fm, text[end + 5:]


def check_question(q, i, where, errors):
    w = f"{where} 第{i}题"
    if not isinstance(q, dict):
        errors.append(f"{w}: 不是映射")
        return
    qt = q.get("type")
    if qt not in ("single", "multiple", "judge"):
        errors.append(f"{w}: type 非法：{qt!r}")
        return
    allowed = {"type", "stem", "options", "answer", "explanation"}
    extra = set(q) - allowed
    if extra:
        errors.append(f"{w}: 多余字段 {sorted(extra)}")
    if not isinstance(q.get("stem"), str) or not q["stem"].strip():
        errors.append(f"{w}: 缺少 stem")
    if not isinstance(q.get("explanation"), str) or "第" not in q.get("explanation", ""):
        errors.append(f"{w}: explanation 缺失或未引用条文")
    ans = q.get("answer")
    if qt == "judge":
        if "options" in q:
            errors.append(f"{w}: 判断题不应有 options")
        if not isinstance(ans, bool):
            errors.append(f"{w}: 判断题答案应为 true/false")
        return
    opts = q.get("options")
    if not isinstance(opts, list) or not 2 <= len(opts) <= 6 or not all(isinstance(o, str) and o for o in opts):
        errors.append(f"{w}: options 应为 2–6 个非空字符串，实际 {opts!r}")
        return
    if len(set(opts)) != len(opts):
        errors.append(f"{w}: 选项重复")
    letters = [chr(ord("A") + k) for k in range(len(opts))]
    if qt == "single":
        if not isinstance(ans, str) or ans not in letters:
            errors.append(f"{w}: 单选答案 {ans!r} 不在 {letters}")
    else:
        if (not isinstance(ans, list) or len(ans) < 2 or len(set(ans)) != len(ans)
                or not all(a in letters for a in ans)):
            errors.append(f"{w}: 多选答案 {ans!r} 应为至少两个不重复的选项字母")
        elif ans != sorted(ans):
            errors.append(f"{w}: 多选答案请按字母顺序排列")


def check_readme(codes, errors):
    """courses/README.md lists every course once, with its title, category, lesson count and hours."""
    readme = (COURSES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z][A-Z0-9-]+) \| (.+?) \| (.+?) \| (\d+) \| ([\d.]+) \|$", readme, re.M)
    listed = {}
    for code, title, category, n, hours in rows:
        if code in listed:
            errors.append(f"README.md: 课程列表中 {code} 重复")
        listed[code] = (title, category, int(n), float(hours))
    for code, c in codes.items():
        if code not in listed:
            errors.append(f"README.md: 课程列表缺少 {code}")
            continue
        title, category, n, hours = listed[code]
        if category != c.get("category") or n != len(c.get("lessons") or []) or hours != float(c.get("hours") or 0):
            errors.append(f"README.md: {code} 一行（{category}，{n} 课时，{hours} 学时）与 course.yaml 不一致"
                          f"（{c.get('category')}，{len(c.get('lessons') or [])} 课时，{c.get('hours')} 学时）")
    for code in set(listed) - set(codes):
        errors.append(f"README.md: 课程列表中的 {code} 没有课程目录")
    m = re.search(r"共 (\d+) 门课程", readme)
    if not m or int(m.group(1)) != len(codes):
        errors.append(f"README.md: 应写明“共 {len(codes)} 门课程”")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--law-dir", default=None, help="法律文本目录，默认为检出目录旁的 ../shared/law")
    ap.add_argument("--list-citations", action="store_true")
    args = ap.parse_args()

    law_folder = lawregistry.law_dir(args.law_dir)
    laws = lawregistry.texts({n: REGISTRY[n] for n in LAWS}, law_folder)
    errors, warnings, cites = [], [], []
    knowledge = lawregistry.load_knowledge(REGISTRY, lawregistry.texts(REGISTRY, law_folder), errors)
    codes = {}

    course_dirs = sorted(d for d in COURSES.iterdir()
                         if d.is_dir() and d.name not in SKIP_DIRS and (d / "course.yaml").exists())
    for d in course_dirs:
        where = f"{d.name}/course.yaml"
        try:
            c = yaml.safe_load((d / "course.yaml").read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            errors.append(f"{where}: 解析失败：{e}")
            continue
        keys = {"code", "title", "summary", "category", "grades", "levels", "hours", "prerequisites", "lessons"}
        if set(c) != keys:
            errors.append(f"{where}: 字段应为 {sorted(keys)}，实际 {sorted(c)}")
        code = c.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z0-9-]+", code):
            errors.append(f"{where}: code 非法：{code!r}")
        elif code != d.name:
            errors.append(f"{where}: code {code} 与目录名不一致")
        if code in codes:
            errors.append(f"{where}: code 重复")
        codes[code] = c
        if c.get("category") not in CATEGORIES:
            errors.append(f"{where}: category 非法：{c.get('category')!r}")
        for k, allowed in (("grades", GRADES), ("levels", LEVELS)):
            v = c.get(k)
            if not isinstance(v, list) or not v or not set(v) <= allowed:
                errors.append(f"{where}: {k} 非法：{v!r}")
        h = c.get("hours")
        if not isinstance(h, (int, float)) or h <= 0 or (h * 2) != int(h * 2):
            errors.append(f"{where}: hours 应为 0.5 的正整数倍：{h!r}")
        lessons = c.get("lessons") or []
        if not 3 <= len(lessons) <= 6:
            errors.append(f"{where}: 课时数 {len(lessons)} 不在 3–6 之间")
        on_disk = sorted(p.name for p in d.glob("*.md"))
        if sorted(lessons) != on_disk:
            warnings.append(f"{where}: lessons 与目录中的 .md 文件不一致：{sorted(set(on_disk) ^ set(lessons))}")
        total_min = 0
        types = []
        for name in lessons:
            lw = f"{d.name}/{name}"
            if not re.fullmatch(r"\d{2}-[a-z0-9-]+\.md", name):
                errors.append(f"{lw}: 文件名应为 <nn>-<slug>.md")
            p = d / name
            if not p.exists():
                errors.append(f"{lw}: 文件不存在")
                continue
            fm, body = split_front_matter(p.read_text(encoding="utf-8"), lw, errors)
            if fm is None:
                continue
            t = fm.get("type")
            types.append(t)
            base = {"title", "type", "duration", "required"}
            extra_by_type = {"article": set(), "video": {"video"}, "case": {"case"},
                             "check": {"passScore", "questions"}}
            if t not in TYPES:
                errors.append(f"{lw}: type 非法：{t!r}")
                continue
            lawregistry.check_knowledge_tags(fm.get("knowledge"), knowledge, lw, errors)
            if set(fm) - {"knowledge", "source"} != base | extra_by_type[t]:
                errors.append(f"{lw}: front matter 字段应为 {sorted(base | extra_by_type[t])}，实际 {sorted(fm)}")
            if not isinstance(fm.get("title"), str) or not fm["title"].strip():
                errors.append(f"{lw}: 缺少 title")
            if not isinstance(fm.get("duration"), int) or fm["duration"] <= 0:
                errors.append(f"{lw}: duration 应为正整数（分钟）")
            else:
                total_min += fm["duration"]
            if not isinstance(fm.get("required"), bool):
                errors.append(f"{lw}: required 应为 true/false")
            if re.search(r"</?[A-Za-z][^>]*>", body):
                errors.append(f"{lw}: 正文含 HTML 标签")
            if t == "article":
                n = len(re.findall(r"[\u4e00-\u9fff]", body))
                if not 500 <= n <= 1200:
                    errors.append(f"{lw}: 正文汉字 {n} 个，不在 500–1200 之间")
            if fm.get("source") is not None and (t != "video" or not (d / str(fm["source"])).exists()):
                errors.append(f"{lw}: source 只用于视频课时，且应为本课程中的课时文件名（make_video.py 据此生成视频）")
            if t == "video":
                v = fm.get("video", "")
                if not (isinstance(v, str) and v.startswith("media/") and v.endswith(".mp4")):
                    errors.append(f"{lw}: video 应为 media/<file>.mp4")
                elif not (d / v).exists():
                    errors.append(f"{lw}: 视频文件不存在：{v}")
                elif not (d / v).with_suffix(".vtt").exists():
                    warnings.append(f"{lw}: 缺少字幕 {Path(v).with_suffix('.vtt')}")
            if t == "case" and fm.get("case") not in KNOWN_CASES:
                errors.append(f"{lw}: case 代码 {fm.get('case')!r} 不在已知案例中")
            texts = [body]
            if t == "check":
                ps = fm.get("passScore")
                if not isinstance(ps, int) or not 0 < ps <= 100:
                    errors.append(f"{lw}: passScore 非法")
                qs = fm.get("questions")
                if not isinstance(qs, list) or not 3 <= len(qs) <= 5:
                    errors.append(f"{lw}: questions 应为 3–5 题")
                    qs = []
                for i, q in enumerate(qs, 1):
                    check_question(q, i, lw, errors)
                    if isinstance(q, dict):
                        texts += [str(q.get("stem", ""))] + [str(o) for o in q.get("options") or []] + [str(q.get("explanation", ""))]
            for k, txt in enumerate(texts):
                check_citations(txt, laws, lw if k == 0 else f"{lw}#q", errors, cites)
                check_repealed(txt, lw if k == 0 else f"{lw}#q", errors)
        if types and types[-1] != "check":
            errors.append(f"{where}: 最后一课应为 check")
        if types.count("check") != 1:
            errors.append(f"{where}: 应有且只有一个 check 课时")
        if isinstance(h, (int, float)) and total_min:
            expect = max(0.5, round(total_min / 45 * 2) / 2)
            if abs(expect - h) > 0.5:
                warnings.append(f"{where}: 共 {total_min} 分钟，学时 {h} 与估算 {expect} 相差较大")

    for code, c in codes.items():
        for pre in c.get("prerequisites") or []:
            if pre not in codes:
                errors.append(f"{code}: 先修课程 {pre} 不存在")

    check_readme(codes, errors)

    if args.list_citations:
        for w, law, ref in cites:
            print(f"  {w}\t{law}\t{ref}")
    unresolved = [c for c in cites if c[1] == "（未归属）"]
    for w, _, ref in unresolved:
        warnings.append(f"{w}: 条文引用 {ref} 前未出现法律名称，未校验")
    print(f"课程 {len(codes)} 门，法条引用 {len(cites)} 处（已校验 {len(cites) - len(unresolved)} 处）")
    for w in warnings:
        print("警告：" + w)
    for e in errors:
        print("错误：" + e)
    if errors:
        sys.exit(1)
    print("校验通过")


if __name__ == "__main__":
    main()
