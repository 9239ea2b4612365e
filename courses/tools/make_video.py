#!/usr/bin/env python3
"""由课时正文生成微视频（幻灯片 + 普通话合成旁白 + WebVTT 字幕），可重复运行。

用法：
  python3 courses/tools/make_video.py <课程目录>/<图文课时>.md <课程目录>/<视频课时>.md
    读取图文课时：每个“## 标题”一节做一张幻灯片（标题 + 要点），该节正文作为旁白；
    生成视频课时文件（front matter 的 video 指向 media/<名称>.mp4，正文为视频文稿），
    以及 media/<名称>.mp4 和同名 .vtt 字幕。视频课时文件已存在时只更新视频和字幕，保留其 front matter。
  python3 courses/tools/make_video.py --all
    重新生成 courses/*/ 中每个带 source 字段的视频课时（source 为所依据的图文课时文件名）。

依赖（Debian）：apt-get install -y ffmpeg espeak-ng fonts-wqy-microhei；PyYAML。
旁白控制在约 2–5 分钟：正文过长时每节按句截取。画面 640x360、10 帧/秒，H.264 + AAC 单声道，文件约 1–2 MB。
"""
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent.parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SPEED = 210          # espeak-ng 语速
GAP = 0.3            # 句间停顿（秒）
TAIL = 0.8           # 每张幻灯片最后一句后的停留（秒）
MAX_CHARS = 700      # 旁白最多汉字数（约 3.5 分钟）
MIN_CHARS = 420      # 旁白至少汉字数（约 2 分钟）
WRAP = 24            # 幻灯片每行字数


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def duration(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         check=True, capture_output=True, text=True).stdout.strip()
    return float(out)


def split_front_matter(text):
    parts = text.split("---", 2)
    return yaml.safe_load(parts[1]), parts[2]


def plain(md):
    """Markdown 行 → 朗读用的纯文本。"""
    t = re.sub(r"\*\*|__|`", "", md)
    t = re.sub(r"^\s*(?:[-*>]|\d+\.)\s*", "", t)
    t = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", t)
    return t.strip()


def sentences(text):
    return [s for s in re.findall(r"[^。！？；]+[。！？；]?", text) if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 2]


def chinese_len(s):
    return len(re.findall(r"[\u4e00-\u9fff]", s))


def sections(body):
    """[(标题, [要点], [旁白句])]：每个二级标题一节。"""
    out = []
    title, points, narr = None, [], []
    for line in body.splitlines():
        if line.startswith("## "):
            if title:
                out.append((title, points, narr))
            title, points, narr = line[3:].strip(), [], []
            continue
        if title is None or not line.strip() or line.startswith("#"):
            continue
        text = plain(line)
        if re.match(r"^\s*(?:[-*]|\d+\.)\s+", line) and len(points) < 5:
            points.append(text)
        narr += sentences(text)
    if title:
        out.append((title, points, narr))
    return out


def trim(secs):
    """旁白总字数不超过 MAX_CHARS：每节按比例保留开头的句子。"""
    total = sum(chinese_len(s) for _, _, n in secs for s in n)
    if total <= MAX_CHARS:
        return secs, total
    ratio = MAX_CHARS / total
    out, kept = [], 0
    for t, p, n in secs:
        budget = sum(chinese_len(s) for s in n) * ratio
        keep, used = [], 0
        for s in n:
            if keep and used + chinese_len(s) > budget:
                break
            keep.append(s)
            used += chinese_len(s)
        out.append((t, p, keep))
        kept += used
    return out, kept


def wrap(text, width=WRAP, lines=2):
    out, cur = [], ""
    for ch in text:
        cur += ch
        if len(cur) >= width:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:-1] + "…"
    return out


