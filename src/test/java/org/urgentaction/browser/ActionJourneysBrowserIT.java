package org.urgentaction.browser;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** A supporter, in a real browser, calls an official and signs an open letter. */
@BrowserTest
class ActionJourneysBrowserIT {

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
    void aCallThatLeftAMessageCountsAndOneNoOneAnsweredDoesNot() {
        TestFixtures.Created appeal = fixtures.published("Call journey", "CN", null);
        String allWeek = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).collect(Collectors.joining(","));
        fixtures.offerCall(appeal, allWeek);

        browser.get(url("/appeals/" + appeal.slug()));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Call the officials")));
        assertThat(browser.findElement(By.cssSelector("a[href='tel:+861062381025']"))
                        .getText())
                .contains("+86 10 6238 1025");
        assertThat(browser.getPageSource()).contains("I am calling Official " + appeal.reference());

        // Left a message: counted as a call.
        Browser.clickAndWait(browser, browser.findElement(By.linkText("I left a message")));
        assertThat(browser.findElement(By.cssSelector("input[name=outcome][value=VOICEMAIL]"))
                        .isSelected())
                .isTrue();
        Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Report my action']")));
        waitForUrlEnding("/report/thanks");
        assertThat(count()).isEqualTo("1");

        // No one answered: thanked, not counted.
        browser.get(url("/appeals/" + appeal.slug() + "/call"));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("No one answered")));
        Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Report my action']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for trying");
        assertThat(count()).isEqualTo("1");
    }

    @Test
    void aSupporterSignsTheOpenLetterOnceAndSeesTheCountRise() {
        TestFixtures.Created appeal = fixtures.published("Petition journey", "CN", null);
        fixtures.offerPetition(appeal);

        browser.get(url("/appeals/" + appeal.slug()));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Sign the open letter")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open letter to the Minister");
        assertThat(count()).isEqualTo("0");
        sign("Ana Lima", "ana@example.org");
        waitForUrlEnding("/petition/thanks");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for signing");
        assertThat(count()).isEqualTo("1");

        // Signing again with the same address: the field says why, and the count stays.
        browser.get(url("/appeals/" + appeal.slug() + "/petition"));
        sign("Ana again", "ANA@example.org");
        assertThat(browser.findElement(By.id("email-error")).getText())
                .contains("This e-mail address has already signed this petition");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Ana again");
        assertThat(count()).isEqualTo("1");
    }

    private void sign(String name, String email) {
        browser.findElement(By.id("name")).sendKeys(name);
        new Select(browser.findElement(By.id("country"))).selectByValue("BR");
        browser.findElement(By.id("email")).sendKeys(email);
        Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Sign']")));
    }

    private void waitForUrlEnding(String suffix) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*" + suffix + "(\\?.*)?$"));
    }

    private String count() {
        return browser.findElement(By.cssSelector(".count strong")).getText();
    }
}
