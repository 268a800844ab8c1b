package org.urgentaction.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** A supporter, in a real browser: list → appeal → compose → print view → report → the count went up. */
@BrowserTest
class SupporterJourneyBrowserIT {

    /** A page that fails, to see what a supporter sees when something breaks. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FailingPage {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("database password is hunter2");
        }

        @GetMapping("/test-only/database-down")
        String databaseDown() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused: 127.0.0.1:5432");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    /** Opened for each test by {@link BrowserExtension}. */
    ChromeDriver browser;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void supporterFindsAnAppealWritesToTheOfficialsAndReportsIt() {
        TestFixtures.Created appeal = fixtures.published(
                "Browser journey appeal", "CN", LocalDate.now().plusDays(9));

        // The list: search for the appeal and open it.
        browser.get(url("/appeals"));
        browser.findElement(By.id("q")).sendKeys(appeal.reference());
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Browser journey appeal")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser journey appeal");
        assertThat(count()).isEqualTo("0");

        // The composer: the official the letter is to is already chosen; sign, get the letter.
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Write a letter")));
        assertThat(browser.findElement(By.cssSelector("input[name=to][value='t" + appeal.primaryTargetId() + "']"))
                        .isSelected())
                .isTrue();
        browser.findElement(By.id("name")).sendKeys("Ann Lee");
        browser.findElement(By.id("town")).sendKeys("Leeds");
        Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Write my letters']")));
        WebElement letter = browser.findElement(By.id("letter-0"));
        assertThat(letter.getDomProperty("value")).startsWith("Dear Director,").contains("Ann Lee\nLeeds");
        // Signed with POST: the name and town are in no address the browser keeps.
        assertThat(browser.getCurrentUrl())
                .endsWith("/write")
                .doesNotContain("Ann")
                .doesNotContain("Leeds");
        letter.sendKeys(" Thank you for reading.");

        // The print view opens in a new tab with the edited letter.
        String composer = browser.getWindowHandle();
        browser.findElement(By.xpath("//button[text()='Print letters']")).click();
        List<String> windows = new ArrayList<>(browser.getWindowHandles());
        windows.remove(composer);
        browser.switchTo().window(windows.getFirst());
        assertThat(browser.findElements(By.cssSelector("article.page"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".recipient")).getText())
                .contains("Testville, Test Province, 100000");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("Thank you for reading.");
        browser.close();
        browser.switchTo().window(composer);

        // Report: the official is already ticked; a group of three letters.
        Browser.clickAndWait(browser, browser.findElement(By.partialLinkText("Tell us what you did")));
        assertThat(browser.findElement(
                                By.cssSelector("input[name=targetIds][value='" + appeal.primaryTargetId() + "']"))
                        .isSelected())
                .isTrue();
        WebElement quantity = browser.findElement(By.id("quantity"));
        quantity.clear();
        quantity.sendKeys("3");
        browser.findElement(By.xpath("//button[text()='Report my action']")).click();
        waitForUrlEnding("/report/thanks");

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("your action is counted");
        assertThat(count()).isEqualTo("3");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Back to the appeal")));
        assertThat(count()).isEqualTo("3");

        // Back to the form already sent, and send it again: it counts once, and the page says so.
        browser.navigate().back();
        browser.navigate().back();
        waitForUrlEnding("/report");
        Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Report my action']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This report was already counted");
        assertThat(count()).isEqualTo("3");
    }

    @Test
    void errorPagesAreFriendlyAndInTheSiteLayout() throws Exception {
        browser.get(url("/appeals/no-such-appeal"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.cssSelector(".brand")).getText()).isEqualTo("Urgent Action");

        browser.get(url("/appeals?page=abc"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We could not handle that request");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at org.");

        browser.get(url("/test-only/failure"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Something went wrong");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "hunter2", "at org.");

        java.net.http.HttpResponse<String> down = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/test-only/database-down")))
                                .header("Accept", "text/html")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("30");

        browser.get(url("/test-only/database-down"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We will be back in a moment");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "5432", "at org.");
    }

    /** Waits for the page whose path ends so (any query string aside): a click's navigation has landed. */
    private void waitForUrlEnding(String suffix) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*" + suffix + "(\\?.*)?$"));
    }

    private String count() {
        return browser.findElement(By.cssSelector(".count strong")).getText();
    }
}
