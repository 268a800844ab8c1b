package org.urgentaction.targets;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TargetAdminTests {

    private static final RequestPostProcessor EDITOR = user("ed@example.org").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TargetRepository targets;

    private static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder request, String name) {
        return request.with(EDITOR)
                .with(csrf())
                .param("name", name)
                .param("title", "Ambassador")
                .param("organisation", "Embassy of Exampleland")
                .param("addressLines", "1 Embassy Row")
                .param("city", "Bern")
                .param("postcode", "3000")
                .param("country", "ch")
                .param("accreditedCountry", "ch")
                .param("email", "embassy@example.org")
                .param("fax", "+41 31 000 00 00")
                .param("preferredLanguage", "fr");
    }

    @Test
    void theDirectoryIsSearchedAndEachTargetShowsTheAppealsUsingIt() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Uses the official", "CN", null);

        mvc.perform(get("/admin/targets")
                        .param("q", "Official " + appeal.reference())
                        .with(EDITOR))
                .andExpect(content().string(containsString("Official " + appeal.reference())));
        mvc.perform(get("/admin/targets/{id}/edit", appeal.primaryTargetId()).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Used by these appeals"), containsString("Uses the official"))));
    }

    @Test
    void officeHoursAreKeptInTheTargetsTimeZoneAndBadOnesAreRefusedWithAMessage() throws Exception {
        String name = "Office hours " + System.nanoTime();
        mvc.perform(fields(post("/admin/targets"), name).param("timeZone", "Mars/Olympus_Mons"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Use a time zone name such as Asia/Shanghai")));
        mvc.perform(fields(post("/admin/targets"), name)
                        .param("officeOpens", "17:00")
                        .param("officeCloses", "09:00")
                        .param("timeZone", "Europe/Zurich"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("Give both the opening and the closing time, opening first")));
        mvc.perform(fields(post("/admin/targets"), name).param("officeOpens", "9 o'clock"))
                .andExpect(status().isBadRequest());
        assertThat(targets.findAll()).noneMatch(t -> t.getName().equals(name));

        String location = mvc.perform(fields(post("/admin/targets"), name)
                        .param("timeZone", "Europe/Zurich")
                        .param("officeOpens", "08:30")
                        .param("officeCloses", "16:00")
                        .param("officeDays", "MONDAY", "FRIDAY"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        OfficeHours hours = targets.findById(Long.parseLong(location.replaceAll("\\D+", "")))
                .orElseThrow()
                .getOfficeHours();
        assertThat(hours.getTimeZone()).isEqualTo("Europe/Zurich");
        assertThat(hours.getOpens()).isEqualTo(java.time.LocalTime.of(8, 30));
        assertThat(hours.getDays()).containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
    }

    @Test
    void theAddressAsTheDocumentPrintsItIsKeptLineByLineAndBadOnesAreRefusedWithMessages() throws Exception {
        String name = "Printed " + System.nanoTime();
        String printed = "Zhang Fusen Buzhang\nSifabu\n10 Chaoyangmen Nandajie\nChaoyangqu\nBeijingshi 100020\n"
                + "People's Republic of China";
        mvc.perform(post("/admin/targets")
                        .with(EDITOR)
                        .with(csrf())
                        .param("name", name)
                        .param("printedAddress", "line\n".repeat(13)))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Keep the printed address to 12 lines of at most 200 characters each."),
                                containsString("Give the country code too"))));
        mvc.perform(fields(post("/admin/targets"), name).param("printedAddress", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Keep the printed address to 12 lines")));
        assertThat(targets.findAll()).noneMatch(t -> t.getName().equals(name));

        String location = mvc.perform(fields(post("/admin/targets"), name)
                        .param("printedAddress", "  " + printed.replace("\n", "\r\n\r\n") + "\n"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Target target = targets.findById(Long.parseLong(location.replaceAll("\\D+", "")))
                .orElseThrow();
        assertThat(target.addressBlock())
                .as("verbatim, in the document's order: no comma added, nothing dropped")
                .containsExactly(printed.split("\n"));
        assertThat(target.getAddress().getCountry()).isEqualTo("CH");
        mvc.perform(get("/admin/targets").param("q", "Sifabu").with(EDITOR))
                .andExpect(content().string(containsString(name)));
        mvc.perform(get(location).with(EDITOR)).andExpect(content().string(containsString("Beijingshi 100020")));

        mvc.perform(fields(post(location.replace("/edit", "")), name)
                        .param("version", String.valueOf(target.getVersion()))
                        .param("printedAddress", " \n "))
                .andExpect(status().isFound());
        assertThat(targets.findById(target.getId()).orElseThrow().addressBlock())
                .as("emptied, the block is composed again")
                .startsWith(name, "Ambassador", "Embassy of Exampleland")
                .endsWith("3000 Bern", "Switzerland");
    }

    @Test
    void anEmbassyIsCreatedWithTheCountryItIsAccreditedIn() throws Exception {
        String location = mvc.perform(fields(post("/admin/targets"), "Embassy test " + System.nanoTime()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));

        Target target = targets.findById(id).orElseThrow();
        assertThat(target.getAccreditedCountry()).isEqualTo("CH");
        assertThat(target.addressBlock()).endsWith("1 Embassy Row", "3000 Bern", "Switzerland");
    }

    @Test
    void badContactDetailsAreRefusedWithMessages() throws Exception {
        mvc.perform(fields(post("/admin/targets"), "")
                        .param("email", "not-mail")
                        .param("fax", "call me"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Please fill this in."),
                                containsString("Enter one e-mail address"),
                                containsString("Use digits, spaces"))));
    }

    /** The form's one e-mail field, in place of the valid one. */
    private static RequestPostProcessor email(String email) {
        return request -> {
            request.removeParameter("email");
            request.addParameter("email", email);
            return request;
        };
    }

    @Test
    void anEmailWithAQueryOrASecondAddressIsRefusedAndNotSaved() throws Exception {
        for (String email : List.of(
                "minister?bcc=spy@evil.example",
                "minister&cc=spy@evil.example",
                "a@example.org,b@example.org",
                "a b@example.org",
                "a@example.org\r\nBcc: b@example.org",
                "minister%3Fbcc=spy@evil.example",
                "a=b@example.org")) {
            String name = "Strict e-mail " + System.nanoTime();
            mvc.perform(fields(post("/admin/targets"), name).with(email(email)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Enter one e-mail address")));
            assertThat(targets.findAll()).noneMatch(t -> t.getName().equals(name));
        }
        mvc.perform(fields(post("/admin/targets"), "Plain e-mail " + System.nanoTime())
                        .with(email("o'brien.minister+ua@gov.example.org")))
                .andExpect(status().isFound());
    }

    @Test
    void aStaleSaveOfATargetIsRefusedAndNothingIsLost() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Stale target", "CN", null);
        long id = appeal.primaryTargetId();
        long version = targets.findById(id).orElseThrow().getVersion();

        mvc.perform(fields(post("/admin/targets/{id}", id), "Saved first").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(fields(post("/admin/targets/{id}", id), "Typed second").param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(containsString("Saved first"), containsString("value=\"Typed second\""))));
        assertThat(targets.findById(id).orElseThrow().getName()).isEqualTo("Saved first");
    }
}
