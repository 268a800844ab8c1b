package org.urgentaction.actions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Report submissions as a supporter's browser makes them: the token comes from the form the server issued. */
public final class ReportForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");

    private ReportForms() {}

    /** The submission token of a fresh report form of the appeal. */
    public static String token(MockMvc mvc, String slug) throws Exception {
        return tokenIn(mvc.perform(get("/appeals/{slug}/report", slug))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    public static String tokenIn(String html) {
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new AssertionError("the page carries no submission token");
        }
        return token.group(1);
    }

    /** A report POST with a fresh form's token and CSRF token; add the fields. */
    public static MockHttpServletRequestBuilder report(MockMvc mvc, String slug) throws Exception {
        return report(slug, token(mvc, slug));
    }

    public static MockHttpServletRequestBuilder report(String slug, String token) {
        return post("/appeals/{slug}/report", slug).with(csrf()).param("submissionToken", token);
    }
}
