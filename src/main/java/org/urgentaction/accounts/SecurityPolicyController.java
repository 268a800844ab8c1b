package org.urgentaction.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.audit.AuditLog;

/**
 * The organisation's security policy: whether editors too need a second factor (administrators
 * and organisers always do). Editors without one are asked to enrol at their next login.
 */
@Controller
@AdminOnly
class SecurityPolicyController {

    private final SecurityPolicies policies;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SecurityPolicyController(SecurityPolicies policies, AuditLog audit, TransactionTemplate transaction) {
        this.policies = policies;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/admin/security")
    String page(Model model) {
        model.addAttribute("policy", policies.current());
        return "admin/accounts/security";
    }

    @PostMapping("/admin/security")
    ModelAndView change(
            @RequestParam(defaultValue = "false") boolean editorsNeedSecondFactor,
            @RequestParam(defaultValue = "-1") long version,
            Model model,
            RedirectAttributes redirect) {
        boolean changed = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!policies.change(editorsNeedSecondFactor, version)) {
                return false;
            }
            audit.record(
                    "security.policyChanged",
                    "security_policy",
                    1L,
                    "editors need a second factor: " + editorsNeedSecondFactor);
            return true;
        }));
        if (!changed) {
            model.addAttribute("stale", true);
            return new ModelAndView(page(model), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/security");
    }
}
