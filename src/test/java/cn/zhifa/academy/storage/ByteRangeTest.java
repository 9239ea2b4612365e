package cn.zhifa.academy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void parsesTheForms() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=990-5000", 1000)).contains(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    }

    @Test
    void unusableHeadersMeanTheWholeObject() {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=abc-", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=50-10", 1000)).isEmpty();
    }

    @Test
    void rangesPastTheEndAreNotSatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.NotSatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.NotSatisfiable.class);
    }

    @Test
    void contentSniffingKnowsTextFromMarkup() {
        byte[] md = "# 第一课\n正文".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentTypes.contentMatches("text/markdown", md, md.length)).isTrue();
        byte[] html = "  <html><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentTypes.contentMatches("text/markdown", html, html.length)).isFalse();
        byte[] gbk = { (byte) 0xB5, (byte) 0xDA, (byte) 0xD2, (byte) 0xBB };
        assertThat(ContentTypes.contentMatches("text/markdown", gbk, gbk.length)).as("not UTF-8").isFalse();
        assertThat(ContentTypes.contentMatches("text/csv", gbk, gbk.length)).as("Excel's GB18030 CSV").isTrue();
        byte[] binary = { 0x00, 0x01, 0x02, (byte) 0xFF };
        assertThat(ContentTypes.contentMatches("text/csv", binary, binary.length)).isFalse();
        // a three-byte character cut by the sniffing window is still text
        byte[] cut = "第一".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentTypes.contentMatches("text/plain", cut, cut.length - 1)).isTrue();
    }
}
