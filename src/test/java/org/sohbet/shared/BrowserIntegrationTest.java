package org.sohbet.shared;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole application on a real PostgreSQL, driven through Debian's Chromium with Playwright. One Chromium serves
 * the whole test run; every test gets its own {@link BrowserContext} (cookies, locale) and {@link Page}. When a test
 * fails, a screenshot of its page is saved to {@code target/browser-failures/}.
 *
 * <p>The Chromium binary is {@code SOHBET_CHROMIUM}, or {@code /usr/bin/chromium} (Debian's {@code chromium}
 * package). Without it the tests fail; Playwright never downloads a browser (ADR 0011).
 */
@ExtendWith(BrowserIntegrationTest.SharedChromium.class)
public abstract class BrowserIntegrationTest extends PostgresIntegrationTest {

    /** Long enough for a slow CI machine, short enough that a missing element fails fast instead of hanging. */
    protected static final double TIMEOUT_MILLIS = 10_000;

    private static volatile Browser browser;

    /** The current test's page, in English unless {@link #openPage(String)} replaced it. */
    protected Page page;

    private BrowserContext context;

    @BeforeEach
    void openEnglishPage() {
        openPage("en");
    }

    /**
     * Closes the current page and opens a new one in a fresh context whose browser language is {@code locale} (it
     * becomes the {@code Accept-Language} header and {@code navigator.language}). Also assigned to {@link #page}.
     */
    protected Page openPage(String locale) {
        closePage();
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 800));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        page = context.newPage();
        return page;
    }

    private final java.util.List<BrowserContext> others = new java.util.ArrayList<>();

    /** Another browser, as a second person would have: its own cookies and storage. Closed after the test. */
    protected Page otherBrowser(String locale) {
        BrowserContext other = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 800));
        other.setDefaultTimeout(TIMEOUT_MILLIS);
        other.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        others.add(other);
        return other.newPage();
    }

    /** The address of {@code path} on this test run's server, e.g. {@code url("/login")}. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @AfterEach
    void closePage() {
        others.forEach(BrowserContext::close);
        others.clear();
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    /** Starts Playwright and Chromium once per JVM; JUnit closes them when the whole run ends. */
    static final class SharedChromium implements BeforeAllCallback, AfterTestExecutionCallback {

        static final String EXECUTABLE_VARIABLE = "SOHBET_CHROMIUM";
        static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

        // Playwright's defaults already cover most of these; they are listed so the launch does not depend on them.
        // Without the background-networking ones Chromium keeps calling Google's hosts, which this network refuses.
        private static final Logger LOG = LoggerFactory.getLogger(BrowserIntegrationTest.class);

        private static final List<String> ARGUMENTS = List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync");

        @Override
        public void beforeAll(ExtensionContext junit) {
            Launched launched = junit.getRoot()
                    .getStore(ExtensionContext.Namespace.create(SharedChromium.class))
                    .computeIfAbsent(Launched.class, key -> launch(), Launched.class);
            browser = launched.browser();
        }

        private static Launched launch() {
            Path executable = Path.of(System.getenv().getOrDefault(EXECUTABLE_VARIABLE, DEFAULT_EXECUTABLE));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Browser tests need Chromium, and there is no executable at "
                        + executable + ". Install Debian's package (apt-get install -y chromium) or set "
                        + EXECUTABLE_VARIABLE + " to a Chromium binary.");
            }
            long start = System.nanoTime();
            // The driver reads this variable before it would run `playwright install`; with it, nothing is fetched.
            Playwright playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(executable)
                                .setHeadless(true)
                                .setArgs(ARGUMENTS)
                                .setTimeout(30_000));
                PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
                LOG.info(
                        "Chromium {} from {} started with Playwright in {} ms",
                        browser.version(),
                        executable,
                        (System.nanoTime() - start) / 1_000_000);
                return new Launched(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void afterTestExecution(ExtensionContext junit) throws Exception {
            if (junit.getExecutionException().isEmpty()
                    || !(junit.getRequiredTestInstance() instanceof BrowserIntegrationTest test)
                    || test.page == null) {
                return;
            }
            Path file = Path.of(
                    "target",
                    "browser-failures",
                    junit.getRequiredTestClass().getSimpleName() + "."
                            + junit.getRequiredTestMethod().getName() + ".png");
            Files.createDirectories(file.getParent());
            try {
                test.page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            } catch (RuntimeException e) {
                // A failed screenshot must not hide the test's own failure.
                junit.publishReportEntry("screenshot", "failed: " + e.getMessage());
            }
        }
    }

    /** Closed by JUnit with the root context, at the end of the test run. */
    record Launched(Playwright playwright, Browser browser) implements AutoCloseable {

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
