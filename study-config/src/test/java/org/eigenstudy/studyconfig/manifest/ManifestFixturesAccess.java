package org.eigenstudy.studyconfig.manifest;

/** Lets tests in other packages use the package-private manifest fixture. */
public final class ManifestFixturesAccess {
    private ManifestFixturesAccess() {}

    public static StimulusManifest manifest() {
        return ManifestFixtures.manifest();
    }
}
