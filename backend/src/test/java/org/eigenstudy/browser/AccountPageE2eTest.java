package org.eigenstudy.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A researcher's account page: a wrong current password is refused and the right one changes it
 * (the new one logs in), an API token is created and shown once, works, and is revoked after a
 * confirmation (then refused). An admin creates an account there. axe-core; screenshots at 1366 and
 * 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AccountPageE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherChangesThePasswordAndManagesTokens() {
        String user = "e2e-account-" + System.nanoTime();
        TestApi.tokenFor(user, "researcher");
        String newPassword = "a-new-password-" + System.nanoTime();
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.logIn(root, user);
            browser.page.locator("nav.topnav a:has-text('Account')").click();
            browser.await(browser.page.locator("h1:has-text('Account')"), "the account page");

            browser.page.fill("#current-password", "not-my-password");
            browser.page.fill("#new-password", newPassword);
            browser.page.locator("button:has-text('Change password')").click();
            browser.await(
                    browser.page.locator("p:has-text('the current password is not right')"),
                    "the refusal");
            browser.page.fill("#current-password", TestApi.password(user));
            browser.page.fill("#new-password", newPassword);
            browser.page.locator("button:has-text('Change password')").click();
            browser.await(browser.page.locator("p:has-text('Password changed.')"), "the change");

            browser.page.fill("#token-name", "analysis script");
            browser.page.locator("button:has-text('Create token')").click();
            Locator shown =
                    browser.await(
                            browser.page.locator(".copy-field input"), "the token, shown once");
            String token = shown.inputValue();
            assertTrue(token.startsWith("est_"), token);
            given().header("Authorization", "Bearer " + token)
                    .get("/api/researcher/me")
                    .then()
                    .statusCode(200);
            browser.await(
                    browser.page.locator("tr:has-text('analysis script')"), "the token's row");
            Axe.assertNoSeriousViolations(browser.page, "the account page");
            browser.screenshot("researcher-account");
            browser.phoneScreenshot("researcher-account");

            browser.page
                    .locator("tr:has-text('analysis script') button:has-text('Revoke')")
                    .click();
            browser.page.locator("dialog#revoke-confirm button:has-text('Revoke token')").click();
            browser.await(browser.page.locator("p:has-text('Revoked')"), "the revocation");
            given().header("Authorization", "Bearer " + token)
                    .get("/api/researcher/me")
                    .then()
                    .statusCode(401);
            assertEquals(0, browser.page.locator("section#accounts-h").count());
            assertEquals(0, browser.page.locator("h2:has-text('Accounts (admin)')").count());
        }
        // The new password logs in; the old one no longer does.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user)
                .formParam("j_password", newPassword)
                .post("/j_security_check")
                .then()
                .statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user)
                .formParam("j_password", TestApi.password(user))
                .post("/j_security_check")
                .then()
                .statusCode(401);
    }

    @Test
    void anAdminCreatesAnAccount() {
        String admin = "e2e-admin-" + System.nanoTime();
        TestApi.tokenFor(admin, "admin");
        String created = "e2e-created-" + System.nanoTime();
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.logIn(root, admin);
            browser.page.locator("nav.topnav a:has-text('Account')").click();
            browser.await(browser.page.locator("h2:has-text('Accounts (admin)')"), "the accounts");
            browser.page.fill("#account-name", created);
            browser.page.fill("#account-password", "long-enough-password-1");
            browser.page.locator("button:has-text('Create account')").click();
            Locator row = browser.page.locator("tr[data-account='" + created + "']");
            browser.await(row, "the row");
            row.locator("button:has-text('Disable')").click();
            browser.await(row.locator("td:has-text('disabled')"), "the account disabled");
            assertEquals(
                    0,
                    browser.page.locator("tr[data-account='" + admin + "'] button").count(),
                    "nobody disables themselves");
            io.restassured.RestAssured.given()
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", created)
                    .formParam("j_password", "long-enough-password-1")
                    .post("/j_security_check")
                    .then()
                    .statusCode(401);
            Axe.assertNoSeriousViolations(browser.page, "the admin's account page");
            browser.screenshot("researcher-account-admin");
            browser.phoneScreenshot("researcher-account-admin");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e ->
                                    (e.contains("401") && e.contains("/api/researcher/me"))
                                            || e.contains("422")));
        }
    }
}
