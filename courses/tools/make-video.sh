#!/usr/bin/env bash
# 生成微课视频《一分钟看懂首违不罚》及其 WebVTT 字幕。
#
# 依赖（Debian）：
#   apt-get install -y -o DPkg::Lock::Timeout=600 ffmpeg espeak-ng fonts-wqy-microhei
#
# 用法：
#   courses/tools/make-video.sh [输出目录]
# 默认输出到 courses/TY-RXZF/media/，生成 shouwei-bufa.mp4 和 shouwei-bufa.vtt。
#
# 做法：每张幻灯片的旁白按句用 espeak-ng（普通话 cmn）合成，
# 逐句量出时长，据此排出字幕时间轴和幻灯片切换时间；
# 画面是纯色底 + drawtext 文字，一次编码为 640x360 H.264 Main + AAC，faststart。
#
# 各课程的 2–5 分钟微视频由课时正文生成：
#   courses/tools/make-video.sh --lessons
# 即 python3 courses/tools/make_video.py --all：重新生成每个带 source 字段的视频课时
# （幻灯片取自所依据图文课时的各节标题和要点，旁白为该节正文，附 WebVTT 字幕）。
set -euo pipefail

if [ "${1:-}" = "--lessons" ]; then
  exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/make_video.py" --all
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${1:-$HERE/../TY-RXZF/media}"
NAME="shouwei-bufa"
FONT="/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SPEED=200          # espeak-ng 语速（词/分钟）
GAP=0.35           # 句间停顿（秒）
TAIL=0.7           # 每张幻灯片最后一句后的停留（秒）

for cmd in ffmpeg ffprobe espeak-ng awk; do
  command -v "$cmd" >/dev/null || { echo "缺少命令：$cmd" >&2; exit 1; }
done
[ -f "$FONT" ] || { echo "缺少字体：$FONT（fonts-wqy-microhei）" >&2; exit 1; }

mkdir -p "$OUT_DIR"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---------- 幻灯片内容 ----------
# TITLE[i]：标题；BODY[i]：正文（\n 换行）；NARR[i]：旁白，句与句之间用 | 分隔。
TITLE=(
  "柔性执法与首违不罚"
  "第三十三条：三种不罚"
  "现场怎么做"
  "不罚不等于不管"
)
BODY=(
  "一分钟看懂\n《中华人民共和国行政处罚法》第三十三条"
  "1. 违法行为轻微、及时改正、没有危害后果：不予处罚\n2. 初次违法、危害后果轻微、及时改正：可以不予处罚\n3. 有证据足以证明没有主观过错：不予处罚"
  "1. 两名执法人员，出示执法证件\n2. 查明事实，固定证据，全程记录\n3. 核实是否初次违法、后果是否轻微\n4. 责令改正，并确认已经改正"
  "不予处罚的，应当对当事人进行教育\n作出不予行政处罚决定，文书归档\n同类情形，同样对待"
)
NARR=(
  "欢迎学习执法学堂微课：一分钟看懂首违不罚。"
  "行政处罚法第三十三条，规定了三种不罚。|违法行为轻微、及时改正、没有危害后果的，不予处罚。|初次违法、后果轻微、及时改正的，可以不予处罚。|能证明没有主观过错的，不予处罚。"
  "现场要查明事实，固定证据。|核实是否初次违法，后果是否轻微。|责令改正，并确认改正到位。"
  "不罚不等于不管。|不予处罚的，应当对当事人进行教育。"
)

# ---------- 1. 逐句合成语音，排时间轴 ----------
: > "$WORK/list.txt"
VTT="$WORK/$NAME.vtt"
printf 'WEBVTT\n\n' > "$VTT"

fmt_ts() {  # 秒 -> HH:MM:SS.mmm
  awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); h = int(ms / 3600000); ms -= h * 3600000;
    m = int(ms / 60000); ms -= m * 60000; s = int(ms / 1000); ms -= s * 1000;
    printf "%02d:%02d:%02d.%03d", h, m, s, ms }'
}
dur_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

