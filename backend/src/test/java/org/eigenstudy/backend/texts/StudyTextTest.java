package org.eigenstudy.backend.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Study texts are researchers' Markdown shown to participants: what CommonMark means is rendered,
 * and nothing in them can run or load anything.
 */
class StudyTextTest {

    @Test
    void rendersCommonMark() {
        String html =
                StudyText.html(
                        "## Who we are\n\nThe **Vision Lab** at *X*.\n\n- answers\n- times\n\n"
                                + "Contact: [lab@example.org](mailto:lab@example.org)");
        assertTrue(
                html.startsWith(
                        "<h2>Who we are</h2>\n<p>The <strong>Vision Lab</strong> at <em>X</em>.</p>\n"
                                + "<ul>\n<li>answers</li>\n<li>times</li>\n</ul>\n"
                                + "<p>Contact: <a "),
                html);
        // The order of an element's attributes is the renderer's business; each must be there.
        for (String attribute :
                new String[] {
                    "href=\"mailto:lab@example.org\"",
                    "target=\"_blank\"",
                    "rel=\"noopener noreferrer\""
                }) {
            assertTrue(html.contains(attribute), attribute + " in " + html);
        }
        assertEquals("", StudyText.html("  "));
        assertEquals("", StudyText.html(null));
    }

    @Test
    void nothingRunsOrLoads() {
        String html =
                StudyText.html(
                        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                                + "[click](javascript:alert(3)) [data](data:text/html,hi)"
                                + " ![tracker](https://evil.example/pixel.png)"
                                + " <a href=\"https://evil.example\" onclick=\"alert(4)\">x</a>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("href=\"data:"), html);
        assertFalse(html.contains("<a href=\"https://evil"), html);
        assertFalse(html.contains("pixel.png"), html);
        assertEquals(
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
                StudyText.html("<script>alert(1)</script>"));
    }
}
