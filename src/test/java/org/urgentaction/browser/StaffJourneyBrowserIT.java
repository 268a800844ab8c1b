package org.urgentaction.browser;

import java.time.Duration;
import java.time.LocalDate;

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

/** A campaign coordinator, in a real browser, takes an appeal from nothing to published. */
@BrowserTest
class StaffJourneyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    /** Opened for each test by {@link BrowserExtension}. */
    ChromeDriver browser;

    @Test
    void anEditorCreatesAnAppealWithAPersonATargetAndALetterPublishesItAndSupportersCanAct() {
        String email = staff.create(Role.EDITOR);
        String reference = "UA " + (System.nanoTime() % 100_000) + ".26";
        String title = "Editor's appeal " + reference;

        browser.get(url("/admin/appeals"));
        type("email", email);
        type("password", StaffAccounts.PASSWORD);
        click("//button[text()='Log in']");
        waitFor("/admin/appeals");

        click("//a[text()='New appeal']");
        type("referenceCode", reference);
        type("title", title);
        type("country", "IR");
        type("themes", "Death penalty");
        type("summary", "A woman faces execution after an unfair trial.");
        type("background", "She was arrested in **2025**.");
        type("demands", "Quash the death sentence\nGrant a fair retrial");
        // A date input's typed format follows the browser's locale; set the ISO value it submits.
        browser.executeScript(
                "arguments[0].value = arguments[1]",
                browser.findElement(By.id("deadline")),
                LocalDate.now().plusDays(20).toString());
        click("//button[text()='Save']");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);

        click("//a[text()='Add a person']");
        type("name", "Roya Example");
        type("nativeName", "رویا");
        type("detentionPlace", "Example Prison");
        click("//button[text()='Save']");
        assertThat(browser.getPageSource()).contains("Roya Example");

        browser.findElement(By.tagName("summary")).click();
        type("name", "Head of the Judiciary (test)");
        type("salutation", "Your Excellency:");
        type("addressLines", "Judiciary Building");
        type("city", "Tehran");
        type("country", "IR");
        click("//button[text()='Create and attach']");
        assertThat(browser.getPageSource()).contains("Head of the Judiciary (test)");

        click("//a[text()='Add a letter template']");
        type("heading", "Write to the Head of the Judiciary");
        type("subject", "Quash the death sentence");
        click("//button[text()='Preview']");
        assertThat(browser.findElement(By.cssSelector(".preview-frame")).getText())
                .contains("Your Excellency:", "Ann Example", "Judiciary Building")
                .doesNotContain("Your Excellency:,");
        // The preview follows the text as it is typed, without another click.
        browser.findElement(By.id("subject")).sendKeys(" now");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#live-preview .subject"), "Quash the death sentence now"));
        click("//button[text()='Save']");
        click("//a[contains(text(), 'Back to')]");

        click("//button[text()='Publish']");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Published");

        browser.get(url("/appeals"));
        browser.findElement(By.id("q")).sendKeys(reference);
        click("//form[contains(@class,'filters')]//button[@type='submit']");
        Browser.clickAndWait(browser, browser.findElement(By.linkText(title)));
        assertThat(browser.findElement(By.cssSelector(".rich")).getAttribute("innerHTML"))
                .contains("<strong>2025</strong>");
        assertThat(browser.getPageSource()).contains("رویا", "Quash the death sentence", "20 days left");
        click("//a[text()='Write a letter']");
        assertThat(browser.getPageSource()).contains("Head of the Judiciary (test)");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Every click here loads a new page. */
    private void click(String xpath) {
        Browser.clickAndWait(browser, browser.findElement(By.xpath(xpath)));
    }

    private void waitFor(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*" + path + "(\\?.*)?$"));
    }
}
