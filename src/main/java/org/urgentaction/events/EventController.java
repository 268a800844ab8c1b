package org.urgentaction.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public events list, each event's page and its calendar file. Drafts are not found. */
@Controller
class EventController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final EventCatalog catalog;
    private final EventCalendar calendar;

    EventController(EventCatalog catalog, EventCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @GetMapping("/events")
    String list(Model model) {
        model.addAttribute("events", catalog.list());
        return "events/list";
    }

    @GetMapping("/events/{slug}")
    String show(@PathVariable String slug, Model model) {
        model.addAttribute("event", catalog.findPublic(slug).orElseThrow(() -> new EventNotFoundException(slug)));
        return "events/show";
    }

    @GetMapping("/events/{slug}.ics")
    ResponseEntity<String> ics(@PathVariable String slug) {
        Event event = catalog.findPublished(slug).orElseThrow(() -> new EventNotFoundException(slug));
        URI page = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/events/{slug}")
                .buildAndExpand(event.getSlug())
                .toUri();
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(event.getSlug() + ".ics")
                                .build()
                                .toString())
                .body(calendar.of(event, page, page.getHost()));
    }
}
