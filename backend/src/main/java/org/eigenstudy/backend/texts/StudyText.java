package org.eigenstudy.backend.texts;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A study's own texts (consent, instructions, debrief) are CommonMark written by researchers and
 * shown to participants. They are rendered here, on the server, so there is one renderer and one
 * sanitising rule: raw HTML in the text is escaped (shown, never run), link targets other than
 * http, https and mailto are dropped, images are dropped (a study text should not load anything
 * from elsewhere), and links open in a new tab so a participant never leaves the study by them.
 */
public final class StudyText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder()
                    .escapeHtml(true)
                    .sanitizeUrls(true)
                    .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                    .attributeProviderFactory(
                            context ->
                                    (node, tag, attributes) -> {
                                        if ("a".equals(tag)) {
                                            attributes.put("target", "_blank");
                                            attributes.put("rel", "noopener noreferrer");
                                        }
                                    })
                    .nodeRendererFactory(context -> new DroppedImages(context))
                    .build();

    private StudyText() {}

    /** {@code markdown} as HTML that is safe to insert into the participant page. */
    public static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
