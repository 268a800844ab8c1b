package org.urgentaction.letters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SocialPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void eachPostCarriesTheOfficialsHandleTheAppealsLinkAndPlainShareLinks() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Post it", "CN", null);
        fixtures.offerPosts(appeal);
        String link = "http://localhost/appeals/" + appeal.slug();

        mvc.perform(get("/appeals/{slug}/social", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(content()
                        .string(allOf(
                                not(containsString("There are no prewritten posts")),
                                containsString("Free them now, @official #FreeThem &amp; more " + link),
                                containsString("A second post, on its own. " + link),
                                // The text is encoded into the link: "&" and "#" cannot end it early.
                                containsString(
                                        "href=\"https://x.com/intent/post?text=Free%20them%20now%2C%20%40official"
                                                + "%20%23FreeThem%20%26%20more%20http%3A%2F%2Flocalhost%2Fappeals%2F"),
                                containsString(
                                        "href=\"https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost"),
                                containsString("rel=\"noopener noreferrer\""),
                                containsString("kind=SOCIAL_POST"),
                                not(containsString("<script src=\"http")),
                                not(containsString("<iframe")))));
    }

    @Test
    void anAppealThatOffersNoPostsHasNoSocialPage() throws Exception {
        TestFixtures.Created appeal = fixtures.published("No posts", "CN", null);

        mvc.perform(get("/appeals/{slug}/social", appeal.slug())).andExpect(status().isNotFound());
    }
}
