package org.eigenstudy.backend.recruitment.service;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the recruitment texts from the platform's public URL and a study's facts. Pure: the same
 * input gives the same texts, so they can be checked without a server.
 */
public final class RecruitmentTexts {

    /** The namespace of MTurk's ExternalQuestion schema (2006-07-14, the current version). */
    static final String EXTERNAL_QUESTION_NS =
            "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/"
                    + "ExternalQuestion.xsd";

    /** Prolific's URL parameters, each filled in by Prolific from the placeholder {{%NAME%}}. */
    static final List<String> PROLIFIC_PARAMETERS =
            List.of("PROLIFIC_PID", "STUDY_ID", "SESSION_ID");

    static final String PROLIFIC_COMPLETE = "https://app.prolific.com/submissions/complete?cc=";

    private RecruitmentTexts() {}

    public static Recruitment of(String publicUrl, RecruitmentTarget study) {
        String base =
                publicUrl.endsWith("/")
                        ? publicUrl.substring(0, publicUrl.length() - 1)
                        : publicUrl;
        String participantUrl = base + "/study/" + study.slug();
        List<String> warnings = new ArrayList<>();
        URI uri = URI.create(participantUrl);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            warnings.add(
                    "the public URL "
                            + base
                            + " is not https: MTurk refuses an ExternalQuestion whose URL is not"
                            + " https, and participants' browsers must reach it; set"
                            + " EIGENSTUDY_PUBLIC_URL to the address participants will use");
        } else if (isLocal(uri.getHost())) {
            warnings.add(
                    "the public URL "
                            + base
                            + " names this machine: participants cannot reach it; set"
                            + " EIGENSTUDY_PUBLIC_URL to the address participants will use");
        }
        if (!"open".equals(study.state())) {
            warnings.add(
                    ("draft".equals(study.state()) ? "the study is a draft" : "the study is closed")
                            + ": participants are turned away until it is opened");
        }
        String prolificUrl = participantUrl + "?" + prolificQuery();
        boolean ownUrl =
                study.prolificCompletionUrl() != null && !study.prolificCompletionUrl().isBlank();
        String completionUrl =
                ownUrl
                        ? study.prolificCompletionUrl()
                        : PROLIFIC_COMPLETE
                                + URLEncoder.encode(study.completionCode(), StandardCharsets.UTF_8);
        return new Recruitment(
                study.id(),
                participantUrl,
                new Recruitment.Mturk(
                        externalQuestion(participantUrl),
                        "Create the HIT with this XML as its Question (API, CLI or SDK). MTurk adds"
                                + " assignmentId, hitId, workerId and turkSubmitTo to the URL; the"
                                + " study submits the assignment back to MTurk when the participant"
                                + " finishes, with the completion code "
                                + study.completionCode()
                                + "."),
                new Recruitment.Prolific(
                        prolificUrl,
                        study.completionCode(),
                        completionUrl,
                        ownUrl
                                ? "Paste the study URL as the study link in Prolific and keep"
                                        + " \"URL parameters\" on. Finished participants are sent"
                                        + " to the study's own prolific_completion_url."
                                : "Paste the study URL as the study link in Prolific and keep"
                                        + " \"URL parameters\" on; choose \"redirect\" with the"
                                        + " completion code "
                                        + study.completionCode()
                                        + ", which finished participants are sent back with."),
                List.copyOf(warnings));
    }

    /**
     * PROLIFIC_PID={{%PROLIFIC_PID%}}&... (the braces and percent signs left as Prolific wants).
     */
    static String prolificQuery() {
        List<String> parts = new ArrayList<>();
        for (String p : PROLIFIC_PARAMETERS) {
            parts.add(p + "={{%" + p + "%}}");
        }
        return String.join("&", parts);
    }

    private static boolean isLocal(String host) {
        return host == null
                || host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("0.0.0.0");
    }

    /** The ExternalQuestion XML, built and escaped by the JDK's XML serialiser. */
    static String externalQuestion(String url) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(EXTERNAL_QUESTION_NS, "ExternalQuestion");
            doc.appendChild(root);
            Element external = doc.createElementNS(EXTERNAL_QUESTION_NS, "ExternalURL");
            external.setTextContent(url);
            root.appendChild(external);
            // 0: the frame takes the worker's whole window, which the trial layout needs.
            Element height = doc.createElementNS(EXTERNAL_QUESTION_NS, "FrameHeight");
            height.setTextContent("0");
            root.appendChild(height);
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            // The declaration is written by hand: the JDK's serialiser adds standalone="no", or
            // with a standalone document puts the root element on the declaration's line.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.toString().strip();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("building the ExternalQuestion XML", e);
        }
    }
}
