package org.urgentaction.appeals;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What staff write reaches supporters' browsers only after the sanitiser: no script survives. */
class RichTextTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<body onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "[click](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "<svg onload=alert(1)><circle r=1></circle></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object>",
            "<embed src=x>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<form action=\"https://evil.example\"><input name=x></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<details open ontoggle=alert(1)>",
            "\"><script>alert(1)</script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<a href=\"https://example.org\" onclick=\"alert(1)\">ok</a>");

    @Test
    void noPayloadKeepsAnythingThatRuns() {
        for (String payload : PAYLOADS) {
            String html = RichText.toSafeHtml("Text before.\n\n" + payload);
            assertThat(html)
                    .as(payload)
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("javascript:")
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("onload")
                    .doesNotContainIgnoringCase("onclick")
                    .doesNotContainIgnoringCase("onmouseover")
                    .doesNotContainIgnoringCase("ontoggle")
                    .doesNotContainIgnoringCase("<svg")
                    .doesNotContainIgnoringCase("<iframe")
                    .doesNotContainIgnoringCase("<object")
                    .doesNotContainIgnoringCase("<embed")
                    .doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase("style=")
                    .doesNotContainIgnoringCase("<form")
                    .doesNotContainIgnoringCase("<meta")
                    .doesNotContainIgnoringCase("<base")
                    .doesNotContainIgnoringCase("data:text")
                    .doesNotContainIgnoringCase("<img");
        }
    }

    @Test
    void ordinaryWritingSurvives() {
        String html = RichText.toSafeHtml("""
                First paragraph with **bold**, *emphasis* and a [link](https://example.org/a?b=1).

                - one
                - two

                > A quote from the prisoner.""");

        assertThat(html)
                .contains(
                        "<p>First paragraph with <strong>bold</strong>, <em>emphasis</em>",
                        "<a href=\"https://example.org/a?b&#61;1\"",
                        "<li>one</li>",
                        "<blockquote>")
                .containsPattern("rel=\"[a-z ]*nofollow[a-z ]*\">link</a>");
    }

    @Test
    void nativeScriptAndQuotesAreKept() {
        assertThat(RichText.toSafeHtml("黄雪琴 said “words are not crimes”")).contains("黄雪琴", "“words are not crimes”");
    }

    @Test
    void nothingForEmptyText() {
        assertThat(RichText.toSafeHtml(null)).isNull();
        assertThat(RichText.toSafeHtml("  ")).isNull();
    }
}
