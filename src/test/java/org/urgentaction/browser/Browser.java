package org.urgentaction.browser;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests. Paths come from CHROME_BINARY and CHROMEDRIVER (defaults:
 * Debian's /usr/bin/chromium and /usr/bin/chromedriver). Without a browser the tests are skipped
 * on a developer's machine, but fail under CI, where one must be installed.
 */
final class Browser {

    private Browser() {}

    static ChromeDriver start() {
        File chrome = new File(env("CHROME_BINARY", "/usr/bin/chromium"));
        File driver = new File(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean installed = chrome.canExecute() && driver.canExecute();
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("No Chromium at " + chrome + " / " + driver + "; install chromium and chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1200,1600",
                "--lang=en-GB");
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /** Clicks something that loads a new page, and returns once that page has replaced the old one. */
    static void clickAndWait(ChromeDriver browser, WebElement element) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        element.click();
        // While a page is replaced, chromedriver may answer with transient errors about detached nodes.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(WebDriverException.class);
        wait.until(ExpectedConditions.stalenessOf(oldPage));
        wait.until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
