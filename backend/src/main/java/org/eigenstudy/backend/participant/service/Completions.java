package org.eigenstudy.backend.participant.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eigenstudy.backend.participant.store.SessionRow;

/** What a finished session's page does, by where the participant came from. */
final class Completions {

    private Completions() {}

    static Completion of(StudyFacts study, SessionRow session, String withdrawalCode) {
        String code = session.completionCode();
        return switch (session.source()) {
            case "mturk" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("assignmentId", session.assignmentId());
                fields.put("completionCode", code);
                yield new Completion(
                        "mturk",
                        code,
                        null,
                        new Completion.SubmitForm(
                                session.turkSubmitTo() + "/mturk/externalSubmit", "POST", fields),
                        withdrawalCode);
            }
            case "prolific" ->
                    new Completion(
                            "prolific", code, prolificUrl(study, code), null, withdrawalCode);
            default -> new Completion("code", code, null, null, withdrawalCode);
        };
    }

    private static String prolificUrl(StudyFacts study, String code) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        String url = study.prolificCompletionUrl();
        if (url == null || url.isBlank()) {
            return "https://app.prolific.com/submissions/complete?cc=" + encoded;
        }
        if (url.contains("cc=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "cc=" + encoded;
    }
}