def ts(t):
    ms = int(round(t * 1000))
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def render(course_title, secs, mp4, vtt, work):
    """旁白逐句合成（espeak-ng 输出 22050 Hz 单声道 WAV），在 Python 中拼接并补静音，最后一次编码。"""
    cues, slide_times, t = [], [], 0.0
    frames, params = [], None
    for i, (title, points, narr) in enumerate(secs):
        start = t
        lines = [title] + narr if i == 0 else narr
        for j, s in enumerate(lines):
            raw = work / ("r%d_%d.wav" % (i, j))
            run(["espeak-ng", "-v", "cmn", "-s", str(SPEED), "-w", str(raw), s])
            with wave.open(str(raw)) as w:
                params = params or w.getparams()
                data = w.readframes(w.getnframes())
                rate, width = w.getframerate(), w.getsampwidth() * w.getnchannels()
            speech = len(data) / width / rate
            pad = TAIL if j == len(lines) - 1 else GAP
            frames.append(data + b"\0" * (int(pad * rate) * width))
            cues.append((t, t + speech, s))
            t += speech + int(pad * rate) / rate
        slide_times.append((start, t))
    with wave.open(str(work / "voice.wav"), "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
    total = t
    f = ["drawbox=x=0:y=0:w=iw:h=56:color=0x14365c@1:t=fill",
         "drawtext=fontfile=%s:textfile=%s:fontsize=20:fontcolor=0xdfe8f2:x=24:y=18" % (FONT, txt(work, "brand", "执法学堂 · 微课 · " + course_title))]
    for i, ((title, points, narr), (a, b)) in enumerate(zip(secs, slide_times)):
        en = "between(t,%.3f,%.3f)" % (a, b)
        body = []
        for p in (points or narr[:3]):
            body += wrap(("· " if points else "") + p)
        body = body[:7]
        f.append("drawtext=fontfile=%s:textfile=%s:fontsize=28:fontcolor=0xffe08a:x=32:y=76:enable='%s'"
                 % (FONT, txt(work, "t%d" % i, "\n".join(wrap(title, 20, 1))), en))
        f.append("drawtext=fontfile=%s:textfile=%s:fontsize=19:fontcolor=white:line_spacing=11:x=32:y=128:enable='%s'"
                 % (FONT, txt(work, "b%d" % i, "\n".join(body)), en))
        f.append("drawtext=fontfile=%s:text='%d / %d':fontsize=14:fontcolor=0xa9bcd0:x=w-70:y=h-28:enable='%s'"
                 % (FONT, i + 1, len(secs), en))
    run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x1f4e79:s=640x360:r=10:d=%.3f" % total,
         "-i", str(work / "voice.wav"), "-vf", ",".join(f),
         "-c:v", "libx264", "-profile:v", "main", "-level", "3.0", "-pix_fmt", "yuv420p", "-preset", "medium",
         "-tune", "stillimage", "-crf", "30", "-g", "300", "-c:a", "aac", "-b:a", "32k", "-ar", "22050", "-ac", "1",
         "-t", "%.3f" % total, "-movflags", "+faststart", str(mp4)])
    vtt.write_text("WEBVTT\n\n" + "".join("%d\n%s --> %s\n%s\n\n" % (k + 1, ts(a), ts(b), s)
                                          for k, (a, b, s) in enumerate(cues)), encoding="utf-8")
    return total


def txt(work, name, text):
    p = work / (name + ".txt")
    p.write_text(text, encoding="utf-8")
    return str(p)


def transcript(secs):
    out = ["## 视频文稿", ""]
    for i, (title, points, narr) in enumerate(secs, 1):
        out.append("**第%d屏　%s**" % (i, title))
        out.append("")
        if points:
            out += ["- " + p for p in points]
            out.append("")
        out.append("".join(narr))
        out.append("")
    return "\n".join(out)


def make(article, lesson):
    article, lesson = Path(article).resolve(), Path(lesson).resolve()
    course_dir = article.parent
    course = yaml.safe_load((course_dir / "course.yaml").read_text(encoding="utf-8"))
    afm, abody = split_front_matter(article.read_text(encoding="utf-8"))
    secs, n = trim(sections(abody))
    if n < MIN_CHARS:
        sys.exit("%s：可朗读的正文只有 %d 字，不足约 2 分钟" % (article, n))
    name = lesson.stem.split("-", 1)[1] if "-" in lesson.stem else lesson.stem
    media = course_dir / "media"
    media.mkdir(exist_ok=True)
    mp4, vtt = media / (name + ".mp4"), media / (name + ".vtt")
    work = Path(tempfile.mkdtemp())
    try:
        total = render(course["title"], secs, mp4, vtt, work)
    finally:
        shutil.rmtree(work)
    if lesson.exists():
        fm, _ = split_front_matter(lesson.read_text(encoding="utf-8"))
    else:
        fm = {"title": "微视频：" + afm["title"], "type": "video", "required": False,
              "knowledge": afm.get("knowledge") or []}
    fm["duration"] = max(1, math.ceil(total / 60))
    fm["video"] = "media/%s.mp4" % name
    fm["source"] = article.name
    order = ["title", "type", "duration", "required", "video", "source", "knowledge"]
    head = "\n".join("%s: %s" % (k, yaml.safe_dump(fm[k], allow_unicode=True, default_flow_style=True).strip().removesuffix("\n...").removesuffix("...").strip())
                     for k in order if k in fm)
    intro = "本视频由课时《%s》的正文生成（courses/tools/make_video.py），约 %d 分 %02d 秒，附中文字幕。" % (
        afm["title"], int(total) // 60, int(total) % 60)
    lesson.write_text("---\n%s\n---\n%s\n\n%s" % (head, intro, transcript(secs)), encoding="utf-8")
    print("%s：%.1f 秒，%d 字，%s（%d KB）" % (lesson.relative_to(REPO), total, n, mp4.relative_to(REPO),
                                        mp4.stat().st_size // 1024))


def main():
    for cmd in ("ffmpeg", "ffprobe", "espeak-ng"):
        if not shutil.which(cmd):
            sys.exit("缺少命令：%s（apt-get install -y ffmpeg espeak-ng fonts-wqy-microhei）" % cmd)
    if not os.path.exists(FONT):
        sys.exit("缺少字体：%s（fonts-wqy-microhei）" % FONT)
    if sys.argv[1:] == ["--all"]:
        for lesson in sorted((REPO / "courses").glob("*/*.md")):
            text = lesson.read_text(encoding="utf-8")
            if text.startswith("---"):
                fm, _ = split_front_matter(text)
                if isinstance(fm, dict) and fm.get("type") == "video" and fm.get("source"):
                    make(lesson.parent / fm["source"], lesson)
        return
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    make(sys.argv[1], sys.argv[2])


if __name__ == "__main__":
    main()
