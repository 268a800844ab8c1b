package org.urgentaction.appeals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.AdminOnly;
import org.urgentaction.accounts.CanEdit;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.targets.TargetDirectory;
import org.urgentaction.targets.TargetForm;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/**
 * Staff work on appeals: the list, one page per appeal with every part of it, and the forms that
 * change it. Organisers may look; editors and administrators may change; only administrators
 * reopen a closed appeal.
 */
@Controller
class AppealAdminController {

    /** Uploaded documents: PDF only, at most this size. */
    static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    private final AppealEditing editing;
    private final AppealCatalog catalog;
    private final AppealAdminSearch search;
    private final AppealLetters letters;
    private final TargetDirectory directory;
    private final AuditLog audit;

    AppealAdminController(AppealEditing editing, AppealCatalog catalog, AppealAdminSearch search, AppealLetters letters,
                          TargetDirectory directory, AuditLog audit) {
        this.editing = editing;
        this.catalog = catalog;
        this.search = search;
        this.letters = letters;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/admin/appeals")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) AppealStatus status,
                @RequestParam(required = false) String country,
                @RequestParam(defaultValue = "DEADLINE") AppealAdminSearch.Sort sort,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("appeals", search.search(q, status, country, sort, PageRequest.of(Math.max(page, 1) - 1, 25)));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("country", country);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", AppealStatus.values());
        return "admin/appeals/list";
    }

    // --- the appeal itself ---------------------------------------------------------------------

    @GetMapping("/admin/appeals/new")
    @CanEdit
    String newAppeal(Model model) {
        model.addAttribute("form", AppealForm.empty());
        return "admin/appeals/form";
    }

    @PostMapping("/admin/appeals")
    @CanEdit
    String create(@Valid @ModelAttribute("form") AppealForm form, BindingResult errors, HttpServletResponse response,
                  RedirectAttributes redirect) {
        checkReference(form, null, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/appeals/form";
        }
        long id = editing.create(form);
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/appeals/" + id;
    }

    @GetMapping("/admin/appeals/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String targetQuery, Model model) {
        return showPage(editing.get(id), targetQuery, model);
    }

    /** The public page exactly as supporters will see it, drafts included. */
    @GetMapping("/admin/appeals/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        model.addAttribute("appeal", catalog.getForStaff(id));
        model.addAttribute("actions", 0L);
        model.addAttribute("preview", true);
        return "appeals/show";
    }

    @GetMapping("/admin/appeals/{id}/edit")
    @CanEdit
    String edit(@PathVariable long id, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", AppealForm.of(appeal));
        return "admin/appeals/form";
    }

    @PostMapping("/admin/appeals/{id}")
    @CanEdit
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AppealForm form, BindingResult errors,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checkReference(form, id, errors);
        if (errors.hasErrors()) {
            model.addAttribute("appeal", editing.get(id));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/appeals/form";
        }
        try {
            editing.update(id, form);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            Appeal saved = editing.get(id);
            model.addAttribute("appeal", saved);
            EditConflict.show(model, response, AppealForm.of(saved), form, saved.getVersion());
            return "admin/appeals/form";
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/appeals/" + id;
    }

    @PostMapping("/admin/appeals/{id}/publish")
    @CanEdit
    String publish(@PathVariable long id, @RequestParam(required = false) Long version, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.appeal.published", () -> editing.publish(id, version));
    }

