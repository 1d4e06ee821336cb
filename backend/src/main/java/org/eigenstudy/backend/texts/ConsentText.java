package org.eigenstudy.backend.texts;

import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * The consent text a participant is shown, decided once: the study's own ({@code study.consent})
 * or, when it has none, the platform's, which says truthfully what the platform stores. Its SHA-256
 * is recorded with the consent, so a changed text is a new version.
 */
public final class ConsentText {

    /** What the platform says when a study has no consent text of its own. */
    static final String PLATFORM_DEFAULT =
            "You will look at rows of computer-generated images and answer a few questions about"
                    + " how they change.\n\n"
                    + "We store your answers and how long each took, your browser type, screen size,"
                    + " time zone and language and, if you came from Mechanical Turk or Prolific,"
                    + " your worker or participant id (to pay you and to prevent repeat"
                    + " participation). We do not ask for your name or contact details. You may"
                    + " stop at any time by closing this page.\n\n"
                    + "When you finish, you get a withdrawal code: with it you can withdraw at once"
                    + " or later, and everything stored about you in this study is deleted.";

    private ConsentText() {}

    /** The text the consent page shows for a study whose own consent text is {@code own}. */
    public static String of(String own) {
        return own == null || own.isBlank() ? PLATFORM_DEFAULT : own;
    }

    /** The version of that text: its SHA-256. */
    public static String version(String own) {
        return Sha256.of(of(own));
    }
}
