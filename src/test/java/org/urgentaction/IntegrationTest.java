package org.urgentaction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole app on real PostgreSQL with MockMvc. Every class with this annotation shares one
 * Spring context, so the database starts once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({PostgresTestConfiguration.class, TestFixtures.class, org.urgentaction.accounts.StaffAccounts.class})
public @interface IntegrationTest {}