t=0
cue=0
SLIDE_START=()
SLIDE_END=()
for i in "${!TITLE[@]}"; do
  SLIDE_START[$i]=$t
  IFS='|' read -r -a sentences <<< "${NARR[$i]}"
  n=${#sentences[@]}
  for j in "${!sentences[@]}"; do
    s="${sentences[$j]}"
    raw="$WORK/raw_${i}_${j}.wav"
    seg="$WORK/seg_${i}_${j}.wav"
    espeak-ng -v cmn -s "$SPEED" -w "$raw" "$s"
    speech=$(dur_of "$raw")
    pause=$GAP
    [ "$j" -eq $((n - 1)) ] && pause=$TAIL
    # 统一为 22050 Hz 单声道 PCM，并在句末补静音
    ffmpeg -v error -y -i "$raw" -af "apad=pad_dur=${pause}" -ar 22050 -ac 1 -c:a pcm_s16le "$seg"
    total=$(dur_of "$seg")
    cue=$((cue + 1))
    end=$(awk -v a="$t" -v b="$speech" 'BEGIN { printf "%.3f", a + b }')
    printf '%d\n%s --> %s\n%s\n\n' "$cue" "$(fmt_ts "$t")" "$(fmt_ts "$end")" "$s" >> "$VTT"
    echo "file '$seg'" >> "$WORK/list.txt"
    t=$(awk -v a="$t" -v b="$total" 'BEGIN { printf "%.3f", a + b }')
  done
  SLIDE_END[$i]=$t
done
TOTAL=$t
echo "旁白总时长：${TOTAL} 秒"

ffmpeg -v error -y -f concat -safe 0 -i "$WORK/list.txt" -c:a pcm_s16le "$WORK/voice.wav"

# ---------- 2. 画面：纯色底 + 按时间显示的文字 ----------
FILTER="drawbox=x=0:y=0:w=iw:h=56:color=0x14365c@1:t=fill"
FILTER+=",drawtext=fontfile=${FONT}:text='执法学堂 · 微课':fontsize=20:fontcolor=0xdfe8f2:x=24:y=18"
for i in "${!TITLE[@]}"; do
  printf '%s' "${TITLE[$i]}" > "$WORK/title_$i.txt"
  printf '%b' "${BODY[$i]}" > "$WORK/body_$i.txt"
  en="between(t,${SLIDE_START[$i]},${SLIDE_END[$i]})"
  if [ "$i" -eq 0 ]; then
    FILTER+=",drawtext=fontfile=${FONT}:textfile=$WORK/title_$i.txt:fontsize=40:fontcolor=white:x=(w-text_w)/2:y=130:enable='${en}'"
    FILTER+=",drawtext=fontfile=${FONT}:textfile=$WORK/body_$i.txt:fontsize=22:fontcolor=0xffe08a:line_spacing=12:x=(w-text_w)/2:y=200:enable='${en}'"
  else
    FILTER+=",drawtext=fontfile=${FONT}:textfile=$WORK/title_$i.txt:fontsize=32:fontcolor=0xffe08a:x=40:y=84:enable='${en}'"
    FILTER+=",drawtext=fontfile=${FONT}:textfile=$WORK/body_$i.txt:fontsize=21:fontcolor=white:line_spacing=16:x=40:y=146:enable='${en}'"
  fi
done
FILTER+=",drawtext=fontfile=${FONT}:text='依据：《中华人民共和国行政处罚法》第三十三条':fontsize=16:fontcolor=0xa9bcd0:x=24:y=h-32"

# ---------- 3. 一次编码 ----------
ffmpeg -v error -y \
  -f lavfi -i "color=c=0x1f4e79:s=640x360:r=15:d=${TOTAL}" \
  -i "$WORK/voice.wav" \
  -vf "$FILTER" \
  -c:v libx264 -profile:v main -level 3.0 -pix_fmt yuv420p -preset slow -tune stillimage \
  -crf 28 -maxrate 180k -bufsize 360k -g 150 \
  -c:a aac -b:a 48k -ar 22050 -ac 1 \
  -t "$TOTAL" -movflags +faststart \
  "$OUT_DIR/$NAME.mp4"

cp "$VTT" "$OUT_DIR/$NAME.vtt"

# ---------- 4. 自检 ----------
ffprobe -v error -show_entries stream=codec_type,codec_name,profile,width,height -show_entries format=duration,size \
  -of default=nw=1 "$OUT_DIR/$NAME.mp4"
echo "已生成：$OUT_DIR/$NAME.mp4 和 $OUT_DIR/$NAME.vtt"
