package org.urgentaction.appeals;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.targets.TargetDirectory;
import org.urgentaction.targets.TargetForm;
import org.urgentaction.web.StaleEditException;

/** The staff page of one appeal, which every form on it comes back to, and the one way its changes run. */
@Component
class AppealAdminPages {

    static final String SHOW = "admin/appeals/show";

    private final AppealEditing editing;
    private final AppealLetters letters;
    private final TargetDirectory directory;
    private final AuditLog audit;

    AppealAdminPages(AppealEditing editing, AppealLetters letters, TargetDirectory directory, AuditLog audit) {
        this.editing = editing;
        this.letters = letters;
        this.directory = directory;
        this.audit = audit;
    }

    static ModelAndView toAppeal(long id) {
        return new ModelAndView("redirect:/admin/appeals/" + id);
    }

    /** Runs one change; a stale page or a broken rule shows the appeal again with the reason. */
    ModelAndView act(long id, Model model, RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            return refuse(id, model, HttpStatus.CONFLICT, "admin.appeal.stale");
        } catch (AppealRuleException refused) {
            return refuse(id, model, HttpStatus.CONFLICT, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", notice);
        return toAppeal(id);
    }

    ModelAndView refuse(long id, Model model, HttpStatus status, String problem) {
        model.addAttribute("problem", problem);
        return new ModelAndView(show(editing.get(id), null, model), status);
    }

    /** The appeal's page again, with the form that failed validation. */
    ModelAndView invalid(long id, Model model) {
        return new ModelAndView(show(editing.get(id), null, model), HttpStatus.BAD_REQUEST);
    }

    String show(Appeal appeal, String targetQuery, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("officials", directory.officialsOf(appeal.targetIds()));
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
        return SHOW;
    }
}
