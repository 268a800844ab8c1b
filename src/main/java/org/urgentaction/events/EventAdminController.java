package org.urgentaction.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanEdit;
import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.appeals.AppealNames;
import org.urgentaction.appeals.AppealNames.AppealName;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/**
 * Staff work on events: the list, the form, publishing, and event codes for the room. Every staff
 * member may look; editors and administrators change events (as they do appeals); organisers and
 * administrators hand out event codes (as on an appeal's reports page).
 */
@Controller
@RequestMapping("/admin/events")
class EventAdminController {

    private static final String FORM = "admin/events/form";
    /** How many appeals the form offers to link, the newest first (linked ones always). */
    private static final int APPEAL_CHOICES = 300;

    private final EventEditing editing;
    private final EventRepository events;
    private final AppealNames appeals;
    private final AuditLog audit;

    EventAdminController(EventEditing editing, EventRepository events, AppealNames appeals, AuditLog audit) {
        this.editing = editing;
        this.events = events;
        this.appeals = appeals;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("events", events.findAllByOrderByStartsAtDescIdDesc());
        return "admin/events/list";
    }

    @GetMapping("/new")
    @CanEdit
    String newEvent(Model model) {
        EventForm form = EventForm.empty();
        model.addAttribute("eventForm", form);
        return choices(model, form);
    }

    @PostMapping
    @CanEdit
    ModelAndView create(
            @Valid @ModelAttribute("eventForm") EventForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        checkAppeals(form, errors);
        if (errors.hasErrors()) {
            return new ModelAndView(choices(model, form), HttpStatus.BAD_REQUEST);
        }
        long id;
        try {
            id = editing.create(form);
        } catch (EventRuleException meanwhile) { // an appeal was removed since the check
            errors.rejectValue("appealIds", meanwhile.messageKey());
            return new ModelAndView(choices(model, form), HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return toEvent(id);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        EventForm form = EventForm.of(editing.get(id));
        model.addAttribute("eventForm", form);
        return page(id, form, model);
    }

    @PostMapping("/{id}")
    @CanEdit
    ModelAndView update(
            @PathVariable long id,
            @Valid @ModelAttribute("eventForm") EventForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        checkAppeals(form, errors);
        if (errors.hasErrors()) {
            return new ModelAndView(page(id, form, model), HttpStatus.BAD_REQUEST);
        }
        try {
            editing.update(id, form);
        } catch (EventRuleException meanwhile) {
            errors.rejectValue("appealIds", meanwhile.messageKey());
            return new ModelAndView(page(id, form, model), HttpStatus.BAD_REQUEST);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            Event saved = editing.get(id);
            return new ModelAndView(
                    page(id, form, model), EditConflict.show(model, EventForm.of(saved), form, saved.getVersion()));
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return toEvent(id);
    }

    @PostMapping("/{id}/publish")
    @CanEdit
    ModelAndView publish(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return act(id, model, redirect, "admin.events.published", () -> editing.publish(id, version));
    }

    @PostMapping("/{id}/unpublish")
    @CanEdit
    ModelAndView unpublish(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return act(id, model, redirect, "admin.events.unpublished", () -> editing.unpublish(id, version));
    }

    /** An event code for one of the event's appeals, valid through the event's days. */
    @PostMapping("/{id}/event-codes")
    @CanSeeCounts
    ModelAndView issueCode(
            @PathVariable long id,
            @RequestParam(required = false) Long appealId,
            Authentication staff,
            Model model,
            RedirectAttributes redirect) {
        if (appealId == null) {
            return refuse(id, model, HttpStatus.BAD_REQUEST, "event.code.notLinked");
        }
        return act(
                id,
                model,
                redirect,
                "admin.events.codeCreated",
                () -> editing.issueCode(id, appealId, staff.getName()));
    }

    private ModelAndView act(long id, Model model, RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
        } catch (StaleEditException | ObjectOptimisticLockingFailureException stale) {
            return refuse(id, model, HttpStatus.CONFLICT, "admin.events.stale");
        } catch (EventRuleException refused) {
            return refuse(id, model, HttpStatus.BAD_REQUEST, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", notice);
        return toEvent(id);
    }

    private ModelAndView refuse(long id, Model model, HttpStatus status, String problem) {
        EventForm form = EventForm.of(editing.get(id));
        model.addAttribute("problem", problem);
        model.addAttribute("eventForm", form);
        return new ModelAndView(page(id, form, model), status);
    }

    private void checkAppeals(EventForm form, BindingResult errors) {
        if (errors.getTarget() != null
                && !errors.hasFieldErrors("appealIds")
                && !editing.unknownAppeals(form.appealIds()).isEmpty()) {
            errors.rejectValue("appealIds", "event.appeal.unknown");
        }
    }

    private String page(long id, EventForm form, Model model) {
        Event event = editing.get(id);
        model.addAttribute("eventId", id);
        model.addAttribute("event", event);
        model.addAttribute("codes", editing.codesOf(id));
        model.addAttribute("linked", appeals.of(event.getAppealIds()));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("trail", audit.trailOf(EventEditing.SUBJECT, id));
        return choices(model, form);
    }

    /** The kinds and the appeals the form offers: the newest, and those the form links. */
    private String choices(Model model, EventForm form) {
        Map<Long, AppealName> offered = new LinkedHashMap<>();
        if (form != null) {
            offered.putAll(appeals.of(form.appealIds()));
        }
        appeals.recent(APPEAL_CHOICES).forEach(a -> offered.putIfAbsent(a.id(), a));
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("appealChoices", offered.values());
        return FORM;
    }

    private static ModelAndView toEvent(long id) {
        return new ModelAndView("redirect:/admin/events/" + id);
    }
}
