package org.urgentaction.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import org.urgentaction.PostgresTestConfiguration;
import org.urgentaction.TestFixtures;
import org.urgentaction.accounts.StaffAccounts;

/**
 * The whole app on a random port with a real browser per test. Every class with this annotation
 * shares one Spring context, so the server and its database start once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({
    PostgresTestConfiguration.class,
    TestFixtures.class,
    StaffAccounts.class,
    SupporterJourneyBrowserIT.FailingPage.class
})
@ExtendWith(BrowserExtension.class)
@interface BrowserTest {}
