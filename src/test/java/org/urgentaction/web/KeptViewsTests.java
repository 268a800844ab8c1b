package org.urgentaction.web;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The appeal list is an ordinary view that web.KeptViews keeps under what it shows. */
@IntegrationTest
class KeptViewsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("viewResolver")
    ViewResolver views;

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theListResolvesToAKeptViewAndOtherPagesDoNot() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/appeals");
        request.addHeader("Accept", "text/html");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        View list = views.resolveViewName("appeals/list", Locale.ENGLISH);
        View appeal = views.resolveViewName("appeals/show", Locale.ENGLISH);

        assertThat(list.getClass().getName()).isEqualTo(KeptViews.class.getName() + "$KeptView");
        assertThat(appeal.getClass().getName()).doesNotContain("KeptView");
    }

    @Test
    void aKeptListShowsEachNewCount() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created appeal =
                fixtures.published("Counted in the list", "CN", LocalDate.now().plusDays(9), theme);
        assertThat(list(theme)).contains("Counted in the list", "No actions reported yet");

        jdbc.sql("insert into action_tally (appeal_id, shard, actions, reports) values (?, 0, 1234, 1)")
                .param(appeal.id())
                .update();

        assertThat(list(theme)).contains("1,234 actions reported").doesNotContain("No actions reported yet");
    }

    private String list(String theme) throws Exception {
        return mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
