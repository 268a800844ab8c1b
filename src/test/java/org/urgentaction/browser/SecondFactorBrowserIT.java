package org.urgentaction.browser;

import java.time.Duration;
import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.urgentaction.accounts.Role;
import org.urgentaction.accounts.StaffAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser, in a real browser, sets up an authenticator app at first login (reading the key
 * off the page, as a person types it into the app), then logs in again with a code.
 */
@BrowserTest
class SecondFactorBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    /** Opened for each test by {@link BrowserExtension}. */
    ChromeDriver browser;

    /** What an authenticator app shows for this key, {@code stepsAhead} 30-second steps from now. */
    private static String code(String secret, int stepsAhead) throws Exception {
        long step = Instant.now().getEpochSecond() / 30 + stepsAhead;
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
    }

    @Test
    void anOrganiserEnrolsAnAuthenticatorAppAndLaterLogsInWithACode() throws Exception {
        String email = staff.create(Role.ORGANISER);

        browser.get(url("/admin/dashboard"));
        type("email", email);
        type("password", StaffAccounts.PASSWORD);
        click("//button[text()='Log in']");
        waitFor("/admin/account/second-factor");
        browser.get(url("/admin/dashboard"));
        waitFor("/admin/account/second-factor");

        String secret =
                browser.findElement(By.cssSelector(".totp-secret")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        type("code", code(secret, 0));
        click("//button[text()='Set up']");
        assertThat(browser.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        click("//a[text()='Continue']");
        waitFor("/admin/dashboard");

        click("//button[text()='Log out']");
        waitFor("/login");
        browser.get(url("/admin/dashboard"));
        type("email", email);
        type("password", StaffAccounts.PASSWORD);
        click("//button[text()='Log in']");
        waitFor("/login/code");
        // The enrolment used this step's code; the next step's is accepted too (clocks drift).
        type("code", code(secret, 1));
        click("//button[text()='Continue']");
        waitFor("/admin/dashboard");
        assertThat(browser.getPageSource()).contains(email);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String xpath) {
        Browser.clickAndWait(browser, browser.findElement(By.xpath(xpath)));
    }

    private void waitFor(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*" + path + "(\\?.*)?$"));
    }
}
