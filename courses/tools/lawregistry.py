"""法律登记表（courses/laws.yaml）和法律文本目录，供三个校验脚本共用。

法律文本目录默认为检出目录旁的 ../shared/law（本仓库开发和 CI 环境的布局），可以用参数指定。
找不到时脚本说明原因并以状态 2 退出：没有法律文本，就无法核对条号是否存在。
"""
import datetime
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent.parent
REGISTRY = REPO / "courses" / "laws.yaml"
DEFAULT_LAW_DIR = REPO.parent / "shared" / "law"

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
NUM = "[零〇一二三四五六七八九十百千]+"


def cn2int(s):
    total, cur = 0, 0
    for ch in s:
        if ch in DIGITS:
            cur = DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "千":
            total += (cur or 1) * 1000
            cur = 0
    return total + cur


def law_dir(arg):
    """The statute folder: the argument, else ../shared/law beside the checkout; exits 2 when missing."""
    p = Path(arg) if arg else DEFAULT_LAW_DIR
    if not p.is_dir():
        sys.stderr.write(
            "找不到法律文本目录：%s\n"
            "请用参数指定（例如 --law-dir ../shared/law）。本仓库的开发和 CI 环境中，法律文本在检出目录旁的 ../shared/law。\n"
            "没有法律文本时无法核对条号和答案，校验不能进行。\n" % p)
        sys.exit(2)
    return p


def _date(v):
    if v is None or isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v))


def load_registry(path=REGISTRY):
    """{简称: entry}；entry 含 name、fullName、file（可无）、inForce、repealed、replacedBy。"""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for e in data["laws"]:
        e = dict(e)
        e["inForce"] = _date(e.get("inForce"))
        e["repealed"] = _date(e.get("repealed"))
        if e["name"] in out:
            raise ValueError("laws.yaml: %s 重复" % e["name"])
        out[e["name"]] = e
    for e in out.values():
        if e.get("replacedBy") and e["replacedBy"] not in out:
            raise ValueError("laws.yaml: %s 的 replacedBy %s 不在登记表中" % (e["name"], e["replacedBy"]))
        if e.get("repealed") and not e.get("replacedBy"):
            raise ValueError("laws.yaml: 已废止的 %s 缺少 replacedBy" % e["name"])
    return out


def find(registry, spelling):
    """By short or full name, with or without 《》 and 中华人民共和国."""
    s = (spelling or "").strip().strip("《》")
    if s in registry:
        return registry[s]
    for e in registry.values():
        if e["fullName"] == s or e["fullName"].replace("中华人民共和国", "") == s:
            return e
    return None


def load_articles(path):
    """{条号: [款, ...]}，每款为 {"text": str, "items": [项号...]}。"""
    arts = {}
    cur = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("<!--") or line.startswith("#"):
            if line.startswith("#"):
                cur = None
            continue
        m = re.match(r"^第(" + NUM + r")条\s*(.*)$", line)
        if m:
            cur = cn2int(m.group(1))
            arts[cur] = [{"text": m.group(2), "items": []}]
            continue
        if cur is None:
            continue
        im = re.match(r"^[（(](" + NUM + r")[）)]", line)
        if im:
            arts[cur][-1]["items"].append(cn2int(im.group(1)))
        else:
            arts[cur].append({"text": line, "items": []})
    return arts


def texts(registry, folder):
    """{简称: 条文} for every registered law that has a file."""
    out = {}
    for name, e in registry.items():
        if e.get("file"):
            f = Path(folder) / e["file"]
            if not f.exists():
                sys.stderr.write("法律文本目录 %s 中缺少 %s（laws.yaml 登记了它）\n" % (folder, e["file"]))
                sys.exit(2)
            out[name] = load_articles(f)
    return out


def repeal_problem(entry, conduct_date):
    """None when the law may be cited for conduct on conduct_date; otherwise why not (Chinese)."""
    rep = entry.get("repealed")
    if not rep:
        return None
    if conduct_date is None:
        return "《%s》已于 %s 废止（由《%s》承接），引用时须写明行为发生日期（早于废止日期）" % (
            entry["name"], rep, entry["replacedBy"])
    if _date(conduct_date) >= rep:
        return "《%s》已于 %s 废止，%s 的行为应当适用《%s》" % (entry["name"], rep, conduct_date, entry["replacedBy"])
    return None


# ---------- 知识点（courses/knowledge-points.yaml）----------
KNOWLEDGE = REPO / "courses" / "knowledge-points.yaml"
KP_CODE = re.compile(r"KP-[A-Z0-9]+(-[A-Z0-9]+)*")
KP_ARTICLE = re.compile(r"(.+?)第([0-9]+)条")


def load_knowledge(registry, texts_by_law, errors):
    """知识点代码集合；表本身的问题（代码、上级、依据条文是否在法律文本中）写入 errors。"""
    where = "courses/knowledge-points.yaml"
    try:
        data = yaml.safe_load(KNOWLEDGE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        errors.append("%s: 无法读取：%s" % (where, e))
        return set()
    if not isinstance(data, dict) or not isinstance(data.get("version"), int) or data["version"] < 1:
        errors.append("%s: 应有正整数 version" % where)
    codes, parents = set(), {}
    for p in (data or {}).get("points") or []:
        code = p.get("code") if isinstance(p, dict) else None
        if not isinstance(code, str) or not KP_CODE.fullmatch(code):
            errors.append("%s: 知识点代码 %r 不合格式" % (where, code))
            continue
        if code in codes:
            errors.append("%s: 知识点代码 %s 重复" % (where, code))
        codes.add(code)
        if p.get("kind") not in ("stage", "topic"):
            errors.append("%s: %s 的 kind 应为 stage 或 topic" % (where, code))
        if p.get("parent"):
            parents[code] = p["parent"]
        arts = p.get("articles") or []
        if not arts:
            errors.append("%s: %s 缺少依据条文 articles" % (where, code))
        for ref in arts:
            m = KP_ARTICLE.fullmatch(str(ref))
            e = find(registry, m.group(1)) if m else None
            if not m or not e:
                errors.append("%s: %s 的依据 %s 应写作“登记表中的法律简称第N条”" % (where, code, ref))
            elif e.get("repealed"):
                errors.append("%s: %s 的依据 %s 已废止" % (where, code, ref))
            elif e["name"] in texts_by_law and int(m.group(2)) not in texts_by_law[e["name"]]:
                errors.append("%s: %s 的依据 %s 在法律文本中不存在" % (where, code, ref))
    for code, parent in parents.items():
        if parent not in codes:
            errors.append("%s: %s 的上级 %s 不存在" % (where, code, parent))
        seen, c = set(), code
        while c in parents and c not in seen:
            seen.add(c)
            c = parents[c]
        if c in seen:
            errors.append("%s: %s 的上级形成循环" % (where, code))
    return codes


def check_knowledge_tags(value, known, where, errors, required=True):
    """knowledge 字段：知识点代码列表，每个都在知识点表中。"""
    if value is None:
        if required:
            errors.append("%s: 缺少知识点标签 knowledge（见 courses/knowledge-points.yaml）" % where)
        return []
    if not isinstance(value, list) or not value:
        errors.append("%s: knowledge 应为知识点代码列表，如 [KP-LIAN]" % where)
        return []
    for k in value:
        if k not in known:
            errors.append("%s: 未知的知识点 %r（见 courses/knowledge-points.yaml）" % (where, k))
    return [k for k in value if k in known]
