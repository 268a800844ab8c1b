package org.urgentaction.appeals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanEdit;

/** An appeal's timeline of updates, and its resources: links and uploaded PDF documents. */
@Controller
@RequestMapping("/admin/appeals/{id}")
@CanEdit
class AppealTimelineController {

    /** Uploaded documents: PDF only, at most this size. */
    static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    private final AppealEditing editing;
    private final AppealAdminPages pages;

    AppealTimelineController(AppealEditing editing, AppealAdminPages pages) {
        this.editing = editing;
        this.pages = pages;
    }

    @PostMapping("/updates")
    ModelAndView addUpdate(
            @PathVariable long id,
            @Valid @ModelAttribute("updateForm") AppealAdminForms.UpdateForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return pages.invalid(id, model);
        }
        return pages.act(
                id,
                model,
                redirect,
                "admin.saved",
                () -> editing.addUpdate(
                        id, form.version(), new AppealUpdate(form.happenedOn(), form.headline(), form.body())));
    }

    @PostMapping("/updates/{updateId}/delete")
    ModelAndView removeUpdate(
            @PathVariable long id,
            @PathVariable long updateId,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.saved", () -> editing.removeUpdate(id, version, updateId));
    }

    @PostMapping("/resources")
    ModelAndView addResource(
            @PathVariable long id,
            @Valid @ModelAttribute("resourceForm") AppealAdminForms.ResourceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (!errors.hasErrors()) {
            checkResource(form, errors);
        }
        if (errors.hasErrors()) {
            return pages.invalid(id, model);
        }
        return pages.act(id, model, redirect, "admin.saved", () -> {
            if (form.hasFile()) {
                editing.addDocument(
                        id,
                        form.version(),
                        form.label(),
                        safeFileName(form.file().getOriginalFilename()),
                        bytes(form));
            } else {
                editing.addResource(id, form.version(), AppealResource.link(form.label(), form.url()));
            }
        });
    }

    @PostMapping("/resources/{resourceId}/delete")
    ModelAndView removeResource(
            @PathVariable long id,
            @PathVariable long resourceId,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.saved", () -> editing.removeResource(id, version, resourceId));
    }

    private static void checkResource(AppealAdminForms.ResourceForm form, BindingResult errors) throws IOException {
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
        String name =
                original == null ? "" : original.replaceAll("^.*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
        name = name.isBlank() ? "document" : name.strip();
        return name.toLowerCase().endsWith(".pdf") ? name : name + ".pdf";
    }
}
