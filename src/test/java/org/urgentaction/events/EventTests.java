package org.urgentaction.events;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events: the public list, page and calendar file, the staff pages and their refusals, event codes. */
@IntegrationTest
class EventTests {

    private static final RequestPostProcessor EDITOR = user("ed@example.org").roles("EDITOR");
    private static final RequestPostProcessor ORGANISER =
            user("org@example.org").roles("ORGANISER");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventEditing editing;

    @Autowired
    JdbcClient jdbc;

    private static EventForm form(String title, LocalDateTime start, LocalDateTime end, String zone, Long... appeals) {
        return new EventForm(
                null,
                EventKind.VIGIL,
                title,
                "A vigil for " + title,
                "opposite the Ministry",
                "1 Test Square",
                "London",
                null,
                "SW1A 1AA",
                "GB",
                "Nearest tube: Westminster",
                start,
                end,
                zone,
                "Group 7",
                List.of(appeals));
    }

    private long published(EventForm form) {
        long id = editing.create(form);
        editing.publish(id, editing.currentVersion(id));
        return id;
    }

    private String slugOf(long id) {
        return jdbc.sql("select slug from event where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long countTitled(String title) {
        return jdbc.sql("select count(*) from event where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder request, String title) {
        return request.with(EDITOR)
                .with(csrf())
                .param("kind", "LETTER_WRITING")
                .param("title", title)
                .param("description", "Bring a pen.")
                .param("venue", "Church hall")
                .param("addressLines", "2 Chapel Road")
                .param("city", "Leeds")
                .param("postcode", "LS1 1AA")
                .param("country", "gb")
                .param("directions", "Bus 5 to the door")
                .param("startsAt", "2031-05-20T18:30")
                .param("endsAt", "2031-05-20T21:00")
                .param("timeZone", "Europe/London")
                .param("organiser", "Leeds group");
    }

    @Test
    void theListShowsUpcomingEventsSoonestFirstThenPastOnesMarkedMostRecentFirst() throws Exception {
        String tag = " " + System.nanoTime();
        LocalDateTime now = LocalDateTime.now();
        published(form("Later" + tag, now.plusDays(30), now.plusDays(30).plusHours(2), "Europe/London"));
        published(form("Sooner" + tag, now.plusDays(3), now.plusDays(3).plusHours(2), "Asia/Tokyo"));
        published(form("Long ago" + tag, now.minusYears(2), now.minusYears(2).plusHours(2), "Europe/London"));
        published(form("Last month" + tag, now.minusDays(30), now.minusDays(30).plusHours(2), "Europe/London"));
        editing.create(form("Draft" + tag, now.plusDays(5), now.plusDays(5).plusHours(1), "Europe/London"));

        String page = mvc.perform(get("/events"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain("Draft" + tag);
        int sooner = page.indexOf("Sooner" + tag);
        int later = page.indexOf("Later" + tag);
        int lastMonth = page.indexOf("Last month" + tag);
        int longAgo = page.indexOf("Long ago" + tag);
        assertThat(sooner).isPositive().isLessThan(later);
        assertThat(later).isLessThan(lastMonth);
        assertThat(lastMonth).isLessThan(longAgo);
        String upcomingItem = page.substring(page.lastIndexOf("<li", sooner), sooner);
        String pastItem = page.substring(page.lastIndexOf("<li", lastMonth), lastMonth);
        assertThat(upcomingItem).doesNotContain("Past");
        assertThat(pastItem).contains("class=\"past\"", "Past");
    }

    @Test
    void theEventPageShowsItsTimesInTheEventsZoneWithVenueAddressDirectionsAndAppeals() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Held for at a vigil", "CN", null);
        long id = published(form(
                "New York vigil " + System.nanoTime(),
                LocalDateTime.of(2031, 3, 9, 19, 0),
                LocalDateTime.of(2031, 3, 9, 21, 30),
                "America/New_York",
                appeal.id()));

        mvc.perform(get("/events/{slug}", slugOf(id)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Sunday 9 March 2031, 7 pm – 9:30 pm"),
                                containsString("Eastern Daylight Time (America/New_York)"),
                                containsString("opposite the Ministry"),
                                containsString("1 Test Square"),
                                containsString("SW1A 1AA"),
                                containsString("United Kingdom"),
                                containsString("Nearest tube: Westminster"),
                                containsString("Group 7"),
                                containsString("Held for at a vigil"),
                                containsString("/events/" + slugOf(id) + ".ics"))));
    }

    @Test
    void theCalendarFileIsRfc5545WithTheEventsTimeZoneAndParsesBackToTheSameTimes() throws Exception {
        long id = published(form(
                "Summer protest " + System.nanoTime(),
                LocalDateTime.of(2031, 7, 4, 11, 0),
                LocalDateTime.of(2031, 7, 4, 13, 0),
                "America/New_York"));
        String slug = slugOf(id);

        MvcResult result = mvc.perform(get("/events/{slug}.ics", slug))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + slug + ".ics\""))
                .andReturn();
        String ics = result.getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;TZID=America/New_York:20310704T110000");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE"))
                .singleElement()
                .satisfies(zone -> assertThat(zone.getTimeZoneId().getValue()).isEqualTo("America/New_York"));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        Property start = event.getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("America/New_York");
        Temporal startsAt = event.getStartDate().orElseThrow().getDate();
        Temporal endsAt = event.getEndDate().orElseThrow().getDate();
        ZonedDateTime expectedStart = ZonedDateTime.of(2031, 7, 4, 11, 0, 0, 0, ZoneId.of("America/New_York"));
        assertThat(ZonedDateTime.from(startsAt).toInstant()).isEqualTo(expectedStart.toInstant());
        assertThat(ZonedDateTime.from(startsAt).toInstant().toString()).isEqualTo("2031-07-04T15:00:00Z");
        assertThat(ZonedDateTime.from(endsAt).toInstant())
                .isEqualTo(expectedStart.plusHours(2).toInstant());
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("event-" + id + "@localhost");
        assertThat(event.getDateStamp()).isPresent();
        assertThat(event.getSummary().getValue()).startsWith("Summer protest");
        assertThat(event.getLocation().getValue())
                .isEqualTo("opposite the Ministry, 1 Test Square, London, SW1A 1AA, United Kingdom");
        assertThat(event.getDescription().getValue()).contains("A vigil for", "Nearest tube: Westminster");
        assertThat(event.getUrl().getValue()).isEqualTo("http://localhost/events/" + slug);
    }

    @Test
    void aDraftHasNoPublicPageNoCalendarFileAndIsNotOnItsAppealsPage() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Draft event's appeal", "CN", null);
        String title = "Not yet announced " + System.nanoTime();
        long id = editing.create(form(
                title, LocalDateTime.of(2031, 1, 1, 10, 0), LocalDateTime.of(2031, 1, 1, 12, 0), "UTC", appeal.id()));

        mvc.perform(get("/events/{slug}", slugOf(id))).andExpect(status().isNotFound());
        mvc.perform(get("/events/{slug}.ics", slugOf(id))).andExpect(status().isNotFound());
        mvc.perform(get("/events/no-such-event")).andExpect(status().isNotFound());
        mvc.perform(get("/appeals/{slug}", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(title))));
    }

    @Test
    void eachLinkedAppealsPageShowsTheEvent() throws Exception {
        TestFixtures.Created first = fixtures.published("First appeal of an evening", "CN", null);
        TestFixtures.Created second = fixtures.published("Second appeal of an evening", "CN", null);
        String title = "Letter-writing for two " + System.nanoTime();
        long id = published(form(
                        title,
                        LocalDateTime.of(2031, 10, 12, 18, 0),
                        LocalDateTime.of(2031, 10, 12, 20, 0),
                        "Europe/London",
                        first.id(),
                        second.id())
                .heldFor(List.of(first.id(), second.id())));

        for (TestFixtures.Created appeal : List.of(first, second)) {
            mvc.perform(get("/appeals/{slug}", appeal.slug()))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString(title),
                                    containsString("/events/" + slugOf(id)),
                                    containsString("Sunday 12 October 2031, 6 pm – 8 pm"))));
        }
    }

    @Test
    void staffCreateAnEventThroughTheFormAuditedAsADraftThenPublishAndUnpublishIt() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Appeal of the form's event", "CN", null);
        String title = "Form event " + System.nanoTime();
        mvc.perform(get("/admin/events/new").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Appeal of the form&#39;s event")));

        String location = mvc.perform(
                        fields(post("/admin/events"), title).param("appealIds", String.valueOf(appeal.id())))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));
        String slug = slugOf(id);
        assertThat(slug).startsWith("2031-05-20-form-event-");
        mvc.perform(get("/events/{slug}", slug)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/events/{id}", id).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("event.created"),
                                containsString("Draft"),
                                containsString("2031-05-20T18:30"))));

        long version = editing.currentVersion(id);
        mvc.perform(post("/admin/events/{id}/publish", id)
                        .with(EDITOR)
                        .with(csrf())
                        .param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(get("/events/{slug}", slug))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tuesday 20 May 2031, 6:30 pm – 9 pm")));
        mvc.perform(get("/events")).andExpect(content().string(containsString(title)));

        // Publishing again from the page as it was before is refused: someone (this user) changed it since.
        mvc.perform(post("/admin/events/{id}/unpublish", id)
                        .with(EDITOR)
                        .with(csrf())
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone changed this event meanwhile")));
        mvc.perform(get("/events/{slug}", slug)).andExpect(status().isOk());

        mvc.perform(post("/admin/events/{id}/unpublish", id)
                        .with(EDITOR)
                        .with(csrf())
                        .param("version", String.valueOf(editing.currentVersion(id))))
                .andExpect(status().isFound());
        mvc.perform(get("/events/{slug}", slug)).andExpect(status().isNotFound());
        assertThat(jdbc.sql(
                                "select action from audit_entry where subject_type = 'event' and subject_id = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("event.created", "event.published", "event.unpublished");
    }

    @Test
    void badInputIsRefusedWithAMessageOnTheFieldAndNothingIsSaved() throws Exception {
        String title = "Refused event " + System.nanoTime();
        record Bad(String field, String value, String message) {}
        for (Bad bad : List.of(
                new Bad("title", "x".repeat(301), "Please keep this to 300 characters at most."),
                new Bad("title", " ", "Please fill this in."),
                new Bad("venue", "v".repeat(301), "Please keep this to 300 characters at most."),
                new Bad("directions", "d".repeat(2_001), "Please keep this to 2,000 characters at most."),
                new Bad("description", "d".repeat(20_001), "Please keep this to 20,000 characters at most."),
                new Bad("timeZone", "Mars/Olympus_Mons", "Use a time zone name such as Europe/London"),
                new Bad("timeZone", "", "Please fill this in."),
                // Known to the JDK, not to the calendar library: its .ics would fail to download.
                new Bad("timeZone", "SystemV/EST5", "Use a time zone name such as Europe/London"),
                new Bad("endsAt", "2031-05-20T17:00", "The event must end after it starts."),
                new Bad("endsAt", "2031-05-20T18:30", "The event must end after it starts."),
                new Bad("startsAt", "next Tuesday", "Enter a date and time, such as 2017-12-10T11:00."),
                new Bad("startsAt", "", "Enter when it starts."),
                new Bad("startsAt", "0001-05-20T18:00", "Check the year"),
                new Bad("kind", "PICNIC", "Choose the kind of event."),
                new Bad("country", "XX", "Use a two-letter country code, such as GB or CN."),
                new Bad("appealIds", "999999999", "one of them does not exist"),
                new Bad("appealIds", "abc", "Choose appeals from the list."))) {
            // In place of the good value fields() gives, if it gives one.
            mvc.perform(fields(post("/admin/events"), title).with(request -> {
                        request.removeParameter(bad.field());
                        request.addParameter(bad.field(), bad.value());
                        return request;
                    }))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(bad.message())))
                    .andReturn();
        }
        assertThat(countTitled(title)).isZero();
        assertThat(countTitled("x".repeat(301))).isZero();
    }

    @Test
    void anEditFromAStaleVersionIsAConflictShowingTheDifferenceAndSavesNothing() throws Exception {
        long id = editing.create(form(
                "Stale " + System.nanoTime(),
                LocalDateTime.of(2031, 2, 2, 10, 0),
                LocalDateTime.of(2031, 2, 2, 11, 0),
                "Europe/Paris"));
        long loaded = editing.currentVersion(id);
        mvc.perform(fields(post("/admin/events/{id}", id), "Colleague's title")
                        .param("version", String.valueOf(loaded)))
                .andExpect(status().isFound());

        mvc.perform(fields(post("/admin/events/{id}", id), "My title").param("version", String.valueOf(loaded)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("Someone else saved this while you were editing."),
                                containsString("Colleague&#39;s title"),
                                containsString("My title"))));
        assertThat(jdbc.sql("select title from event where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Colleague's title");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'event' and subject_id = ?"
                                + " and action = 'event.updated'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // A bad edit of the saved version is refused (400) and leaves it as it was, too.
        mvc.perform(fields(post("/admin/events/{id}", id), "Mine")
                        .param("version", String.valueOf(editing.currentVersion(id)))
                        .with(request -> {
                            request.removeParameter("timeZone");
                            request.addParameter("timeZone", "Europe/Atlantis");
                            return request;
                        }))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Use a time zone name such as Europe/London")));
        assertThat(jdbc.sql("select time_zone from event where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Europe/London");
    }

    @Test
    void organisersMayNotEditEventsAndEditorsMayNotHandOutCodes() throws Exception {
        mvc.perform(fields(post("/admin/events"), "Organiser's event").with(ORGANISER))
                .andExpect(status().isForbidden());
        long id = editing.create(form(
                "Codes need organisers " + System.nanoTime(),
                LocalDateTime.of(2031, 2, 2, 10, 0),
                LocalDateTime.of(2031, 2, 2, 11, 0),
                "Europe/Paris"));
        mvc.perform(post("/admin/events/{id}/event-codes", id).with(EDITOR).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEventCodeForTheEventsDayIsHandedOutOnTheEventsPageForOneOfItsAppeals() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Appeal of the coded evening", "CN", null);
        TestFixtures.Created other = fixtures.published("Appeal of no evening", "CN", null);
        LocalDate day = LocalDate.now().plusDays(10);
        long id = published(form(
                "Coded evening " + System.nanoTime(),
                day.atTime(18, 30),
                day.atTime(21, 0),
                "Asia/Tokyo",
                appeal.id()));

        mvc.perform(post("/admin/events/{id}/event-codes", id)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("appealId", String.valueOf(other.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose one of the event&#39;s own appeals")));
        mvc.perform(post("/admin/events/{id}/event-codes", id)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("appealId", String.valueOf(appeal.id())))
                .andExpect(status().isFound());

        var code = editing.codesOf(id).getFirst();
        assertThat(code.appealId()).isEqualTo(appeal.id());
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(code.validFrom()).isEqualTo(day.atStartOfDay(tokyo).toInstant());
        assertThat(code.validUntil())
                .isEqualTo(day.plusDays(1).atStartOfDay(tokyo).toInstant());
        assertThat(code.validAt(day.atTime(18, 0).atZone(tokyo).toInstant())).isTrue();
        assertThat(code.validAt(day.atTime(23, 59).atZone(tokyo).toInstant())).isTrue();
        assertThat(jdbc.sql("select count(*) from report_event_code where id = ? and appeal_id = ?")
                        .params(code.id(), appeal.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/admin/events/{id}", id).with(ORGANISER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code.display())));
        mvc.perform(get("/admin/events/{id}", id).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code.display()))));
        mvc.perform(get("/admin/appeals/{id}/reports", appeal.id()).with(ORGANISER))
                .andExpect(content().string(containsString(code.display())));
    }

    @Test
    void noCodeIsHandedOutForAnEventThatIsOver() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Appeal of a past evening", "CN", null);
        LocalDate day = LocalDate.now().minusDays(3);
        long id = published(
                form("Past evening " + System.nanoTime(), day.atTime(18, 0), day.atTime(20, 0), "UTC", appeal.id()));

        mvc.perform(post("/admin/events/{id}/event-codes", id)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("appealId", String.valueOf(appeal.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The event is over")));
        assertThat(editing.codesOf(id)).isEmpty();
    }

    @Test
    void noCodeIsHandedOutForADraftOrForAnEventOfWeeks() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Appeal of a long vigil", "CN", null);
        LocalDate day = LocalDate.now().plusDays(2);
        long draft = editing.create(
                form("Draft evening " + System.nanoTime(), day.atTime(18, 0), day.atTime(20, 0), "UTC", appeal.id()));
        mvc.perform(post("/admin/events/{id}/event-codes", draft)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("appealId", String.valueOf(appeal.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Publish the event first")));
        long weeks = published(form(
                "Vigil of weeks " + System.nanoTime(),
                day.atTime(9, 0),
                day.plusWeeks(3).atTime(9, 0),
                "UTC",
                appeal.id()));
        mvc.perform(post("/admin/events/{id}/event-codes", weeks)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("appealId", String.valueOf(appeal.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("runs over more than three days")));
        assertThat(editing.codesOf(draft)).isEmpty();
        assertThat(editing.codesOf(weeks)).isEmpty();
    }
}
