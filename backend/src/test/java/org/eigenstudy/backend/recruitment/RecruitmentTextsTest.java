package org.eigenstudy.backend.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eigenstudy.backend.recruitment.service.Recruitment;
import org.eigenstudy.backend.recruitment.service.RecruitmentTarget;
import org.eigenstudy.backend.recruitment.service.RecruitmentTexts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The recruitment texts read back as the platforms read them: the ExternalQuestion parsed as XML in
 * MTurk's namespace, the Prolific URL split into its query parameters.
 */
class RecruitmentTextsTest {

    private static final String NS =
            "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/"
                    + "ExternalQuestion.xsd";

    private static final RecruitmentTarget OPEN =
            new RecruitmentTarget(7, "faces-2", "open", "K7Q2M9", null);

    @Test
    void externalQuestionIsMturkXmlWithTheParticipantUrl() throws Exception {
        Recruitment r = RecruitmentTexts.of("https://study.example.org/eigen/", OPEN);
        assertEquals("https://study.example.org/eigen/study/faces-2", r.participantUrl());
        assertTrue(
                r.mturk()
                        .externalQuestion()
                        .startsWith(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ExternalQuestion "),
                r.mturk().externalQuestion());
        Document xml = parse(r.mturk().externalQuestion());
        Element root = xml.getDocumentElement();
        assertEquals("ExternalQuestion", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(
                r.participantUrl(),
                root.getElementsByTagNameNS(NS, "ExternalURL").item(0).getTextContent());
        assertEquals("0", root.getElementsByTagNameNS(NS, "FrameHeight").item(0).getTextContent());
        assertEquals(List.of(), r.warnings());
        assertTrue(r.mturk().instructions().contains("K7Q2M9"), r.mturk().instructions());
    }

    @Test
    void anAmpersandInThePublicUrlIsEscapedInTheXml() throws Exception {
        // A proxy path with a query is unusual, but the XML must stay well-formed whatever the URL.
        Recruitment r = RecruitmentTexts.of("https://h.example/a&b", OPEN);
        assertTrue(r.mturk().externalQuestion().contains("a&amp;b/study/faces-2"));
        assertEquals(
                "https://h.example/a&b/study/faces-2",
                parse(r.mturk().externalQuestion())
                        .getElementsByTagNameNS(NS, "ExternalURL")
                        .item(0)
                        .getTextContent());
    }

    @Test
    void prolificUrlCarriesTheThreePlaceholdersAndTheCompletionCode() {
        Recruitment r = RecruitmentTexts.of("https://study.example.org", OPEN);
        // Prolific replaces each {{%NAME%}} before a participant's browser sees the URL, so the
        // text is split as Prolific reads it, not decoded as a URL.
        String[] urlAndQuery = r.prolific().studyUrl().split("\\?", 2);
        assertEquals("https://study.example.org/study/faces-2", urlAndQuery[0]);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : urlAndQuery[1].split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        assertEquals(
                Map.of(
                        "PROLIFIC_PID", "{{%PROLIFIC_PID%}}",
                        "STUDY_ID", "{{%STUDY_ID%}}",
                        "SESSION_ID", "{{%SESSION_ID%}}"),
                query);
        assertEquals("K7Q2M9", r.prolific().completionCode());
        assertEquals(
                "https://app.prolific.com/submissions/complete?cc=K7Q2M9",
                r.prolific().completionUrl());
    }

    @Test
    void aStudysOwnProlificCompletionUrlIsKept() {
        String own = "https://app.prolific.com/submissions/complete?cc=OWN123";
        Recruitment r =
                RecruitmentTexts.of(
                        "https://study.example.org",
                        new RecruitmentTarget(7, "faces-2", "open", "K7Q2M9", own));
        assertEquals(own, r.prolific().completionUrl());
    }

    @Test
    void warnsWhenParticipantsCouldNotReachTheStudy() {
        assertTrue(
                RecruitmentTexts.of("http://study.example.org", OPEN)
                        .warnings()
                        .get(0)
                        .contains("is not https"));
        assertTrue(
                RecruitmentTexts.of("https://localhost:8443", OPEN)
                        .warnings()
                        .get(0)
                        .contains("names this machine"));
        List<String> draft =
                RecruitmentTexts.of(
                                "https://study.example.org",
                                new RecruitmentTarget(7, "faces-2", "draft", "K7Q2M9", null))
                        .warnings();
        assertEquals(1, draft.size());
        assertTrue(draft.get(0).contains("the study is a draft"), draft.get(0));
        assertTrue(
                RecruitmentTexts.of(
                                "https://study.example.org",
                                new RecruitmentTarget(7, "faces-2", "closed", "K7Q2M9", null))
                        .warnings()
                        .get(0)
                        .startsWith("the study is closed"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
