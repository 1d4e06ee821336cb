package org.eigenstudy.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Quinoa neither builds nor serves the frontend in {@code @QuarkusTest} unless told to; the browser
 * tests need the real bundle, built by Vite from {@code frontend/} exactly as in production.
 */
public class WithFrontend implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.quinoa", "true");
    }
}
