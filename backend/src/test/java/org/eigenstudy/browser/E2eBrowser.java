package org.eigenstudy.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven by Playwright (never a downloaded browser). Collects console
 * errors and uncaught page errors so every test can assert there were none, and writes screenshots
 * to {@code target/e2e-screenshots/}.
 */
final class E2eBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final List<String> CHROMIUM_ARGS =
            List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    final Page page;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    E2eBrowser(int width, int height) {
        playwright = Playwright.create();
        browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                                        .setHeadless(true)
                                        .setArgs(CHROMIUM_ARGS));
        context =
                browser.newContext(
                        new Browser.NewContextOptions()
                                .setViewportSize(width, height)
                                .setAcceptDownloads(true)
                                // Each browser is another participant's machine: its own address
                                // (the test profile trusts X-Forwarded-For), so the per-address
                                // limits meter each browser alone, as they would in the field.
                                .setExtraHTTPHeaders(
                                        Map.of(
                                                "X-Forwarded-For",
                                                org.eigenstudy.backend.testing.TestApi
                                                        .freshAddress())));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        page.onConsoleMessage(
                m -> {
                    if ("error".equals(m.type())) {
                        errors.add(m.text() + " @ " + m.location());
                    }
                });
        page.onPageError(e -> errors.add("page error: " + e));
    }

    /** Logs {@code user} (a TestApi account) in to the dashboard at {@code root}/researcher/. */
    void logIn(java.net.URL root, String user) {
        page.navigate(root + "researcher/");
        page.locator("#username").waitFor();
        page.fill("#username", user);
        page.fill("#password", org.eigenstudy.backend.testing.TestApi.password(user));
        page.click("button:has-text('Log in')");
    }

    /** Logs in and opens the study page of {@code studyId} from the study list. */
    void openStudy(java.net.URL root, String user, long studyId) {
        logIn(root, user);
        page.locator("tr[data-study-id='" + studyId + "'] a").click();
    }

    /** Lets the page read and write the clipboard, as a user's click on "Copy" would. */
    void grantClipboard(String origin) {
        context.grantPermissions(
                List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
    }

    static E2eBrowser laptop() {
        return new E2eBrowser(1366, 768);
    }

    /** Console errors except those the test caused on purpose (e.g. a request it aborted). */
    List<String> consoleErrors(Predicate<String> expected) {
        return errors.stream().filter(expected.negate()).toList();
    }

    List<String> consoleErrors() {
        return List.copyOf(errors);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve(name + ".png"))
                        .setFullPage(true));
    }

    /**
     * Waits for a locator; on timeout keeps a screenshot and fails with what the page showed, so a
     * failing run says why.
     */
    Locator await(Locator locator, String what) {
        try {
            locator.first().waitFor();
            return locator;
        } catch (PlaywrightException e) {
            String shown = page.locator("body").innerText();
            screenshot("failure-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(
                    "waited for "
                            + what
                            + " at "
                            + page.url()
                            + "; the page showed: "
                            + shown
                            + "; console errors: "
                            + errors,
                    e);
        }
    }

    /**
     * Answers the Prolific completion redirect here: Prolific itself is not reachable (and must not
     * be) from a test.
     */
    void answerProlific() {
        page.route(
                "https://app.prolific.com/**",
                route ->
                        route.fulfill(
                                new Route.FulfillOptions()
                                        .setContentType("text/html")
                                        .setBody("<p>Prolific</p>")));
    }

    /** Simulates losing (true) and regaining (false) the network, as the browser's offline mode. */
    void setOffline(boolean offline) {
        context.setOffline(offline);
    }

    /** A 390 x 844 phone screenshot (the size the participant pages are reviewed at). */
    void phoneScreenshot(String name) {
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        screenshot(name + "-390px");
        page.setViewportSize(size.width, size.height);
    }

    /** Also at phone width: the pages must stay usable at 360 px. */
    void narrowScreenshot(String name) {
        var size = page.viewportSize();
        page.setViewportSize(360, 740);
        screenshot(name + "-360px");
        page.setViewportSize(size.width, size.height);
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