    @PostMapping("/admin/appeals/{id}/close")
    @CanEdit
    String close(@PathVariable long id, @Valid @ModelAttribute("closeForm") AppealAdminForms.CloseForm form,
                 BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refuse(id, model, response, HttpStatus.BAD_REQUEST, "appeal.rule.closeNeedsOutcome");
        }
        return act(id, model, response, redirect, "admin.appeal.closed",
                () -> editing.close(id, form.version(), form.outcome(), form.note()));
    }

    @PostMapping("/admin/appeals/{id}/reopen")
    @AdminOnly
    String reopen(@PathVariable long id, @RequestParam(required = false) Long version, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.appeal.reopened", () -> editing.reopen(id, version));
    }

    @PostMapping("/admin/appeals/{id}/follow-up")
    @CanEdit
    String followUp(@PathVariable long id, RedirectAttributes redirect) {
        long followUp = editing.issueFollowUp(id);
        redirect.addFlashAttribute("notice", "admin.appeal.followUpIssued");
        return "redirect:/admin/appeals/" + followUp + "/edit";
    }

    // --- people at risk ------------------------------------------------------------------------

    @GetMapping("/admin/appeals/{id}/people/new")
    @CanEdit
    String newPerson(@PathVariable long id, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", PersonForm.empty(appeal.getVersion()));
        model.addAttribute("situations", Situation.values());
        return "admin/appeals/person";
    }

    @PostMapping("/admin/appeals/{id}/people")
    @CanEdit
    String addPerson(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return savePerson(id, null, form, errors, model, response, redirect);
    }

    @GetMapping("/admin/appeals/{id}/people/{personId}/edit")
    @CanEdit
    String editPerson(@PathVariable long id, @PathVariable long personId, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("personId", personId);
        model.addAttribute("form", PersonForm.of(person(appeal, personId), appeal.getVersion()));
        model.addAttribute("situations", Situation.values());
        return "admin/appeals/person";
    }

    @PostMapping("/admin/appeals/{id}/people/{personId}")
    @CanEdit
    String updatePerson(@PathVariable long id, @PathVariable long personId, @Valid @ModelAttribute("form") PersonForm form,
                        BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return savePerson(id, personId, form, errors, model, response, redirect);
    }

    @PostMapping("/admin/appeals/{id}/people/{personId}/delete")
    @CanEdit
    String removePerson(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) Long version,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.saved", () -> editing.removePerson(id, personId, version));
    }

    private String savePerson(long id, Long personId, PersonForm form, BindingResult errors, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("personId", personId);
        model.addAttribute("situations", Situation.values());
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/appeals/person";
        }
        try {
            if (personId == null) {
                editing.addPerson(id, form);
            } else {
                editing.updatePerson(id, personId, form);
            }
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            Appeal saved = editing.get(id);
            PersonForm savedForm = personId == null ? PersonForm.empty(saved.getVersion())
                    : PersonForm.of(person(saved, personId), saved.getVersion());
            EditConflict.show(model, response, savedForm, form, saved.getVersion());
            return "admin/appeals/person";
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/appeals/" + id;
    }

    private static PersonAtRisk person(Appeal appeal, long personId) {
        return appeal.getPeople().stream().filter(p -> p.getId() == personId).findFirst()
                .orElseThrow(() -> new AppealNotFoundException("person " + personId));
    }

    // --- targets -------------------------------------------------------------------------------

    @PostMapping("/admin/appeals/{id}/targets")
    @CanEdit
    String attachTarget(@PathVariable long id, @Valid @ModelAttribute("attachForm") AppealAdminForms.AttachForm form,
                        BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refuse(id, model, response, HttpStatus.BAD_REQUEST, "admin.appeal.chooseTarget");
        }
        return act(id, model, response, redirect, "admin.saved",
                () -> editing.attachTarget(id, form.version(), form.targetId(), form.role()));
    }

    @PostMapping("/admin/appeals/{id}/targets/create")
    @CanEdit
    String createTarget(@PathVariable long id, @Valid @ModelAttribute("targetForm") TargetForm form, BindingResult errors,
                        @RequestParam(defaultValue = "PRIMARY") TargetRole role, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showPage(editing.get(id), null, model);
        }
        return act(id, model, response, redirect, "admin.saved",
                () -> editing.createAndAttachTarget(id, form.version(), form.toTarget(), role));
    }

    @PostMapping("/admin/appeals/{id}/targets/{targetId}/delete")
    @CanEdit
    String detachTarget(@PathVariable long id, @PathVariable long targetId, @RequestParam(required = false) Long version,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.saved", () -> editing.detachTarget(id, version, targetId));
    }

    @PostMapping("/admin/appeals/{id}/targets/{targetId}/move")
    @CanEdit
    String moveTarget(@PathVariable long id, @PathVariable long targetId, @RequestParam(required = false) Long version,
                      @RequestParam int direction, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.saved", () -> editing.moveTarget(id, version, targetId, direction));
    }

    // --- timeline and resources ----------------------------------------------------------------

    @PostMapping("/admin/appeals/{id}/updates")
    @CanEdit
    String addUpdate(@PathVariable long id, @Valid @ModelAttribute("updateForm") AppealAdminForms.UpdateForm form,
                     BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showPage(editing.get(id), null, model);
        }
        return act(id, model, response, redirect, "admin.saved", () -> editing.addUpdate(id, form.version(),
                new AppealUpdate(form.happenedOn(), form.headline(), form.body())));
    }

    @PostMapping("/admin/appeals/{id}/updates/{updateId}/delete")
    @CanEdit
    String removeUpdate(@PathVariable long id, @PathVariable long updateId, @RequestParam(required = false) Long version,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.saved", () -> editing.removeUpdate(id, version, updateId));
    }

    @PostMapping("/admin/appeals/{id}/resources")
    @CanEdit
    String addResource(@PathVariable long id, @Valid @ModelAttribute("resourceForm") AppealAdminForms.ResourceForm form,
                       BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        if (!errors.hasErrors()) {
            if (form.hasFile()) {
                byte[] content = form.file().getBytes();
                if (content.length > MAX_DOCUMENT_BYTES) {
                    errors.rejectValue("file", "admin.resource.tooLarge");
                } else if (!isPdf(content)) {
                    errors.rejectValue("file", "admin.resource.notPdf");
                }
            } else if (form.url() == null || !form.url().strip().toLowerCase().matches("https?://\\S+")) {
                errors.rejectValue("url", "admin.resource.badUrl");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showPage(editing.get(id), null, model);
        }
        return act(id, model, response, redirect, "admin.saved", () -> {
            if (form.hasFile()) {
                editing.addDocument(id, form.version(), form.label(),
                        safeFileName(form.file().getOriginalFilename()), bytes(form));
            } else {
                editing.addResource(id, form.version(), AppealResource.link(form.label(), form.url()));
            }
        });
    }

    @PostMapping("/admin/appeals/{id}/resources/{resourceId}/delete")
    @CanEdit
    String removeResource(@PathVariable long id, @PathVariable long resourceId, @RequestParam(required = false) Long version,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, model, response, redirect, "admin.saved", () -> editing.removeResource(id, version, resourceId));
    }

    private static byte[] bytes(AppealAdminForms.ResourceForm form) {
        try {
            return form.file().getBytes();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** By content, not by the name or type the browser claims. */
    private static boolean isPdf(byte[] content) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        return content.length > magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static String safeFileName(String original) {
        String name = original == null ? "" : original.replaceAll("^.*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
        name = name.isBlank() ? "document" : name.strip();
        return name.toLowerCase().endsWith(".pdf") ? name : name + ".pdf";
    }

    // --- shared --------------------------------------------------------------------------------

    /** People quote the reference back, so two appeals may not share it (with the same follow-up number). */
    private void checkReference(AppealForm form, Long id, BindingResult errors) {
        if (errors.getTarget() != null && !errors.hasFieldErrors("referenceCode") && !errors.hasFieldErrors("followUpNumber")
                && editing.referenceTaken(form.referenceCode().strip(), form.followUpNumber(), id)) {
            errors.rejectValue("referenceCode", "appeal.reference.taken");
        }
    }

    /** Runs one change; a stale page or a broken rule shows the appeal again with the reason. */
    private String act(long id, Model model, HttpServletResponse response, RedirectAttributes redirect, String notice,
                       Runnable change) {
        try {
            change.run();
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            return refuse(id, model, response, HttpStatus.CONFLICT, "admin.appeal.stale");
        } catch (AppealRuleException refused) {
            return refuse(id, model, response, HttpStatus.CONFLICT, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/appeals/" + id;
    }

    private String refuse(long id, Model model, HttpServletResponse response, HttpStatus status, String problem) {
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        return showPage(editing.get(id), null, model);
    }

    private String showPage(Appeal appeal, String targetQuery, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("letters", letters.of(appeal.getId()));
        model.addAttribute("trail", audit.trailOf(AppealEditing.SUBJECT, appeal.getId()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("situations", Situation.values());
        model.addAttribute("targetQuery", targetQuery);
        if (targetQuery != null && !targetQuery.isBlank()) {
            model.addAttribute("matches", directory.search(targetQuery, 20));
        }
        // Each small form needs its object on the page, blank unless it just failed validation.
        if (!model.containsAttribute("targetForm")) {
            model.addAttribute("targetForm", TargetForm.empty());
        }
        if (!model.containsAttribute("updateForm")) {
            model.addAttribute("updateForm", new AppealAdminForms.UpdateForm(null, null, null, null));
        }
        if (!model.containsAttribute("resourceForm")) {
            model.addAttribute("resourceForm", new AppealAdminForms.ResourceForm(null, null, null, null));
        }
        return "admin/appeals/show";
    }
}
